package lexicon

import (
	"strings"
	"sync"

	"github.com/pariz/gountries"

	"github.com/kg-project/kg/loaders/extract/text"
)

// Gazetteer knows countries (with their other names), capitals, their
// subdivisions and the nationality adjectives (demonyms) that name a
// country, all from the gountries data set. gountries ships no demonyms,
// so they are derived from its country names by the regular English
// suffix rules (Syria→Syrian, Iran→Iranian, Iraq→Iraqi, Chile→Chilean,
// Italy→Italian), with a list of irregular forms (French, German, Dutch,
// Swiss, ...) checked against gountries names when the gazetteer is built.
type Gazetteer struct {
	countries    map[string]string // lower-case name or alias → common name
	demonyms     map[string]string // lower-case demonym → common name
	capitals     map[string]string // lower-case capital → common name
	subdivisions map[string]string // lower-case province/region → common name
	firstWords   map[string]int    // first word of a country name → most words in such a name
}

var (
	gazOnce sync.Once
	gaz     *Gazetteer
)

// Places returns the gazetteer, built on first use.
func Places() *Gazetteer {
	gazOnce.Do(func() { gaz = buildGazetteer() })
	return gaz
}

// irregularDemonyms are nationality adjectives not formed by a suffix rule,
// keyed to the gountries common name of the country.
var irregularDemonyms = map[string]string{
	"french": "France", "german": "Germany", "british": "United Kingdom", "english": "United Kingdom",
	"dutch": "Netherlands", "swiss": "Switzerland", "spanish": "Spain", "greek": "Greece",
	"danish": "Denmark", "swedish": "Sweden", "finnish": "Finland", "polish": "Poland",
	"irish": "Ireland", "turkish": "Turkey", "american": "United States", "filipino": "Philippines",
	"thai": "Thailand", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
	"norwegian": "Norway", "argentine": "Argentina", "peruvian": "Peru", "afghan": "Afghanistan",
	"kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan",
	"turkmen": "Turkmenistan", "pakistani": "Pakistan", "israeli": "Israel", "iraqi": "Iraq",
	"welsh": "United Kingdom", "scottish": "United Kingdom", "portuguese": "Portugal",
	"lebanese": "Lebanon", "czech": "Czech Republic", "slovak": "Slovakia", "croatian": "Croatia",
	"serbian": "Serbia", "bosnian": "Bosnia and Herzegovina", "belarusian": "Belarus",
	"ukrainian": "Ukraine", "malagasy": "Madagascar", "congolese": "DR Congo",
	"ivorian": "Ivory Coast", "south korean": "South Korea", "north korean": "North Korea",
	"new zealand": "New Zealand", "south african": "South Africa", "sri lankan": "Sri Lanka",
	"cypriot": "Cyprus", "maltese": "Malta", "icelandic": "Iceland", "luxembourgish": "Luxembourg",
	"burmese": "Myanmar", "bangladeshi": "Bangladesh", "yemeni": "Yemen", "omani": "Oman",
	"qatari": "Qatar", "kuwaiti": "Kuwait", "bahraini": "Bahrain", "azerbaijani": "Azerbaijan",
	"somali": "Somalia", "nepali": "Nepal", "nepalese": "Nepal", "palestinian": "Palestine",
	"vietnamese": "Vietnam", "chinese": "China", "japanese": "Japan", "sudanese": "Sudan",
	"senegalese": "Senegal", "taiwanese": "Taiwan", "mexican": "Mexico", "venezuelan": "Venezuela",
	"belgian": "Belgium", "dominican": "Dominican Republic", "salvadoran": "El Salvador",
	"kenyan": "Kenya", "ethiopian": "Ethiopia", "nigerian": "Nigeria", "nigerien": "Niger",
	"togolese": "Togo", "gabonese": "Gabon", "beninese": "Benin", "guyanese": "Guyana",
	"bhutanese": "Bhutan", "chadian": "Chad", "malian": "Mali", "libyan": "Libya", "tunisian": "Tunisia", "moroccan": "Morocco", "algerian": "Algeria",
	"philippine": "Philippines", "korean": "South Korea", "montenegrin": "Montenegro",
	"ghanaian": "Ghana", "burkinabe": "Burkina Faso", "south sudanese": "South Sudan",
	"burundian": "Burundi", "mozambican": "Mozambique", "malawian": "Malawi",
	"sierra leonean": "Sierra Leone", "laotian": "Laos", "bruneian": "Brunei", "fijian": "Fiji",
	"honduran": "Honduras", "costa rican": "Costa Rica", "panamanian": "Panama", "haitian": "Haiti",
	"argentinian": "Argentina", "uruguayan": "Uruguay", "paraguayan": "Paraguay",
	"bahamian": "Bahamas", "guinean": "Guinea", "cape verdean": "Cape Verde",
	"mauritian": "Mauritius", "djiboutian": "Djibouti", "eritrean": "Eritrea", "maldivian": "Maldives", "canadian": "Canada", "jamaican": "Jamaica",
	"slovene": "Slovenia", "slovenian": "Slovenia", "macedonian": "Macedonia", "north macedonian": "Macedonia",
	"monegasque": "Monaco", "sammarinese": "San Marino", "faroese": "Faroe Islands", "liechtensteiner": "Liechtenstein",
	"luxembourger": "Luxembourg", "kosovar": "Kosovo", "kosovan": "Kosovo", "emirian": "United Arab Emirates",
}

