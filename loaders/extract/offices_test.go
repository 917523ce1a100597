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
