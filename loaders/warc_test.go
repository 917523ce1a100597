package loaders

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// testRecord is one record of a WARC file written by a test.
type testRecord struct {
	typ    gowarc.RecordType
	target string
	date   string
	block  string // the HTTP message or content
	ctype  string // the record's Content-Type
}

// httpResponse is an HTTP response as a crawler records it.
func httpResponse(status, contentType string, headers []string, body string) string {
	h := "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n"
	for _, x := range headers {
		h += x + "\r\n"
	}
	return h + "\r\n" + body
}

// newsPage is an HTML news page without canonical link or date, so the
// WARC record has to supply both.
func newsPage(headline, body string) string {
	return `<!DOCTYPE html><html lang="en"><head><title>` + headline + `</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>` + headline + `</h1><p>` + body + `</p>
<p>The talks are due to continue next month, officials said on condition of anonymity.</p></article>
<footer>All rights reserved.</footer></body></html>`
}

// writeWARC writes records as a WARC file built with gowarc, each record
// compressed on its own (as crawlers write .warc.gz) when path ends in .gz.
func writeWARC(t testing.TB, path string, records []testRecord) {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	for i, r := range records {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true))
		if _, err := b.WriteString(r.block); err != nil {
			t.Fatal(err)
		}
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i+1))
		b.AddWarcHeader(gowarc.WarcDate, r.date)
		if r.target != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.target)
		}
		if r.typ == gowarc.Revisit {
			b.AddWarcHeader(gowarc.WarcProfile, gowarc.ProfileIdenticalPayloadDigestV1_1)
			b.AddWarcHeader(gowarc.WarcRefersTo, "<urn:uuid:00000000-0000-4000-8000-000000000001>")
		}
		b.AddWarcHeader(gowarc.ContentType, r.ctype)
		b.AddWarcHeaderInt(gowarc.ContentLength, len(r.block))
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("build WARC record %d: %v", i+1, err)
		}
		var one bytes.Buffer
		if _, _, err := m.Marshal(&one, rec, 0); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(path, ".gz") {
			zw := gzip.NewWriter(&out)
			zw.Write(one.Bytes())
			zw.Close()
		} else {
			out.Write(one.Bytes())
		}
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// crawlRecords are the records of a small crawl of a news site: two
// articles among the records a crawler writes around them.
func crawlRecords() []testRecord {
	const httpType = "application/http;msgtype=response"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(newsPage("Zarif meets Lavrov in Moscow", "MOSCOW – Iranian Foreign Minister Mohammad Javad Zarif met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday to discuss the ceasefire in Syria.")))
	zw.Close()
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", gz.Len(), gz.String())
	return []testRecord{
		{typ: gowarc.Warcinfo, date: "2017-02-07T10:00:00Z", block: "software: test crawler\r\nformat: WARC File Format 1.1\r\n", ctype: "application/warc-fields"},
		{typ: gowarc.Request, target: "https://news.example.com/2017/01/18/rouhani-khamis", date: "2017-01-18T12:00:00Z",
			block: "GET /2017/01/18/rouhani-khamis HTTP/1.1\r\nHost: news.example.com\r\n\r\n", ctype: "application/http;msgtype=request"},
		{typ: gowarc.Response, target: "https://news.example.com/2017/01/18/rouhani-khamis", date: "2017-01-18T12:00:01Z", ctype: httpType,
			block: httpResponse("200 OK", "text/html; charset=utf-8", nil, newsPage("Rouhani meets Khamis in Tehran", "TEHRAN – Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis in Tehran on Wednesday to discuss the Astana talks."))},
		{typ: gowarc.Response, target: "https://news.example.com/2017/02/07/zarif-lavrov", date: "2017-02-07T09:30:00Z", ctype: httpType,
			block: httpResponse("200 OK", "text/html", []string{"Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked)},
		{typ: gowarc.Response, target: "https://news.example.com/missing", date: "2017-02-07T09:31:00Z", ctype: httpType,
			block: httpResponse("404 Not Found", "text/html", nil, "<html><body><p>Not found</p></body></html>")},
		{typ: gowarc.Response, target: "https://news.example.com/photo.jpg", date: "2017-02-07T09:32:00Z", ctype: httpType,
			block: httpResponse("200 OK", "image/jpeg", nil, "\xff\xd8\xff\xe0 not really a picture")},
		{typ: gowarc.Metadata, target: "https://news.example.com/2017/01/18/rouhani-khamis", date: "2017-01-18T12:00:02Z", block: "fetchTimeMs: 120\r\n", ctype: "application/warc-fields"},
		{typ: gowarc.Response, target: "https://news.example.com/", date: "2017-02-07T09:33:00Z", ctype: httpType,
			block: httpResponse("200 OK", "text/html", nil, `<html><body><nav><a href="/world">World</a></nav><h1>Home</h1></body></html>`)},
		{typ: gowarc.Revisit, target: "https://news.example.com/2017/01/18/rouhani-khamis", date: "2017-01-19T12:00:00Z", ctype: httpType,
			block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"},
	}
}

// TestWARC reads a small crawl written by the test, plain and gzipped per
// record: the two articles come out with the record's URL and capture day,
// everything else is passed over with one note, and a file cut short keeps
// the records before the cut.
func TestWARC(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"crawl.warc", "crawl.warc.gz", "crawl-without-extension"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			writeWARC(t, path, crawlRecords())
			res := walkAll(t, Options{}, path)
			if len(res.Problems) != 0 {
				t.Errorf("problems: %q", res.Problems)
			}
			want := "passed over 4 other records (requests, metadata, revisits), 1 responses that are not HTML pages, 1 unsuccessful responses (errors, redirects), 1 HTML pages without article text (index pages, galleries)"
			if len(res.Warnings) != 1 || !strings.HasSuffix(res.Warnings[0], want) {
				t.Errorf("warnings %q, want one ending %q", res.Warnings, want)
			}
			if len(res.Articles) != 2 {
				t.Fatalf("%d articles, want 2: %+v", len(res.Articles), res.Articles)
			}
			a, b := res.Articles[0], res.Articles[1]
			if a.URL != "https://news.example.com/2017/01/18/rouhani-khamis" || a.ID != a.URL || a.Published != "2017-01-18" ||
				a.Origin != path+":3" || !strings.Contains(a.Text, "Hassan Rouhani met Syrian Prime Minister Imad Khamis") || strings.Contains(a.Text, "All rights reserved") {
				t.Errorf("first article = %+v", a)
			}
			if b.URL != "https://news.example.com/2017/02/07/zarif-lavrov" || b.Published != "2017-02-07" || !strings.Contains(b.Text, "Zarif met Russian Foreign Minister Sergei Lavrov") {
				t.Errorf("chunked, gzip-encoded page = %+v", b)
			}
		})
	}
	t.Run("cut short", func(t *testing.T) {
		whole := filepath.Join(dir, "whole.warc")
		writeWARC(t, whole, crawlRecords())
		data, err := os.ReadFile(whole)
		if err != nil {
			t.Fatal(err)
		}
		at := bytes.Index(data, []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding"))
		res := readAll(t, "cut.warc", bytes.NewReader(data[:at]), Options{})
		if len(res.Articles) != 1 || len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0], "cut.warc:4: ") {
			t.Errorf("cut in record 4: %d articles, problems %q; want the first article and a problem at record 4", len(res.Articles), res.Problems)
		}
	})
}
