package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// Each construction of real news that kg reads has its own sentences
// here, written for these tests. A case lists the meetings and calls the
// text reports, each as "kind Surname+Surname date", participants by the
// last word of their name, sorted.

type constructionCase struct {
	name, pub, text string
	want            []string
}

// meetingsOf extracts a text and writes its meetings in the form of
// constructionCase.want.
func meetingsOf(t *testing.T, text, pub string) []string {
	t.Helper()
	f := Extract(Document{ID: "t", Text: text, Published: pub})
	var out []string
	for _, m := range f.Meetings {
		var ps []string
		for _, p := range m.Participants {
			fs := strings.Fields(p)
			ps = append(ps, fs[len(fs)-1])
		}
		sort.Strings(ps)
		out = append(out, m.Kind+" "+strings.Join(ps, "+")+" "+schema.Deref(m.Date))
	}
	sort.Strings(out)
	return out
}

func runConstructions(t *testing.T, cases []constructionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := meetingsOf(t, tc.text, tc.pub)
			want := append([]string(nil), tc.want...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s\n got: %q\nwant: %q", tc.text, got, want)
			}
		})
	}
}

// 1. Mentions in real shapes: titles split by commas, honorific chains,
// abbreviations glued to names, descriptors, family name first,
// initials, regnal names.
func TestMentionShapes(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"an institution's office set off by commas", "2023-04-14",
			"Prime Minister Ana Vidal met the country's defence minister, Ivo Kral, on Thursday.",
			[]string{"meeting Kral+Vidal 2023-04-13"}},
		{"title set off by commas", "2024-03-05",
			"The Foreign Minister of Chile, Alberto van Klaveren, received the Ambassador of Japan, Kenji Hirata, on Monday.",
			[]string{"meeting Hirata+Klaveren 2024-03-04"}},
		{"honorific chain", "2019-06-12",
			"His Royal Highness Crown Prince Sheikh Salman bin Hamad Al Khalifa received H.E. Dominic Raab on Tuesday.",
			[]string{"meeting Khalifa+Raab 2019-06-11"}},
		{"abbreviated titles", "2023-02-10",
			"PM Sheikh Hasina met FM Sergey Lavrov in Dhaka on Thursday.",
			[]string{"meeting Hasina+Lavrov 2023-02-09"}},
		{"descriptor before a name", "2023-12-11",
			"President-elect Javier Milei met economist Luis Caputo and former minister Patricia Bullrich on Sunday.",
			[]string{"meeting Bullrich+Caputo+Milei 2023-12-10"}},
		{"family name first", "2019-04-02",
			"Wang Yi held talks with Kim Yong Chol in Beijing on Monday. Wang said the talks went well.",
			[]string{"meeting Chol+Yi 2019-04-01"}},
		{"initials", "2022-08-04",
			"External Affairs Minister S. Jaishankar called on President Ranil Wickremesinghe on Wednesday.",
			[]string{"meeting Jaishankar+Wickremesinghe 2022-08-03"}},
		{"regnal number", "2020-01-15",
			"King Abdullah II received Prime Minister Adel Abdul Mahdi at Al Husseiniya Palace on Tuesday.",
			[]string{"meeting II+Mahdi 2020-01-14"}},
		{"country possessive", "2021-05-20",
			"Turkey's Mevlut Cavusoglu sat down with Greece's Nikos Dendias in Athens on Thursday.",
			[]string{"meeting Cavusoglu+Dendias 2021-05-20"}},
	})
}

// 2. One predicate, several meetings: "separately", "respectively",
// delegations made up of named people.
func TestOnePredicateManyMeetings(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"separately with each", "2015-06-03",
			"Secretary Kerry met separately with Foreign Minister Zarif, with Foreign Minister Fabius and with Foreign Minister Steinmeier on Tuesday.",
			[]string{"meeting Fabius+Kerry 2015-06-02", "meeting Kerry+Zarif 2015-06-02", "meeting Kerry+Steinmeier 2015-06-02"}},
		{"and separately a delegation", "2016-04-11",
			"President Alpha Conde received Prime Minister Manuel Valls and, separately, a Chinese delegation made up of Minister Wang Yang and Ambassador Bian Jianqiang.",
			[]string{"meeting Conde+Valls 2016-04-11", "meeting Conde+Jianqiang+Yang 2016-04-11"}},
		{"a separate session is one meeting", "2015-08-19",
			"Prime Minister Nawaz Ali had presided over a separate session on the NSA talks on Monday, with Interior Minister Nisar Khan and Finance Minister Ishaq Darr in attendance.",
			[]string{"meeting Ali+Darr+Khan 2015-08-17"}},
		{"a group, then more names", "2010-09-15",
			"Talks resumed on September 2, 2010, when President Tom Ober hosted Eli Natan and Mahmud Abas, a day after President Hosni Mubar had dined with both men, Sultan Omar Bakri and King Abdul Hashem.",
			[]string{"meeting Abas+Natan+Ober 2010-09-02", "meeting Abas+Bakri+Hashem+Mubar+Natan 2010-09-01"}},
		{"with A (party), chairman of a committee, and with B", "2019-09-13",
			"Prime Minister Keith Rolle also held separate discussions with Representative Ben Thomas (D-MS), chairman of the Committee on Homeland Security, and with Representative Mary Walters on Thursday.",
			[]string{"meeting Rolle+Thomas 2019-09-12", "meeting Rolle+Walters 2019-09-12"}},
		{"guests of state, among them", "2023-05-17",
			"President Yoweri Mose on Tuesday received guests of state, among them Kenyan President Uhuru Kenyo and Tanzanian President John Magu.",
			[]string{"meeting Kenyo+Magu+Mose 2023-05-16"}},
		{"leaders named in the next sentence", "2023-05-17",
			"Prime Minister Abiy Ahmo held talks with leaders of South Sudan, Sudan and Djibouti on Sunday. They were President Salva Kiro, General Abdel Burhan and President Ismail Gelle.",
			[]string{"meeting Ahmo+Burhan+Gelle+Kiro 2023-05-14"}},
		{"respectively", "2018-10-20",
			"In Harare, Lusaka and Gaborone the envoy, Ambassador Ruth Mbeki, was received respectively by President Emmerson Mnangagwa, President Edgar Lungu and President Mokgweetsi Masisi.",
			[]string{"meeting Mbeki+Mnangagwa 2018-10-20", "meeting Lungu+Mbeki 2018-10-20", "meeting Masisi+Mbeki 2018-10-20"}},
	})
}

