/* roles: the offices one person has held over time, as reported.
   args: person (a name, required).
   Emits one object an office, by the date it was first reported:
   {name, title, of, current, reported: [publication dates], sources: [article ids]} */
if (!args.person) { throw new Error("roles needs a person: --arg person=NAME"); }
var people = kg.people(args.person_keys);
var names = kg.first(people, "<kg:name>");
var holds = kg.values(people, "<kg:holds>");
var offices = [], holder = {};
people.forEach(function (p) {
  (holds[p] || []).forEach(function (o) { offices.push(o); holder[o] = p; });
});
var titles = kg.first(offices, "<kg:title>");
var ofs = kg.first(offices, "<kg:of>");
var currents = kg.first(offices, "<kg:current>");
var reported = kg.values(offices, "<kg:reportedOn>");
var sources = kg.sources(offices);
offices.map(function (o) {
  return {
    name: names[holder[o]] || holder[o],
    title: titles[o] || "",
    of: ofs[o] || null,
    current: currents[o] !== "false",
    reported: (reported[o] || []).slice().sort(),
    sources: sources[o] || []
  };
}).sort(function (a, b) {
  var x = a.reported[0] || "9999", y = b.reported[0] || "9999";
  return x < y ? -1 : x > y ? 1 : (a.title < b.title ? -1 : 1);
}).forEach(function (r) { g.Emit(r); });
