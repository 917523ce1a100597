package main

import (
	"os/exec"
	"testing"
)

// BenchmarkStartup times whole kg processes that do next to nothing, so
// what they cost is start-up: the Go runtime and the initialisation of
// every package linked into kg, which every command pays before it does
// its own work (the target is under 50 ms; docs/performance.md has the
// figures):
//
//	go test -run XXX -bench Startup -benchtime 50x ./cmd/kg
//
// GODEBUG=inittrace=1 kg --help lists what each package's initialisation
// costs.
func BenchmarkStartup(b *testing.B) {
	kg := kgBinary(b)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"help", []string{"--help"}},
		{"version", []string{"--version"}},
		{"query-help", []string{"query", "--help"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if out, err := exec.Command(kg, c.args...).CombinedOutput(); err != nil {
					b.Fatalf("kg %v: %v\n%s", c.args, err, out)
				}
			}
		})
	}
}
