package eval

// Score is precision, recall and F1 of one kind of fact, from the counts of
// right facts (TP), false hits (FP) and misses (FN).
type Score struct {
	TP        int     `json:"tp"` // right
	FP        int     `json:"fp"` // false hits
	FN        int     `json:"fn"` // misses
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// newScore computes the ratios. With nothing predicted, precision is 1 when
// nothing was to be found and 0 otherwise; with nothing to find, recall
// is 1.
func newScore(tp, fp, fn int) Score {
	s := Score{TP: tp, FP: fp, FN: fn}
	switch {
	case tp+fp > 0:
		s.Precision = float64(tp) / float64(tp+fp)
	case fn == 0:
		s.Precision = 1
	}
	s.Recall = 1
	if tp+fn > 0 {
		s.Recall = float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Accuracy is a share of right answers; Value is nil when there was no
// question (Total 0).
type Accuracy struct {
	Right int      `json:"right"`
	Total int      `json:"total"`
	Value *float64 `json:"accuracy"`
}

func newAccuracy(right, total int) Accuracy {
	a := Accuracy{Right: right, Total: total}
	if total > 0 {
		v := float64(right) / float64(total)
		a.Value = &v
	}
	return a
}

// pairScores scores meetings (or calls) as pairs of people over the whole
// corpus.
type pairScores struct {
	dated        Score    // (pair, date) meetings: the headline figure
	pairs        Score    // distinct pairs, dates ignored
	dateAccuracy Accuracy // over the dated gold meetings whose pair was predicted
}

// LevelScores scores meetings as meetings, article by article: a gold
// meeting is found when a predicted one shares at least two people with it.
type LevelScores struct {
	Meetings     Score    `json:"meetings"`     // meetings found
	Participants Score    `json:"participants"` // people inside them
	DateAccuracy Accuracy `json:"date_accuracy"`
}
