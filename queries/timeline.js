/* timeline: one person's dated meetings, calls and events, oldest first.
   Emits {date, what: meeting|call|event, label, with: [names], place,
   sources: [article ids], evidence, id}
   @arg person name required  the person
   @arg from   date  only facts on or after this date (YYYY[-MM[-DD]])
   @arg to     date  only facts on or before this date */
if (!args.person) { throw new Error("timeline needs a person: --arg person=NAME"); }
var self = {};
kg.find(args.person).forEach(function (p) { self[p] = true; });
var range = { person: args.person, from: args.from, to: args.to };
var facts = [];
kg.meetings(range, function (m) {
  if (!m.date) { return false; }
  var others = [];
  m.participantIds.forEach(function (p, i) { if (!self[p]) { others.push(m.participants[i]); } });
  facts.push({
    date: m.date, what: m.kind,
    label: (m.kind === "call" ? "call with " : "met ") + others.join(", "),
    "with": others, place: m.place, sources: m.sources, evidence: m.evidence, id: m.ref
  });
});
kg.events(range, function (e) {
  var others = [];
  e.peopleIds.forEach(function (p, i) { if (!self[p]) { others.push(e.people[i]); } });
  facts.push({ date: e.date, what: "event", label: e.label, "with": others, place: e.place, sources: e.sources, evidence: e.evidence, id: e.ref });
});
facts.sort(function (a, b) {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}).forEach(function (f) { kg.emit(f); });
