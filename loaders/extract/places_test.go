package extract

import (
	"testing"

	"github.com/kg-project/kg/schema"
)

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
		{"Mexican President Andres Manuel Lopez Obrador met Tuesday with U.S. Homeland Security Secretary Alejandro Mayorkas at the National Palace. Lopez Obrador told Mayorkas that Mexico wants investment in Central America.", ""},
		{"Mexican President Andres Manuel Lopez Obrador met Tuesday with U.S. Homeland Security Secretary Alejandro Mayorkas to discuss investment in Guatemala City.", ""},
		{"MEXICO CITY (AP) — Mexican President Andres Manuel Lopez Obrador met Tuesday with U.S. Homeland Security Secretary Alejandro Mayorkas at the National Palace.", "Mexico City"},
		{"Nairobi, 10 April 2013 — President Uhuru Kenyatta received visiting Ugandan President Yoweri Museveni on Wednesday.", "Nairobi"},
		{"Turkish Foreign Minister Mevlut Cavusoglu met Russian Foreign Minister Sergey Lavrov in Bangkok on Friday.", "Bangkok"},
		{"Egyptian President Abdel Fattah el-Sisi spoke by phone with Qatari Emir Tamim bin Hamad Al Thani in Cairo on Monday.", ""},
	}
	for _, tt := range tests {
		f := Extract(Document{Text: tt.in, Published: "2023-03-08"})
		if len(f.Meetings) != 1 {
			t.Errorf("%q: %d meetings", tt.in, len(f.Meetings))
			continue
		}
		if got := schema.Deref(f.Meetings[0].Place); got != tt.want {
			t.Errorf("place(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPlaceIsAWholeName checks that a place is read only as a whole name
// ("Central America" is not the region "Central"), and that datelines of
// one to three words, in capitals or in Title Case before a date, a dash
// or a bracket, give the dateline city.
func TestPlaceIsAWholeName(t *testing.T) {
	g := places()
	for _, tt := range []struct{ in, want string }{
		{"in Central America", ""},
		{"in Mexico City on Monday", "Mexico City"},
		{"in Nairobi Monday", "Nairobi"},
		{"in Moscow.", "Moscow"},
		{"in Georgetown University", ""},
	} {
		toks := tokenize(tt.in)
		if got, _ := g.placeAt(toks, 1); got != tt.want {
			t.Errorf("placeAt(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, place, country string }{
		{"MEXICO CITY (AP) — The president spoke.", "Mexico City", "Mexico"},
		{"Mexico City, 14 February 2022 — The president spoke.", "Mexico City", "Mexico"},
		{"NEW DELHI, September 18, 2014 — The prime minister spoke.", "New Delhi", "India"},
		{"Buenos Aires, 12 December 2023 — The president spoke.", "Buenos Aires", "Argentina"},
		{"Nairobi, 10 April 2013 — The president spoke.", "Nairobi", "Kenya"},
		{"NAIROBI, Thursday — The president spoke.", "Nairobi", "Kenya"},
		{"Berlin, the German capital, hosted the talks.", "", ""},
		{"Moscow said on Monday it would respond.", "", ""},
	} {
		d := &docState{}
		d.toks = tokenize(tt.in)
		d.sents = segment(tt.in, d.toks)
		d.readDatelinePlace()
		if d.datelinePlace != tt.place || d.datelineCountry != tt.country {
			t.Errorf("dateline(%q) = %q/%q, want %q/%q", tt.in, d.datelinePlace, d.datelineCountry, tt.place, tt.country)
		}
	}
}
