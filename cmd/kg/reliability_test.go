package main

// End-to-end reliability tests: they run the real kg binary (built once by
// kgBinary) as separate processes, kill them, run two at once and interrupt
// them, then check the store with kg stats and kg dump. docs/reliability.md
// lists which guarantee each test exercises.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// relPeople are the officials of the generated articles.
var relPeople = []struct{ title, name, country string }{
	{"President", "Hassan Rouhani", "Iran"},
	{"Foreign Minister", "Mohammad Javad Zarif", "Iran"},
	{"Prime Minister", "Imad Khamis", "Syria"},
	{"Foreign Minister", "Walid al-Muallem", "Syria"},
	{"President", "Vladimir Putin", "Russia"},
	{"Foreign Minister", "Sergei Lavrov", "Russia"},
	{"President", "Recep Tayyip Erdogan", "Turkey"},
	{"Foreign Minister", "Mevlut Cavusoglu", "Turkey"},
	{"Chancellor", "Angela Merkel", "Germany"},
	{"Secretary of State", "Rex Tillerson", "the United States"},
	{"Prime Minister", "Shinzo Abe", "Japan"},
	{"President", "Emmanuel Macron", "France"},
	{"King", "Abdullah II", "Jordan"},
	{"Prime Minister", "Haider al-Abadi", "Iraq"},
	{"Secretary-General", "Antonio Guterres", "the United Nations"},
}

var relCities = []string{"Tehran", "Damascus", "Moscow", "Ankara", "Berlin", "Paris", "Amman", "Baghdad", "Geneva", "Astana"}

// relWriteArticles writes n small generated news articles as JSON Lines,
// the same n articles for the same seed.
func relWriteArticles(t *testing.T, path string, n int, seed int64) {
	t.Helper()
	r := rand.New(rand.NewSource(seed))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		a := relPeople[r.Intn(len(relPeople))]
		c := relPeople[r.Intn(len(relPeople))]
		for c.name == a.name {
			c = relPeople[r.Intn(len(relPeople))]
		}
		city := relCities[r.Intn(len(relCities))]
		day := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.Intn(700))
		// The article number makes every text different: kg stores two
		// records with the same text as one story.
		text := fmt.Sprintf("%s – %s %s met %s %s of %s in %s on %s. "+
			"The two officials discussed regional security and trade, the %s said in statement number %d. "+
			"%s said talks would continue next month.",
			strings.ToUpper(city), a.country, a.title+" "+a.name, c.title, c.name, c.country, city,
			day.Weekday(), a.title+"'s office", i+1, a.name)
		rec := map[string]string{
			"id":        fmt.Sprintf("gen-%05d", i),
			"source":    "Generated Wire",
			"published": day.Format("2006-01-02"),
			"title":     fmt.Sprintf("%s meets %s", a.name, c.name),
			"text":      text,
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// relLoadedStore loads n generated articles into a new bolt store in a
// new folder, and returns both.
func relLoadedStore(t *testing.T, n int, seed int64) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	relWriteArticles(t, input, n, seed)
	db = filepath.Join(dir, "src.db")
	relKG(t, db, "load", input)
	return dir, db
}

// relEnv is the environment that points kg at the store db: a folder whose
// name ends in .leveldb is a leveldb store, any other a bolt store.
func relEnv(db string) []string {
	backend := "bolt"
	if strings.HasSuffix(db, ".leveldb") {
		backend = "leveldb"
	}
	return []string{"KG_DB=" + db, "KG_BACKEND=" + backend}
}