// 3. Attendees named in another sentence or phrase join the meeting.
func TestAttendees(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"also present were", "2022-09-14",
			"President Hage Geingob received Finnish Minister Ville Skinnari on Tuesday. Also present were Deputy Minister Jenelly Matundu and Ambassador Anne Lammila.",
			[]string{"meeting Geingob+Lammila+Matundu+Skinnari 2022-09-13"}},
		{"in attendance were", "2021-03-18",
			"Governor Babagana Zulum hosted Ambassador Catriona Laing on Wednesday. In attendance were Deputy Governor Umar Kadafur and Commissioner Mairo Mandara.",
			[]string{"meeting Kadafur+Laing+Mandara+Zulum 2021-03-17"}},
		{"accompanied by", "2019-11-07",
			"Army chief General Tan Wei, accompanied by Colonel Liu Fang, called on Defence Minister Ng Eng Hen on Wednesday.",
			[]string{"meeting Fang+Hen+Wei 2019-11-06"}},
		{"in the presence of", "2020-02-11",
			"The Emir received Ambassador Jean-Marc Sere in the presence of Minister Khalid bin Mohammed Al Attiyah on Monday.",
			nil},
		{"delegation included", "2017-05-24",
			"Chancellor Sebastian Kurz welcomed President Rumen Radev in Vienna on Tuesday. Radev's delegation included Foreign Minister Ekaterina Zaharieva and Economy Minister Emil Karanikolov.",
			[]string{"meeting Karanikolov+Kurz+Radev+Zaharieva 2017-05-23"}},
		{"attended by", "2018-07-02",
			"Prime Minister Imran Rahman received Minister Sushil Koirala on Sunday. The meeting was attended by Secretary Arjun Thapa.",
			[]string{"meeting Koirala+Rahman+Thapa 2018-07-01"}},
		{"joined the talks", "2023-06-16",
			"President Samia Suluhu Hassan held talks with President Paul Kagame on Thursday. Foreign Minister Vincent Biruta joined the talks.",
			[]string{"meeting Biruta+Hassan+Kagame 2023-06-15"}},
		{"in the presence of titles set off by commas, one at an institution", "2022-05-12",
			"President Rosa Lind received Ambassador Omar Tahir on Wednesday. The audience was held in the presence of the Minister of Trade, Pia Holm, and the Director of Protocol at the Presidency, Carl Ostby.",
			[]string{"meeting Holm+Lind+Ostby+Tahir 2022-05-11"}},
		{"who also took part, a relative clause", "2023-05-05",
			"Prime Minister Ana Vidal received Prime Minister Rui Mota on Thursday. Luis Brito, the foreign minister, who also took part in the meeting, said the talks went well.",
			[]string{"meeting Brito+Mota+Vidal 2023-05-04"}},
		{"received the team alongside his deputy", "2023-05-18",
			"Governor Lina Osei on Wednesday hosted visiting mayors. The visitors included Mayor Omar Ali and Mayor Ruth Bello. Governor Osei received the team at the park alongside her deputy, Tom Weiss.",
			[]string{"meeting Ali+Bello+Osei+Weiss 2023-05-17"}},
		{"received the delegation: another group named after", "2023-05-18",
			"Governor Lina Osei on Wednesday hosted Mayor Omar Ali. Governor Osei received the delegation led by Ruth Bello on Thursday.",
			[]string{"meeting Ali+Osei 2023-05-17", "meeting Bello+Osei 2023-05-18"}},
		{"a delegation listed between dashes", "2023-05-18",
			"Prime Minister Keith Rowan led his delegation - Foreign Minister Amy Brown and Finance Minister Colm Imbert - to the Senate for talks with Senator Ben Cardo on Thursday.",
			[]string{"meeting Brown+Cardo+Imbert+Rowan 2023-05-18"}},
		{"caption list", "2021-10-05",
			"From left: Minister Anna Berg, Senator Tom Walsh and Governor Rita Moor during the meeting in Boston.",
			[]string{"meeting Berg+Moor+Walsh 2021-10-05"}},
		{"appositive before took part", "2024-10-15",
			"President Lukas Brandt hosted Chancellor Eva Kern for lunch on Tuesday. Tom Weiss, an adviser in the chancellor's office, also took part.",
			[]string{"meeting Brandt+Kern+Weiss 2024-10-15"}},
		{"represented by", "2011-04-10",
			"President Ana Reis held talks with President Joao Neto on Sunday. Prime Minister Rui Costa was represented by his deputy minister Luis Prado.",
			[]string{"meeting Neto+Prado+Reis 2011-04-10"}},
		{"representing a place is no attendance", "2011-04-10",
			"President Ana Reis held talks with President Joao Neto on Sunday. Senator Luis Prado represents Lisbon.",
			[]string{"meeting Neto+Reis 2011-04-10"}},
		{"accompanied on the trip is no attendance", "2011-04-10",
			"President Ana Reis held talks with President Joao Neto on Sunday. Reis is accompanied on the trip by her adviser Luis Prado.",
			[]string{"meeting Neto+Reis 2011-04-10"}},
		{"speaker after talks between", "2011-04-10",
			"Leader Omar Saleh accepted the plan, President Ana Reis said on Sunday after talks between the strongman and a delegation of heads of state. Reis was accompanied by President Joao Neto.",
			[]string{"meeting Neto+Reis+Saleh 2011-04-10"}},
		{"in the company of", "2023-06-29",
			"President Femi Adeyemi visited Ibadan on Thursday. Oba Tunde Bello received the President, who came in the company of Minister Kola Ade and Ojo.\n\nAide Segun Ojo spoke.",
			[]string{"meeting Ade+Adeyemi+Bello+Ojo 2023-06-29"}},
		{"team led by X also comprised", "2022-11-09",
			"Governor Lina Osei received a delegation led by Kofi Mensah on Tuesday. The team, led by Mensah, also comprised Deputy Mayor Ama Boateng.",
			[]string{"meeting Boateng+Mensah+Osei 2022-11-08"}},
		{"delegation led by a possessive title", "2022-11-09",
			"Governor Lina Osei received a delegation led by the party's Secretary General, Kofi Mensah, on Tuesday.",
			[]string{"meeting Mensah+Osei 2022-11-08"}},
	})
}

