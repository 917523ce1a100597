package schema

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestLeadingHeadline(t *testing.T) {
	tests := map[string]string{
		"Rouhani meets Khamis\n\nTEHRAN – ...":         "Rouhani meets Khamis",
		"Is peace near?\nText.":                        "Is peace near?",
		"Rouhani met Khamis on Wednesday.\nMore text.": "",
		"Single\nline":                                 "",
		"Only one line without a break":                "",
		"\n\n  Leading blank lines work\n\nBody here.": "Leading blank lines work",
	}
	for in, want := range tests {
		if got := LeadingHeadline(in); got != want {
			t.Errorf("LeadingHeadline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.Example.com/news/story-1/":                  "//example.com/news/story-1",
		"http://example.com:80/news/story-1#comments":            "//example.com/news/story-1",
		"https://example.com/news?id=7&utm_source=rss&fbclid=x":  "//example.com/news?id=7",
		"https://example.com:8443/a":                             "//example.com:8443/a",
		"ftp://example.com/a":                                    "",
		"/relative/path":                                         "",
		"not a url":                                              "",
		"https://example.com/caf%C3%A9":                          "//example.com/caf%C3%A9",
		"  https://example.com/a?b=1&utm_medium=email&utm_x=y  ": "//example.com/a?b=1",
	} {
		if got := NormalizeURL(in); got != want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKeys checks which copies of a story share a key: the same text
// however its blank space is laid out, with or without its headline, and
// the same URL in another form; and that different or too short texts do
// not.
func TestKeys(t *testing.T) {
	body := strings.Repeat("Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis in Tehran on Wednesday. ", 4)
	other := strings.Repeat("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi. ", 4)
	const head = "Rouhani meets Khamis in Tehran"
	share := func(a, b Article) bool {
		for _, x := range a.Keys() {
			for _, y := range b.Keys() {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	for _, tc := range []struct {
		name string
		a, b Article
		same bool
	}{
		{"same text", Article{Text: body}, Article{Text: body}, true},
		{"blank space differs", Article{Text: body}, Article{Text: "  " + strings.ReplaceAll(body, ". ", ".\r\n\n")}, true},
		{"text file with headline line, record with title", Article{Title: head, Text: head + "\n\n" + body}, Article{Title: head, Text: body}, true},
		{"headline line, record without title", Article{Text: head + "\n" + body}, Article{Text: body}, true},
		{"same URL, other form", Article{URL: "https://www.example.com/a/", Text: body}, Article{URL: "http://example.com/a?utm_source=x", Text: other}, true},
		{"different texts", Article{Text: body}, Article{Text: other}, false},
		{"different URLs and texts", Article{URL: "https://example.com/a", Text: body}, Article{URL: "https://example.com/b", Text: other}, false},
		{"short texts are not keyed", Article{Text: "Photos of the day."}, Article{Text: "Photos of the day."}, false},
	} {
		if got := share(tc.a, tc.b); got != tc.same {
			t.Errorf("%s: keys shared = %v, want %v\n%q\n%q", tc.name, got, tc.same, tc.a.Keys(), tc.b.Keys())
		}
	}
}

// TestNormalizeSpace checks the one-pass normalizeSpace against its
// definition: NFC, then every run of blank space one space, trimmed.
func TestNormalizeSpace(t *testing.T) {
	byDefinition := func(s string) string {
		return strings.Join(strings.FieldsFunc(norm.NFC.String(s), unicode.IsSpace), " ")
	}
	for _, s := range []string{
		"", "   ", "one", "  two  words ", "line\nbreaks\r\n\tand tabs",
		"no\u00a0break\u2003em space", "cafe\u0301 composed", "bad \xff byte \xc3",
		"Zarif met\n\n  Kerry.", "\u3000ideographic\u3000space\u3000",
	} {
		got, want := normalizeSpace(s), byDefinition(s)
		if got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
		if n, want := wordCount(got), len(strings.Fields(got)); n != want {
			t.Errorf("wordCount(%q) = %d, want %d", got, n, want)
		}
	}
}

func FuzzNormalizeSpace(f *testing.F) {
	f.Add("  a\tb\n c ")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.FieldsFunc(norm.NFC.String(s), unicode.IsSpace), " ")
		if got := normalizeSpace(s); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
