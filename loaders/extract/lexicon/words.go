package lexicon

import "strings"

// FunctionWords are never part of a name, even capitalised at the start
// of a sentence or in a headline.
var FunctionWords = words(`
	the a an in on at for of to from by with as and but or nor he she it they we i you his her their
	its our my your this that these those there here what which who whom whose when where why how
	all some any no not also meanwhile however elsewhere under after before during while since until
	earlier later late early last next according both each every many most other such than then thus
	yet so if although though because despite among between about against over into through upon
	within without around across behind beyond near outside inside toward towards per via amid amidst
	beside except like unlike concerning regarding following including excluding ahead along together
	is are was were be been being has have had do does did will would should can could may might must
	shall yes now still even only just more less very well again once instead rather indeed further
	furthermore moreover nevertheless nonetheless otherwise therefore hence besides likewise similarly
	finally lastly firstly secondly overall today yesterday tomorrow tonight also apart alongside amongst
	whereas whether unless either neither off out up down away back onto upon per
	one two three four five six seven eight nine ten first second third fourth fifth
	mr mrs ms dr it's let let's don't ok okay
	photo photos picture pictures video file source sources credit credits caption image images
	read more related comment comments share subscribe click advertisement sponsored update breaking
	exclusive analysis opinion editorial watch listen live
`)

// CommonWords are capitalised at the start of a sentence, a caption or a
// label far more often than they are names ("Present at the meeting
// were", "Views were exchanged", "Details:", "Official website").
var CommonWords = words(`
	present official views details quote background translation note notes editor reporting writing
	abroad diaspora overseas expatriates
	editing additional contributed tags topics category image caption advertisement newsletter
	confirmation congratulations messages message preparations talks leaders welcome thanks
	earlier later meanwhile separately elsewhere afterwards afterward also previously currently
	recently reportedly officially traditionally historically photographs photograph pictured
	left right centre center middle front back top bottom above below inset file handout
	minutes hours days weeks months years today yesterday tonight tomorrow morning evening
	according speaking addressing commenting responding asked
	former newly
	north south east west central northern southern eastern western upper lower greater middle
	northeast northwest southeast southwest
`)

// OrgWords mark a capitalised sequence as an organisation, body, event,
// building, programme or document rather than a person ("Presidential
// Palace", "Shangri-La Dialogue", "Comprehensive Strategic Partnership").
var OrgWords = words(`
	front council army agency agencies news party parties ministry ministries republic revolution chamber chambers
	organization organisation union nations group groups forces corps guard guards bank banks
	university college academy school schools institute institution foundation fund trust
	company corporation corp inc inc. ltd ltd. plc llc holdings airlines airways authority
	association alliance coalition initiative summit talks conference forum treaty agreement accord
	declaration process kingdom emirates province city street avenue road square airport airbase
	palace house center centre museum hospital mosque church cathedral temple shrine
	region sea ocean river mountains island islands gulf strait valley coast canal desert strip
	peninsula dome pipeline hall halls room rooms building buildings tower towers villa lodge
	residence compound headquarters secretariat stadium arena hotel resort garden gardens park
	order act law day war crisis regime cup games olympics prize award license licence
	state states daily journal herald tribune gazette times post press tv television radio network
	channel service services cabinet police navy airforce force troops media
	committee commission assembly parliament congress senate court department office administration
	government federation league movement brigade brigades battalion regiment division fleet command
	unit units directorate bureau board mission embassy consulate delegation team online
	watchdog watchdogs regulator lender bloc tribunal
	program programme project plan deal ceasefire operation operations base port camp mount heights
	crossing bay lake dialogue partnership strategy framework mechanism platform scheme vision
	agenda roadmap charter convention protocol memorandum statement communique communiqué
	integration development cooperation studies resources relations affairs commerce industry
	situation debate content member members commissioners meeting meetings session sessions
	consultations consultation negotiations talks reception ceremony dinner lunch luncheon breakfast
	visit tour trip exhibition expo fair festival championship championships show biennale
	facebook twitter instagram youtube tiktok whatsapp telegram linkedin google microsoft apple
	exchange market markets index stock stocks shares bond bonds oil gas energy
	brotherhood jihad taliban hamas hezbollah houthis houthi qaeda isis isil daesh haram shabaab al-shabaab
	copyright reserved rights
	majlis shura knesset sejm rada storting bundestag bundesrat riksdag folketing eduskunta
	oireachtas dail seanad althing cortes lok rajya sabha jirga loya legco
`)

