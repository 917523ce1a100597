/* ambiguous: short names kg kept apart from the people they may be
   ("Clinton": Bill or Hillary; "Salman": not Crown Prince Mohammed bin
   Salman), for a human to decide with kg alias.
   Emits one object a short name, by name:
   {name, articles: how many name them so, candidates: [{name, why}], id}
   @arg person name  only the short names this person may be */
var only = args.person ? kg.find(args.person) : null;
kg.ambiguous(function (d) {
  if (only && !d.candidates.some(function (c) { return only.indexOf(c.id) >= 0; }) && only.indexOf(d.id) < 0) { return; }
  kg.emit({ name: d.name, articles: d.articles, candidates: d.candidates.map(function (c) { return { name: c.name, why: c.why }; }), id: d.ref });
});
