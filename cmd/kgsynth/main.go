// Command kgsynth writes a synthetic news corpus for load tests: JSON Lines
// articles of 2–4 KB shaped like wire-service reports of officials meeting,
// phoning each other and announcing talks. Everything in it is made up —
// the people have invented names, the publisher is "kgsynth Synthetic Wire",
// every id starts with "synth-" and every headline with "[synthetic]" — so
// it measures kg's speed, not its extraction quality. The same flags give
// the same bytes, so figures measured on it can be reproduced.
//
// Usage:
//
//	kgsynth -n 100000 -seed 1 > synth.jsonl
//	kg load synth.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/kg-project/kg/cmd/kgsynth/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of articles to write")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	people := flag.Int("people", 5000, "number of invented officials the articles talk about")
	start := flag.String("start", "2015-01-01", "first publication date (YYYY-MM-DD); one day passes every -per-day articles")
	perDay := flag.Int("per-day", 200, "articles published per day")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), `kgsynth writes a synthetic news corpus (JSON Lines) to standard output.

Every article is invented: made-up officials of real countries meeting, calling
each other and announcing talks, 2-4 KB each, published by "kgsynth Synthetic
Wire". Use it to measure load speed and memory, never extraction quality.

Usage: kgsynth [flags] > corpus.jsonl

Flags:
`)
		flag.PrintDefaults()
	}
	flag.Parse()
	first, err := time.Parse("2006-01-02", *start)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kgsynth: -start %q is not a date like 2015-01-01\n", *start)
		os.Exit(2)
	}
	if *n < 0 || *people < 2 || *perDay < 1 {
		fmt.Fprintln(os.Stderr, "kgsynth: -n must be ≥ 0, -people ≥ 2 and -per-day ≥ 1")
		os.Exit(2)
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	g := synth.New(*seed, *people, first, *perDay)
	if err := g.Write(out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "kgsynth:", err)
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "kgsynth:", err)
		os.Exit(1)
	}
}
