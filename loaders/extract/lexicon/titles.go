package lexicon

import "strings"

// TitleHeads end an office title: "Foreign Minister", "Crown Prince",
// "Chief of Army Staff" (head "chief"), "Secretary of State".
var TitleHeads = words(`
	president vice-president president-elect premier prime_minister minister ministers minster chancellor
	vice-chancellor speaker secretary secretary-general undersecretary under-secretary adviser advisor
	counsellor counselor leader king queen prince princess emir amir sultan sheikh monarch emperor
	empress ruler regent pope patriarch ambassador envoy emissary consul consul-general attaché attache
	chargé charge d'affaires spokesman spokeswoman spokesperson governor governor-general lieutenant-governor
	mayor chairman chairwoman chairperson chair co-chair co-chairman vice-chairman chief director
	director-general commissioner high_commissioner representative senator congressman congresswoman
	lawmaker legislator parliamentarian deputy prosecutor attorney-general negotiator coordinator
	mediator head commander commander-in-chief administrator treasurer taoiseach councillor councilor
	executive officer aide delegate member mp mep plenipotentiary superintendent inspector-general
	judge justice magistrate registrar attorney solicitor rector provost dean principal manager founder secretary-general
	boss official ombudsman ombudswoman ombudsperson
	asantehene awujale ooni alaafin akim wali hakim amir vizier mufti sheriff dipertua di-pertua
	first_lady lady chancellor-general viceroy caliph catholicos metropolitan archbishop bishop custodian
	presidents premiers kings queens princes emirs sultans leaders ambassadors envoys governors
	mayors senators ministers secretaries chiefs heads commanders advisers advisors spokesmen
	chancellors representatives delegates deputies members commissioners chairmen directors
	counsellors councillors diplomats officials lawmakers legislators parliamentarians monarchs rulers
`)

func init() {
	// Plural heads ("undersecretaries X and Y", "Presidents Putin and
	// Xi") are title heads too.
	for h := range TitleHeads {
		switch {
		case strings.HasSuffix(h, "s"):
		case strings.HasSuffix(h, "y") && !strings.HasSuffix(h, "ey"):
			TitleHeads[h[:len(h)-1]+"ies"] = true
		case strings.HasSuffix(h, "man"):
			TitleHeads[h[:len(h)-3]+"men"] = true
		default:
			TitleHeads[h+"s"] = true
		}
	}
}

// IsPluralTitle reports a plural title head ("ministers", "presidents").
func IsPluralTitle(w string) bool {
	return TitleHeads[w] && (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "men")) &&
		!singularHeads[w]
}

// singularHeads end in s but name one office: "Chargé d'Affaires".
var singularHeads = words(`d'affaires`)

// TitleModifiers may stand before a title head inside an office title
// ("Foreign", "Deputy", "State", "Coordinating"), and portfolio words may
// follow "of"/"for" after it ("Minister of Foreign Affairs").
var TitleModifiers = words(`
	foreign external home interior defence defense finance economy economic economics trade
	commerce industry industries energy oil petroleum mines mining gas health education justice
	agriculture culture intelligence labor labour employment manpower transport transportation
	communications communication information broadcasting tourism environment environmental climate
	water power housing science technology innovation digital sports sport youth women children
	family social welfare immigration migration internal public security national international
	regional political politics legal law human rights local rural urban municipal planning
	development cooperation co-operation relations affairs investment investments enterprise
	enterprises state-owned fisheries forestry forests lands land works infrastructure aviation
	maritime marine navy naval army air military armed forces police veterans religious
	endowments awqaf heritage antiquities media press protocol presidential parliamentary
	cabinet federal provincial state central supreme high chief deputy vice first second third
	senior junior special permanent acting interim caretaker transitional outgoing incoming
	designate elect executive general prime crown grand assistant associate principal joint
	majority minority opposition ruling leading top highest lead spokes presidency court royal party
	diwan secretariat commission council committee bureau politburo parliament assembly senate
	congress house ministry department office agency authority directorate staff chiefs defence
	pentagon treasury exchequer ambassador-at-large at-large extraordinary plenipotentiary
	resident honorary delegate commerce entrepreneurship cooperatives microfinance statistics
	population petroleum electricity hydrocarbons telecommunications posts transport logistics
	budget revenue taxation customs trade-and-industry overseas diaspora expatriates nationals
	reconstruction reconciliation peace unity integration solidarity gender equality
	emergencies disaster disasters relief humanitarian refugees displaced returnees
	higher primary secondary vocational training skills research universities universal
	culture arts tradition traditional chieftaincy liaison hajj multimedia creative communications
	coordinating negeri attached homeland policy duties strategy projects monitoring evaluation implementation reforms policies
	economy digital transformation sustainable sustainability green blue circular tourism hospitality
	managing utilities
`)

