package loaders

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kg-project/kg/loaders/pubdate"
	"github.com/kg-project/kg/schema"
)

// readCSV reads a table of articles: CSV or TSV (the separator is the
// one of tab, comma, semicolon and bar that splits the header row into the
// most fields) whose header row names the columns as records name their
// fields (fieldNames), one of them the text. A table without a text column
// (a GDELT events table, a spreadsheet of figures) is refused whole. A row
// is one article; a row without text is a warning; a row larger than
// MaxArticleSize ends the file, since a table cannot be resynchronised
// inside a quoted field.
func (in *input) readCSV(br *bufio.Reader) error {
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return in.readError(1, err)
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	sep := tableSeparator(first)
	limit := &spanLimiter{r: br, max: MaxArticleSize}
	cr := csv.NewReader(limit)
	cr.Comma = rune(sep)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err != nil {
		return in.csvError(err, 1)
	}
	cols := columnsOf(header)
	if cols[fieldText] < 0 {
		in.fail(1, "%s", describeNoTextColumn(header, sep))
		return nil
	}
	for {
		limit.mark(cr.InputOffset())
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			in.finish("row", fieldColumnNames(cols[fieldText], header))
			return nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return in.csvError(err, line)
		}
		get := func(f field) string {
			if i := cols[f]; i >= 0 && i < len(row) {
				return strings.TrimSpace(row[i])
			}
			return ""
		}
		a := schema.Article{
			ID:        get(fieldID),
			URL:       get(fieldURL),
			Title:     get(fieldTitle),
			Source:    get(fieldSource),
			Published: pubdate.Normalize(get(fieldPublished)),
			Text:      get(fieldText),
			Language:  get(fieldLanguage),
		}
		if looksLikeHTML(a.Text) {
			a.Text = htmlToText(a.Text)
		}
		if strings.ContainsRune(a.Title, '<') {
			a.Title = htmlToText(a.Title)
		}
		a.Text = strings.ToValidUTF8(a.Text, "\uFFFD")
		a.Title = strings.ToValidUTF8(a.Title, "\uFFFD")
		a.Source = strings.ToValidUTF8(a.Source, "\uFFFD")
		if a.Text == "" {
			in.bare(line, "row %s has no text in column %q, skipped", describeRow(a), header[cols[fieldText]])
			continue
		}
		if err := in.emit(a, line); err != nil {
			return err
		}
	}
}

// csvError reports an error that ends a table.
func (in *input) csvError(err error, line int) error {
	if ctxErr := in.ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	if errors.Is(err, errSpanTooLong) {
		in.fail(line, "%s; the rest of the file is skipped", tooLarge("row"))
		return nil
	}
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		in.fail(perr.StartLine, "invalid CSV: %v; the rest of the file is skipped", perr.Err)
		return nil
	}
	return in.readError(line, err)
}

// tableSeparator returns the separator that splits a header line into
// the most fields.
func tableSeparator(header []byte) byte {
	best, most := byte(','), 0
	for _, sep := range tableSeparators {
		if n := countFields(header, sep); n > most {
			best, most = sep, n
		}
	}
	return best
}

// columnsOf returns, for each article field, the index of the header
// column that holds it (the most preferred name present), or -1.
func columnsOf(header []string) [numFields]int {
	var cols [numFields]int
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if _, seen := index[h]; !seen {
			index[h] = i
		}
	}
	for f := range numFields {
		cols[f] = -1
		for _, name := range fieldNames[f] {
			if i, ok := index[strings.ToLower(name)]; ok {
				cols[f] = i
				break
			}
		}
	}
	return cols
}

// fieldColumnNames quotes the text column for messages.
func fieldColumnNames(col int, header []string) string {
	return fmt.Sprintf("column %q", header[col])
}

// describeRow names a row by its id, URL or title for messages.
func describeRow(a schema.Article) string {
	if id := firstNonEmpty(a.ID, a.URL, a.Title); id != "" {
		return fmt.Sprintf("%q", clip(id, 80))
	}
	return "here"
}

// describeNoTextColumn explains why a table is not a table of articles,
// quoting the start of its first row.
func describeNoTextColumn(header []string, sep byte) string {
	kind := "CSV"
	if sep == '\t' {
		kind = "tab-separated"
	}
	shown := header
	if len(shown) > 6 {
		shown = shown[:6]
	}
	quoted := make([]string, len(shown))
	for i, h := range shown {
		quoted[i] = fmt.Sprintf("%q", clip(h, 30))
	}
	row := strings.Join(quoted, ", ")
	if len(header) > len(shown) {
		row += ", ..."
	}
	msg := fmt.Sprintf("a %s table of %d columns with no text column (first row: %s), not articles; kg reads tables whose header row names the text column (%s)",
		kind, len(header), row, textFields)
	if looksLikeGDELT(header) {
		msg += "; this looks like a GDELT events table, which codes events and links to the articles (SOURCEURL) but holds no article text"
	}
	return msg
}

// looksLikeGDELT reports whether a first row is a GDELT 1.0 or 2.0 events
// row: 57 to 61 columns, an event number and a YYYYMMDD day.
func looksLikeGDELT(row []string) bool {
	if len(row) < 57 || len(row) > 61 {
		return false
	}
	digits := func(s string) bool {
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return s != ""
	}
	return digits(row[0]) && len(row[1]) == 8 && digits(row[1])
}
