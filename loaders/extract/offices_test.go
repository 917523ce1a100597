package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

func rolesOf(text, pub string) string {
	f := Extract(Document{ID: "t", Text: text, Published: pub})
	var out []string
	for _, r := range f.Roles {
		out = append(out, fmt.Sprintf("%s=%s/%s/%v", r.Person, r.Title, r.Of, r.Current))
	}
	sort.Strings(out)
	return strings.Join(out, "|")
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nationality adjective", "Syrian Prime Minister Imad Khamis arrived.", "Imad Khamis=Prime Minister/Syria/true"},
		{"possessive country", "Iran's Foreign Minister Hossein Amir-Abdollahian spoke.", "Hossein Amir-Abdollahian=Foreign Minister/Iran/true"},
		{"of phrase with organisation", "Mekdad met secretary of Iran's Supreme National Security Council (SNSC) Ali Shamkhani.",
			"Ali Shamkhani=Secretary/Supreme National Security Council/true"},
		{"organisation before title", "Majlis Speaker Ali Larijani spoke.", "Ali Larijani=Speaker/Majlis/true"},
		{"secretary of state", "U.S. Secretary of State Antony Blinken arrived.", "Antony Blinken=Secretary of State/United States/true"},
		{"crown prince", "Saudi Crown Prince Mohammed bin Salman spoke.", "Mohammed bin Salman=Crown Prince/Saudi Arabia/true"},
		{"title with a non-title first word", "U.S. Homeland Security Secretary Alejandro Mayorkas spoke.", "Alejandro Mayorkas=Homeland Security Secretary/United States/true"},
		{"external affairs", "Indian External Affairs Minister Subrahmanyam Jaishankar spoke.", "Subrahmanyam Jaishankar=External Affairs Minister/India/true"},
		{"national security adviser", "U.S. National Security Adviser Jake Sullivan spoke.", "Jake Sullivan=National Security Adviser/United States/true"},
		{"UK prefix", "UK Foreign Secretary David Cameron spoke.", "David Cameron=Foreign Secretary/United Kingdom/true"},
		{"UN abbreviation", "UN Secretary-General Ban Ki-moon spoke.", "Ban Ki-moon=Secretary-General/United Nations/true"},
		{"EU abbreviation", "EU foreign policy chief Josep Borrell spoke.", "Josep Borrell=Foreign Policy Chief/European Union/true"},
		{"two-word country before title", "Sierra Leone President Julius Maada Bio spoke.", "Julius Maada Bio=President/Sierra Leone/true"},
		{"emperor", "Japanese Emperor Naruhito spoke.", "Naruhito=Emperor/Japan/true"},
		{"portfolio by its form", "South Korean Unification Minister Lee Jae-joung spoke.", "Lee Jae-joung=Unification Minister/South Korea/true"},
		{"head of state in an appositive", "Roh met Kim Yong-nam, the North's nominal head of state, on Tuesday.", "Kim Yong-nam=Head of State//true"},
		{"taoiseach", "The Taoiseach, Bertie Ahern, spoke to Mr Blair by telephone.", "Bertie Ahern=Taoiseach//true"},
		{"spokesman for someone else", "Syrian President Bashar al-Assad met envoy Kofi Annan on Saturday, urging a ceasefire, a spokesman for Annan said.", "Bashar al-Assad=President/Syria/true|Kofi Annan=Envoy//true"},
		{"managing director", "IMF Managing Director Kristalina Georgieva spoke.", "Kristalina Georgieva=Managing Director/IMF/true"},
		{"hyphenated adjective in an appositive", "Libyan Prime Minister Fayez al-Sarraj spoke. Haftar, the eastern-based commander, left Moscow.", "Fayez al-Sarraj=Prime Minister/Libya/true|Haftar=Commander//true"},
		{"a list is no appositive", "The meeting was attended by Foreign Minister Mevlut Cavusoglu, Defense Minister Hulusi Akar and intelligence chief Hakan Fidan.",
			"Hakan Fidan=Intelligence Chief//true|Hulusi Akar=Defense Minister//true|Mevlut Cavusoglu=Foreign Minister//true"},
		{"counterpart prince keeps the counterpart's office", "Iranian Foreign Minister Abbas Araghchi met his Saudi counterpart Prince Faisal bin Farhan.",
			"Abbas Araghchi=Foreign Minister/Iran/true|Faisal bin Farhan=Foreign Minister/Saudi Arabia/true"},
		{"company chairman", "Samsung Electronics chairman Lee Jae-yong spoke.", "Lee Jae-yong=Chairman/Samsung Electronics/true"},
		{"named as his prime minister", "French President Francois Hollande named Jean-Marc Ayrault as his prime minister.", "Francois Hollande=President/France/true|Jean-Marc Ayrault=Prime Minister//true"},
		{"as a title before a name is not this shape", "Kenyan President William Ruto spoke as Foreign Minister Musalia Mudavadi listened.", "Musalia Mudavadi=Foreign Minister//true|William Ruto=President/Kenya/true"},
		{"his predecessor opening a sentence", "Kenyan President Uhuru Kenyatta spoke. His predecessor Mwai Kibaki did not attend.", "Mwai Kibaki=President/Kenya/false|Uhuru Kenyatta=President/Kenya/true"},
		{"possessive predecessor", "Kenyan President Uhuru Kenyatta met Ugandan President Yoweri Museveni on Monday. Kenyatta's predecessor, Mwai Kibaki, did not attend.",
			"Mwai Kibaki=President/Kenya/false|Uhuru Kenyatta=President/Kenya/true|Yoweri Museveni=President/Uganda/true"},
		{"a country's possessive office starts the next list item", "Russian Foreign Minister Sergei Lavrov, Ukraine's acting Foreign Minister Andriy Deshchytsia and EU foreign policy chief Catherine Ashton met.",
			"Andriy Deshchytsia=Acting Foreign Minister/Ukraine/true|Catherine Ashton=Foreign Policy Chief/European Union/true|Sergei Lavrov=Foreign Minister/Russia/true"},
		{"treasurer", "Australian Treasurer Joe Hockey spoke.", "Joe Hockey=Treasurer/Australia/true"},
		{"state before an office", "Tamil Nadu Chief Minister Edappadi K. Palaniswami spoke.", "Edappadi K. Palaniswami=Chief Minister/Tamil Nadu/true"},
		{"organisation stays an organisation", "Hamas Prime Minister Ismail Haniyeh spoke.", "Ismail Haniyeh=Prime Minister/Hamas/true"},
		{"company stays a company", "Apple Chief Executive Tim Cook spoke.", "Tim Cook=Chief Executive/Apple/true"},
		{"dateline city gives the country", "Mexico City, 14 February 2022 — Foreign Minister Marcelo Ebrard spoke.", "Marcelo Ebrard=Foreign Minister/Mexico/true"},
		{"capitals dateline of two words", "BUENOS AIRES (AFP) — Foreign Minister Diana Mondino spoke.", "Diana Mondino=Foreign Minister/Argentina/true"},
		{"predecessor inherits the office", "Nairobi, 10 April 2013 — President Uhuru Kenyatta spoke. Kenyatta's predecessor, Mwai Kibaki, did not attend.",
			"Mwai Kibaki=President/Kenya/false|Uhuru Kenyatta=President/Kenya/true"},
		{"title case city without a dateline mark", "Berlin, the German capital, hosted Foreign Minister Annalena Baerbock.", "Annalena Baerbock=Foreign Minister//true"},
		{"chancellor", "German Chancellor Angela Merkel spoke.", "Angela Merkel=Chancellor/Germany/true"},
		{"two-word nationality", "South African President Cyril Ramaphosa spoke.", "Cyril Ramaphosa=President/South Africa/true"},
		{"former", "Velayati met former Iraqi Oil Minister Adel Abdul Mahdi.", "Adel Abdul Mahdi=Oil Minister/Iraq/false"},
		{"appositive adviser", "Ali Akbar Velayati, a top advisor to Iran's Leader, spoke.", "Ali Akbar Velayati=Adviser/Leader of Iran/true"},
		{"appositive after a person's possessive", "Celso Amorim, Lula's chief foreign policy adviser, spoke.", "Celso Amorim=Chief Foreign Policy Adviser/Lula/true"},
		{"capitalised appositive title", "Sheikh Mohamed bin Zayed Al Nahyan, Crown Prince of Abu Dhabi, spoke.", "Mohamed bin Zayed Al Nahyan=Crown Prince/Abu Dhabi/true"},
		{"former in an appositive", "Adel Abdul Mahdi, a former Iraqi oil minister, arrived.", "Adel Abdul Mahdi=Oil Minister/Iraq/false"},
		{"appositive of a country", "Sergei Lavrov, the foreign minister of Russia, arrived.", "Sergei Lavrov=Foreign Minister/Russia/true"},
		{"appositive with country possessive", "Dr. Naledi Pandor, South Africa's foreign minister, spoke.", "Naledi Pandor=Foreign Minister/South Africa/true"},
		{"appositive without article", "Wang Yi, director of the Office of the Central Foreign Affairs Commission, attended.",
			"Wang Yi=Director/Office of the Central Foreign Affairs Commission/true"},
		{"counterpart", "Chinese Foreign Minister Wang Yi held talks with his Russian counterpart Sergei Lavrov.",
			"Sergei Lavrov=Foreign Minister/Russia/true|Wang Yi=Foreign Minister/China/true"},
		{"predecessor", "Syrian Foreign Minister Faisal al-Mekdad took office after the demise of his predecessor Walid Muallem.",
			"Faisal al-Mekdad=Foreign Minister/Syria/true|Walid Muallem=Foreign Minister/Syria/false"},
		{"party leader", "Hamas political bureau chief Ismail Haniyeh spoke.", "Ismail Haniyeh=Political Bureau Chief/Hamas/true"},
		{"plural title", "Presidents Vladimir Putin and Xi Jinping spoke.", "Vladimir Putin=President//true|Xi Jinping=President//true"},
		{"chief executive", "Apple Chief Executive Tim Cook spoke.", "Tim Cook=Chief Executive/Apple/true"},
		{"director-general", "WHO Director-General Tedros Adhanom Ghebreyesus spoke.", "Tedros Adhanom Ghebreyesus=Director-General/WHO/true"},
		{"military rank is not an office", "Iran's top anti-terror general Qassem Soleimani was killed.", ""},
		{"description gives the office", "Rouhani said the talks would help. “We stand by Syria,” the Iranian president noted. Rouhani said so.",
			"Rouhani=President/Iran/true"},
		{"title without country takes the dateline", "TEHRAN — Defense Minister Amir Hatami spoke.", "Amir Hatami=Defense Minister/Iran/true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rolesOf(tt.in, "2017-01-18"); got != tt.want {
				t.Errorf("roles(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPlainTitle(t *testing.T) {
	tests := map[string]string{
		"foreign policy advisor": "Foreign Policy Adviser",
		"top advisor":            "Adviser",
		"Secretary of State":     "Secretary of State",
		"UN Secretary-General":   "UN Secretary-General",
	}
	for in, want := range tests {
		if got := plainTitle(tokenize(in)); got != want {
			t.Errorf("plainTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
