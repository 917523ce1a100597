package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/dop251/goja"
)

// A Go panic anywhere below a script — here a function that panics, as
// goja and Gizmo 0.7.7 did on some arguments — stops that script with an
// error wrapping ErrQueryPanic, wherever the script calls it from, and
// the process and the store carry on. A script cannot catch it.
func TestQueryRecoversGoPanics(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Options{Backend: BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Write(ctx, []quad.Quad{quad.MakeIRI("a", "p", "b", "")}); err != nil {
		t.Fatal(err)
	}
	testRuntimeHook = func(vm *goja.Runtime) {
		vm.Set("goPanic", func(goja.FunctionCall) goja.Value { panic("a bug in Go") })
	}
	defer func() { testRuntimeHook = nil }()
	cases := []struct {
		name string
		opt  QueryOptions
		src  string
	}{
		{"plain call", QueryOptions{}, `goPanic()`},
		{"caught by the script", QueryOptions{}, `try { goPanic() } catch (e) {} g.Emit("went on")`},
		{"in a callback of a built-in", QueryOptions{}, `[1, 2].forEach(function () { goPanic() })`},
		{"in a Gizmo callback", QueryOptions{}, `g.Emit(1); g.V().ForEach(function () { goPanic() }); g.Emit(2)`},
		{"in eval", QueryOptions{}, `eval("goPanic()")`},
		{"in a function of the library", QueryOptions{Library: `var lib = { f: function () { goPanic() } };`}, `lib.f()`},
		{"in the definitions", QueryOptions{Definitions: `var x = goPanic();`}, `g.Emit(x)`},
		{"in the value display", QueryOptions{Show: `(function (v) { goPanic() })`}, `1`},
		{"in a getter", QueryOptions{}, `var o = {}; Object.defineProperty(o, "x", { get: goPanic }); g.Emit(o.x)`},
		{"deep inside recursion", QueryOptions{}, `function f(n) { return n ? [n].map(function () { return f(n - 1) }) : goPanic() } f(50)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.opt.Timeout = 10 * time.Second
			var got []any
			err := s.Query(ctx, c.src, c.opt, func(r any) error { got = append(got, r); return nil })
			if !errors.Is(err, ErrQueryPanic) {
				t.Fatalf("error %v, want one wrapping ErrQueryPanic", err)
			}
			if !strings.Contains(err.Error(), "a bug in Go") || !strings.Contains(err.Error(), "stopped") {
				t.Errorf("message %q should give the panic and say the script was stopped", err)
			}
			for _, r := range got {
				if r == "went on" || r == 2 || r == int64(2) {
					t.Errorf("the script went on after the panic: %v", got)
				}
			}
			// The same store answers the next query.
			var after []any
			if err := s.Query(ctx, `g.Emit("fine")`, QueryOptions{}, func(r any) error { after = append(after, r); return nil }); err != nil || len(after) != 1 {
				t.Errorf("next query: %v %v", after, err)
			}
		})
	}
}
