/* events: dated events other than meetings (talks, ceasefires,
   declarations, assassinations, arrivals...), oldest first.
   args (optional): from and to (dates, YYYY[-MM[-DD]]), head (a word the
   event's head must equal, such as ceasefire).
   Emits {date, label, head, place, people: [names], sources: [article ids]} */
var events = kg.ofType("<kg:Event>");
var dates = kg.first(events, "<kg:date>");
var heads = kg.first(events, "<kg:head>");
events = events.filter(function (e) {
  return dates[e] && kg.inRange(dates[e], args.from, args.to) &&
    (!args.head || String(heads[e]).toLowerCase() === args.head.toLowerCase());
});
var labels = kg.first(events, "<kg:label>");
var places = kg.first(events, "<kg:place>");
var involved = kg.values(events, "<kg:involves>");
var names = kg.first(kg.collect(involved), "<kg:name>");
var sources = kg.sources(events);
events.map(function (e) {
  return {
    date: dates[e],
    label: labels[e] || heads[e],
    head: heads[e] || null,
    place: places[e] || null,
    people: (involved[e] || []).map(function (p) { return names[p] || p; }).sort(),
    sources: sources[e] || []
  };
}).sort(function (a, b) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.label < b.label ? -1 : 1);
}).forEach(function (r) { g.Emit(r); });
