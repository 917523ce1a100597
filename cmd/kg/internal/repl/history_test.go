package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestHistoryPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	tests := []struct{ xdg, want string }{
		{"/var/state", "/var/state/kg/history"},
		{"", filepath.Join(home, ".local/state/kg/history")},
		{"relative/state", filepath.Join(home, ".local/state/kg/history")}, // not absolute: ignored, as XDG says
	}
	for _, tt := range tests {
		t.Setenv("XDG_STATE_HOME", tt.xdg)
		got, err := HistoryPath()
		if err != nil || got != tt.want {
			t.Errorf("XDG_STATE_HOME=%q: HistoryPath() = %q, %v; want %q", tt.xdg, got, err, tt.want)
		}
	}
}

func TestHistoryAppendLoad(t *testing.T) {
	h := History{Path: filepath.Join(t.TempDir(), "state", "kg", "history")}
	lines, err := h.Load()
	if err != nil || lines != nil {
		t.Fatalf("Load of a missing file = %q, %v; want nothing", lines, err)
	}
	for _, l := range []string{"g.V().All()", "   ", ":stats", "two\nlines"} {
		if err := h.Append(l); err != nil {
			t.Fatal(err)
		}
	}
	lines, err = h.Load()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"g.V().All()", ":stats"}; !reflect.DeepEqual(lines, want) {
		t.Errorf("Load = %q, want %q", lines, want)
	}
	fi, err := os.Stat(h.Path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestHistoryTrim(t *testing.T) {
	h := History{Path: filepath.Join(t.TempDir(), "history")}
	var b strings.Builder
	for i := 0; i < 2*historyKeep+10; i++ {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	if err := os.WriteFile(h.Path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	lines, err := h.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != historyKeep || lines[len(lines)-1] != fmt.Sprintf("line %d", 2*historyKeep+9) {
		t.Fatalf("Load kept %d lines ending %q, want the last %d", len(lines), lines[len(lines)-1], historyKeep)
	}
	again, err := h.Load()
	if err != nil || !reflect.DeepEqual(again, lines) {
		t.Errorf("the file was not trimmed to what Load returned")
	}
	data, _ := os.ReadFile(h.Path)
	if n := strings.Count(string(data), "\n"); n != historyKeep {
		t.Errorf("history file has %d lines after trimming, want %d", n, historyKeep)
	}
}