// countryAliases are other names news text uses for a country.
var countryAliases = map[string]string{
	"u.s.": "United States", "us": "United States", "usa": "United States", "u.s.a.": "United States",
	"america": "United States", "united states of america": "United States",
	"britain": "United Kingdom", "great britain": "United Kingdom", "uk": "United Kingdom",
	"u.k.": "United Kingdom", "england": "United Kingdom", "uae": "United Arab Emirates",
	"holland": "Netherlands", "the netherlands": "Netherlands", "burma": "Myanmar",
	"czechia": "Czech Republic", "turkiye": "Turkey", "türkiye": "Turkey", "korea": "South Korea",
	"dprk": "North Korea", "prc": "China", "ivory coast": "Ivory Coast",
	"democratic republic of congo": "DR Congo", "drc": "DR Congo",
	"democratic people's republic of korea": "North Korea", "people's republic of china": "China",
	"lao people's democratic republic": "Laos", "republic of korea": "South Korea", "congo": "Republic of the Congo",
	"congo-brazzaville": "Republic of the Congo", "congo-kinshasa": "DR Congo",
	"bih": "Bosnia and Herzegovina", "png": "Papua New Guinea", "ksa": "Saudi Arabia", "rok": "South Korea",
	"viet nam": "Vietnam", "việt nam": "Vietnam", "new zealander": "New Zealand", "lao pdr": "Laos", "eswatini": "Eswatini", "swaziland": "Eswatini",
	"north macedonia": "Macedonia", "macedonia": "Macedonia", "cabo verde": "Cape Verde",
	"timor-leste": "East Timor", "east timor": "East Timor", "côte d'ivoire": "Ivory Coast",
	"cote d'ivoire": "Ivory Coast", "the gambia": "Gambia", "the philippines": "Philippines",
	"holy see": "Vatican City", "vatican": "Vatican City", "palestine": "Palestine",
	"state of palestine": "Palestine", "kosovo": "Kosovo", "taiwan": "Taiwan", "hong kong": "Hong Kong",
}

// capitalAliases are current spellings of capitals that gountries lists
// under an older name.
var capitalAliases = map[string]string{"kyiv": "Ukraine", "nur-sultan": "Kazakhstan"}

// extraCountries are states with a government news writes of, missing
// from the gazetteer: "US Ambassador to Kosovo X".
var extraCountries = map[string]string{"kosovo": "Kosovo", "somaliland": "Somaliland"}

// extraCountryNames are the names of extraCountries.
var extraCountryNames = map[string]bool{"Kosovo": true, "Somaliland": true}

