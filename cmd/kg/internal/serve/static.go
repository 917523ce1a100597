package serve

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

// The web app: kg's own page, script and style, and the browser graph
// library (Cytoscape.js) that .ci/web.sh installs from the npm registry
// into web/vendor. All of it is in the binary, so kg serve needs no
// network.
//
//go:embed web/index.html web/app.js web/app.css web/vendor/cytoscape.min.js web/vendor/cytoscape.LICENSE
var webFiles embed.FS

var indexPage = template.Must(template.ParseFS(webFiles, "web/index.html"))

// serveIndex serves the app's one page, with the token its edits must
// carry when edits are allowed.
func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	data := struct {
		Store      string
		Backend    string
		AllowEdits bool
		EditToken  string
	}{Store: s.opt.StoreName, Backend: s.store.Backend(), AllowEdits: s.opt.AllowEdits}
	if s.opt.AllowEdits {
		data.EditToken = s.editToken
	}
	if err := indexPage.Execute(&b, data); err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(b.Bytes())
}

// staticFiles serves the app's script, style and libraries.
func (s *Server) staticFiles() http.Handler {
	sub, err := fs.Sub(webFiles, "web")
	if err != nil {
		panic(err) // the embedded tree always has web/
	}
	files := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
