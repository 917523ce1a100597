// Package text cuts an article's text into the units every later stage of
// extraction works on: tokens (words, numbers, punctuation and quotes, each
// with its byte offsets) and sentences (runs of tokens, with the paragraph
// they belong to and whether they are a headline or inside quotation
// marks). It knows spelling, not meaning: which words are names, titles or
// verbs is for the stages above it.
//
// Normalize repairs the damage text picks up on its way from a web page to
// a feed (HTML entities, stray entity names, non-breaking spaces) before
// tokenising, so that "Mikati&rsquo;s" reads as "Mikati’s".
package text
