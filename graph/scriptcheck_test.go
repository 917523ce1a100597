package graph

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"

	"github.com/kg-project/kg/queries"
)

// astDepth is how deeply goja's syntax tree of src nests, counting the
// nodes on the longest path from the program down; ok is false when goja
// does not parse src.
func astDepth(src string) (depth int, ok bool) {
	prog, err := parser.ParseFile(nil, "", src, 0)
	if err != nil {
		return 0, false
	}
	nodeType := reflect.TypeOf((*ast.Node)(nil)).Elem()
	var walk func(v reflect.Value) int
	walk = func(v reflect.Value) int {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return 0
			}
			d := walk(v.Elem())
			if v.Kind() == reflect.Pointer && v.Type().Implements(nodeType) {
				d++
			}
			return d
		case reflect.Struct:
			d := 0
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					d = max(d, walk(v.Field(i)))
				}
			}
			return d
		case reflect.Slice:
			d := 0
			for i := 0; i < v.Len(); i++ {
				d = max(d, walk(v.Index(i)))
			}
			return d
		}
		return 0
	}
	return walk(reflect.ValueOf(prog.Body)), true
}

// depthBound is what the estimate promises: goja's tree is at most this
// deep for a script whose estimate is est. Each counted token (a bracket,
// an operator, a chained keyword) stands for at most a few tree levels.
func depthBound(est int) int { return 4*est + 8 }

// labels writes n distinct labels, one after the other.
func labels(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "l%d: ", i)
	}
	return b.String()
}

// The estimate is never below the real nesting: for every script goja
// parses, the tree is no deeper than the estimate allows. The cases are the
// ways JavaScript nests, and the saved queries.
func TestNestingEstimateBoundsTheSyntaxTree(t *testing.T) {
	rep := strings.Repeat
	cases := map[string]string{
		"parens":          rep("(", 300) + "1" + rep(")", 300),
		"arrays":          rep("[", 300) + rep("]", 300),
		"objects":         "x = " + rep("{a:", 300) + "1" + rep("}", 300),
		"unary":           rep("!", 300) + "1",
		"unary spaced":    rep("- ", 300) + "1",
		"typeof":          rep("typeof ", 300) + "x",
		"new":             rep("new ", 300) + "X",
		"sum":             "1" + rep("+1", 300),
		"sum over lines":  "1" + rep("\n+1", 300),
		"member chain":    "a" + rep(".b", 300),
		"calls":           "f" + rep("()", 300),
		"indexes":         "a" + rep("[0]", 300),
		"method chain":    "g.V()" + rep(".Out('<p>')", 300) + ".All()",
		"assignments":     rep("a=", 300) + "1",
		"conditionals":    rep("1?1:", 300) + "1",
		"else if":         "if(a)x();" + rep("else if(a)x();", 300),
		"else if blocks":  "if(a){}" + rep("else if(a){}", 300),
		"else if no semi": "if(a)x()\n" + rep("else if(a)x()\n", 300),
		"nested if":       rep("if(a)", 300) + "x();",
		"nested for":      rep("for(;;)", 300) + "x();",
		"nested while":    rep("while(a)", 300) + "x();",
		"labels":          labels(300) + "x();",
		"blocks":          rep("{", 300) + rep("}", 300),
		"functions":       rep("(function(){", 100) + rep("})()", 100),
		"declarations":    rep("function f(){", 100) + rep("}", 100),
		"regexp after if": "if (a) /(/.test(b);" + rep("(", 300) + "1" + rep(")", 300),
		"division":        "a = b / c / d" + rep("/ e", 300),
		"strings":         `x("(((", ')))', "\"(")` + rep("+1", 300),
		"comments":        "/* ((( */ x // (((\n" + rep("+ ", 300) + "1",
		"switch":          "switch(a){" + rep("case 1:", 300) + "x();}",
		"many statements": rep("x = x + 1;\n", 3000),
		"no semicolons":   rep("x = x + 1\n", 3000),
		"many ifs":        rep("if (a) { x() }\n", 3000),
		"many calls":      rep("f(a, b);", 3000),
	}
	for _, q := range queries.List() {
		cases["saved query "+q.Name] = q.Source
	}
	cases["lib.js"] = queries.Prelude()
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			depth, ok := astDepth(src)
			if !ok {
				t.Fatalf("goja does not parse the case")
			}
			_, est := scanNesting(src, 1<<30)
			if depth > depthBound(est) {
				t.Errorf("estimate %d, but goja's tree is %d deep", est, depth)
			}
			// Flat scripts, however long, are far from the limit.
			if strings.HasPrefix(name, "many") || strings.HasPrefix(name, "no semi") || strings.HasPrefix(name, "saved") || name == "lib.js" {
				if est > 50 {
					t.Errorf("estimate %d for a script that hardly nests", est)
				}
			}
		})
	}
}

