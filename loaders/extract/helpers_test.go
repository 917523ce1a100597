package extract

import "github.com/kg-project/kg/loaders/extract/text"

func tokenizeForTest(s string) []text.Token { return text.Tokenize(s) }

func segmentForTest(s string, toks []text.Token) []text.Sentence { return text.Segment(s, toks) }