// PlaceTypeWords end a multi-word place name ("State House", "Bole
// International Airport", "Peace Palace", "Government House").
var PlaceTypeWords = words(`
	house palace hall room airport airbase base square street avenue road compound residence
	headquarters secretariat building tower villa lodge hotel stadium centre center office
	chancellery kremlin serail capitol parliament assembly court museum garden gardens park
	island islands province region district county city town village state territory
	causeway bridge station line library stadium highway expressway boulevard
`)

// Religions, peoples and regions are capitalised but never names.
var PeopleAndRegions = words(`
	god allah prophet muslim muslims christian christians jewish jews sunni shia shiite kurdish kurds
	western eastern northern southern african asian european latin persian turkic slavic nordic baltic
	caucasus balkan balkans pacific atlantic arctic arab arabs islamic islam catholic orthodox
	asia africa europe americas oceania antarctica eurasia mideast sahel maghreb levant indo-pacific asia-pacific
	protestant buddhist hindu sikh eid ramadan christmas easter nowruz hanukkah diwali passover
	internet covid covid-19 coronavirus pandemic people peoples
	democrat democrats republican republicans labour conservative conservatives liberal liberals
	socialist socialists communist communists
`)

// NewsAgencies are outlets cited as "X reported" or "(X) -".
var NewsAgencies = words(`
	reuters ap afp irna isna tasnim fars mehr xinhua tass ria novosti interfax sputnik cnn bbc
	bloomberg yonhap kyodo ansa efe dpa sana wafa anadolu bernama pti ians kcna mena spa wam petra
	qna kuna aljazeera al-jazeera presstv ifp ilna cctv cgtn nhk rt apa trend azertac kazinform
	antara xinhuanet jazeera arabiya mayadeen manar alalam kommersant izvestia agence
	france-presse euronews ynet haaretz nna ina ona aps mapnews map vna vns kpl akipress
	ukrinform unian belta armenpress georgia pna pna. ghanaweb nan kbc ntv ktn nbc abc cbs fox msnbc
`)

// OrgAbbreviations are bodies written in capitals, never initials of a
// name ("EU Enlargement Commissioner", "UN envoy").
var OrgAbbreviations = words(`eu un au nato asean ecowas sadc imf who wto opec brics g7 g20 osce oas igad eac
	cis sco apec unga unsc icc icj iaea unhcr unicef unesco undp wfp fao ilo oic gcc csto ceeac eccas sica
	caricom mercosur celac apc anc pdp bnp awami psoe pp cdu spd mp`)

// MediaNouns before a capitalised name make it an outlet ("the newspaper
// O Globo", "broadcaster LRT").
var MediaNouns = words(`newspaper daily weekly magazine channel broadcaster agency website outlet
	tabloid television radio network station paper portal`)

// SpeechVerbs introduce reported speech.
var SpeechVerbs = words(`said says say told tell tells added adds noted notes stressed stresses
	hailed asserted emphasized emphasised underlined underscored pointed stated remarked urged called
	expressed described warned announced explained insisted highlighted reiterated welcomed praised
	condemned criticized criticised lauded pledged vowed declared affirmed reaffirmed argued claimed
	wrote writes tweeted posted replied responded agreed voiced conveyed thanked congratulated
	slammed denounced recalled revealed confirmed acknowledged admitted observed commented quipped
	announced assured promised suggested proposed recommended appealed`)