// 4. Other predicates and voices, verbs and nouns alike.
func TestPredicates(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"raised an issue with someone", "2023-05-19",
			"While in Tokyo last month, President Luis Lima raised the debt issue with IMF Managing Director Kristina Georg.",
			[]string{"meeting Georg+Lima 2023-04"}},
		{"took up an incident with someone", "2023-05-19",
			"On Thursday, Assistant Secretary Donald Lu took up the incident with Ambassador Muhammad Imran at the State Department.",
			[]string{"meeting Imran+Lu 2023-05-18"}},
		{"with someone's backing is no contact", "2023-05-19",
			"President Ivo Kral took up the post with Prime Minister Ana Vidal's backing on Monday.", nil},
		{"raised something with no one named", "2023-05-19",
			"President Ivo Kral raised the issue with reporters on Monday.", nil},
		{"the meetings he held with X, a relative clause", "2023-05-19",
			"Prosecutors opened proceedings against Gianni Rossi over a series of meetings he held with Michael Laub, then the attorney general.",
			[]string{"meeting Laub+Rossi 2023-05-19"}},
		{"the talks X had with Y", "2023-05-19",
			"The talks President Ivo Kral had with Prime Minister Ana Vidal on Monday were productive.",
			[]string{"meeting Kral+Vidal 2023-05-15"}},
		{"the talks X will hold with Y", "2023-05-19",
			"The talks President Ivo Kral will hold with Prime Minister Ana Vidal on Monday are important.", nil},
		{"a verb broken at a line end", "2021-04-06",
			"Foreign Minister Ivan Sokol was warmly wel-comed by Foreign Minister Ana Vidal on Tuesday.",
			[]string{"meeting Sokol+Vidal 2021-04-06"}},
		{"a relative clause with commas of its own before the verb", "2020-07-18",
			"Prime Minister Abel Tesfaye arrived on Saturday. The Prime Minister, who is accompanied by Minister Redwan Ali and the Speaker of Parliament, Mr. Tagesse Bekele, was warmly welcomed by President Isaias Berhe on Saturday.",
			[]string{"meeting Ali+Bekele+Berhe+Tesfaye 2020-07-18"}},
		{"a joint press conference", "2023-04-14",
			"Prime Minister Ana Vidal and President Ivo Kral held a joint press conference in Prague on Thursday.",
			[]string{"meeting Kral+Vidal 2023-04-13"}},
		{"a press conference alone", "2023-04-14",
			"President Ivo Kral held a press conference on Thursday after Prime Minister Ana Vidal left.", nil},
		{"a caption's place in the picture", "2023-04-14",
			"Prime Minister Ana Vidal, left, shakes hands with President Ivo Kral during a meeting in Prague on Thursday, April 13, 2023.",
			[]string{"meeting Kral+Vidal 2023-04-13"}},
		{"agreed to resume visits during talks: the talks happened", "2023-04-14",
			"Prime Minister Ana Vidal and President Ivo Kral agreed Thursday to resume regular visits during talks in Prague.",
			[]string{"meeting Kral+Vidal 2023-04-13"}},
		{"speaking after meeting, a participle before the subordinator", "2024-03-02",
			"Speaking after meeting President Ivo Kral in Prague on Friday, Prime Minister Ana Vidal said support would continue.",
			[]string{"meeting Kral+Vidal 2024-03-01"}},
		{"following talks with", "2024-03-02",
			"Following talks with President Ivo Kral in Prague on Friday, Prime Minister Ana Vidal said support would continue.",
			[]string{"meeting Kral+Vidal 2024-03-01"}},
		{"first to be received was the delegation headed by", "2018-02-26",
			"President Teodoro Obama received envoys on Sunday. First to be received was the Saudi delegation, headed by Deputy Minister Khalid Majed.",
			[]string{"meeting Majed+Obama 2018-02-25"}},
		{"credentials presented, in turn", "2021-03-12",
			"President Yoweri Kato today received letters of credence from three new ambassadors. First to present her papers was Lulama Xenia, the new South African ambassador. Next was Ahmed Shamsi, the new Ambassador of the UAE. Somalia's new ambassador, Ali Mohamud, was the last to present his letters of credence.",
			[]string{"meeting Kato+Xenia 2021-03-12", "meeting Kato+Shamsi 2021-03-12", "meeting Kato+Mohamud 2021-03-12"}},
		{"presented credentials to", "2021-03-12",
			"Ambassador Ali Mohamud presented his credentials to President Yoweri Kato on Thursday.",
			[]string{"meeting Kato+Mohamud 2021-03-11"}},
		{"was received by", "2024-05-13", "Foreign Minister Dmytro Kuleba was received in Belgrade by President Aleksandar Vucic on Monday.",
			[]string{"meeting Kuleba+Vucic 2024-05-13"}},
		{"hosted", "2023-04-21", "Prime Minister Chris Hipkins hosted Governor-General Cindy Kiro on Friday.",
			[]string{"meeting Hipkins+Kiro 2023-04-21"}},
		{"welcomed", "2022-03-31", "President Joko Widodo welcomed Prime Minister James Marape at the palace on Thursday.",
			[]string{"meeting Marape+Widodo 2022-03-31"}},
		{"called on", "2017-10-11", "Admiral Amjad Niazi called on General Qamar Bajwa at headquarters on Tuesday.",
			[]string{"meeting Bajwa+Niazi 2017-10-10"}},
		{"called on someone to act is no meeting", "2017-10-11", "Senator Mark Lee called on President Omar Bongo to resign.", nil},
		{"paid a courtesy call", "2024-07-20", "Prime Minister Anwar Ibrahim paid a courtesy call on Sultan Hassanal Bolkiah on Saturday.",
			[]string{"meeting Bolkiah+Ibrahim 2024-07-20"}},
		{"sat down with", "2023-01-07", "President Gustavo Petro sat down with President Nicolas Maduro this Saturday afternoon.",
			[]string{"meeting Maduro+Petro 2023-01-07"}},
		{"travelled for a summit with", "2019-07-02",
			"President Elena Marsh travelled to Ottawa in June for a summit with Prime Minister Paul Dubois.",
			[]string{"meeting Dubois+Marsh 2019-06"}},
		{"a summit with no named partner is no meeting", "2019-07-02",
			"President Elena Marsh travelled to Ottawa for a summit with business leaders.", nil},
		{"short opening phrase, then for a meeting with", "2019-07-02",
			"Prime Minister Paul Dubois visited the Senate. After lunch Dubois was back at the House for a meeting with Speaker Anna Holt.",
			[]string{"meeting Dubois+Holt 2019-07-02"}},
		{"expected to travel for talks is no meeting", "2019-07-02",
			"Foreign Minister Lena Storm is expected to visit Oslo next week for talks with Prime Minister Erna Dahl.", nil},
		{"called for talks is no meeting", "2019-07-02",
			"Senator Ian Reyes called for talks with President Omar Lutfi.", nil},
		{"after seeing", "2012-03-12",
			"Envoy Maria Okafor flew to Lagos after seeing Foreign Minister Tunde Bakare in Abuja on Saturday.",
			[]string{"meeting Bakare+Okafor 2012-03-10"}},
		{"told someone at a meeting", "2024-10-15",
			"At the previous dinner, on June 26, President Lukas Brandt told Chancellor Eva Kern that talks must go on.",
			[]string{"meeting Brandt+Kern 2024-06-26"}},
		{"told reporters at a meeting is no meeting", "2024-10-15",
			"At the meeting on Monday, President Lukas Brandt told reporters that talks must go on.", nil},
		{"headline verbs sharing a subject", "2019-09-11",
			"Chinese FM Wang Li calls on Dahal, meets Deuba\n\nForeign Minister Wang Li called on Prime Minister Pushpa Dahal on Tuesday. He also met Sher Deuba on Tuesday.",
			[]string{"meeting Dahal+Li 2019-09-10", "meeting Deuba+Li 2019-09-10"}},
		{"met A and received B", "2019-09-11",
			"Foreign Minister Wang Li met Prime Minister Pushpa Dahal and received Sher Deuba on Tuesday.",
			[]string{"meeting Dahal+Li 2019-09-10", "meeting Deuba+Li 2019-09-10"}},
		{"a headline's vague date restates the body", "2023-06-27",
			"Lula hosts Fernandez for fourth time this year\n\nPresident Luiz Lula hosted President Alberto Fernandez in Brasilia on Monday.",
			[]string{"meeting Fernandez+Lula 2023-06-26"}},
		{"caption: during their meeting", "2020-06-30",
			"Minister Petra Kovac and Ambassador Ivo Horvat during their meeting in Zagreb on June 29.",
			[]string{"meeting Horvat+Kovac 2020-06-29"}},
		{"caption: during a meeting with", "2020-06-30",
			"Minister Petra Kovac (left) during a meeting with Ambassador Ivo Horvat on June 29.",
			[]string{"meeting Horvat+Kovac 2020-06-29"}},
		{"with an unknown description before a name", "2021-04-02",
			"Senator Ana Ruiz met with top Brazilian trade policy official Jorge Lemos on Thursday.",
			[]string{"meeting Lemos+Ruiz 2021-04-01"}},
		{"conferred with", "2014-09-08", "President Abdel Fattah el-Sisi conferred with Prince Saud al-Faisal on Sunday.",
			[]string{"meeting al-Faisal+el-Sisi 2014-09-07"}},
		{"granted an audience", "2021-08-24", "Minister Geoffrey Onyeama granted an audience to Ambassador Cui Jianchun on Tuesday.",
			[]string{"meeting Jianchun+Onyeama 2021-08-24"}},
		{"gave audience", "2020-01-15", "Sultan Haitham bin Tarik gave audience to Minister Francesco Boccia on Wednesday.",
			[]string{"meeting Boccia+Tarik 2020-01-15"}},
		{"talks between", "2022-10-07", "The talks between President Ilham Aliyev and Prime Minister Nikol Pashinyan lasted an hour on Thursday.",
			[]string{"meeting Aliyev+Pashinyan 2022-10-06"}},
		{"possessive meeting noun", "2019-02-08", "Commission President Jean-Claude Juncker's meeting with Prime Minister Theresa May on Thursday was robust.",
			[]string{"meeting Juncker+May 2019-02-07"}},
		{"adjective before a verb form makes it a noun", "2014-12-10",
			"President Alpha Konde met Cellou Diallo on Monday. Their most recent political talks, he added, were held in April 2012.",
			[]string{"meeting Diallo+Konde 2014-12-08", "meeting Diallo+Konde 2012-04"}},
		{"began a private meeting", "2023-05-17",
			"President Vlad Putkin and President Recep Erdo began a private meeting in Sochi on Monday.",
			[]string{"meeting Erdo+Putkin 2023-05-15"}},
		{"X and Y met", "2021-06-17", "President Joe Biden and President Vladimir Putin met in Geneva on Wednesday.",
			[]string{"meeting Biden+Putin 2021-06-16"}},
		{"played host to", "2023-05-18", "Governor Johnson Sakaja played host to Mayor Omar Abdullahi on Wednesday.",
			[]string{"meeting Abdullahi+Sakaja 2023-05-17"}},
		{"after meeting", "2023-10-16", "After meeting Vice President Delcy Rodriguez, Minister Alicia Barcena flew to Caracas on Monday.",
			[]string{"meeting Barcena+Rodriguez 2023-10-16"}},
		{"quoted post speaks for its author", "2023-08-18",
			"\"Held talks with Senator Chris Coons at State House,\" President William Ruto posted on Friday.",
			[]string{"meeting Coons+Ruto 2023-08-18"}},
	})
}

