package jsonout

import (
	"bytes"
	"encoding/json"
	"testing"
)

// sameAsIndent checks AppendIndent against json.Indent on the compact form
// of src, which must be valid JSON.
func sameAsIndent(t *testing.T, src []byte, prefix, indent string) {
	t.Helper()
	var compact bytes.Buffer
	if err := json.Compact(&compact, src); err != nil {
		t.Fatalf("%q is not JSON: %v", src, err)
	}
	var want bytes.Buffer
	if err := json.Indent(&want, compact.Bytes(), prefix, indent); err != nil {
		t.Fatal(err)
	}
	got := AppendIndent([]byte("kept:"), compact.Bytes(), prefix, indent)
	if string(got) != "kept:"+want.String() {
		t.Errorf("AppendIndent(%s, %q, %q) =\n%s\nwant\n%s", compact.Bytes(), prefix, indent, got[5:], want.Bytes())
	}
}

func TestAppendIndent(t *testing.T) {
	for _, src := range []string{
		`1`, `"x"`, `null`, `true`, `{}`, `[]`, `[[]]`, `{"a":{}}`, `[{},[],{"b":[]}]`,
		`{"name":"Hassan Rouhani","aliases":["Rouhani"],"roles":[{"title":"President","of":"Iran","current":true}]}`,
		`["a,b","c:d","{[e]}","quote \" inside","back\\slash","\\","\\\"","\u00e9t\u00e9 <&>"]`,
		`{"n":-1.5e-3,"m":0,"deep":[[[[{"k":[1,2,{"z":null}]}]]]]}`,
		`{"evidence":[{"sentences":["Zarif met Kerry in Vienna, on Tuesday: \"talks\"."],"rules":["meet"]}]}`,
	} {
		for _, style := range [][2]string{{"", "  "}, {"  ", "  "}, {"> ", "\t"}} {
			sameAsIndent(t, []byte(src), style[0], style[1])
		}
	}
}

func FuzzAppendIndent(f *testing.F) {
	f.Add([]byte(`{"a":[1,"b\"c",{}],"d":{"e":[]}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		if !json.Valid(src) {
			return
		}
		sameAsIndent(t, src, "  ", "  ")
	})
}
