// Package synth invents the synthetic news corpus of cmd/kgsynth: JSON
// Lines articles of 2–4 KB shaped like wire-service reports of officials
// meeting, phoning each other and announcing talks. Everything is made up
// (see cmd/kgsynth); benchmarks use it to build stores of any size.
package synth

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Record is one line of the output, in the JSON Lines shape kg load reads.
type Record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// Publisher is the source every synthetic article names.
const Publisher = "kgsynth Synthetic Wire"

// official is an invented person holding a real-sounding office.
type official struct {
	first, last string
	country     country
	title       string
}

func (o official) name() string { return o.first + " " + o.last }

type country struct{ name, adjective, capital string }

var countries = []country{
	{"Iran", "Iranian", "Tehran"}, {"Syria", "Syrian", "Damascus"}, {"Turkey", "Turkish", "Ankara"},
	{"Russia", "Russian", "Moscow"}, {"Iraq", "Iraqi", "Baghdad"}, {"Lebanon", "Lebanese", "Beirut"},
	{"Jordan", "Jordanian", "Amman"}, {"Egypt", "Egyptian", "Cairo"}, {"Qatar", "Qatari", "Doha"},
	{"Oman", "Omani", "Muscat"}, {"Kazakhstan", "Kazakh", "Astana"}, {"Pakistan", "Pakistani", "Islamabad"},
	{"India", "Indian", "New Delhi"}, {"China", "Chinese", "Beijing"}, {"Japan", "Japanese", "Tokyo"},
	{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Italy", "Italian", "Rome"},
	{"Spain", "Spanish", "Madrid"}, {"Austria", "Austrian", "Vienna"}, {"Switzerland", "Swiss", "Bern"},
	{"Algeria", "Algerian", "Algiers"}, {"Tunisia", "Tunisian", "Tunis"}, {"Armenia", "Armenian", "Yerevan"},
	{"Azerbaijan", "Azerbaijani", "Baku"}, {"Georgia", "Georgian", "Tbilisi"}, {"Greece", "Greek", "Athens"},
	{"Brazil", "Brazilian", "Brasilia"}, {"Mexico", "Mexican", "Mexico City"}, {"Kenya", "Kenyan", "Nairobi"},
}

var titles = []string{
	"President", "Prime Minister", "Foreign Minister", "Defence Minister", "Interior Minister",
	"Economy Minister", "Energy Minister", "Deputy Foreign Minister", "Speaker of Parliament",
	"Vice President", "Oil Minister", "Health Minister",
}

// Name parts are built from syllables so that no generated name is a real
// official's.
var (
	firstSyllables = []string{"Ka", "Ra", "Mo", "Fa", "Ta", "Sa", "Le", "Do", "Ne", "Vi", "Jo", "Ha", "Be", "Za", "Ma", "Ri", "An", "El"}
	midSyllables   = []string{"ri", "la", "do", "mi", "sha", "ven", "ko", "ra", "lu", "ne", "zi", "ta", "ber", "mon"}
	lastSyllables  = []string{"rov", "ani", "ssen", "lenko", "mara", "dari", "vic", "lund", "berg", "zadeh", "oglu", "etti", "ard", "ova", "ez"}
)

func inventName(r *rand.Rand) (string, string) {
	first := firstSyllables[r.IntN(len(firstSyllables))] + midSyllables[r.IntN(len(midSyllables))]
	last := strings.ToUpper(midSyllables[r.IntN(len(midSyllables))][:1]) + midSyllables[r.IntN(len(midSyllables))][1:] +
		lastSyllables[r.IntN(len(lastSyllables))]
	return first, last
}

var (
	topics = []string{
		"regional security", "energy cooperation", "the ceasefire", "trade and investment",
		"the refugee situation", "border management", "the nuclear agreement", "transport corridors",
		"water resources", "counter-terrorism cooperation", "the reconstruction effort", "grain exports",
	}
	eventHeads = []struct{ label, head string }{
		{"peace talks", "talks"}, {"donor conference", "conference"}, {"ceasefire", "ceasefire"},
		{"trade summit", "summit"}, {"joint military exercise", "exercise"}, {"election", "election"},
	}
	weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	fillers  = []string{
		"Analysts said the contacts reflected a shift in the balance of the region, where several governments have recalibrated their positions over the past year.",
		"Officials on both sides described the atmosphere as constructive, although no joint statement was issued at the end of the session.",
		"The ministry said working groups would follow up on the technical details in the coming weeks and report back to the two governments.",
		"Diplomats familiar with the file said that the sticking points remained the sequencing of commitments and the role of outside guarantors.",
		"Local media carried extensive coverage of the visit, with several newspapers devoting their front pages to the talks.",
		"The delegation also included senior officials from the energy, transport and finance ministries, according to a statement.",
		"Trade between the two countries has grown steadily in recent years, driven mainly by energy, construction materials and agricultural goods.",
		"Opposition figures criticised the meeting, saying the government had made concessions without consulting parliament.",
		"Observers noted that the visit was the first at this level in more than two years, after a period of strained relations.",
		"The statement added that both sides reaffirmed their commitment to dialogue and to the principles of non-interference and mutual respect.",
		"Security was tight around the venue, with several streets in the city centre closed to traffic for most of the day.",
		"A spokesman declined to say whether a further round had been scheduled, adding only that contacts would continue at expert level.",
	}
)

type Generator struct {
	r         *rand.Rand
	seed      uint64
	officials []official
	first     time.Time
	perDay    int
}

// New returns a generator of articles: seed fixes every choice, people is
// the size of the invented population, first the first publication date
// and perDay the articles published a day.
func New(seed uint64, people int, first time.Time, perDay int) *Generator {
	r := rand.New(rand.NewPCG(seed, 0x6b6773796e7468))
	g := &Generator{r: r, seed: seed, first: first, perDay: perDay}
	seen := map[string]bool{}
	for len(g.officials) < people {
		f, l := inventName(r)
		// Names repeat only once the syllable tables run short (about
		// 700,000 combinations); a few tries avoid most repeats.
		for try := 0; seen[f+" "+l] && try < 10; try++ {
			f, l = inventName(r)
		}
		seen[f+" "+l] = true
		g.officials = append(g.officials, official{
			first: f, last: l,
			country: countries[r.IntN(len(countries))],
			title:   titles[r.IntN(len(titles))],
		})
	}
	return g
}

// Write emits n articles as JSON Lines.
func (g *Generator) Write(w io.Writer, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range n {
		if err := enc.Encode(g.article(i)); err != nil {
			return fmt.Errorf("write article %d: %w", i, err)
		}
	}
	return nil
}

// article invents article number i; articles must be asked for in order.
func (g *Generator) article(i int) Record {
	r := g.r
	published := g.first.AddDate(0, 0, i/g.perDay)
	host := g.pick()
	guest := g.pick()
	for guest.country == host.country && len(countries) > 1 {
		guest = g.pick()
	}
	third := g.pick()
	topic := topics[r.IntN(len(topics))]
	meetDay := published.AddDate(0, 0, -r.IntN(3))
	weekday := weekdays[meetDay.Weekday()]
	city := host.country.capital

	var b strings.Builder
	fmt.Fprintf(&b, "%s – %s %s %s met %s %s %s in %s on %s, discussing %s and ways to expand bilateral ties.\n",
		strings.ToUpper(city), host.country.adjective, host.title, host.name(),
		guest.country.adjective, guest.title, guest.name(), city, weekday, topic)
	fmt.Fprintf(&b, "%s made the remarks in a meeting with %s, saying that %s was a priority for both governments. “We have agreed to intensify our contacts,” %s said.\n",
		host.last, guest.last, topic, host.last)
	fmt.Fprintf(&b, "For his part, %s said %s attached great importance to its relations with %s and called for closer coordination on %s.\n",
		guest.last, guest.country.name, host.country.name, topics[r.IntN(len(topics))])
	if r.IntN(2) == 0 {
		callDay := meetDay.AddDate(0, 0, -1-r.IntN(5))
		fmt.Fprintf(&b, "Earlier, on %s %d, %s held a phone call with %s %s %s about %s.\n",
			callDay.Format("January"), callDay.Day(), host.last, third.country.adjective, third.title, third.name(), topics[r.IntN(len(topics))])
	}
	ev := eventHeads[r.IntN(len(eventHeads))]
	evDay := published.AddDate(0, 0, 3+r.IntN(30))
	evPlace := countries[r.IntN(len(countries))].capital
	fmt.Fprintf(&b, "The two sides also discussed the %s scheduled to be held in %s on %s %d.\n",
		ev.label, evPlace, evDay.Format("January"), evDay.Day())
	if r.IntN(3) == 0 {
		former := g.pick()
		fmt.Fprintf(&b, "Former %s %s %s, who attended an earlier round, said the process needed broader support.\n",
			former.country.adjective, former.title, former.name())
	}
	target := 2048 + r.IntN(2048)
	for b.Len() < target-200 {
		b.WriteString(fillers[r.IntN(len(fillers))])
		if r.IntN(3) == 0 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("This article was generated by kgsynth for load testing; the people in it do not exist.\n")
	id := fmt.Sprintf("synth-%d-%07d", g.seed, i)
	return Record{
		ID:        id,
		URL:       "https://synthetic.invalid/" + id,
		Title:     fmt.Sprintf("[synthetic] %s, %s discuss %s", host.name(), guest.name(), topic),
		Source:    Publisher,
		Published: published.Format("2006-01-02"),
		Text:      b.String(),
	}
}

// pick chooses an official; a few are far more often in the news than the
// rest, as in real archives.
func (g *Generator) pick() official {
	n := len(g.officials)
	if g.r.IntN(4) == 0 {
		return g.officials[g.r.IntN(min(n, 50))]
	}
	return g.officials[g.r.IntN(n)]
}

// Official returns the name of official number i of the population: the
// first 50 are the ones in the news most (see pick).
func (g *Generator) Official(i int) string { return g.officials[i].name() }
