// Package pgtest gives tests a throwaway PostgreSQL database on the server
// named by KG_TEST_POSTGRES (CI starts one with .ci/postgres.sh); without
// it, the tests that need one are skipped with a note on how to run them.
package pgtest

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	_ "github.com/lib/pq" // PostgreSQL driver
)

// Database creates an empty database on the server named by
// KG_TEST_POSTGRES (CI starts one with .ci/postgres.sh), drops it when the
// test ends and returns its URL. Without KG_TEST_POSTGRES the test is
// skipped.
func Database(t testing.TB) string {
	t.Helper()
	base := os.Getenv("KG_TEST_POSTGRES")
	if base == "" {
		t.Skip("KG_TEST_POSTGRES is not set: run `source .ci/postgres.sh` (or set it to a postgres:// URL of a role that may create databases) to run the PostgreSQL tests")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatalf("KG_TEST_POSTGRES: %v", err)
	}
	name := fmt.Sprintf("kgtest_%d_%d", os.Getpid(), rand.Uint32())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatalf("create test database on KG_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("KG_TEST_POSTGRES is not a URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}
