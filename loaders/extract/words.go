package extract

// Closed-class word lists used by several stages. These are grammar and
// news-style vocabulary, not names of particular people or places.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameParticles may appear inside a personal name in lower case, or joined
// by a hyphen to the next part (al-Assad, bin Salman, van der Leyen, da
// Silva).
var nameParticles = set("al", "el", "bin", "ibn", "bint", "ben", "abu", "van", "von", "der", "den",
	"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "ter", "y", "ul", "ud")

// nameSuffixes may end a personal name.
var nameSuffixes = set("II", "III", "IV", "VI", "Jr.", "Jr", "Sr.")

// nameLikeModifiers are title modifiers that are also surnames.
var nameLikeModifiers = set("power", "young", "rich", "un", "home")

// compoundTails are lower-case word endings that make a hyphenated word an
// adjective, not a name ("Hamas-led", "Trump-era").
var compoundTails = set("led", "run", "era", "held", "like", "made", "born", "style", "based", "backed",
	"linked", "owned", "funded", "allied", "aligned", "type", "wide", "only", "free", "border", "level",
	"scale", "term", "party", "year", "range", "sided", "rich", "poor")

// appositiveAdjectives may stand before a title in an appositive ("a
// longtime adviser", "the powerful speaker").
var appositiveAdjectives = set("former", "longtime", "long-time", "veteran", "current", "new", "then",
	"personal", "key", "close", "powerful", "influential", "leading", "outgoing", "incoming", "newly",
	"appointed", "elected", "hardline", "moderate", "influential", "de", "facto", "regional", "local",
	"nominal", "ceremonial", "titular", "self-proclaimed", "self-declared", "de-facto")

// groupHeads follow "the two" in a mention of two people who met.
var groupHeads = set("leaders", "presidents", "ministers", "men", "women", "heads", "premiers", "rivals", "sides", "allies",
	"diplomats", "counterparts", "officials", "statesmen", "chancellors")

// honorifics precede a name but are not part of it.
var honorifics = set("ayatollah", "grand", "seyyed", "sayyed", "sayyid", "seyed", "sayed", "sheikh",
	"shaikh", "sheik", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "imam", "hojatoleslam",
	"hojjatoleslam", "martyr", "general", "gen.", "gen", "brigadier", "lieutenant", "lt.", "major",
	"maj.", "colonel", "col.", "captain", "capt.", "admiral", "adm.", "marshal", "sir", "dame",
	"lord", "lady", "excellency", "highness", "majesty", "rev.", "reverend", "father",
	"cardinal", "rabbi", "mullah", "mufti", "haj", "hajj", "haji", "prof.", "professor", "sen.",
	"rep.", "gov.", "sergeant", "sgt.", "commodore", "mme", "mme.", "monsignor")

// titleHeads end an office title ("Foreign Minister", "Crown Prince").
var titleHeads = set("president", "minister", "chancellor", "premier", "speaker", "secretary",
	"adviser", "advisor", "leader", "king", "queen", "prince", "princess", "emir", "sultan",
	"ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor",
	"chairman", "chairwoman", "chairperson", "chair", "chief", "director", "commissioner",
	"representative", "senator", "congressman", "congresswoman", "lawmaker", "prosecutor",
	"secretary-general", "vice-president", "negotiator", "coordinator", "head", "monarch",
	"president-elect", "commander", "mediator", "deputy", "aide", "counselor", "counsellor",
	"emissary", "administrator", "attorney", "pope", "patriarch", "emperor", "empress", "treasurer",
	"taoiseach", "governor-general", "crown", "councilor", "councillor",
	"executive", "officer", "director-general", "deputy-director",
	// plural heads ("Presidents Vladimir Putin and Xi Jinping") are written
	// in the singular by plainTitle
	"presidents", "ministers", "leaders", "premiers", "kings", "envoys", "ambassadors",
	"secretaries", "senators", "chancellors", "spokesmen", "advisers", "advisors")

// titleModifiers may stand before a title head inside an office title.
var titleModifiers = set("foreign", "prime", "defense", "defence", "interior", "oil", "finance",
	"economy", "economic", "trade", "deputy", "vice", "crown", "first", "senior", "special",
	"supreme", "national", "security", "state", "general", "executive", "chief", "acting",
	"energy", "health", "education", "justice", "agriculture", "culture", "intelligence",
	"petroleum", "industry", "labor", "labour", "transport", "presidential", "assistant",
	"parliament", "parliamentary", "affairs", "armed", "army", "navy", "military", "policy",
	"international", "political", "home", "treasury", "commerce", "foreign-policy", "top",
	"permanent", "united", "nations", "un", "eu", "european", "commission", "council",
	"house", "majority", "minority", "joint", "chiefs", "staff", "cabinet", "information",
	"communications", "environment", "development", "planning", "cooperation", "relations",
	"investment", "water", "power", "housing", "tourism", "science", "technology", "sports",
	"youth", "women", "social", "welfare", "immigration", "internal", "external", "public",
	"nuclear", "atomic", "central", "bank", "of", "and", "the", "for", "high", "bureau", "politburo",
	"interim", "transitional", "caretaker", "outgoing", "incoming", "designate", "then-president",
	"committee", "party", "opposition", "press", "communications", "homeland", "managing")

// descriptiveHeads name a person by role in later mentions ("the top
// Syrian diplomat", "his Iranian counterpart") but are not offices.
var descriptiveHeads = set("diplomat", "counterpart", "official", "envoy", "leader", "president",
	"minister", "premier", "speaker", "chancellor", "secretary", "adviser", "advisor", "king",
	"prince", "emir", "ambassador", "spokesman", "governor", "mayor", "chairman", "chief", "sultan",
	"queen", "pope", "monarch", "ruler", "emperor")

// orgWords mark a capitalised sequence as an organisation, event or place
// rather than a person.
var orgWords = set("front", "council", "army", "agency", "news", "party", "ministry", "republic",
	"revolution", "organization", "organisation", "union", "nations", "group", "forces", "corps",
	"guard", "guards", "bank", "university", "times", "post", "press", "tv", "television", "radio",
	"network", "committee", "commission", "assembly", "parliament", "congress", "senate", "court",
	"department", "office", "administration", "government", "federation", "league", "movement",
	"brigade", "brigades", "institute", "foundation", "company", "corporation", "inc", "inc.",
	"ltd", "ltd.", "airlines", "authority", "association", "alliance", "coalition", "initiative",
	"summit", "talks", "conference", "forum", "treaty", "agreement", "accord", "declaration",
	"process", "kingdom", "emirates", "province", "city", "street", "square", "airport", "palace",
	"house", "center", "centre", "museum", "hospital", "school", "mosque", "church",
	"cathedral", "region", "sea", "ocean", "river", "mountains", "island", "islands", "gulf",
	"strait", "valley", "east", "west", "north", "south", "middle", "order", "act", "law", "day",
	"war", "crisis", "regime", "cup", "games", "olympics", "prize", "award", "license", "licence",
	"islamic", "islam", "arab", "zionist", "jabhat", "jaish", "harakat", "hizb", "hezb", "hayat", "ansar",
	"liwa", "kataib", "state", "states", "daily", "journal", "herald", "tribune", "gazette",
	"channel", "service", "services", "ministries", "majlis", "knesset", "duma", "kremlin",
	"pentagon", "bureau", "fund", "program", "programme", "project", "plan", "deal", "ceasefire",
	"operation", "base", "port", "camp", "mount", "temple", "heights", "crossing", "bay", "lake",
	"coast", "canal", "desert", "strip", "peninsula", "dome", "pipeline", "hall",
	"units", "unit", "brotherhood", "battalion", "regiment", "division", "fleet", "command", "boko", "haram", "embassy", "consulate", "mission", "board", "cabinet", "police",
	"navy", "airforce", "force", "troops", "media", "agency's", "foreign", "affairs", "ministerial",
	"democratic", "republican", "socialist", "communist", "national", "international", "global",
	"world", "federal", "central", "supreme", "high", "general", "security", "defense", "defence",
	"peace", "human", "rights", "watch", "amnesty", "crescent", "cross", "jihad", "qaeda", "isis", "isil", "daesh", "taliban", "hamas", "hezbollah",
	"houthis", "houthi", "copyright", "reserved", "photo",
	"photos", "video", "file", "read", "more", "related", "comment", "comments", "share",
	"subscribe", "click", "advertisement", "sponsored", "editor", "editorial", "opinion",
	"expo", "exhibition", "fair", "festival", "championship", "championships", "show", "biennale")

// newsAgencies are outlets often cited as "X reported" or "(X) -".
var newsAgencies = set("reuters", "ap", "afp", "irna", "isna", "tasnim", "fars", "mehr", "xinhua",
	"tass", "ria", "novosti", "interfax", "sputnik", "cnn", "bbc", "bloomberg", "yonhap", "kyodo",
	"ansa", "efe", "dpa", "sana", "wafa", "anadolu", "bernama", "pti", "ians", "kcna", "mena",
	"spa", "wam", "petra", "qna", "kuna", "aljazeera", "al-jazeera", "presstv", "ifp", "ilna",
	"cctv", "cgtn", "nhk", "rt", "apa", "trend", "azertac", "kazinform", "antara", "xinhuanet",
	"jazeera", "arabiya", "mayadeen", "manar", "alalam", "kommersant", "izvestia", "agence", "france-presse", "euronews", "ynet", "haaretz", "wam")

// stopCaps are function words and common sentence openers that are never
// part of a name even when capitalised.
var stopCaps = set("people", "peoples", "the", "a", "an", "in", "on", "at", "for", "of", "to", "from", "by", "with",
	"as", "and", "but", "or", "nor", "he", "she", "it", "they", "we", "i", "you", "his", "her",
	"their", "its", "our", "my", "your", "this", "that", "these", "those", "there", "here", "what",
	"which", "who", "whom", "whose", "when", "where", "why", "how", "all", "some", "any", "no",
	"not", "also", "meanwhile", "however", "elsewhere", "under", "after", "before", "during",
	"while", "since", "until", "earlier", "later", "late", "early", "last", "next", "according",
	"speaking", "addressing", "both", "each", "every", "many", "most", "other", "such", "than",
	"then", "thus", "yet", "so", "if", "although", "though", "because", "despite", "among",
	"between", "about", "against", "over", "into", "through", "upon", "within", "without",
	"former", "new", "senior", "top", "local", "today", "yesterday", "tomorrow", "tonight",
	"asked", "says", "told", "added", "noted", "mr", "mrs", "ms", "dr", "sources",
	"source", "officials", "official", "one", "two", "three", "four", "five", "first", "second",
	"third", "leave", "read", "see", "please", "follow", "will", "would", "should", "can", "could",
	"may", "might", "must", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do",
	"does", "did", "not", "yes", "now", "still", "even", "only", "just", "more", "less", "very",
	"well", "again", "once", "instead", "rather", "indeed", "further", "furthermore", "moreover",
	"nevertheless", "nonetheless", "otherwise", "therefore", "hence", "besides", "likewise",
	"similarly", "finally", "lastly", "firstly", "secondly", "overall", "together", "along",
	"around", "across", "behind", "beyond", "near", "outside", "inside", "toward", "towards",
	"per", "via", "amid", "amidst", "beside", "except", "like", "unlike", "concerning",
	"regarding", "following", "including", "excluding", "ahead", "part", "president", "minister",
	"chancellor", "foreign", "prime", "speaker", "leader", "king", "queen", "prince", "emir",
	"sultan", "ambassador", "envoy", "governor", "mayor", "chairman", "secretary", "adviser",
	"advisor", "spokesman", "spokeswoman", "deputy", "vice", "chief", "head", "crown", "pope",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "march", "april", "june", "july", "august", "september", "october", "november",
	"december", "god", "allah", "prophet", "muslim", "muslims", "christian", "christians",
	"jewish", "jews", "sunni", "kurdish", "kurds", "western", "eastern",
	"northern", "southern", "african", "asian", "european", "latin", "gulf", "persian", "turkic",
	"slavic", "nordic", "baltic", "caucasus", "balkan", "balkans", "pacific", "atlantic", "arctic",
	"eid", "ramadan", "christmas", "easter", "nowruz", "hanukkah", "diwali", "passover",
	"internet", "covid-19", "covid", "coronavirus", "breaking", "update", "exclusive", "analysis",
	"no", "yes", "ok", "okay", "don't", "it's", "let", "let's")

// mediaNouns before a capitalised name make it an outlet: "the newspaper O Globo".
var mediaNouns = set("newspaper", "daily", "weekly", "magazine", "channel", "broadcaster", "agency",
	"website", "outlet", "tabloid", "television", "radio", "network", "station", "paper")

// speechVerbs introduce reported speech; the person before them is the
// sentence's subject.
var speechVerbs = set("said", "says", "told", "added", "noted", "stressed", "hailed", "asserted",
	"emphasized", "emphasised", "underlined", "underscored", "pointed", "stated", "remarked",
	"urged", "called", "expressed", "described", "warned", "announced", "explained", "insisted",
	"highlighted", "reiterated", "welcomed", "praised", "condemned", "criticized", "criticised",
	"lauded", "pledged", "vowed", "declared", "affirmed", "reaffirmed", "argued", "claimed",
	"wrote", "tweeted", "replied", "responded", "agreed", "discussed", "voiced", "conveyed",
	"thanked", "congratulated", "slammed", "denounced", "made")

// groupNouns after a capitalised sequence show it names a group
// ("Fateh al-Sham terrorist groups").
var groupNouns = set("group", "groups", "militants", "militant", "fighters", "terrorists",
	"terrorist", "forces", "movement", "organization", "organisation", "militia", "militias",
	"rebels", "insurgents", "faction", "factions", "outfit", "outfits", "party", "members",
	"supporters", "elements", "cells", "regime", "government", "administration", "troops",
	"army", "news", "agency", "channel", "newspaper", "daily", "website", "broadcaster",
	"company", "firm", "network", "region", "province", "city", "town", "village", "airport",
	"talks", "process", "summit", "format", "declaration", "agreement", "deal", "accord",
	"treaty", "negotiations", "meeting", "conference", "forum", "initiative", "plan", "platform",
	"peace", "ceasefire", "cease-fire", "truce", "war", "conflict", "crisis", "region's",
	"pipeline", "pipelines", "plant", "station", "project", "reactor", "corridor", "bridge", "dam",
	"field", "resort", "complex", "facility", "forecourt", "exercise", "exercises", "drills",
	"operation", "campaign", "party's", "system", "missile", "missiles", "vaccine", "format",
	"crossing", "border", "mosque", "compound", "holiday", "festival")

// kinship nouns before a one-word name make it a person ("his wife
// Melania").
var kinship = set("wife", "husband", "son", "daughter", "brother", "sister", "mother", "father",
	"spouse", "widow", "nephew", "niece", "cousin", "uncle", "aunt")
