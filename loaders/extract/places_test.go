package extract

import "testing"

func TestGazetteer(t *testing.T) {
	g := places()
	demonyms := map[string]string{
		"syrian": "Syria", "iranian": "Iran", "iraqi": "Iraq", "chinese": "China", "russian": "Russia",
		"german": "Germany", "french": "France", "brazilian": "Brazil", "argentine": "Argentina",
		"kenyan": "Kenya", "nigerian": "Nigeria", "saudi": "Saudi Arabia", "kazakh": "Kazakhstan",
		"italian": "Italy", "chilean": "Chile", "mexican": "Mexico", "ukrainian": "Ukraine",
		"egyptian": "Egypt", "qatari": "Qatar", "japanese": "Japan", "belarusian": "Belarus",
		"venezuelan": "Venezuela", "colombian": "Colombia", "ethiopian": "Ethiopia", "american": "United States",
		"ghanaian": "Ghana", "philippine": "Philippines", "honduran": "Honduras", "mozambican": "Mozambique",
		"austrian": "Austria", "romanian": "Romania", "canadian": "Canada", "indonesian": "Indonesia",
	}
	for d, want := range demonyms {
		if got := g.demonyms[d]; got != want {
			t.Errorf("demonym %q = %q, want %q", d, got, want)
		}
	}
	countries := map[string]string{"u.s.": "United States", "iran": "Iran", "britain": "United Kingdom", "south korea": "South Korea"}
	for c, want := range countries {
		if got := g.countries[c]; got != want {
			t.Errorf("country %q = %q, want %q", c, got, want)
		}
	}
	for city, want := range map[string]string{"tehran": "Iran", "damascus": "Syria", "astana": "Kazakhstan", "washington": "United States"} {
		if got := g.capitals[city]; got != want {
			t.Errorf("capital %q = %q, want %q", city, got, want)
		}
	}
}

func TestMeetingPlace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Russian President Vladimir Putin held talks with Belarusian President Alexander Lukashenko in Minsk on Monday.", "Minsk"},
		{"Syrian Foreign Minister Walid al-Muallem held talks with Majlis Speaker Ali Larijani on the latest developments in Syria.", ""},
		{"In Beijing, Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev.", "Beijing"},
		{"TEHRAN — Iranian President Hassan Rouhani met visiting Syrian Foreign Minister Faisal al-Mekdad.", "Tehran"},
		{"Ethiopian Prime Minister Abiy Ahmed met with Kenyan President William Ruto in Addis Ababa on Saturday.", "Addis Ababa"},
	}
	for _, tt := range tests {
		f := Extract(Document{Text: tt.in, Published: "2023-03-08"})
		if len(f.Meetings) != 1 {
			t.Errorf("%q: %d meetings", tt.in, len(f.Meetings))
			continue
		}
		if got := Deref(f.Meetings[0].Place); got != tt.want {
			t.Errorf("place(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
