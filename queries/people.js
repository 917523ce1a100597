/* people: everyone in the graph with their names, offices and sources.
   args (optional): person (a name: only that person).
   Emits one object a person, by name:
   {name, aliases: [names], roles: [{title, of, current}], sources: [article ids]} */
var people = args.person ? kg.people(args.person_keys) : kg.ofType("<kg:Person>");
var names = kg.values(people, "<kg:name>");
var aliases = kg.values(people, "<kg:alias>");
var offices = kg.values(people, "<kg:holds>");
var allOffices = kg.collect(offices);
var titles = kg.first(allOffices, "<kg:title>");
var ofs = kg.first(allOffices, "<kg:of>");
var currents = kg.first(allOffices, "<kg:current>");
var sources = kg.mentions(people);
people.map(function (p) {
  var all = (names[p] || []).slice().sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); });
  var seenRole = {};
  var roles = (offices[p] || []).map(function (o) {
    return { title: titles[o] || "", of: ofs[o] || "", current: currents[o] !== "false" };
  }).filter(function (r) {
    var k = r.title + "|" + r.of + "|" + r.current;
    if (seenRole[k]) { return false; }
    seenRole[k] = true;
    return true;
  }).sort(function (a, b) { return (b.current - a.current) || (a.title < b.title ? -1 : 1); });
  return {
    name: all[0] || p,
    aliases: kg.uniq(all.slice(1).concat(aliases[p] || [])).sort(),
    roles: roles,
    sources: sources[p] || []
  };
}).sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }).forEach(function (r) { g.Emit(r); });
