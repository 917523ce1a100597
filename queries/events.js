/* events: dated events other than meetings (talks, ceasefires,
   declarations, assassinations, arrivals...), oldest first, with the evidence.
   Emits {date, label, head, place, people: [names], sources: [article ids], evidence, id}
   @arg from date  only events on or after this date (YYYY[-MM[-DD]])
   @arg to   date  only events on or before this date
   @arg head text  only events whose head word is this (such as ceasefire) */
kg.events({ from: args.from, to: args.to, head: args.head }, function (e) {
  kg.emit({ date: e.date, label: e.label, head: e.head, place: e.place, people: e.people, sources: e.sources, evidence: e.evidence, id: e.ref });
});
