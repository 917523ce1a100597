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
// person would: search a name, land on the person's page, see the network
// with the right people, click a meeting and read its evidence, run a
// saved Gizmo query, download an export, and follow a "did you mean".
// What the pages must show is read from the store through kg query, not
// written into the test.
func TestServeInBrowser(t *testing.T) {
	db, env := loadedStore(t)

	// Rouhani's contacts, and the sentences behind each of his meetings.
	type withEvidence struct {
		Who      []string `json:"who"`
		Evidence []string `json:"evidence"`
	}
	out, errOut, code := runKG(t, env, "query", "--format", "json", "-e",
		`kg.meetings({person: "Rouhani"}, function (m) { kg.emit({who: m.participants, evidence: g.V(m.id).Out("<kg:evidence>").ToArray()}); });`)
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

	srv := startServe(t, db)
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

	// Search → the person page → the network.
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#search`), "Rouhani"),
		chromedp.Click(chromedp.CSS(`#search-form button`)),
		chromedp.WaitVisible(chromedp.CSS(`#graph[data-people]`)),
	)
	if err != nil {
		t.Fatalf("search for Rouhani: %v\n%s", err, srv.log)
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
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(`#graph`))); err != nil {
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
	screenshot(t, ctx, "serve-person.png")

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
	waitCtx, stopWaiting := context.WithTimeout(ctx, time.Minute)
	defer stopWaiting()
	progress := chromedp.BrowserEvents(waitCtx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#downloads a[data-format="graphml"]`))); err != nil {
		t.Fatalf("click GraphML: %v", err)
	}
	var guid string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download GraphML: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
	}
	doc, err := os.ReadFile(filepath.Join(downloads, guid))
	if err != nil {
		t.Fatal(err)
	}
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
// page then shows the duplicate's name among the person's.
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
		chromedp.WaitVisible(chromedp.CSS(`#merge-confirm`)),
	)
	if err != nil {
		t.Fatalf("open the merge dialog: %v\n%s", err, srv.log)
	}
	screenshot(t, ctx, "serve-merge.png")
	question := evaluate[string](t, ctx, `document.getElementById("dialog-box").textContent`)
	if !strings.Contains(question, "Merge Ali Akbar Velayati into Imad Khamis?") || !strings.Contains(question, "kg alias --undo undoes it") {
		t.Errorf("the confirmation says %q", question)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#merge-confirm`)),
		chromedp.WaitNotVisible(chromedp.CSS(`#dialog`)),
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
	if !strings.Contains(srv.log.String(), "merged ") {
		t.Errorf("the server did not log the merge:\n%s", srv.log)
	}
}
