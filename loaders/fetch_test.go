package loaders

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kg-project/kg/schema"
)

// hostileServer serves, on a loopback port, a news page and a feed, and
// the answers kg must survive: slow, broken, endless, enormous, looping.
func hostileServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	page := newsPage("Rouhani meets Khamis in Tehran", "TEHRAN – Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis in Tehran on Wednesday to discuss the Astana talks.")
	feed, err := os.ReadFile("testdata/feeds/world.rss")
	if err != nil {
		t.Fatal(err)
	}
	var feedHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != UserAgent {
			http.Error(w, "who are you?", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		feedHits.Add(1)
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for i := 0; i < 100; i++ {
			if _, err := io.WriteString(w, "<p>drip</p>"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(200 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>"))
		chunk := []byte(strings.Repeat("Rouhani met Khamis. ", 1000))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		// 100 MB of text in a few hundred KB, as Content-Encoding: gzip.
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		zw.Write([]byte("<html><body><p>"))
		chunk := []byte(strings.Repeat("a", 1<<20))
		for i := 0; i < 100 && r.Context().Err() == nil; i++ {
			zw.Write(chunk)
		}
		zw.Close()
	})
	mux.HandleFunc("/huge-header", func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i < 200; i++ {
			w.Header().Add(fmt.Sprintf("X-Filler-%d", i), strings.Repeat("x", 1000))
		}
		io.WriteString(w, page)
	})
	mux.HandleFunc("/short", func(w http.ResponseWriter, r *http.Request) {
		// Promises more than it sends, then hangs up.
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "100000")
		io.WriteString(w, page)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	mux.HandleFunc("/picture", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	srv := httptest.NewServer(mux) // on 127.0.0.1
	t.Cleanup(srv.Close)
	return srv, &feedHits
}

// TestFetch loads URLs from a local server: pages and feeds come in like
// files, and every slow, broken or hostile answer is a problem naming the
// URL, within the time limit, never a hang or a crash.
func TestFetch(t *testing.T) {
	srv, _ := hostileServer(t)
	h := &HTTP{Timeout: 2 * time.Second}
	tests := []struct {
		path     string
		articles int
		problem  string // start of the one problem's reason, "" for none
	}{
		{"/page", 1, ""},
		{"/moved", 1, ""},
		{"/feed", 2, ""},
		{"/loop", 0, "fetch failed: stopped after 10 redirects"},
		{"/gone", 0, "the server answered HTTP 410 Gone"},
		{"/slow-headers", 0, "fetch failed: no answer within 2s"},
		{"/slow-body", 0, "read failed: the server did not send the whole answer within 2s"},
		{"/endless", 0, "HTML page larger than the 8 MiB limit for one article"},
		{"/bomb", 0, "HTML page larger than the 8 MiB limit for one article"},
		{"/huge-header", 0, "fetch failed: the answer's headers are larger than 64 KiB"},
		{"/short", 0, "read failed: unexpected EOF"},
		{"/picture", 0, "binary data (not text), not articles"},
		{"/nothing-here", 0, "the server answered HTTP 404 Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			url := srv.URL + tt.path
			start := time.Now()
			res := walkAll(t, Options{HTTP: h}, url)
			arts, problems := res.Articles, res.Problems
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %s", took)
			}
			if len(arts) != tt.articles {
				t.Errorf("%d articles, want %d", len(arts), tt.articles)
			}
			switch {
			case tt.problem == "" && len(problems) > 0:
				t.Errorf("problems %q", problems)
			case tt.problem != "" && (len(problems) != 1 || !strings.HasPrefix(problems[0], url+": "+tt.problem)):
				t.Errorf("problems %q, want one starting %q", problems, url+": "+tt.problem)
			}
			for _, a := range arts {
				if len(a.Locations) != 1 || !strings.HasPrefix(a.Locations[0], srv.URL) {
					t.Errorf("article %s located at %q, want its URL", a.ID, a.Locations)
				}
			}
			if tt.path == "/moved" && arts[0].URL != srv.URL+"/page" {
				t.Errorf("a page fetched through a redirect has URL %q, want where it was found", arts[0].URL)
			}
		})
	}
}

// TestFetchConditional: with Conditional set, a feed that has not changed
// is not read again.
func TestFetchConditional(t *testing.T) {
	srv, hits := hostileServer(t)
	h := &HTTP{Conditional: true}
	read := func() (articles int, warnings []string) {
		err := Walk(context.Background(), []string{srv.URL + "/feed"}, Options{HTTP: h}, func(schema.Article) error {
			articles++
			return nil
		}, func(p Problem) { warnings = append(warnings, p.Error()) })
		if err != nil {
			t.Fatal(err)
		}
		return articles, warnings
	}
	if n, _ := read(); n != 2 {
		t.Fatalf("first fetch: %d articles, want 2", n)
	}
	n, warnings := read()
	if n != 0 || len(warnings) != 1 || !strings.HasSuffix(warnings[0], ErrNotModified.Error()) {
		t.Errorf("second fetch: %d articles, messages %q; want none and a not-modified note", n, warnings)
	}
	if hits.Load() != 2 {
		t.Errorf("%d requests, want 2", hits.Load())
	}
}

// TestFetchCancel: cancelling the context ends a fetch waiting on a slow
// server at once, and Walk returns the context's error.
func TestFetchCancel(t *testing.T) {
	srv, _ := hostileServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	err := Walk(ctx, []string{srv.URL + "/slow-body"}, Options{}, func(schema.Article) error { return nil }, nil)
	if err != context.Canceled {
		t.Errorf("Walk returned %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("cancelled fetch took %s", took)
	}
}
