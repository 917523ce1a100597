package loaders

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFormatByName(t *testing.T) {
	tests := map[string]Format{
		"a.txt": FormatText, "A.TEXT": FormatText, "x.json": FormatJSON, "x.jsonl": FormatJSONL,
		"x.ndjson": FormatJSONL, "dump.jsonl.gz": FormatJSONL, "p.html": FormatHTML, "p.HTM": FormatHTML,
		"f.xml": FormatFeed, "f.rss": FormatFeed, "f.atom": FormatFeed, "f.feed": FormatFeed,
		"notes": FormatUnknown, "x.gz": FormatUnknown, "stdin": FormatUnknown,
		"x.csv": FormatCSV, "x.TSV": FormatCSV, "crawl.warc.gz": FormatWARC, "crawl.warc": FormatWARC,
		"backup.nq.gz": FormatNQuads, "https://example.com/feed.xml?x=1": FormatFeed,
		"https://example.com/story": FormatUnknown, "https://example.com/a.txt#frag": FormatText,
	}
	for name, want := range tests {
		if got := FormatByName(name); got != want {
			t.Errorf("FormatByName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name     string
		content  string
		complete bool
		want     Format
	}{
		{"json object", `{"id": "a", "text": "b"}`, true, FormatJSON},
		{"pretty object", "{\n  \"id\": \"a\",\n", false, FormatJSON},
		{"json lines", "{\"id\":1}\n{\"id\":2}\n", true, FormatJSONL},
		{"json lines cut by the window", "{\"id\":1}\n{\"id\":2, \"text\": \"lo", false, FormatJSONL},
		{"one record, more slow to come", "{\"id\":1, \"text\": \"a\"}\n", false, FormatJSONL},
		{"two objects on one line", `{"id":1} {"id":2}`, true, FormatJSON},
		{"json lines with a bad first line", "{\"id\": broken}\n{\"id\":2}\n", true, FormatJSONL},
		{"pretty object with nested object", "{\n  \"a\": {\"b\": 1}\n}\n{\n}", true, FormatJSON},
		{"json array", ` [ {"id": 1} ]`, true, FormatJSON},
		{"empty array", `[]`, true, FormatJSON},
		{"text in brackets", "[Reuters] Putin met Erdogan.", true, FormatText},
		{"text in braces", "{sic} is a Latin word.", true, FormatText},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel>`, false, FormatFeed},
		{"atom", "<?xml version='1.0' encoding='utf-8'?>\n<!-- generator -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", false, FormatFeed},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, false, FormatFeed},
		{"html doctype", "<!DOCTYPE html>\n<html><head>", false, FormatHTML},
		{"html without doctype", "  <html lang=en><body><p>Hi", false, FormatHTML},
		{"html fragment", "<p>Putin met Erdogan.</p>", true, FormatHTML},
		{"xhtml doctype", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"><html>`, false, FormatHTML},
		{"other xml", `<?xml version="1.0"?><urlset>`, true, FormatXML},
		{"less-than text", "<3 from Tehran", true, FormatText},
		{"plain text", "TEHRAN – Rouhani met Khamis on Wednesday.", true, FormatText},
		{"text with a few bad bytes", "Caf\xe9 owner meets the mayor of Paris on Monday.", true, FormatText},
		{"character cut by the window", "Tehran – Rouhani \xe2\x80", false, FormatText},
		{"nul bytes", "PK\x03\x04\x00\x00", true, FormatBinary},
		{"mostly invalid", "\xff\xfe\xfd\xfc abc", true, FormatBinary},
		{"control characters", "\x01\x02\x03\x04\x05 abc", true, FormatBinary},
		{"warc", "WARC/1.1\r\nWARC-Type: warcinfo\r\n", false, FormatWARC},
		{"n-quads dump", "<kg:person/hsn-run> <rdf:type> <kg:Person> .\n<kg:person/hsn-run> <kg:name> \"Hassan Rouhani\" .\n", true, FormatNQuads},
		{"n-quads with label", "<kg:meeting/ab> <kg:source> <kg:article/x> <kg:article/x> .\n", false, FormatNQuads},
		{"csv with header", "id,title,text\n1,A,Putin met Erdogan.\n2,B,Zarif met Lavrov.\n", true, FormatCSV},
		{"tsv without header", "410412347\t20140413\t201404\tUSA\n410412348\t20140413\t201404\tIRN\n410412349\t20140413\t201404\tSYR\n", false, FormatCSV},
		{"prose with commas", "Rouhani, who arrived on Monday, met Khamis.\nThe talks, officials said, went well, and ended.\nNo, he said.\n", true, FormatText},
		{"indented paragraphs", "\tRouhani met Khamis.\n\tThe talks went well.\n\tThey will meet again.\n", true, FormatText},
		{"two lines of text", "Rouhani, Khamis, Velayati and Zarif met.\nThe talks, the aides said, went well.\n", false, FormatText},
		{"blank", " \n\t", true, FormatUnknown},
		{"empty", "", true, FormatUnknown},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.content), tt.complete); got != tt.want {
			t.Errorf("%s: Sniff(%q) = %v, want %v", tt.name, tt.content, got, tt.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := map[string]string{
		"<p>One &amp; two.</p><p>Three.</p>":                 "One & two.\nThree.",
		"Plain   text\twith  spaces":                         "Plain text with spaces",
		"<div>A<script>var x = '<p>';</script> B</div>":      "A B",
		"<style>p{}</style><b>Bold</b> text<br>next":         "Bold text\nnext",
		"<p>unclosed <i>tags":                                "unclosed tags",
		"<ul><li>one</li><li>two</li></ul>":                  "one\ntwo",
		"broken <<< markup >>> &nosuchentity; \xff byte":     "broken <<< markup >>> &nosuchentity; \uFFFD byte",
		"<![CDATA[x]]><!-- comment --><p>after comments</p>": "after comments",
	}
	for in, want := range tests {
		if got := htmlToText(in); got != want {
			t.Errorf("htmlToText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnquoteJSON(t *testing.T) {
	for _, lit := range []string{`""`, `"plain"`, `"a\"b\\c\/d"`, `"line\nbreak\ttab\r\b\f"`, `"\u00e9t\u00E9 \u2019"`, `"caf\u00e9 – ok"`, `"😀 \ud83d\ude00"`, "\"bad \xff byte\""} {
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatalf("%s: %v", lit, err)
		}
		got, ok := unquoteJSON([]byte(lit))
		if ok && got != want {
			t.Errorf("unquoteJSON(%s) = %q, want %q", lit, got, want)
		}
		if got := rawString(json.RawMessage(lit), false); got != want {
			t.Errorf("rawString(%s) = %q, want %q", lit, got, want)
		}
	}
}

func FuzzUnquoteJSON(f *testing.F) {
	f.Add(`"a\"b\\c\/d\n\u00e9\ud83d\ude00"`)
	f.Fuzz(func(t *testing.T, lit string) {
		var want string
		if json.Unmarshal([]byte(lit), &want) != nil || !strings.HasPrefix(lit, `"`) {
			return
		}
		if got, ok := unquoteJSON([]byte(lit)); ok && got != want {
			t.Errorf("unquoteJSON(%s) = %q, want %q", lit, got, want)
		}
	})
}
