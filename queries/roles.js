/* roles: the offices one person has held over time, as reported, with the evidence.
   Emits one object an office, by the date it was first reported:
   {name, title, of, current, reported: [publication dates], sources: [article ids], evidence, id}
   @arg person name required  the person */
if (!args.person) { throw new Error("roles needs a person: --arg person=NAME"); }
kg.offices({ person: args.person }).forEach(function (o) {
  kg.emit({ name: o.name, title: o.title, of: o.of, current: o.current, reported: o.reported, sources: o.sources, evidence: o.evidence, id: o.ref });
});
