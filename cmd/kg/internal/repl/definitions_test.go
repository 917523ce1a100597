package repl

import (
	"reflect"
	"testing"
)

func TestTopLevelDefinitions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"none", `g.V().All()`, nil},
		{"var", `var x = g.V("<kg:Person>")`, []string{`var x = g.V("<kg:Person>");`}},
		{"var with semicolon", "var a = 1, b = [2,\n 3];\ng.Emit(a)", []string{"var a = 1, b = [2,\n 3];"}},
		{"function", "function names(p) {\n  return p.Out(\"<kg:name>\");\n}\nnames(g.V())", []string{"function names(p) {\n  return p.Out(\"<kg:name>\");\n}"}},
		{"in order", "var a = 1;\nfunction f() { return a }\nvar b = f();", []string{"var a = 1;", "function f() { return a }", "var b = f();"}},
		{"nested ones stay", "function f() { var inner = 1; function g2() {} }\nif (true) { var y = 2 }", []string{"function f() { var inner = 1; function g2() {} }"}},
		{"non-ASCII before", `var s = "Rouhani – Khamis"; var t = 1`, []string{`var s = "Rouhani – Khamis";`, `var t = 1;`}},
		{"no semicolon", "var x = 1\nx + 1", []string{"var x = 1;"}},
		{"continued lines", "var p = g.V()\n  .Out(\"<kg:met>\")\n  // note\n  .Out(\"<kg:name>\")\np.All()", []string{"var p = g.V()\n  .Out(\"<kg:met>\")\n  // note\n  .Out(\"<kg:name>\");"}},
		{"conditional", "var k = a ? \"x;\" : /;/.source; k", []string{"var k = a ? \"x;\" : /;/.source;"}},
		{"object", "var o = {a: [1, 2], b: function () { return 1; }}\no.a", []string{"var o = {a: [1, 2], b: function () { return 1; }};"}},
		{"function in block", "if (true) { function h() { return 2 } }", []string{"function h() { return 2 }"}},
		{"syntax error", `var x = (`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range topLevelDefinitions(tt.src) {
				got = append(got, d.src)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("topLevelDefinitions(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestDefinitionNames(t *testing.T) {
	defs := topLevelDefinitions("var a = 1, b;\nfunction f(x) { return x }\nvar c = f(a);")
	var names [][]string
	for _, d := range defs {
		names = append(names, d.names)
	}
	if want := [][]string{{"a", "b"}, {"f"}, {"c"}}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
}
