package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

func TestEvents(t *testing.T) {
	tests := []struct {
		name, pub, in, want string // want: head@date, sorted, joined by |
	}{
		{"ceasefire", "2017-01-18", "A ceasefire was declared in Syria on December 30.", "ceasefire@2016-12-30"},
		{"talks", "2017-01-18", "The sides will sit for peace talks in Astana, Kazakhstan, on January 23.", "talks@2017-01-23"},
		{"halt", "2017-01-01", "On Friday, the Syrian Army announced a nationwide halt to fighting.", "halt@2016-12-30"},
		{"assassination", "2020-12-08", "Mekdad condemned the assassination of Mohsen Fakhrizadeh on November 27.", "assassination@2020-11-27"},
		{"arrival", "2020-12-08", "Syrian Foreign Minister Faisal Mekdad arrived in Tehran on Sunday evening.", "arrived@2020-12-06"},
		{"election", "2023-03-08", "Nigeria held a presidential election on February 25.", "election@2023-02-25"},
		{"undated", "2023-03-08", "The ceasefire is holding.", ""},
		{"meeting is not an event", "2023-03-08", "Russian President Vladimir Putin held talks with Belarusian President Alexander Lukashenko on Monday.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Extract(Document{Text: tt.in, Published: tt.pub})
			var got []string
			for _, e := range f.Events {
				got = append(got, fmt.Sprintf("%s@%s", e.Head, schema.Deref(e.Date)))
				if !strings.Contains(strings.ToLower(e.Label), e.Head) {
					t.Errorf("label %q lacks its head %q", e.Label, e.Head)
				}
			}
			sort.Strings(got)
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("events(%q) = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}