// 5. Participants named by description or pronoun.
func TestDescriptions(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"on hand to greet him: him is not the greeter", "2023-05-19",
			"Prime Minister Sitiveni Rabuka is already in the country; Deputy Prime Minister John Rosso was on hand to greet him when he landed on Thursday afternoon.",
			[]string{"meeting Rabuka+Rosso 2023-05-18"}},
		{"she after a man and a woman: the woman", "2023-04-14",
			"President Ivo Kral met Prime Minister Ana Vidal on Thursday. She later met Foreign Minister Luis Brito.",
			[]string{"meeting Kral+Vidal 2023-04-13", "meeting Brito+Vidal 2023-04-13"}},
		{"he after a man and a woman: the man", "2023-04-14",
			"Prime Minister Ana Vidal met President Ivo Kral on Thursday. He later met Foreign Minister Luis Brito.",
			[]string{"meeting Kral+Vidal 2023-04-13", "meeting Brito+Kral 2023-04-13"}},
		{"the visiting minister is the one who arrived, not the host she met", "2023-04-14",
			"Foreign Minister Lena Berg arrived in Hanoi on Thursday. She met her Vietnamese counterpart Bui Thanh Son. The visiting minister was later received by Vice President Vo Thi Anh Xuan.",
			[]string{"meeting Berg+Son 2023-04-13", "meeting Berg+Xuan 2023-04-13"}},
		{"the visiting minister", "2022-05-28",
			"Prime Minister Frank Bainimarama spoke of Australian Foreign Minister Penny Wong. The Prime Minister received a courtesy call from the visiting minister in Suva yesterday.",
			[]string{"meeting Bainimarama+Wong 2022-05-27"}},
		{"his counterpart", "2021-04-06",
			"Foreign Minister Shah Mahmood Qureshi welcomed Russian Foreign Minister Sergey Lavrov on Tuesday. Qureshi and his Russian counterpart then had an informal meeting.",
			[]string{"meeting Lavrov+Qureshi 2021-04-06"}},
		{"the two leaders", "2020-07-18",
			"President Isaias Afwerki welcomed Prime Minister Abiy Ahmed at the airport on Saturday. The two leaders then held talks.",
			[]string{"meeting Afwerki+Ahmed 2020-07-18"}},
		{"he", "2021-08-24",
			"Minister Geoffrey Onyeama received the Ethiopian envoy on Tuesday. He also met Ambassador Jalel Trabelsi.",
			[]string{"meeting Onyeama+Trabelsi 2021-08-24"}},
		{"the Qatari guest", "2024-01-08",
			"President Recep Tayyip Erdogan received Qatari Prime Minister Mohammed bin Abdulrahman Al Thani on Sunday. The Qatari guest later met Vice President Cevdet Yilmaz.",
			[]string{"meeting Erdogan+Thani 2024-01-07", "meeting Thani+Yilmaz 2024-01-07"}},
		{"the retired president is not the president", "2024-02-07",
			"President Anna Kivu met former President Paul Nderu on Tuesday. On January 24, the retired president stopped over in Kampala to brief President Joseph Okello.",
			[]string{"meeting Kivu+Nderu 2024-02-06", "meeting Nderu+Okello 2024-01-24"}},
		{"a description's nationality before an unknown one", "2024-02-07",
			"Ugandan President Joseph Okello met President Marc Lumu on Tuesday. Former President Paul Nderu spoke. In August, Nderu also called on the Ugandan leader in Entebbe.",
			[]string{"meeting Lumu+Okello 2024-02-06", "meeting Nderu+Okello 2023-08"}},
		{"a pronoun keeps the topic", "2020-09-17",
			"Chairman Gianni Rossi held talks with President Tom Hale on Thursday. A statement quoted him as thanking the president. He also called on Attorney General Bill Barr during his stay.",
			[]string{"meeting Hale+Rossi 2020-09-17", "meeting Barr+Rossi 2020-09-17"}},
		{"a description named earlier in the sentence", "2011-04-10",
			"Leader Omar Saleh accepted the plan on Sunday after talks between the strongman and President Ana Reis.",
			[]string{"meeting Reis+Saleh 2011-04-10"}},
		{"the source of 'according to' speaks of himself", "2023-06-20",
			"President Lars Berg received Minister Tom Dale on Monday. According to Berg, the two sides agreed to act on the understandings that he and President Ivan Petrov reached when they met in Oslo last November.",
			[]string{"meeting Berg+Dale 2023-06-19", "meeting Berg+Petrov 2022-11"}},
		{"a short name shared in a family is the protagonist's", "2018-03-31",
			"Leader Kim Jong Un met Chairman Thomas Bach on Friday. Kim Jong Un praised the games. His sister Kim Yo Jong had attended them. Kim later met Premier Li Keqiang on Friday.",
			[]string{"meeting Bach+Un 2018-03-30", "meeting Keqiang+Un 2018-03-30"}},
		{"a group named in apposition", "2015-08-19",
			"Talks between the two foreign secretaries, Aziz Chaudhry and Subra Jaishankar, were held in Delhi on Tuesday.",
			[]string{"meeting Chaudhry+Jaishankar 2015-08-18"}},
		{"a speaker named without office, described later", "2017-01-19",
			"In a Wednesday meeting with visiting Prime Minister Imad Karim, Rostami said peace is near. Peace will come, said Rostami. \"We stand by you,\" the Iranian president noted.",
			[]string{"meeting Karim+Rostami 2017-01-18"}},
		{"the object of a relative clause is not its subject", "2023-05-20",
			"Prime Minister Sione Rabu arrived in Port Moresby. He has since dined with Prime Minister James Mara, who hosted him in Parliament House.",
			[]string{"meeting Mara+Rabu 2023-05-20"}},
		{"after being welcomed, the main clause's subject", "2023-05-20",
			"According to a statement from Minister John Ross, after being welcomed by traditional dancers, Prime Minister Sione Rabu met Governor Bob Dade on Friday.",
			[]string{"meeting Dade+Rabu 2023-05-19"}},
		{"a description with its name in apposition", "2010-09-15",
			"Secretary Hilda Klein arrived on Tuesday. The Egyptian host, President Hosni Mubar, started the day by meeting Prime Minister Ben Natan.",
			[]string{"meeting Mubar+Natan 2010-09-14"}},
		{"cataphoric pronoun", "2022-01-02",
			"When he hosted Sheikh Khalifa al-Harthy in Tehran late last month, Foreign Minister Hossein Amir-Abdollahian stressed dialogue.",
			[]string{"meeting Amir-Abdollahian+al-Harthy 2021-12"}},
	})
}

