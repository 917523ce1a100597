package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds extraction arbitrary text and dates: it must never
// fail or panic, and what it returns must hold together — every meeting
// has two people or more, all of them listed among the article's people,
// and the facts encode as JSON.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "2023-05-17")
		}
	}
	f.Add("President X met Y.", "")
	f.Add("\xff\xfe“", "2020-13-40")
	f.Add("Mr. Ban, the Secretary-General, met. He, she, they; the two leaders met both sides.", "2012-10-01")
	f.Add(`President Joko "Jokowi" Widodo met his Iranian and Omani counterparts, A B and C D, on 12.06.2023 in mid-June, two years ago.`, "2023-06-14")
	f.Add("Jan Novy met Sam Pike, Tom Hale's special envoy, during a 40-minute phone call in Washington, D.C.", "2023-06-14")
	f.Fuzz(func(t *testing.T, text, pub string) {
		facts, err := ExtractContext(context.Background(), Document{ID: "fuzz", Text: text, Published: pub}, Options{})
		if err != nil {
			t.Fatalf("extract failed: %v", err)
		}
		people := map[string]bool{}
		for _, p := range facts.People {
			if p.Name == "" || !utf8.ValidString(p.Name) {
				t.Fatalf("bad person %q", p.Name)
			}
			people[p.Name] = true
		}
		for _, m := range facts.Meetings {
			if len(m.Participants) < 2 {
				t.Fatalf("meeting with %d participants: %+v", len(m.Participants), m)
			}
			for _, n := range m.Participants {
				if !people[n] {
					t.Fatalf("participant %q is not among the people", n)
				}
			}
		}
		if _, err := json.Marshal(facts); err != nil {
			t.Fatalf("facts do not encode: %v", err)
		}
	})
}

// BenchmarkExtract measures extraction speed over the golden articles.
// Besides MB/s (wall time) it reports MB per CPU-second of the process,
// which holds steadier on a shared machine (docs/performance.md).
func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	var texts []string
	size := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(Document{Text: t, Published: "2023-05-17"})
		}
	}
	if spent := cpuSeconds() - cpu0; spent > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/spent, "MB/cpu-s")
	}
}

// cpuSeconds returns the CPU time the process has used, user and system.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// BenchmarkExtractNames measures extraction over texts made only of names
// meeting names (225 names, in random pairs: thousands of meetings), at
// four sizes up to the 871 KB of issue 15,
// item 12, where extraction was quadratic (95 s): the time per byte stays
// about the same from size to size (docs/performance.md).
func BenchmarkExtractNames(b *testing.B) {
	given := []string{"Anna", "Tom", "Rita", "Li", "Omar", "Sara", "Ivan", "Mona", "Paul", "Nadia", "Karl", "Yuki", "Hugo", "Lena", "Raul"}
	family := []string{"Berg", "Walsh", "Moor", "Wei", "Haddad", "Kline", "Petrov", "Nasser", "Duval", "Okafor", "Lund", "Sato", "Brandt", "Ruiz", "Costa"}
	for _, kb := range []int{109, 218, 435, 871} {
		r := rand.New(rand.NewSource(1))
		pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
		var t strings.Builder
		for t.Len() < kb<<10 {
			fmt.Fprintf(&t, "%s %s met %s %s. ", pick(given), pick(family), pick(given), pick(family))
		}
		text := t.String()
		b.Run(fmt.Sprint(kb, "KB"), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				Extract(Document{Text: text, Published: "2024-01-01"})
			}
		})
	}
}
