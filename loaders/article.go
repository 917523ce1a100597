// Package loaders reads news articles from files, folders and standard input
// in the formats news archives come in (plain text, JSON, JSON Lines, HTML,
// RSS and Atom) and hands them on one at a time, so any corpus size streams
// through with bounded memory. Extraction of facts from an article's text is
// the job of the subpackage extract.
package loaders
