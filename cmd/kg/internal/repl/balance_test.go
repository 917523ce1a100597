package repl

import "testing"

func TestIncomplete(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"empty", "", false},
		{"complete call", `g.V().All()`, false},
		{"open paren", `g.V("<kg:Article>").In(`, true},
		{"open paren then closed", "g.V(\"<kg:Article>\").In(\n\"<rdf:type>\").All()", false},
		{"open brace", `function f() {`, true},
		{"open bracket", `var a = [1, 2`, true},
		{"nested closed", `var a = {b: [1, (2)]}`, false},
		{"extra closer is complete", `g.V())`, false},
		{"open double quote", `g.V("Hassan`, true},
		{"open single quote", `g.V('Hassan`, true},
		{"open template", "var s = `abc", true},
		{"bracket inside string", `g.V("(").All()`, false},
		{"quote inside other quote", `g.V("it's").All()`, false},
		{"escaped quote", `g.V("say \"hi\"").All()`, false},
		{"escaped quote still open", `g.V("say \"hi\"`, true},
		{"bracket in line comment", "g.V().All() // (", false},
		{"bracket in block comment", "g.V().All() /* ( */", false},
		{"open block comment", "g.V().All() /* more", true},
		{"regex with paren", `var r = /[(]/; g.V().All()`, false},
		{"division is not a regex", `var x = (4) / 2; var y = (x)`, false},
		{"trailing dot", "g.V()\n  .Out(\"<kg:name>\").", true},
		{"trailing comma", `g.V("a",`, true},
		{"multi-line done", "var x = g.V(\n  \"<kg:Person>\"\n).In(\"<rdf:type>\");\nx.All()", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Incomplete(tt.src); got != tt.want {
				t.Errorf("Incomplete(%q) = %v, want %v", tt.src, got, tt.want)
			}
		})
	}
}