// relKG runs kg on the store db and fails the test on a non-zero exit.
func relKG(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := runKG(t, relEnv(db), args...)
	if code != 0 {
		t.Fatalf("kg %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// relDump returns the store's dump as sorted lines.
func relDump(t *testing.T, db string) []string {
	t.Helper()
	out := relKG(t, db, "dump")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if out == "" {
		lines = nil
	}
	sort.Strings(lines)
	return lines
}

// relQuadCount is the quad count kg stats reports.
func relQuadCount(t *testing.T, db string) (quads, articles int64) {
	t.Helper()
	var st struct{ Quads, Articles int64 }
	if err := json.Unmarshal([]byte(relKG(t, db, "stats", "--format", "json")), &st); err != nil {
		t.Fatalf("kg stats --format json: %v", err)
	}
	return st.Quads, st.Articles
}

// relParse reads one line of kg dump.
func relParse(t *testing.T, line string) quad.Quad {
	t.Helper()
	q, err := nquads.Parse(line)
	if err != nil {
		t.Fatalf("dump line %q: %v", line, err)
	}
	return q
}

// relByArticle groups the dump lines that carry a label (an article's
// reports) by label; the unlabelled ones (descriptions of nodes, stored once
// whatever the number of articles stating them) are under "".
func relByArticle(t *testing.T, lines []string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, l := range lines {
		label := quad.StringOf(relParse(t, l).Label)
		out[label] = append(out[label], l)
	}
	return out
}

// relArticleCount is the number of articles a grouping by relByArticle holds.
func relArticleCount(byArticle map[string][]string) int {
	n := len(byArticle)
	if _, ok := byArticle[""]; ok {
		n--
	}
	return n
}

func relSame(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// relCheckWholeArticles fails unless every article in got is whole — it
// holds exactly its reports of the reference store, and every node those
// reports name is described (typed) — and unless every description in got
// is one of the reference store's. It says how many articles got holds.
func relCheckWholeArticles(t *testing.T, got []string, want map[string][]string) int {
	t.Helper()
	byArticle := relByArticle(t, got)
	refDescriptions := map[string]bool{}
	for _, l := range want[""] {
		refDescriptions[l] = true
	}
	typed := map[quad.Value]bool{}
	for _, l := range byArticle[""] {
		if !refDescriptions[l] {
			t.Errorf("store holds the description %s, which the reference store does not have", l)
		}
		if q := relParse(t, l); q.Predicate == quad.IRI("rdf:type") {
			typed[q.Subject] = true
		}
	}
	n := 0
	for label, quads := range byArticle {
		if label == "" {
			continue
		}
		ref, ok := want[label]
		if !ok {
			t.Errorf("store holds quads labelled %s, which the reference store does not have", label)
			continue
		}
		if !relSame(quads, ref) {
			t.Errorf("article %s is incomplete: %d of its %d quads", label, len(quads), len(ref))
			continue
		}
		for _, l := range quads {
			q := relParse(t, l)
			for _, node := range []quad.Value{q.Subject, q.Object} {
				if _, isIRI := node.(quad.IRI); isIRI && node != q.Label && q.Predicate != quad.IRI("rdf:type") && !typed[node] {
					t.Errorf("article %s is stored, but not the description of %s it names", label, node)
				}
			}
		}
		n++
	}
	return n
}

// relWait waits for cmd to exit, at most limit, and returns its exit code.
func relWait(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return -int(ws.Signal())
			}
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("kg %s still running after %s", strings.Join(cmd.Args[1:], " "), limit)
		return 0
	}
}

// TestKilledLoadLeavesWholeArticles kills real loads with SIGKILL at
// different moments. After each kill the store opens, kg stats agrees with
// the dump, every stored article has all of its quads and no other, and
// running the same load again ends in exactly the store an uninterrupted
// load makes.
func TestKilledLoadLeavesWholeArticles(t *testing.T) {
	// The sizes keep the test within a few seconds per kill on a loaded
	// two-core machine; KG_RELIABILITY_FULL=1 makes it larger.
	type run struct {
		backend string
		kills   int
	}
	runs, n := []run{{"bolt", 3}, {"leveldb", 2}}, 300
	if testing.Short() {
		runs, n = runs[:1], 200
	}
	if os.Getenv("KG_RELIABILITY_FULL") != "" {
		runs, n = []run{{"bolt", 8}, {"leveldb", 8}}, 3000
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	relWriteArticles(t, input, n, 7)

	for _, rn := range runs {
		kills := rn.kills
		t.Run(rn.backend, func(t *testing.T) {
			ref := filepath.Join(t.TempDir(), "ref."+rn.backend)
			start := time.Now()
			relKG(t, ref, "load", "--batch", "5", input)
			loadTime := time.Since(start)
			want := relDump(t, ref)
			wantByArticle := relByArticle(t, want)
			if got := relArticleCount(wantByArticle); got != n {
				t.Fatalf("reference store holds %d articles, want %d", got, n)
			}
			t.Logf("uninterrupted load of %d articles: %s, %d quads", n, loadTime.Round(time.Millisecond), len(want))

			r := rand.New(rand.NewSource(time.Now().UnixNano()))
			midway := 0
			// The first kill lands while the store is being created; the
			// next ones after a pause that adapts to how far the previous
			// kill got, so that kills land in the middle of the load
			// however fast this machine is today. A kill that finds the
			// load finished or not yet started still checks the store.
			// lo is a wait known to be too short (nothing stored), hi one
			// known to be too long (the load was over); the next wait is
			// drawn between them.
			lo, hi := time.Duration(0), loadTime*3/2
			// On a shared machine the window in which articles are being
			// written moves from run to run; a few more tries find it.
			for k := 0; k < kills || midway == 0 && k < kills+12; k++ {
				wait := time.Duration(r.Intn(50)) * time.Millisecond
				if k > 0 {
					wait = lo + time.Duration((0.3+0.4*r.Float64())*float64(hi-lo))
				}
				db := filepath.Join(t.TempDir(), "kg."+rn.backend)
				cmd, _, _, _ := relStartFed(t, db, nil, "load", "--batch", "5", input)
				time.Sleep(wait)
				cmd.Process.Signal(syscall.SIGKILL)
				code := relWait(t, cmd, 30*time.Second)
				what := fmt.Sprintf("kill after %s", wait.Round(time.Millisecond))

				// The store opens and its quad counter agrees with its content;
				// a kill before the store was made leaves none, which every
				// command but load and restore refuses to open.
				var got []string
				if graph.IsStoreFolder(db) {
					got = relDump(t, db)
					quads, _ := relQuadCount(t, db)
					if quads != int64(len(got)) {
						t.Errorf("%s: kg stats counts %d quads, the dump has %d", what, quads, len(got))
					}
				}
				whole := relCheckWholeArticles(t, got, wantByArticle)
				t.Logf("%s (exit %d): %d of %d articles stored, all whole", what, code, whole, n)
				switch {
				case whole == 0 && k > 0:
					lo = wait
				case whole == n:
					hi = wait
				case whole > 0:
					midway++
				}

				// The same load finishes the job, exactly.
				relKG(t, db, "load", "--batch", "5", input)
				if again := relDump(t, db); !relSame(again, want) {
					t.Fatalf("%s, then re-run: store differs from an uninterrupted load (%d quads, want %d)", what, len(again), len(want))
				}
				if quads, _ := relQuadCount(t, db); quads != int64(len(want)) {
					t.Errorf("%s, then re-run: kg stats counts %d quads, want %d", what, quads, len(want))
				}
			}
			if midway == 0 {
				t.Errorf("none of the kills landed in the middle of the load; the test proved nothing")
			}
		})
	}
}

// TestKilledRestoreLeavesWholeArticles kills real restores with SIGKILL part
// way: the store holds whole articles only, and restoring again completes
// it to exactly the dumped store.
func TestKilledRestoreLeavesWholeArticles(t *testing.T) {
	dir, src := relLoadedStore(t, 300, 5)
	backup := filepath.Join(dir, "backup.nq")
	relKG(t, src, "dump", "--out", backup)
	want := relDump(t, src)
	wantByArticle := relByArticle(t, want)

	start := time.Now()
	relKG(t, filepath.Join(dir, "timing.db"), "restore", "--batch", "100", backup)
	restoreTime := time.Since(start)

	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	lo, hi, midway := time.Duration(0), restoreTime*3/2, 0
	for k := 0; k < 2 || midway == 0 && k < 14; k++ {
		wait := lo + time.Duration((0.3+0.4*r.Float64())*float64(hi-lo))
		db := filepath.Join(t.TempDir(), "kg.db")
		cmd, _, _, _ := relStartFed(t, db, nil, "restore", "--batch", "100", backup)
		time.Sleep(wait)
		cmd.Process.Signal(syscall.SIGKILL)
		relWait(t, cmd, 30*time.Second)

		// A kill before the store was made leaves none, which every
		// command but load and restore refuses to open.
		var got []string
		if graph.IsStoreFolder(db) {
			got = relDump(t, db)
			if quads, _ := relQuadCount(t, db); quads != int64(len(got)) {
				t.Errorf("kill after %s: kg stats counts %d quads, the dump has %d", wait, quads, len(got))
			}
		}
		whole := relCheckWholeArticles(t, got, wantByArticle)
		t.Logf("restore killed after %s (a whole restore takes %s): %d of %d articles stored, all whole",
			wait.Round(time.Millisecond), restoreTime.Round(time.Millisecond), whole, relArticleCount(wantByArticle))
		switch {
		case whole == 0:
			lo = wait
		case whole == relArticleCount(wantByArticle):
			hi = wait
		default:
			midway++
		}
		relKG(t, db, "restore", backup)
		if again := relDump(t, db); !relSame(again, want) {
			t.Fatalf("kill after %s, then restore again: %d quads, want the %d of the dump", wait, len(again), len(want))
		}
	}
	if midway == 0 {
		t.Errorf("no kill landed in the middle of a restore; the test proved nothing")
	}
}

// relLines returns the lines of a JSON Lines file, each with its newline.
func relLines(t *testing.T, path string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(b, []byte("\n"))
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// relStartFed starts kg with a pipe as standard input and writes lines to
// it; done is closed once kg has taken them all. The pipe stays open, so kg
// waits for more, until the test ends.
func relStartFed(t *testing.T, db string, lines [][]byte, args ...string) (cmd *exec.Cmd, out, errb *bytes.Buffer, done chan struct{}) {
	t.Helper()
	cmd = exec.Command(kgBinary(t), args...)
	cmd.Env = append(os.Environ(), relEnv(db)...)
	out, errb = new(bytes.Buffer), new(bytes.Buffer)
	cmd.Stdout, cmd.Stderr = out, errb
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		stdin.Close()
	})
	done = make(chan struct{})
	go func() {
		defer close(done)
		for _, l := range lines {
			if _, err := stdin.Write(l); err != nil {
				return
			}
		}
	}()
	return cmd, out, errb, done
}

func relAwait(t *testing.T, done chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("kg did not read its input within 2 minutes")
	}
}

// relHoldStore starts `kg load -` with an open standard input, so it holds
// the store until the returned function closes that input. It returns once
// the lock file names the process.
func relHoldStore(t *testing.T, db string) (cmd *exec.Cmd, release func() int) {
	t.Helper()
	cmd = exec.Command(kgBinary(t), "load", "-")
	cmd.Env = append(os.Environ(), relEnv(db)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	pid := fmt.Sprint(cmd.Process.Pid)
	deadline := time.Now().Add(20 * time.Second)
	for {
		b, _ := os.ReadFile(filepath.Join(db, "kg.lock"))
		if strings.TrimSpace(string(b)) == pid {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("kg load - never took the store lock; stderr: %s", errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cmd, func() int {
		line, _ := os.ReadFile("../../testdata/seeds/articles.jsonl")
		first, _, _ := bytes.Cut(line, []byte("\n"))
		stdin.Write(append(first, '\n'))
		stdin.Close()
		code := relWait(t, cmd, 60*time.Second)
		if code != 0 {
			t.Errorf("the holding kg load - exited %d: %s", code, errb.String())
		}
		return code
	}
}

// TestSecondProcessGetsStoreInUse runs a second kg against a store another
// kg is loading into: readers and writers alike exit non-zero within
// seconds with a "store in use" message naming the holder.
func TestSecondProcessGetsStoreInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	holder, release := relHoldStore(t, db)
	// The five contenders run at once; each must give up on its own.
	type result struct {
		name, stderr string
		code         int
		took         time.Duration
	}
	contenders := [][]string{
		{"stats"},
		{"load", "../../testdata/seeds/articles.jsonl"},
		{"query", "-e", "g.V().All()"},
		{"dump"},
		{"restore", "-"},
	}
	results := make(chan result, len(contenders))
	for _, args := range contenders {
		go func(args []string) {
			cmd := exec.Command(kgBinary(t), args...)
			cmd.Env = append(os.Environ(), relEnv(db)...)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			start := time.Now()
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				code = -1
				errb.WriteString(err.Error())
			}
			results <- result{"kg " + strings.Join(args, " "), errb.String(), code, time.Since(start)}
		}(args)
	}
	for range contenders {
		r := <-results
		if r.code == 0 {
			t.Errorf("%s succeeded on a store in use", r.name)
		}
		if !strings.HasPrefix(r.stderr, "kg: ") || !strings.Contains(r.stderr, "store in use") {
			t.Errorf("%s: stderr %q, want a kg: ... store in use message", r.name, r.stderr)
		}
		if !strings.Contains(r.stderr, fmt.Sprint(holder.Process.Pid)) {
			t.Errorf("%s: stderr %q does not name the holding process %d", r.name, r.stderr, holder.Process.Pid)
		}
		if r.took > 10*time.Second {
			t.Errorf("%s took %s to give up", r.name, r.took)
		}
	}
	release()
	// Once the holder is done the store is free again.
	if _, articles := relQuadCount(t, db); articles != 1 {
		t.Errorf("store holds %d articles after the holder loaded 1", articles)
	}
}

// TestInterruptedLoadStopsCleanly sends Ctrl+C (SIGINT) to a real load of a
// file: it finishes the batch in progress, says how far it got, exits with
// status 130, leaves whole articles only, and the same load run again
// completes to the state of an uninterrupted load.
func TestInterruptedLoadStopsCleanly(t *testing.T) {
	n := 600
	if testing.Short() {
		n = 300
	}
	dir := t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	relWriteArticles(t, input, n, 11)
	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	relKG(t, ref, "load", "--batch", "50", input)
	loadTime := time.Since(start)
	want := relDump(t, ref)

	// Ctrl+C comes part way; if the load was already over, again sooner.
	delay := loadTime / 3
	for attempt := 0; attempt < 4; attempt++ {
		db := filepath.Join(t.TempDir(), "kg.db")
		cmd, out, errb, _ := relStartFed(t, db, nil, "load", "--batch", "50", input)
		// Ctrl+C before kg has even started (Go runtime and package set-up,
		// about 0.2 s) kills it the default way; wait until it holds the
		// store, which it does only after installing its signal handler.
		relWaitForLock(t, db)
		time.Sleep(delay)
		cmd.Process.Signal(os.Interrupt)
		code := relWait(t, cmd, 20*time.Second)
		if code == 0 {
			t.Logf("the load was over before Ctrl+C at %s; trying sooner", delay)
			delay /= 3
			continue
		}
		if code != 130 {
			t.Fatalf("exit status %d after Ctrl+C, want 130\nstdout: %s\nstderr: %s", code, out, errb)
		}
		whole := relCheckInterrupted(t, db, out.String(), errb.String(), want)
		t.Logf("Ctrl+C after %s (a whole load takes %s): %d of %d articles stored", delay.Round(time.Millisecond), loadTime.Round(time.Millisecond), whole, n)

		relKG(t, db, "load", "--batch", "50", input)
		if again := relDump(t, db); !relSame(again, want) {
			t.Errorf("re-run after Ctrl+C: store differs from an uninterrupted load (%d quads, want %d)", len(again), len(want))
		}
		return
	}
	t.Fatal("every load was over before Ctrl+C reached it")
}

// relCheckInterrupted checks what an interrupted load printed against the
// store it left, and returns the number of articles stored.
func relCheckInterrupted(t *testing.T, db, stdout, stderr string, want []string) int {
	t.Helper()
	summarised, ok := loadSummary(stderr)
	if !ok || stdout != "" {
		t.Errorf("no summary on stderr after Ctrl+C, or something on stdout: %q, %q", stderr, stdout)
	}
	if !strings.HasPrefix(stderr, "kg: ") && !strings.Contains(stderr, "\nkg: ") ||
		!strings.Contains(stderr, "interrupted") || !strings.Contains(stderr, fmt.Sprintf("%d articles", summarised)) {
		t.Errorf("stderr %q should say kg: ... interrupted after %d articles", stderr, summarised)
	}
	got := relDump(t, db)
	whole := relCheckWholeArticles(t, got, relByArticle(t, want))
	if whole != summarised {
		t.Errorf("the summary says %d articles, the store holds %d", summarised, whole)
	}
	if quads, _ := relQuadCount(t, db); quads != int64(len(got)) {
		t.Errorf("kg stats counts %d quads, the dump has %d", quads, len(got))
	}
	return whole
}

// loadSummary finds the summary line of kg load on its standard error
// and returns the number of articles it says were stored.
func loadSummary(stderr string) (int, bool) {
	for _, line := range strings.Split(stderr, "\n") {
		var n int
		var noun string
		if _, err := fmt.Sscanf(line, "%d %s", &n, &noun); err == nil && (noun == "articles," || noun == "article,") {
			return n, true
		}
	}
	return 0, false
}

// TestInterruptWhileWaitingForInput sends Ctrl+C to `kg load -` while it
// waits for more standard input (a feed that has gone quiet, or a person
// typing): it must stop just the same, with the articles read so far stored.
func TestInterruptWhileWaitingForInput(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	relWriteArticles(t, input, 120, 13)
	ref := filepath.Join(dir, "ref.db")
	relKG(t, ref, "load", "--batch", "50", input)
	// Articles read from standard input are located at stdin:LINE.
	want := relDump(t, ref)
	for i, l := range want {
		want[i] = strings.Replace(l, `"`+input+`:`, `"stdin:`, 1)
	}

	db := filepath.Join(dir, "kg.db")
	cmd, out, errb, done := relStartFed(t, db, relLines(t, input)[:100], "load", "--batch", "50", "-")
	relAwait(t, done)
	time.Sleep(2 * time.Second) // it has read everything and waits for more
	cmd.Process.Signal(os.Interrupt)
	code := relWait(t, cmd, 15*time.Second)
	if code != 130 {
		t.Fatalf("exit status %d after Ctrl+C, want 130\nstdout: %s\nstderr: %s", code, out, errb)
	}
	if whole := relCheckInterrupted(t, db, out.String(), errb.String(), want); whole > 100 {
		t.Errorf("%d articles stored, but only 100 were given", whole)
	}
}

// TestQueryLimitsThroughBinary runs runaway and forbidden scripts through
// kg query -e: each stops with a clear kg: message and a non-zero status.
func TestQueryLimitsThroughBinary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	relKG(t, db, "load", "../../testdata/seeds/articles.jsonl")
	env := relEnv(db)
	cases := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"endless loop", []string{"--timeout", "1s", "-e", "while (true) {}"}, "time limit reached (1s)"},
		{"endless recursion", []string{"--timeout", "1s", "-e", "function f() { return f() + 1 } f()"}, "stopped"},
		{"file system", []string{"-e", `require("fs").readFileSync("/etc/passwd")`}, "require is not defined"},
		{"network", []string{"-e", `fetch("http://127.0.0.1:1/")`}, "fetch is not defined"},
		{"bad argument", []string{"-e", `g.V().Out({}).All()`}, "TypeError"},
		{"syntax error", []string{"-e", `g.V(`}, "SyntaxError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, errOut, code := runKG(t, env, append([]string{"query"}, c.args...)...)
			if code == 0 || !strings.HasPrefix(errOut, "kg: ") || !strings.Contains(errOut, c.wantErr) {
				t.Errorf("exit %d, stderr %q; want non-zero and a kg: message with %q", code, errOut, c.wantErr)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
				t.Errorf("kg crashed: %s", errOut)
			}
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
	// The result limit ends an endless emitter at once, keeping its results.
	start := time.Now()
	out, errOut, code := runKG(t, env, "query", "--limit", "3", "--timeout", "20s", "--format", "json", "-e", "var i = 0; while (true) { g.Emit(i++) }")
	var res []int
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res) != 3 {
		t.Errorf("--limit 3 on an endless emitter: exit %d, stdout %q, stderr %q; want 3 results", code, out, errOut)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("--limit 3 took %s: the script was not stopped at the limit", took)
	}
}

// TestDumpRestoreThroughBinary backs up a real store with kg dump and
// restores it into empty stores, from a compressed file and from a pipe:
// same quad count, identical dump.
func TestDumpRestoreThroughBinary(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	relWriteArticles(t, input, 200, 3)
	src := filepath.Join(dir, "src.db")
	relKG(t, src, "load", "../../testdata/seeds/articles.jsonl", input)
	want := relDump(t, src)
	wantQuads, wantArticles := relQuadCount(t, src)
	if int64(len(want)) != wantQuads || wantArticles != 205 {
		t.Fatalf("source store: %d dump lines, %d quads, %d articles", len(want), wantQuads, wantArticles)
	}

	backup := filepath.Join(dir, "backup.nq.gz")
	relKG(t, src, "dump", "--out", backup)
	if b, err := os.ReadFile(backup); err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Fatalf("backup %s is not gzip: %v", backup, err)
	}
	fromFile := filepath.Join(dir, "from-file.db")
	relKG(t, fromFile, "restore", backup)
	if got := relDump(t, fromFile); !relSame(got, want) {
		t.Errorf("restore from %s: %d quads, want %d, or different quads", backup, len(got), len(want))
	}
	if q, a := relQuadCount(t, fromFile); q != wantQuads || a != wantArticles {
		t.Errorf("restored store counts %d quads and %d articles, want %d and %d", q, a, wantQuads, wantArticles)
	}
	// Restoring again changes nothing.
	relKG(t, fromFile, "restore", backup)
	if q, _ := relQuadCount(t, fromFile); q != wantQuads {
		t.Errorf("second restore: %d quads, want %d", q, wantQuads)
	}

	// kg dump | kg restore - into another store.
	fromPipe := filepath.Join(dir, "from-pipe.db")
	dump := exec.Command(kgBinary(t), "dump")
	dump.Env = append(os.Environ(), relEnv(src)...)
	restore := exec.Command(kgBinary(t), "restore", "-")
	restore.Env = append(os.Environ(), relEnv(fromPipe)...)
	pipe, err := dump.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	restore.Stdin = pipe
	var restoreErr bytes.Buffer
	restore.Stderr = &restoreErr
	if err := dump.Start(); err != nil {
		t.Fatal(err)
	}
	if err := restore.Run(); err != nil {
		t.Fatalf("kg restore -: %v\n%s", err, restoreErr.String())
	}
	if err := dump.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := relDump(t, fromPipe); !relSame(got, want) {
		t.Errorf("kg dump | kg restore -: %d quads, want %d, or different quads", len(got), len(want))
	}

	// A damaged backup is refused with the file and line.
	bad := filepath.Join(dir, "bad.nq")
	lines := strings.Join(want[:3], "\n") + "\n<kg:broken> <kg:p> \"unterminated .\n"
	if err := os.WriteFile(bad, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runKG(t, relEnv(filepath.Join(dir, "bad.db")), "restore", bad)
	if code == 0 || !strings.Contains(errOut, "kg: restore: "+bad+":4:") {
		t.Errorf("restore of a damaged file: exit %d, stderr %q; want kg: restore: %s:4: ...", code, errOut, bad)
	}
}

// TestDumpAndRestoreUsageErrors checks that misuse of kg dump and kg restore
// is reported as kg: ... with a non-zero status, and that a failed
// kg dump --out leaves no temporary file behind.
func TestDumpAndRestoreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	env := relEnv(db)
	relKG(t, db, "load", seeds)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"restore"}, "kg: restore: name one dump file"},
		{[]string{"restore", filepath.Join(dir, "missing.nq")}, "missing.nq"},
		{[]string{"dump", "extra"}, "kg: dump: unexpected argument"},
		{[]string{"dump", "--out", filepath.Join(dir, "no-such-dir", "x.nq")}, "kg: dump: create"},
	}
	for _, c := range cases {
		_, errOut, code := runKG(t, env, c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("kg %s: exit %d, stderr %q; want non-zero and %q", strings.Join(c.args, " "), code, errOut, c.want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left a temporary file %s", e.Name())
		}
	}
}

