package loaders

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/kg-project/kg/schema"
)

// UserAgent is what kg calls itself in HTTP requests, so site operators can
// tell what is fetching their pages and where to read about it.
const UserAgent = "kg/1 (news knowledge graph; +https://github.com/kg-project/kg)"

// Limits of one HTTP fetch; HTTP's fields override the timeout.
const (
	DefaultFetchTimeout = time.Minute      // the whole answer, body included
	fetchHeaderTimeout  = 30 * time.Second // from the request to the answer's headers
	fetchDialTimeout    = 15 * time.Second
	maxRedirects        = 10
	maxHeaderBytes      = 64 << 10
)

// HTTP fetches the URLs given to Walk. The zero value is ready to use; a
// watcher keeps one across rounds so that feeds that did not change since
// the last round (HTTP 304 to a conditional request) are not read again.
type HTTP struct {
	// Timeout bounds each fetch from the request to the last byte;
	// zero means DefaultFetchTimeout.
	Timeout time.Duration
	// Conditional makes requests carry the ETag and Last-Modified of the
	// previous answer for the same URL.
	Conditional bool

	once      sync.Once
	client    *http.Client
	mu        sync.Mutex
	validator map[string]validator
}

// validator is what a server said identifies the version of a page.
type validator struct{ etag, modified string }

// IsURL reports whether a path given to Walk is an http or https URL.
func IsURL(path string) bool {
	lower := strings.ToLower(path)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// ErrNotModified is reported (as a warning) for a URL whose answer has not
// changed since the previous fetch of a conditional HTTP.
var ErrNotModified = errors.New("not modified since the last fetch")

var defaultHTTP HTTP

func (h *HTTP) init() {
	h.once.Do(func() {
		transport := &http.Transport{
			Proxy:                  http.ProxyFromEnvironment,
			DialContext:            (&net.Dialer{Timeout: fetchDialTimeout}).DialContext,
			TLSHandshakeTimeout:    fetchDialTimeout,
			ResponseHeaderTimeout:  fetchHeaderTimeout,
			MaxResponseHeaderBytes: maxHeaderBytes,
			IdleConnTimeout:        90 * time.Second,
			ForceAttemptHTTP2:      true,
		}
		h.client = &http.Client{
			Transport: transport,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= maxRedirects {
					return fmt.Errorf("stopped after %d redirects", maxRedirects)
				}
				if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
					return fmt.Errorf("redirect to a %s: URL, which kg does not follow", req.URL.Scheme)
				}
				return nil
			},
		}
		h.validator = map[string]validator{}
	})
}

func (h *HTTP) timeout() time.Duration {
	if h.Timeout > 0 {
		return h.Timeout
	}
	return DefaultFetchTimeout
}

// fetchURL reads the articles of one URL: a page, a feed, or any other
// format kg reads, recognised by the answer's Content-Type, else by the
// URL's extension, else by the content. Failures are problems naming the
// URL; only cancellation of ctx and fn's errors are returned.
func fetchURL(ctx context.Context, rawURL string, opt Options, fn func(schema.Article) error, problem func(Problem)) error {
	h := opt.HTTP
	if h == nil {
		h = &defaultHTTP
	}
	h.init()
	name := redactedURL(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		problem(Problem{Path: name, Err: errors.New("not a valid URL")})
		return nil
	}
	limit := h.timeout()
	fetchCtx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	req, err := http.NewRequestWithContext(fetchCtx, http.MethodGet, rawURL, nil)
	if err != nil {
		problem(Problem{Path: name, Err: fmt.Errorf("not a valid URL: %w", err)})
		return nil
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, application/json;q=0.8, text/plain;q=0.5, */*;q=0.1")
	if h.Conditional {
		h.mu.Lock()
		v := h.validator[rawURL]
		h.mu.Unlock()
		if v.etag != "" {
			req.Header.Set("If-None-Match", v.etag)
		}
		if v.modified != "" {
			req.Header.Set("If-Modified-Since", v.modified)
		}
	}
	resp, err := h.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		problem(Problem{Path: name, Err: describeFetchError(err, fetchCtx, limit)})
		return nil
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified && h.Conditional:
		problem(Problem{Path: name, Err: ErrNotModified, Warning: true})
		return nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		problem(Problem{Path: name, Err: fmt.Errorf("the server answered HTTP %s", resp.Status)})
		return nil
	}
	final := rawURL
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	body := &fetchBody{r: resp.Body, ctx: fetchCtx, limit: limit}
	in := newInput(ctx, name, opt, fn, problem)
	in.hint = formatByContentType(resp.Header.Get("Content-Type"))
	in.url = final
	in.location = redactedURL(final)
	if err := in.read(body); err != nil {
		return err
	}
	if h.Conditional {
		h.mu.Lock()
		h.validator[rawURL] = validator{etag: resp.Header.Get("ETag"), modified: resp.Header.Get("Last-Modified")}
		h.mu.Unlock()
	}
	return nil
}

// fetchBody turns the error of a body cut off by the fetch's time limit
// into a message that says so.
type fetchBody struct {
	r     io.Reader
	ctx   context.Context
	limit time.Duration
}

func (b *fetchBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && errors.Is(b.ctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("the server did not send the whole answer within %s", b.limit)
	}
	return n, err
}

// describeFetchError says why a request got no answer, in words.
func describeFetchError(err error, ctx context.Context, limit time.Duration) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	var nerr net.Error
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("fetch failed: no answer within %s", limit)
	case errors.As(err, &nerr) && nerr.Timeout():
		return fmt.Errorf("fetch failed: the server did not answer in time (%v)", err)
	case strings.Contains(err.Error(), "server response headers exceeded"):
		return fmt.Errorf("fetch failed: the answer's headers are larger than %d KiB", maxHeaderBytes>>10)
	}
	return fmt.Errorf("fetch failed: %v", err)
}

// formatByContentType returns the format a Content-Type names, or
// FormatUnknown when it names none kg reads (or is missing, or generic).
func formatByContentType(contentType string) Format {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return FormatUnknown
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return FormatHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml":
		return FormatFeed
	case "application/json", "application/feed+json":
		return FormatJSON
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		return FormatJSONL
	case "text/plain":
		return FormatText
	case "text/csv", "text/tab-separated-values":
		return FormatCSV
	case "application/warc":
		return FormatWARC
	}
	// application/xml, text/xml, octet-stream and the like say too little:
	// the extension or the content decides.
	return FormatUnknown
}

// redactedURL hides a password in a URL used in messages and locations.
func redactedURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.Redacted()
}
