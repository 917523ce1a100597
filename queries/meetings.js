/* meetings: who met whom, when, where, and the evidence: who reported it, in which sentences.
   Emits one object a meeting, newest first (undated ones last):
   {participants: [names], date, place, kind, sources: [article ids],
    evidence: [{article, outlet, headline, url, locations, published, sentences, rules}], id}
   @arg person name  only the meetings of this person
   @arg with   name  only the meetings also attended by this person
   @arg from   date  only meetings on or after this date (YYYY[-MM[-DD]])
   @arg to     date  only meetings on or before this date */
kg.meetings({ person: args.person, with: args["with"], from: args.from, to: args.to }, function (m) {
  kg.emit({ participants: m.participants, date: m.date, place: m.place, kind: m.kind, sources: m.sources, evidence: m.evidence, id: m.ref });
});
