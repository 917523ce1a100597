package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// servedKG is a `kg serve` process started by a test.
type servedKG struct {
	url  string
	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{}
	code int
}

var servingAt = regexp.MustCompile(`at (http://\S+) \(Ctrl\+C to stop\)`)

// startServe starts `kg serve` on a free loopback port for the store db and
// waits until it says where it listens. It is stopped with SIGTERM when the
// test ends, unless the test stopped it itself.
func startServe(t *testing.T, db string, args ...string) *servedKG {
	t.Helper()
	cmd := exec.Command(kgBinary(t), append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "KG_DB="+db, "KG_BACKEND=")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start kg serve: %v", err)
	}
	s := &servedKG{cmd: cmd, log: &syncBuffer{}, done: make(chan struct{})}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(s.log, line)
			if m := servingAt.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		cmd.Wait()
		s.code = cmd.ProcessState.ExitCode()
		close(s.done)
	}()
	select {
	case s.url = <-found:
	case <-s.done:
		t.Fatalf("kg serve exited with status %d before serving:\n%s", s.code, s.log)
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("kg serve did not say where it listens:\n%s", s.log)
	}
	t.Cleanup(func() {
		select {
		case <-s.done:
		default:
			s.stop(t)
		}
	})
	return s
}

// stop sends SIGTERM and waits for the server to end; it returns the exit
// status.
func (s *servedKG) stop(t *testing.T) int {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-s.done
		t.Errorf("kg serve did not stop within a minute of SIGTERM:\n%s", s.log)
	}
	return s.code
}

// get fetches path from the server and decodes its JSON answer into out,
// failing the test unless the status is want.
func (s *servedKG) get(t *testing.T, path string, want int, out any) {
	t.Helper()
	resp, err := http.Get(s.url + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, want, body)
	}
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, body)
		}
	}
}

