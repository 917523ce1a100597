package graph

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// A store's location (--db) is a folder for the embedded backends and a
// connection string for PostgreSQL: a URL (postgres://user:password@host/db)
// or key=value pairs (host=... user=... password=...). A connection
// string may hold a password, which kg never prints: every message,
// banner and log line shows a location through RedactLocation, and the
// command line scrubs the secrets of --db from whatever it prints
// (Secrets).

// schemeRE matches the start of a URL: a scheme and "://".
var schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*)://`)

// keyValueRE matches one key=value pair of a PostgreSQL connection string;
// a value is a word or a single-quoted string with \' and \\ escapes.
var keyValueRE = regexp.MustCompile(`(?:^|\s)([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|\S*)`)

// connectionKeys are keys only a PostgreSQL connection string has; a
// location with one of them as a key=value pair is one.
var connectionKeys = map[string]bool{"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "password": true, "sslmode": true}

// secretKeys name the values that are secrets, in key=value strings and in
// a URL's query.
var secretKeys = map[string]bool{"password": true, "sslpassword": true}

// isPostgresScheme reports whether scheme names PostgreSQL.
func isPostgresScheme(scheme string) bool {
	s := strings.ToLower(scheme)
	return s == "postgres" || s == "postgresql"
}

// locationKind says what a location looks like: "url" for scheme://...
// (scheme set), "keyvalue" for a key=value connection string, "" for a
// path.
func locationKind(loc string) (kind, scheme string) {
	if m := schemeRE.FindStringSubmatch(loc); m != nil {
		return "url", m[1]
	}
	for _, m := range keyValueRE.FindAllStringSubmatch(loc, -1) {
		if connectionKeys[strings.ToLower(m[1])] {
			return "keyvalue", ""
		}
	}
	return "", ""
}

// IsConnectionString reports whether loc is a database connection string
// (scheme://... or key=value pairs) rather than a folder.
func IsConnectionString(loc string) bool {
	kind, _ := locationKind(loc)
	return kind != ""
}

// Secrets returns the secrets a location holds — the password of a URL,
// password= values — so that they can be scrubbed from text.
func Secrets(loc string) []string {
	var out []string
	kind, _ := locationKind(loc)
	switch kind {
	case "url":
		if u, err := url.Parse(loc); err == nil {
			if p, ok := u.User.Password(); ok && p != "" {
				out = append(out, p, url.PathEscape(p), url.QueryEscape(p))
			}
			for k, vs := range u.Query() {
				if secretKeys[strings.ToLower(k)] {
					out = append(out, vs...)
				}
			}
		}
		// A URL that does not parse may still hold user:password@.
		if rest := schemeRE.ReplaceAllString(loc, ""); strings.Contains(rest, "@") {
			userinfo := rest[:strings.LastIndex(rest, "@")]
			if _, p, ok := strings.Cut(userinfo, ":"); ok && p != "" {
				out = append(out, p)
			}
		}
	case "keyvalue":
		for _, m := range keyValueRE.FindAllStringSubmatch(loc, -1) {
			if secretKeys[strings.ToLower(m[1])] && m[2] != "" && m[2] != "''" {
				v := m[2]
				out = append(out, v)
				if strings.HasPrefix(v, "'") {
					out = append(out, strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(strings.Trim(v, "'")))
				}
			}
		}
	}
	return dedupeSecrets(out)
}

// dedupeSecrets drops empty and repeated secrets, longest first so that
// scrubbing one does not leave part of another.
func dedupeSecrets(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// Scrub replaces each secret in text by ***.
func Scrub(text string, secrets []string) string {
	for _, s := range secrets {
		text = strings.ReplaceAll(text, s, "***")
	}
	return text
}

// RedactLocation returns loc fit to print: the password of a URL, and
// password= values, replaced by ***.
func RedactLocation(loc string) string {
	kind, _ := locationKind(loc)
	switch kind {
	case "url":
		head := schemeRE.FindString(loc)
		rest := loc[len(head):]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
			if user, _, ok := strings.Cut(rest[:at], ":"); ok {
				rest = user + ":***" + rest[at:]
			}
		}
		if q := strings.IndexByte(rest, '?'); q >= 0 {
			params := strings.Split(rest[q+1:], "&")
			for i, p := range params {
				if k, _, ok := strings.Cut(p, "="); ok && secretKeys[strings.ToLower(k)] {
					params[i] = k + "=***"
				}
			}
			rest = rest[:q+1] + strings.Join(params, "&")
		}
		return head + rest
	case "keyvalue":
		return keyValueRE.ReplaceAllStringFunc(loc, func(m string) string {
			sub := keyValueRE.FindStringSubmatch(m)
			if !secretKeys[strings.ToLower(sub[1])] {
				return m
			}
			return strings.TrimSuffix(m, sub[2]) + "***"
		})
	}
	return loc
}
