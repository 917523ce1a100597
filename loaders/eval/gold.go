package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/kg-project/kg/schema"
)

// ReadGold reads a gold annotation file: {"articles": [...]} in the format
// of corpus/README.md. Errors name the file and, for malformed JSON, the
// line.
func ReadGold(path string) ([]schema.Facts, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	return ParseGold(path, b)
}

// ParseGold parses the contents of a gold annotation file; name is used in
// error messages.
func ParseGold(name string, b []byte) ([]schema.Facts, error) {
	var doc struct {
		Articles *[]schema.Facts `json:"articles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s%s: not a gold annotation file: %w", name, jsonLine(b, err), err)
	}
	if doc.Articles == nil {
		return nil, fmt.Errorf("%s: not a gold annotation file: no \"articles\" list", name)
	}
	seen := map[string]bool{}
	for i, a := range *doc.Articles {
		if strings.TrimSpace(a.ID) == "" {
			return nil, fmt.Errorf("%s: article %d has no id", name, i+1)
		}
		if seen[a.ID] {
			return nil, fmt.Errorf("%s: article id %q appears twice", name, a.ID)
		}
		seen[a.ID] = true
	}
	return *doc.Articles, nil
}

// jsonLine returns ":LINE" for a JSON decoding error that has an offset.
func jsonLine(b []byte, err error) string {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	if off < 0 || off > int64(len(b)) {
		return ""
	}
	return fmt.Sprintf(":%d", bytes.Count(b[:off], []byte("\n"))+1)
}

// lineSuffix matches the ":LINE" that Article.Origin carries for records
// of line-based files.
var lineSuffix = regexp.MustCompile(`:\d+$`)

// GoldID says which gold article an input article is: the one with the
// same id or, failing that, the one named like the file it was read from
// without its extension (plain-text files have no id of their own, and
// the seeds' file names are their gold ids). ok is false when neither
// matches.
func GoldID(a schema.Article, gold map[string]bool) (id string, ok bool) {
	if gold[a.ID] {
		return a.ID, true
	}
	origin := lineSuffix.ReplaceAllString(a.Origin, "")
	if origin == "" {
		return "", false
	}
	base := filepath.Base(origin)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if gold[base] {
		return base, true
	}
	return "", false
}
