package loaders

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "EN": "en", "en-GB": "en", "fr_FR": "fr", "fra": "fr", "eng": "en",
		"French": "fr", "german": "de", "": "", "x1-klingon": "", "12": "", "zzzz": "",
	} {
		if got := NormalizeLanguage(in); got != want {
			t.Errorf("NormalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEnglishIsNeverSkipped identifies the language of every English
// article kg ships or is evaluated on: none may be taken for another
// language, since a skipped article is lost to the graph.
func TestEnglishIsNeverSkipped(t *testing.T) {
	paths := []string{"../testdata", "extract/testdata", "../../shared/corpus"}
	n := 0
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		err := Walk(context.Background(), []string{p}, Options{Skipped: func(s Skip) {
			t.Errorf("%s: %s; text starts %q", s.Article.Origin, s.Reason, clip(s.Article.Text, 120))
		}}, func(a schema.Article) error {
			n++
			return nil
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 20 {
		t.Errorf("only %d articles read; the English corpora were not found", n)
	}
	t.Logf("%d English articles read, none skipped", n)
}

// TestOtherLanguagesAreSkipped: articles in other languages and scripts
// are identified from their text, or trusted from their record's field.
func TestOtherLanguagesAreSkipped(t *testing.T) {
	texts := map[string]string{
		"es": "El presidente iraní Hassan Rohaní recibió el miércoles en Teherán al primer ministro sirio Imad Jamis. Ambos hablaron de las conversaciones previstas en Astaná entre el Gobierno sirio y los grupos armados de la oposición, y de la reconstrucción del país.",
		"ru": "Президент Ирана Хасан Роухани принял в среду в Тегеране премьер-министра Сирии Имада Хамиса. Стороны обсудили предстоящие переговоры в Астане между правительством Сирии и вооруженной оппозицией, а также восстановление страны.",
		"ar": "استقبل الرئيس الإيراني حسن روحاني يوم الأربعاء في طهران رئيس الوزراء السوري عماد خميس، وبحث الجانبان المحادثات المرتقبة في أستانا بين الحكومة السورية وفصائل المعارضة المسلحة وإعادة إعمار البلاد.",
		"tr": "İran Cumhurbaşkanı Hasan Ruhani çarşamba günü Tahran'da Suriye Başbakanı İmad Hamis'i kabul etti. İki taraf Astana'da yapılması planlanan görüşmeleri ve ülkenin yeniden inşasını ele aldı. Cumhurbaşkanlığından yapılan açıklamaya göre Ruhani, ateşkesin barış yolunda önemli bir adım olduğunu söyledi. Suriyeli konuğun perşembe günü hükümetin diğer üyeleriyle de görüşmesi bekleniyor.",
	}
	texts["nl"] = "De Iraanse president Hassan Rohani heeft woensdag in Teheran de Syrische premier Imad Khamis ontvangen. De twee spraken over de geplande gesprekken in Astana tussen de Syrische regering en gewapende groepen van de oppositie, en over de wederopbouw van het land na de val van Aleppo."
	texts["it"] = "Il presidente iraniano Hassan Rohani ha ricevuto mercoledì a Teheran il primo ministro siriano Imad Khamis. I due hanno parlato dei colloqui previsti ad Astana tra il governo siriano e i gruppi armati dell'opposizione, e della ricostruzione del paese dopo la riconquista di Aleppo."
	texts["pt"] = "O presidente iraniano Hassan Rohani recebeu na quarta-feira em Teerã o primeiro-ministro sírio Imad Khamis. Os dois falaram sobre as conversações previstas em Astana entre o governo sírio e os grupos armados da oposição, e sobre a reconstrução do país depois da retomada de Aleppo."
	for lang, text := range texts {
		if got := identifyLanguage("", text, ""); got != lang {
			t.Errorf("%s text identified as %q", lang, got)
		}
		if plainlyEnglish(countEnglish(text)) {
			t.Errorf("%s text taken as plainly English", lang)
		}
	}
	if got := identifyLanguage("fr", "Rouhani met Khamis.", "en"); got != "fr" {
		t.Errorf("a record's language field should win: %q", got)
	}
	if got := identifyLanguage("", "Rouhani met Khamis.", "de-DE"); got != "de" {
		t.Errorf("a short text should take the page's declared language: %q", got)
	}
	if got := identifyLanguage("", "Rouhani met Khamis.", ""); got != "" {
		t.Errorf("a short text without declared language should be unknown, not %q", got)
	}
	short := "Foreign Minister Nanaia Mahuta met Samoan Prime Minister Fiame Naomi Mata'afa on Tuesday. Fiame also met Prime Minister Chris Hipkins."
	if got := identifyLanguage("", short, ""); got != "" && got != English {
		t.Errorf("two short English sentences full of Polynesian names taken for %q", got)
	}
	res := walkAll(t, Options{AnyLanguage: true}, "testdata/lang")
	if len(res.Articles) != 2 || len(res.Skipped) != 0 {
		t.Errorf("AnyLanguage: %d articles, skipped %q; want 2 and none", len(res.Articles), res.Skipped)
	}
}

// TestRefused: what is not articles is refused with a message naming it
// and saying what to do, whatever the file is called.
func TestRefused(t *testing.T) {
	xlsx := zipOf(t, "[Content_Types].xml", "xl/workbook.xml")
	docx := zipOf(t, "[Content_Types].xml", "word/document.xml")
	tests := []struct {
		name, content, want string
	}{
		{"articles.xlsx", xlsx, "an Excel spreadsheet (.xlsx), not articles; save it as CSV (UTF-8) with a header row naming the text column"},
		{"articles.txt", xlsx, "an Excel spreadsheet (.xlsx)"},
		{"story.docx", docx, "a Word document (.docx), not articles; save it as plain text"},
		{"bundle.zip", zipOf(t, "a.txt"), "a ZIP archive, not articles; unpack it"},
		{"report.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", "a PDF document, not articles; turn it into text first"},
		{"old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "an old Microsoft Office file (.xls, .doc)"},
		{"dump.jsonl.zst", "\x28\xB5\x2F\xFD\x04\x00", "zstd-compressed data"},
		{"backup.nq", "<kg:person/a> <kg:name> \"A\" .\n", "an N-Quads dump (as kg dump writes), not articles; add it to a store with kg restore"},
		{"backup", "<kg:person/a> <rdf:type> <kg:Person> .\n<kg:person/a> <kg:name> \"A\" .\n", "an N-Quads dump"},
	}
	for _, tt := range tests {
		var problems []string
		err := ReadFrom(context.Background(), tt.name, strings.NewReader(tt.content), Options{}, func(a schema.Article) error {
			t.Errorf("%s: read as an article: %+v", tt.name, a)
			return nil
		}, func(p Problem) { problems = append(problems, p.Error()) })
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 1 || !strings.HasPrefix(problems[0], tt.name+": "+tt.want) {
			t.Errorf("%s: problems %q, want one starting %q", tt.name, problems, tt.want)
		}
	}
}

func zipOf(t *testing.T, names ...string) string {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	zw.Close()
	return b.String()
}

// TestFieldNames: every name fieldNames lists for a field is read from a
// JSON record into that field, and of two names the first listed wins.
func TestFieldNames(t *testing.T) {
	get := func(a schema.Article, f field) string {
		return [numFields]string{a.ID, a.URL, a.Title, a.Source, a.Published, a.Text, a.Language}[f]
	}
	value := func(f field, i int) string {
		if f == fieldPublished {
			return []string{"2017-01-18", "2017-01-19"}[i]
		}
		if f == fieldLanguage {
			return []string{"en", "fr"}[i]
		}
		return []string{"first value", "second value"}[i]
	}
	for f := range numFields {
		names := fieldNames[f]
		for i, name := range names {
			rec := map[string]string{name: value(f, 0)}
			if f != fieldText {
				rec["text"] = "Some text."
			}
			if i+1 < len(names) {
				rec[names[i+1]] = value(f, 1)
			}
			raw, _ := json.Marshal(rec)
			a, err := parseRecord(raw)
			if err != nil {
				t.Errorf("%s: %v", raw, err)
				continue
			}
			if got := get(a, f); got != value(f, 0) {
				t.Errorf("%s: field %d = %q, want %q (%q listed first)", raw, f, got, value(f, 0), name)
			}
		}
	}
}

// TestStoreFoldersAreNotInput: a folder holding a kg store (any backend's
// files) is never read as articles, inside a folder or named.
func TestStoreFoldersAreNotInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "story.txt"), []byte("Rouhani met Khamis in Tehran on Wednesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, backend := range []string{graph.BackendLevelDB, graph.BackendBolt} {
		s, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: filepath.Join(dir, backend+".db")})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	// A leveldb folder made by another program, without kg's lock file.
	bare := filepath.Join(dir, "cayley-store")
	os.MkdirAll(bare, 0o755)
	os.WriteFile(filepath.Join(bare, "CURRENT"), []byte("MANIFEST-000001\n"), 0o644)
	os.WriteFile(filepath.Join(bare, "000001.log"), []byte("Rouhani met Khamis. Zarif met Lavrov.\n"), 0o644)

	res := walkAll(t, Options{}, dir)
	if len(res.Articles) != 1 || res.Articles[0].Origin != filepath.Join(dir, "story.txt") {
		t.Errorf("articles %+v, want only story.txt", res.Articles)
	}
	if len(res.Problems) != 0 || len(res.Warnings) != 3 {
		t.Errorf("problems %q, warnings %q; want 3 warnings, one a store", res.Problems, res.Warnings)
	}
	for _, w := range res.Warnings {
		if !strings.Contains(w, "a kg store folder, not articles: not read") {
			t.Errorf("warning %q", w)
		}
	}
	named := walkAll(t, Options{}, filepath.Join(dir, "leveldb.db"))
	if len(named.Articles) != 0 || len(named.Problems) != 1 {
		t.Errorf("a store named as input: %d articles, problems %q; want an error", len(named.Articles), named.Problems)
	}
}

// TestSpecialFiles: a named pipe inside a folder, or behind a link in it,
// is passed over with a warning (opening it would wait for a writer
// forever); named on its own it is read, and cancelling ends a wait for a
// writer or for data.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	other := t.TempDir()
	otherFifo := filepath.Join(other, "elsewhere")
	syscall.Mkfifo(otherFifo, 0o644)
	os.Symlink(otherFifo, filepath.Join(dir, "link-to-pipe.jsonl"))
	os.WriteFile(filepath.Join(dir, "story.txt"), []byte("Rouhani met Khamis in Tehran on Wednesday.\n"), 0o644)

	done := make(chan result, 1)
	go func() { done <- walkAll(t, Options{}, dir) }()
	select {
	case res := <-done:
		if len(res.Articles) != 1 || len(res.Problems) != 0 || len(res.Warnings) != 2 {
			t.Errorf("articles %d, problems %q, warnings %q; want the story and two warnings", len(res.Articles), res.Problems, res.Warnings)
		}
		for _, w := range res.Warnings {
			if !strings.Contains(w, "a named pipe (FIFO), not a regular file: skipped") {
				t.Errorf("warning %q", w)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the walk hangs on a named pipe in the folder")
	}

	// Named on its own, a pipe is read.
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(`{"id":"p1","text":"Zarif met Lavrov in Moscow."}` + "\n")
			f.Close()
		}
	}()
	if res := walkAll(t, Options{}, fifo); len(res.Articles) != 1 {
		t.Errorf("a pipe named on its own: %d articles, problems %q", len(res.Articles), res.Problems)
	}

	// Nobody writes: cancelling ends the wait for a writer, then the
	// wait for data.
	for _, writer := range []bool{false, true} {
		if writer {
			go func() {
				f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err == nil {
					f.WriteString(`{"id":"p2","text":"Erdogan called Putin."}` + "\n")
					time.Sleep(3 * time.Second) // then goes quiet, holding the pipe open
					f.Close()
				}
			}()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		start := time.Now()
		read := 0
		err := Walk(ctx, []string{fifo}, Options{}, func(schema.Article) error { read++; return nil }, nil)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("writer %v: Walk returned %v, want the context's error", writer, err)
		}
		if writer && read != 1 {
			t.Errorf("the record written before the writer went quiet was not read (%d articles)", read)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("writer %v: cancelled read of a pipe took %s", writer, took)
		}
	}
}

// countEnglish counts words and englishWords as strings.Fields, Trim and
// ToLower would, in one pass.
func TestCountEnglish(t *testing.T) {
	byDefinition := func(text string) (words, english int) {
		for _, w := range strings.Fields(text) {
			words++
			if englishWords[strings.ToLower(strings.Trim(w, wordPunctuation))] {
				english++
			}
		}
		return words, english
	}
	for _, text := range []string{
		"", "   ", "The", "the,", "(THE)", "“Said”", "said.\u00a0Which\u2003would", "the—and", "Thé", "withheld",
		"\tof\nand\r\nto  that ", "Their'", "'their'", "which.which", "WOULD!?", "été the", "bad \xff the \xc3",
		"Le président a reçu le premier ministre", "He said that the talks, which were held in Vienna, would go on.",
	} {
		gotW, gotE := countEnglish(text)
		wantW, wantE := byDefinition(text)
		if gotW != wantW || gotE != wantE {
			t.Errorf("countEnglish(%q) = %d words, %d English; want %d, %d", text, gotW, gotE, wantW, wantE)
		}
	}
	for w := range englishWords {
		if len(w) > maxEnglishWord {
			t.Errorf("%q is longer than maxEnglishWord (%d)", w, maxEnglishWord)
		}
	}
}
