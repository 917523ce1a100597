package repl

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseCommand(t *testing.T) {
	tests := []struct {
		line    string
		want    Command
		wantErr string // part of the error message; empty when none
	}{
		{line: ":help", want: Command{Name: ":help", Args: []string{}}},
		{line: "  :h  ", want: Command{Name: ":help", Args: []string{}}},
		{line: ":q", want: Command{Name: ":quit", Args: []string{}}},
		{line: ":exit", want: Command{Name: ":quit", Args: []string{}}},
		{line: ":load my file.js", wantErr: "usage: :load FILE.js"},
		{line: `:load "my file.js"`, want: Command{Name: ":load", Args: []string{"my file.js"}}},
		{line: ":load", wantErr: "usage: :load FILE.js"},
		{line: ":run", want: Command{Name: ":run", Args: []string{}}},
		{line: ":run meetings person=Rouhani from=2017-01", want: Command{Name: ":run", Args: []string{"meetings", "person=Rouhani", "from=2017-01"}}},
		{line: `:run meetings person="Hassan Rouhani"`, want: Command{Name: ":run", Args: []string{"meetings", "person=Hassan Rouhani"}}},
		{line: `:run meetings person='Ali "the" Ali'`, want: Command{Name: ":run", Args: []string{"meetings", `person=Ali "the" Ali`}}},
		{line: `:run meetings person=Hassan\ Rouhani`, want: Command{Name: ":run", Args: []string{"meetings", "person=Hassan Rouhani"}}},
		{line: `:run meetings person="Hassan`, wantErr: "unterminated"},
		{line: ":format json", want: Command{Name: ":format", Args: []string{"json"}}},
		{line: ":format json table", wantErr: "usage: :format"},
		{line: ":limit 10", want: Command{Name: ":limit", Args: []string{"10"}}},
		{line: ":timeout 2m", want: Command{Name: ":timeout", Args: []string{"2m"}}},
		{line: ":stats now", wantErr: "usage: :stats"},
		{line: ":frobnicate", wantErr: "unknown command :frobnicate"},
		{line: "g.V()", wantErr: "not a command"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, err := ParseCommand(tt.line)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseCommand(%q) error = %v, want one containing %q", tt.line, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCommand(%q): %v", tt.line, err)
			}
			if got.Name != tt.want.Name || !reflect.DeepEqual(append([]string{}, got.Args...), tt.want.Args) {
				t.Errorf("ParseCommand(%q) = %#v, want %#v", tt.line, got, tt.want)
			}
		})
	}
}

func TestIsCommand(t *testing.T) {
	for line, want := range map[string]bool{":help": true, "  :q": true, "g.V()": false, "": false, `g.V(":x")`: false} {
		if got := IsCommand(line); got != want {
			t.Errorf("IsCommand(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestParseTimeout(t *testing.T) {
	tests := []struct {
		arg     string
		want    time.Duration
		wantErr bool
	}{
		{"10s", 10 * time.Second, false},
		{"2m", 2 * time.Minute, false},
		{"1.5", 1500 * time.Millisecond, false},
		{"0", 0, false},
		{"-3s", 0, true},
		{"soon", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseTimeout(tt.arg)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseTimeout(%q) = %v, %v; want %v, error %v", tt.arg, got, err, tt.want, tt.wantErr)
		}
	}
}
