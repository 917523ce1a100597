package eval

import (
	"strings"

	"github.com/kg-project/kg/schema"
)

// registry is the gold people of the whole annotation: every name and alias,
// compared as normName, stands for one gold name. A gold person's identity
// across articles is their gold name (corpus/README.md has the same person
// keep the same name in every article).
type registry struct {
	byNorm map[string]string   // normName of a name or alias -> gold name (the first article to use it wins)
	words  map[string][]string // gold name -> the words of its normName
	all    map[string]bool     // every gold name
}

func newRegistry(gold []schema.Facts) *registry {
	r := &registry{byNorm: map[string]string{}, words: map[string][]string{}, all: map[string]bool{}}
	for _, a := range gold {
		for _, p := range a.People {
			r.all[p.Name] = true
			if _, ok := r.words[p.Name]; !ok {
				r.words[p.Name] = strings.Fields(normName(p.Name))
			}
			for _, n := range append([]string{p.Name}, p.Aliases...) {
				k := normName(n)
				if _, taken := r.byNorm[k]; !taken {
					r.byNorm[k] = p.Name
				}
			}
		}
	}
	return r
}

// resolve says which gold person a name stands for, looking only at the
// gold names in scope (an article's people; nil for the whole annotation):
//
//  1. the gold person whose name or alias reads the same (normName), if
//     that person is in scope;
//  2. else the only gold person in scope whose name has every word of the
//     name and ends with the same word ("Paul Kagame" for "Kagame", "Kim Jong
//     Un" for "Kim Un"); two such people and the name resolves to no one.
//
// ok is false when the name resolves to no gold person.
func (r *registry) resolve(name string, scope map[string]bool) (string, bool) {
	n := normName(name)
	if n == "" {
		return "", false
	}
	if c, ok := r.byNorm[n]; ok && (scope == nil || scope[c]) {
		return c, true
	}
	if scope == nil {
		scope = r.all
	}
	words := strings.Fields(n)
	have := wordSet(words...)
	last := words[len(words)-1]
	found, count := "", 0
	for c := range scope {
		cw := r.words[c]
		if len(cw) == 0 || cw[len(cw)-1] != last || !subset(have, wordSet(cw...)) {
			continue
		}
		found, count = c, count+1
	}
	if count == 1 {
		return found, true
	}
	return "", false
}

// identity is who a name stands for in a fact: the gold name it resolves
// to, else "?" and the name as compared ("?pm narendra modi"), so that
// unresolved names still meet each other. A name that reads as nothing
// (only honorifics or punctuation) is "?".
func (r *registry) identity(name string, scope map[string]bool) string {
	if c, ok := r.resolve(name, scope); ok {
		return c
	}
	return unresolved + normName(name)
}

// unresolved starts the identity of a name that stands for no gold person.
const unresolved = "?"
