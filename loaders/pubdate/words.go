package pubdate

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// monthNames gives, by language, each month's names from January on, the
// forms separated by "|": the name as dates use it (Russian and Ukrainian
// genitives too; Levantine Arabic names beside the Egyptian ones), and
// abbreviations that are not the name's first letters. Any first three or
// more letters of a name are read as that month too ("Jan", "janv.",
// "Sept", "сент."), unless they begin names of two different months
// (Persian "ژوئ": June and July).
var monthNames = []struct {
	lang   string
	months [12]string
}{
	{"en", [12]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}},
	{"fr", [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}},
	{"de", [12]string{"januar|jänner", "februar|feber", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"}},
	{"es", [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre", "octubre", "noviembre", "diciembre"}},
	{"it", [12]string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}},
	{"pt", [12]string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}},
	{"nl", [12]string{"januari", "februari", "maart|mrt", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}},
	{"ru", [12]string{"январь|января", "февраль|февраля", "март|марта", "апрель|апреля", "май|мая", "июнь|июня", "июль|июля", "август|августа", "сентябрь|сентября", "октябрь|октября", "ноябрь|ноября", "декабрь|декабря"}},
	{"uk", [12]string{"січень|січня", "лютий|лютого", "березень|березня", "квітень|квітня", "травень|травня", "червень|червня", "липень|липня", "серпень|серпня", "вересень|вересня", "жовтень|жовтня", "листопад|листопада", "грудень|грудня"}},
	{"tr", [12]string{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"}},
	{"ar", [12]string{"يناير|كانون الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|إبريل|نيسان", "مايو|أيار", "يونيو|يونية|حزيران", "يوليو|يولية|تموز", "أغسطس|آب", "سبتمبر|أيلول", "أكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني", "ديسمبر|كانون الأول"}},
	{"fa", [12]string{"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"}},
}

// weekdayNames are dropped wherever they stand: full names and the
// abbreviations in use, by language.
var weekdayNames = []struct {
	lang string
	days string
}{
	{"en", "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"},
	{"fr", "lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim"},
	{"de", "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so"},
	{"es", "lunes martes miércoles jueves viernes sábado domingo lun mar mié jue vie sáb dom"},
	{"it", "lunedì martedì mercoledì giovedì venerdì sabato domenica lun mar mer gio ven sab dom"},
	{"pt", "segunda terça quarta quinta sexta sábado domingo seg ter qua qui sex sáb dom"},
	{"nl", "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo"},
	{"ru", "понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс"},
	{"uk", "понеділок вівторок середа четвер п'ятниця субота неділя пн вт ср чт пт сб нд"},
	{"tr", "pazartesi salı çarşamba perşembe cuma cumartesi pazar"},
	{"ar", "الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد"},
	{"fa", "شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه"},
	{"zh", "星期一 星期二 星期三 星期四 星期五 星期六 星期天 星期 周一 周二 周三 周四 周五 周六 周"},
}

// fillerWords stand between the parts of a date or after them and carry
// nothing: ordinal endings (18th, 1er, 1º), connectives ("18 de enero de
// 2017", "am 18. Januar", "le 18 janvier à 10h32"), year words ("2017 г.",
// "2017 року"), and the words of a time of day.
var fillerWords = strings.Fields(`
	st nd rd th of the on at a p m am pm gmt utc z
	er e ème eme le la les à h
	den der dem um uhr
	de del el las
	il alle ore
	º ª às as feira
	om op uur
	г года год в
	р року рік о
	saat
	في
`)

// dateSeparators are letters that separate the parts of a date rather
// than name anything: 2017年1月18日.
const dateSeparators = "年月日号"

// wordKind is what a word of a date is.
type wordKind int

const (
	unknownWord wordKind = iota
	monthWord
	ignoredWord
)

// dateWords indexes monthNames, weekdayNames and fillerWords by folded
// word; it is built on first use, not when the program starts.
var dateWords = sync.OnceValue(func() map[string]wordInfo {
	words := map[string]wordInfo{}
	prefixes := map[string]int{} // first letters → month, or -1 when shared
	for _, lang := range monthNames {
		for i, forms := range lang.months {
			for _, form := range strings.Split(forms, "|") {
				form = fold(form)
				words[form] = wordInfo{monthWord, i + 1}
				if strings.Contains(form, " ") {
					continue
				}
				runes := []rune(form)
				for n := 3; n < len(runes); n++ {
					p := string(runes[:n])
					if m, seen := prefixes[p]; seen && m != i+1 {
						prefixes[p] = -1
					} else {
						prefixes[p] = i + 1
					}
				}
			}
		}
	}
	for p, m := range prefixes {
		if _, named := words[p]; !named && m > 0 {
			words[p] = wordInfo{monthWord, m}
		}
	}
	for _, lang := range weekdayNames {
		for _, w := range strings.Fields(lang.days) {
			if w = fold(w); words[w].kind == unknownWord {
				words[w] = wordInfo{ignoredWord, 0}
			}
		}
	}
	for _, w := range fillerWords {
		if w = fold(w); words[w].kind == unknownWord {
			words[w] = wordInfo{ignoredWord, 0}
		}
	}
	return words
})

type wordInfo struct {
	kind  wordKind
	month int
}

// fold lowercases a word and takes off its accents and the letter forms
// that vary between writers (Arabic and Persian yeh and kaf, tatweel,
// zero-width non-joiner, apostrophes), so "Février", "fevrier" and
// "févr" compare equal.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r), r == 'ـ', r == '\u200c', r == '\'', r == '’', r == 'ʼ':
		case r == 'ي', r == 'ى':
			b.WriteRune('ی')
		case r == 'ك':
			b.WriteRune('ک')
		case r == 'ı':
			b.WriteRune('i')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
