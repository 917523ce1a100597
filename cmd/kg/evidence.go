package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/graph"
)

// How evidence is shown: the sentences quoted, with the names of the people
// the fact is about picked out, then where the article comes from. Query
// results carry evidence as records (graph's evidenceRecords); kg show and
// the confirmations of corrections have graph.Evidence.

// marker picks names out of a sentence: bold on a terminal, **name**
// elsewhere, so that a copy into a note keeps the marks.
type marker struct{ terminal bool }

func (m marker) mark(s string) string {
	if m.terminal {
		return "\x1b[1m" + s + "\x1b[22m"
	}
	return "**" + s + "**"
}

// nameTerms are the forms of people's names to pick out of a sentence:
// each whole name, and each of its capitalised words of four letters or
// more ("Rouhani" of "Hassan Rouhani"), longest first.
func nameTerms(names []string) []string {
	var terms []string
	add := func(t string) {
		t = strings.TrimSpace(t)
		if t != "" && !containsString(terms, t) {
			terms = append(terms, t)
		}
	}
	for _, n := range names {
		add(n)
		for _, w := range strings.Fields(n) {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 4 {
				add(strings.Trim(w, ".,"))
			}
		}
	}
	sort.SliceStable(terms, func(i, j int) bool { return len(terms[i]) > len(terms[j]) })
	return terms
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// highlight marks every whole-word occurrence of terms in sentence,
// longest terms first, never one inside another.
func highlight(sentence string, terms []string, m marker) string {
	taken := make([]bool, len(sentence))
	type span struct{ start, end int }
	var spans []span
	for _, t := range terms {
		for from := 0; from < len(sentence); {
			i := strings.Index(sentence[from:], t)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(t)
			from = end
			if !wordEdge(sentence, start, end) {
				continue
			}
			free := true
			for k := start; k < end; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			spans = append(spans, span{start, end})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(sentence[last:s.start])
		b.WriteString(m.mark(sentence[s.start:s.end]))
		last = s.end
	}
	b.WriteString(sentence[last:])
	return b.String()
}

// wordEdge says whether sentence[start:end] starts and ends at word edges.
func wordEdge(sentence string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(sentence[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(sentence) {
		r, _ := utf8.DecodeRuneInString(sentence[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// writeEvidence writes what each article says, indented by indent:
//
//	“Saudi King **Salman** met … on Sunday.”
//	  — Bahrain News, “King meets”, 2023-03-05, https://…; article king; rule meeting-met
func writeEvidence(w io.Writer, ev []graph.Evidence, names []string, indent string, m marker) error {
	terms := nameTerms(names)
	for _, e := range ev {
		for _, s := range e.Sentences {
			if _, err := fmt.Fprintf(w, "%s“%s”\n", indent, highlight(s, terms, m)); err != nil {
				return err
			}
		}
		if len(e.Sentences) == 0 {
			if _, err := fmt.Fprintf(w, "%s(no sentence kept)\n", indent); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintf(w, "%s  — %s\n", indent, sourceLine(e)); err != nil {
			return err
		}
	}
	return nil
}

// sourceLine says where an article comes from, as fully as known.
func sourceLine(e graph.Evidence) string {
	var parts []string
	if e.Outlet != "" {
		parts = append(parts, e.Outlet)
	}
	if e.Headline != "" {
		parts = append(parts, "“"+e.Headline+"”")
	}
	if e.Published != "" {
		parts = append(parts, e.Published)
	}
	if e.URL != "" {
		parts = append(parts, e.URL)
	}
	for _, l := range e.Locations {
		if l != e.URL {
			parts = append(parts, "read from "+l)
		}
	}
	line := strings.Join(parts, ", ")
	if line != "" {
		line += "; "
	}
	line += "article " + e.Article
	if len(e.Rules) > 0 {
		line += "; rule " + strings.Join(e.Rules, ", ")
	}
	return line
}

// compactSource names an article in a few words: its outlet (else its id)
// and its date.
func compactSource(e graph.Evidence) string {
	return strings.TrimSpace(firstNonEmpty(e.Outlet, e.Article) + " " + e.Published)
}

// evidenceOf reads evidence records (as query results carry them) back
// into graph.Evidence; ok is false when v is not a list of them.
func evidenceOf(v any) ([]graph.Evidence, bool) {
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]graph.Evidence, 0, len(list))
	for _, x := range list {
		m, ok := x.(map[string]any)
		if !ok {
			return nil, false
		}
		if _, ok := m["article"]; !ok {
			return nil, false
		}
		str := func(k string) string { s, _ := m[k].(string); return s }
		strs := func(k string) []string {
			var out []string
			if l, ok := m[k].([]any); ok {
				for _, e := range l {
					if s, ok := e.(string); ok {
						out = append(out, s)
					}
				}
			}
			return out
		}
		out = append(out, graph.Evidence{Article: str("article"), Outlet: str("outlet"), Headline: str("headline"),
			URL: str("url"), Locations: strs("locations"), Published: str("published"),
			Sentences: strs("sentences"), Rules: strs("rules")})
	}
	return out, true
}

// evidenceCell renders evidence in one table or CSV cell: in full
// (“sentence” — source) or, compact, the outlets and dates.
func evidenceCell(ev []graph.Evidence, full bool) string {
	parts := make([]string, len(ev))
	for i, e := range ev {
		if !full {
			parts[i] = compactSource(e)
			continue
		}
		var quoted []string
		for _, s := range e.Sentences {
			quoted = append(quoted, "“"+s+"”")
		}
		parts[i] = strings.TrimSpace(strings.Join(quoted, " ") + " — " + sourceLine(e))
	}
	return strings.Join(parts, " | ")
}
