package repl

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func testCompleter() *Completer {
	c := NewCompleter()
	c.AddPredicates([]string{"<ex:follows>"})
	c.AddNodes([]string{"<kg:Person>", "<kg:Article>", "<kg:person/rouhani>", "Hassan Rouhani", "Hassan Nasrallah", "Imad Khamis", `Ali "the Lion" Ali`,
		"Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Qin Gang"})
	return c
}

func TestComplete(t *testing.T) {
	c := testCompleter()
	tests := []struct {
		name     string
		line     string
		pos      int // -1: end of line
		wantHead string
		want     []string // exact candidates, when set
		contains []string // candidates that must be among those offered
		wantTail string
	}{
		{name: "method after dot", line: "g.V().Ou", pos: -1, wantHead: "g.V().", want: []string{"Out", "OutPredicates"}},
		{name: "unique method", line: "g.V().Fol", pos: -1, wantHead: "g.V().", want: []string{"Follow", "FollowR", "FollowRecursive"}},
		{name: "lower-case method", line: "g.V().ou", pos: -1, wantHead: "g.V().", want: []string{"out", "outPredicates"}},
		{name: "all methods after dot", line: "g.V().", pos: -1, wantHead: "g.V().", contains: []string{"All", "Out", "In", "Has", "Tag", "Count", "ToArray"}},
		{name: "graph method", line: "g.V", pos: -1, wantHead: "g.", want: []string{"V", "Vertex"}},
		{name: "graph object", line: "graph.Em", pos: -1, wantHead: "graph.", want: []string{"Emit"}},
		{name: "kg helper", line: "kg.pe", pos: -1, wantHead: "kg.", want: []string{"people"}},
		{name: "continued line", line: "  .Ha", pos: -1, wantHead: "  .", want: []string{"Has", "HasR"}},
		{name: "predicate in Out", line: `g.V().Out("<kg:nam`, pos: -1, wantHead: `g.V().Out("`, want: []string{`<kg:name>"`}},
		{name: "predicate without bracket", line: `g.V().In("kg:partic`, pos: -1, wantHead: `g.V().In("`, want: []string{`<kg:participant>"`}},
		{name: "predicate in Has", line: `g.V().Has("<rdf:ty`, pos: -1, wantHead: `g.V().Has("`, want: []string{`<rdf:type>"`}},
		{name: "store predicate", line: `g.V().Out("<ex:`, pos: -1, wantHead: `g.V().Out("`, want: []string{`<ex:follows>"`}},
		{name: "closing quote already there", line: `g.V().Out("<kg:nam").All()`, pos: len(`g.V().Out("<kg:nam`), wantHead: `g.V().Out("`, want: []string{`<kg:name>`}, wantTail: `").All()`},
		{name: "single quotes", line: `g.V().Out('<kg:nam`, pos: -1, wantHead: `g.V().Out('`, want: []string{`<kg:name>'`}},
		{name: "predicate after open paren", line: `g.V().Out(`, pos: -1, wantHead: `g.V().Out(`, contains: []string{`"<kg:name>"`, `"<rdf:type>"`}},
		{name: "node in V", line: `g.V("Hass`, pos: -1, wantHead: `g.V("`, want: []string{`Hassan Nasrallah"`, `Hassan Rouhani"`}},
		{name: "node any case", line: `g.V("imad`, pos: -1, wantHead: `g.V("`, want: []string{`Imad Khamis"`}},
		{name: "any part of a name", line: `g.V("Leyen`, pos: -1, wantHead: `g.V("`, want: []string{`Ursula von der Leyen"`}},
		{name: "particles of a name", line: `g.V("von der`, pos: -1, wantHead: `g.V("`, want: []string{`Ursula von der Leyen"`}},
		{name: "accents and case aside", line: `g.V("lula da`, pos: -1, wantHead: `g.V("`, want: []string{`Luiz Inácio Lula da Silva"`}},
		{name: "family name first", line: `g.V("Gang`, pos: -1, wantHead: `g.V("`, want: []string{`Qin Gang"`}},
		{name: "IRI in V", line: `g.V("<kg:P`, pos: -1, wantHead: `g.V("`, want: []string{`<kg:Person>"`}},
		{name: "second node in V", line: `g.V("Imad Khamis", "Hassan R`, pos: -1, wantHead: `g.V("Imad Khamis", "`, want: []string{`Hassan Rouhani"`}},
		{name: "node escaped", line: `g.V("Ali`, pos: -1, wantHead: `g.V("`, want: []string{`Ali \"the Lion\" Ali"`}},
		{name: "object of Has", line: `g.V().Has("<rdf:type>", "<kg:Ar`, pos: -1, wantHead: `g.V().Has("<rdf:type>", "`, want: []string{`<kg:Article>"`}},
		{name: "no predicate as Out tag", line: `g.V().Out("<kg:name>", "<kg:nam`, pos: -1, wantHead: `g.V().Out("<kg:name>", "`, want: nil},
		{name: "inside other call", line: `g.Emit("Hass`, pos: -1, wantHead: `g.Emit("`, want: nil},
		{name: "in a comment", line: `g.V() // .Ou`, pos: -1, wantHead: `g.V() // .Ou`, want: nil},
		{name: "global", line: `gr`, pos: -1, wantHead: ``, want: []string{"graph"}},
		{name: "command", line: ":he", pos: -1, wantHead: "", want: []string{":help"}},
		{name: "command with args", line: ":ru", pos: -1, wantHead: "", want: []string{":run "}},
		{name: "commands", line: ":", pos: -1, wantHead: "", contains: []string{":help", ":load ", ":run ", ":format ", ":limit ", ":timeout ", ":stats", ":quit"}},
		{name: "saved query", line: ":run mee", pos: -1, wantHead: ":run ", want: []string{"meetings"}},
		{name: "saved queries", line: ":run ", pos: -1, wantHead: ":run ", contains: []string{"meetings"}},
		{name: "format", line: ":format j", pos: -1, wantHead: ":format ", want: []string{"json"}},
		{name: "nothing after :stats", line: ":stats ", pos: -1, wantHead: ":stats ", want: nil},
		{name: "cursor in middle", line: "g.V().Ou.All()", pos: len("g.V().Ou"), wantHead: "g.V().", want: []string{"Out", "OutPredicates"}, wantTail: ".All()"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pos := tt.pos
			if pos < 0 {
				pos = len([]rune(tt.line))
			}
			head, got, tail := c.Complete(tt.line, pos)
			if head != tt.wantHead {
				t.Errorf("head = %q, want %q", head, tt.wantHead)
			}
			if tail != tt.wantTail {
				t.Errorf("tail = %q, want %q", tail, tt.wantTail)
			}
			if tt.contains != nil {
				for _, w := range tt.contains {
					if !slices.Contains(got, w) {
						t.Errorf("candidates %q lack %q", got, w)
					}
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("candidates = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCompleteLoadPath(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"people.js", "notes.txt", "sub/x.js"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("g.V().All()"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := NewCompleter()
	head, got, _ := c.Complete(":load "+dir+"/", len(":load "+dir+"/"))
	want := []string{filepath.Join(dir, "people.js"), filepath.Join(dir, "sub") + "/"}
	if head != ":load " || !reflect.DeepEqual(got, want) {
		t.Errorf("Complete(:load dir/) = %q, %q; want %q, %q", head, got, ":load ", want)
	}
}

func TestPrefixMatchesCapKeepsCommonPrefix(t *testing.T) {
	var list []string
	for _, s := range []string{"a", "b"} {
		for i := 0; i < maxCandidates; i++ {
			list = append(list, "<kg:article/"+s+strings.Repeat("x", i)+">")
		}
	}
	got := prefixMatches(sortedCopy(list), "<kg:art", maxCandidates)
	if len(got) != maxCandidates {
		t.Fatalf("got %d candidates, want the cap %d", len(got), maxCandidates)
	}
	if lcp := commonPrefix(got); lcp != "<kg:article/" {
		t.Errorf("common prefix of capped candidates = %q, want %q (that of all matches)", lcp, "<kg:article/")
	}
}

func TestPrefixMatchesCase(t *testing.T) {
	list := sortedCopy([]string{"Hassan", "hamid", "Imad"})
	if got := prefixMatches(list, "Ha", 10); !reflect.DeepEqual(got, []string{"Hassan"}) {
		t.Errorf("exact case: got %q", got)
	}
	if got := prefixMatches(list, "im", 10); !reflect.DeepEqual(got, []string{"Imad"}) {
		t.Errorf("other case: got %q", got)
	}
	// "ha" matches Hassan and hamid, spelled differently: offering both
	// would shorten what was typed, so nothing is offered.
	if got := prefixMatches(list, "hA", 10); got != nil {
		t.Errorf("conflicting case: got %q, want none", got)
	}
}

func TestHelperNames(t *testing.T) {
	for _, want := range []string{"values", "first", "people", "ofType", "sources"} {
		if !slices.Contains(kgHelpers, want) {
			t.Errorf("kg helpers %q lack %q (read from queries/lib.js)", kgHelpers, want)
		}
	}
}

func commonPrefix(list []string) string {
	p := list[0]
	for _, s := range list[1:] {
		for !strings.HasPrefix(s, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}