// verbLemmas are verbs common in news, in their base form. Their regular
// inflections (-s, -ed, -ing) are recognised by IsVerb; irregular forms
// are listed in irregularVerbs.
var verbLemmas = words(`
	meet receive host welcome hold talk call visit discuss say urge pay arrive leave sign agree hail
	buttonhole huddle interact include involve feature propose demand converse
	praise thank congratulate condemn criticize criticise blast slam reject deny warn vow pledge seek
	ask tell hope plan invite wrap conclude begin start end open close attend join lead head
	accompany greet brief confer review vote elect appoint name sack fire resign quit win lose back
	support oppose endorse launch unveil announce reveal confirm order ban lift extend renew send
	deliver convey express stress underline emphasize emphasise highlight reiterate affirm reaffirm
	note add explain insist claim argue respond reply react question demand accuse blame charge
	arrest free release sentence jail kill die attack strike bomb hit fight defend protect flee
	return travel fly tour inspect inaugurate commission mark celebrate honor honour award decorate
	present accept submit swear take give make keep let put set see look watch show help push pull
	press share exchange sit dine lunch phone telephone ring speak chat tweet post write read seal
	ink forge boost strengthen deepen expand widen improve enhance ease cement bolster explore
	examine assess consider address tackle focus touch cover mull weigh eye offer propose suggest
	stand step move turn bring buy sell pass cut raise reach seek set lay cast put run serve work
	express voice lament mourn condole pray visit pay arrive depart land touch leave head stop
	broach raise brief update inform assure reassure promise commit vow reaffirm restate renew
	recall remember honour salute laud commend hail thank urge call appeal press push lobby
	congratulate felicitate greet wish receive host entertain fete welcome accompany escort
	flank join attend witness preside chair lead head convene summon gather assemble
	top dominate overshadow mar sour hit rock shake threaten loom
`)

var irregularVerbs = words(`
	met held said told spoke spoken sat led left flew flown won lost sent paid brought began begun
	came went gone saw seen rang rung wrote written struck swore sworn sought thought kept gave
	given took taken made found felt heard knew known meant put read set stood understood shook
	shaken ate eaten drove driven rode rose ran broke broken chose chosen drew drawn grew grown
	threw thrown wore worn bought caught fought taught laid hung hid hidden lit quit shut split
	spread upset withdrew withdrawn undertook undertaken overcame oversaw overseen forgot forgotten
	is are was were be been being has have had do does did done dined
`)

// IsVerb reports whether a lower-case word is a news verb in any common
// inflection ("meets", "hosted", "receiving", "met"). It knows news
// verbs, not every English verb.
func IsVerb(w string) bool {
	if irregularVerbs[w] || verbLemmas[w] {
		return true
	}
	for _, stem := range verbStems(w) {
		if verbLemmas[stem] {
			return true
		}
	}
	return false
}

// verbStems undoes the regular inflections: -s/-es, -ed/-d, -ing, with a
// doubled consonant (stopped, planning) and y→i (tried).
func verbStems(w string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2])
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:len(w)-1])
	}
	if strings.HasSuffix(w, "ied") {
		add(w[:len(w)-3] + "y")
	} else if strings.HasSuffix(w, "ed") {
		base := w[:len(w)-2]
		add(base)
		add(base + "e")
		if n := len(base); n >= 2 && base[n-1] == base[n-2] {
			add(base[:n-1])
		}
	}
	if strings.HasSuffix(w, "ing") {
		base := w[:len(w)-3]
		add(base)
		add(base + "e")
		if n := len(base); n >= 2 && base[n-1] == base[n-2] {
			add(base[:n-1])
		}
	}
	return out
}

// Adverbs that may stand between a subject and its verb ("Lavrov also
// met", "Putin later received", "the two separately held").
var Adverbs = words(`also later earlier then separately jointly subsequently previously recently
	once again first further earlier today yesterday briefly warmly formally informally privately
	personally officially reportedly reportedly allegedly last finally eventually immediately shortly
	afterwards afterward meanwhile separately together already still even just only, equally too
	likewise similarly additionally thereafter subsequently successively respectively`)

// EventHeads are the nouns (and a few verbs) of dated happenings other
// than meetings: "the assassination of X on November 27", "a ceasefire
// declared on December 30", "X arrived in Tehran on Sunday".
var EventHeads = words(`
	talks negotiations ceasefire cease-fire truce declaration assassination killing arrival arrived halt
	election elections summit attack attacks bombing agreement deal referendum conference vote protest
	protests explosion earthquake coup inauguration funeral accord treaty offensive liberation strike
	strikes invasion signing resignation withdrawal sanctions uprising revolution swearing-in installation
	forum session debate visit death died appointed appointment took_office sworn dialogue
`)

// EventModifiers may stand before an event head inside its label ("peace
// talks", "presidential election", "suicide bombing").
var EventModifiers = words(`
	peace nationwide presidential parliamentary general local nuclear military terrorist suicide missile
	drone air trilateral bilateral ministerial regional snap landmark historic official state humanitarian
	deadly failed final first joint annual emergency extraordinary
`)