// subdivisionAliases are provinces as English news spells them where the
// gazetteer has another spelling or lacks them: "Governor Sindh X".
var subdivisionAliases = map[string]string{"sindh": "Pakistan", "balochistan": "Pakistan",
	"khyber pakhtunkhwa": "Pakistan", "gilgit-baltistan": "Pakistan", "kurdistan region": "Iraq",
	"jammu and kashmir": "India", "odisha": "India", "puducherry": "India"}

func buildGazetteer() *Gazetteer {
	g := &Gazetteer{
		countries:    map[string]string{},
		demonyms:     map[string]string{},
		capitals:     map[string]string{},
		subdivisions: map[string]string{},
		firstWords:   map[string]int{},
	}
	q := gountries.New()
	known := map[string]bool{}
	for _, c := range q.FindAllCountries() {
		name := c.Name.Common
		if name == "" {
			continue
		}
		known[name] = true
		g.addCountry(strings.ToLower(name), name)
		if c.Name.Official != "" {
			g.addCountry(strings.ToLower(c.Name.Official), name)
		}
		if cap := strings.TrimSpace(c.Capital); cap != "" {
			lc := strings.ToLower(cap)
			g.capitals[lc] = name
			// "Washington D.C." is written "Washington" in news.
			if k := strings.Index(lc, " d.c."); k > 0 {
				g.capitals[lc[:k]] = name
			}
		}
		for _, sd := range c.SubDivisions() {
			if sd.Name != "" {
				g.subdivisions[strings.ToLower(sd.Name)] = name
			}
		}
		for _, d := range derivedDemonyms(name) {
			if _, taken := g.demonyms[d]; !taken {
				g.demonyms[d] = name
			}
		}
	}
	// Irregular forms override derived ones (Nigerian is Nigeria's, not
	// Niger's), but only when gountries knows the country.
	for d, name := range irregularDemonyms {
		if known[name] || extraCountryNames[name] {
			g.demonyms[d] = name
		}
	}
	for c, name := range capitalAliases {
		if known[name] {
			g.capitals[c] = name
		}
	}
	// Countries news writes of that the gazetteer lacks.
	for lower, name := range extraCountries {
		if !known[name] {
			g.addCountry(lower, name)
			for _, d := range derivedDemonyms(name) {
				if _, taken := g.demonyms[d]; !taken {
					g.demonyms[d] = name
				}
			}
		}
	}
	for sd, name := range subdivisionAliases {
		if _, ok := g.subdivisions[sd]; !ok && known[name] {
			g.subdivisions[sd] = name
		}
	}
	for a, name := range countryAliases {
		if known[name] {
			g.addCountry(a, name)
		}
	}
	return g
}

func (g *Gazetteer) addCountry(lower, name string) {
	g.countries[lower] = name
	first, _, _ := strings.Cut(lower, " ")
	// Tokens, not words: "people's" is two ("people", "'s").
	if n := strings.Count(lower, " ") + 1 + strings.Count(lower, "'s"); n > g.firstWords[first] {
		g.firstWords[first] = n
	}
}

// derivedDemonyms forms the regular nationality adjectives of a one-word
// country name, most specific rule first.
func derivedDemonyms(name string) []string {
	if strings.Contains(name, " ") {
		return nil
	}
	l := strings.ToLower(name)
	var out []string
	add := func(s string) { out = append(out, s) }
	switch {
	case strings.HasSuffix(l, "a"):
		add(l + "n") // Syria→Syrian, Cuba→Cuban
	case strings.HasSuffix(l, "stan"):
		add(l + "i") // Pakistan→Pakistani
	case strings.HasSuffix(l, "y"):
		add(l[:len(l)-1] + "ian") // Italy→Italian
	case strings.HasSuffix(l, "e"):
		add(l + "an")             // Chile→Chilean
		add(l[:len(l)-1] + "ian") // Ukraine→Ukrainian
	case strings.HasSuffix(l, "o"):
		add(l[:len(l)-1] + "an") // Mexico→Mexican
	default:
		add(l + "ian") // Iran→Iranian, Egypt→Egyptian, Brazil→Brazilian
	}
	return out
}

