/* meetings: who met whom, when, where and who reported it.
   args (all optional): person (a name), with (a second name),
   from and to (dates, YYYY[-MM[-DD]]).
   Emits one object a meeting, oldest first:
   {participants: [names], date, place, kind, sources: [article ids]} */
var meetings;
if (args.person) {
  meetings = g.V.apply(g, kg.people(args.person_keys).concat(["<kg:nobody>"])).In("<kg:participant>").Unique().ToArray();
} else {
  meetings = kg.ofType("<kg:Meeting>");
}
if (args.with) {
  var others = {};
  kg.people(args.with_keys).forEach(function (p) { others[p] = true; });
  var parts = kg.values(meetings, "<kg:participant>");
  meetings = meetings.filter(function (m) {
    return (parts[m] || []).some(function (p) { return others[p]; });
  });
}
var dates = kg.first(meetings, "<kg:date>");
meetings = meetings.filter(function (m) { return kg.inRange(dates[m], args.from, args.to); });
var participants = kg.values(meetings, "<kg:participant>");
var names = kg.first(kg.collect(participants), "<kg:name>");
var places = kg.first(meetings, "<kg:place>");
var kinds = kg.first(meetings, "<kg:kind>");
var sources = kg.sources(meetings);
meetings.map(function (m) {
  return {
    participants: (participants[m] || []).map(function (p) { return names[p] || p; }).sort(),
    date: dates[m] || null,
    place: places[m] || null,
    kind: kinds[m] || "meeting",
    sources: sources[m] || []
  };
}).sort(kg.byDate).forEach(function (r) { g.Emit(r); });