// 6. Calls are calls, never meetings.
func TestCalls(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"held a phone conversation, both as subject", "2023-04-14",
			"President Ivo Kral and Prime Minister Ana Vidal held a phone conversation on Thursday.",
			[]string{"call Kral+Vidal 2023-04-13"}},
		{"dialled", "2023-04-14", "President Ivo Kral dialled Prime Minister Ana Vidal on Thursday.",
			[]string{"call Kral+Vidal 2023-04-13"}},
		{"spoke by phone", "2023-03-23", "Prince Faisal bin Farhan and Foreign Minister Hossein Amir-Abdollahian spoke by phone on Thursday.",
			[]string{"call Amir-Abdollahian+Farhan 2023-03-23"}},
		{"who accompanied someone is not on their call", "2023-05-12",
			"President Ivo Kral spoke by phone with Chancellor Eva Kern on Thursday. Foreign Minister Jan Dvorak, who accompanied Kral, said the talks were useful.",
			[]string{"call Kern+Kral 2023-05-11"}},
		{"received a telephone call from", "2021-07-27", "The Amir Sheikh Nawaf Al-Sabah received a telephone call yesterday from King Abdullah II of Jordan.",
			[]string{"call Al-Sabah+II 2021-07-26"}},
		{"telephoned", "2018-02-18", "President Maithripala Sirisena telephoned Prime Minister Ranil Wickremesinghe on Thursday.",
			[]string{"call Sirisena+Wickremesinghe 2018-02-15"}},
		{"telephone conversation", "2022-05-05", "President Volodymyr Zelenskyy held a telephone conversation with President Frank-Walter Steinmeier on Thursday.",
			[]string{"call Steinmeier+Zelenskyy 2022-05-05"}},
		{"video call", "2021-10-09", "Ambassador Katherine Tai held a video call with Vice Premier Liu He on Friday.",
			[]string{"call He+Tai 2021-10-08"}},
		{"partner named in the next sentence", "2016-03-02",
			"Foreign Minister Lena Storm held telephone talks with her Danish counterpart late Tuesday. The call with Anders Holm lasted an hour.",
			[]string{"call Holm+Storm 2016-03-01"}},
		{"the same pair's call, told again by phone", "2016-03-02",
			"Foreign Minister Lena Storm phoned Foreign Minister Anders Holm on Tuesday. Storm and Holm also spoke by phone in January.",
			[]string{"call Holm+Storm 2016-03-01", "call Holm+Storm 2016-01"}},
		{"discussed by phone in talks", "2016-03-02",
			"Storm, Holm discuss trade by phone in first talks since election\n\nForeign Minister Lena Storm phoned Foreign Minister Anders Holm on Tuesday.",
			[]string{"call Holm+Storm 2016-03-01"}},
		{"went over issues during a virtual summit", "2021-12-16",
			"President Ivan Orlov and President Li Wen went over the whole range of issues during a virtual summit on Wednesday that lasted an hour.",
			[]string{"call Orlov+Wen 2021-12-15"}},
		{"briefed on an earlier conversation, during the call", "2021-12-16",
			"President Ivan Orlov and President Li Wen held a video call on Wednesday. Orlov also briefed Li Wen on his December 7 video conversation with President Tom Baker.",
			[]string{"call Orlov+Wen 2021-12-15", "call Baker+Orlov 2021-12-07"}},
		{"a call named in the opening phrase", "2023-05-17",
			"President Joe Bidwell reached out to Chancellor Olaf Schulz on Tuesday. During the phone call to Berlin, the two leaders discussed Ukraine.",
			[]string{"call Bidwell+Schulz 2023-05-16"}},
		{"received on Sunday a phone call from", "2023-05-17",
			"President Abdel Sisio received on Sunday a phone call from Emir Tamim Thanio, the presidency said.",
			[]string{"call Sisio+Thanio 2023-05-14"}},
		{"told someone in a phone call", "2023-05-17",
			"Foreign Minister Wang Yin told his Russian counterpart Sergei Lavro in a phone call on Friday that Beijing supports talks.",
			[]string{"call Lavro+Yin 2023-05-12"}},
		{"calling someone names is no call", "2022-05-05", "Ambassador Andriy Melnyk responded by calling Chancellor Olaf Scholz an offended liver sausage.", nil},
	})
}

