package lexicon

// Honorifics stand before a name and are not part of it: forms of
// address, ranks, religious, royal and traditional styles. A run of them
// may chain ("His Royal Highness Prince", "Tan Sri Datuk Seri", "Lt. Gen.").
var Honorifics = words(`
	mr mr. mrs mrs. ms ms. miss mme mme. mlle madam madame mister messrs messrs. sir dame lord lady
	dr dr. doctor prof prof. professor engr engr. engineer eng. barrister
	excellency excellencies highness highnesses majesty majesties holiness eminence
	h.e. h.e h.h. h.h hh he hm hrh h.m. h.r.h. s.e.
	hon hon. honourable honorable rt rt.
	sheikh shaikh sheik sheikha shaikha sayyid sayyed seyyed seyed sayed syed sayyida
	ayatollah hojatoleslam hojjatoleslam hojatolislam allamah imam mullah mufti maulana maulvi
	haj hajj haji hajji hajia hajiya alhaji alhaja alhajji mallam malam
	rev rev. revd revd. reverend fr. cardinal archbishop bishop rabbi monsignor martyr
	general gen gen. lieutenant lt lt. major maj maj. colonel col col. captain capt capt. commander
	cmdr cmdr. cdr cdr. admiral adm adm. marshal brigadier brig brig. sergeant sgt sgt. commodore
	corporal cpl cpl. pvt pvt. lieutenant-general major-general brigadier-general lieutenant-colonel
	lt-gen lt-col maj-gen
	tuan datuk dato dato' datin tan seri tun toh puan tengku tunku engku pengiran awang dayang panglima ybhg yb yab patinggi amar
	samdech akka moha sena padei techo thipadei lok chumteav
	oba obi igwe asiwaju aremo otumfuo kabaka mwami
	afioga tuiatua ratu
	daw thakin
	shri shri. shrimati smt smt. thiru thiru. thiruvalar kumari kum kum. sh sh. hon'ble
	doña señor senor señora senora dom sra sra.
	herr frau monsieur
	bapak ibu pak bu
`)

// HonorificChains are multi-word styles read as one honorific.
var HonorificChains = [][]string{
	{"his", "excellency"}, {"her", "excellency"}, {"his", "majesty"}, {"her", "majesty"},
	{"his", "highness"}, {"her", "highness"}, {"his", "royal", "highness"}, {"her", "royal", "highness"},
	{"his", "holiness"}, {"his", "eminence"}, {"the", "honourable"}, {"the", "honorable"},
	{"right", "honourable"}, {"rt", "hon"}, {"rt.", "hon."}, {"rt", "hon."}, {"tan", "sri"}, {"datuk", "seri"},
	{"dato'", "sri"}, {"dato", "sri"}, {"dato'", "seri"}, {"tuan", "yang", "terutama"}, {"yang", "berhormat"},
	{"yang", "amat", "berhormat"}, {"yang", "di-pertua"}, {"toh", "puan"}, {"puan", "sri"}, {"custodian", "of", "the", "two", "holy", "mosques"},
	{"lieutenant", "general"}, {"major", "general"}, {"brigadier", "general"}, {"air", "chief", "marshal"},
	{"air", "marshal"}, {"vice", "admiral"}, {"rear", "admiral"}, {"field", "marshal"}, {"senior", "general"},
	{"vice", "senior", "general"}, {"grand", "chief"}, {"paramount", "chief"},
}

// WeakHonorifics are honorifics that are also common given names or words
// of a name ("Nana Akufo-Addo", "Don Bradman", "U Thant", "Sri Mulyani", "Peter Obi"):
// they count as honorifics only when another honorific or a title stands
// before them, or a full name of two or more words follows.
var WeakHonorifics = words(`nana don sri u ko maung bong tun toh adi ro tui awang dayang amar
	father chief comrade pastor prophet dom lord lady grand obi oba most`)

// NameParticles may appear inside a personal name, in lower case or
// capitalised, or joined by a hyphen to the next part (al-Assad, bin
// Salman, von der Leyen, da Silva, Al Nahyan, Ould Ghazouani).
var NameParticles = words(`al el bin ibn bint binti binte ben abu umm ould
	van von der den de da do dos das del della degli di du la le ter ten y ul ud e zu`)

// CapitalParticles are particles that, capitalised inside a name, still
// join it ("Al Nahyan", "Bin Bandar", "Van Hollen", "De Waele").
var CapitalParticles = words(`al el bin ben ibn bint binti abu ould van von de da del di du la le ter`)

// NameSuffixes may end a personal name: regnal numbers and generations.
var NameSuffixes = words(`ii iii iv v vi vii viii ix x xi xii jr jr. sr sr. junior senior`)

// InnerHonorifics are honorifics that some names carry between given name
// and family name, kept as part of the name ("Hassan Sheikh Mohamud",
// "Hajiji Haji Noor", "Annuar Haji Musa").
var InnerHonorifics = words(`sheikh shaikh haji hajji`)

// NameWordsToo are words of faith or people that are also personal names
// when they stand next to one: "Mirza Fakhrul Islam Alamgir", "Christian
// Lindner". Alone ("converted to Islam") they stay common words.
var NameWordsToo = words(`islam christian shia`)

// GivenNamesToo are place and title words that are common given names
// too: right before a family name they start the name ("Israel Katz",
// "Jordan Bardella", "Marine Le Pen", "Santiago Peña"), never before a
// title or an organisation ("Jordan King Abdullah", "Jerusalem Post").
var GivenNamesToo = words(`israel jordan chad georgia victoria santiago marine paris sydney austin regina florence`)

// TitlesAlsoGivenNames are titles that are common given names too; after
// another title they start the name ("party member Amir Khan Khosru").
var TitlesAlsoGivenNames = words(`amir`)

// Pronouns that may stand for a person, by grammatical case.
var (
	SubjectPronouns    = words(`he she`)
	ObjectPronouns     = words(`him her`)
	PossessivePronouns = words(`his her`)
	PluralPronouns     = words(`they them their`)
)

// Kinship nouns before a name make it a person ("his wife Melania").
var Kinship = words(`wife husband son daughter brother sister mother father spouse widow widower
	nephew niece cousin uncle aunt consort`)
