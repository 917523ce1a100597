package export

import "github.com/kg-project/kg/schema"

// spellOf is the interval of days a date covers, for GEXF spells. Meeting
// dates in the store are ISO dates, possibly partial (2017, 2017-01 or
// 2017-01-18); a partial date covers every day of its year or month.
func spellOf(date string) (Spell, bool) {
	first, last, err := schema.ParseDate(date)
	if err != nil {
		return Spell{}, false
	}
	return Spell{Start: first.Format("2006-01-02"), End: last.Format("2006-01-02")}, true
}