// CountryAt matches a country name (or alias) starting at toks[i] and
// returns the country's common name and the number of tokens used.
func (g *Gazetteer) CountryAt(toks []text.Token, i int) (string, int) {
	if i < 0 || i >= len(toks) || !toks[i].Cap && toks[i].Lower != "the" {
		return "", 0
	}
	maxWords, ok := g.firstWords[toks[i].Lower]
	if !ok {
		return "", 0
	}
	for n := maxWords; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		if n == 1 {
			if c, found := g.countries[toks[i].Lower]; found {
				return c, 1
			}
			continue
		}
		key, ok := lowerJoin(toks[i : i+n])
		if !ok {
			continue
		}
		if c, found := g.countries[key]; found {
			return c, n
		}
	}
	return "", 0
}

// Country returns the common name of the country a lower-case name or
// alias names, or "".
func (g *Gazetteer) Country(lower string) string { return g.countries[lower] }

// DemonymAt matches a nationality adjective at toks[i] ("Syrian", "South
// Korean") and returns the country and token count.
func (g *Gazetteer) DemonymAt(toks []text.Token, i int) (string, int) {
	if i < 0 || i >= len(toks) || !toks[i].Cap {
		return "", 0
	}
	if i+1 < len(toks) && toks[i+1].Cap {
		if c, ok := g.demonyms[toks[i].Lower+" "+toks[i+1].Lower]; ok {
			return c, 2
		}
	}
	if c, ok := g.demonyms[toks[i].Lower]; ok {
		return c, 1
	}
	return "", 0
}

// Demonym returns the country a lower-case nationality adjective names.
func (g *Gazetteer) Demonym(lower string) string { return g.demonyms[lower] }

// CapitalOf returns the country whose capital a lower-case name is.
func (g *Gazetteer) CapitalOf(lower string) string { return g.capitals[lower] }

// IsPlaceWord reports whether a single lower-case word names a country,
// capital or nationality.
func (g *Gazetteer) IsPlaceWord(lower string) bool {
	if _, ok := g.countries[lower]; ok {
		return true
	}
	if _, ok := g.capitals[lower]; ok {
		return true
	}
	_, ok := g.demonyms[lower]
	return ok
}

// IsSubdivision reports a province, state or region gountries knows.
func (g *Gazetteer) IsSubdivision(lower string) bool {
	_, ok := g.subdivisions[lower]
	return ok
}

// PlaceAt matches a capital, subdivision or country at toks[i] and returns
// its written form and token count. Only a whole name counts: "Central
// America" is not "Central", "Georgetown University" not "Georgetown".
func (g *Gazetteer) PlaceAt(toks []text.Token, i int) (string, int) {
	if i < 0 || i >= len(toks) || !toks[i].Cap {
		return "", 0
	}
	_, countryLen := g.CountryAt(toks, i)
	for n := 3; n >= 1; n-- {
		if n <= countryLen {
			return joinText(toks[i : i+n]), n
		}
		if i+n > len(toks) {
			continue
		}
		key, ok := lowerJoin(toks[i : i+n])
		if !ok || continuesName(toks, i+n) {
			continue
		}
		if _, ok := g.capitals[key]; ok {
			return joinText(toks[i : i+n]), n
		}
		if _, ok := g.subdivisions[key]; ok && toks[i+n-1].Cap {
			return joinText(toks[i : i+n]), n
		}
	}
	return "", 0
}

func continuesName(toks []text.Token, j int) bool {
	if j >= len(toks) {
		return false
	}
	t := toks[j]
	return t.Kind == text.Word && t.Cap && !FunctionWords[t.Lower]
}

func lowerJoin(toks []text.Token) (string, bool) {
	var b strings.Builder
	for k, t := range toks {
		if t.Kind == text.Poss && k > 0 {
			// "People's Republic of China"
			b.WriteString("'s")
			continue
		}
		if t.Kind != text.Word {
			return "", false
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Lower)
	}
	return b.String(), true
}

func joinText(toks []text.Token) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}
