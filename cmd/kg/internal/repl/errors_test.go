package repl

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/kg-project/kg/graph"
)

func TestDescribeError(t *testing.T) {
	tests := []struct {
		name string
		err  error
		src  string
		want string
	}{
		{
			name: "syntax error from eval",
			err:  errors.New("SyntaxError: SyntaxError: <eval>: Line 1:5 Unexpected token . (and 1 more errors) at <eval>:1:2604(35)"),
			src:  "g.V(.",
			want: "syntax error at line 1, column 5: Unexpected token .",
		},
		{
			name: "syntax error from the compiler",
			err:  errors.New("SyntaxError: (anonymous): Line 2:3 Unexpected end of input"),
			src:  "var a = 1;\ng.V(",
			want: "syntax error at line 2, column 3: Unexpected end of input",
		},
		{
			name: "unknown method",
			err:  errors.New("TypeError: Object has no member 'Foo' at <eval>:1:10(6)"),
			src:  "g.V().Foo()",
			want: "error at line 1, column 10: Object has no member 'Foo'",
		},
		{
			name: "in a function",
			err:  errors.New("TypeError: Object has no member 'Nope' at f (<eval>:2:25(7))"),
			src:  "var x = 1;\nfunction f(){ return g.V().Nope(); }\nf()",
			want: "error at line 2, column 25: Object has no member 'Nope'",
		},
		{
			name: "position outside the script is kg's",
			err:  errors.New("TypeError: Cannot read property 'length' of undefined at values (<eval>:1:230(12))"),
			src:  "kg.values()",
			want: "error in values: Cannot read property 'length' of undefined",
		},
		{
			name: "native function",
			err:  errors.New("TypeError: Value is not an object: 3 at apply (native)"),
			src:  `kg.values(3, "<x>")`,
			want: "error: Value is not an object: 3",
		},
		{
			name: "thrown by the script",
			err:  errors.New("Error: boom at <eval>:1:7(5)"),
			src:  `throw new Error("boom")`,
			want: "error at line 1, column 7: boom",
		},
		{
			name: "wrapped by the store",
			err:  fmt.Errorf("script: %w", errors.New("TypeError: Object has no member 'Foo' at <eval>:1:10(6)")),
			src:  "g.V().Foo()",
			want: "error at line 1, column 10: Object has no member 'Foo'",
		},
		{
			name: "Gizmo argument error",
			err:  errors.New("unexpected arguments count: 0"),
			src:  `g.V().Has().All()`,
			want: "error: unexpected arguments count: 0",
		},
		{
			name: "time limit",
			err:  fmt.Errorf("%w (1s)", graph.ErrQueryTimeout),
			src:  `while(true){}`,
			want: "query stopped: time limit reached (1s)",
		},
		{
			name: "cancelled",
			err:  context.Canceled,
			src:  `while(true){}`,
			want: "query cancelled",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describeError(tt.err, tt.src); got != tt.want {
				t.Errorf("describeError(%q) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}
