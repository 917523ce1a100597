package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

func meetingsOf(text, pub string) string {
	f := Extract(Document{ID: "t", Text: text, Published: pub})
	var out []string
	for _, m := range f.Meetings {
		names := append([]string{}, m.Participants...)
		sort.Strings(names)
		date := "null"
		if m.Date != nil {
			date = *m.Date
		}
		out = append(out, fmt.Sprintf("%s@%s/%s", strings.Join(names, "+"), date, m.Kind))
	}
	sort.Strings(out)
	return strings.Join(out, "|")
}

func TestMeetings(t *testing.T) {
	const pub = "2023-03-08" // a Wednesday
	tests := []struct {
		name, in, want string
	}{
		{"met with", "Russian President Vladimir Putin met with Belarusian President Alexander Lukashenko on Monday.",
			"Alexander Lukashenko+Vladimir Putin@2023-03-06/meeting"},
		{"held talks with counterpart", "Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergei Lavrov in Beijing on Monday.",
			"Sergei Lavrov+Wang Yi@2023-03-06/meeting"},
		{"received", "German Chancellor Angela Merkel received French President Emmanuel Macron in Berlin on Tuesday.",
			"Angela Merkel+Emmanuel Macron@2023-03-07/meeting"},
		{"hosted", "Brazilian President Luiz Inácio Lula da Silva hosted Argentine President Alberto Fernández on Jan. 23.",
			"Alberto Fernández+Luiz Inácio Lula da Silva@2023-01-23/meeting"},
		{"conferred", "National Security Adviser Jake Sullivan conferred with Chinese Foreign Minister Wang Yi in Vienna last month.",
			"Jake Sullivan+Wang Yi@2023-02/meeting"},
		{"in a meeting with, subject after", "In a Wednesday meeting with visiting Syrian Prime Minister Imad Khamis, Iranian President Hassan Rouhani said the war would end.",
			"Hassan Rouhani+Imad Khamis@2023-03-08/meeting"},
		{"after a meeting with", "Ali Akbar Velayati, a senior adviser to Leader Ayatollah Ali Khamenei, told reporters after a meeting with former Iraqi Oil Minister Adel Abdul Mahdi in Tehran on Tuesday.",
			"Adel Abdul Mahdi+Ali Akbar Velayati@2023-03-07/meeting"},
		{"separately", "Syrian Foreign Minister Faisal Mekdad also met with Iranian Defense Minister Amir Hatami and Majlis Speaker Ali Larijani separately on Tuesday.",
			"Ali Larijani+Faisal Mekdad@2023-03-07/meeting|Amir Hatami+Faisal Mekdad@2023-03-07/meeting"},
		{"leaders of different countries meet one by one", "U.S. President Joe Biden met Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol at Camp David on Friday.",
			"Fumio Kishida+Joe Biden@2023-03-03/meeting|Joe Biden+Yoon Suk Yeol@2023-03-03/meeting"},
		{"together", "U.S. President Joe Biden met Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol together at Camp David on Friday.",
			"Fumio Kishida+Joe Biden+Yoon Suk Yeol@2023-03-03/meeting"},
		{"group of one country", "U.S. Secretary of State Antony Blinken met Israeli President Isaac Herzog and Israeli Defence Minister Yoav Gallant on Monday.",
			"Antony Blinken+Isaac Herzog+Yoav Gallant@2023-03-06/meeting"},
		{"x and y met", "U.S. President Joe Biden and Israeli Prime Minister Benjamin Netanyahu last met in September.",
			"Benjamin Netanyahu+Joe Biden@2022-09/meeting"},
		{"talks between", "Talks between Iranian Foreign Minister Hossein Amir-Abdollahian and Saudi Foreign Minister Faisal bin Farhan took place in Beijing.",
			"Faisal bin Farhan+Hossein Amir-Abdollahian@null/meeting"},
		{"pair during talks", "Russian Foreign Minister Sergei Lavrov and his Syrian counterpart Faisal Mekdad discussed Syria during talks in Moscow on Monday.",
			"Faisal Mekdad+Sergei Lavrov@2023-03-06/meeting"},
		{"phone call", "U.S. Secretary of State Antony Blinken spoke by phone with Saudi Crown Prince Mohammed bin Salman on Tuesday.",
			"Antony Blinken+Mohammed bin Salman@2023-03-07/call"},
		{"telephone conversation", "German Chancellor Olaf Scholz held a telephone conversation with Turkish President Recep Tayyip Erdogan.",
			"Olaf Scholz+Recep Tayyip Erdogan@null/call"},
		{"in a phone call with", "In a phone call with Israeli Prime Minister Benjamin Netanyahu on Sunday, U.S. President Joe Biden stressed the need for restraint.",
			"Benjamin Netanyahu+Joe Biden@2023-03-05/call"},
		{"spoken by phone", "Iran's Foreign Minister Hossein Amir-Abdollahian said he had spoken with Hamas leader Ismail Haniyeh by phone on Tuesday.",
			"Hossein Amir-Abdollahian+Ismail Haniyeh@2023-03-07/call"},
		{"pronoun subject", "Syrian Foreign Minister Faisal Mekdad arrived in Tehran on Sunday. He also met with Majlis Speaker Mohammad Bagher Ghalibaf.",
			"Faisal Mekdad+Mohammad Bagher Ghalibaf@2023-03-05/meeting"},
		{"description subject", "Syrian Foreign Minister Walid al-Muallem praised Iran. The Syrian foreign minister also held talks with Majlis Speaker Ali Larijani.",
			"Ali Larijani+Walid al-Muallem@null/meeting"},
		{"surname subject", "Syrian Foreign Minister Faisal Mekdad arrived. Late on Monday, Mekdad also met with Majlis Speaker Mohammad Bagher Ghalibaf.",
			"Faisal Mekdad+Mohammad Bagher Ghalibaf@2023-03-06/meeting"},
		{"date from the earlier statement", "Iranian President Hassan Rouhani said on Tuesday that talks would help. Rouhani made the remarks in a meeting with Syrian Prime Minister Imad Khamis in Tehran.",
			"Hassan Rouhani+Imad Khamis@2023-03-07/meeting"},
		{"no stated time", "Khamis also met with Ali Akbar Velayati, a senior advisor to Ayatollah Khamenei, who said Iran opposed it.",
			""},
		{"relative clause date is not the meeting's", "Syrian Foreign Minister Faisal Mekdad, who arrived in Moscow on Sunday, also met Deputy Foreign Minister Mikhail Bogdanov.",
			"Faisal Mekdad+Mikhail Bogdanov@null/meeting"},
		{"planned: will meet", "French President Emmanuel Macron will meet Italian Prime Minister Giorgia Meloni on Friday.", ""},
		{"planned: expected to", "Russian Foreign Minister Sergei Lavrov is expected to meet Chinese President Xi Jinping later this week.", ""},
		{"planned: scheduled", "Turkish President Recep Tayyip Erdogan is scheduled to hold talks with Russian President Vladimir Putin.", ""},
		{"planned: talks scheduled", "Talks with Iranian President Hassan Rouhani scheduled for January 23 were postponed by Syrian President Bashar al-Assad.", ""},
		{"denied", "Israeli Prime Minister Benjamin Netanyahu said a meeting with Palestinian President Mahmoud Abbas was \"not on the agenda\".", ""},
		{"countries are not people", "Iran, Russia and Turkey held talks with Syria in Moscow on December 20.", ""},
		{"told by phone", "Turkish President Recep Tayyip Erdogan told Russian President Vladimir Putin by phone on Monday that a ceasefire was needed.",
			"Recep Tayyip Erdogan+Vladimir Putin@2023-03-06/call"},
		{"told is not a meeting", "Russian President Vladimir Putin told Turkish President Recep Tayyip Erdogan that a ceasefire was needed.", ""},
		{"after meeting", "After meeting North Korean leader Kim Jong Un in Singapore on Tuesday, U.S. President Donald Trump said talks went well.",
			"Donald Trump+Kim Jong Un@2023-03-07/meeting"},
		{"gerund", "Chinese President Xi Jinping, meeting Kazakh President Kassym-Jomart Tokayev in Xi'an on Thursday, called for closer ties.",
			"Kassym-Jomart Tokayev+Xi Jinping@2023-03-02/meeting"},
		{"phoned", "French President Emmanuel Macron phoned Russian President Vladimir Putin on Friday.",
			"Emmanuel Macron+Vladimir Putin@2023-03-03/call"},
		{"call from", "Saudi Crown Prince Mohammed bin Salman received a phone call from Chinese President Xi Jinping on Monday.",
			"Mohammed bin Salman+Xi Jinping@2023-03-06/call"},
		{"passive received", "Iraqi Prime Minister Mohammed Shia al-Sudani arrived. Sudani was received by Iranian President Ebrahim Raisi on Monday.",
			"Ebrahim Raisi+Mohammed Shia al-Sudani@2023-03-06/meeting"},
		{"date of another event", "U.S. Secretary of State Antony Blinken, on his ninth trip since Oct. 7, met with Egyptian President Abdel Fattah el-Sisi.",
			"Abdel Fattah el-Sisi+Antony Blinken@null/meeting"},
		{"possessive is not the object", "Chinese President Xi Jinping spoke. Russian President Vladimir Putin welcomed Xi's peace plan on Monday.", ""},
		{"a day after the main clause date", "Turkish President Recep Tayyip Erdogan spoke on Thursday, a day after Azerbaijani President Ilham Aliyev held talks in Moscow with Russian President Vladimir Putin.",
			"Ilham Aliyev+Vladimir Putin@2023-03-01/meeting"},
		{"met demands", "Syrian President Bashar al-Assad spoke. Iraqi Prime Minister Mohammed Shia al-Sudani met the demands of Assad on Monday.", ""},
		{"called for talks", "Ukrainian President Volodymyr Zelenskyy called for talks with Russian President Vladimir Putin.", ""},
		{"rejected talks", "Israeli Prime Minister Benjamin Netanyahu rejected talks with Palestinian President Mahmoud Abbas.", ""},
		{"envoy of", "Iraqi Prime Minister Mohammed Shia al-Sudani met Putin's envoy Alexander Lavrentiev on Monday. Russian President Vladimir Putin spoke.",
			"Alexander Lavrentiev+Mohammed Shia al-Sudani@2023-03-06/meeting"},
		{"dateline date is not the meeting's", "GENEVA, June 16 (Reuters) - Russian President Vladimir Putin and U.S. President Joe Biden held talks on Tuesday.",
			"Joe Biden+Vladimir Putin@2023-03-07/meeting"},
		{"x and y had met", "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State Antony Blinken had first met in Reykjavik in May.",
			"Antony Blinken+Sergei Lavrov@2022-05/meeting"},
		{"summoned", "Israel's Foreign Minister Israel Katz summoned Brazil's ambassador, Frederico Meyer, on Monday.",
			"Frederico Meyer+Katz@2023-03-06/meeting"},
		{"shook hands", "Iranian Foreign Minister Mohammad Javad Zarif and U.S. Secretary of State John Kerry shook hands on Tuesday.",
			"John Kerry+Mohammad Javad Zarif@2023-03-07/meeting"},
		{"hosted the talks", "Russian Foreign Minister Sergei Lavrov and Ukrainian Foreign Minister Dmytro Kuleba met in Antalya on Thursday. Turkish Foreign Minister Mevlut Cavusoglu, who hosted the talks, said the meeting was civilized.",
			"Dmytro Kuleba+Mevlut Cavusoglu+Sergei Lavrov@2023-03-02/meeting|Dmytro Kuleba+Sergei Lavrov@2023-03-02/meeting"},
		{"on the same day", "Chinese Foreign Minister Wang Yi spoke on Tuesday. On the same day, Wang met with visiting Mozambican Foreign Minister Veronica Macamo in Beijing.",
			"Veronica Macamo+Wang Yi@2023-03-07/meeting"},
		{"talks via video link", "Chinese Foreign Minister Wang Yi on Tuesday held talks via video link with Ethiopian Deputy Prime Minister Demeke Mekonnen.",
			"Demeke Mekonnen+Wang Yi@2023-03-07/call"},
		{"date from an earlier sentence naming both", "North Korean leader Kim Jong Un and South Korean President Moon Jae-in pledged on Friday to work for peace. Kim crossed the line and shook hands with Moon.",
			"Kim Jong Un+Moon Jae-in@2023-03-03/meeting"},
		{"hosted a summit including", "On Tuesday, Brazilian President Luiz Inacio Lula da Silva hosted a summit of South American leaders, including Argentina's Alberto Fernandez, Chile's Gabriel Boric and Colombia's Gustavo Petro.",
			"Alberto Fernandez+Gabriel Boric+Gustavo Petro+Luiz Inacio Lula da Silva@2023-03-07/meeting"},
		{"separately before the objects", "Russian President Vladimir Putin met separately with Egyptian President Abdel-Fattah el-Sissi, the summit's co-chair, and Ethiopian Prime Minister Abiy Ahmed.",
			"Abdel-Fattah el-Sissi+Vladimir Putin@null/meeting|Abiy Ahmed+Vladimir Putin@null/meeting"},
		{"British style", "The prime minister, Rishi Sunak, met the French president, Emmanuel Macron, in Paris on Friday. Mr Macron later spoke to the German chancellor, Olaf Scholz, by phone.",
			"Emmanuel Macron+Olaf Scholz@2023-03-03/call|Emmanuel Macron+Rishi Sunak@2023-03-03/meeting"},
		{"a plan after talks", "Indian External Affairs Minister Subrahmanyam Jaishankar and Chinese Foreign Minister Wang Yi agreed on a five-point plan after talks in Moscow on Sept. 10.",
			"Subrahmanyam Jaishankar+Wang Yi@2022-09-10/meeting"},
		{"date of the report", "North Korean leader Kim Jong Un visited Beijing and met Chinese President Xi Jinping, state media said on Wednesday.",
			"Kim Jong Un+Xi Jinping@null/meeting"},
		{"banquet for", "Chinese President Xi Jinping hosted a banquet for North Korean leader Kim Jong Un and his wife Ri Sol Ju.",
			"Kim Jong Un+Ri Sol Ju+Xi Jinping@null/meeting"},
		{"courtesy call", "Chinese Foreign Minister Wang Yi paid a courtesy call on Ethiopian Prime Minister Abiy Ahmed on Sunday.",
			"Abiy Ahmed+Wang Yi@2023-03-05/meeting"},
		{"days of talks", "U.S. President Donald Trump and Chinese President Xi Jinping concluded two days of talks at Mar-a-Lago on Friday.",
			"Donald Trump+Xi Jinping@2023-03-03/meeting"},
		{"told during dinner", "U.S. President Donald Trump told Chinese President Xi Jinping during dinner on Thursday that strikes had begun.",
			"Donald Trump+Xi Jinping@2023-03-02/meeting"},
		{"called on to act is no meeting", "U.S. President Joe Biden called on Russian President Vladimir Putin to withdraw.", ""},
		{"sat down for talks", "U.S. President Barack Obama and Russian President Vladimir Putin clashed over Syria on Monday, then sat down for their first formal talks in a year.",
			"Barack Obama+Vladimir Putin@2023-03-06/meeting"},
		{"for the second time this year", "U.S. President Barack Obama met Cuban President Raul Castro for the second time this year.",
			"Barack Obama+Raul Castro@null/meeting"},
		{"quoted meeting is ignored", "“I met Syrian President Bashar al-Assad,” Iranian President Hassan Rouhani said.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := meetingsOf(tt.in, pub); got != tt.want {
				t.Errorf("meetings(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMergeMeetings(t *testing.T) {
	day := "2020-12-08"
	in := []schema.Meeting{
		{Participants: []string{"A", "B"}, Kind: schema.KindMeeting},
		{Participants: []string{"B", "A"}, Date: &day, Kind: schema.KindMeeting},
		{Participants: []string{"A", "B"}, Kind: schema.KindCall},
	}
	out := mergeMeetings(in)
	if len(out) != 2 || schema.Deref(out[0].Date) != day {
		t.Fatalf("mergeMeetings = %+v", out)
	}
}
