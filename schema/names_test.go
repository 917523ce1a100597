package schema

import (
	"slices"
	"strings"
	"testing"
)

func TestAnalyseName(t *testing.T) {
	for _, tc := range []struct {
		name          string
		given, family []string // words, as written
		suffix        string
		familyFirst   bool
	}{
		{"Mohammad Javad Zarif", []string{"Mohammad", "Javad"}, []string{"Zarif"}, "", false},
		{"Zarif", []string{}, []string{"Zarif"}, "", false},
		{"Javad Zarif", []string{"Javad"}, []string{"Zarif"}, "", false},
		// A patronymic is not a family name: "Salman" is his father.
		{"Mohammed bin Salman", []string{"Mohammed"}, []string{"bin", "Salman"}, "", false},
		{"bin Salman", []string{}, []string{"bin", "Salman"}, "", false},
		{"Muhammad ibn Salman", []string{"Muhammad"}, []string{"bin", "Salman"}, "", false},
		{"Salman", []string{}, []string{"Salman"}, "", false},
		{"Salman bin Abdulaziz", []string{"Salman"}, []string{"bin", "Abdulaziz"}, "", false},
		{"Hamad bin Isa Al Khalifa", []string{"Hamad", "Isa"}, []string{"Khalifa"}, "", false},
		{"Osama bin Laden", []string{"Osama"}, []string{"bin", "Laden"}, "", false},
		// Generations and regnal numbers.
		{"George W. Bush", []string{"George", "W"}, []string{"Bush"}, "", false},
		{"George H. W. Bush", []string{"George", "H", "W"}, []string{"Bush"}, "", false},
		{"Martin Luther King Jr.", []string{"Martin", "Luther"}, []string{"King"}, "jr", false},
		{"Martin Luther King Sr.", []string{"Martin", "Luther"}, []string{"King"}, "sr", false},
		{"Charles III", []string{}, []string{"Charles"}, "iii", false},
		// Family name first.
		{"Wang Yi", []string{"Yi"}, []string{"Wang"}, "", true},
		{"Qin Gang", []string{"Gang"}, []string{"Qin"}, "", true},
		{"Xi Jinping", []string{"Jinping"}, []string{"Xi"}, "", true},
		{"Kim Jong Un", []string{"Jong", "Un"}, []string{"Kim"}, "", true},
		{"Moon Jae-in", []string{"Jae", "in"}, []string{"Moon"}, "", true},
		{"Nguyen Xuan Phuc", []string{"Xuan", "Phuc"}, []string{"Nguyen"}, "", true},
		{"Lee Hsien Loong", []string{"Hsien", "Loong"}, []string{"Lee"}, "", true},
		{"Kim Darroch", []string{"Kim"}, []string{"Darroch"}, "", false}, // Darroch is no syllable
		{"Spike Lee", []string{"Spike"}, []string{"Lee"}, "", false},
		// Particles.
		{"Ursula von der Leyen", []string{"Ursula"}, []string{"Leyen"}, "", false},
		{"von der Leyen", []string{}, []string{"Leyen"}, "", false},
		{"Luiz Inácio Lula da Silva", []string{"Luiz", "Inácio", "Lula"}, []string{"Silva"}, "", false},
		{"da Silva", []string{}, []string{"Silva"}, "", false},
		{"Bashar al-Assad", []string{"Bashar"}, []string{"Assad"}, "", false},
		{"al-Assad", []string{}, []string{"Assad"}, "", false},
		{"Ben Wallace", []string{"Ben"}, []string{"Wallace"}, "", false},
		{"Luigi Di Maio", []string{"Luigi"}, []string{"Maio"}, "", false},
		{"", []string{}, []string{}, "", false},
	} {
		got := AnalyseName(tc.name)
		given := skeletons(tc.given)
		if len(given) == 0 {
			given = nil
		}
		var family []string
		for _, w := range tc.family {
			if w == "bin" {
				family = append(family, w)
			} else {
				family = append(family, Skeleton(w))
			}
		}
		if !slices.Equal(got.Given, given) || got.Family != strings.Join(family, "-") || got.Suffix != tc.suffix || got.FamilyFirst != tc.familyFirst {
			t.Errorf("AnalyseName(%q) = %+v, want given %q family %q suffix %q familyFirst %v",
				tc.name, got, given, family, tc.suffix, tc.familyFirst)
		}
	}
}

