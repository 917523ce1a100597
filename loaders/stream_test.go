package loaders

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// jsonlStream generates n JSON Lines records of about size bytes of text
// each, without holding them all in memory; with array set, the records
// are the elements of one JSON array instead.
type jsonlStream struct {
	n, i  int
	text  string
	array bool
	buf   bytes.Buffer
}

func newJSONLStream(n, size int) *jsonlStream {
	return &jsonlStream{n: n, text: strings.Repeat("Rouhani met Khamis in Tehran. ", size/30+1)[:size]}
}

func (s *jsonlStream) Read(p []byte) (int, error) {
	for s.buf.Len() < len(p) && s.i < s.n {
		s.i++
		if s.array {
			s.buf.WriteString(map[bool]string{true: "[", false: ","}[s.i == 1])
		}
		fmt.Fprintf(&s.buf, `{"id":"a%d","source":"Mehr News Agency","date_publish":"2017-01-18 10:00:00","title":"Story %d","maintext":"%s"}`+"\n", s.i, s.i, s.text)
	}
	if s.i == s.n && s.array && s.n > 0 {
		s.buf.WriteString("]")
		s.array = false
	}
	if s.buf.Len() == 0 {
		return 0, io.EOF
	}
	return s.buf.Read(p)
}

// TestStreamingMemory reads a generated stream of about 75 MB
// (gzipped, as archives come, to exercise that path too) and checks the
// heap stays flat: memory must not grow with the input.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 75 MB")
	}
	for _, name := range []string{"big.jsonl", "big.json"} {
		t.Run(name, func(t *testing.T) {
			const records, size = 25000, 3000
			stream := newJSONLStream(records, size)
			stream.array = name == "big.json"
			src := io.Reader(stream)
			pr, pw := io.Pipe()
			go func() {
				zw := gzip.NewWriter(pw)
				_, err := io.Copy(zw, src)
				if err == nil {
					err = zw.Close()
				}
				pw.CloseWithError(err)
			}()
			var peak uint64
			var ms runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&ms)
			base := ms.HeapAlloc
			n := 0
			err := ReadFrom(context.Background(), name+".gz", pr, Options{}, func(a schema.Article) error {
				n++
				if n%2500 == 0 {
					runtime.GC()
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapAlloc)
				}
				return nil
			}, func(p Problem) { t.Errorf("problem: %v", p) })
			if err != nil {
				t.Fatal(err)
			}
			if n != records {
				t.Errorf("%d records read, want %d", n, records)
			}
			grown := int64(peak) - int64(base)
			t.Logf("live heap grew by %.1f MiB at most", float64(grown)/(1<<20))
			if grown > 16<<20 {
				t.Errorf("live heap grew by %d MiB reading a %d MiB stream; it should stay flat", grown>>20, records*size>>20)
			}
		})
	}
}

func BenchmarkJSONL(b *testing.B) {
	const records, size = 2000, 2000
	var input bytes.Buffer
	if _, err := io.Copy(&input, newJSONLStream(records, size)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(input.Len()))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := ReadFrom(context.Background(), "bench.jsonl", bytes.NewReader(input.Bytes()), Options{}, func(schema.Article) error {
			n++
			return nil
		}, func(p Problem) { b.Fatal(p) })
		if err != nil || n != records {
			b.Fatalf("%d records, err %v", n, err)
		}
	}
}
