package ingest

import (
	"context"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func TestKnownTriplesDropsRepeatedDescriptions(t *testing.T) {
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	art1, art2 := schema.ArticleIRI("one"), schema.ArticleIRI("two")
	person := schema.PersonIRI("Ada Lovelace")
	typed := quad.Quad{Subject: person, Predicate: schema.Type, Object: schema.ClassPerson}
	named := quad.Quad{Subject: person, Predicate: schema.Name, Object: quad.String("Ada Lovelace")}
	keyed := quad.Quad{Subject: person, Predicate: schema.Key, Object: quad.String("lvlc")}
	mention := func(art quad.IRI) quad.Quad {
		return quad.Quad{Subject: art, Predicate: schema.Mentions, Object: person, Label: art}
	}
	// An older store may hold a description under an article's label; it
	// counts as stored all the same.
	labelledName := named
	labelledName.Label = art1
	if err := store.Write(ctx, []quad.Quad{typed, labelledName, mention(art1)}); err != nil {
		t.Fatal(err)
	}

	k := newKnownTriples(store)
	batch := []quad.Quad{typed, named, keyed, mention(art2), keyed}
	kept, commit, err := k.filter(ctx, slices.Clone(batch))
	if err != nil {
		t.Fatal(err)
	}
	if want := []quad.Quad{keyed, mention(art2)}; !slices.Equal(kept, want) {
		t.Fatalf("filter kept %v, want %v (new description once, every report)", kept, want)
	}
	if len(k.known) != 0 {
		t.Errorf("%d triples remembered before the batch was written", len(k.known))
	}
	if err := store.Write(ctx, kept); err != nil {
		t.Fatal(err)
	}
	commit()
	if len(k.known) != 3 {
		t.Errorf("%d triples remembered after the write, want the 3 descriptions looked up", len(k.known))
	}

	// Remembered triples are dropped without asking the store, which is
	// closed here to prove it.
	again := []quad.Quad{keyed, typed, mention(art2)}
	closed, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	k.store = closed
	kept, _, err = k.filter(ctx, slices.Clone(again))
	if err != nil {
		t.Fatal(err)
	}
	if want := []quad.Quad{mention(art2)}; !slices.Equal(kept, want) {
		t.Errorf("second filter kept %v, want only the report %v", kept, want)
	}

	// Past its bound the memory is emptied and the store asked again.
	k.store = store
	k.max = 1
	other := quad.Quad{Subject: person, Predicate: schema.Alias, Object: quad.String("Countess of Lovelace")}
	kept, commit, err = k.filter(ctx, []quad.Quad{other, named})
	if err != nil {
		t.Fatal(err)
	}
	if want := []quad.Quad{other}; !slices.Equal(kept, want) {
		t.Errorf("filter past the bound kept %v, want %v", kept, want)
	}
	commit()
	if len(k.known) > 2 {
		t.Errorf("%d triples remembered with a bound of 1; the set was not emptied", len(k.known))
	}
}

// Triples that differ only in a value's kind (an IRI or a string of the
// same text), or in where one value ends and the next begins, are
// different triples to knownTriples.
func TestKnownTriplesHashTellsTriplesApart(t *testing.T) {
	k := newKnownTriples(nil)
	p := schema.Name
	for _, c := range []struct {
		name string
		a, b quad.Quad
	}{
		{"IRI or string object", quad.Quad{Subject: quad.IRI("kg:x"), Predicate: p, Object: quad.IRI("y")}, quad.Quad{Subject: quad.IRI("kg:x"), Predicate: p, Object: quad.String("y")}},
		{"boundary between values", quad.Quad{Subject: quad.IRI("ab"), Predicate: quad.IRI("c"), Object: quad.String("d")}, quad.Quad{Subject: quad.IRI("a"), Predicate: quad.IRI("bc"), Object: quad.String("d")}},
		{"typed string", quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.TypedString{Value: "1", Type: "xsd:int"}}, quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.String("1")}},
		{"language string", quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.LangString{Value: "a", Lang: "en"}}, quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.LangString{Value: "a", Lang: "fr"}}},
		{"blank node or IRI", quad.Quad{Subject: quad.BNode("x"), Predicate: p, Object: quad.String("a")}, quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.String("a")}},
	} {
		if k.hash(c.a) == k.hash(c.b) {
			t.Errorf("%s: %v and %v hash the same", c.name, c.a, c.b)
		}
		if k.hash(c.a) != k.hash(c.a) {
			t.Errorf("%s: %v hashes differently twice", c.name, c.a)
		}
	}
	// The label plays no part: a description is the same under any label.
	q := quad.Quad{Subject: quad.IRI("x"), Predicate: p, Object: quad.String("a")}
	labelled := q
	labelled.Label = quad.IRI("kg:article/1")
	if k.hash(q) != k.hash(labelled) {
		t.Errorf("the label changed the hash of %v", q)
	}
}
