package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// mentionsOf runs the layers up to names and returns the name mentions of
// the first sentence as "name|title|country" items.
func mentionsOf(text string) []string {
	f := newTestDoc(text)
	var out []string
	for _, m := range f.ments[0] {
		if m.kind != mName {
			continue
		}
		var titles []string
		for _, o := range m.offices {
			titles = append(titles, o.title)
		}
		out = append(out, m.text+"|"+strings.Join(titles, ";")+"|"+m.country)
	}
	return out
}

func newTestDoc(text string) *doc {
	d := &doc{ctx: context.Background(), text: text, aliases: map[string]int{}, visiting: map[int]bool{}, gender: map[int]bool{}}
	d.toks = tokenizeForTest(text)
	d.sents = segmentForTest(text, d.toks)
	if err := d.read(); err != nil {
		panic(err)
	}
	return d
}

func TestNameMentions(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"title before", "Syrian Foreign Minister Walid al-Muallem spoke.", []string{"Walid al-Muallem|Foreign Minister|Syria"}},
		{"title after comma", "The Minister of Foreign Affairs, Geoffrey Onyeama, spoke.", []string{"Geoffrey Onyeama|Minister of Foreign Affairs|"}},
		{"title at an institution", "The Permanent Secretary at the Ministry of Finance, Ruth Adeyemi, spoke.",
			[]string{"Ruth Adeyemi|Permanent Secretary at the Ministry of Finance|"}},
		{"an honorific that is also a family name", "Peter Obi met Governor Tom Weiss.", []string{"Peter Obi||", "Tom Weiss|Governor|"}},
		{"an institution's office set off by commas", "She met the country's defence minister, Ivo Kral, on Monday.",
			[]string{"Ivo Kral|Defence Minister|"}},
		{"an abbreviation in brackets is no name", "The Pacific Leaders (Kor-Pic) Meeting opened as Mark Brown spoke.", []string{"Mark Brown||"}},
		{"an article glued to an institution is no name", "The Speaker of the Majlis Al-Shura, Sheikh Abdullah Al-Asheikh, spoke.",
			[]string{"Abdullah Al-Asheikh|Speaker of the Majlis Al-Shura|"}},
		{"a family name with an article is a name", "Prime Minister Mohammed Shia Al-Sudani met Ali Al-Zamili.",
			[]string{"Mohammed Shia Al-Sudani|Prime Minister|", "Ali Al-Zamili||"}},
		{"an outlet that reported", "Ana Costa met Ivo Kral on Monday, Die Welt reported.", []string{"Ana Costa||", "Ivo Kral||"}},
		{"an honorific with an apostrophe", "Prime Minister Dato' Sri Ivo Kral met Ana Costa.",
			[]string{"Ivo Kral|Prime Minister|", "Ana Costa||"}},
		{"an apostrophe ending a name's word", "Prime Minister Mohammed Shia' al-Sudani met Ana Costa.",
			[]string{"Mohammed Shia al-Sudani|Prime Minister|", "Ana Costa||"}},
		{"a family name He after a title", "Ana Costa met Vice Premier He Ivo on Monday.",
			[]string{"Ana Costa||", "He Ivo|Vice Premier|"}},
		{"a family name To after a rank", "Minister of Public Security General To Lam met Ana Costa.",
			[]string{"To Lam|Minister of Public Security|", "Ana Costa||"}},
		{"Indian honorifics with a dot", "Chief Minister Ivo Kral called on President Smt. Ana Costa and Sh. Omar Said yesterday.",
			[]string{"Ivo Kral|Chief Minister|", "Ana Costa|President|", "Omar Said||"}},
		{"a given name that is an English word, after a title", "Foreign Minister Than Swe met Ana Costa.",
			[]string{"Than Swe|Foreign Minister|", "Ana Costa||"}},
		{"a body named in lower case after of", "Ana Costa met the head of the UN nuclear watchdog, Ivo Kral, on Monday.",
			[]string{"Ana Costa||", "Ivo Kral|Head of the UN Nuclear Watchdog|"}},
		{"an envoy's brief in lower case", "Ana Costa met EU envoy for the Belgrade-Pristina dialogue Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral|EU Envoy for the Belgrade-Pristina Dialogue|"}},
		{"a chamber named by a plural, after the name", "Ivo Kral, Speaker of the House of Representatives, met Ana Costa.",
			[]string{"Ivo Kral|Speaker of the House of Representatives|", "Ana Costa||"}},
		{"a province of two words before a title", "Tamil Nadu Chief Minister Ivo Kral met Ana Costa.",
			[]string{"Ivo Kral|Tamil Nadu Chief Minister|", "Ana Costa||"}},
		{"a managing director", "The IMF's Deputy Managing Director, Ivo Kral, met Ana Costa.",
			[]string{"Ivo Kral|IMF Deputy Managing Director|", "Ana Costa||"}},
		{"utilities in a portfolio", "Ivo Kral, the Minister of Energy Transition and Public Utilities, met Ana Costa.",
			[]string{"Ivo Kral|Minister of Energy Transition and Public Utilities|", "Ana Costa||"}},
		{"a count of days after a name", "Ana Costa met Ivo Kral 10 days ago.", []string{"Ana Costa||", "Ivo Kral||"}},
		{"a product's number after a name", "Ana Costa flew on a Boeing 737 to Oslo.", []string{"Ana Costa||"}},
		{"a bank of a country before a title", "State Bank of Pakistan Governor Ivo Kral met Ana Costa.",
			[]string{"Ivo Kral|State Bank of Pakistan Governor|", "Ana Costa||"}},
		{"a central bank named by its country", "Governor of the Central Bank of Nigeria Ivo Kral met Ana Costa.",
			[]string{"Ivo Kral|Governor of the Central Bank of Nigeria|Nigeria", "Ana Costa||"}},
		{"a body's first word after a title and a comma", "The Chairman, Independent National Electoral Commission (INEC), Prof. Ivo Kral, met Ana Costa.",
			[]string{"Ivo Kral||", "Ana Costa||"}},
		{"a second office the person also serves as", "Prime Minister Ivo Kral, who also serves as Defence Minister, met Ana Costa.",
			[]string{"Ivo Kral|Prime Minister;Defence Minister|", "Ana Costa||"}},
		{"a desk signs no person", "F.P. Report\n\nAna Costa met Ivo Kral.", []string{}},
		{"a province between a title and a name", "Governor Sindh Ivo Kral Hale and Chief Minister Sindh Syed Omar Said met Ana Costa.",
			[]string{"Ivo Kral Hale|Governor Sindh|", "Omar Said|Chief Minister Sindh|", "Ana Costa||"}},
		{"an airport named after a king", "Ana Costa arrived at King Abdulaziz International Airport and met Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral||"}},
		{"a causeway named after a king", "Ana Costa crossed the King Fahd Causeway and met Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral||"}},
		{"a park named after a queen", "Ana Costa toured Queen Elizabeth Olympic Park with Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral||"}},
		{"a king is still a king", "Ana Costa met King Omar Said at the palace.",
			[]string{"Ana Costa||", "Omar Said|King|"}},
		{"Tan is a family name but in Tan Sri", "Mr Tan met Tan Sri Ivo Kral and Tan See Leng.",
			[]string{"Tan||", "Ivo Kral||", "Tan See Leng||"}},
		{"a chamber named by a plural", "The Speaker of the House of Representatives, Ivo Kral, met Ana Costa.",
			[]string{"Ivo Kral|Speaker of the House of Representatives|", "Ana Costa||"}},
		{"a council named by a plural, before the name", "Ana Costa met Secretary of the Council of Ministers Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral|Secretary of the Council of Ministers|"}},
		{"a bank before a title is the body", "Ana Costa received World Bank President Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral|World Bank President|"}},
		{"a nickname in quotes after a name", `Prime Minister Ivo Kamal Kral "Prachanda" met Ana Costa.`,
			[]string{"Ivo Kamal Kral|Prime Minister|", "Ana Costa||"}},
		{"a region ends a portfolio", "Ana Costa met the Assistant Secretary for South and Central Asia, Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral|Assistant Secretary for South and Central Asia|"}},
		{"two continents in a portfolio", "Ana Costa met the Minister for Europe and Africa, Ivo Kral.",
			[]string{"Ana Costa||", "Ivo Kral|Minister for Europe and Africa|"}},
		{"a dateline place in mixed case", "Sharm el-Sheikh, Egypt (dpa) - Ana Costa spoke.", []string{"Ana Costa||"}},
		{"a body's name inside a portfolio", "Ana Vidal met Minister of Foreign and Caricom Affairs Dennis Moses.",
			[]string{"Ana Vidal||", "Dennis Moses|Minister of Foreign and Caricom Affairs|"}},
		{"abstract nouns of a portfolio are no names", "Ana Vidal met European Commissioner for Neighbourhood and Enlargement Oliver Varga.",
			[]string{"Ana Vidal||", "Oliver Varga|European Commissioner for Neighbourhood and Enlargement|"}},
		{"a given name that looks like a noun", "Ana Vidal met Clement Attlee and Laurence Florence.", []string{"Ana Vidal||", "Clement Attlee||", "Laurence Florence||"}},
		{"the first leader to visit is no office", "Prime Minister Hun Sen became the first foreign leader to visit Myanmar.", []string{"Hun Sen|Prime Minister|"}},
		{"a place that is a given name", "Israel Katz met Marine Le Pen and Santiago Pena.", []string{"Israel Katz||", "Marine Le Pen||", "Santiago Pena||"}},
		{"a place before a title is a place", "Jordan King Abdullah met Israel Defense Minister Benny Gantz.",
			[]string{"Abdullah|King|Jordan", "Benny Gantz|Defense Minister|Israel"}},
		{"a place after a preposition is a place", "In Israel Netanyahu met Blinken.", []string{"Netanyahu||", "Blinken||"}},
		{"a place before a newspaper is no given name", "The Jerusalem Post said Ana Costa spoke.", []string{"Ana Costa||"}},
		{"a place after at is no title", "She spoke at the Kremlin to Foreign Minister Ivan Sokol.", []string{"Ivan Sokol|Foreign Minister|"}},
		{"appositive", "Sergey Lavrov, the Russian Foreign Minister, flew in.", []string{"Sergey Lavrov|Foreign Minister|Russia"}},
		{"several offices", "Prince Salman bin Abdulaziz, Crown Prince, Deputy Premier and Minister of Defense, spoke.",
			[]string{"Salman bin Abdulaziz|Crown Prince;Deputy Premier;Minister of Defense|"}},
		{"abbreviation", "PM Narendra Modi spoke.", []string{"Narendra Modi|Prime Minister|"}},
		{"glued cabinet secretary", "Foreign Affairs CS Alfred Mutua spoke.", []string{"Alfred Mutua|Foreign Affairs Cabinet Secretary|"}},
		{"honorific chain", "His Highness Sheikh Mohamed bin Zayed Al Nahyan spoke.", []string{"Mohamed bin Zayed Al Nahyan||"}},
		{"Malay honorifics", "Prime Minister Tan Sri Muhyiddin Yassin spoke.", []string{"Muhyiddin Yassin|Prime Minister|"}},
		{"weak honorific kept", "President Nana Addo Dankwa Akufo-Addo spoke.", []string{"Nana Addo Dankwa Akufo-Addo|President|"}},
		{"regnal name", "King Abdullah II of Jordan spoke.", []string{"Abdullah II|King|Jordan"}},
		{"initials", "External Affairs Minister S. Jaishankar spoke.", []string{"S. Jaishankar|External Affairs Minister|"}},
		{"generations", "George H. W. Bush met George W. Bush.", []string{"George H. W. Bush||", "George W. Bush||"}},
		{"counterpart", "He met his Omani counterpart, Sayyid Badr Albusaidi.", []string{"Badr Albusaidi||Oman"}},
		{"former", "She met former prime minister Pushpa Dahal.", []string{"Pushpa Dahal|Prime Minister|"}},
		{"complement is no title", "Velayati, a senior adviser to Ayatollah Ali Khamenei, spoke.",
			[]string{"Velayati|Senior Adviser|", "Ali Khamenei||"}},
		{"place is no person", "He flew to Addis Ababa and met Jacob Zuma.", []string{"Jacob Zuma||"}},
		{"organisation is no person", "Officials of the Workers' Party of Korea met Moon Jae In.", []string{"Moon Jae In||"}},
		{"title ending in s", "Charge d'Affaires Ana Lopes spoke.", []string{"Ana Lopes|Charge d'Affaires|"}},
		{"appositive placed at an embassy", "Ana Lopes, Ambassador at the Brazilian Embassy in Lima, spoke.", []string{"Ana Lopes|Ambassador|"}},
		{"faith word inside a name", "Minister Nurul Islam Hamid met Christian Vogel.", []string{"Nurul Islam Hamid|Minister|", "Christian Vogel||"}},
		{"faith word in a name", "Iraqi Prime Minister Mohammed Shia al-Sudani arrived.", []string{"Mohammed Shia al-Sudani|Prime Minister|Iraq"}},
		{"faith word alone", "Leaders of Islam met Olaf Brandt.", []string{"Olaf Brandt||"}},
		{"title that is a given name after a title", "Party member Amir Hossain Chowdhury spoke.", []string{"Amir Hossain Chowdhury|Party Member|"}},
		{"brackets, then an appositive", "Representative Ben Thomas (D-MS), chairman of the Committee on Homeland Security, spoke.",
			[]string{"Ben Thomas|Representative;Chairman of the Committee on Homeland Security|"}},
		{"appositive up to a named person's title", "Mohammad Jamsh, a deputy chief of staff to Iranian President Ebrahim Rais, said more.",
			[]string{"Mohammad Jamsh|Deputy Chief of Staff|", "Ebrahim Rais|President|Iran"}},
		{"appositive with a lower-case body", "Javier Moro, head of the PSOE delegation in the chamber, joined the talks.",
			[]string{"Javier Moro|Head of the PSOE Delegation in the Chamber|"}},
		{"title case headline verbs", "Ruto Hosts US Senator Chris Coons", []string{"Ruto||", "Chris Coons|Senator|United States"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentionsOf(tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPeopleOfAnArticle checks that the short forms of names join the one
// person they fit, and only that one.
func TestPeopleOfAnArticle(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // people as "name=alias,alias"
	}{
		{"surname", "Foreign Minister Geoffrey Onyeama met envoys. Onyeama thanked them.", []string{"Geoffrey Onyeama=Onyeama"}},
		{"family name first", "Foreign Minister Wang Yi arrived. Wang met the press.", []string{"Wang Yi=Wang"}},
		{"given name for a royal", "Prince Salman bin Abdulaziz received guests. Prince Salman later hosted a dinner.", []string{"Salman bin Abdulaziz=Salman"}},
		{"nickname in brackets", "President Joko Widodo (Jokowi) spoke. Jokowi smiled.", []string{"Joko Widodo=Jokowi"}},
		{"a regnal number at a text's end", "Harald V spoke. Queen Ana Reis met King Harald V.", []string{"Harald V=", "Ana Reis="}},
		{"nickname in quotation marks inside the name", `President Omar "Bobo" Tahiri spoke. Bobo smiled.`, []string{"Omar Tahiri=Bobo"}},
		{"nickname in curly quotation marks before particles", "President Luiz Carlos “Cacá” da Rocha spoke. Cacá smiled.", []string{"Luiz Carlos da Rocha=Cacá"}},
		{"a quoted word after a name is no nickname", `President Omar Tahiri said "Thanks" Ivo Kral.`, []string{"Omar Tahiri=", "Ivo Kral="}},
		{"Former opening a sentence is no name", "Former Prime Minister Ivo Kral spoke.", []string{"Ivo Kral="}},
		{"shared surname, different people", "President Joko Widodo and First Lady Iriana Joko Widodo arrived.",
			[]string{"Joko Widodo=", "Iriana Joko Widodo="}},
		{"the office holder of a family", "Prime Minister James Marape and his wife, Rachel Marape, arrived. Marape spoke.",
			[]string{"James Marape=Marape", "Rachel Marape="}},
		{"hyphens and particles spelt two ways", "President Abdel Fattah el-Sisi arrived. President Abdel-Fattah El-Sisi spoke.",
			[]string{"Abdel Fattah el-Sisi=Abdel-Fattah El-Sisi"}},
		{"hyphenated place is no person", "Governor Dapo Abiodun flew to Ijebu-Ode on Monday.", []string{"Dapo Abiodun="}},
		{"a name before a plural noun is a modifier", "Prime Minister Sione Rabu was welcomed by Motu Koitabu traditional dancers.",
			[]string{"Sione Rabu="}},
		{"a name spelt two ways", "Foreign Minister Abbas Araqchi arrived. Minister Abbas Araghchi spoke.",
			[]string{"Abbas Araqchi=Abbas Araghchi"}},
		{"two names differing in more than spelling", "Minister Abbas Karimi arrived. Minister Abbas Kazemi spoke.",
			[]string{"Abbas Karimi=", "Abbas Kazemi="}},
		{"unknown one-word name is no person", "Reuters said Jones arrived.", nil},
		{"a family name that opens with its particles, after a title", "President von der Leyen met Mr de Klerk.", []string{"von der Leyen=", "de Klerk="}},
		{"the province of a provincial office is no person", "Syed Murad Ali Shah, Chief Minister Sindh, chaired a meeting.", []string{"Murad Ali Shah="}},
		{"a job word opening the sentence is no part of the name", "Lobbyist Ana Reis met Ombudsman Tom Hale.", []string{"Ana Reis=", "Tom Hale="}},
		{"a respectful suffix and a church style are no part of the name", "Shri Ana Reis Ji met The Most Revd Tom Hale.", []string{"Ana Reis=", "Tom Hale="}},
		{"initials of a person named in full before", "Crown Prince Ana bin Reis arrived. ABR met Tom Hale. NATO met.", []string{"Ana bin Reis=ABR", "Tom Hale="}},
		{"one side of a meeting between", "The meeting between Lula and Ana Reis took place on Tuesday.", []string{"Lula=", "Ana Reis="}},
		{"one side of talks between, named second", "Talks between Ana Reis and Lula took place on Tuesday.", []string{"Ana Reis=", "Lula="}},
		{"both sides of a possessed meeting", "Hale's meeting with Kral on Monday lasted an hour.", []string{"Hale=", "Kral="}},
		{"the subject of a relative clause that meets a name", "Petro, who met Ana Reis on Tuesday, spoke.", []string{"Petro=", "Ana Reis="}},
		{"a subject pair that had met", "Ana Reis and Lula had met in January.", []string{"Ana Reis=", "Lula="}},
		{"two one-word names that talked", "Hale and Kral talked on Monday.", []string{"Hale=", "Kral="}},
		{"held a meeting with", "President Ivo Kral held a meeting with Orban on Tuesday. Lula held a meeting on Monday with Ana Reis.",
			[]string{"Ivo Kral=", "Orban=", "Lula=", "Ana Reis="}},
		{"a country between is no person", "Relations between Brazil and Ana Reis's France improved. Qatar held a meeting with Ana Reis.", []string{"Ana Reis="}},
		{"one-word names in a list that met", "Jeffries, Schumer and McCarthy met on Tuesday. Thune met Kaine, Risch and Cruz.",
			[]string{"Jeffries=", "Schumer=", "McCarthy=", "Thune=", "Kaine=", "Risch=", "Cruz="}},
		{"one-word names that huddled, shook hands, were received, had a call with", "Hale and Kral huddled. Pike and Moreno shook hands. Reis was received by Mora. Lund had a telephone conversation with Dahl.",
			[]string{"Hale=", "Kral=", "Pike=", "Moreno=", "Reis=", "Mora=", "Lund=", "Dahl="}},
		{"bodies that shook hands on a deal are no people", "Gazprom and Rosneft shook hands on a deal on Tuesday.", nil},
		{"a royal's one name is not another's given name", "King Ivo met European Council President Ivo Kral. President Tom Hale was greeted by Prince Tom.",
			[]string{"Ivo=", "Ivo Kral=", "Tom Hale=", "Tom="}},
		{"but a prince's given name is his own", "Crown Prince Salman bin Abdulaziz arrived. Prince Salman met guests.", []string{"Salman bin Abdulaziz=Salman"}},
		{"a news site, a team and a country in its own spelling are no people", "Ahram Online said the Ministerial Team met Minister Ana Costa in Việt Nam.", []string{"Ana Costa="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Extract(Document{Text: tt.in, Published: "2024-01-01"})
			var got []string
			for _, p := range f.People {
				got = append(got, p.Name+"="+strings.Join(p.Aliases, ","))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "person: title (of) current"
	}{
		{"Ghana's President Nana Akufo-Addo met Cuba's Foreign Minister Bruno Rodriguez.",
			[]string{"Nana Akufo-Addo: President (Ghana) true", "Bruno Rodriguez: Foreign Minister (Cuba) true"}},
		{"He met his predecessor Walid Muallem. Syrian Foreign Minister Faisal Mekdad spoke.",
			[]string{"Faisal Mekdad: Foreign Minister (Syria) true"}},
		{"Foreign Minister Faisal Mekdad met his predecessor Walid Muallem.",
			[]string{"Faisal Mekdad: Foreign Minister () true", "Walid Muallem: Foreign Minister () false"}},
		{"Italian Premier Giorgia Meloni met Chinese Premier Li Qiang.",
			[]string{"Giorgia Meloni: Prime Minister (Italy) true", "Li Qiang: Premier (China) true"}},
		{"Premier Jean Ayrault, who is also Prime Minister, spoke.", []string{"Jean Ayrault: Prime Minister () true"}},
		{"Peace will come, said Rostami. Rostami said more. \"We stand by you,\" the Iranian president noted.",
			[]string{"Rostami: President (Iran) true"}},
		{"Somalia's new ambassador, Ali Mohamud, arrived.", []string{"Ali Mohamud: Ambassador (Somalia) true"}},
		{"He was greeted by the Minister of the Interior, Local Authorities and Regional Planning, Kamel Bel.",
			[]string{"Kamel Bel: Minister of the Interior, Local Authorities and Regional Planning () true"}},
		{"Commissioner for Health, Humanitarian Affairs and Social Development Amma Twum spoke.",
			[]string{"Amma Twum: Commissioner for Health, Humanitarian Affairs and Social Development () true"}},
		{"She held talks with Nicole Manz, the US consul general in Dhahran, on trade.",
			[]string{"Nicole Manz: Consul General in Dhahran (United States) true"}},
		{"Admiral Dong Jun, who took over as China's defence minister in December, spoke.",
			[]string{"Dong Jun: Defence Minister (China) true"}},
		{"Defence Minister Dong Jun spoke. Austin had met Dong's predecessor-but-one, Wei Feng, in Cambodia.",
			[]string{"Dong Jun: Defence Minister () true", "Wei Feng: Defence Minister () false"}},
		{"Defence Secretary Lloyd Austin met his Chinese counterpart, Dong Jun.",
			[]string{"Lloyd Austin: Defence Secretary () true", "Dong Jun: Defence Minister (China) true"}},
		{"Foreign Minister Ana Kova met her Latvian and Estonian counterparts, Ivo Berzins and Mart Tamm.",
			[]string{"Ana Kova: Foreign Minister () true", "Ivo Berzins: Foreign Minister (Latvia) true", "Mart Tamm: Foreign Minister (Estonia) true"}},
		{"The Chilean, Peruvian and Bolivian presidents, Rosa Diaz, Luis Vera and Juan Mamani, spoke.",
			[]string{"Rosa Diaz: President (Chile) true", "Luis Vera: President (Peru) true", "Juan Mamani: President (Bolivia) true"}},
		{"Jacob Zuma, who heads the AU's high-level panel on Libya, spoke.",
			[]string{"Jacob Zuma: Head of the AU's high-level panel on Libya () true"}},
		{"Akin Ambode, who governed Lagos between 2015 and 2019, spoke.",
			[]string{"Akin Ambode: Governor of Lagos () false"}},
		{"Ambassador Ali Mohamud had been serving as Charge d'Affaires at the embassy before his elevation.",
			[]string{"Ali Mohamud: Ambassador () true", "Ali Mohamud: Charge d'Affaires () false"}},
		{"Thai Prime Minister Prayut Chan-o-cha spoke.", []string{"Prayut Chan-o-cha: Prime Minister (Thailand) true"}},
		{"Czech Foreign Minister Jan Novy spoke on Jan 5.", []string{"Jan Novy: Foreign Minister (Czech Republic) true"}},
		{"Former Czech Foreign Minister Jan Novy spoke.", []string{"Jan Novy: Foreign Minister (Czech Republic) false"}},
		{"Governor Ada Obi received Musa Bello, the Chairman of the Chamber of Commerce, on Monday.",
			[]string{"Ada Obi: Governor () true", "Musa Bello: Chairman of the Chamber of Commerce () true"}},
		{"Eva Lind, Tom Hale's foreign minister, spoke.", []string{"Eva Lind: Foreign Minister () true"}},
		{"Chief Justice of the Supreme Court Ana Reis met Governor Young of Ohio.",
			[]string{"Ana Reis: Chief Justice of the Supreme Court () true", "Young: Governor () true"}},
		{"President Li Wen, also general secretary of the party and chairman of the commission, spoke.",
			[]string{"Li Wen: President () true", "Li Wen: General Secretary of the Party () true", "Li Wen: Chairman of the Commission () true"}},
		{"President Ali Tabet received on Thursday in Algiers the President of the Spanish Government, Pedro Sanz.",
			[]string{"Ali Tabet: President () true", "Pedro Sanz: President of the Spanish Government () true"}},
		{"President Ana Reis met Tom Hale on Monday and Chancellor Eva Lind on Tuesday.",
			[]string{"Ana Reis: President () true", "Eva Lind: Chancellor () true"}},
		{"Nigeria's late former President Ado Bello spoke.", []string{"Ado Bello: President (Nigeria) false"}},
		{"Ana Reis, head of the Central Bank, spoke.", []string{"Ana Reis: Head of the Central Bank () true"}},
		{"Governor of the Central Bank Ana Reis spoke.", []string{"Ana Reis: Governor of the Central Bank () true"}},
		{"Ana Reis, the country's foreign minister, spoke.", []string{"Ana Reis: Foreign Minister () true"}},
		{"Foreign Minister Park Jin met President Park Geun-hye.", []string{"Park Jin: Foreign Minister () true", "Park Geun-hye: President () true"}},
		{"During his stay Minister Ana Reis met Tom Hale.", []string{"Ana Reis: Minister () true"}},
		{"Gov. Ana Reis, a first-time governor, spoke.", []string{"Ana Reis: Governor () true"}},
		{"Envoy Ana Reis met rebel leader Tom Hale and union chief Ivo Kral on Monday.",
			[]string{"Ana Reis: Envoy () true", "Tom Hale: Rebel Leader () true", "Ivo Kral: Union Chief () true"}},
		{"Governor Ada Obi received Musa Bello, the President of the Kano Traders Union, on Monday.",
			[]string{"Ada Obi: Governor () true", "Musa Bello: President of the Kano Traders Union () true"}},
		{"Kim Tok Hun, Premier of the Democratic People's Republic of Korea, wrote.",
			[]string{"Kim Tok Hun: Premier (North Korea) true"}},
		{"The delegation included Ana Botch, Mat Prem and Kofi Manu, respectively the ministers of Foreign Affairs and Regional Integration, Education and Health, as well as the envoy.",
			[]string{"Ana Botch: Minister of Foreign Affairs and Regional Integration () true", "Mat Prem: Minister of Education () true", "Kofi Manu: Minister of Health () true"}},
		{"The side comprised Foreign Minister Bruno Parra; Rodrigo Malmi (Foreign Trade and Investment) and Jose Porta (Public Health).",
			[]string{"Bruno Parra: Foreign Minister () true", "Rodrigo Malmi: Minister of Foreign Trade and Investment () true", "Jose Porta: Minister of Public Health () true"}},
		{"Prince Muqrin Aziz, Second Deputy Premier, attended.", []string{"Muqrin Aziz: Second Deputy Premier () true"}},
		{"Representative Eliot Engel (D-NY) spoke after Foreign Minister Bruno Parra.", []string{"Eliot Engel: Representative () true", "Bruno Parra: Foreign Minister () true"}},
		{"Governor Johnson Saka received the team alongside his deputy, James Muchi.",
			[]string{"Johnson Saka: Governor () true", "James Muchi: Deputy Governor () true"}},
		{"China's envoy to Nigeria, Cui Jian, was received.", []string{"Cui Jian: Ambassador (China) true"}},
		{"The delegation included Napoleon Abdul, Ghana's envoy in Havana.", []string{"Napoleon Abdul: Ambassador (Ghana) true"}},
		{"Special Envoy Zal Khalil spoke.", []string{"Zal Khalil: Special Envoy () true"}},
		{"Australian Foreign Affairs Minster Penny Wong arrived.", []string{"Penny Wong: Foreign Affairs Minister (Australia) true"}},
	}
	for _, tt := range tests {
		f := Extract(Document{Text: tt.in, Published: "2024-01-01"})
		var got []string
		for _, r := range f.Roles {
			got = append(got, r.Person+": "+r.Title+" ("+r.Of+") "+map[bool]string{true: "true", false: "false"}[r.Current])
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestLimits: extraction honours cancellation, cuts runaway texts and
// says so, and takes time in proportion to the text.
func TestLimits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	long := strings.Repeat("President Anna Berg met Minister Tom Walsh on Monday. ", 2000)
	if _, err := ExtractContext(ctx, Document{Text: long}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled extraction: err = %v, want context.Canceled", err)
	}
	f, err := ExtractContext(context.Background(), Document{Text: long, Published: "2024-01-01"}, Options{MaxBytes: 10000})
	if err != nil || len(f.Notes) != 1 || !strings.Contains(f.Notes[0], "cut") {
		t.Errorf("cut text: err %v, notes %q", err, f.Notes)
	}
	start := time.Now()
	Extract(Document{Text: strings.Repeat("Anna Berg, Tom Walsh, Rita Moor and Li Wei. ", 5000), Published: "2024-01-01"})
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("a 230 KB list of names took %v", d)
	}
}

// Titles read back over a previous name made mentions overlap, and the
// list of shared titles sliced them backwards (a panic that lost the
// whole article).
func TestOverlappingMentionsDoNotPanic(t *testing.T) {
	for _, text := range []string{
		"EL-SISI MEETS ABBAS, SAUDI FM AND INTELLIGENCE CHIEF IN CAIRO",
		"Egyptian President Ali Said, Saudi FM and Intelligence Chief Omar Lutfi met.",
	} {
		f := Extract(Document{ID: "t", Text: text, Published: "2014-09-08"})
		if f.ID != "t" {
			t.Errorf("%q: no facts returned", text)
		}
	}
}

// Bylines and picture credits name people: the gold of real articles lists
// them, and a reader asking who wrote a story needs them.
func TestCreditsArePeople(t *testing.T) {
	text := "BY GIRMACHEW GASHAW\n\nPresident Ivo Kral met Prime Minister Ana Vidal on Monday.\n\n" +
		"Ivo Kral arrives in Addis Ababa. REUTERS/Amr Abdallah Dalsh\n\nBy Dominic Evans\n"
	f := Extract(Document{ID: "t", Text: text, Published: "2023-05-18"})
	got := map[string]bool{}
	for _, p := range f.People {
		got[p.Name] = true
	}
	for _, want := range []string{"Girmachew Gashaw", "Amr Abdallah Dalsh", "Dominic Evans", "Ivo Kral", "Ana Vidal"} {
		if !got[want] {
			t.Errorf("%s is not among the people %v", want, f.People)
		}
	}
}
