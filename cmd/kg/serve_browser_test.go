package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// browserContext starts headless Chromium (Debian's chromium, which
// .ci/test installs) and returns a context driving one tab of it.
func browserContext(t *testing.T) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is not installed; .ci/test installs it (apt-get install chromium)")
		}
		t.Skip("chromium is not installed (apt-get install chromium); the browser tests need it")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // tests run as root in CI
		chromedp.WindowSize(1400, 1000),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	ctx, stopAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(stopAlloc)
	ctx, stopBrowser := chromedp.NewContext(ctx)
	t.Cleanup(stopBrowser)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// screenshot saves the whole page as PNG under KG_SCREENSHOTS (docs/img
// when refreshing the pictures of docs/serve.md), or in the test's
// temporary folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("KG_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeInBrowser drives kg serve's pages in headless Chromium as a
// person would: search part of a name, land on the person's page, see the
// network with the right people, click a meeting and read its evidence,
// retract the meeting after confirming, see it go, undo, see it back, read
// the corrections, run a saved Gizmo query, download exports, choose among
// the people a name fits, and follow a "did you mean". What the pages must
// show is read from the store through kg query, not written into the test.
func TestServeInBrowser(t *testing.T) {
	db, env := loadedStore(t)

	// Rouhani's contacts, and the sentences behind each of his meetings.
	type withEvidence struct {
		Who      []string `json:"who"`
		Evidence []string `json:"evidence"`
	}
	out, errOut, code := runKG(t, env, "query", "--format", "json", "-e",
		`kg.meetings({person: "Rouhani"}, function (m) {
			var said = [];
			m.evidence.forEach(function (e) { said = said.concat(e.sentences); });
			kg.emit({who: m.participants, evidence: said});
		});`)
	if code != 0 {
		t.Fatalf("kg query: exit %d\n%s", code, errOut)
	}
	var meetings []withEvidence
	if err := json.Unmarshal([]byte(out), &meetings); err != nil || len(meetings) == 0 {
		t.Fatalf("Rouhani's meetings: %v\n%s", err, out)
	}
	contacts := map[string]bool{}
	for _, m := range meetings {
		for _, p := range m.Who {
			contacts[p] = true
		}
	}
	wantPeople := keys(contacts)
	meeting := meetings[len(meetings)-1] // the oldest
	var other string
	for _, p := range meeting.Who {
		if p != "Hassan Rouhani" {
			other = p
		}
	}
	sort.Strings(meeting.Evidence)

	srv := startServe(t, db, "--allow-edits")
	ctx := browserContext(t)
	downloads := t.TempDir()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: new(true),
	})
	if err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#latest ol.entries`)),
	)
	if err != nil {
		t.Fatalf("open the home page: %v\n%s", err, srv.log)
	}
	screenshot(t, ctx, "serve-home.png")

	// Search part of the name → the person page → the network.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#search`), "hassan"),
		chromedp.Click(chromedp.CSS(`#search-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#graph[data-people]`)),
	)
	if err != nil {
		t.Fatalf("search for hassan: %v\n%s", err, srv.log)
	}
	if got := evaluate[string](t, ctx, `document.querySelector("#person h1").textContent`); got != "Hassan Rouhani" {
		t.Errorf("searching hassan opens the page of %q, want Hassan Rouhani", got)
	}
	people := evaluate[[]string](t, ctx, `kgGraph.nodes().map(function (n) { return n.data("label"); }).sort()`)
	roots := evaluate[[]string](t, ctx, `kgGraph.nodes("[root = 'yes']").map(function (n) { return n.data("label"); })`)
	if strings.Join(people, "|") != strings.Join(wantPeople, "|") {
		t.Errorf("the network shows %v, want Rouhani and whoever he met: %v", people, wantPeople)
	}
	if len(roots) != 1 || roots[0] != "Hassan Rouhani" {
		t.Errorf("the network is centred on %v, want Hassan Rouhani", roots)
	}

	// Click the line between Rouhani and the other participant of his
	// oldest meeting: a real mouse click at the line's middle.
	// Cytoscape learns of a scroll at the next frames, as a person's
	// click would come after them.
	err = chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(`#graph`)))
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(function (done) {
			requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });
		})`, chromedp.EvalAwaitPromise))
	}
	if err != nil {
		t.Fatal(err)
	}
	at := evaluate[[]float64](t, ctx, `(function () {
		var e = kgGraph.edges().filter(function (e) {
			return [e.source().data("label"), e.target().data("label")].sort().join("|") === `+jsString(strings.Join(sortedPair("Hassan Rouhani", other), "|"))+`;
		})[0];
		var p = e.renderedMidpoint(), r = document.getElementById("graph").getBoundingClientRect();
		return [r.left + p.x, r.top + p.y];
	})()`)
	err = chromedp.Do(ctx,
		chromedp.MouseClickXY(at[0], at[1]),
		chromedp.WaitVisible(chromedp.CSS(`#edge-panel button.entry`)),
		chromedp.Click(chromedp.CSS(`#edge-panel button.entry`)),
		chromedp.WaitVisible(chromedp.CSS(`#edge-panel blockquote.sentence`)),
	)
	if err != nil {
		t.Fatalf("click the meeting Rouhani–%s: %v\n%s", other, err, srv.log)
	}
	sentences := evaluate[[]string](t, ctx, `Array.prototype.map.call(document.querySelectorAll("#edge-panel blockquote.sentence"), function (b) { return b.textContent; }).sort()`)
	marks := evaluate[[]string](t, ctx, `Array.prototype.map.call(document.querySelectorAll("#edge-panel mark"), function (m) { return m.textContent; })`)
	if strings.Join(sentences, "\n") != strings.Join(meeting.Evidence, "\n") {
		t.Errorf("the evidence shown:\n%s\nwant the sentences stored for the meeting:\n%s",
			strings.Join(sentences, "\n"), strings.Join(meeting.Evidence, "\n"))
	}
	if !markedName(marks, "Rouhani") || !markedName(marks, lastWord(other)) {
		t.Errorf("names marked in the evidence: %v; want Rouhani and %s", marks, lastWord(other))
	}
	// The seed articles have no URL: each says where it was read, and
	// that kg keeps only these sentences of it.
	for _, c := range evaluate[[]string](t, ctx, `Array.prototype.map.call(document.querySelectorAll("#edge-panel .evidence .context"), function (p) { return p.textContent; })`) {
		if !strings.Contains(c, "kg keeps only the sentences") || !strings.Contains(c, "read from") || !strings.Contains(c, "articles.jsonl:") {
			t.Errorf("the evidence's context says %q; want that kg keeps only the sentences, and the file the article was read from", c)
		}
	}
	screenshot(t, ctx, "serve-person.png")

	// Retract the meeting, after confirming: it leaves the timeline and
	// the network; undo from the notice: it is back.
	factID := evaluate[string](t, ctx, `document.querySelector("#edge-panel button.entry").getAttribute("data-id")`)
	inTimeline := `#timeline button.entry[data-id="` + factID + `"]`
	pairMeetings := 0
	for _, m := range meetings {
		if slices.Contains(m.Who, other) {
			pairMeetings++
		}
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(inTimeline)),
		chromedp.Click(chromedp.CSS(`#edge-panel button.retract`)),
		chromedp.WaitVisible(chromedp.CSS(`.confirm[data-action="retract"] #edit-confirm`)),
		chromedp.SendKeys(chromedp.CSS(`#edit-why`), "a courtesy call, not talks"),
		chromedp.SendKeys(chromedp.CSS(`#edit-by`), "jane"),
	)
	if err != nil {
		t.Fatalf("ask to retract %s: %v\n%s", factID, err, srv.log)
	}
	if q := evaluate[string](t, ctx, `document.getElementById("dialog-box").textContent`); !strings.Contains(q, "Retract meeting") || !strings.Contains(q, other) {
		t.Errorf("the retraction asks %q; want the meeting with %s named", q, other)
	}
	screenshot(t, ctx, "serve-retract.png")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#edit-confirm`)),
		chromedp.WaitVisible(chromedp.CSS(`#notice-undo`)),
		chromedp.WaitVisible(chromedp.CSS(`#timeline ol.entries`)),
		chromedp.WaitVisible(chromedp.CSS(`#graph[data-people]`)),
	)
	if err != nil {
		t.Fatalf("retract %s: %v\n%s", factID, err, srv.log)
	}
	if n := evaluate[int](t, ctx, `document.querySelectorAll(`+jsString(inTimeline)+`).length`); n != 0 {
		t.Errorf("the retracted meeting is still in the timeline")
	}
	pairEdges := `kgGraph.edges().filter(function (e) {
			return [e.source().data("label"), e.target().data("label")].sort().join("|") === ` + jsString(strings.Join(sortedPair("Hassan Rouhani", other), "|")) + `;
		}).length`
	if n := evaluate[int](t, ctx, pairEdges); pairMeetings == 1 && n != 0 {
		t.Errorf("the network still joins Rouhani and %s after their one meeting was retracted", other)
	}
	if text := evaluate[string](t, ctx, `document.getElementById("notice-text").textContent`); !strings.Contains(text, "Retracted meeting/") {
		t.Errorf("the notice after the retraction says %q", text)
	}
	screenshot(t, ctx, "serve-retracted.png")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#notice-undo`)),
		chromedp.WaitVisible(chromedp.CSS(`.confirm[data-action="undo"] #edit-confirm`)),
		chromedp.Click(chromedp.CSS(`#edit-confirm`)),
		chromedp.WaitVisible(chromedp.CSS(inTimeline)),
		chromedp.WaitVisible(chromedp.CSS(`#graph[data-people]`)),
	)
	if err != nil {
		t.Fatalf("undo the retraction of %s: %v\n%s", factID, err, srv.log)
	}
	if n := evaluate[int](t, ctx, pairEdges); n != 1 {
		t.Errorf("after the undo the network has %d lines between Rouhani and %s, want 1", n, other)
	}
	if got := evaluate[[]string](t, ctx, `kgGraph.nodes().map(function (n) { return n.data("label"); }).sort()`); !slices.Equal(got, wantPeople) {
		t.Errorf("after the undo the network shows %v, want %v", got, wantPeople)
	}

	// The corrections page: the retraction, by jane, why, undone; and the undo.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/#/corrections"),
		chromedp.WaitVisible(chromedp.CSS(`table.corrections-list tbody tr`)),
	)
	if err != nil {
		t.Fatalf("the corrections page: %v", err)
	}
	rowsText := evaluate[[]string](t, ctx, `Array.prototype.map.call(document.querySelectorAll("table.corrections-list tbody tr"), function (r) { return r.textContent; })`)
	if len(rowsText) != 2 || !strings.Contains(rowsText[0], "jane") || !strings.Contains(rowsText[0], "a courtesy call, not talks") ||
		!strings.Contains(rowsText[0], "undone by") || !strings.Contains(rowsText[1], "undo") {
		t.Errorf("the corrections page lists %q; want jane's retraction, undone, then the undo", rowsText)
	}
	screenshot(t, ctx, "serve-corrections.png")
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/#/person/kg:person%2Fhsn-run"),
		chromedp.WaitVisible(chromedp.CSS(`#graph[data-people]`)),
	)
	if err != nil {
		t.Fatalf("back to Rouhani's page: %v", err)
	}

	// Depth 2, then the last month of the date slider: the network holds
	// the people kg export gives for the same view.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`input[name="depth"][value="2"]`)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#graph[data-people="%d"]`, len(exportedPeople(t, env, "--depth", "2"))))),
	)
	if err != nil {
		t.Fatalf("depth 2: %v", err)
	}
	if got, want := evaluate[[]string](t, ctx, `kgGraph.nodes().map(function (n) { return n.data("label"); }).sort()`), exportedPeople(t, env, "--depth", "2"); !slices.Equal(got, want) {
		t.Errorf("at depth 2 the network shows %v, want %v", got, want)
	}
	last := evaluate[string](t, ctx, `(function () {
		var f = document.getElementById("range-from"), to = document.getElementById("range-to");
		f.value = f.max; to.value = to.max;
		f.dispatchEvent(new Event("input")); f.dispatchEvent(new Event("change"));
		return document.getElementById("range-label").textContent;
	})()`)
	month := strings.Fields(last)[0]
	want := exportedPeople(t, env, "--depth", "2", "--from", month, "--to", month)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#graph[data-people="%d"]`, len(want))))); err != nil {
		t.Fatalf("the slider at %s: %v", last, err)
	}
	if got := evaluate[[]string](t, ctx, `kgGraph.nodes().map(function (n) { return n.data("label"); }).sort()`); !slices.Equal(got, want) {
		t.Errorf("in %s the network shows %v, want %v", month, got, want)
	}
	screenshot(t, ctx, "serve-network.png")

	// Download the view as GraphML: the file holds the people drawn.
	doc := download(t, ctx, downloads, chromedp.Click(chromedp.CSS(`#downloads a[data-format="graphml"]`)))
	if n := countXML(t, doc, "node"); n != len(want) {
		t.Errorf("the downloaded GraphML has %d nodes, want the %d people drawn", n, len(want))
	}

	// The Gizmo page: the saved query meetings for Rouhani.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/#/query"),
		chromedp.WaitVisible(chromedp.CSS(`button[data-query="meetings"]`)),
		chromedp.Click(chromedp.CSS(`button[data-query="meetings"]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[data-arg="person"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[data-arg="person"]`), "Rouhani"),
		chromedp.Click(chromedp.CSS(`#run`)),
		chromedp.WaitVisible(chromedp.CSS(`#results table.results tbody tr`)),
	)
	if err != nil {
		t.Fatalf("run the saved query meetings: %v\n%s", err, srv.log)
	}
	rows := evaluate[int](t, ctx, `document.querySelectorAll("#results table.results tbody tr").length`)
	firstRow := evaluate[string](t, ctx, `document.querySelector("#results table.results tbody tr").textContent`)
	if rows != len(meetings) || !strings.Contains(firstRow, "Hassan Rouhani") {
		t.Errorf("the Gizmo page shows %d rows (first %q), want Rouhani's %d meetings", rows, firstRow, len(meetings))
	}
	screenshot(t, ctx, "serve-query.png")

	// Download the results as CSV: a header and a line per meeting.
	csvFile := download(t, ctx, downloads, chromedp.Click(chromedp.CSS(`button[data-download="csv"]`)))
	if lines := strings.Count(strings.TrimSpace(string(csvFile)), "\n"); lines != len(meetings) || !strings.Contains(string(csvFile), "Hassan Rouhani") {
		t.Errorf("the CSV of the results has %d lines after its header, want Rouhani's %d meetings:\n%s", lines, len(meetings), csvFile)
	}

	// A name several people fit: the page says who each is, to choose.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/#/search/Ali"),
		chromedp.WaitVisible(chromedp.CSS(`#results ul.people`)),
	)
	if err != nil {
		t.Fatalf("search Ali: %v", err)
	}
	out, errOut, code = runKG(t, env, "query", "meetings", "--arg", "person=Ali")
	choices := evaluate[[]string](t, ctx, `Array.prototype.map.call(document.querySelectorAll("#results ul.people li"), function (li) { return li.textContent; })`)
	if code == 0 || len(choices) < 2 {
		t.Fatalf("Ali: kg query exits %d, the page offers %v; want both to say several people fit", code, choices)
	}
	for _, c := range choices {
		name, _, _ := strings.Cut(c, ",")
		if !strings.Contains(errOut, name) {
			t.Errorf("the page offers %q, which kg query does not name for Ali: %s", c, errOut)
		}
	}
	screenshot(t, ctx, "serve-ambiguous.png")
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#results ul.people li a.person`)),
		chromedp.WaitVisible(chromedp.CSS(`#person h1`)),
	)
	if err != nil {
		t.Fatalf("choose an Ali: %v", err)
	}
	chosen, _, _ := strings.Cut(choices[0], ",")
	if got := evaluate[string](t, ctx, `document.querySelector("#person h1").textContent`); got != chosen {
		t.Errorf("choosing %q opens the page of %q", chosen, got)
	}

	// A misspelt name: the page suggests the person.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/#/search/Rowhani"),
		chromedp.WaitVisible(chromedp.CSS(`.suggest a`)),
	)
	if err != nil {
		t.Fatalf("search Rowhani: %v", err)
	}
	if got := evaluate[string](t, ctx, `document.querySelector(".suggest a").textContent`); got != "Hassan Rouhani" {
		t.Errorf("searching Rowhani suggests %q, want Hassan Rouhani", got)
	}
	screenshot(t, ctx, "serve-search.png")
}

