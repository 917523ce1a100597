package loaders

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// filler yields n bytes of prose without holding them in memory.
type filler struct{ n int64 }

const fillerText = "Rouhani met Khamis in Tehran on Wednesday. "

func (f *filler) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && f.n > 0 {
		c := copy(p[n:min(len(p), n+int(min(f.n, int64(len(fillerText)))))], fillerText)
		n += c
		f.n -= int64(c)
	}
	return n, nil
}

// sized builds an input around one article of size bytes of text: before
// and after are the input's other content.
func sized(before string, size int64, after string) io.Reader {
	return io.MultiReader(strings.NewReader(before), &filler{n: size}, strings.NewReader(after))
}

// warcRecord writes a WARC response record holding an HTML page whose
// body has size bytes of text.
func warcWithPage(size int64) io.Reader {
	head := "<html><head><title>Big</title></head><body><article><p>"
	tail := "</p></article></body></html>"
	body := int64(len(head)+len(tail)) + size
	httpHead := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", body)
	block := int64(len(httpHead)) + body
	warcHead := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2017-01-18T10:00:00Z\r\nWARC-Target-URI: https://example.com/big\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n", block)
	return io.MultiReader(strings.NewReader(warcHead+httpHead+head), &filler{n: size}, strings.NewReader(tail+"\r\n\r\n"))
}

// TestArticleSizeLimit gives every reader an article larger than
// MaxArticleSize between two ordinary ones: the large one is reported and
// skipped, the others load, and reading it costs memory in proportion to
// the limit, not to the article. An article just under the limit loads.
func TestArticleSizeLimit(t *testing.T) {
	const huge = 200 << 20
	const small = `{"id":"a","text":"Rouhani met Khamis in Tehran on Wednesday."}`
	tests := []struct {
		name  string
		input func(size int64) io.Reader
		ids   string // the ids read besides the large article
	}{
		{"x.jsonl", func(n int64) io.Reader {
			return sized(small+"\n"+`{"id":"big","text":"`, n, `"}`+"\n"+`{"id":"c","text":"Zarif met Lavrov."}`+"\n")
		}, "a,c"},
		{"x.json", func(n int64) io.Reader {
			return sized("["+small+",\n"+`{"id":"big","text":"`, n, `"},`+"\n"+`{"id":"c","text":"Zarif met Lavrov."}]`)
		}, "a,c"},
		{"container.json", func(n int64) io.Reader {
			return sized(`{"status":"ok","articles":[`+small+`,{"id":"big","text":"`, n, `"},{"id":"c","text":"Zarif met Lavrov."}]}`)
		}, "a,c"},
		{"single.json", func(n int64) io.Reader {
			return sized(`{"id":"big","text":"`, n, `"}`+"\n"+small)
		}, "a"},
		{"x.csv", func(n int64) io.Reader {
			return sized("id,text\na,Rouhani met Khamis.\nbig,\"", n, "\"\nc,Zarif met Lavrov.\n")
		}, "a"}, // a table cannot be resynchronised after a row too large
		{"x.txt", func(n int64) io.Reader { return sized("", n, "") }, ""},
		{"x.html", func(n int64) io.Reader { return sized("<html><body><p>", n, "</p></body></html>") }, ""},
		{"x.warc", warcWithPage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			var problems []string
			read := func(r io.Reader) {
				res := readAll(t, tt.name, r, Options{})
				ids, problems = nil, res.Problems
				for _, a := range res.Articles {
					if a.ID != "big" && !strings.HasPrefix(a.ID, "sha256-") && a.ID != "https://example.com/big" {
						ids = append(ids, a.ID)
					} else {
						ids = append(ids, "big")
					}
				}
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			read(tt.input(huge))
			runtime.ReadMemStats(&after)
			if got := strings.Join(ids, ","); got != tt.ids {
				t.Errorf("articles read around a %d MiB one: %q, want %q", huge>>20, got, tt.ids)
			}
			if len(problems) != 1 || !strings.Contains(problems[0], "larger than the 8 MiB limit for one article") {
				t.Errorf("problems %q, want one saying the article is over the limit", problems)
			}
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("allocated %d MiB while reading a %d MiB article", allocated>>20, huge>>20)
			if allocated > 8*MaxArticleSize {
				t.Errorf("allocated %d MiB reading past a %d MiB article: the reader kept more than the limit", allocated>>20, huge>>20)
			}

			// Just under the limit, the article loads.
			read(tt.input(MaxArticleSize - 64<<10))
			want := tt.ids
			if tt.name != "x.csv" && tt.name != "single.json" {
				want = strings.Trim(strings.Replace(","+tt.ids, ",c", ",big,c", 1), ",")
				if tt.ids == "" {
					want = "big"
				}
			} else if tt.name == "x.csv" {
				want = "a,big,c"
			} else {
				want = "big,a"
			}
			if got := strings.Join(ids, ","); got != want || len(problems) != 0 {
				t.Errorf("article just under the limit: read %q with problems %q, want %q and none", got, problems, want)
			}
		})
	}
}
