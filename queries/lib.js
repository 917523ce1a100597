/* lib.js: helpers kg puts in front of every script it runs, so saved
   queries, files and REPL input can all use them. It is joined into one
   line before use, so that line numbers in error messages stay those of the
   user's script: use only block comments here and end every statement
   with a semicolon.

   kg already holds the fast helpers written in Go (kg.find, kg.meetings,
   kg.profiles, kg.offices, kg.events: graph/helpers.go, docs/queries.md);
   the functions below are added to it. They are plain Gizmo and read more
   of the store than the Go ones: prefer those on a large store. */
(function (kg) {
  var lib = {
    /* values(nodes, pred) maps each node to the array of its pred objects. */
    values: function (nodes, pred) {
      var out = {}, seen = {};
      nodes = kg.uniq(nodes);
      if (nodes.length === 0) { return out; }
      g.V.apply(g, nodes).Tag("node").Out(pred).Tag("value").TagArray().forEach(function (r) {
        var k = r.node + "\u0000" + r.value;
        if (seen[k]) { return; }
        seen[k] = true;
        (out[r.node] = out[r.node] || []).push(r.value);
      });
      return out;
    },
    /* first(nodes, pred) maps each node to one pred object: the longest of
       the first few, so "Walid al-Muallem" usually wins over "Walid Muallem".
       Only a few are read because a much-reported person has one name quad
       per article that names them. */
    first: function (nodes, pred) {
      var out = {};
      kg.uniq(nodes).forEach(function (n) {
        var vs = g.V(n).Out(pred).ToArray(8);
        if (vs.length > 0) {
          out[n] = vs.reduce(function (a, b) { return String(b).length > String(a).length ? b : a; });
        }
      });
      return out;
    },
    /* people(keys) finds person nodes from the "|"-separated lookup keys kg
       computes for a name argument (args.person_keys, args.with_keys). */
    people: function (keys) {
      /* Unique() before Has: every article naming a person adds a key quad. */
      if (!keys) { return []; }
      var ks = keys.split("|").filter(function (k) { return k !== ""; });
      if (ks.length === 0) { return []; }
      return g.V.apply(g, ks).In("<kg:key>").Unique().Has("<rdf:type>", "<kg:Person>").Unique().ToArray();
    },
    /* ofType(cls) lists every node of a class, such as "<kg:Meeting>". */
    ofType: function (cls) { return g.V(cls).In("<rdf:type>").Unique().ToArray(); },
    /* sources(nodes) maps each fact node to the ids of its articles. */
    sources: function (nodes) {
      var arts = kg.values(nodes, "<kg:source>"), out = {};
      var ids = kg.first(kg.collect(arts), "<kg:id>");
      Object.keys(arts).forEach(function (n) {
        out[n] = arts[n].map(function (a) { return ids[a] || a; }).sort();
      });
      return out;
    },
    /* mentions(people) maps each person node to the ids of the articles
       that name them (article kg:mentions person). */
    mentions: function (people) {
      var out = {}, seen = {};
      people = kg.uniq(people);
      if (people.length === 0) { return out; }
      var rows = g.V.apply(g, people).Tag("node").In("<kg:mentions>").Tag("article").TagArray();
      var ids = kg.first(kg.uniq(rows.map(function (r) { return r.article; })), "<kg:id>");
      rows.forEach(function (r) {
        var id = ids[r.article] || r.article, k = r.node + "\u0000" + id;
        if (seen[k]) { return; }
        seen[k] = true;
        (out[r.node] = out[r.node] || []).push(id);
      });
      Object.keys(out).forEach(function (p) { out[p].sort(); });
      return out;
    },
    /* collect(m) lists, once each, the values of a map of arrays such as
       kg.values returns. */
    collect: function (m) {
      var all = [];
      Object.keys(m).forEach(function (k) { m[k].forEach(function (v) { all.push(v); }); });
      return kg.uniq(all);
    },
    /* uniq(xs) drops repeated values, keeping the first of each. */
    uniq: function (xs) {
      var seen = {};
      return xs.filter(function (x) { if (seen[x]) { return false; } seen[x] = true; return true; });
    },
    /* inRange(date, from, to) says whether a possibly partial ISO date
       (2017, 2017-01, 2017-01-18) overlaps [from, to], where from and to may
       be partial too; a missing bound is open, a missing date never matches
       a range. */
    inRange: function (date, from, to) {
      if (!from && !to) { return true; }
      if (!date) { return false; }
      if (from && kg.dayLast(date) < kg.dayFirst(from)) { return false; }
      if (to && kg.dayFirst(date) > kg.dayLast(to)) { return false; }
      return true;
    },
    /* dayFirst(d) and dayLast(d) are the first and last day a partial date covers. */
    dayFirst: function (d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; },
    dayLast: function (d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; },
    /* byDate orders results by date, undated ones last, then by
       participants or name. */
    byDate: function (a, b) {
      var x = (a.date || "9999") + "|" + String(a.participants || a.name || "");
      var y = (b.date || "9999") + "|" + String(b.participants || b.name || "");
      return x < y ? -1 : x > y ? 1 : 0;
    }
  };
  Object.keys(lib).forEach(function (name) { kg[name] = lib[name]; });
})(kg);