func TestNameMatch(t *testing.T) {
	for _, tc := range []struct {
		asked, name string
		want        Match
	}{
		{"Hassan Rohani", "Hassan Rouhani", WholeMatch},
		{"Rouhani", "Hassan Rouhani", FamilyMatch},
		{"Qin", "Qin Gang", FamilyMatch},
		{"Gang", "Qin Gang", PartMatch},
		{"Wang", "Wang Yi", FamilyMatch},
		{"Yi", "Wang Yi", PartMatch},
		{"Von der Leyen", "Ursula von der Leyen", FamilyMatch},
		{"Leyen", "Ursula von der Leyen", FamilyMatch},
		{"Lula da Silva", "Luiz Inácio Lula da Silva", PartMatch},
		{"Lula", "Luiz Inácio Lula da Silva", PartMatch},
		{"da Silva", "Luiz Inácio Lula da Silva", FamilyMatch},
		{"Luis Inacio Lula", "Luiz Inácio Lula da Silva", PartMatch},
		{"bin Salman", "Mohammed bin Salman", FamilyMatch},
		{"Salman", "Mohammed bin Salman", PartMatch}, // found, but not as his family name
		{"Salman", "Salman", WholeMatch},
		{"Clinton", "Hillary Clinton", FamilyMatch},
		{"George Bush", "George W. Bush", PartMatch},
		{"George Bush", "George H. W. Bush", PartMatch},
		{"George W. Bush", "George H. W. Bush", PartMatch},
		{"Erdogan", "Recep Tayyip Erdoğan", FamilyMatch},
		{"Zarif", "Hassan Rouhani", NoMatch},
		{"Jong Un", "Kim Jong Il", NoMatch},
		{"", "Hassan Rouhani", NoMatch},
	} {
		if got := NameMatch(tc.asked, tc.name); got != tc.want {
			t.Errorf("NameMatch(%q, %q) = %d, want %d", tc.asked, tc.name, got, tc.want)
		}
	}
}

func TestShortForm(t *testing.T) {
	for _, tc := range []struct {
		short, full string
		want        bool
	}{
		{"Zarif", "Mohammad Javad Zarif", true},
		{"Javad Zarif", "Mohammad Javad Zarif", true},
		{"Hillary Clinton", "Hillary Rodham Clinton", true},
		{"Clinton", "Bill Clinton", true},
		{"Rouhani", "Hassan Rouhani", true},
		{"Wang", "Wang Yi", true},
		{"bin Laden", "Osama bin Laden", true},
		{"von der Leyen", "Ursula von der Leyen", true},
		{"King", "Martin Luther King Jr.", true},
		{"Martin Luther King", "Martin Luther King Jr.", false}, // same given names: not shorter
		{"King Jr.", "Martin Luther King Jr.", true},
		{"King Jr.", "Martin Luther King Sr.", false},
		// A patronymic is not a family name.
		{"Salman", "Mohammed bin Salman", false},
		// Initials make a name precise.
		{"George W. Bush", "George H. W. Bush", false},
		{"George Bush", "George W. Bush", true},
		// Different given names, or the same name.
		{"Bill Clinton", "Hillary Clinton", false},
		{"Hillary Clinton", "Bill Clinton", false},
		{"Mohammad Javad Zarif", "Mohammad Javad Zarif", false},
		{"Mohammad Zarif", "Javad Zarif", false},
		{"Yi", "Wang Yi", false},
	} {
		if got := ShortForm(AnalyseName(tc.short), AnalyseName(tc.full)); got != tc.want {
			t.Errorf("ShortForm(%q, %q) = %v, want %v", tc.short, tc.full, got, tc.want)
		}
	}
}

func TestRegnalForm(t *testing.T) {
	for _, tc := range []struct {
		short, full string
		want        bool
	}{
		{"Salman", "Salman bin Abdulaziz", true},
		{"Salman", "Mohammed bin Salman", false},
		{"Mohammed", "Mohammed bin Salman", true},
		{"Tamim", "Tamim bin Hamad Al Thani", true},
		{"bin Salman", "Salman bin Abdulaziz", false},
		{"Salman", "Salman", false},
	} {
		if got := RegnalForm(AnalyseName(tc.short), AnalyseName(tc.full)); got != tc.want {
			t.Errorf("RegnalForm(%q, %q) = %v, want %v", tc.short, tc.full, got, tc.want)
		}
	}
}

