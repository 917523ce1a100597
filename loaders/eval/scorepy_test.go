package eval_test

import (
	"testing"

	"github.com/kg-project/kg/loaders/eval"
	"github.com/kg-project/kg/loaders/eval/evaltest"
)

// TestFixtureAgreesWithScorePy scores the hand-written fixture (a
// prediction with errors of every kind: month dates matched by days,
// undated gold pairs, a pair merged across articles, duplicate and
// unresolved roles, calls) with kg's scorer and with the reference scorer
// corpus/score.py, and requires every figure to agree.
func TestFixtureAgreesWithScorePy(t *testing.T) {
	corpus := evaltest.CorpusDir(t)
	gold, predicted, texts := eval.LoadFixture(t)
	r := eval.Evaluate(gold, predicted, texts)
	agreed := evaltest.Agree(t, r, evaltest.ScorePy(t, corpus, eval.FixtureGold, predicted))
	t.Log(evaltest.Summary(r, agreed))
}
