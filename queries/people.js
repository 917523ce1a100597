/* people: who is in the graph, with their other names, offices (and the
   sentences behind each) and the articles that name them.
   Emits one object a person, by name:
   {name, aliases: [names], roles: [{title, of, current, evidence}], joined: [names], sources: [article ids]}
   @arg person name  only this person */
kg.profiles({ person: args.person }, function (p) {
  kg.emit({ name: p.name, aliases: p.aliases, roles: p.roles, joined: p.joined, sources: p.sources });
});
