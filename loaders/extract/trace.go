package extract

import (
	"fmt"
	"strings"
)

// traceSentence writes what each layer found in a sentence to
// Options.Trace: the mentions and whom they stand for, the frames and
// their slots, and the meetings read so far. kg extract --trace prints it.
func (d *doc) traceSentence(x *sentence, frames []frame) {
	if d.trace == nil {
		return
	}
	w := d.trace
	fmt.Fprintf(w, "\n[%d] %s\n", x.si, x.s.Text)
	for _, m := range x.ms {
		who := "?"
		if m.ent >= 0 {
			who = d.ents[m.ent].name
		}
		if m.group != nil {
			var ns []string
			for _, e := range m.group {
				ns = append(ns, d.ents[e].name)
			}
			who = "{" + strings.Join(ns, ", ") + "}"
		}
		var offs []string
		for _, o := range m.offices {
			offs = append(offs, o.title+"/"+o.of)
		}
		fmt.Fprintf(w, "   M %-7s %q -> %s  offices=%v country=%s compl=%v whole=%q\n", []string{"name", "desc", "pron", "group"}[m.kind],
			m.text, who, offs, m.country, m.complement, tokText(x, m.whole))
	}
	for _, f := range frames {
		fmt.Fprintf(w, "   F %s %s trig=%q subj=%v partners=%v passive=%v planned=%v\n", f.rule, f.kind, tokText(x, f.trigger),
			d.names(x, f.subject), d.groupNames(x, f.partners), f.passive, f.planned)
	}
	for i, m := range d.meetings {
		var ns []string
		for _, e := range m.people {
			ns = append(ns, d.ents[e].name)
		}
		h, g := "", ""
		if m.host >= 0 {
			h = d.ents[m.host].name
		}
		if m.guest >= 0 {
			g = d.ents[m.guest].name
		}
		fmt.Fprintf(w, "   = meeting %d %s %s %v host=%s guest=%s sents=%v\n", i, m.kind, m.date, ns, h, g, m.sents)
	}
}

func tokText(x *sentence, sp span) string {
	if sp.i >= sp.j || sp.j > len(x.toks) {
		return ""
	}
	return x.s.Text[x.toks[sp.i].Start-x.s.Start : x.toks[sp.j-1].End-x.s.Start]
}

func (d *doc) names(x *sentence, g []int) []string {
	var out []string
	for _, e := range d.resolve(x, g) {
		out = append(out, d.ents[e].name)
	}
	return out
}

func (d *doc) groupNames(x *sentence, gs [][]int) [][]string {
	var out [][]string
	for _, g := range gs {
		out = append(out, d.names(x, g))
	}
	return out
}
