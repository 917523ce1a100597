package main

// End-to-end tests of what kg reads and how its command line behaves: the
// real binary, real files, a real HTTP server on a loopback port, real
// named pipes and signals.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/schema"
)

// TestCommandLine checks the command line's manners: --version, short
// usage errors on stderr with status 2, global flags after the command,
// -f and -o, data on stdout and messages on stderr, and a store that does
// not exist refused by every command but load and restore.
func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	env := []string{"KG_DB=" + db}

	out, errOut, code := runKG(t, env, "--version")
	if code != 0 || !strings.Contains(out, "kg ") || !strings.Contains(out, fmt.Sprintf("store format %d", schema.FormatVersion)) {
		t.Errorf("kg --version: exit %d, stdout %q, stderr %q; want the version and the store format", code, out, errOut)
	}

	for _, args := range [][]string{
		{"--bogus"}, {"stats", "--bogus"}, {"load", "--nope", seeds}, {"stats", "extra"}, {"dump", "extra"},
		{"export", "-f", "dot", "extra"}, {"repl", "extra"}, {"query", "meetings", "extra"}, {"nosuchcommand"},
		{"eval", seeds}, {"watch", "not-a-url"}, {"watch", "--every", "1ms", "http://127.0.0.1:9/feed"},
	} {
		out, errOut, code := runKG(t, env, args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != 2 || out != "" || len(lines) != 1 || !strings.HasPrefix(errOut, "kg: ") || strings.HasPrefix(errOut, "kg: kg") || !strings.Contains(errOut, "--help") {
			t.Errorf("kg %s: exit %d, stdout %q, stderr %q; want status 2, nothing on stdout and one kg: line pointing to --help", strings.Join(args, " "), code, out, errOut)
		}
	}

	// A store that does not exist: an error, and nothing created.
	for _, args := range [][]string{{"stats"}, {"query", "meetings"}, {"dump"}, {"export", "-f", "dot"}, {"alias", "A", "B"}, {"repl"}} {
		_, errOut, code := runKG(t, env, args...)
		if code != 1 || !strings.Contains(errOut, "kg: no kg store at "+db+" (from KG_DB)") {
			t.Errorf("kg %s on a missing store: exit %d, stderr %q; want status 1 and a message naming it", strings.Join(args, " "), code, errOut)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("kg %s created the store %s", strings.Join(args, " "), db)
		}
	}

	// load creates it; its summary goes to stderr, nothing to stdout.
	out, errOut, code = runKG(t, env, "load", seeds)
	if n, ok := loadSummary(errOut); code != 0 || out != "" || !ok || n != 5 {
		t.Fatalf("kg load: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// Global flags after the command, -f, -o.
	other := filepath.Join(dir, "other.db")
	if _, errOut, code := runKG(t, nil, "load", "--db", other, seeds); code != 0 {
		t.Fatalf("kg load --db after the command: exit %d: %s", code, errOut)
	}
	out, _, code = runKG(t, nil, "stats", "--db", other, "-f", "json")
	if code != 0 || !strings.Contains(out, `"articles": 5`) {
		t.Errorf("kg stats --db X -f json: exit %d, %q", code, out)
	}
	backup := filepath.Join(dir, "backup.nq")
	out, errOut, code = runKG(t, nil, "dump", "--db", other, "-o", backup)
	if code != 0 || out != "" || !strings.Contains(errOut, "quads written to "+backup) {
		t.Errorf("kg dump --db X -o FILE: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	restored := filepath.Join(dir, "restored.db")
	if _, errOut, code := runKG(t, nil, "restore", backup, "--db", restored); code != 0 {
		t.Errorf("kg restore FILE --db NEW (the example of kg restore --help): exit %d: %s", code, errOut)
	}
	out, _, code = runKG(t, env, "query", "people", "-f", "csv")
	if code != 0 || !strings.HasPrefix(out, "name,") {
		t.Errorf("kg query people -f csv: exit %d, %q", code, out)
	}
	out, errOut, code = runKG(t, env, "alias", "Khamis", "Imad Khamis")
	if code != 0 || out != "" || !strings.Contains(errOut, "already one person") {
		t.Errorf("kg alias: exit %d, stdout %q, stderr %q; want its message on stderr", code, out, errOut)
	}
	_, errOut, code = runKG(t, env, "extract", "-f", "nquads", filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "1 input skipped") {
		t.Errorf("kg extract of a missing file: exit %d, stderr %q; want \"1 input skipped\"", code, errOut)
	}
	_, errOut, code = runKG(t, env, "export", "-f", "dot", "-o", filepath.Join(dir, "no-such-dir", "net.dot"))
	if code != 1 || strings.Contains(errOut, ".net.dot.") {
		t.Errorf("kg export to a missing folder: exit %d, stderr %q; want an error naming the file, not a temporary one", code, errOut)
	}
}

// TestExitStatus: a feed item without text is a warning (0), unreadable or
// refused input an error (1), wrong usage 2.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	env := []string{"KG_DB=" + filepath.Join(dir, "kg.db")}
	gdelt := filepath.Join(dir, "20190918150000.export.CSV")
	row := "880411200\t20190918\t201909\t2019\t2019.7096" + strings.Repeat("\tx", 56)
	os.WriteFile(gdelt, []byte(row+"\n"+row+"\n"), 0o644)
	xlsx := filepath.Join(dir, "articles.xlsx")
	os.WriteFile(xlsx, []byte("PK\x03\x04\x14\x00\x00\x00xl/workbook.xml"), 0o644)
	french := filepath.Join(dir, "fr.txt")
	os.WriteFile(french, []byte("Le président iranien Hassan Rohani a reçu mercredi à Téhéran le Premier ministre syrien Imad Khamis pour évoquer les pourparlers d'Astana et la reconstruction du pays.\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"load", "../../loaders/testdata/feeds/world.rss"}, 0, `item 3 ("Photo gallery: snow in Tehran") has no content or description, skipped`},
		{[]string{"load", french}, 0, "1 article not in English skipped (fr 1)"},
		{[]string{"load", gdelt}, 1, "this looks like a GDELT events table"},
		{[]string{"load", xlsx}, 1, "an Excel spreadsheet (.xlsx), not articles"},
		{[]string{"load", filepath.Join(dir, "missing.jsonl")}, 1, "no such file or folder"},
		{[]string{"load", "--date", "yesterday", seeds}, 2, "is not a date"},
	} {
		_, errOut, code := runKG(t, env, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("kg %s: exit %d, stderr %q; want %d and %q", strings.Join(tc.args, " "), code, errOut, tc.code, tc.want)
		}
	}
}

// TestSameStoryFromTwoFormats loads testdata/, where the seed articles are
// both .txt files and JSON Lines records: each is stored once, with both
// places it was read, and the dated copy's publication date.
func TestSameStoryFromTwoFormats(t *testing.T) {
	env := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db")}
	_, errOut, code := runKG(t, env, "load", "../../testdata/")
	if code != 1 || !strings.Contains(errOut, "5 copies of stories stored from elsewhere") {
		t.Errorf("kg load testdata/: exit %d (the gold files are not articles), stderr %q", code, errOut)
	}
	if st := stats(t, env); st.Articles != 18 {
		t.Errorf("%d articles stored from testdata/, want 18 (5 seeds, 4 varied articles, 9 of identity/)", st.Articles)
	}
	seedsOnly := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db")}
	runKG(t, seedsOnly, "load", seeds)
	out, _, _ := runKG(t, env, "query", "meetings", "-f", "json", "--limit", "0")
	seedOut, _, _ := runKG(t, seedsOnly, "query", "meetings", "-f", "json", "--limit", "0")
	for _, m := range strings.Split(seedOut, "\n") {
		if strings.Contains(m, `"participants"`) && !strings.Contains(out, m) {
			t.Errorf("meeting %s of the seeds alone differs when loaded with the text copies", m)
		}
	}
	abs, _ := filepath.Abs("../../testdata/seeds")
	out, _, code = runKG(t, env, "query", "-f", "json", "-e", `g.V("<kg:article/000_f7356908f0a07a4a>").Out("<kg:location>").All()`)
	for _, want := range []string{abs + "/000_f7356908f0a07a4a.txt", abs + "/articles.jsonl:1"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("locations of the first seed: %s; want %s among them", out, want)
		}
	}
	out, _, _ = runKG(t, env, "query", "-f", "json", "-e", `g.V("<kg:article/000_f7356908f0a07a4a>").Out("<kg:published>").All()`)
	if !strings.Contains(out, "2017-01-18") {
		t.Errorf("published date of the first seed: %s", out)
	}
}

// TestLoadDotSkipsItsStore: kg load . in the folder holding the store
// (issue 15, item 4) reads the articles, not the store's own files, however
// often it is run.
func TestLoadDotSkipsItsStore(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(seeds)
	os.WriteFile(filepath.Join(dir, "articles.jsonl"), data, 0o644)
	// The default store, ./kg.db, whatever the environment says.
	env := slices.DeleteFunc(os.Environ(), func(v string) bool {
		return strings.HasPrefix(v, "KG_DB=") || strings.HasPrefix(v, "KG_BACKEND=")
	})
	for run := 1; run <= 3; run++ {
		cmd := exec.Command(kgBinary(t), "load", ".")
		cmd.Dir = dir
		cmd.Env = env
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("run %d: kg load .: %v\n%s", run, err, errb.String())
		}
		if strings.Contains(errb.String(), "kg.db/") {
			t.Errorf("run %d read the store's files: %s", run, errb.String())
		}
		cmd = exec.Command(kgBinary(t), "stats", "-f", "json")
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil || !strings.Contains(string(out), `"articles": 5`) {
			t.Errorf("run %d: stats %s (%v); want 5 articles", run, out, err)
		}
	}
}

// feedServer serves an RSS feed on a loopback port whose items can be
// added while kg watches it, and fails every third request.
type feedServer struct {
	*httptest.Server
	items    atomic.Int32
	requests atomic.Int32
}

func newFeedServer(t *testing.T) *feedServer {
	t.Helper()
	f := &feedServer{}
	f.items.Store(2)
	f.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := f.requests.Add(1)
		switch r.URL.Path {
		case "/page":
			io.WriteString(w, `<html lang="en"><body><article><h1>Erdogan calls Putin</h1><p>Turkish President Recep Tayyip Erdogan spoke with Russian President Vladimir Putin by phone on Thursday, the Kremlin said in a statement.</p></article></body></html>`)
			return
		case "/feed":
		default:
			http.NotFound(w, r)
			return
		}
		if n%3 == 0 {
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return
		}
		people := [][2]string{{"Hassan Rouhani", "Imad Khamis"}, {"Mohammad Javad Zarif", "Sergei Lavrov"}, {"Vladimir Putin", "Recep Tayyip Erdogan"}, {"Angela Merkel", "Emmanuel Macron"}}
		var items strings.Builder
		for i := 0; i < int(f.items.Load()); i++ {
			p := people[i%len(people)]
			fmt.Fprintf(&items, "<item><guid>watch-%d</guid><title>%s meets %s</title><pubDate>Wed, 18 Jan 2017 10:00:00 GMT</pubDate><description>%s met %s in Geneva on Wednesday, officials said.</description></item>\n", i, p[0], p[1], p[0], p[1])
		}
		items.WriteString("<item><guid>photos</guid><title>Photos of the day</title></item>\n")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><language>en</language>%s</channel></rss>`, items.String())
	}))
	f.Start() // on 127.0.0.1
	t.Cleanup(f.Close)
	return f
}

// TestLoadURL loads a page and a feed over HTTP from a loopback server.
func TestLoadURL(t *testing.T) {
	srv := newFeedServer(t)
	env := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db")}
	_, errOut, code := runKG(t, env, "load", srv.URL+"/page", srv.URL+"/feed")
	if n, _ := loadSummary(errOut); code != 0 || n != 3 {
		t.Errorf("kg load PAGE FEED: exit %d, stderr %q; want 3 articles and status 0 (the photo item is a warning)", code, errOut)
	}
	_, errOut, code = runKG(t, env, "load", "--timeout", "2s", srv.URL+"/missing")
	if code != 1 || !strings.Contains(errOut, srv.URL+"/missing: the server answered HTTP 404 Not Found") {
		t.Errorf("kg load of a missing page: exit %d, stderr %q", code, errOut)
	}
}

// TestWatch follows a feed on a loopback server that gains items and fails
// now and then: new items are loaded each round, failures are logged and
// the watch goes on, other commands can read the store between rounds, and
// Ctrl+C ends it with status 130.
func TestWatch(t *testing.T) {
	srv := newFeedServer(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	env := []string{"KG_DB=" + db}
	cmd := exec.Command(kgBinary(t), "watch", "--every", "1s", "--timeout", "5s", srv.URL+"/feed")
	cmd.Env = append(os.Environ(), env...)
	var out, errb syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 30s; stderr:\n%s", what, errb.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	articles := func() int64 {
		o, _, code := runKG(t, env, "stats", "-f", "json")
		if code != 0 {
			return -1 // the store is in use during a round, or not made yet
		}
		var st storeStats
		if err := json.Unmarshal([]byte(o), &st); err != nil {
			t.Fatalf("kg stats -f json: %v: %s", err, o)
		}
		return st.Articles
	}
	waitFor("the first two items", func() bool { return articles() == 2 })
	srv.items.Store(4)
	waitFor("the two new items", func() bool { return articles() == 4 })
	waitFor("a failed round logged", func() bool { return strings.Contains(errb.String(), "HTTP 503 Service Unavailable") })
	waitFor("a round after the failure", func() bool {
		log := errb.String()
		return strings.Count(log[strings.Index(log, "HTTP 503"):], " round ") >= 2
	})
	cmd.Process.Signal(os.Interrupt)
	if code := relWait(t, cmd, 30*time.Second); code != 130 {
		t.Errorf("kg watch after Ctrl+C: exit %d, want 130; stderr:\n%s", code, errb.String())
	}
	if out.String() != "" {
		t.Errorf("kg watch wrote to stdout: %q", out.String())
	}
	if n := articles(); n != 4 {
		t.Errorf("%d articles after the watch, want 4", n)
	}
	if !strings.Contains(errb.String(), "already stored") {
		t.Errorf("later rounds should say the items were already stored:\n%s", errb.String())
	}
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSignalsEndBlockedReads (issue 15, item 15): a load blocked on a
// named pipe nobody writes to, on a pipe whose writer went quiet (a slow
// producer, as with kg load <(producer)), ends on SIGINT or SIGTERM with
// the articles read so far stored and the store lock released; a pipe
// behind a link in a loaded folder is skipped with a message.
func TestSignalsEndBlockedReads(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "feed.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	line := func(i int) []byte {
		return []byte(fmt.Sprintf(`{"id":"slow-%d","text":"Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis in Tehran, statement %d said."}`+"\n", i, i))
	}
	for _, tc := range []struct {
		name   string
		sig    os.Signal
		writer bool // a producer writes two records, then goes quiet
		extra  bool // the producer's pipe is passed as /dev/fd/3
	}{
		{"fifo without writer, SIGINT", os.Interrupt, false, false},
		{"fifo without writer, SIGTERM", syscall.SIGTERM, false, false},
		{"fifo with a quiet writer, SIGINT", os.Interrupt, true, false},
		{"slow producer on /dev/fd/3, SIGTERM", syscall.SIGTERM, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			path := fifo
			var extra *os.File
			var producer *os.File
			if tc.extra {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				extra, producer, path = r, w, "/dev/fd/3"
				defer w.Close()
			}
			cmd := exec.Command(kgBinary(t), "load", "--batch", "1", path)
			cmd.Env = append(os.Environ(), relEnv(db)...)
			if extra != nil {
				cmd.ExtraFiles = []*os.File{extra}
			}
			var errb syncBuffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if extra != nil {
				extra.Close()
			}
			t.Cleanup(func() { cmd.Process.Kill() })
			want := 0
			if tc.writer {
				w := producer
				if w == nil {
					var err error
					if w, err = os.OpenFile(fifo, os.O_WRONLY, 0); err != nil {
						t.Fatal(err)
					}
					defer w.Close()
				}
				w.Write(line(1))
				w.Write(line(2))
				want = 2
			}
			relWaitForLock(t, db)
			// Read what there is, then wait in a read or an open; records
			// written get longer, so that a busy machine has stored them.
			wait := 1500 * time.Millisecond
			if tc.writer {
				wait = 4 * time.Second
			}
			time.Sleep(wait)
			cmd.Process.Signal(tc.sig)
			code := relWait(t, cmd, 15*time.Second)
			if code != 130 {
				t.Fatalf("exit %d after %v, want 130; stderr: %s", code, tc.sig, errb.String())
			}
			if n, ok := loadSummary(errb.String()); !ok || n != want {
				t.Errorf("summary %q, want %d articles", errb.String(), want)
			}
			// The lock is released: another process could take it at once
			// (asked of the kernel, not timed, so a busy machine does not
			// change the answer), and the store holds what was read.
			if f, err := os.OpenFile(filepath.Join(db, "kg.lock"), os.O_RDWR, 0); err != nil {
				t.Errorf("the store's lock file: %v", err)
			} else {
				if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
					t.Errorf("the store is still locked after kg exited: %v", err)
				}
				f.Close()
			}
			if st := stats(t, relEnv(db)); st.Articles != int64(want) {
				t.Errorf("%d articles stored, want %d", st.Articles, want)
			}
		})
	}

	t.Run("link to a fifo in a folder", func(t *testing.T) {
		folder := t.TempDir()
		data, _ := os.ReadFile(seeds)
		os.WriteFile(filepath.Join(folder, "articles.jsonl"), data, 0o644)
		os.Symlink(fifo, filepath.Join(folder, "more.jsonl"))
		env := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db")}
		cmd := exec.Command(kgBinary(t), "load", folder)
		cmd.Env = append(os.Environ(), env...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		cmd.Start()
		if code := relWait(t, cmd, 30*time.Second); code != 0 || !strings.Contains(errb.String(), "more.jsonl: a named pipe (FIFO), not a regular file: skipped") {
			t.Errorf("exit %d, stderr %q; want 0 and a note that the pipe was skipped", code, errb.String())
		}
	})
}
