package graph_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

// damagedCopies builds a LevelDB store of the seed articles and returns
// its sorted dump and copies of it, each with one byte flipped at another
// place of its largest table file.
func damagedCopies(t *testing.T) (reference []string, refStats graph.Stats, refPeople int, stores []string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	s, err := graph.Open(ctx, graph.Options{Backend: graph.BackendLevelDB, Path: src})
	if err != nil {
		t.Fatal(err)
	}
	relFill(t, s, relSeedArticles(t))
	s.Close()
	// Reopening moves the journal into a table.
	if s, err = graph.Open(ctx, graph.Options{Path: src}); err != nil {
		t.Fatal(err)
	}
	reference = relSortedDump(t, s)
	if refStats, err = s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Query(ctx, peopleScript, graph.QueryOptions{}, func(any) error { refPeople++; return nil }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	tables, _ := filepath.Glob(filepath.Join(src, "*.ldb"))
	sort.Slice(tables, func(i, j int) bool { return fileSize(t, tables[i]) > fileSize(t, tables[j]) })
	if len(tables) == 0 || fileSize(t, tables[0]) < 4096 {
		t.Fatalf("no table file worth damaging in %s", src)
	}
	size := fileSize(t, tables[0])
	for i, at := range []int64{100, size / 4, size / 2, 3 * size / 4, size - 200} {
		copyDir := filepath.Join(dir, "copy"+string(rune('a'+i))+".db")
		if err := os.CopyFS(copyDir, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
		table := filepath.Join(copyDir, filepath.Base(tables[0]))
		b, err := os.ReadFile(table)
		if err != nil {
			t.Fatal(err)
		}
		b[at] ^= 0x01
		if err := os.WriteFile(table, b, 0o644); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, copyDir)
	}
	return reference, refStats, refPeople, stores
}

const peopleScript = `g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()`

func fileSize(t *testing.T, path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// One flipped byte in a table file: every read of the store either gives
// the right answer or fails with a DamagedError naming the file — never a
// wrong answer such as no people at all. Check finds the damage, and
// Salvage saves quads of the store, nothing else.
func TestDamagedStoreIsNeverSilentlyWrong(t *testing.T) {
	ctx := context.Background()
	reference, refStats, refPeople, stores := damagedCopies(t)
	inReference := map[string]bool{}
	for _, l := range reference {
		inReference[l] = true
	}
	damagedOrRight := func(what string, err error, right bool) {
		t.Helper()
		var d *graph.DamagedError
		switch {
		case errors.As(err, &d):
			if !strings.Contains(err.Error(), ".ldb") {
				t.Errorf("%s: %v does not name the file", what, err)
			}
		case err != nil:
			t.Errorf("%s: %v, want a DamagedError or the right answer", what, err)
		case !right:
			t.Errorf("%s: a wrong answer without an error", what)
		}
	}
	for _, db := range stores {
		t.Run(filepath.Base(db), func(t *testing.T) {
			s, err := graph.Open(ctx, graph.Options{Path: db})
			if err != nil {
				damagedOrRight("open", err, false)
				return
			}
			defer s.Close()
			st, err := s.Stats(ctx)
			damagedOrRight("Stats", err, st == refStats)
			var people []any
			err = s.Query(ctx, peopleScript, graph.QueryOptions{}, func(r any) error { people = append(people, r); return nil })
			damagedOrRight("Query", err, len(people) == refPeople)
			var dump bytes.Buffer
			_, err = s.Dump(ctx, &dump)
			lines := strings.Split(strings.TrimSpace(dump.String()), "\n")
			sort.Strings(lines)
			damagedOrRight("Dump", err, strings.Join(lines, "\n") == strings.Join(reference, "\n"))

			report, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !report.Damaged() || !strings.Contains(strings.Join(report.Damage, " "), ".ldb") {
				t.Errorf("Check found no damage naming the file: %+v", report)
			}
			var saved bytes.Buffer
			salvage, err := s.Salvage(ctx, &saved)
			if err != nil && !strings.Contains(err.Error(), "cannot be read") {
				t.Fatalf("Salvage: %v", err)
			}
			for _, l := range strings.Split(strings.TrimSpace(saved.String()), "\n") {
				if l != "" && !inReference[l] {
					t.Errorf("salvaged a quad the store did not hold: %s", l)
				}
			}
			if salvage.Written+salvage.Lost == 0 && err == nil {
				t.Errorf("Salvage found nothing at all")
			}
		})
	}
}
