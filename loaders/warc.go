package loaders

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/loaders/pubdate"
	"github.com/nlnwa/gowarc/v3"
)

// warcHeaderMax bounds a WARC record's header; a record whose header does
// not end within it is not read.
const warcHeaderMax = readerSize

// readWARC reads a WARC file (ISO 28500, as Common Crawl, the Internet
// Archive and most web crawlers write them; gzip-compressed per record or
// whole, which read already undid). Each response (or resource) record
// holding an HTML page with a successful status is an article, read like
// an HTML page, with the record's target URI as the article's URL when the
// page names no canonical one and the capture day as its publication date
// when the page states none. Other records (requests, metadata, images,
// redirects, pages without article text) are passed over and counted in
// one closing note. Records are parsed by github.com/nlnwa/gowarc; before
// that, each record's header is looked at here so that a record larger
// than MaxArticleSize is skipped without being read into memory. A
// problem's line number is the record's number in the file.
func (in *input) readWARC(br *bufio.Reader) error {
	u := gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(MaxArticleSize+warcHeaderMax),
	)
	var tally warcTally
	defer tally.report(in)
	for n := 1; ; n++ {
		if err := in.ctx.Err(); err != nil {
			return err
		}
		head, err := peekWARCHeader(br)
		if errors.Is(err, io.EOF) {
			if n == 1 {
				in.fail(0, "no WARC record in the file")
			}
			return nil
		}
		if err != nil {
			if rerr := readFailureOf(err); rerr != nil {
				return in.readError(n, rerr)
			}
			in.fail(n, "%v; the rest of the file is skipped", err)
			return nil
		}
		if head.typ != "response" && head.typ != "resource" || head.length > MaxArticleSize {
			if head.length > MaxArticleSize && (head.typ == "response" || head.typ == "resource") && head.mayBeHTML() {
				in.fail(n, "%s", tooLarge(fmt.Sprintf("WARC record %s (%d MiB)", head.target, head.length>>20)))
			} else {
				tally.other++
			}
			if err := discard(br, int64(head.size)+head.length); err != nil {
				return in.readError(n, err)
			}
			continue
		}
		rec, _, _, err := u.Unmarshal(br)
		if err != nil {
			if rerr := readFailureOf(err); rerr != nil {
				return in.readError(n, rerr)
			}
			in.fail(n, "invalid WARC record: %v; the rest of the file is skipped", err)
			return nil
		}
		err = in.warcRecord(rec, n, head, &tally)
		rec.Close()
		if err != nil {
			return err
		}
	}
}

// warcTally counts the records of a WARC file that were not articles.
type warcTally struct {
	other, notHTML, failed, noText int
}

// report says, as one warning, what was passed over.
func (t *warcTally) report(in *input) {
	var parts []string
	if t.other > 0 {
		parts = append(parts, fmt.Sprintf("%d other records (requests, metadata, revisits)", t.other))
	}
	if t.notHTML > 0 {
		parts = append(parts, fmt.Sprintf("%d responses that are not HTML pages", t.notHTML))
	}
	if t.failed > 0 {
		parts = append(parts, fmt.Sprintf("%d unsuccessful responses (errors, redirects)", t.failed))
	}
	if t.noText > 0 {
		parts = append(parts, fmt.Sprintf("%d HTML pages without article text (index pages, galleries)", t.noText))
	}
	if len(parts) > 0 {
		in.warn(0, "passed over %s", strings.Join(parts, ", "))
	}
}

// warcRecord reads the article of one response or resource record, if it
// holds one.
func (in *input) warcRecord(rec gowarc.WarcRecord, n int, head warcHead, tally *warcTally) error {
	var (
		header  http.Header
		payload io.Reader
		err     error
	)
	switch block := rec.Block().(type) {
	case gowarc.HttpResponseBlock:
		if code := block.HttpStatusCode(); code < 200 || code > 299 {
			tally.failed++
			return nil
		}
		if h := block.HttpHeader(); h != nil {
			header = h.Clone()
			// net/http moves Transfer-Encoding out of the header it parses;
			// the raw header still says whether the body was chunked.
			if chunked.Match(block.ProtocolHeaderBytes()) {
				header.Set("Transfer-Encoding", "chunked")
			}
		}
		payload, err = block.PayloadBytes()
	default:
		header = http.Header{"Content-Type": {rec.WarcHeader().Get(gowarc.ContentType)}}
		payload, err = rec.Block().RawBytes()
	}
	if err != nil {
		in.fail(n, "unreadable WARC record %s: %v", head.target, err)
		return nil
	}
	if !isHTMLType(header.Get("Content-Type")) {
		tally.notHTML++
		return nil
	}
	body, err := decodeHTTPBody(payload, header)
	if err != nil {
		in.fail(n, "WARC record %s: %v, skipped", head.target, err)
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(body, MaxArticleSize+1))
	if err != nil {
		in.fail(n, "WARC record %s: cannot decode its page: %v, skipped", head.target, err)
		return nil
	}
	if len(data) > MaxArticleSize {
		in.fail(n, "%s", tooLarge("WARC record "+head.target+" (decompressed)"))
		return nil
	}
	url, declared := in.url, in.declared
	in.url, in.declared = head.target, header.Get("Content-Language")
	var date string
	if t, err := rec.Date(); err == nil {
		date = pubdate.Day(t.In(time.UTC))
	}
	found, _, err := in.htmlArticle(data, n, date)
	in.url, in.declared = url, declared
	if !found && err == nil {
		tally.noText++
	}
	return err
}

