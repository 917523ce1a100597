package graph

import (
	"strings"
	"testing"
)

// Connection strings are recognised in both forms, and their passwords
// never survive RedactLocation or Scrub.
func TestLocations(t *testing.T) {
	cases := []struct {
		loc, kind, redacted string
		secrets             []string
	}{
		{"./kg.db", "", "./kg.db", nil},
		{"/data/stores/kg.db", "", "/data/stores/kg.db", nil},
		{"postgres://kg@127.0.0.1:5432/kg", "url", "postgres://kg@127.0.0.1:5432/kg", nil},
		{"postgres://kg:secretpw@db.example.org:5432/kg?sslmode=require", "url", "postgres://kg:***@db.example.org:5432/kg?sslmode=require", []string{"secretpw"}},
		{"postgresql://kg:p%40ss@h/kg", "url", "postgresql://kg:***@h/kg", []string{"p@ss", "p%40ss"}},
		{"postgres://h/kg?user=kg&password=secretpw", "url", "postgres://h/kg?user=kg&password=***", []string{"secretpw"}},
		{"postgres://kg:a:b@c@h/kg", "url", "postgres://kg:***@h/kg", []string{"a:b@c"}},
		{"host=127.0.0.1 port=5432 user=kg password=secretpw dbname=kg", "keyvalue", "host=127.0.0.1 port=5432 user=kg password=*** dbname=kg", []string{"secretpw"}},
		{"host=h password='se cret' dbname=kg", "keyvalue", "host=h password=*** dbname=kg", []string{"se cret"}},
		{"mysql://root:secretpw@h/db", "url", "mysql://root:***@h/db", []string{"secretpw"}},
	}
	for _, c := range cases {
		t.Run(c.loc, func(t *testing.T) {
			if kind, _ := locationKind(c.loc); kind != c.kind {
				t.Errorf("kind %q, want %q", kind, c.kind)
			}
			if got := RedactLocation(c.loc); got != c.redacted {
				t.Errorf("RedactLocation = %q, want %q", got, c.redacted)
			}
			secrets := Secrets(c.loc)
			for _, want := range c.secrets {
				found := false
				for _, s := range secrets {
					found = found || s == want
				}
				if !found {
					t.Errorf("Secrets = %q, missing %q", secrets, want)
				}
			}
			msg := Scrub("cannot connect to "+c.loc+": refused", secrets)
			for _, s := range c.secrets {
				if strings.Contains(msg, s) {
					t.Errorf("Scrub left %q in %q", s, msg)
				}
			}
		})
	}
}

// A connection string selects PostgreSQL unless another backend is named,
// which is refused rather than taken for a folder name.
func TestBackendFromLocation(t *testing.T) {
	cases := []struct {
		backend, path, want, wantErr string
	}{
		{"", "./kg.db", DefaultBackend, ""},
		{"", "postgres://kg:pw@h/kg", BackendPostgres, ""},
		{"", "host=h dbname=kg", BackendPostgres, ""},
		{"bolt", "./kg.db", BackendBolt, ""},
		{"postgres", "postgres://kg@h/kg", BackendPostgres, ""},
		{"leveldb", "postgres://kg:secretpw@h/kg", "", "use --backend postgres"},
		{"memory", "host=h password=secretpw", "", "use --backend postgres"},
		{"", "mysql://kg:secretpw@h/kg", "", "mysql:// is neither"},
	}
	for _, c := range cases {
		got, err := backendFor(Options{Backend: c.backend, Path: c.path})
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || strings.Contains(err.Error(), "secretpw") {
				t.Errorf("%s %s: error %v, want one saying %q without the password", c.backend, c.path, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s %s: %q, %v; want %q", c.backend, c.path, got, err, c.want)
		}
	}
}
