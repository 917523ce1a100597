package extract

// Stage 2: sentence segmentation over the token stream. A sentence ends at
// ".", "!" or "?" (with any closing quotes or brackets after it) when the
// next token starts a new sentence, and at line breaks between paragraphs
// and headlines. Abbreviations never end a sentence because the tokenizer
// keeps their dot inside the word ("Dr.", "Jan."), except a dotted
// abbreviation like "U.S." followed by a typical sentence opener.

// maxSentenceTokens bounds a sentence's length; longer runs are cut.
const maxSentenceTokens = 250

type sentence struct {
	index      int
	start, end int // byte offsets of the sentence in the text
	toks       []token
	quoted     []bool // quoted[i]: toks[i] is inside quotation marks
	paragraph  int
	text       string
	headline   bool // a line with no final punctuation (a title or subheading)
	titleCase  bool // a headline in Title Case ("Putin Meets Erdogan In Sochi")
	firstToken int  // index of toks[0] in the document's token slice
}

// sentenceOpeners are words that, capitalised after "U.S." and the like,
// show that the abbreviation's dot also ended the sentence.
var sentenceOpeners = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "the": true,
	"this": true, "that": true, "these": true, "those": true, "but": true, "and": true,
	"in": true, "on": true, "at": true, "a": true, "an": true, "his": true, "her": true,
	"their": true, "its": true, "there": true, "meanwhile": true, "however": true,
}

func isTerminal(t token) bool {
	if t.kind != tokPunct {
		return false
	}
	switch t.text {
	case ".", "!", "?", "...", "…", "?!", "!!", "??":
		return true
	}
	return false
}

func isCloser(t token) bool {
	if t.kind == tokQuote {
		switch t.text {
		case "”", "’", "\"", "»", "'", "›":
			return true
		}
	}
	return t.kind == tokPunct && (t.text == ")" || t.text == "]")
}

// segment groups the document's tokens into sentences.
func segment(text string, toks []token) []sentence {
	var sents []sentence
	quoted := quoteSpans(toks)
	paragraph := 0
	begin := 0
	flush := func(end int) {
		if end <= begin {
			return
		}
		s := sentence{
			index:      len(sents),
			start:      toks[begin].start,
			end:        toks[end-1].end,
			toks:       toks[begin:end],
			quoted:     quoted[begin:end],
			paragraph:  paragraph,
			firstToken: begin,
		}
		s.text = text[s.start:s.end]
		last := toks[end-1]
		s.headline = !isTerminal(last) && !isCloser(last) && toks[end-1].kind != tokPunct
		s.titleCase = s.headline && isTitleCase(s.toks)
		sents = append(sents, s)
		begin = end
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i > begin && t.nlBefore > 0 {
			prev := toks[i-1]
			continues := (prev.kind == tokWord || prev.text == ",") && !t.cap && t.kind == tokWord
			if !continues {
				flush(i)
				paragraph++
			}
		}
		end := -1
		switch {
		case isTerminal(t):
			j := i + 1
			for j < len(toks) && isCloser(toks[j]) && toks[j].nlBefore == 0 {
				j++
			}
			if j >= len(toks) || startsSentence(toks[j]) {
				end = j
			}
		case t.kind == tokWord && len(t.text) > 2 && t.text[len(t.text)-1] == '.' && i+1 < len(toks):
			next := toks[i+1]
			if next.cap && sentenceOpeners[next.lower] && isAllCapsAbbrev(t.text) {
				end = i + 1
			}
		}
		if end < 0 && i+1-begin >= maxSentenceTokens {
			// Run-on text (tables, lists without punctuation): cut it so
			// that per-sentence work stays bounded.
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

func startsSentence(t token) bool {
	switch t.kind {
	case tokWord:
		return t.cap || isAllCaps(t.text)
	case tokNumber:
		return true
	case tokQuote:
		return true
	case tokPunct:
		return t.text == "(" || t.text == "[" || t.text == "-" || t.text == "–" || t.text == "—"
	}
	return false
}

// quoteSpans marks the tokens inside quotation marks. Quotes do not run
// across paragraphs.
func quoteSpans(toks []token) []bool {
	in := make([]bool, len(toks))
	depth := 0
	for i, t := range toks {
		if t.nlBefore > 0 {
			depth = 0
		}
		if t.kind == tokQuote {
			switch t.text {
			case "“", "«", "„", "‘", "‹":
				depth = 1
			case "”", "»", "’", "›":
				depth = 0
			case "\"", "`":
				// A straight quote opens when text follows it directly.
				if t.spaceAfter || i+1 >= len(toks) {
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

// isTitleCase reports a headline whose words are nearly all capitalised,
// function words included, so capitals say nothing about names.
func isTitleCase(toks []token) bool {
	words, caps, smallCaps := 0, 0, 0
	for _, t := range toks {
		if t.kind != tokWord {
			continue
		}
		words++
		if t.cap {
			caps++
			if stopCaps[t.lower] && len(t.lower) <= 4 {
				smallCaps++
			}
		}
	}
	return words >= 4 && caps*10 >= words*8 && (smallCaps > 0 || caps == words)
}
