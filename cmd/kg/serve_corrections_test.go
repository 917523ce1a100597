package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The corrections of kg serve's pages, through the API: merge, split,
// retract and undo, refused without --allow-edits or the page's token,
// made once when many clients ask at once, seen by every page at once,
// and the same corrections kg corrections and kg show read afterwards.

// editToken reads the edit token the app's page carries.
func editToken(t *testing.T, srv *servedKG) string {
	t.Helper()
	resp, err := http.Get(srv.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="kg-edit-token" content="([0-9a-f]+)"`).FindSubmatch(page)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// correct posts a correction with the given token and origin ("" for
// none) and returns the status and the answer.
func (s *servedKG) correct(t *testing.T, action, token, origin, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", s.url+"/api/v1/corrections/"+action, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("X-KG-Edit-Token", token)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("POST %s: %v", action, err)
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// correctionAnswer is the answer to a correction.
type correctionAnswer struct {
	Correction struct {
		ID       string   `json:"id"`
		Action   string   `json:"action"`
		What     string   `json:"what"`
		By       string   `json:"by"`
		At       string   `json:"at"`
		Why      string   `json:"why"`
		Undoes   string   `json:"undoes"`
		UndoneBy string   `json:"undoneBy"`
		InForce  bool     `json:"inForce"`
		Target   []string `json:"target"`
	} `json:"correction"`
	Message string `json:"message"`
}

// mustCorrect makes a correction that must succeed.
func (s *servedKG) mustCorrect(t *testing.T, token, action, body string) correctionAnswer {
	t.Helper()
	code, ans := s.correct(t, action, token, "", body)
	var got correctionAnswer
	if err := json.Unmarshal([]byte(ans), &got); code != http.StatusOK || err != nil || got.Correction.ID == "" {
		t.Fatalf("%s %s: %d %v %s\n%s", action, body, code, err, ans, s.log)
	}
	return got
}

// TestServeCorrectionsRefused: every correction is refused (403) without
// --allow-edits, without the page's token, with another token, or from
// another site's page, and nothing is corrected.
func TestServeCorrectionsRefused(t *testing.T) {
	db, _ := loadedStore(t)
	bodies := map[string]string{
		"merge":   `{"from": "kg:person/imd-hms", "into": "kg:person/hsn-run"}`,
		"split":   `{"person": "kg:person/run/president-iran"}`,
		"retract": `{"fact": "meeting/7a02424a4887"}`,
		"undo":    `{"correction": "2020"}`,
	}
	actions := []string{"merge", "split", "retract", "undo"}

	off := startServe(t, db)
	if tok := editToken(t, off); tok != "" {
		t.Errorf("without --allow-edits the page carries an edit token")
	}
	for _, action := range actions {
		code, body := off.correct(t, action, "0123", "", bodies[action])
		if code != http.StatusForbidden || !strings.Contains(body, "--allow-edits") {
			t.Errorf("%s without --allow-edits: %d %s, want 403 naming --allow-edits", action, code, body)
		}
	}
	off.stop(t)

	on := startServe(t, db, "--allow-edits")
	token := editToken(t, on)
	if token == "" {
		t.Fatal("with --allow-edits the page carries no edit token")
	}
	u, _ := url.Parse(on.url)
	tests := []struct{ name, token, origin string }{
		{"no token", "", ""},
		{"another token", strings.Repeat("0", len(token)), ""},
		{"the token from another site's page", token, "http://attacker.example"},
		{"no token from the page's origin", "", "http://" + u.Host},
	}
	for _, tc := range tests {
		for _, action := range actions {
			if code, body := on.correct(t, action, tc.token, tc.origin, bodies[action]); code != http.StatusForbidden {
				t.Errorf("%s with %s: %d %s, want 403", action, tc.name, code, body)
			}
		}
	}
	var list struct{ Corrections []json.RawMessage }
	on.get(t, "/api/v1/corrections", http.StatusOK, &list)
	if len(list.Corrections) != 0 {
		t.Errorf("refused corrections were made: %s", list.Corrections)
	}
}

// timelineIDs lists the facts of a person's timeline.
func timelineIDs(t *testing.T, srv *servedKG, person string) []string {
	t.Helper()
	var tl struct {
		Entries []struct {
			ID   string `json:"id"`
			What string `json:"what"`
		}
	}
	srv.get(t, "/api/v1/timeline?id="+url.QueryEscape(person), http.StatusOK, &tl)
	var ids []string
	for _, e := range tl.Entries {
		ids = append(ids, e.What+" "+e.ID)
	}
	return ids
}

// searchIDs lists the people the search box finds for q.
func searchIDs(t *testing.T, srv *servedKG, q string) []string {
	t.Helper()
	var found struct {
		People []struct{ ID string }
	}
	srv.get(t, "/api/v1/people?q="+url.QueryEscape(q), http.StatusOK, &found)
	var ids []string
	for _, p := range found.People {
		ids = append(ids, p.ID)
	}
	return ids
}

// race runs n copies of one correction at once, with readers asking the
// pages' questions meanwhile, and returns the answers' statuses; every
// reader must be answered.
func race(t *testing.T, srv *servedKG, token, action, body string, n int) map[int]int {
	t.Helper()
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			code, _ := srv.correct(t, action, token, "", body)
			mu.Lock()
			codes[code]++
			mu.Unlock()
		}()
		go func() {
			defer wg.Done()
			for _, path := range []string{"/api/v1/timeline?id=kg:person/hsn-run", "/api/v1/people?q=Rouhani", "/api/v1/corrections"} {
				resp, err := http.Get(srv.url + path)
				if err != nil {
					t.Errorf("GET %s during %s: %v", path, action, err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					t.Errorf("GET %s during %s: %d", path, action, resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	return codes
}

// TestServeCorrections: with --allow-edits and the page's token, the API
// retracts a meeting, an office and an event, splits a joined name off,
// merges two people and undoes each; many clients asking for one
// correction at once make it once; every answer shows each correction at
// once; kg corrections and kg show read them after the server stops.
func TestServeCorrections(t *testing.T) {
	db, env := loadedStore(t)
	srv := startServe(t, db, "--allow-edits")
	token := editToken(t, srv)
	const rouhani = "kg:person/hsn-run"
	before := timelineIDs(t, srv, rouhani)
	var meeting, event string
	for _, e := range before {
		what, id, _ := strings.Cut(e, " ")
		switch {
		case what == "meeting" && meeting == "":
			meeting = id
		case what == "event" && event == "":
			event = id
		}
	}
	if meeting == "" {
		t.Fatalf("Rouhani's timeline has no meeting: %v", before)
	}

	// Eight clients retract the meeting at once: one does, the others
	// are told it is retracted already.
	retractBody := fmt.Sprintf(`{"fact": %q, "why": "a courtesy call, not talks", "by": "jane"}`, meeting)
	if codes := race(t, srv, token, "retract", retractBody, 8); codes[http.StatusOK] != 1 || codes[http.StatusConflict] != 7 {
		t.Fatalf("eight retractions of one meeting at once: statuses %v, want one 200 and seven 409\n%s", codes, srv.log)
	}
	if got := timelineIDs(t, srv, rouhani); slices.Contains(got, "meeting "+meeting) || len(got) != len(before)-1 {
		t.Errorf("after the retraction Rouhani's timeline is %v, want %v without %s", got, before, meeting)
	}
	var pair struct{ Meetings []struct{ ID string } }
	srv.get(t, "/api/v1/meetings?person="+rouhani, http.StatusOK, &pair)
	for _, m := range pair.Meetings {
		if m.ID == meeting {
			t.Errorf("the retracted meeting is still listed among Rouhani's meetings")
		}
	}
	var fact struct {
		ID        string
		Context   string
		Retracted *struct{ ID, By, Why, What string }
		Evidence  []struct{ Sentences []string }
	}
	srv.get(t, "/api/v1/fact?id="+url.QueryEscape(meeting), http.StatusOK, &fact)
	if fact.Retracted == nil || fact.Retracted.By != "jane" || fact.Retracted.Why != "a courtesy call, not talks" || len(fact.Evidence) == 0 {
		t.Fatalf("the retracted meeting's evidence: %+v, want it marked retracted by jane, with its sentences", fact)
	}
	retraction := fact.Retracted.ID

	// Undo it, eight clients at once: it is undone once, and is back.
	undoBody := fmt.Sprintf(`{"correction": %q, "by": "jane"}`, retraction)
	if codes := race(t, srv, token, "undo", undoBody, 8); codes[http.StatusOK] != 1 || codes[http.StatusConflict] != 7 {
		t.Fatalf("eight undos of one retraction at once: statuses %v, want one 200 and seven 409", codes)
	}
	if got := timelineIDs(t, srv, rouhani); !slices.Equal(got, before) {
		t.Errorf("after the undo Rouhani's timeline is %v, want %v again", got, before)
	}

	// An office and an event, retracted and back.
	var profile struct {
		OfficeHistory []struct{ ID string }
		Joined        []struct {
			ID, Name, By string
		}
	}
	srv.get(t, "/api/v1/person?id="+rouhani, http.StatusOK, &profile)
	if len(profile.OfficeHistory) == 0 {
		t.Fatal("Rouhani has no office")
	}
	office := profile.OfficeHistory[0].ID
	done := srv.mustCorrect(t, token, "retract", fmt.Sprintf(`{"fact": %q}`, office))
	srv.get(t, "/api/v1/person?id="+rouhani, http.StatusOK, &profile)
	for _, o := range profile.OfficeHistory {
		if o.ID == office {
			t.Errorf("the retracted office %s is still on Rouhani's page", office)
		}
	}
	srv.mustCorrect(t, token, "undo", fmt.Sprintf(`{"correction": %q}`, done.Correction.ID))
	srv.get(t, "/api/v1/person?id="+rouhani, http.StatusOK, &profile)
	if len(profile.OfficeHistory) == 0 || profile.OfficeHistory[0].ID != office {
		t.Errorf("after the undo Rouhani's offices are %+v, want %s back", profile.OfficeHistory, office)
	}
	if event != "" {
		done := srv.mustCorrect(t, token, "retract", fmt.Sprintf(`{"fact": %q}`, event))
		if got := timelineIDs(t, srv, rouhani); slices.Contains(got, "event "+event) {
			t.Errorf("the retracted event is still in the timeline")
		}
		srv.mustCorrect(t, token, "undo", fmt.Sprintf(`{"correction": %q}`, done.Correction.ID))
		if got := timelineIDs(t, srv, rouhani); !slices.Equal(got, before) {
			t.Errorf("after the event's undo the timeline is %v, want %v", got, before)
		}
	}

	// Split the short form kg joined to Rouhani: "Rouhani" now fits two
	// people; undo, and one again.
	var short string
	for _, j := range profile.Joined {
		if j.By == "kg" {
			short = j.ID
		}
	}
	if short == "" {
		t.Fatalf("no short form is joined to Rouhani: %+v", profile.Joined)
	}
	split := srv.mustCorrect(t, token, "split", fmt.Sprintf(`{"person": %q, "why": "could be another Rouhani"}`, short))
	if got := searchIDs(t, srv, "Rouhani"); len(got) != 2 {
		t.Errorf("after the split, Rouhani finds %v, want two people", got)
	}
	if code, body := srv.correct(t, "split", token, "", fmt.Sprintf(`{"person": %q}`, short)); code != http.StatusConflict {
		t.Errorf("splitting again: %d %s, want 409", code, body)
	}
	srv.mustCorrect(t, token, "undo", fmt.Sprintf(`{"correction": %q}`, split.Correction.ID))
	if got := searchIDs(t, srv, "Rouhani"); !slices.Equal(got, []string{rouhani}) {
		t.Errorf("after undoing the split, Rouhani finds %v, want %s alone", got, rouhani)
	}

	// Merge Khamis into Rouhani and undo it.
	khamis := searchIDs(t, srv, "Khamis")
	if len(khamis) != 1 {
		t.Fatalf("Khamis finds %v", khamis)
	}
	merge := srv.mustCorrect(t, token, "merge", fmt.Sprintf(`{"from": %q, "into": %q, "why": "testing"}`, khamis[0], rouhani))
	if got := searchIDs(t, srv, "Imad Khamis"); !slices.Equal(got, []string{rouhani}) {
		t.Errorf("after the merge Imad Khamis finds %v, want Rouhani", got)
	}
	srv.mustCorrect(t, token, "undo", fmt.Sprintf(`{"correction": %q}`, merge.Correction.ID))
	if got := searchIDs(t, srv, "Imad Khamis"); !slices.Equal(got, khamis) {
		t.Errorf("after undoing the merge Imad Khamis finds %v, want %v", got, khamis)
	}

	// Wrong requests say what is wrong.
	for _, tc := range []struct{ action, body string }{
		{"retract", `{"fact": "person/hsn-run"}`},
		{"retract", `{}`},
		{"undo", `{"correction": "19990101"}`},
		{"split", `{"person": "Rouhani"}`},
		{"merge", `{"from": "kg:person/nobody-at-all", "into": "kg:person/hsn-run"}`},
		{"retract", `{"fact": "meeting/x", "colour": "red"}`},
	} {
		code, body := srv.correct(t, tc.action, token, "", tc.body)
		if code < 400 || code >= 500 || !strings.Contains(body, `"error"`) {
			t.Errorf("%s %s: %d %s, want a 4xx error", tc.action, tc.body, code, body)
		}
	}

	// The record: who, when, why, as kg corrections reads it after the
	// server stops.
	var list struct {
		Corrections []struct {
			ID, Action, By, At, Why, UndoneBy string
		}
	}
	srv.get(t, "/api/v1/corrections", http.StatusOK, &list)
	if srv.stop(t) != 0 {
		t.Fatalf("kg serve did not stop cleanly:\n%s", srv.log)
	}
	out, errOut, code := runKG(t, env, "corrections", "--format", "json")
	var cli []struct{ ID, Action, By, Why, State string }
	if err := json.Unmarshal([]byte(out), &cli); err != nil || code != 0 {
		t.Fatalf("kg corrections: exit %d %v\n%s%s", code, err, out, errOut)
	}
	want := 8 // a meeting, an office, a split, a merge, and their undos
	if event != "" {
		want += 2
	}
	if len(cli) != len(list.Corrections) || len(cli) != want {
		t.Fatalf("kg corrections lists %d corrections, the server %d; want %d (each correction and its undo)", len(cli), len(list.Corrections), want)
	}
	for i, c := range list.Corrections {
		if cli[i].ID != c.ID || cli[i].Action != c.Action || cli[i].By != c.By || cli[i].Why != c.Why {
			t.Errorf("correction %d: the server says %+v, kg corrections %+v", i, c, cli[i])
		}
		if c.At == "" || c.By == "" {
			t.Errorf("correction %s is not dated or signed: %+v", c.ID, c)
		}
		if c.Action != "undo" && c.UndoneBy == "" {
			t.Errorf("correction %s (%s) is not undone", c.ID, c.Action)
		}
	}
	if list.Corrections[0].By != "jane" || list.Corrections[0].Why != "a courtesy call, not talks" {
		t.Errorf("the first correction: %+v, want jane's retraction", list.Corrections[0])
	}
	show, errOut, code := runKG(t, env, "show", meeting)
	if code != 0 || strings.Contains(show, "RETRACTED") {
		t.Errorf("kg show %s after the undo: exit %d, %s%s", meeting, code, show, errOut)
	}
}
