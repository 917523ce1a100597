package text

import "strings"

// A sentence ends at ".", "!" or "?" (with any closing quotes or brackets
// after it) when the next token starts a new sentence, and at line breaks
// between paragraphs, headlines, captions and list items. Abbreviations
// never end a sentence because the tokenizer keeps their dot inside the
// word ("Dr.", "Jan."), except a dotted abbreviation like "U.S." followed
// by a typical sentence opener.

// MaxSentenceTokens bounds a sentence's length; longer runs (tables, lists
// without punctuation) are cut, so per-sentence work stays bounded.
const MaxSentenceTokens = 250

// Sentence is a run of tokens that ends a statement, a headline or a line.
type Sentence struct {
	Index      int
	Start, End int     // byte offsets of the sentence in the text
	Toks       []Token // the document's tokens, sliced
	First      int     // index of Toks[0] among the document's tokens
	Quoted     []bool  // Quoted[i]: Toks[i] is inside quotation marks
	Paragraph  int
	Text       string
	// Headline: a line with no final punctuation (a title, subheading,
	// caption or credit).
	Headline bool
	// TitleCase: a headline whose words are nearly all capitalised, so
	// capitals say nothing about names ("Putin Meets Erdogan In Sochi").
	TitleCase bool
}

// Tok returns the sentence's token i, or the zero Token outside it, so
// that look-around code needs no bounds checks.
func (s *Sentence) Tok(i int) Token {
	if i < 0 || i >= len(s.Toks) {
		return Token{}
	}
	return s.Toks[i]
}

// sentenceOpeners are words that, capitalised after "U.S." and the like,
// show that the abbreviation's dot also ended the sentence.
var sentenceOpeners = wordSet("he", "she", "it", "they", "we", "i", "the", "this", "that", "these",
	"those", "but", "and", "in", "on", "at", "a", "an", "his", "her", "their", "its", "there",
	"meanwhile", "however", "earlier", "later", "during", "after", "before")

// smallWords are the function words a Title Case headline capitalises.
var smallWords = wordSet("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with",
	"by", "as", "from", "after", "over", "into", "his", "her", "its", "their", "is", "are", "was")

// IsTerminal reports a sentence-ending mark.
func IsTerminal(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case ".", "!", "?", "...", "…", "?!", "!!", "??":
		return true
	}
	return false
}

func isCloser(t Token) bool {
	if t.Kind == Quote {
		switch t.Text {
		case "”", "’", "\"", "»", "'", "›":
			return true
		}
	}
	return t.Kind == Punct && (t.Text == ")" || t.Text == "]")
}

// Segment groups the document's tokens into sentences.
func Segment(text string, toks []Token) []Sentence {
	var sents []Sentence
	quoted := quoteSpans(toks)
	paragraph := 0
	begin := 0
	flush := func(end int) {
		if end <= begin {
			return
		}
		s := Sentence{
			Index:     len(sents),
			Start:     toks[begin].Start,
			End:       toks[end-1].End,
			Toks:      toks[begin:end:end],
			Quoted:    quoted[begin:end:end],
			Paragraph: paragraph,
			First:     begin,
		}
		s.Text = text[s.Start:s.End]
		last := toks[end-1]
		// "... met officials in Washington, D.C.": an abbreviation's dot
		// ends a sentence too.
		s.Headline = !IsTerminal(last) && !isCloser(last) && last.Kind != Punct && !strings.HasSuffix(last.Text, ".")
		s.TitleCase = s.Headline && isTitleCase(s.Toks)
		sents = append(sents, s)
		begin = end
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i > begin && t.NLBefore > 0 {
			prev := toks[i-1]
			// A line broken inside a sentence continues in lower case.
			continues := (prev.Kind == Word || prev.Text == ",") && !t.Cap && t.Kind == Word && t.NLBefore == 1
			if !continues {
				flush(i)
				if t.NLBefore > 1 {
					paragraph++
				}
			}
		}
		end := -1
		switch {
		case IsTerminal(t):
			j := i + 1
			for j < len(toks) && isCloser(toks[j]) && toks[j].NLBefore == 0 {
				j++
			}
			if j >= len(toks) || startsSentence(toks[j]) {
				end = j
			}
		case t.Kind == Word && len(t.Text) > 2 && t.Text[len(t.Text)-1] == '.' && i+1 < len(toks):
			next := toks[i+1]
			if next.Cap && sentenceOpeners[next.Lower] && isAllCapsAbbrev(t.Text) {
				end = i + 1
			}
		case t.Text == "X." && i > begin && toks[i-1].Is("on", "via") && i+1 < len(toks) && toks[i+1].Cap:
			// "posted on X. Musk replied": the platform, not an initial.
			end = i + 1
		}
		if end < 0 && i+1-begin >= MaxSentenceTokens {
			end = i + 1
		}
		if end > 0 {
			flush(end)
			i = end - 1
		}
	}
	flush(len(toks))
	return sents
}

// isAllCapsAbbrev reports dotted upper-case abbreviations like U.S. or U.K.
func isAllCapsAbbrev(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c != '.' && !(c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func startsSentence(t Token) bool {
	switch t.Kind {
	case Word:
		return t.Cap || IsAllCaps(t.Text)
	case Number, Quote:
		return true
	case Punct:
		return t.Text == "(" || t.Text == "[" || t.Text == "-" || t.Text == "–" || t.Text == "—"
	}
	return false
}

// quoteSpans marks the tokens inside quotation marks. Quotes do not run
// across paragraphs.
func quoteSpans(toks []Token) []bool {
	in := make([]bool, len(toks))
	depth := 0
	for i, t := range toks {
		if t.NLBefore > 0 {
			depth = 0
		}
		if t.Kind == Quote {
			switch t.Text {
			case "“", "«", "„", "‘", "‹":
				depth = 1
			case "”", "»", "’", "›":
				depth = 0
			case "\"", "`", "'":
				// A straight quote opens when text follows it directly.
				if t.SpaceAfter || i+1 >= len(toks) {
					depth = 0
				} else if depth == 0 {
					depth = 1
				} else {
					depth = 0
				}
			}
			continue
		}
		in[i] = depth > 0
	}
	return in
}

// isTitleCase reports a headline whose words, short function words
// aside, are (nearly) all capitalised: "Kim Jong Un Meets Members of
// Delegation", "Putin Meets Erdogan In Sochi".
func isTitleCase(toks []Token) bool {
	words, caps, smallCaps := 0, 0, 0
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		if smallWords[t.Lower] {
			if t.Cap {
				smallCaps++
			}
			continue
		}
		words++
		if t.Cap || IsAllCaps(t.Text) {
			caps++
		} else if len(t.Text) >= 4 && isLetters(t.Text) {
			// "PM Narendra Modi meets Nepal PM Pushpa Kamal Dahal": a
			// verb in lower case says sentence case, whatever the names.
			return false
		}
	}
	return words >= 3 && caps*100 >= words*85 && (smallCaps > 0 || caps == words || words >= 5)
}

// isLetters reports a word of lower-case ASCII letters only.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}
