/* timeline: one person's dated meetings, calls and events, oldest first.
   args: person (a name, required); from and to (dates, optional).
   Emits {date, what: meeting|call|event, label, with: [names], place,
   sources: [article ids]} */
if (!args.person) { throw new Error("timeline needs a person: --arg person=NAME"); }
var people = kg.people(args.person_keys);
var self = {};
people.forEach(function (p) { self[p] = true; });
var start = g.V.apply(g, people.concat(["<kg:nobody>"]));
var meetings = start.In("<kg:participant>").Unique().ToArray();
var events = g.V.apply(g, people.concat(["<kg:nobody>"])).In("<kg:involves>").Unique().ToArray();
var facts = meetings.concat(events);
var dates = kg.first(facts, "<kg:date>");
facts = facts.filter(function (f) { return dates[f] && kg.inRange(dates[f], args.from, args.to); });
var parts = kg.values(facts, "<kg:participant>");
var involved = kg.values(facts, "<kg:involves>");
var names = kg.first(kg.collect(parts).concat(kg.collect(involved)), "<kg:name>");
var kinds = kg.first(facts, "<kg:kind>");
var labels = kg.first(facts, "<kg:label>");
var places = kg.first(facts, "<kg:place>");
var sources = kg.sources(facts);
var isMeeting = {};
meetings.forEach(function (m) { isMeeting[m] = true; });
facts.map(function (f) {
  var others = (parts[f] || involved[f] || []).filter(function (p) { return !self[p]; });
  var withNames = others.map(function (p) { return names[p] || p; }).sort();
  var what = isMeeting[f] ? (kinds[f] || "meeting") : "event";
  return {
    date: dates[f],
    what: what,
    label: isMeeting[f] ? (what === "call" ? "call with " : "met ") + withNames.join(", ") : (labels[f] || ""),
    "with": withNames,
    place: places[f] || null,
    sources: sources[f] || []
  };
}).sort(function (a, b) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.label < b.label ? -1 : 1);
}).forEach(function (r) { g.Emit(r); });
