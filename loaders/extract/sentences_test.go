package extract

import (
	"strings"
	"testing"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "Dr. Fakhrizadeh met Mr. Assad on Jan. 5. He left.",
			[]string{"Dr. Fakhrizadeh met Mr. Assad on Jan. 5.", "He left."}},
		{"U.S. inside", "He opposed participation of the U.S. in the talks. Later he left.",
			[]string{"He opposed participation of the U.S. in the talks.", "Later he left."}},
		{"U.S. at the end", "The talks exclude the U.S. He said so.",
			[]string{"The talks exclude the U.S.", "He said so."}},
		{"quotes", "“We agree,” he said. “Talks will go on.” Lavrov added.",
			[]string{"“We agree,” he said.", "“Talks will go on.”", "Lavrov added."}},
		{"question inside quote", "“Why now?” asked Wang. He smiled.",
			[]string{"“Why now?” asked Wang.", "He smiled."}},
		{"headline lines", "Rouhani hails talks\n\nTEHRAN — Rouhani said on Tuesday.",
			[]string{"Rouhani hails talks", "TEHRAN — Rouhani said on Tuesday."}},
		{"wrapped line", "The minister said the\ntalks were useful.",
			[]string{"The minister said the\ntalks were useful."}},
		{"middle initial", "George W. Bush met Vladimir Putin.",
			[]string{"George W. Bush met Vladimir Putin."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.in)
			var got []string
			for _, s := range segment(tt.in, toks) {
				got = append(got, s.text)
			}
			if strings.Join(got, "\n---\n") != strings.Join(tt.want, "\n---\n") {
				t.Errorf("segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuoteSpans(t *testing.T) {
	in := `“We agree,” Rouhani said, "fully".`
	toks := tokenize(in)
	q := quoteSpans(toks)
	for i, tok := range toks {
		want := tok.text == "We" || tok.text == "agree" || tok.text == "," && i == 3 || tok.text == "fully"
		if q[i] != want {
			t.Errorf("token %d %q quoted = %v, want %v", i, tok.text, q[i], want)
		}
	}
}
