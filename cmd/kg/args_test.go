package main

import (
	"strings"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	app := newApp()
	for _, tc := range []struct{ in, want string }{
		{"kg query meetings --arg person=X", "kg query --arg person=X -- meetings"},
		{"kg query meetings --arg person=X --format=json", "kg query --arg person=X --format=json -- meetings"},
		{"kg --db x.db load dir --date 2017-01-18 -", "kg --db x.db load --date 2017-01-18 -- dir -"},
		{"kg extract --explain a.txt b.txt", "kg extract --explain -- a.txt b.txt"},
		{"kg extract a.txt --explain b.txt", "kg extract --explain -- a.txt b.txt"},
		{"kg query -e g.V().All()", "kg query -e g.V().All()"},
		{"kg load -- --odd-name.txt", "kg load -- --odd-name.txt"},
		{"kg stats", "kg stats"},
		{"kg nosuchcommand --x", "kg nosuchcommand --x"},
		{"kg dump --db old.db", "kg --db old.db dump"},
		{"kg dump --db=old.db -o x.nq", "kg --db=old.db dump -o x.nq"},
		{"kg --backend bolt query meetings --db x.db --arg person=X", "kg --backend bolt --db x.db query --arg person=X -- meetings"},
		{"kg restore -", "kg restore -- -"},
	} {
		got := strings.Join(flagsFirst(app, strings.Fields(tc.in)), " ")
		if got != tc.want {
			t.Errorf("flagsFirst(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