// 7. Dates: carried from the lead, relative to the publication day or to
// another date, background meetings dated by their own words.
func TestMeetingDates(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"the two last met", "2023-05-17",
			"President William Rutto is expected to meet President Yoweri Musevo next week. The two last met in Kampala in March.",
			[]string{"meeting Musevo+Rutto 2023-03"}},
		{"the date before ', when'", "2021-12-16",
			"The two presidents, Ivan Orlov and Li Wen, have not met face to face since November 2019, when they held talks in Brasilia.",
			[]string{"meeting Orlov+Wen 2019-11"}},
		{"a far date in the same clause", "2017-04-13",
			"Secretary Rex Tall met Minister Ivan Lavin in Moscow on Wednesday. Tall and Lavin first met in their current roles on the sidelines of a Group of 20 foreign ministers' meeting in Bonn in February.",
			[]string{"meeting Lavin+Tall 2017-04-12", "meeting Lavin+Tall 2017-02"}},
		{"a date after the partner's appositive", "2023-04-22",
			"Prime Minister Sina Tupu met Minister Ana Hale on Friday. Tupu recalled hosting Jane Ardley, then New Zealand's Prime Minister, and a delegation last August.",
			[]string{"meeting Hale+Tupu 2023-04-21", "meeting Ardley+Tupu 2022-08"}},
		{"a date between dashes is the insertion's", "2023-01-08",
			"President Pedro Mora arrived in Caracas on Saturday. He was received by Vice President Delia Ruiz and the new foreign minister, Ivan Gil — appointed to the post on Friday — and Benedetti.",
			[]string{"meeting Gil+Mora+Ruiz 2023-01-07"}},
		{"a date in a clause of its own", "2018-03-31",
			"Chairman Tom Bach met Leader Kim Sol on Friday. Kim's session with the chairman was his first since he came back earlier this week from Beijing.",
			[]string{"meeting Bach+Sol 2018-03-30"}},
		{"a clause closed before the date", "2021-10-09",
			"Ambassador Kate Tai held a video call with Vice Premier Liu Heng on Friday. The two had spoken only once before since Tai took office, in an introductory call in late May.",
			[]string{"call Heng+Tai 2021-10-08", "call Heng+Tai 2021-05"}},
		{"lead date carried", "2023-09-06",
			"Prime Minister Najib Mikati on Wednesday hosted General Aroldo Lazaro. The Premier later welcomed Ambassador Sandra De Waele.",
			[]string{"meeting Lazaro+Mikati 2023-09-06", "meeting Mikati+Waele 2023-09-06"}},
		{"the day before", "2023-09-21",
			"President Alar Karis met President Maia Sandu on September 20. The day before, Karis had met Secretary-General Antonio Guterres.",
			[]string{"meeting Guterres+Karis 2023-09-19", "meeting Karis+Sandu 2023-09-20"}},
		{"last month", "2024-06-26", "Last month, President Lula met Managing Director Kristalina Georgieva in Hiroshima.",
			[]string{"meeting Georgieva+Lula 2024-05"}},
		{"background year", "2022-10-07", "The last such encounter came in 2010, when Prime Minister Recep Erdogan met President Serzh Sargsyan in Washington.",
			[]string{"meeting Erdogan+Sargsyan 2010"}},
		{"date of something else", "2021-06-23",
			"President Ilham Aliyev received President Charles Michel on Tuesday to discuss the statement of 10 November 2020.",
			[]string{"meeting Aliyev+Michel 2021-06-22"}},
	})
}

