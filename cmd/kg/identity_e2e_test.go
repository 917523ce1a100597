package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/kg-project/kg/graph/pgtest"
)

// identityArticles are real-shaped articles naming the people of issue 12:
// King Salman and Crown Prince Mohammed bin Salman, the two Bushes, the
// Clintons (and a "Mr. Clinton" who could be either), Qin Gang, Wang Yi,
// Ursula von der Leyen, Lula da Silva, and Zarif under three names.
const identityArticles = "../../testdata/identity/articles.jsonl"

// identityStore loads identityArticles into a new store and returns its
// environment.
func identityStore(t *testing.T) []string {
	t.Helper()
	env := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db"), "KG_BACKEND=", "KG_USER=jane"}
	if out, errOut, code := runKG(t, env, "load", identityArticles); code != 0 {
		t.Fatalf("kg load: exit %d\n%s%s", code, out, errOut)
	}
	return env
}

// jsonRows runs a query with --format json and decodes its results.
func jsonRows(t *testing.T, env []string, args ...string) []map[string]any {
	t.Helper()
	out, errOut, code := runKG(t, env, append(append([]string{"query"}, args...), "--format", "json")...)
	if code != 0 {
		t.Fatalf("kg query %v: exit %d\n%s", args, code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("kg query %v: %v\n%s", args, err, out)
	}
	return rows
}

// participants lists each meeting's participants, "A + B", sorted.
func participants(rows []map[string]any) []string {
	var out []string
	for _, r := range rows {
		var names []string
		for _, p := range r["participants"].([]any) {
			names = append(names, p.(string))
		}
		out = append(out, strings.Join(names, " + "))
	}
	sort.Strings(out)
	return out
}

// TestIssue12Cases answers the cases of issue 12 from articles, through
// the command line.
func TestIssue12Cases(t *testing.T) {
	env := identityStore(t)
	for _, tc := range []struct {
		args []string
		want []string // the meetings' participants, or the offices
	}{
		// King Salman is not his son, the crown prince.
		{[]string{"roles", "--arg", "person=Salman"}, []string{"King of Saudi Arabia"}},
		{[]string{"roles", "--arg", "person=Mohammed bin Salman"}, []string{"Crown Prince of Saudi Arabia"}},
		{[]string{"roles", "--arg", "person=bin Salman"}, []string{"Crown Prince of Saudi Arabia"}},
		{[]string{"meetings", "--arg", "person=King Salman"}, []string{"Hamad bin Isa Al Khalifa + Salman"}},
		{[]string{"meetings", "--arg", "person=Mohammed bin Salman"}, []string{"Antony Blinken + Mohammed bin Salman"}},
		// The two Bushes keep their meeting.
		{[]string{"meetings", "--arg", "person=George W. Bush"}, []string{"George H. W. Bush + George W. Bush"}},
		// Hillary is not Bill; "Former President Clinton" is Bill.
		{[]string{"meetings", "--arg", "person=Hillary Clinton"}, []string{"Hillary Clinton + Yang Jiechi"}},
		{[]string{"meetings", "--arg", "person=Bill Clinton"}, []string{"Ban Ki-moon + Bill Clinton", "Bill Clinton + Kofi Annan"}},
		// Names found by any part, with particles, in any spelling.
		{[]string{"meetings", "--arg", "person=Qin"}, []string{"Qin Gang + Ursula von der Leyen"}},
		{[]string{"meetings", "--arg", "person=Von der Leyen"}, []string{"Qin Gang + Ursula von der Leyen"}},
		{[]string{"meetings", "--arg", "person=Lula da Silva"}, []string{"Luiz Inacio Lula da Silva + Wang Yi"}},
		{[]string{"meetings", "--arg", "person=Luiz Inácio Lula"}, []string{"Luiz Inacio Lula da Silva + Wang Yi"}},
		{[]string{"meetings", "--arg", "person=Wang"}, []string{"Luiz Inacio Lula da Silva + Wang Yi", "Mohammad Javad Zarif + Wang Yi"}},
		// "Iranian Foreign Minister Zarif" can only be Mohammad Javad Zarif.
		{[]string{"meetings", "--arg", "person=Zarif"}, []string{"Mohammad Javad Zarif + Sergei Lavrov", "Mohammad Javad Zarif + Wang Yi"}},
	} {
		rows := jsonRows(t, env, tc.args...)
		var got []string
		if tc.args[0] == "roles" {
			for _, r := range rows {
				got = append(got, r["title"].(string)+" of "+r["of"].(string))
			}
			sort.Strings(got)
		} else {
			got = participants(rows)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("kg query %s:\n%s\nwant\n%s", strings.Join(tc.args, " "), strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}

	// A name several people fit is an error naming them and how to choose.
	_, errOut, code := runKG(t, env, "query", "meetings", "--arg", "person=Clinton")
	for _, want := range []string{`"Clinton" fits 3 people`, "Bill Clinton, former President (kg:person/bl-klntn)",
		"Hillary Clinton, Secretary of State (kg:person/hlr-klntn)", "Clinton, named so alone", "give a fuller name, or the id in brackets"} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("kg query meetings --arg person=Clinton: exit %d, stderr %q; want exit 1 and %q", code, errOut, want)
		}
	}
	// The id chooses.
	if rows := jsonRows(t, env, "meetings", "--arg", "person=kg:person/klntn"); strings.Join(participants(rows), ";") != "Clinton + Kofi Annan" {
		t.Errorf("meetings of kg:person/klntn = %v, want Mr. Clinton's with Kofi Annan", participants(rows))
	}
	// A name nobody has suggests the closest.
	_, errOut, code = runKG(t, env, "query", "meetings", "--arg", "person=Wang Yee")
	if code != 1 || !strings.Contains(errOut, `no person called "Wang Yee" in the store; did you mean Wang Yi?`) {
		t.Errorf("kg query meetings --arg person=Wang Yee: exit %d, stderr %q", code, errOut)
	}
	// The short names kg kept apart, for a human to decide.
	var doubts []string
	for _, r := range jsonRows(t, env, "ambiguous") {
		var cands []string
		for _, c := range r["candidates"].([]any) {
			cands = append(cands, c.(map[string]any)["name"].(string))
		}
		doubts = append(doubts, r["name"].(string)+": "+strings.Join(cands, ", "))
	}
	if got, want := strings.Join(doubts, "\n"), "Clinton: Bill Clinton, Hillary Clinton\nSalman: Mohammed bin Salman"; got != want {
		t.Errorf("kg query ambiguous:\n%s\nwant\n%s", got, want)
	}
}

// TestEvidenceInEveryFormat: meetings carry their sentences and sources in
// JSON, CSV and the table, and kg show quotes them with names picked out.
func TestEvidenceInEveryFormat(t *testing.T) {
	env := identityStore(t)
	sentence := "RIYADH: Saudi King Salman met Bahraini King Hamad bin Isa Al Khalifa in Riyadh on Sunday."
	rows := jsonRows(t, env, "meetings", "--arg", "person=Salman")
	if len(rows) != 1 {
		t.Fatalf("meetings of Salman: %v", rows)
	}
	ev := rows[0]["evidence"].([]any)[0].(map[string]any)
	for k, want := range map[string]any{"article": "bna-2023-03-05-hamad", "outlet": "Bahrain News Agency",
		"headline": "HM the King holds talks with Saudi monarch", "url": "https://www.bna.example/en/news/1046000",
		"published": "2023-03-05"} {
		if ev[k] != want {
			t.Errorf("evidence %s = %v, want %v", k, ev[k], want)
		}
	}
	if s := ev["sentences"].([]any); len(s) != 1 || !strings.HasPrefix(s[0].(string), sentence) {
		t.Errorf("evidence sentences = %v, want the one starting %q", s, sentence)
	}
	if l := ev["locations"].([]any); len(l) != 1 || !strings.HasSuffix(l[0].(string), filepath.Join("testdata", "identity", "articles.jsonl")+":2") {
		t.Errorf("evidence locations = %v, want the file and line it was read from", l)
	}
	if r := ev["rules"].([]any); len(r) == 0 || !strings.HasPrefix(r[0].(string), "meeting-") {
		t.Errorf("evidence rules = %v, want the meeting rule", r)
	}
	id, _ := rows[0]["id"].(string)
	if !regexp.MustCompile(`^meeting/[0-9a-f]{12}$`).MatchString(id) {
		t.Errorf("meeting id = %q, want meeting/ and 12 hex digits", id)
	}

	out, _, code := runKG(t, env, "query", "meetings", "--arg", "person=Salman", "--format", "csv")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(records) != 2 {
		t.Fatalf("csv: exit %d, %v:\n%s", code, err, out)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	if cell := records[1][col["evidence"]]; !strings.Contains(cell, "“"+strings.TrimSuffix(sentence, ".")) || !strings.Contains(cell, "Bahrain News Agency") ||
		!strings.Contains(cell, "https://www.bna.example/en/news/1046000") {
		t.Errorf("csv evidence cell = %q", cell)
	}

	out, _, _ = runKG(t, env, "query", "meetings", "--arg", "person=Salman")
	if !strings.Contains(out, "Bahrain News Agency 2023-03-05") || !strings.Contains(out, id) {
		t.Errorf("table lacks the compact evidence or the id:\n%s", out)
	}
	out, _, _ = runKG(t, env, "query", "meetings", "--arg", "person=Salman", "--evidence")
	if !strings.Contains(out, "“RIYADH: Saudi King **Salman** met Bahraini King **Hamad bin Isa Al Khalifa** in Riyadh on Sunday.") ||
		!strings.Contains(out, "— Bahrain News Agency, “HM the King holds talks with Saudi monarch”, 2023-03-05, https://www.bna.example/en/news/1046000, read from ") ||
		!strings.Contains(out, "articles.jsonl:2; article bna-2023-03-05-hamad; rule meeting-") {
		t.Errorf("table --evidence lacks the quoted sentence or its source:\n%s", out)
	}

	out, errOut, code := runKG(t, env, "show", id)
	if code != 0 || !strings.Contains(out, "meeting 2023-03-05 in Riyadh: Hamad bin Isa Al Khalifa, Salman  ("+id+")") ||
		!strings.Contains(out, "1 source:") || !strings.Contains(out, "King **Salman** met Bahraini King **Hamad bin Isa Al Khalifa**") {
		t.Errorf("kg show %s: exit %d\n%s%s", id, code, out, errOut)
	}
	out, _, code = runKG(t, env, "show", "Salman")
	for _, want := range []string{"Salman  (kg:person/slmn/king-saudi-arabia)", "King of Saudi Arabia", "Saudi King **Salman** met",
		"may also be (kg kept them apart; kg alias joins):", "Mohammed bin Salman (kg:person/mumd-slmn): not a form of the name; offices differ: King, Crown Prince"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("kg show Salman lacks %q:\n%s", want, out)
		}
	}
}

// TestCorrectionsFromTheCommandLine: kg alias asks (or needs --yes), can
// be undone; kg retract and kg split too; kg corrections lists them all.
func TestCorrectionsFromTheCommandLine(t *testing.T) {
	env := identityStore(t)
	before := participants(jsonRows(t, env, "meetings"))

	// Without a terminal, kg alias shows what it would do and refuses.
	_, errOut, code := runKG(t, env, "alias", "Hillary Clinton", "Bill Clinton")
	if code != 2 || !strings.Contains(errOut, "join:  Hillary Clinton (kg:person/hlr-klntn): Secretary of State; 1 meeting; named in 1 article") ||
		!strings.Contains(errOut, "into:  Bill Clinton (kg:person/bl-klntn): President (former); 2 meetings; named in 2 articles") ||
		!strings.Contains(errOut, "add --yes") {
		t.Fatalf("kg alias without a terminal: exit %d\n%s", code, errOut)
	}
	out, errOut, code := runKG(t, env, "alias", "--yes", "--why", "test", "Hillary Clinton", "Bill Clinton")
	if code != 0 || !strings.Contains(errOut, "joined Hillary Clinton (kg:person/hlr-klntn) to Bill Clinton (kg:person/bl-klntn)") {
		t.Fatalf("kg alias --yes: exit %d\n%s%s", code, out, errOut)
	}
	if got := participants(jsonRows(t, env, "meetings", "--arg", "person=Bill Clinton")); len(got) != 4 {
		t.Errorf("after the alias, Bill Clinton's meetings: %v; want Hillary's and Mr. Clinton's too", got)
	}
	out, errOut, code = runKG(t, env, "alias", "--undo")
	if code != 0 || !strings.Contains(errOut, "undid alias") || !strings.Contains(errOut, "Hillary Clinton joined to Bill Clinton") {
		t.Fatalf("kg alias --undo: exit %d\n%s%s", code, out, errOut)
	}
	if got := participants(jsonRows(t, env, "meetings")); strings.Join(got, ";") != strings.Join(before, ";") {
		t.Errorf("after the undo, meetings\n%v\nwant, as before,\n%v", got, before)
	}

	// Retract the Salman meeting by its id; undo by the fact's id.
	id := jsonRows(t, env, "meetings", "--arg", "person=Salman")[0]["id"].(string)
	out, errOut, code = runKG(t, env, "retract", id[:len("meeting/")+8], "--why", "a courtesy call")
	if code != 0 || !strings.Contains(errOut, "retracted "+id+": meeting 2023-03-05 in Riyadh: Hamad bin Isa Al Khalifa, Salman") {
		t.Fatalf("kg retract: exit %d\n%s%s", code, out, errOut)
	}
	if rows := jsonRows(t, env, "meetings", "--arg", "person=Salman"); len(rows) != 0 {
		t.Errorf("retracted meeting still answered: %v", rows)
	}
	out, _, _ = runKG(t, env, "show", id)
	if !strings.Contains(out, "RETRACTED: left out of answers and exports (by jane on ") || !strings.Contains(out, ": a courtesy call; undo with kg retract --undo ") {
		t.Errorf("kg show of a retracted meeting:\n%s", out)
	}
	// A reload of the same articles does not bring it back.
	runKG(t, env, "load", identityArticles)
	if rows := jsonRows(t, env, "meetings", "--arg", "person=Salman"); len(rows) != 0 {
		t.Errorf("reloaded, the retracted meeting is answered: %v", rows)
	}
	if out, errOut, code = runKG(t, env, "retract", "--undo", id); code != 0 {
		t.Fatalf("kg retract --undo: exit %d\n%s%s", code, out, errOut)
	}
	if rows := jsonRows(t, env, "meetings", "--arg", "person=Salman"); len(rows) != 1 {
		t.Errorf("after undoing the retraction: %v", rows)
	}

	// Split the Zarif kg joined, then undo the split.
	out, errOut, code = runKG(t, env, "split", "Zarif", "--why", "check")
	if code != 0 || !strings.Contains(errOut, "split Zarif (kg:person/srf/foreign-minister-iran) from Mohammad Javad Zarif") {
		t.Fatalf("kg split Zarif: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = runKG(t, env, "query", "meetings", "--arg", "person=Zarif")
	if code != 1 || !strings.Contains(errOut, `"Zarif" fits 2 people`) {
		t.Errorf("after the split, --arg person=Zarif: exit %d %s; want the two people", code, errOut)
	}
	corrections := correctionRows(t, env)
	if len(corrections) != 5 {
		t.Fatalf("kg corrections: %v; want the alias, the retraction, their undos and the split", corrections)
	}
	split := corrections[4]
	if split["action"] != "split" || split["by"] != "jane" || split["why"] != "check" || !strings.HasPrefix(split["state"].(string), "in force; undo: kg split --undo ") {
		t.Errorf("the split in kg corrections: %v", split)
	}
	if corrections[0]["state"] != "undone by "+corrections[1]["id"].(string) {
		t.Errorf("the alias in kg corrections: %v, want undone by %v", corrections[0], corrections[1]["id"])
	}
	if out, errOut, code = runKG(t, env, "split", "--undo", split["id"].(string)); code != 0 {
		t.Fatalf("kg split --undo: exit %d\n%s%s", code, out, errOut)
	}
	if got := participants(jsonRows(t, env, "meetings")); strings.Join(got, ";") != strings.Join(before, ";") {
		t.Errorf("after all undone, meetings\n%v\nwant, as at first,\n%v", got, before)
	}

	// Corrections travel with kg dump and kg restore.
	dump := filepath.Join(t.TempDir(), "kg.nq")
	if _, errOut, code := runKG(t, env, "dump", "--out", dump); code != 0 {
		t.Fatalf("kg dump: %s", errOut)
	}
	restored := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db"), "KG_BACKEND="}
	if _, errOut, code := runKG(t, restored, "restore", dump); code != 0 {
		t.Fatalf("kg restore: %s", errOut)
	}
	if got := correctionRows(t, restored); len(got) != 6 {
		t.Errorf("restored corrections: %v", got)
	}
}

// TestAliasAsksOnATerminal: on a terminal, kg alias asks; no means no.
func TestAliasAsksOnATerminal(t *testing.T) {
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skipf("no pseudo-terminals on this machine (/dev/ptmx: %v)", err)
	}
	env := identityStore(t)
	for _, tc := range []struct {
		answer string
		code   int
		want   string
	}{
		{"n\r", 1, "alias: nothing done"},
		{"y\r", 0, "joined Mohammad Javad Zarif"},
	} {
		cmd := exec.Command(kgBinary(t), "alias", "Zarif", "Sergei Lavrov")
		cmd.Env = append(os.Environ(), env...)
		tty, err := pty.Start(cmd)
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var seen strings.Builder
		done := make(chan struct{})
		go func() {
			defer close(done)
			buf := make([]byte, 4096)
			for {
				n, err := tty.Read(buf)
				mu.Lock()
				seen.Write(buf[:n])
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
		deadline := time.Now().Add(20 * time.Second)
		for {
			mu.Lock()
			asked := strings.Contains(seen.String(), "Join them? [y/N] ")
			mu.Unlock()
			if asked || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		tty.Write([]byte(tc.answer))
		err = cmd.Wait()
		tty.Close()
		<-done
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		mu.Lock()
		out := seen.String()
		mu.Unlock()
		if code != tc.code || !strings.Contains(out, "Join them? [y/N] ") || !strings.Contains(out, tc.want) {
			t.Errorf("answering %q: exit %d, output\n%s\nwant exit %d and %q", tc.answer, code, out, tc.code, tc.want)
		}
	}
}

// TestLoadOrderDoesNotMatter (issue 15, item 2): the same articles loaded
// one at a time, in the reverse order, or by two kg load processes at once
// on PostgreSQL, answer as one load of them all.
func TestLoadOrderDoesNotMatter(t *testing.T) {
	lines, err := os.ReadFile(identityArticles)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.SplitAfter(strings.TrimSpace(string(lines)), "\n")
	dir := t.TempDir()
	write := func(name string, ls []string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Join(ls, "")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var rev []string
	for i := len(all) - 1; i >= 0; i-- {
		rev = append(rev, strings.TrimSuffix(all[i], "\n")+"\n")
	}
	reversed := write("reversed.jsonl", rev)
	var odd, even []string
	for i, l := range rev {
		if i%2 == 0 {
			even = append(even, l)
		} else {
			odd = append(odd, l)
		}
	}
	first, second := write("even.jsonl", even), write("odd.jsonl", odd)

	summary := func(env []string) string {
		return strings.Join(participants(jsonRows(t, env, "meetings")), "\n") + "\n" + peopleNames(jsonRows(t, env, "people"))
	}
	want := summary(identityStore(t))
	for name, load := range map[string][][]string{
		"one at a time": {{"load", "--batch", "1", identityArticles}},
		"reversed":      {{"load", "--batch", "1", reversed}},
		"two loads":     {{"load", first}, {"load", second}},
	} {
		env := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db"), "KG_BACKEND="}
		for _, args := range load {
			if out, errOut, code := runKG(t, env, args...); code != 0 {
				t.Fatalf("%s: kg %v: exit %d\n%s%s", name, args, code, out, errOut)
			}
		}
		if got := summary(env); got != want {
			t.Errorf("%s: answers\n%s\nwant, as one load,\n%s", name, got, want)
		}
	}
	if os.Getenv("KG_TEST_POSTGRES") == "" {
		return
	}
	env := []string{"KG_DB=" + pgtest.Database(t), "KG_BACKEND=postgres"}
	var wg sync.WaitGroup
	for _, file := range []string{first, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, errOut, code := runKG(t, env, "load", "--batch", "1", file); code != 0 {
				t.Errorf("kg load %s on PostgreSQL: exit %d\n%s%s", file, code, out, errOut)
			}
		}()
	}
	wg.Wait()
	if got := summary(env); got != want {
		t.Errorf("two loads at once on PostgreSQL: answers\n%s\nwant, as one load,\n%s", got, want)
	}
}

// correctionRows runs kg corrections --format json.
func correctionRows(t *testing.T, env []string) []map[string]any {
	t.Helper()
	out, errOut, code := runKG(t, env, "corrections", "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil {
		t.Fatalf("kg corrections: exit %d, %v\n%s%s", code, err, out, errOut)
	}
	return rows
}

func peopleNames(rows []map[string]any) string {
	var out []string
	for _, r := range rows {
		out = append(out, r["name"].(string))
	}
	return strings.Join(out, "\n")
}
