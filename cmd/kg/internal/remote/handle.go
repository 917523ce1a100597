// Package remote lets kg commands share a store with kg serve. An embedded
// store admits one process at a time; while kg serve holds one, it
// announces itself in a file inside the store folder (kg.serve: its
// address, its process id and a secret token, readable by the store's
// owner only). A command that finds that file, and a server there that
// knows the token, sends its work to the server instead of opening the
// store: queries, stats, exports, dumps, the REPL and loads.
//
// The messages exchanged (the query and load streams) are defined here
// too, so that the server and its clients agree on them.
package remote

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// HandleName is the file, inside an embedded store's folder, in which kg
// serve announces itself.
const HandleName = "kg.serve"

// TokenHeader carries the handle's token: a request bearing it comes from
// someone who can read the store folder.
const TokenHeader = "X-KG-Token"

// Handle is what kg serve writes into HandleName.
type Handle struct {
	URL     string    `json:"url"`   // http://127.0.0.1:7474
	PID     int       `json:"pid"`   // the kg serve process
	Token   string    `json:"token"` // the secret local commands present
	Store   string    `json:"store"` // the store folder, absolute
	Started time.Time `json:"started"`
}

// NewToken returns a fresh random secret, as hex.
func NewToken() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("read random bytes: %v", err)) // crypto/rand does not fail on Linux
	}
	return hex.EncodeToString(b)
}

// Announce writes h into the store folder dir, readable by its owner only,
// and returns a function that removes it again.
func Announce(dir string, h Handle) (remove func() error, err error) {
	path := filepath.Join(dir, HandleName)
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, "."+HandleName+".*")
	if err != nil {
		return nil, fmt.Errorf("announce the server in %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("announce the server in %s: %w", dir, err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("announce the server in %s: %w", dir, err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("announce the server in %s: %w", dir, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, fmt.Errorf("announce the server in %s: %w", dir, err)
	}
	return func() error {
		// Remove only our own announcement, not one a later server wrote.
		if got, err := readHandle(path); err == nil && got.Token != h.Token {
			return nil
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}, nil
}

func readHandle(path string) (Handle, error) {
	var h Handle
	b, err := os.ReadFile(path)
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	return h, nil
}

// Find returns a client of the kg serve that holds the embedded store in
// folder dir, or nil when no server holds it: no announcement, or one left
// by a server that is gone (its address does not answer, or answers
// without knowing the token). It waits at most two seconds for an answer.
func Find(ctx context.Context, dir string) (*Client, error) {
	if dir == "" {
		return nil, nil
	}
	h, err := readHandle(filepath.Join(dir, HandleName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		// An announcement we cannot read (another user's server, a
		// damaged file) says nothing we can use.
		return nil, nil
	}
	c := newClient(h)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := c.ping(ctx); err != nil {
		return nil, nil
	}
	return c, nil
}
