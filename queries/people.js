/* people: who is in the graph, with their other names, offices and the
   articles that name them.
   Emits one object a person, by name:
   {name, aliases: [names], roles: [{title, of, current}], sources: [article ids]}
   @arg person name  only this person */
kg.profiles({ person: args.person }, function (p) {
  g.Emit({ name: p.name, aliases: p.aliases, roles: p.roles, sources: p.sources });
});
