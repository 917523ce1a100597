package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph/export"
)

// A failed export names the file asked for, not the temporary file it
// was being written to, and leaves neither behind.
func TestExportErrorNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "net.gexf")
	_, err := writeFileAtomically(path, func(w io.Writer) (export.Counts, error) {
		return export.Counts{}, fmt.Errorf("write %s: no space left on device", w.(*os.File).Name())
	})
	if err == nil || !strings.Contains(err.Error(), "write "+path+": no space left") {
		t.Errorf("error %v, want one naming %s", err, path)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v behind", entries)
	}
}