func TestSearchKeys(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Hassan Rouhani", []string{"hsn-run", "run", "hsn"}},
		{"Mohammed bin Salman", []string{"mumd-slmn", "bin-slmn", "mumd", "slmn"}},
		{"Wang Yi", []string{"vng-yi", "vng", "yi"}},
		{"Zarif", []string{"srf"}},
		{" ", nil},
	} {
		if got := SearchKeys(tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("SearchKeys(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestTitlesAgree(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Foreign Minister", "Minister of Foreign Affairs", true},
		{"Foreign Minister", "Minister", true},
		{"Foreign Minister", "Acting Foreign Minister", true},
		{"Defense Minister", "Defence Minister", true},
		{"Emir", "Amir", true},
		{"King", "King", true},
		{"", "King", true},
		{"King", "Crown Prince", false},
		{"Prince", "Crown Prince", false},
		{"President", "Vice President", false},
		{"Minister", "Prime Minister", false},
		{"Foreign Minister", "Defence Minister", false},
		{"Secretary of State", "Deputy Secretary of State", false},
	} {
		if got := TitlesAgree(tc.a, tc.b); got != tc.want {
			t.Errorf("TitlesAgree(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := TitlesAgree(tc.b, tc.a); got != tc.want {
			t.Errorf("TitlesAgree(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
	for title, want := range map[string]bool{"King": true, "Crown Prince": true, "Amir": true, "Sheikh": true, "Pope": true,
		"President": false, "Prince Regent": false, "Foreign Minister": false} {
		if got := RegnalTitle(title); got != want {
			t.Errorf("RegnalTitle(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestNameDistance(t *testing.T) {
	for _, tc := range []struct {
		asked, name string
		want        int
	}{
		{"Rohuani", "Hassan Rouhani", 2},
		{"Wang Yee", "Wang Yi", 2},
		{"Erdogan", "Recep Tayyip Erdoğan", 0},
		{"hassan rouhani", "Hassan Rouhani", 0},
		{"Lavrov", "Sergei Lavrov", 0},
	} {
		if got := NameDistance(tc.asked, tc.name); got != tc.want {
			t.Errorf("NameDistance(%q, %q) = %d, want %d", tc.asked, tc.name, got, tc.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	for _, tc := range []struct{ name, title, rest string }{
		{"King Salman", "King", "Salman"},
		{"Crown Prince Mohammed bin Salman", "Crown Prince", "Mohammed bin Salman"},
		{"Foreign Minister Zarif", "Foreign Minister", "Zarif"},
		{"Mr. Clinton", "", "Clinton"},
		{"Former President Clinton", "Former President", "Clinton"},
		{"Hassan Rouhani", "", "Hassan Rouhani"},
		{"King", "", "King"}, // a name of its own
	} {
		title, rest := SplitTitle(tc.name)
		if title != tc.title || rest != tc.rest {
			t.Errorf("SplitTitle(%q) = %q, %q; want %q, %q", tc.name, title, rest, tc.title, tc.rest)
		}
	}
}

// FuzzNames: any name, however odd, is read without a panic, and its keys
// hold its whole-name key; a name is a whole match of itself.
func FuzzNames(f *testing.F) {
	for _, n := range []string{"Mohammed bin Salman", "George H. W. Bush", "Wang Yi", "von der Leyen", "al-", "bin", "Jr.", "  ", "Ō'Neill-Ō", "Сергей Лавров"} {
		f.Add(n, "Salman")
	}
	f.Fuzz(func(t *testing.T, name, asked string) {
		p := AnalyseName(name)
		keys := SearchKeys(name)
		if whole := PersonKey(name); whole != "" && (len(keys) == 0 || keys[0] != whole) {
			t.Errorf("SearchKeys(%q) = %q, want %q first", name, keys, whole)
		}
		if PersonKey(name) != "" && NameMatch(name, name) != WholeMatch {
			t.Errorf("NameMatch(%q, itself) = %d", name, NameMatch(name, name))
		}
		_ = NameMatch(asked, name)
		q := AnalyseName(asked)
		_, _ = ShortForm(p, q), RegnalForm(q, p)
		_, _ = SplitTitle(name)
		_ = NameDistance(asked, name)
	})
}
