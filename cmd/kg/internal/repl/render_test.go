package repl

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRenderTableGolden(t *testing.T) {
	results := []any{
		map[string]any{"id": "<kg:person/rouhani>", "name": "Hassan Rouhani", "roles": []any{"President", "Cleric"}},
		map[string]any{"name": "Imad Khamis", "date": "2017-01-18", "count": float64(3)},
		map[string]any{"evidence": strings.Repeat("A very long sentence. ", 10), "name": "ایران"},
		"a plain value",
		float64(2.5),
	}
	var got bytes.Buffer
	if err := renderResults(&got, FormatTable, results); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "table.golden")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("table differs from %s:\ngot:\n%s\nwant:\n%s", golden, got.String(), want)
	}
}

func TestRenderNothing(t *testing.T) {
	var b bytes.Buffer
	if err := renderResults(&b, FormatTable, nil); err != nil || b.Len() != 0 {
		t.Errorf("table of no results = %q, %v; want nothing", b.String(), err)
	}
	b.Reset()
	if err := renderResults(&b, FormatJSON, nil); err != nil || b.String() != "[]\n" {
		t.Errorf("JSON of no results = %q, %v; want []", b.String(), err)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		shown, more int
		bound       string
		want        string
	}{
		{0, 0, "", "0 results in 1.5ms"},
		{1, 0, "", "1 result in 1.5ms"},
		{10, 5, "", "10 of 15 results in 1.5ms"},
		{10, 100000, "more than", "10 of more than 100010 results in 1.5ms"},
		{1, 0, "at least", "1 of at least 1 results in 1.5ms"},
	}
	for _, tt := range tests {
		if got := summary(tt.shown, tt.more, tt.bound, 1500*time.Microsecond); got != tt.want {
			t.Errorf("summary(%d, %d, %q) = %q, want %q", tt.shown, tt.more, tt.bound, got, tt.want)
		}
	}
	if got, want := moreNote(1, false, ":limit"), "… 1 more result not shown (raise with :limit)"; got != want {
		t.Errorf("moreNote = %q, want %q", got, want)
	}
}

func TestFormatElapsed(t *testing.T) {
	for d, want := range map[time.Duration]string{
		123456 * time.Nanosecond:   "123µs",
		12345678 * time.Nanosecond: "12.35ms",
		2345678901:                 "2.346s",
	} {
		if got := formatElapsed(d); got != want {
			t.Errorf("formatElapsed(%v) = %q, want %q", d, got, want)
		}
	}
}

// The evidence records of the kg helpers show as the articles' outlets
// and dates, not as JSON.
func TestCellTextEvidence(t *testing.T) {
	ev := []any{
		map[string]any{"article": "a1", "outlet": "IRNA", "published": "2019-12-31", "sentences": []any{"Zarif met Wang Yi."}},
		map[string]any{"article": "a2", "outlet": nil, "published": "2020-01-02", "sentences": []any{"They met."}},
	}
	if got, want := cellText(ev), "IRNA 2019-12-31; a2 2020-01-02"; got != want {
		t.Errorf("cellText(evidence) = %q, want %q", got, want)
	}
}
