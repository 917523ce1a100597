package text

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"Iran's Leader met Dr. Smith.", "Iran|'s|Leader|met|Dr.|Smith|."},
		{"Iran’s role", "Iran|’s|role"},
		{"the U.S.-backed forces of the U.S. army", "the|U.S.-backed|forces|of|the|U.S.|army"},
		{"Walid al-Muallem and cease-fire", "Walid|al-Muallem|and|cease-fire"},
		{"December 8, 2020 - 16:12", "December|8|,|2020|-|16:12"},
		{" date 2017-01-01 Ali", "date|2017-01-01|Ali"},
		{"“liberation of Aleppo” and ‘ceasefire’", "“|liberation|of|Aleppo|”|and|‘|ceasefire|’"},
		{"Jan. 23 and Sept. 5", "Jan.|23|and|Sept.|5"},
		{"met Admiral Dong Jun. He left", "met|Admiral|Dong|Jun|.|He|left"},
		{"O'Brien's view", "O'Brien|'s|view"},
		{"TEHRAN – Iranian", "TEHRAN|–|Iranian"},
		{"the 2nd round, 1,000 troops", "the|2nd|round|,|1,000|troops"},
		{"Xi'an and Kassym-Jomart Tokayev", "Xi'an|and|Kassym-Jomart|Tokayev"},
		{"George W. Bush and H.E. Cui", "George|W.|Bush|and|H.E.|Cui"},
		{"Engr. Salako and Amb. Adeoye", "Engr.|Salako|and|Amb.|Adeoye"},
		{"on Sunday (18/01)", "on|Sunday|(|18/01|)"},
		{"the Philippines' president", "the|Philippines|'|president"},
		{"Ri'ayatuddin Al-Mustafa", "Ri'ayatuddin|Al-Mustafa"},
		{"Dato' Sri Anwar and Dato’ Seri X", "Dato'|Sri|Anwar|and|Dato’|Seri|X"},
		{"Mohammed Shia' al-Sudani", "Mohammed|Shia'|al-Sudani"},
		{"met ex-president Reis and then-Prime Minister Hale of ex-Soviet states", "met|ex-|president|Reis|and|then-|Prime|Minister|Hale|of|ex-|Soviet|states"},
		{"Dahal 'Prachanda' met", "Dahal|'|Prachanda|'|met"},
		{"'We agree,' he said of Shia' clerics", "'|We|agree|,|'|he|said|of|Shia'|clerics"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestTokenOffsetsKindsAndCase(t *testing.T) {
	in := "Syrian FM al-Mekdad’s visit, 2020."
	toks := Tokenize(in)
	for _, tok := range toks {
		if in[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q has offsets %d:%d", tok.Text, tok.Start, tok.End)
		}
	}
	kinds := map[string]Kind{"Syrian": Word, "’s": Poss, ",": Punct, "2020": Number}
	for _, tok := range toks {
		if k, ok := kinds[tok.Text]; ok && tok.Kind != k {
			t.Errorf("token %q kind %d, want %d", tok.Text, tok.Kind, k)
		}
	}
	caps := []struct {
		word string
		cap  bool
	}{{"al-Mekdad", true}, {"al-qaeda", false}, {"Rouhani", true}, {"bin", false}, {"Émile", true}, {"ǅemal", true}}
	for _, c := range caps {
		if got := isCapitalised(c.word); got != c.cap {
			t.Errorf("isCapitalised(%q) = %v, want %v", c.word, got, c.cap)
		}
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "Dr. Fakhrizadeh met Mr. Assad on Jan. 5. He left.",
			[]string{"Dr. Fakhrizadeh met Mr. Assad on Jan. 5.", "He left."}},
		{"a degree in brackets", "Prime Minister Abiy Ahmed (Ph.D.) received him. M.Sc. holders left.",
			[]string{"Prime Minister Abiy Ahmed (Ph.D.) received him.", "M.Sc. holders left."}},
		{"a web address", "Read more at www.kg.org. He left.", []string{"Read more at www.kg.org.", "He left."}},
		{"U.S. inside", "He opposed participation of the U.S. in the talks. Later he left.",
			[]string{"He opposed participation of the U.S. in the talks.", "Later he left."}},
		{"U.S. at the end", "The talks exclude the U.S. He said so.",
			[]string{"The talks exclude the U.S.", "He said so."}},
		{"quotes", "“We agree,” he said. “Talks will go on.” Lavrov added.",
			[]string{"“We agree,” he said.", "“Talks will go on.”", "Lavrov added."}},
		{"headline lines", "Rouhani hails talks\n\nTEHRAN — Rouhani said on Tuesday.",
			[]string{"Rouhani hails talks", "TEHRAN — Rouhani said on Tuesday."}},
		{"wrapped line", "The minister said the\ntalks were useful.",
			[]string{"The minister said the\ntalks were useful."}},
		{"the platform X", "Musk posted on X. Lula replied on Tuesday.",
			[]string{"Musk posted on X.", "Lula replied on Tuesday."}},
		{"an initial after on", "He called on S. Jaishankar on Monday.",
			[]string{"He called on S. Jaishankar on Monday."}},
		{"list items", "- Ruto held talks\n- Whitman attended",
			[]string{"- Ruto held talks", "- Whitman attended"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Segment(tt.in, Tokenize(tt.in)) {
				got = append(got, s.Text)
			}
			if strings.Join(got, "\n---\n") != strings.Join(tt.want, "\n---\n") {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHeadlines(t *testing.T) {
	tests := []struct {
		in                  string
		headline, titleCase bool
	}{
		{"Kim Jong Un Meets Members of Delegation of Special Envoy", true, true},
		{"Putin meets Erdogan in Sochi", true, false},
		{"PM Narendra Modi meets Nepal PM Pushpa Kamal Dahal", true, false},
		{"President Ana Costa Meets Prime Minister Ivo Kral", true, true},
		{"EL-SISI MEETS ABBAS IN CAIRO", true, true},
		{"Putin met Erdogan in Sochi on Monday.", false, false},
		{"Blinken met Wang Yi in Washington, D.C.", false, false},
		{"The two discussed ties with the U.S.", false, false},
	}
	for _, tt := range tests {
		s := Segment(tt.in, Tokenize(tt.in))[0]
		if s.Headline != tt.headline || s.TitleCase != tt.titleCase {
			t.Errorf("%q: headline %v title case %v, want %v %v", tt.in, s.Headline, s.TitleCase, tt.headline, tt.titleCase)
		}
	}
}

func TestQuoted(t *testing.T) {
	in := `“We agree,” Rouhani said, "fully".`
	toks := Tokenize(in)
	s := Segment(in, toks)[0]
	for i, tok := range toks {
		want := tok.Text == "We" || tok.Text == "agree" || tok.Text == "," && i == 3 || tok.Text == "fully"
		if s.Quoted[i] != want {
			t.Errorf("token %d %q quoted = %v, want %v", i, tok.Text, s.Quoted[i], want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mikati&rsquo;s advisor", "Mikati’s advisor"},
		{"Premier Mikatirsquo;s Advisor", "Premier Mikati’s Advisor"},
		{"at the Grand Serail.nbsp;", "at the Grand Serail. "},
		{"ldquo;We stand ready,rdquo; he said", "“We stand ready,” he said"},
		{"the government#39;s coordinator", "the government's coordinator"},
		{"line\r\nbreak", "line\nbreak"},
		{"plain; text; stays", "plain; text; stays"},
		{"AT&T and R&D", "AT&T and R&D"},
		{"President JoÃ£o LourenÃ§o", "President João Lourenço"},
		{"Itâ€™s done", "It’s done"},
		{"Président Ségolène, Ärzte, Øresund, İstanbul", "Président Ségolène, Ärzte, Øresund, İstanbul"},
		{"Ã alone", "Ã alone"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeNeverStalls(t *testing.T) {
	for _, in := range []string{"", "\xff\xfe", "’’’", "...", "—-—", strings.Repeat("a.", 1000), "\u200b\u200b"} {
		toks := Tokenize(in)
		for _, tok := range toks {
			if tok.End <= tok.Start {
				t.Fatalf("Tokenize(%q): empty token %+v", in, tok)
			}
		}
		Segment(in, toks)
	}
}