// Deep scripts are refused at the offset where they pass the limit, before
// goja would recurse that deep.
func TestCheckSourceRefusesDeepScripts(t *testing.T) {
	rep := strings.Repeat
	cases := []struct {
		name, src, want string
	}{
		{"parens", rep("(", 3000) + "1" + rep(")", 3000), "nests more than 2000 levels"},
		{"unary", rep("!", 1<<19) + "1", "nests more than 2000 levels"},
		{"sum", "1" + rep("+1", 2500), "nests more than 2000 levels"},
		{"else if", "if(a)x();" + rep("else if(a)x();", 1100), "nests more than 2000 levels"},
		{"regexp groups", "var r = /" + rep("(", 2500) + rep(")", 2500) + "/;", "nests more than 2000 levels"},
		{"too large", rep(" ", DefaultMaxScript+1), "at most 1.0 MiB"},
		{"brackets in strings", `"` + rep("(", maxBrackets+1) + `"`, "opening brackets"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := checkSource("script", c.src, DefaultMaxScript)
			if p == nil || !strings.Contains(p.Message, c.want) {
				t.Fatalf("problem %+v, want one saying %q", p, c.want)
			}
		})
	}
	for _, ok := range []string{"g.V().All()", rep("x = x + 1;\n", 20000), rep("(", 1000) + "1" + rep(")", 1000)} {
		if p := checkSource("script", ok, DefaultMaxScript); p != nil {
			t.Errorf("refused a script that nests little: %s", p.Message)
		}
	}
}

func TestCheckJSONAndPatterns(t *testing.T) {
	rep := strings.Repeat
	if p := checkJSONText(rep("[", 2001)); p == nil {
		t.Error("2001 nested arrays accepted")
	}
	if p := checkJSONText(`["` + rep("[", 5000) + `"]`); p != nil {
		t.Errorf("brackets inside a JSON string counted: %s", p.Message)
	}
	if p := checkPattern(rep("(", 2001)); p == nil {
		t.Error("2001 nested groups accepted")
	}
	if p := checkPattern(`[(]` + rep(`\(`, 5000)); p != nil {
		t.Errorf("escaped parentheses counted: %s", p.Message)
	}
}

// FuzzNestingEstimate checks the estimate against goja's own parser on
// any text: whenever goja parses it, its tree is no deeper than the
// estimate allows. Inputs are kept small enough for goja to parse safely
// however they nest.
func FuzzNestingEstimate(f *testing.F) {
	for _, s := range []string{
		"((1))", "a/b/c", "if (a) /x/.test(b)", "x = {a: [1, (2)]}", "f()()()", "a\n(b)\n[c]",
		"function f() {}\n/x/.test(y)", "var f = function () {} / 2", "a ? b : c ? d : e",
		"do x(); while (y)", "try {} catch (e) {} finally {}", "x = y\n++z", "l: for (;;) break l;",
		`"\\"" + '\\''`, "/[/]/g.test('/')", "a /= b; /c/", "-- x; x ++ / 2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4000 {
			return
		}
		depth, ok := astDepth(src)
		if !ok {
			return
		}
		if _, est := scanNesting(src, 1<<30); depth > depthBound(est) {
			t.Errorf("estimate %d, but goja's tree is %d deep", est, depth)
		}
	})
}
