package eval

import (
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// with sets a meeting's evidence sentence.
func with(evidence string, m schema.Meeting) schema.Meeting {
	m.Evidence = evidence
	return m
}

// TestGroups gives each grouping rule an error of its own, from short
// sentences written for the test, and checks that the error lands in the
// rule's group. Every rule must be the deciding one for some case.
func TestGroups(t *testing.T) {
	people := []schema.Person{person("Amara Kone", "Kone"), person("Lars Holm", "Holm"), person("Dina Osei", "Osei"),
		person("Petr Vlk", "Vlk"), person("Mira Sand", "Sand")}
	found := []schema.Person{person("Amara Kone"), person("Lars Holm"), person("Dina Osei"), person("Petr Vlk"), person("Mira Sand")}
	const (
		received  = "Kone received Holm in Port Elin on Tuesday."
		present   = "Kone received Holm on Tuesday. Also present were Dina Osei and Petr Vlk."
		separate  = "Kone met separately on Tuesday with Lars Holm, Dina Osei and Mira Sand."
		guest     = "The president and his guest discussed trade on Tuesday."
		planned   = "Kone is expected to meet Holm next month."
		byPhone   = "Kone spoke by phone with Holm on Tuesday."
		courtesy  = "Osei paid a courtesy call on Vlk on Tuesday."
		talksLate = "The talks ran late."
	)
	hit := map[int]bool{} // rules that decided a case
	for _, tc := range []struct {
		name       string
		gold, pred schema.Facts
		kind, fact string // of the error looked at
		group      string
	}{
		{"a person missed",
			facts("a", people, nil), facts("a", found[:4], nil),
			Miss, "Mira Sand", "mentions"},
		{"a role with a word missing",
			facts("a", people, []schema.Role{roleOf("Dina Osei", "Finance Minister")}), facts("a", found, []schema.Role{roleOf("Dina Osei", "Minister")}),
			FalseHit, "Dina Osei: Minister", "mentions"},
		{"any call error",
			facts("a", people, nil, with(byPhone, call("2024-03-05", "Amara Kone", "Lars Holm"))), facts("a", found, nil),
			Miss, "Amara Kone + Lars Holm, 2024-03-05", "calls"},
		{"a meeting with a mangled name",
			facts("a", people, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			facts("a", found, nil, with(received, meeting("2024-03-05", "Amara Kone", "FM Lars Holm"))),
			FalseHit, "Amara Kone + FM Lars Holm, 2024-03-05", "mentions"},
		{"a meeting missed because it was taken for a call",
			facts("a", people, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			facts("a", found, nil, with(received, call("2024-03-05", "Amara Kone", "Lars Holm"))),
			Miss, "Amara Kone + Lars Holm, 2024-03-05", "calls"},
		{"a call taken for a meeting",
			facts("a", people, nil, with(byPhone, call("2024-03-05", "Amara Kone", "Lars Holm"))),
			facts("a", found, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			FalseHit, "Amara Kone + Lars Holm, 2024-03-05", "calls"},
		{"a phone call the gold leaves out, taken for a meeting",
			facts("a", people, nil), facts("a", found, nil, with(byPhone, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			FalseHit, "Amara Kone + Lars Holm, 2024-03-05", "calls"},
		{"the right pair on a wrong date",
			facts("a", people, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			facts("a", found, nil, with(received, meeting("2024-03-04", "Amara Kone", "Lars Holm"))),
			Miss, "Amara Kone + Lars Holm, 2024-03-05", "dates"},
		{"guests of separate meetings put in one",
			facts("a", people, nil, with(separate, meeting("2024-03-05", "Amara Kone", "Lars Holm")), with(separate, meeting("2024-03-05", "Amara Kone", "Dina Osei"))),
			facts("a", found, nil, with(separate, meeting("2024-03-05", "Amara Kone", "Lars Holm", "Dina Osei"))),
			FalseHit, "Dina Osei + Lars Holm, 2024-03-05", "many-meetings"},
		{"a planned meeting",
			facts("a", people, nil), facts("a", found, nil, with(planned, meeting("2024-04", "Amara Kone", "Lars Holm"))),
			FalseHit, "Amara Kone + Lars Holm, 2024-04", "not-a-meeting"},
		{"a participant not found as a person",
			facts("a", people, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm"))), facts("a", found[1:], nil),
			Miss, "Amara Kone + Lars Holm, 2024-03-05", "mentions"},
		{"an attendee named in an attendance sentence",
			facts("a", people, nil, with(present, meeting("2024-03-05", "Amara Kone", "Lars Holm", "Dina Osei", "Petr Vlk"))), facts("a", found, nil),
			Miss, "Dina Osei + Petr Vlk, 2024-03-05", "attendees"},
		{"an attendee not added to a meeting that was found",
			facts("a", people, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm", "Mira Sand"))),
			facts("a", found, nil, with(received, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			Miss, "Lars Holm + Mira Sand, 2024-03-05", "attendees"},
		{"a participant named by description",
			facts("a", people, nil, with(guest, meeting("2024-03-05", "Amara Kone", "Lars Holm"))), facts("a", found, nil),
			Miss, "Amara Kone + Lars Holm, 2024-03-05", "descriptions"},
		{"one sentence, separate meetings",
			facts("a", people, nil, with(separate, meeting("2024-03-05", "Amara Kone", "Lars Holm")), with(separate, meeting("2024-03-05", "Amara Kone", "Mira Sand"))),
			facts("a", found, nil, with(separate, meeting("2024-03-05", "Amara Kone", "Lars Holm"))),
			Miss, "Amara Kone + Mira Sand, 2024-03-05", "many-meetings"},
		{"both named, the predicate not understood",
			facts("a", people, nil, with(courtesy, meeting("2024-03-05", "Dina Osei", "Petr Vlk"))), facts("a", found, nil),
			Miss, "Dina Osei + Petr Vlk, 2024-03-05", "predicates"},
		{"nothing to go on",
			facts("a", people, nil, with(talksLate, meeting("2024-03-05", "Dina Osei", "Petr Vlk"))), facts("a", found, nil),
			Miss, "Dina Osei + Petr Vlk, 2024-03-05", "other"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate([]schema.Facts{tc.gold}, []schema.Facts{tc.pred})
			for _, e := range r.Errors {
				if e.Kind != tc.kind || e.Fact != tc.fact {
					continue
				}
				if e.Group != tc.group {
					t.Errorf("%s %s: group %q, want %q", e.Kind, e.Fact, e.Group, tc.group)
				}
				hit[ruleFor(e)] = true
				return
			}
			var facts []string
			for _, e := range r.Errors {
				facts = append(facts, e.Kind+" "+e.Fact)
			}
			t.Fatalf("no %s %q among %s", tc.kind, tc.fact, strings.Join(facts, "; "))
		})
	}
	for i, r := range groupRules {
		if !hit[i] {
			t.Errorf("rule %d (%s %s %v) decides no case", i, r.group, r.kind, r.categories)
		}
	}
}