// chunked finds a Transfer-Encoding header that says chunked.
var chunked = regexp.MustCompile(`(?im)^transfer-encoding:[^\r\n]*\bchunked\b`)

// isHTMLType reports whether a Content-Type is an HTML page's, or missing.
func isHTMLType(contentType string) bool {
	if strings.TrimSpace(contentType) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

// decodeHTTPBody undoes the transfer and content encodings a crawler
// recorded as it received them.
func decodeHTTPBody(r io.Reader, h http.Header) (io.Reader, error) {
	for _, te := range h.Values("Transfer-Encoding") {
		if strings.EqualFold(strings.TrimSpace(te), "chunked") {
			r = httputil.NewChunkedReader(r)
		}
	}
	switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		return gzip.NewReader(r)
	case "deflate":
		return flate.NewReader(r), nil
	default:
		return nil, fmt.Errorf("page compressed as %q, which kg cannot decompress", enc)
	}
}

// warcHead is what kg needs of a record's header before parsing it.
type warcHead struct {
	typ    string // WARC-Type, lower case
	length int64  // Content-Length of the block
	target string // WARC-Target-URI
	size   int    // bytes of the header, blank line included
	http   []byte // the start of the block, which holds the HTTP header of a response
}

// mayBeHTML reports whether the record's HTTP header, when it is in view,
// leaves open that the block is an HTML page.
func (h warcHead) mayBeHTML() bool {
	end := bytes.Index(h.http, []byte("\r\n\r\n"))
	if end < 0 {
		return true
	}
	for _, line := range strings.Split(string(h.http[:end]), "\r\n") {
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Content-Type") {
			return isHTMLType(value)
		}
	}
	return true
}

// peekWARCHeader reads the header of the next record without consuming
// it, after skipping the blank lines between records. io.EOF means there
// are no more records.
func peekWARCHeader(br *bufio.Reader) (warcHead, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return warcHead{}, err
		}
		if b[0] != '\r' && b[0] != '\n' {
			break
		}
		br.Discard(1)
	}
	window, err := br.Peek(warcHeaderMax)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return warcHead{}, err
	}
	if !bytes.HasPrefix(window, []byte("WARC/")) {
		return warcHead{}, fmt.Errorf("not a WARC record (it does not start with WARC/)")
	}
	end := bytes.Index(window, []byte("\r\n\r\n"))
	sep := 4
	if end < 0 {
		end, sep = bytes.Index(window, []byte("\n\n")), 2
	}
	if end < 0 {
		return warcHead{}, fmt.Errorf("WARC record header longer than %d KiB", warcHeaderMax>>10)
	}
	head := warcHead{length: -1, size: end + sep, http: window[end+sep:]}
	for _, line := range strings.Split(string(window[:end]), "\n") {
		name, value, ok := strings.Cut(strings.TrimRight(line, "\r"), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "warc-type":
			head.typ = strings.ToLower(value)
		case "content-length":
			if n, err := strconv.ParseInt(value, 10, 64); err == nil && n >= 0 {
				head.length = n
			}
		case "warc-target-uri":
			head.target = strings.Trim(value, "<>")
		}
	}
	if head.length < 0 {
		return warcHead{}, fmt.Errorf("WARC record without a valid Content-Length")
	}
	if head.target == "" {
		head.target = "(no target URI)"
	}
	return head, nil
}

// discard skips n bytes of br, streaming.
func discard(br *bufio.Reader, n int64) error {
	_, err := io.CopyN(io.Discard, br, n)
	if errors.Is(err, io.EOF) {
		return nil // a truncated last record: nothing more to read
	}
	return err
}

// readFailureOf returns the underlying read error in err (a disk or
// gzip error, or cancellation), or nil when err is about the content.
func readFailureOf(err error) error {
	var rf readFailure
	if errors.As(err, &rf) {
		return rf.err
	}
	return nil
}
