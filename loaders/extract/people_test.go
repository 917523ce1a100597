package extract

import (
	"sort"
	"strings"
	"testing"
)

func peopleOf(text, pub string) string {
	f := Extract(Document{ID: "t", Text: text, Published: pub})
	var names []string
	for _, p := range f.People {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return strings.Join(names, "|")
}

func TestPeople(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"title before name", "Syrian Foreign Minister Walid al-Muallem arrived on Sunday.", "Walid al-Muallem"},
		{"honorifics dropped", "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei spoke.", "Ali Khamenei"},
		{"military rank dropped", "Brigadier General Amir Hatami visited the base.", "Amir Hatami"},
		{"multi-word nationality is no name", "Indian External Affairs Minister Subrahmanyam Jaishankar met Sri Lankan President Ranil Wickremesinghe.",
			"Ranil Wickremesinghe|Subrahmanyam Jaishankar"},
		{"multi-word country is no name", "Sierra Leone President Julius Maada Bio met New Zealand Prime Minister Christopher Luxon.",
			"Christopher Luxon|Julius Maada Bio"},
		{"plan to as a verb keeps the name", "Israeli Prime Minister Ehud Olmert met Palestinian President Mahmoud Abbas. Olmert and Abbas plan to meet again. Abbas's aides said so.",
			"Ehud Olmert|Mahmoud Abbas"},
		{"state before an office is no name", "Tamil Nadu Chief Minister Edappadi K. Palaniswami received Chinese President Xi Jinping.", "Edappadi K. Palaniswami|Xi Jinping"},
		{"capital city as a surname after a title", "Kenyan Senate Speaker Kenneth Lusaka hosted a luncheon.", "Kenneth Lusaka"},
		{"capital city after a name is a place otherwise", "Kenyan President Uhuru Kenyatta left. Mr Kenyatta Nairobi Bureau staff said so.", "Uhuru Kenyatta"},
		{"Korean given name with a longer tail", "Unification Minister Lee Jae-joung met opposition leader Lee Jae-myung.", "Lee Jae-joung|Lee Jae-myung"},
		{"compound adjective is no name", "Cross-border trade grew, said Kenyan President William Ruto.", "William Ruto"},
		{"initials as a first name", "U.S. Vice President JD Vance met Ukrainian President Volodymyr Zelenskyy.", "JD Vance|Volodymyr Zelenskyy"},
		{"country abbreviation is no initials", "UK Prime Minister Keir Starmer met EU Commission President Ursula von der Leyen.", "Keir Starmer|Ursula von der Leyen"},
		{"company before a lower-case title", "South Korean President Yoon Suk Yeol met Samsung Electronics chairman Lee Jae-yong.", "Lee Jae-yong|Yoon Suk Yeol"},
		{"sheikh inside a name", "Kenyan President William Ruto met Somalia's Hassan Sheikh Mohamud.", "Hassan Sheikh Mohamud|William Ruto"},
		{"field marshal stays an honorific", "U.S. Secretary of State Hillary Clinton met Field Marshal Mohamed Hussein Tantawi.", "Hillary Clinton|Mohamed Hussein Tantawi"},
		{"dotted initials as a first name", "Opposition leader L.K. Advani met U.S. President George W. Bush, and President A.P.J. Abdul Kalam hosted a banquet.", "A.P.J. Abdul Kalam|George W. Bush|L.K. Advani"},
		{"one word after the is no person", "Chinese President Hu Jintao met leaders of the Communist Party and the Kuomintang.", "Hu Jintao"},
		{"an appositive office joins the surname", "Chinese President Hu Jintao met Taiwan opposition leader Lien Chan. Hu and Lien, chairman of the Kuomintang, agreed.", "Hu Jintao|Lien Chan"},
		{"an expo is no person", "Australian Prime Minister Anthony Albanese attended the China International Import Expo in Shanghai.", "Anthony Albanese"},
		{"emperor is a title", "Chinese Premier Li Keqiang is due to meet Emperor Akihito on Thursday.", "Akihito|Li Keqiang"},
		{"particles", "Brazilian President Luiz Inácio Lula da Silva hosted Argentine President Alberto Fernández.",
			"Alberto Fernández|Luiz Inácio Lula da Silva"},
		{"bin and van", "Saudi Crown Prince Mohammed bin Salman received Dutch Prime Minister Mark van der Berg.",
			"Mark van der Berg|Mohammed bin Salman"},
		{"hyphenated", "Kazakh President Kassym-Jomart Tokayev met Iraqi Prime Minister Adel Abdul-Mahdi.",
			"Adel Abdul-Mahdi|Kassym-Jomart Tokayev"},
		{"appositive", "Ali Akbar Velayati, a senior adviser to the Leader, hailed the victory.", "Ali Akbar Velayati"},
		{"single word after honorific", "The assassination of Dr. Fakhrizadeh shocked the nation.", "Fakhrizadeh"},
		{"bracketed name after title", "The government, people, and Leader [Ayatollah Seyyed Ali Khamenei] stood firm.", "Ali Khamenei"},
		{"surname alone is not enough", "Merkel spoke at the summit.", ""},
		{"surname said twice", "Merkel said the summit was useful. The talks ended, Merkel said.", "Merkel"},
		{"organisations", "Al-Nusra Front, currently known as Jabhat Fateh al-Sham, and Daesh fought the Syrian Army.", ""},
		{"organisation tail", "Daesh and Fateh al-Sham terrorist groups retreated. Talks excluded Daesh and Fateh al-Sham.", ""},
		{"places", "Officials met in Addis Ababa and later at Camp David.", ""},
		{"news agencies", "Press TV and IRNA reported the talks, Al Jazeera said.", ""},
		{"licence boilerplate", "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.", ""},
		{"country and demonym words", "The Islamic Republic and the Supreme National Security Council back Syria's Army.", ""},
		{"months and days", "On Wednesday January talks resumed.", ""},
		{"reporting credits", "Iran backed the plan. (Reporting by Parisa Hafezi; Editing by William Maclean)", ""},
		{"hyphenated title", "Then-President Barack Obama met Cuban President Raul Castro.", "Barack Obama|Raul Castro"},
		{"holiday", "Officials met during Eid al-Fitr prayers.", ""},
		{"Chinese name with He", "U.S. Treasury Secretary Janet Yellen met Chinese Vice Premier Liu He. He Lifeng also attended. He said so.",
			"He Lifeng|Janet Yellen|Liu He"},
		{"media outlet", "Celso Amorim told the newspaper O Globo that talks went well.", "Celso Amorim"},
		{"companies joined to a rejected name", "Analysts at Morgan Stanley and Goldman Sachs said Apple met expectations.", ""},
		{"Chinese names", "Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergei Lavrov in Beijing.",
			"Sergei Lavrov|Wang Yi"},
		{"spelling variants join", "Syrian Foreign Minister Walid al-Muallem spoke. Walid Muallem later left.", "Walid al-Muallem"},
		{"shorter form joins", "Iranian Foreign Minister Mohammad Javad Zarif arrived. Javad Zarif then spoke.", "Mohammad Javad Zarif"},
		{"two people sharing a surname", "Syrian President Bashar al-Assad praised Mr. Hafez Assad.", "Bashar al-Assad|Hafez Assad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := peopleOf(tt.in, "2017-01-18"); got != tt.want {
				t.Errorf("people(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAliases(t *testing.T) {
	f := Extract(Document{Text: "Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis. Rouhani said Khamis was welcome.", Published: "2017-01-18"})
	got := map[string]string{}
	for _, p := range f.People {
		got[p.Name] = strings.Join(p.Aliases, ",")
	}
	if got["Hassan Rouhani"] != "Rouhani" || got["Imad Khamis"] != "Khamis" {
		t.Errorf("aliases = %v", got)
	}
}