// download runs click, waits for the download it starts and returns the
// file's content.
func download(t *testing.T, ctx context.Context, dir string, click chromedp.Action[chromedp.Void]) []byte {
	t.Helper()
	waitCtx, stopWaiting := context.WithTimeout(ctx, time.Minute)
	defer stopWaiting()
	progress := chromedp.BrowserEvents(waitCtx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, click); err != nil {
		t.Fatalf("start the download: %v", err)
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			b, err := os.ReadFile(filepath.Join(dir, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("the download did not complete")
	return nil
}

// evaluate runs a JavaScript expression in the page and returns its value.
func evaluate[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// exportedPeople lists the people kg export puts in Rouhani's network.
func exportedPeople(t *testing.T, env []string, flags ...string) []string {
	t.Helper()
	out, errOut, code := runKG(t, env, append([]string{"export", "--format", "cytoscape", "--person", "Rouhani"}, flags...)...)
	if code != 0 {
		t.Fatalf("kg export %v: exit %d\n%s", flags, code, errOut)
	}
	var g struct {
		Elements struct {
			Nodes []struct {
				Data struct{ Label string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range g.Elements.Nodes {
		names = append(names, n.Data.Label)
	}
	sort.Strings(names)
	return names
}

func sortedPair(a, b string) []string {
	p := []string{a, b}
	sort.Strings(p)
	return p
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func lastWord(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}

func markedName(marks []string, name string) bool {
	for _, m := range marks {
		if strings.Contains(m, name) {
			return true
		}
	}
	return false
}

// TestServeMergeInBrowser: with --allow-edits, a person's page merges a
// duplicate after asking for confirmation, carrying the page's token; the
// duplicate's name is then among the person's; the notice's Undo, once
// confirmed, makes them two people again.
func TestServeMergeInBrowser(t *testing.T) {
	db, _ := loadedStore(t)
	srv := startServe(t, db, "--allow-edits")
	ctx := browserContext(t)
	var found struct{ People []struct{ ID string } }
	srv.get(t, "/api/v1/people?q=Khamis", 200, &found)
	if len(found.People) != 1 {
		t.Fatalf("Khamis finds %+v", found)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.url+"/#/person/"+found.People[0].ID),
		chromedp.WaitVisible(chromedp.CSS(`#graph[data-people]`)),
		chromedp.WaitVisible(chromedp.CSS(`#merge-open`)),
		chromedp.Click(chromedp.CSS(`#merge-open`)),
		chromedp.WaitVisible(chromedp.CSS(`#merge-search`)),
		chromedp.SendKeys(chromedp.CSS(`#merge-search`), "Velayati\n"),
		chromedp.WaitVisible(chromedp.CSS(`#merge-found button.entry`)),
		chromedp.Click(chromedp.CSS(`#merge-found button.entry`)),
		chromedp.WaitVisible(chromedp.CSS(`#edit-confirm`)),
	)
	if err != nil {
		t.Fatalf("open the merge dialog: %v\n%s", err, srv.log)
	}
	screenshot(t, ctx, "serve-merge.png")
	question := evaluate[string](t, ctx, `document.getElementById("dialog-box").textContent`)
	if !strings.Contains(question, "Merge Ali Akbar Velayati into Imad Khamis?") || !strings.Contains(question, "can be undone") {
		t.Errorf("the confirmation says %q", question)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#edit-confirm`)),
		chromedp.WaitNotVisible(chromedp.CSS(`#dialog`)),
		chromedp.WaitVisible(chromedp.CSS(`#notice-undo`)),
		chromedp.WaitVisible(chromedp.CSS(`#person h1`)),
	)
	if err != nil {
		t.Fatalf("confirm the merge: %v\n%s", err, srv.log)
	}
	var p struct{ Aliases []string }
	srv.get(t, "/api/v1/person?id="+found.People[0].ID, 200, &p)
	if !slices.Contains(p.Aliases, "Ali Akbar Velayati") {
		t.Errorf("after the merge Khamis's names are %v, want Ali Akbar Velayati among them", p.Aliases)
	}
	if !strings.Contains(srv.log.String(), "joined Ali Akbar Velayati") {
		t.Errorf("the server did not log the merge:\n%s", srv.log)
	}

	// Undo it from the notice: Velayati is his own person again.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#notice-undo`)),
		chromedp.WaitVisible(chromedp.CSS(`.confirm[data-action="undo"] #edit-confirm`)),
		chromedp.Click(chromedp.CSS(`#edit-confirm`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#notice-undo`)),
		chromedp.WaitVisible(chromedp.CSS(`#person h1`)),
	)
	if err != nil {
		t.Fatalf("undo the merge: %v\n%s", err, srv.log)
	}
	srv.get(t, "/api/v1/person?id="+found.People[0].ID, 200, &p)
	if slices.Contains(p.Aliases, "Ali Akbar Velayati") {
		t.Errorf("after the undo Khamis's names are still %v", p.Aliases)
	}
	var velayati struct{ People []struct{ ID string } }
	srv.get(t, "/api/v1/people?q=Velayati", 200, &velayati)
	if len(velayati.People) != 1 || velayati.People[0].ID == found.People[0].ID {
		t.Errorf("after the undo Velayati finds %+v, want himself", velayati)
	}
}