// TestDumpIsNQuads checks that kg dump writes one N-Quad per line: the
// reports labelled with their article, the descriptions of nodes without a
// label.
func TestDumpIsNQuads(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	relKG(t, db, "load", "../../testdata/seeds/articles.jsonl")
	sc := bufio.NewScanner(strings.NewReader(relKG(t, db, "dump")))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n, labelled := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if !strings.HasPrefix(line, "<") || !strings.HasSuffix(line, " .") {
			t.Fatalf("line %d is not an N-Quad: %q", n, line)
		}
		q := relParse(t, line)
		switch l, ok := q.Label.(quad.IRI); {
		case q.Label == nil:
			if !schema.StoredOnce(q) {
				t.Errorf("line %d is a report without its article: %q", n, line)
			}
		case q.Label == schema.ResolverLabel && (q.Predicate == schema.SameAs || q.Predicate == schema.Joined):
			// a short name joined to a fuller one (graph.Resolve)
		case !ok || !strings.HasPrefix(string(l), "kg:article/"):
			t.Errorf("line %d is labelled with something other than an article: %q", n, line)
		default:
			labelled++
		}
	}
	if n == 0 || labelled == 0 || labelled == n {
		t.Fatalf("dump of %d lines, %d labelled: want both reports and descriptions", n, labelled)
	}
}

// relWaitForLock waits until a kg process has opened the store at db: the
// lock file next to it names the holder's pid.
func relWaitForLock(t *testing.T, db string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(db, "kg.lock")); err == nil && len(strings.TrimSpace(string(b))) > 0 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("kg did not open the store %s within 20s", db)
}
