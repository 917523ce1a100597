package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteTable prints the report for people: the scores, the date
// accuracies and, withErrors, the errors by construction group.
func WriteTable(w io.Writer, r Report, withErrors bool) error {
	b := bufio.NewWriter(w)
	noun := "articles"
	if r.Articles == 1 {
		noun = "article"
	}
	fmt.Fprintf(b, "%d %s scored\n\n", r.Articles, noun)
	const row = "%-32s %6s %11s %7s %10s %7s %7s\n"
	fmt.Fprintf(b, row, "", "right", "false hits", "misses", "precision", "recall", "F1")
	for _, line := range []struct {
		name string
		s    Score
	}{
		{"people", r.People},
		{"roles", r.Roles},
		{"meeting pairs, right date", r.MeetingPairsDated},
		{"meeting pairs", r.MeetingPairs},
		{"meetings found (meeting level)", r.MeetingLevel.Meetings},
		{"participants (meeting level)", r.MeetingLevel.Participants},
		{"call pairs, right date", r.CallPairsDated},
		{"call pairs", r.CallPairs},
	} {
		s := line.s
		fmt.Fprintf(b, row, line.name, fmt.Sprint(s.TP), fmt.Sprint(s.FP), fmt.Sprint(s.FN),
			ratio(s.Precision), ratio(s.Recall), ratio(s.F1))
	}
	fmt.Fprintln(b, "\ndate accuracy")
	for _, line := range []struct {
		name, of string
		a        Accuracy
	}{
		{"meeting pairs", "predicted pairs with a gold date", r.DateAccuracy},
		{"meetings found (meeting level)", "found meetings with a gold date", r.MeetingLevel.DateAccuracy},
		{"call pairs", "predicted pairs with a gold date", r.CallDateAccuracy},
	} {
		fmt.Fprintf(b, "  %-30s %s\n", line.name, accuracy(line.a, line.of))
	}
	if withErrors {
		writeErrors(b, r)
	}
	return b.Flush()
}

func ratio(v float64) string { return fmt.Sprintf("%.4f", v) }

func accuracy(a Accuracy, of string) string {
	if a.Value == nil {
		return "n/a (no " + strings.TrimPrefix(of, "predicted ") + ")"
	}
	return fmt.Sprintf("%s (%d of %d %s)", ratio(*a.Value), a.Right, a.Total, of)
}

func writeErrors(b *bufio.Writer, r Report) {
	noun := "errors"
	if len(r.Errors) == 1 {
		noun = "error"
	}
	fmt.Fprintf(b, "\n%d %s, by construction\n", len(r.Errors), noun)
	for _, g := range r.Groups {
		var parts []string
		for _, c := range categoryOrder {
			if n := g.ByCategory[c]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", c, n))
			}
		}
		fmt.Fprintf(b, "%6d  %d. %s: %s\n", g.Count, g.Number, g.Title, strings.Join(parts, ", "))
	}
	i := 0
	for _, g := range r.Groups {
		fmt.Fprintf(b, "\n%d. %s: %d\n", g.Number, g.Title, g.Count)
		for ; i < len(r.Errors) && r.Errors[i].Group == g.Group; i++ {
			e := r.Errors[i]
			fmt.Fprintf(b, "[%s] %s in %s: %s", e.Category, e.Kind, strings.Join(e.Articles, ", "), e.Fact)
			if e.Note != "" {
				fmt.Fprintf(b, " (%s)", e.Note)
			}
			fmt.Fprintln(b)
			if e.Evidence != "" {
				fmt.Fprintf(b, "    evidence: %s\n", e.Evidence)
			}
		}
	}
}