// TitleAbbreviations are offices written as initials or short forms, with
// the title they stand for ("PM Narendra Modi", "FM Zarif", "CS Mutua").
var TitleAbbreviations = map[string]string{
	"pm": "Prime Minister", "dpm": "Deputy Prime Minister", "fm": "Foreign Minister",
	"cm": "Chief Minister", "cs": "Cabinet Secretary", "ps": "Principal Secretary",
	"nsa": "National Security Adviser", "eam": "External Affairs Minister", "vp": "Vice President",
	"veep": "Vice President", "sg": "Secretary-General", "unsg": "UN Secretary-General",
	"coas": "Chief of Army Staff", "cds": "Chief of Defence Staff", "cns": "Chief of Naval Staff",
	"cas": "Chief of Air Staff", "cjcsc": "Chairman Joint Chiefs of Staff Committee",
	"igp": "Inspector-General of Police", "dg": "Director-General", "mp": "Member of Parliament",
	"mep": "Member of the European Parliament", "ceo": "Chief Executive Officer", "gov": "Governor",
	"gov.": "Governor", "sen": "Senator", "sen.": "Senator", "rep": "Representative",
	"rep.": "Representative", "amb": "Ambassador", "amb.": "Ambassador", "pres": "President",
	"pres.": "President", "ag": "Attorney General", "cj": "Chief Justice", "mos": "Minister of State",
	"mla": "Member of the Legislative Assembly", "mna": "Member of the National Assembly",
	"dcm": "Deputy Chief of Mission", "cda": "Chargé d'Affaires", "uk pm": "Prime Minister",
}

// titleTypos are misspellings of title words common enough in news to
// be read as the word meant ("Foreign Affairs Minster").
var titleTypos = map[string]string{"minster": "Minister", "secretery": "Secretary", "presedent": "President",
	"goverment": "Government", "ambassodor": "Ambassador", "ministre": "Minister"}

// FixTitleTypo returns the word meant by a misspelt title word, or "".
func FixTitleTypo(w string) string { return titleTypos[strings.ToLower(w)] }

// ExpandTitleAbbreviation returns the title an abbreviation stands for,
// or "" when w (lower case) is none.
func ExpandTitleAbbreviation(w string) string {
	return TitleAbbreviations[strings.TrimSuffix(w, ",")]
}

// PersonNouns name a person by what they are, in descriptions that refer
// back to someone named earlier ("the visiting minister", "his Omani
// counterpart", "the Qatari guest", "the Lao leader", "the US official").
var PersonNouns = words(`
	counterpart counterparts peer peers homologue homologues guest guests visitor visitors host hosts leader leaders official officials
	diplomat diplomats envoy envoys delegate dignitary dignitaries statesman monarch ruler premier
	president minister chancellor speaker secretary ambassador governor mayor chairman chairwoman
	chairperson chief commander king queen prince princess emir amir sultan sheikh pope general
	admiral marshal senator lawmaker spokesman spokeswoman adviser advisor aide representative
	commissioner director head prosecutor judge justice negotiator mediator emissary consul
	counsellor councillor deputy politician strongman autocrat dictator incumbent
	man woman men women
`)

// PluralGroupNouns follow "the two", "both", "the three" in mentions of a
// group of people met before ("the two leaders", "both ministers").
var PluralGroupNouns = words(`leaders presidents ministers men women heads premiers rivals sides allies
	diplomats counterparts officials statesmen chancellors monarchs kings princes sheikhs envoys
	delegations parties chiefs generals foreign_ministers prime_ministers top_diplomats secretaries
	governors mayors senators commanders`)

// Descriptors say what a person does without being an office: "economist
// Diana Mondino", "businessman Jack Ma", "opposition activist X". They
// stand before a name like a title, but make no role.
var Descriptors = words(`
	economist lawyer attorney activist businessman businesswoman tycoon magnate billionaire millionaire
	entrepreneur investor banker financier journalist reporter columnist editor author writer novelist poet
	scholar academic professor researcher scientist analyst expert historian economist philosopher
	actor actress singer musician artist filmmaker director producer athlete footballer player coach
	cleric preacher priest pastor rabbi imam monk nun theologian doctor physician surgeon nurse engineer
	architect farmer trader negotiator mediator dissident campaigner protester opponent critic rival
	candidate challenger contender nominee frontrunner veteran politician lawmaker legislator
	strongman warlord militant commander rebel official diplomat lobbyist lobbyists lawyers consultant
	industrialist billionaires philanthropist
`)

// PremierCountries name their head of government "Premier"; elsewhere
// news writes "premier" for a prime minister.
var PremierCountries = words(`china taiwan north_korea`)

// SecretaryCountries call some ministers "Secretary" ("Defense
// Secretary", "Secretary of State"); elsewhere the office is a Minister's.
var SecretaryCountries = words(`united_states united_kingdom`)