// post sends body to path and returns the status and the answer.
func (s *servedKG) post(t *testing.T, path, contentType, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(s.url+path, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// loadedStore makes a store of the seed articles and returns its folder
// and the environment that names it.
func loadedStore(t *testing.T) (db string, env []string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "kg.db")
	env = []string{"KG_DB=" + db, "KG_BACKEND="}
	if out, errOut, code := runKG(t, env, "load", seeds); code != 0 {
		t.Fatalf("kg load: exit %d\n%s%s", code, out, errOut)
	}
	return db, env
}

// meetingJSON is a meeting as kg query meetings --format json prints it.
type meetingJSON struct {
	Participants []string `json:"participants"`
	Date         *string  `json:"date"`
	Sources      []string `json:"sources"`
}

func queryMeetings(t *testing.T, env []string, args ...string) []meetingJSON {
	t.Helper()
	out, errOut, code := runKG(t, env, append([]string{"query", "meetings", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("kg query meetings %v: exit %d\n%s", args, code, errOut)
	}
	var got []meetingJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("meetings JSON: %v\n%s", err, out)
	}
	return got
}

// TestServeSharesTheStore: while kg serve holds the store, kg query,
// stats, export, dump, repl and load work through it and give what they
// give without it; commands that need the store to themselves say what to
// do; a load shows in the API at once; SIGTERM leaves the store intact.
func TestServeSharesTheStore(t *testing.T) {
	db, env := loadedStore(t)
	// What the commands answer on their own, before the server holds the store.
	wantMeetings, _, _ := runKG(t, env, "query", "meetings", "--format", "json")
	wantStats, _, _ := runKG(t, env, "stats", "--format", "json")
	dir := t.TempDir()
	localExport := filepath.Join(dir, "local.graphml")
	if _, errOut, code := runKG(t, env, "export", "--format", "graphml", "--person", "Rouhani", "--depth", "2", "--out", localExport); code != 0 {
		t.Fatalf("kg export: exit %d\n%s", code, errOut)
	}

	srv := startServe(t, db)
	if _, err := os.Stat(filepath.Join(db, "kg.serve")); err != nil {
		t.Fatalf("kg serve did not announce itself in the store folder: %v", err)
	}

	got, errOut, code := runKG(t, env, "query", "meetings", "--format", "json")
	if code != 0 || got != wantMeetings {
		t.Errorf("kg query meetings through the server: exit %d, %s\ngot  %s\nwant %s", code, errOut, got, wantMeetings)
	}
	if got, errOut, code := runKG(t, env, "stats", "--format", "json"); code != 0 || got != wantStats {
		t.Errorf("kg stats through the server: exit %d, %s\ngot  %s\nwant %s", code, errOut, got, wantStats)
	}
	servedExport := filepath.Join(dir, "served.graphml")
	if _, errOut, code := runKG(t, env, "export", "--format", "graphml", "--person", "Rouhani", "--depth", "2", "--out", servedExport); code != 0 {
		t.Errorf("kg export through the server: exit %d\n%s", code, errOut)
	} else if a, b := readFile(t, localExport), readFile(t, servedExport); a != b {
		t.Errorf("kg export through the server differs from the local export:\n%s\n---\n%s", b, a)
	}
	csvDir := filepath.Join(dir, "csv")
	if _, errOut, code := runKG(t, env, "export", "--format", "csv", "--out", csvDir); code != 0 {
		t.Errorf("kg export --format csv through the server: exit %d\n%s", code, errOut)
	} else if !strings.HasPrefix(readFile(t, filepath.Join(csvDir, "edges.csv")), "Source,Target,") {
		t.Errorf("edges.csv through the server: %q", readFile(t, filepath.Join(csvDir, "edges.csv")))
	}
	var st storeStats
	if err := json.Unmarshal([]byte(wantStats), &st); err != nil {
		t.Fatal(err)
	}
	dump, errOut, code := runKG(t, env, "dump")
	if lines := strings.Count(dump, "\n"); code != 0 || int64(lines) != st.Quads {
		t.Errorf("kg dump through the server: exit %d, %d lines, want %d quads\n%s", code, lines, st.Quads, errOut)
	}
	repl := exec.Command(kgBinary(t), "repl")
	repl.Env = append(os.Environ(), env...)
	repl.Stdin = strings.NewReader(`g.V("<kg:Person>").In("<rdf:type>").Count()`)
	if out, err := repl.CombinedOutput(); err != nil || !strings.Contains(string(out), fmt.Sprint(st.People)) {
		t.Errorf("kg repl through the server: %v, want the count %d:\n%s", err, st.People, out)
	}

	// Commands that need the store to themselves say what to do.
	_, errOut, code = runKG(t, env, "alias", "Rouhani", "Khamis")
	if code != 1 || !strings.Contains(errOut, "kg serve (pid") || !strings.Contains(errOut, "stop the server") {
		t.Errorf("kg alias on a served store: exit %d, %q; want 1 and a message naming kg serve", code, errOut)
	}
	_, errOut, code = runKG(t, env, "serve", "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errOut, "already served") {
		t.Errorf("a second kg serve: exit %d, %q; want 1 and already served", code, errOut)
	}

	// A load goes through the server, and the API shows its facts at once.
	var before struct{ Quads int64 }
	srv.get(t, "/api/v1/status", http.StatusOK, &before)
	var nobody struct {
		Match  string `json:"match"`
		People []struct{ Name string }
	}
	srv.get(t, "/api/v1/people?q=Baerbock", http.StatusOK, &nobody)
	if nobody.Match != "none" {
		t.Fatalf("Baerbock is in the store before the load: %+v", nobody)
	}
	out, errOut, code := runKG(t, env, "load", "../../testdata/varied/articles.jsonl")
	if code != 0 || !strings.Contains(errOut, "loading through it") {
		t.Fatalf("kg load into the served store: exit %d\n%s%s", code, out, errOut)
	}
	var after struct{ Quads int64 }
	srv.get(t, "/api/v1/status", http.StatusOK, &after)
	if after.Quads <= before.Quads {
		t.Errorf("the load added no quads the server sees: %d then %d", before.Quads, after.Quads)
	}
	srv.get(t, "/api/v1/people?q=Baerbock", http.StatusOK, &nobody)
	if len(nobody.People) != 1 || nobody.People[0].Name != "Annalena Baerbock" {
		t.Errorf("after the load, Baerbock finds %+v, want Annalena Baerbock", nobody)
	}
	afterLoad, _, _ := runKG(t, env, "stats", "--format", "json")

	// SIGTERM: the server stops, says so, withdraws its announcement and
	// leaves a store that opens, with everything loaded.
	if code := srv.stop(t); code != 0 {
		t.Errorf("kg serve ended with status %d after SIGTERM:\n%s", code, srv.log)
	}
	if !strings.Contains(srv.log.String(), "the store is closed") {
		t.Errorf("kg serve did not say it closed the store:\n%s", srv.log)
	}
	if _, err := os.Stat(filepath.Join(db, "kg.serve")); !os.IsNotExist(err) {
		t.Errorf("kg.serve is still in the store folder after the server stopped: %v", err)
	}
	if got, errOut, code := runKG(t, env, "stats", "--format", "json"); code != 0 || got != afterLoad {
		t.Errorf("kg stats after the server stopped: exit %d, %s\ngot  %s\nwant %s", code, errOut, got, afterLoad)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestServeConcurrentClients: many clients at once get the answers one
// client gets alone, and a script that never ends holds up none of them.
func TestServeConcurrentClients(t *testing.T) {
	db, _ := loadedStore(t)
	srv := startServe(t, db, "--timeout", "2m")

	requests := []struct{ method, path, body string }{
		{"POST", "/api/v1/query/gizmo?limit=0", `g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()`},
		{"POST", "/api/v1/kg/query", `{"name": "meetings", "args": {"person": "Rouhani"}}`},
		{"GET", "/api/v1/people?q=Mekdad", ""},
		{"GET", "/api/v1/export?format=cytoscape&person=kg:person/hsn-run&depth=2", ""},
		{"GET", "/api/v1/timeline?id=kg:person/hsn-run", ""},
		{"GET", "/api/v1/stats", ""},
	}
	do := func(ctx context.Context, method, path, body string) (int, string, error) {
		req, err := http.NewRequestWithContext(ctx, method, srv.url+path, strings.NewReader(body))
		if err != nil {
			return 0, "", err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), err
	}
	alone := make([]string, len(requests))
	for i, r := range requests {
		code, body, err := do(context.Background(), r.method, r.path, r.body)
		if err != nil || code != http.StatusOK {
			t.Fatalf("%s %s: %d %v %s", r.method, r.path, code, err, body)
		}
		alone[i] = body
	}

	// A script that never ends takes a slot until its request is dropped.
	slowCtx, dropSlow := context.WithCancel(context.Background())
	slowDone := make(chan error, 1)
	go func() {
		_, _, err := do(slowCtx, "POST", "/api/v1/query/gizmo", `while (true) {}`)
		slowDone <- err
	}()
	waitFor(t, "the endless script to start", func() bool { return slowRunning(srv) })

	const clients, rounds = 8, 4
	var wg sync.WaitGroup
	errs := make(chan string, clients*rounds*len(requests))
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for k := range requests {
					i := (k + c) % len(requests)
					code, body, err := do(context.Background(), requests[i].method, requests[i].path, requests[i].body)
					if err != nil || code != http.StatusOK || body != alone[i] {
						errs <- fmt.Sprintf("client %d: %s %s: %d %v\n%s", c, requests[i].method, requests[i].path, code, err, body)
					}
				}
			}
		}(c)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	select {
	case err := <-slowDone:
		t.Fatalf("the endless script ended while the other clients worked: %v", err)
	default:
	}
	dropSlow()
	<-slowDone
	// Its slot is free again: the server still answers.
	if code, body, err := do(context.Background(), "GET", "/api/v1/stats", ""); err != nil || code != http.StatusOK {
		t.Errorf("after the endless script was dropped: %d %v %s", code, err, body)
	}
}

// slowRunning reports whether a query runs, as the server counts them.
func slowRunning(srv *servedKG) bool {
	resp, err := http.Get(srv.url + "/api/v1/status")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var st struct {
		Running int `json:"running"`
	}
	json.NewDecoder(resp.Body).Decode(&st)
	return st.Running > 0
}

// waitFor polls cond until it holds, failing the test after a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(time.Minute); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestServeLimitsAndSafety: the Gizmo API answers as Cayley's does,
// scripts reach neither files nor the network, the server's time limit
// stops scripts, edits are refused without --allow-edits, loads without
// the store's token, and requests naming another host.
func TestServeLimitsAndSafety(t *testing.T) {
	db, _ := loadedStore(t)
	srv := startServe(t, db, "--timeout", "2s", "--limit", "5")

	code, body := srv.post(t, "/api/v1/query/gizmo", "text/plain", `g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()`)
	var ans struct {
		Result []map[string]any `json:"result"`
		More   string           `json:"more"`
		Error  string           `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &ans); err != nil || code != http.StatusOK {
		t.Fatalf("gizmo: %d %v %s", code, err, body)
	}
	if len(ans.Result) != 5 || ans.More == "" {
		t.Errorf("gizmo with the server's limit of 5: %d results, more %q; want 5 and a note", len(ans.Result), ans.More)
	}
	for _, script := range []string{`require("fs")`, `fetch("http://127.0.0.1/")`, `while (true) {}`, `g.V(`} {
		code, body := srv.post(t, "/api/v1/query/gizmo", "text/plain", script)
		if err := json.Unmarshal([]byte(body), &ans); err != nil || code == http.StatusOK || ans.Error == "" {
			t.Errorf("gizmo %q: status %d, %s; want an error", script, code, body)
		}
		if script == `while (true) {}` && !strings.Contains(ans.Error, "time limit") {
			t.Errorf("the endless script: %q, want the time limit named", ans.Error)
		}
	}

	code, body = srv.post(t, "/api/v1/corrections/merge", "application/json", `{"from": "kg:person/a", "into": "kg:person/b"}`)
	if code != http.StatusForbidden || !strings.Contains(body, "--allow-edits") {
		t.Errorf("merge without --allow-edits: %d %s", code, body)
	}
	code, body = srv.post(t, "/api/v1/load?path=/etc/passwd", "text/plain", "")
	if code != http.StatusForbidden {
		t.Errorf("load without the store's token: %d %s", code, body)
	}
	req, _ := http.NewRequest("GET", srv.url+"/api/v1/stats", nil)
	req.Host = "attacker.example:7474"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a request for Host attacker.example: status %d, want 403", resp.StatusCode)
	}
	var missing struct{ Kind string }
	srv.get(t, "/api/v1/person?id=kg:person/nobody-at-all", http.StatusNotFound, &missing)
	srv.get(t, "/api/v1/export?format=gexf&person=kg:person/hsn-run&from=2030", http.StatusNotFound, &missing)
	if missing.Kind != "nothing" {
		t.Errorf("an export of nothing: kind %q, want nothing", missing.Kind)
	}
	srv.get(t, "/api/v1/export?format=gexf&from=2017-13", http.StatusBadRequest, nil)
}

// TestServeEdits: with --allow-edits, a merge needs the page's token and
// the page's origin; with both it merges, as kg alias does.
func TestServeEdits(t *testing.T) {
	db, env := loadedStore(t)
	srv := startServe(t, db, "--allow-edits")
	token := editToken(t, srv)
	if token == "" {
		t.Fatal("the page carries no edit token")
	}
	id := func(name string) string {
		var found struct{ People []struct{ ID string } }
		srv.get(t, "/api/v1/people?q="+url.QueryEscape(name), http.StatusOK, &found)
		if len(found.People) != 1 {
			t.Fatalf("%s finds %+v", name, found)
		}
		return found.People[0].ID
	}
	body := fmt.Sprintf(`{"from": %q, "into": %q}`, id("Imad Khamis"), id("Hassan Rouhani"))
	if code, body := srv.correct(t, "merge", "", "", body); code != http.StatusForbidden {
		t.Errorf("merge without the token: %d %s", code, body)
	}
	if code, body := srv.correct(t, "merge", token, "http://attacker.example", body); code != http.StatusForbidden {
		t.Errorf("merge from another origin: %d %s", code, body)
	}
	u, _ := url.Parse(srv.url)
	if code, body := srv.correct(t, "merge", token, "http://"+u.Host, body); code != http.StatusOK || !strings.Contains(body, `"correction"`) {
		t.Fatalf("merge with the token from the page's origin: %d %s", code, body)
	}
	srv.stop(t)
	var people []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	}
	out, errOut, code := runKG(t, env, "query", "people", "--arg", "person=Rouhani", "--format", "json")
	if err := json.Unmarshal([]byte(out), &people); err != nil || code != 0 || len(people) != 1 {
		t.Fatalf("kg query people after the merge: exit %d %v\n%s%s", code, err, out, errOut)
	}
	sort.Strings(people[0].Aliases)
	if !strings.Contains(strings.Join(people[0].Aliases, ";"), "Imad Khamis") {
		t.Errorf("after merging Imad Khamis into Hassan Rouhani, Rouhani's aliases are %v", people[0].Aliases)
	}
}

// TestServeLoadInterrupted: Ctrl+C on a kg load that goes through the
// server stops it as it stops a local load: what was read is stored,
// exit status 130.
func TestServeLoadInterrupted(t *testing.T) {
	db, env := loadedStore(t)
	srv := startServe(t, db)
	cmd, stdin, out, errb := startFedLoad(t, srv, env, 2)
	cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("kg load did not stop after Ctrl+C:\n%s%s", out.String(), errb.String())
	}
	stdin.Close()
	if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(errb.String(), "interrupted after") {
		t.Errorf("kg load interrupted through the server: exit %d, want 130\n%s%s", code, out.String(), errb.String())
	}
	var articles struct{ Articles int64 }
	srv.get(t, "/api/v1/stats", http.StatusOK, &articles)
	m := regexp.MustCompile(`interrupted after (\d+) articles`).FindStringSubmatch(errb.String())
	if m == nil || fmt.Sprint(articles.Articles-5) != m[1] {
		t.Errorf("the store holds %d articles besides the 5 seeds; kg load said %q", articles.Articles-5, errb.String())
	}
}

// startFedLoad starts `kg load -` on the served store and feeds it the first
// n articles of the varied set; the input stays open, as a feed between
// items does. It returns once the server is loading.
func startFedLoad(t *testing.T, srv *servedKG, env []string, n int) (cmd *exec.Cmd, stdin io.WriteCloser, out, errb *syncBuffer) {
	t.Helper()
	lines := strings.SplitAfter(readFile(t, "../../testdata/varied/articles.jsonl"), "\n")
	cmd = exec.Command(kgBinary(t), "load", "-")
	cmd.Env = append(os.Environ(), env...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, errb = &syncBuffer{}, &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(stdin, strings.Join(lines[:n], ""))
	waitFor(t, "the load to reach the server", func() bool { return loading(srv) })
	return cmd, stdin, out, errb
}

func loading(srv *servedKG) bool {
	resp, err := http.Get(srv.url + "/api/v1/status")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var st struct{ Loading bool }
	json.NewDecoder(resp.Body).Decode(&st)
	return st.Loading
}

// countXML counts the elements called name in an XML document.
func countXML(t *testing.T, doc []byte, name string) int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("read XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == name {
			n++
		}
	}
}

// TestServeStopsDuringALoad: SIGTERM while a load writes through the server
// stops the server with status 0 and leaves a store that opens, whose
// articles are whole (kg dump agrees with kg stats).
func TestServeStopsDuringALoad(t *testing.T) {
	db, env := loadedStore(t)
	srv := startServe(t, db)
	cmd, stdin, _, errb := startFedLoad(t, srv, env, 1)
	defer stdin.Close()
	if code := srv.stop(t); code != 0 {
		t.Errorf("kg serve stopped during a load: status %d\n%s", code, srv.log)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("kg load did not end when the server stopped:\n%s", errb.String())
	}
	if cmd.ProcessState.ExitCode() == 0 {
		t.Errorf("kg load through a server that stopped exited 0:\n%s", errb.String())
	}
	if !strings.Contains(errb.String(), "the server was stopped during the load") {
		t.Errorf("kg load does not say the server stopped:\n%s", errb.String())
	}
	out, errOut, code := runKG(t, env, "stats", "--format", "json")
	var st storeStats
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil {
		t.Fatalf("kg stats after the server stopped during a load: exit %d\n%s%s", code, out, errOut)
	}
	dump, _, code := runKG(t, env, "dump")
	if lines := strings.Count(dump, "\n"); code != 0 || int64(lines) != st.Quads {
		t.Errorf("after the stop, kg dump has %d lines and kg stats counts %d quads", lines, st.Quads)
	}
}