// 8. What is not a meeting: planned, invited, refused, denied, letters
// and messages, co-attendance with no contact, photos.
func TestNotMeetings(t *testing.T) {
	runConstructions(t, []constructionCase{
		{"resumption of talks is not a meeting", "2015-08-19",
			"Resumption of talks between the two foreign secretaries, Aziz Chaudhry and Subra Jaishankar, is expected to figure on the list.", nil},
		{"the NSA talks are a noun", "2015-08-19",
			"Adviser Sartaj Aziz spoke. Prime Minister Nawaz Ali chaired a meeting on the NSA talks on Monday, with Minister Ishaq Darr.",
			[]string{"meeting Ali+Darr 2015-08-17"}},
		{"will meet", "2023-05-19", "Prime Minister Narendra Modi will meet Prime Minister James Marape on Monday.", nil},
		{"is expected to", "2021-04-06", "Minister Sergey Lavrov is expected to call on Prime Minister Imran Khan during his stay.", nil},
		{"is due to", "2025-03-13", "President Joao Lourenco is due to meet Chairperson Mahmoud Youssouf next week.", nil},
		{"invited", "2022-05-28", "President Joe Biden invited Prime Minister James Marape to visit Washington.", nil},
		{"did not meet", "2023-10-30", "Prime Minister Pedro Sanchez has not met Carles Puigdemont since 2017.", nil},
		{"no meeting", "2022-07-01", "The statement said Asiwaju Tinubu held no meeting with Governor Nyesom Wike in France.", nil},
		{"letter", "2021-08-24", "Prime Minister Ismail Sabri received a letter from Premier Li Keqiang on Tuesday.", nil},
		{"message", "2020-01-15", "Sultan Haitham bin Tarik received a written message from President Donald Trump on Wednesday.", nil},
		{"photo", "2022-01-02", "Foreign Minister Hossein Amir-Abdollahian (R) and Foreign Minister Badr Albusaidi are seen in this combined photo.", nil},
		{"supposed meeting", "2022-07-01", "Reports of a supposed meeting between Asiwaju Tinubu and Governor Nyesom Wike were denied.", nil},
		{"denied that he had met", "2023-04-14", "President Ivo Kral denied that he had met Prime Minister Ana Vidal in secret.", nil},
		{"dismissed reports of a meeting", "2023-04-14", "President Ivo Kral dismissed reports of a meeting with Prime Minister Ana Vidal.", nil},
		{"a meeting ruled out", "2023-04-14", "Prime Minister Ana Vidal's office said a meeting with President Ivo Kral had been ruled out.", nil},
		{"talks called off", "2023-04-14", "Talks between President Ivo Kral and Prime Minister Ana Vidal were called off on Thursday.", nil},
		{"a meeting held, then a cancellation of something else", "2023-04-14",
			"The meeting between President Ivo Kral and Prime Minister Ana Vidal was held on Thursday, but a press conference was cancelled.",
			[]string{"meeting Kral+Vidal 2023-04-13"}},
	})
}
