/* kg serve's web app: one page, routed by the URL's fragment.
 *
 *   #/                      home: what the store holds, the latest meetings
 *   #/search/NAME           people a name may stand for, or names to try
 *   #/person/ID?depth=&from=&to=   a person: network, timeline, offices
 *   #/fact/ID               one meeting, event or office with its evidence
 *   #/query[/NAME]          Gizmo queries, the saved ones a click away
 *   #/corrections           every correction: who, when, why; undo
 *
 * Everything shown comes from kg serve's JSON API (docs/serve.md); text
 * from the store is always inserted as text, never as HTML. The network
 * is drawn with Cytoscape.js. */
"use strict";

(function () {
  var main = document.getElementById("main");
  var editToken = meta("kg-edit-token");

  // ---- helpers -----------------------------------------------------------

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : "";
  }

  // el builds an element: el("a", {href: "#/"}, "text", child, ...).
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) { return; }
      if (k === "class") { node.className = v; }
      else if (k === "text") { node.textContent = v; }
      else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), v); }
      else { node.setAttribute(k, v === true ? "" : v); }
    });
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }

  function append(node, child) {
    if (child === undefined || child === null || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function query(params) {
    var parts = [];
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (v === undefined || v === null || v === "") { return; }
      (Array.isArray(v) ? v : [v]).forEach(function (x) {
        parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(x));
      });
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  // api fetches JSON from the server; a failure becomes an Error with the
  // server's message, and its kind (nothing, usage, busy, timeout...).
  function api(path, params, init) {
    return fetch("/api/v1/" + path + query(params), init).then(function (resp) {
      return resp.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        if (!resp.ok) {
          var err = new Error(body && body.error ? body.error : "the server answered " + resp.status);
          err.kind = body && body.kind;
          err.status = resp.status;
          throw err;
        }
        return body;
      });
    });
  }

  function problem(err) { return el("p", { "class": "error", role: "alert", text: err.message || String(err) }); }

  function personLink(p, params) {
    return el("a", { href: "#/person/" + encodeURIComponent(p.id) + query(params || {}), "class": "person", text: p.name });
  }

  function joinNodes(nodes, sep) {
    var out = [];
    nodes.forEach(function (n, i) { if (i > 0) { out.push(sep); } out.push(n); });
    return out;
  }

  function when(date) { return date || "undated"; }

  function section(title, id) {
    return el("section", { "class": "card", id: id }, el("h2", { text: title }));
  }

  // ---- routing -----------------------------------------------------------

  var route = { name: "", arg: "", params: {} };
  var teardown = [];

  function parseHash() {
    var h = location.hash.replace(/^#\/?/, "");
    var q = "";
    var at = h.indexOf("?");
    if (at >= 0) { q = h.slice(at + 1); h = h.slice(0, at); }
    var slash = h.indexOf("/");
    var name = slash >= 0 ? h.slice(0, slash) : h;
    var arg = slash >= 0 ? decodeURIComponent(h.slice(slash + 1)) : "";
    var params = {};
    q.split("&").forEach(function (kv) {
      if (!kv) { return; }
      var i = kv.indexOf("=");
      params[decodeURIComponent(i < 0 ? kv : kv.slice(0, i))] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1));
    });
    return { name: name, arg: arg, params: params };
  }

  function render() {
    teardown.forEach(function (fn) { fn(); });
    teardown = [];
    var was = route.name;
    route = parseHash();
    // A correction's notice stays while its page does.
    if (route.name !== was) { document.getElementById("notice").hidden = true; }
    clear(main);
    var pages = { "": home, search: searchPage, person: personPage, fact: factPage, query: queryPage, corrections: correctionsPage };
    var page = pages[route.name];
    if (!page) { main.appendChild(problem(new Error("There is no page #/" + route.name + "."))); return; }
    page(route.arg, route.params);
  }

  // replaceParams changes the fragment's parameters without reloading the page.
  function replaceParams(params) {
    var base = location.hash.split("?")[0];
    history.replaceState(null, "", base + query(params));
    route.params = params;
  }

  window.addEventListener("hashchange", render);

  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = document.getElementById("search").value.trim();
    if (q) { location.hash = "#/search/" + encodeURIComponent(q); }
  });

  // ---- home --------------------------------------------------------------

  function home() {
    var intro = section("Who met whom");
    intro.appendChild(el("p", { text: "Type part of a name above to find a person and see their network of meetings, " +
      "their timeline and the offices they held. Every meeting links to the sentences that report it." }));
    var stats = el("p", { "class": "muted", text: "Counting…" });
    intro.appendChild(stats);
    main.appendChild(intro);
    api("stats").then(function (st) {
      stats.textContent = st.people + " people, " + st.meetings + " meetings, " + st.events + " events and " +
        st.roles + " offices from " + st.articles + " articles (" + st.quads + " quads, " + st.backend + " store).";
    }).catch(function (err) { stats.replaceWith(problem(err)); });

    var latest = section("Latest meetings", "latest");
    main.appendChild(latest);
    api("meetings", { limit: 15 }).then(function (ans) {
      if (!ans.meetings.length) { latest.appendChild(el("p", { text: "No meetings yet: load articles with kg load." })); return; }
      latest.appendChild(entryList(ans.meetings, null));
    }).catch(function (err) { latest.appendChild(problem(err)); });

    var whole = section("The whole graph", "whole");
    whole.appendChild(el("p", { text: "Download everyone and every meeting for Gephi, Cytoscape, yEd or Graphviz:" }));
    whole.appendChild(downloads({}));
    main.appendChild(whole);
  }

  // ---- search ------------------------------------------------------------

  // searchPage finds people as kg query does: one person opens their
  // page; several are listed with who each is, to choose from; nobody
  // gives the closest names.
  function searchPage(q) {
    document.getElementById("search").value = q;
    var card = section("People called “" + q + "”", "results");
    main.appendChild(card);
    api("people", { q: q, limit: 50 }).then(function (ans) {
      if (ans.people.length === 1) {
        location.replace("#/person/" + encodeURIComponent(ans.people[0].id));
        return;
      }
      if (!ans.people.length) {
        card.appendChild(el("p", { text: "Nobody in the store is called “" + q + "”." }));
        if (ans.suggestions.length) {
          card.appendChild(el("p", { "class": "suggest" }, "Did you mean ",
            joinNodes(ans.suggestions.map(function (s) { return personLink(s); }), ", "), "?"));
        }
        return;
      }
      card.appendChild(el("p", { "class": "ambiguous", text: "“" + q + "” fits " + ans.people.length + (ans.more ? " or more" : "") +
        " people" + (ans.match === "partial" ? " (words of their names)" : "") + ". Choose one:" }));
      var list = el("ul", { "class": "people" });
      ans.people.forEach(function (p) {
        list.appendChild(el("li", null, personLink(p), p.who ? el("span", { "class": "who", text: ", " + p.who }) : null, personFacts(p)));
      });
      card.appendChild(list);
      if (ans.more) { card.appendChild(el("p", { "class": "muted", text: "More people fit: type more of the name." })); }
    }).catch(function (err) { card.appendChild(problem(err)); });
  }

  function personFacts(p) {
    var bits = [];
    if (p.offices && p.offices.length && !p.who) { bits.push(p.offices.join("; ")); }
    if (p.nationality) { bits.push(p.nationality); }
    if (p.aliases && p.aliases.length) { bits.push("also " + p.aliases.join(", ")); }
    return bits.length ? el("span", { "class": "muted", text: " — " + bits.join(" · ") }) : null;
  }

  // ---- person ------------------------------------------------------------

  function personPage(id, params) {
    var depth = params.depth === "2" ? 2 : 1;
    var head = el("section", { "class": "card person-head", id: "person" }, el("p", { "class": "muted", text: "Reading…" }));
    main.appendChild(head);
    var net = section("Network of meetings", "network");
    main.appendChild(net);
    var timeline = section("Timeline", "timeline");
    var offices = section("Offices over time", "offices");
    main.appendChild(el("div", { "class": "columns" }, timeline, offices));

    api("person", { id: id }).then(function (p) {
      document.title = p.name + " — kg";
      clear(head);
      head.appendChild(el("h1", { text: p.name }));
      var facts = [];
      if (p.nationality) { facts.push(el("span", { text: p.nationality })); }
      if (p.offices.length) { facts.push(el("span", { text: p.offices.join("; ") })); }
      facts.push(el("span", { text: "named in " + p.articles.length + " article" + (p.articles.length === 1 ? "" : "s") }));
      head.appendChild(el("p", { "class": "facts" }, joinNodes(facts, " · ")));
      if (p.aliases.length) { head.appendChild(el("p", { "class": "muted", text: "Also written: " + p.aliases.join(", ") })); }
      if (p.joined.length) { head.appendChild(joinedList(p)); }
      if (editToken) { head.appendChild(correctionsBar(p)); }
      drawOffices(offices, p.officeHistory);
      network(net, p, depth, params, function (from, to) { drawTimeline(timeline, id, from, to); });
    }).catch(function (err) {
      clear(head).appendChild(problem(err));
      net.remove(); timeline.remove(); offices.remove();
    });
  }

  // Colours: edges by kind of contact, nodes by country.
  var kindColours = { meeting: "#2f6fb3", call: "#e07b24", contact: "#8a4fb8" };
  var palette = ["#4e79a7", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
    "#f28e2b", "#17becf", "#bcbd22", "#7f7f7f"];
  var noCountry = "#c4c9d0";

  function countryColour(country) {
    if (!country) { return noCountry; }
    var h = 0;
    for (var i = 0; i < country.length; i++) { h = (h * 31 + country.charCodeAt(i)) >>> 0; }
    return palette[h % palette.length];
  }

  function edgeKind(data) {
    var kinds = (data.kind || "meeting").split("; ");
    return kinds.length > 1 ? "contact" : kinds[0];
  }

  // months lists every month from first to last (YYYY-MM), for the slider.
  function months(first, last) {
    var out = [];
    var y = +first.slice(0, 4), m = first.length >= 7 ? +first.slice(5, 7) : 1;
    var ly = +last.slice(0, 4), lm = last.length >= 7 ? +last.slice(5, 7) : 12;
    while (y < ly || (y === ly && m <= lm)) {
      out.push(y + "-" + (m < 10 ? "0" : "") + m);
      m++;
      if (m > 12) { m = 1; y++; }
      if (out.length > 1200) { break; }
    }
    return out;
  }

  function network(card, person, depth, params, onRange) {
    var id = person.id;
    var controls = el("div", { "class": "controls" });
    var depthBox = el("fieldset", { "class": "depth" }, el("legend", { text: "Depth" }));
    [1, 2].forEach(function (d) {
      depthBox.appendChild(el("label", null, el("input", {
        type: "radio", name: "depth", value: String(d), checked: d === depth,
        onchange: function () { depth = d; bounds = null; load(); }
      }), d === 1 ? " their contacts" : " and their contacts' contacts"));
    });
    var fromInput = el("input", { type: "range", min: "0", max: "0", value: "0", id: "range-from", "aria-label": "From month" });
    var toInput = el("input", { type: "range", min: "0", max: "0", value: "0", id: "range-to", "aria-label": "To month" });
    var rangeLabel = el("output", { id: "range-label", text: "all dates" });
    var rangeBox = el("fieldset", { "class": "range" }, el("legend", { text: "Dates" }),
      el("div", { "class": "sliders" }, fromInput, toInput), rangeLabel,
      el("button", { type: "button", id: "range-reset", onclick: function () { setRange(null, null); load(); } }, "All dates"));
    controls.appendChild(depthBox);
    controls.appendChild(rangeBox);
    var graphBox = el("div", { id: "graph", "class": "graph", role: "img", "aria-label": "Network of " + person.name });
    var status = el("p", { "class": "muted", id: "graph-status" });
    var legend = el("div", { "class": "legend", id: "legend" });
    var panel = el("aside", { "class": "panel", id: "edge-panel" });
    function panelHint() {
      clear(panel).appendChild(el("p", { "class": "muted", text: "Click a line to see the meetings of the two people and the sentences that report them; click a person to move the network to them." }));
    }
    var dl = el("div", { "class": "downloads", id: "downloads" });
    card.appendChild(controls);
    card.appendChild(el("div", { "class": "graph-row" }, el("div", { "class": "graph-col" }, graphBox, status, legend), panel));
    card.appendChild(el("h3", { text: "Download this view" }));
    card.appendChild(dl);

    var months_ = [];
    var bounds = null; // {first, last} of the unfiltered network
    var from = params.from || "", to = params.to || "";
    var cy = null;

    function setRange(f, t) {
      from = f || ""; to = t || "";
      var p = { depth: depth === 2 ? "2" : "", from: from, to: to };
      replaceParams(p);
      rangeLabel.textContent = from || to ? (from || "…") + " to " + (to || "…") : "all dates";
    }

    function syncSliders() {
      var fi = from ? months_.indexOf(from.slice(0, 7)) : 0;
      var ti = to ? months_.indexOf(to.slice(0, 7)) : months_.length - 1;
      fromInput.max = toInput.max = String(Math.max(months_.length - 1, 0));
      fromInput.value = String(fi < 0 ? 0 : fi);
      toInput.value = String(ti < 0 ? months_.length - 1 : ti);
      fromInput.disabled = toInput.disabled = months_.length < 2;
    }

    function slid() {
      var fi = +fromInput.value, ti = +toInput.value;
      if (fi > ti) { if (this === fromInput) { toInput.value = String(fi); ti = fi; } else { fromInput.value = String(ti); fi = ti; } }
      var all = fi === 0 && ti === months_.length - 1;
      setRange(all ? "" : months_[fi], all ? "" : months_[ti]);
    }
    fromInput.addEventListener("input", slid);
    toInput.addEventListener("input", slid);
    fromInput.addEventListener("change", function () { load(); });
    toInput.addEventListener("change", function () { load(); });

    function load() {
      setRange(from, to);
      panelHint();
      status.textContent = "Drawing…";
      clear(dl).appendChild(downloads({ person: id, depth: depth, from: from, to: to }));
      onRange(from, to);
      var wantBounds = !bounds;
      var fetches = [api("export", { format: "cytoscape", person: id, depth: depth, from: from, to: to })];
      if (wantBounds && (from || to)) { fetches.push(api("export", { format: "cytoscape", person: id, depth: depth })); }
      Promise.all(fetches.map(function (f) {
        return f.catch(function (err) { if (err.kind === "nothing") { return null; } throw err; });
      })).then(function (got) {
        var data = got[0];
        if (wantBounds) {
          bounds = dateBounds(got[got.length - 1]);
          months_ = bounds ? months(bounds.first, bounds.last) : [];
          syncSliders();
        }
        draw(data);
      }).catch(function (err) { status.textContent = ""; status.appendChild(problem(err)); });
    }

    function dateBounds(data) {
      if (!data) { return null; }
      var first = "", last = "";
      data.elements.edges.forEach(function (e) {
        if (e.data.first && (!first || e.data.first < first)) { first = e.data.first; }
        if (e.data.last && (!last || e.data.last > last)) { last = e.data.last; }
      });
      return first ? { first: first, last: last } : null;
    }

    function draw(data) {
      var elements = data ? data.elements : { nodes: [{ data: { id: id, label: person.name, country: person.nationality } }], edges: [] };
      if (!elements.nodes.some(function (n) { return n.data.id === id; })) {
        elements.nodes.push({ data: { id: id, label: person.name, country: person.nationality } });
      }
      var countries = {}, kinds = {};
      elements.nodes.forEach(function (n) {
        n.data.colour = countryColour(n.data.country);
        n.data.root = n.data.id === id ? "yes" : "no";
        countries[n.data.country || ""] = n.data.colour;
      });
      elements.edges.forEach(function (e) {
        var k = edgeKind(e.data);
        e.data.colour = kindColours[k] || kindColours.meeting;
        e.data.width = Math.min(1.5 + Math.log2(1 + (e.data.meetings || 1)) * 1.5, 9);
        kinds[k] = e.data.colour;
      });
      if (cy) { cy.destroy(); }
      cy = window.cytoscape({
        container: graphBox,
        elements: elements,
        minZoom: 0.2, maxZoom: 4, wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
            "background-color": "data(colour)", label: "data(label)", "font-size": 11, color: "#1d2733",
            "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22,
            "border-width": 1, "border-color": "#5b6675", "text-wrap": "wrap", "text-max-width": 120,
            "text-background-color": "#fbfcfd", "text-background-opacity": 0.85, "text-background-padding": 2 } },
          { selector: "node[root = 'yes']", style: { width: 34, height: 34, "border-width": 3, "border-color": "#1d2733", "font-weight": "bold" } },
          { selector: "edge", style: { "line-color": "data(colour)", width: "data(width)", "curve-style": "bezier", opacity: 0.85 } },
          { selector: "edge:selected", style: { "line-color": "#111", opacity: 1 } },
          { selector: "node:selected", style: { "border-color": "#d11", "border-width": 3 } }
        ],
        // Rings around the person: their contacts, then their contacts'.
        layout: { name: "concentric", animate: false, padding: 40, minNodeSpacing: 36, avoidOverlap: true,
          concentric: function (n) { return n.data("root") === "yes" ? 3 : n.degree() > 0 && n.neighborhood("node[root = 'yes']").length ? 2 : 1; },
          levelWidth: function () { return 1; } }
      });
      if (cy.zoom() > 1.6) { cy.zoom(1.6); cy.center(); }
      window.kgGraph = cy; // for the browser tests and the curious
      cy.on("tap", "node", function (ev) {
        var nid = ev.target.id();
        if (nid !== id) { location.hash = "#/person/" + encodeURIComponent(nid) + query({ depth: depth === 2 ? "2" : "", from: from, to: to }); }
      });
      cy.on("tap", "edge", function (ev) { showPair(ev.target.data()); });
      var people = elements.nodes.length, lines = elements.edges.length;
      status.textContent = data ? people + " people, " + lines + (lines === 1 ? " pair" : " pairs") + " who met" + (from || to ? " in the dates chosen" : "") + ". Scroll to zoom, drag to move." :
        "No meetings of " + person.name + (from || to ? " in these dates." : " in the store.");
      drawLegend(countries, kinds);
      graphBox.setAttribute("data-people", String(people));
    }

    function drawLegend(countries, kinds) {
      clear(legend);
      var k = el("div", null, el("strong", { text: "Lines: " }));
      Object.keys(kinds).sort().forEach(function (name) {
        k.appendChild(el("span", { "class": "key" }, el("i", { "class": "line", style: "background:" + kinds[name] }),
          name === "contact" ? "meetings and calls" : name === "call" ? "calls" : "meetings"));
      });
      var c = el("div", null, el("strong", { text: "People, by country: " }));
      Object.keys(countries).sort().forEach(function (name) {
        c.appendChild(el("span", { "class": "key" }, el("i", { "class": "dot", style: "background:" + countries[name] }), name || "unknown"));
      });
      legend.appendChild(k);
      legend.appendChild(c);
    }

    function showPair(edge) {
      var a = cy.getElementById(edge.source).data("label"), b = cy.getElementById(edge.target).data("label");
      clear(panel).appendChild(el("h3", { text: a + " and " + b }));
      var body = el("div", null, el("p", { "class": "muted", text: "Reading…" }));
      panel.appendChild(body);
      api("meetings", { person: edge.source, "with": edge.target, from: from, to: to }).then(function (ans) {
        clear(body).appendChild(entryList(ans.meetings, null));
      }).catch(function (err) { clear(body).appendChild(problem(err)); });
    }

    teardown.push(function () { if (cy) { cy.destroy(); cy = null; } });
    load();
  }

  // entryList lists meetings or timeline entries; a click shows the evidence.
  function entryList(entries, self) {
    var list = el("ol", { "class": "entries" });
    entries.forEach(function (e) {
      var who = e.people.filter(function (p) { return p.id !== self; });
      var evidence = el("div", { "class": "evidence-box" });
      var open = false;
      var button = el("button", {
        type: "button", "class": "entry", "aria-expanded": "false", "data-id": e.id,
        onclick: function () {
          open = !open;
          button.setAttribute("aria-expanded", String(open));
          if (!open) { clear(evidence); return; }
          showEvidence(evidence, e.id);
        }
      }, el("span", { "class": "date", text: when(e.date) }), " ",
      el("span", { "class": "what what-" + e.what, text: e.what }), " ",
      e.what === "event" ? e.label : (self ? (e.what === "call" ? "call with " : "met ") : "") + who.map(function (p) { return p.name; }).join(", "),
      e.place ? el("span", { "class": "muted", text: " in " + e.place }) : null);
      list.appendChild(el("li", null, button,
        who.length ? el("span", { "class": "small pages" }, " ", joinNodes(who.map(function (p) {
          var a = personLink(p);
          a.textContent = "↗ " + p.name;
          a.title = "Open " + p.name + "'s page";
          return a;
        }), " ")) : null,
        evidence));
    });
    if (!entries.length) { return el("p", { "class": "muted", text: "None." }); }
    return list;
  }

  function showEvidence(box, id) {
    clear(box).appendChild(el("p", { "class": "muted", text: "Reading the evidence…" }));
    api("fact", { id: id }).then(function (f) { clear(box).appendChild(factView(f)); })
      .catch(function (err) { clear(box).appendChild(problem(err)); });
  }

  // factView shows a fact and, for each article that reports it, its
  // sentences with the people's names marked, and the article's details:
  // outlet, headline, date, link (or the file it was read from), rule.
  // With edits allowed it offers to retract the fact, or to undo its
  // retraction.
  function factView(f) {
    var box = el("div", { "class": "fact" + (f.retracted ? " retracted" : ""), "data-fact": f.id });
    var what = f.type === "meeting" ? (f.kind === "call" ? "Call" : "Meeting") : f.type === "event" ? "Event" : "Office";
    box.appendChild(el("p", { "class": "fact-head" }, el("strong", { text: what + ": " }), f.label,
      f.date ? " · " + f.date : "", f.place ? " · " + f.place : "",
      f.current === false ? " · former" : "", " ", el("a", { href: "#/fact/" + encodeURIComponent(f.id), "class": "small", text: f.shortId })));
    if (f.retracted) {
      var r = f.retracted;
      box.appendChild(el("p", { "class": "warning retraction" }, el("strong", { text: "Retracted: " }),
        "left out of answers and exports" + (r.by ? " (by " + r.by + " on " + r.at + (r.why ? ": " + r.why : "") + ")" : "") + ". ",
        editToken && r.id ? el("button", { type: "button", "class": "undo-retraction", onclick: function () { confirmUndo(r); } }, "Undo the retraction…") : null));
    }
    if (!f.evidence.length) { box.appendChild(el("p", { "class": "muted", text: "No article is recorded for this fact." })); }
    f.evidence.forEach(function (ev) {
      var a = ev.article;
      var title = a.headline ? "“" + a.headline + "”" : "article " + a.id;
      var where = articleLink(a);
      var source = el("p", { "class": "source" },
        a.url ? el("a", { href: safeURL(a.url), target: "_blank", rel: "noopener noreferrer", text: title }) : el("strong", { text: title }),
        a.publisher ? " · " + a.publisher : "", a.published ? " · " + a.published : "",
        a.headline ? el("span", { "class": "muted small", text: " · article " + a.id }) : null);
      var quotes = ev.sentences.map(function (s) { return el("blockquote", { "class": "sentence" }, highlight(s, f.names)); });
      if (!quotes.length) { quotes = [el("p", { "class": "muted", text: "(this article reports it without a stored sentence)" })]; }
      box.appendChild(el("div", { "class": "evidence" }, source, quotes,
        el("p", { "class": "muted small context" }, "Context: " + f.context + (where ? ": " : "."), where),
        ev.rules.length ? el("p", { "class": "muted small rule", text: "found by rule " + ev.rules.join(", ") }) : null));
    });
    if (editToken && !f.retracted) {
      box.appendChild(el("p", null, el("button", { type: "button", "class": "retract", onclick: function () { confirmRetract(f); } },
        "Retract this " + what.toLowerCase() + "…")));
    }
    return box;
  }

  // articleLink is where an article can be read: its URL, else the file
  // (and line) it was loaded from, as text, since the page cannot open it.
  function articleLink(a) {
    if (a.url) { return el("a", { href: safeURL(a.url), target: "_blank", rel: "noopener noreferrer", text: a.url }); }
    if (a.locations && a.locations.length) { return el("span", null, "read from ", el("code", { text: a.locations[0] })); }
    return null;
  }

  function safeURL(u) { return /^(https?:|file:)/i.test(u) ? u : "#"; }

  // highlight marks every occurrence of a name in text.
  function highlight(text, names) {
    var words = (names || []).filter(function (n) { return n.length > 1; }).map(function (n) {
      return n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    if (!words.length) { return [text]; }
    var re = new RegExp("(^|[^\\p{L}])(" + words.join("|") + ")(?![\\p{L}])", "giu");
    var out = [], at = 0, m;
    while ((m = re.exec(text)) !== null) {
      var start = m.index + m[1].length;
      out.push(text.slice(at, start));
      out.push(el("mark", { text: m[2] }));
      at = start + m[2].length;
      re.lastIndex = at;
    }
    out.push(text.slice(at));
    return out;
  }

  function drawTimeline(card, id, from, to) {
    var body = card.querySelector(".body") || card.appendChild(el("div", { "class": "body" }));
    clear(body).appendChild(el("p", { "class": "muted", text: "Reading…" }));
    api("timeline", { id: id, from: from, to: to }).then(function (ans) {
      clear(body);
      if (from || to) { body.appendChild(el("p", { "class": "muted", text: "From " + (from || "the start") + " to " + (to || "the end") + ":" })); }
      body.appendChild(entryList(ans.entries, id));
      if (ans.more) { body.appendChild(el("p", { "class": "muted", text: "There are more: choose fewer dates with the slider above." })); }
    }).catch(function (err) { clear(body).appendChild(problem(err)); });
  }

  // drawOffices draws each office as a bar from its first report to its last.
  function drawOffices(card, offices) {
    if (!offices.length) { card.appendChild(el("p", { "class": "muted", text: "No office recorded." })); return; }
    var dates = [];
    offices.forEach(function (o) { dates = dates.concat(o.reported); });
    dates.sort();
    var t0 = dates.length ? Date.parse(dates[0].slice(0, 10)) : 0;
    var t1 = dates.length ? Date.parse(dates[dates.length - 1].slice(0, 10)) : 0;
    var span = Math.max(t1 - t0, 1);
    var list = el("ul", { "class": "offices" });
    offices.forEach(function (o) {
      var first = o.reported[0], last = o.reported[o.reported.length - 1];
      var bar = el("div", { "class": "bar-track" });
      if (first) {
        // At least a visible sliver, kept inside the track.
        var width = Math.max((Date.parse(last.slice(0, 10)) - Date.parse(first.slice(0, 10))) / span * 100, 1.5);
        var left = Math.min((Date.parse(first.slice(0, 10)) - t0) / span * 100, 100 - width);
        bar.appendChild(el("div", { "class": "bar" + (o.current ? "" : " former"), style: "left:" + left.toFixed(2) + "%;width:" + width.toFixed(2) + "%" }));
      }
      var factBox = el("div", { "class": "evidence-box" });
      var open = false;
      list.appendChild(el("li", null,
        el("button", { type: "button", "class": "entry", onclick: function () {
          open = !open;
          if (open) { showEvidence(factBox, o.id); } else { clear(factBox); }
        } }, el("strong", { text: o.title + (o.of ? " of " + o.of : "") }), o.current ? "" : " (former)"),
        el("span", { "class": "muted small", text: first ? " reported " + (first === last ? first : first + " to " + last) : " no report date" }),
        bar, factBox));
    });
    card.appendChild(list);
    if (dates.length) { card.appendChild(el("p", { "class": "muted small", text: dates[0] + " … " + dates[dates.length - 1] })); }
  }

  // ---- downloads ---------------------------------------------------------

  var formats = [
    ["gexf", "GEXF (Gephi)"], ["graphml", "GraphML"], ["cytoscape", "Cytoscape JSON"], ["csv", "CSV (zip)"],
    ["dot", "DOT"], ["svg", "SVG"], ["png", "PNG"]
  ];

  function downloads(view) {
    var box = el("div", { "class": "buttons" });
    formats.forEach(function (f) {
      var params = { format: f[0], person: view.person, depth: view.person ? view.depth : "", from: view.from, to: view.to, download: "1" };
      box.appendChild(el("a", { "class": "button", href: "/api/v1/export" + query(params), download: "", "data-format": f[0], text: f[1] }));
    });
    box.appendChild(el("a", { "class": "button", href: "/api/v1/export?format=nquads&download=1", download: "", "data-format": "nquads",
      title: "Every quad of the store, not only this view", text: "N-Quads (whole store)" }));
    return box;
  }

  // ---- fact page ---------------------------------------------------------

  function factPage(id) {
    var card = section("Evidence", "fact");
    main.appendChild(card);
    api("fact", { id: id }).then(function (f) {
      card.appendChild(factView(f));
      if (f.people.length) {
        card.appendChild(el("p", null, "People: ", joinNodes(f.people.map(function (p) { return personLink(p); }), ", ")));
      }
    }).catch(function (err) { card.appendChild(problem(err)); });
  }

  // ---- Gizmo query page --------------------------------------------------

  var lastScript = "kg.meetings({}, function (m) {\n  kg.emit({date: m.date, who: m.participants, place: m.place});\n});";

  function queryPage(name) {
    var saved = el("aside", { "class": "saved", id: "saved" }, el("h2", { text: "Saved queries" }));
    var editor = el("textarea", { id: "editor", spellcheck: "false", rows: "14", "aria-label": "Gizmo script" });
    editor.value = lastScript;
    var argsBox = el("div", { "class": "args", id: "args" });
    var limit = el("input", { type: "number", id: "limit", min: "1", value: "1000", "aria-label": "Most results" });
    var runButton = el("button", { type: "button", id: "run", "class": "primary", text: "Run (Ctrl+Enter)" });
    var info = el("p", { "class": "muted", id: "query-status" });
    var views = el("div", { "class": "tabs" });
    var results = el("div", { id: "results" });
    var current = null; // the saved query shown, while its text is unchanged
    var lastResults = [];
    var view = "table";

    var work = el("section", { "class": "card query" }, el("h2", { text: "Gizmo query" }),
      el("p", { "class": "muted" }, "Gizmo is Cayley's JavaScript graph language; kg adds helpers such as ",
        el("code", { text: "kg.meetings" }), " and ", el("code", { text: "kg.find" }), " (docs/queries.md). Scripts can only read the graph."),
      editor, argsBox,
      el("div", { "class": "run-row" }, runButton, el("label", null, " at most ", limit, " results")), info, views, results);
    main.appendChild(el("div", { "class": "query-layout" }, saved, work));

    editor.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
      if (ev.key === "Tab") {
        ev.preventDefault();
        var s = editor.selectionStart;
        editor.setRangeText("  ", s, editor.selectionEnd, "end");
      }
    });
    editor.addEventListener("input", function () { lastScript = editor.value; });
    runButton.addEventListener("click", run);

    api("queries").then(function (ans) {
      var list = el("ul", { "class": "saved-list" });
      ans.queries.forEach(function (q) {
        list.appendChild(el("li", null, el("button", { type: "button", "class": "link", "data-query": q.name, onclick: function () { choose(q); } },
          el("strong", { text: q.name })), el("div", { "class": "muted small", text: q.summary.replace(/^[\w-]+:\s*/, "") })));
        if (q.name === name) { choose(q); }
      });
      saved.appendChild(list);
    }).catch(function (err) { saved.appendChild(problem(err)); });

    function choose(q) {
      current = q;
      editor.value = lastScript = q.source;
      history.replaceState(null, "", "#/query/" + encodeURIComponent(q.name));
      clear(argsBox);
      q.args.forEach(function (a) {
        argsBox.appendChild(el("label", { "class": "arg" }, el("span", { text: a.name + (a.required ? " *" : "") }),
          el("input", { type: "text", name: a.name, placeholder: a.kind === "date" ? "YYYY[-MM[-DD]]" : a.kind === "name" ? "a name" : "",
            title: a.help, "data-arg": a.name })));
      });
    }

    function args() {
      var out = {};
      Array.prototype.forEach.call(argsBox.querySelectorAll("input[data-arg]"), function (i) {
        if (i.value.trim()) { out[i.getAttribute("data-arg")] = i.value.trim(); }
      });
      return out;
    }

    function run() {
      var body = { args: args(), limit: Math.max(1, +limit.value || 1000) };
      if (current && editor.value === current.source) { body.name = current.name; } else { body.script = editor.value; }
      info.textContent = "Running…";
      runButton.disabled = true;
      clear(results);
      var started = performance.now();
      var got = [];
      fetch("/api/v1/kg/query", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
        .then(function (resp) {
          return resp.text().then(function (text) {
            if (!resp.ok) { var e = JSON.parse(text || "{}"); throw new Error(e.error || "the server answered " + resp.status); }
            var end = null;
            text.split("\n").forEach(function (line) {
              if (!line) { return; }
              var l = JSON.parse(line);
              if (l.result !== undefined) { got.push(l.result); }
              else if (l.error) { end = { error: l.error }; }
              else if (l.limit) { end = end || {}; end.limit = l.limit; }
            });
            return end || {};
          });
        }).then(function (end) {
          lastResults = got;
          var secs = ((performance.now() - started) / 1000).toFixed(2);
          info.textContent = got.length + " result" + (got.length === 1 ? "" : "s") + " in " + secs + " s" +
            (end.limit ? "; stopped at the limit of " + end.limit + ", there are more" : "") + ".";
          if (end.error) { info.appendChild(problem(new Error(end.error))); }
          showResults();
        }).catch(function (err) { info.textContent = ""; info.appendChild(problem(err)); })
        .then(function () { runButton.disabled = false; });
    }

    function showResults() {
      clear(views);
      ["table", "json", "graph"].forEach(function (v) {
        views.appendChild(el("button", { type: "button", "class": "tab" + (v === view ? " active" : ""), "data-view": v,
          onclick: function () { view = v; showResults(); } }, v === "json" ? "JSON" : v[0].toUpperCase() + v.slice(1)));
      });
      views.appendChild(el("span", { "class": "spacer" }));
      views.appendChild(el("button", { type: "button", "class": "tab", "data-download": "json", onclick: function () { save("json"); } }, "Download JSON"));
      views.appendChild(el("button", { type: "button", "class": "tab", "data-download": "csv", onclick: function () { save("csv"); } }, "Download CSV"));
      clear(results);
      if (view === "table") { results.appendChild(table(lastResults)); }
      else if (view === "json") { results.appendChild(el("pre", { "class": "json", text: JSON.stringify(lastResults, null, 2) })); }
      else { resultGraph(results, lastResults); }
    }

    function save(kind) {
      var text = kind === "json" ? JSON.stringify(lastResults, null, 2) + "\n" : csv(lastResults);
      var blob = new Blob([text], { type: kind === "json" ? "application/json" : "text/csv" });
      var a = el("a", { href: URL.createObjectURL(blob), download: "kg-query." + kind });
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
  }

  function columns(rows) {
    var cols = [];
    rows.slice(0, 500).forEach(function (r) {
      if (r && typeof r === "object" && !Array.isArray(r)) {
        Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) { cols.push(k); } });
      }
    });
    return cols;
  }

  function cellText(v) {
    if (v === null || v === undefined) { return ""; }
    if (Array.isArray(v)) { return v.map(cellText).join("; "); }
    if (typeof v === "object") {
      if (v.title) { return v.title + (v.of ? " of " + v.of : "") + (v.current === false ? " (former)" : ""); }
      return JSON.stringify(v);
    }
    return String(v);
  }

  function table(rows) {
    if (!rows.length) { return el("p", { "class": "muted", text: "No results." }); }
    var cols = columns(rows);
    var t = el("table", { "class": "results" });
    if (cols.length) {
      t.appendChild(el("thead", null, el("tr", null, cols.map(function (c) { return el("th", { text: c }); }))));
    }
    var body = el("tbody");
    rows.forEach(function (r) {
      if (cols.length && r && typeof r === "object" && !Array.isArray(r)) {
        body.appendChild(el("tr", null, cols.map(function (c) { return el("td", { text: cellText(r[c]) }); })));
      } else {
        body.appendChild(el("tr", null, el("td", { colspan: String(Math.max(cols.length, 1)), text: cellText(r) })));
      }
    });
    t.appendChild(body);
    return t;
  }

  function csv(rows) {
    var cols = columns(rows);
    var quote = function (s) { return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    var lines = [];
    if (cols.length) { lines.push(cols.map(quote).join(",")); }
    rows.forEach(function (r) {
      lines.push(cols.length && r && typeof r === "object" ? cols.map(function (c) { return quote(cellText(r[c])); }).join(",") : quote(cellText(r)));
    });
    return lines.join("\n") + "\n";
  }

  // resultGraph draws query results: a result with source and target
  // tags (as Cayley's own UI draws them) is an edge; a result naming
  // several nodes joins them; a single node stands alone.
  function resultGraph(box, rows) {
    var nodes = {}, edges = {};
    function node(id, label) {
      if (!nodes[id]) { nodes[id] = { data: { id: id, label: label || id.replace(/^<|>$/g, "") } }; }
      else if (label && nodes[id].data.label === id.replace(/^<|>$/g, "")) { nodes[id].data.label = label; }
    }
    function edge(a, b) {
      if (a === b) { return; }
      var k = a < b ? a + "|" + b : b + "|" + a;
      if (!edges[k]) { edges[k] = { data: { id: "e" + Object.keys(edges).length, source: a, target: b } }; }
    }
    rows.forEach(function (r) {
      if (!r || typeof r !== "object") { return; }
      if (typeof r.source === "string" && typeof r.target === "string") {
        node(r.source); node(r.target); edge(r.source, r.target); return;
      }
      var ids = r.participantIds || r.peopleIds;
      var names = r.participants || r.people;
      if (Array.isArray(ids)) {
        ids.forEach(function (id, i) { node(id, names && names[i]); });
        for (var i = 0; i < ids.length; i++) { for (var j = i + 1; j < ids.length; j++) { edge(ids[i], ids[j]); } }
        return;
      }
      if (typeof r.id === "string") { node(r.id, r.name); }
    });
    var els = { nodes: Object.keys(nodes).map(function (k) { return nodes[k]; }), edges: Object.keys(edges).map(function (k) { return edges[k]; }) };
    if (!els.nodes.length) {
      box.appendChild(el("p", { "class": "muted", text: "These results name no nodes to draw: emit objects with an id, source and target tags, or meetings (participantIds)." }));
      return;
    }
    var g = el("div", { "class": "graph", id: "result-graph" });
    box.appendChild(g);
    var cy = window.cytoscape({
      container: g, elements: els, minZoom: 0.2, maxZoom: 4, wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { "background-color": "#4e79a7", label: "data(label)", "font-size": 11, width: 18, height: 18, "text-valign": "bottom" } },
        { selector: "edge", style: { "line-color": "#8a96a3", width: 2, "curve-style": "bezier" } }
      ],
      layout: els.nodes.length > 1 ? { name: "cose", animate: false, padding: 30 } : { name: "grid" }
    });
    cy.on("tap", "node", function (ev) {
      var id = ev.target.id().replace(/^<|>$/g, "");
      if (/^kg:person\//.test(id)) { location.hash = "#/person/" + encodeURIComponent(id); }
    });
    teardown.push(function () { cy.destroy(); });
  }

  // ---- corrections -------------------------------------------------------

  // Every correction asks first (confirmEdit), says what it did in a
  // notice that stays until dismissed, and offers its undo there.

  // correctionsBar offers the corrections of a person's page. Merging a
  // duplicate into this person asks for confirmation first.
  function correctionsBar(p) {
    return el("div", { "class": "corrections" },
      el("button", { type: "button", id: "merge-open", onclick: function () { mergeDialog(p); } }, "Merge a duplicate into " + p.name + "…"));
  }

  // joinedList says who kg takes to be this person, and how: the names a
  // split can take off again.
  function joinedList(p) {
    var list = el("ul", { "class": "joined", id: "joined" });
    p.joined.forEach(function (j) {
      var how = j.by === "kg" ? "a shorter form of the name that only " + p.name + " fits" :
        j.by === "alias" && j.correction ? "merged by " + j.correction.by + " on " + j.correction.at + (j.correction.why ? ": " + j.correction.why : "") :
        "merged by an older kg";
      list.appendChild(el("li", { "data-person": j.id }, el("strong", { text: "“" + j.name + "”" }), el("span", { "class": "muted", text: " — " + how + " " }),
        editToken ? el("button", { type: "button", "class": "split", onclick: function () { confirmSplit(j, p); } }, "Split off…") : null));
    });
    return el("div", { "class": "joined-box" }, el("p", { "class": "muted", text: "Taken to be " + p.name + ":" }), list);
  }

  function openDialog(content) {
    var dialog = document.getElementById("dialog");
    clear(document.getElementById("dialog-box")).appendChild(content);
    dialog.hidden = false;
    var first = dialog.querySelector("input, textarea, button");
    if (first) { first.focus(); }
  }

  function closeDialog() { document.getElementById("dialog").hidden = true; }

  function mergeDialog(into) {
    var input = el("input", { type: "search", id: "merge-search", placeholder: "Name of the duplicate", "aria-label": "Name of the duplicate" });
    var found = el("div", { id: "merge-found" });
    var form = el("form", { onsubmit: function (ev) {
      ev.preventDefault();
      api("people", { q: input.value.trim(), limit: 10 }).then(function (ans) {
        clear(found);
        var others = ans.people.filter(function (x) { return x.id !== into.id; });
        if (!others.length) {
          found.appendChild(el("p", { "class": "muted", text: "No other person is called that." }));
          if (ans.suggestions.length) { found.appendChild(el("p", { "class": "muted", text: "Did you mean " + ans.suggestions.map(function (x) { return x.name; }).join(", ") + "?" })); }
          return;
        }
        others.forEach(function (x) {
          found.appendChild(el("button", { type: "button", "class": "entry", onclick: function () { confirmMerge(x, into); } },
            x.name, x.who ? ", " + x.who : "", personFacts(x)));
        });
      }).catch(function (err) { clear(found).appendChild(problem(err)); });
    } }, input, el("button", { type: "submit", text: "Find" }));
    openDialog(el("div", null, el("h2", { text: "Merge a duplicate into " + into.name }),
      el("p", { text: "Find the person who is really " + into.name + " under another name:" }), form, found,
      el("p", null, el("button", { type: "button", onclick: closeDialog, text: "Cancel" }))));
  }

  function confirmMerge(from, into) {
    confirmEdit({
      title: "Merge " + from.name + " into " + into.name + "?",
      text: "Every meeting, office and mention of " + from.name + " will become " + into.name + "'s, " +
        "and “" + from.name + "” will be kept as another name of " + into.name + ". Each fact keeps its sources.",
      action: "merge", body: { from: from.id, into: into.id }, button: "Merge"
    });
  }

  function confirmSplit(j, p) {
    confirmEdit({
      title: "Split “" + j.name + "” off " + p.name + "?",
      text: "The meetings, offices and mentions that articles give to “" + j.name + "” will be its own again, not " + p.name +
        "'s, and kg will not join them again on its own.",
      action: "split", body: { person: j.id }, button: "Split"
    });
  }

  function confirmRetract(f) {
    confirmEdit({
      title: "Retract " + f.summary + "?",
      text: "It will be left out of every answer, graph and export, also when articles loaded later report it again. " +
        "What the articles said stays stored, and this page still shows it, marked retracted.",
      action: "retract", body: { fact: f.id }, button: "Retract"
    });
  }

  function confirmUndo(c) {
    confirmEdit({
      title: "Undo correction " + c.id + "?",
      text: "The " + c.action + (c.by ? " made by " + c.by + " on " + c.at : "") + (c.what ? ": " + c.what : "") +
        ". Undoing it restores exactly what was there before it; the undo is a correction of its own.",
      action: "undo", body: { correction: c.id }, button: "Undo"
    });
  }

  // confirmEdit asks before a correction, with a field for why (kept with
  // it) and one for who (remembered in this browser); on yes it makes it,
  // says what was done, offers the undo, and redraws the page.
  function confirmEdit(opt) {
    var error = el("div");
    var why = el("textarea", { id: "edit-why", rows: "2", placeholder: "Why (kept with the correction; kg corrections shows it)", "aria-label": "Why" });
    var by = el("input", { type: "text", id: "edit-by", placeholder: "Your name (default: the server's user)", "aria-label": "Your name" });
    by.value = localStorage.getItem("kg-by") || "";
    var go = el("button", { type: "button", "class": "danger", id: "edit-confirm", text: opt.button });
    go.addEventListener("click", function () {
      go.disabled = true;
      localStorage.setItem("kg-by", by.value.trim());
      var body = Object.assign({ why: why.value.trim(), by: by.value.trim() }, opt.body);
      api("corrections/" + opt.action, null, { method: "POST", headers: { "Content-Type": "application/json", "X-KG-Edit-Token": editToken },
        body: JSON.stringify(body) }).then(function (ans) {
        closeDialog();
        corrected(ans);
      }).catch(function (err) { go.disabled = false; clear(error).appendChild(problem(err)); });
    });
    openDialog(el("div", { "class": "confirm", "data-action": opt.action }, el("h2", { text: opt.title }),
      el("p", { text: opt.text }),
      el("p", { "class": "warning", text: "The " + (opt.action === "retract" ? "retraction" : opt.action) +
        " is kept as a correction, dated and signed: the Corrections page and kg corrections list it, and it can be undone." }),
      el("label", { "class": "field" }, "Why ", why), el("label", { "class": "field" }, "By ", by),
      error, el("p", null, go, " ", el("button", { type: "button", onclick: closeDialog, text: "Cancel" }))));
  }

  // corrected says what a correction did, offers its undo, and shows the
  // store as it is now.
  function corrected(ans) {
    var c = ans.correction;
    var notice = clear(document.getElementById("notice"));
    notice.appendChild(el("span", { id: "notice-text", text: ans.message.charAt(0).toUpperCase() + ans.message.slice(1) + "." }));
    if (c.inForce) {
      notice.appendChild(el("button", { type: "button", id: "notice-undo", onclick: function () { confirmUndo(c); } }, "Undo"));
    }
    notice.appendChild(el("button", { type: "button", "class": "link", onclick: function () { notice.hidden = true; } }, "Dismiss"));
    notice.setAttribute("data-correction", c.id);
    notice.hidden = false;
    seen = null;
    poll();
    render();
  }

  // correctionsPage lists every correction: who, when, why, what it does
  // and whether it holds; with edits allowed, those in force can be
  // undone.
  function correctionsPage() {
    var card = section("Corrections", "corrections");
    card.appendChild(el("p", { "class": "muted", text: "What people told kg it got wrong, oldest first: merges (kg alias), splits, " +
      "retractions and their undoing. None changes what the articles said; undoing one restores what was there." +
      (editToken ? "" : " Start kg serve --allow-edits to correct from the pages.") }));
    main.appendChild(card);
    api("corrections").then(function (ans) {
      if (!ans.corrections.length) { card.appendChild(el("p", { text: "No corrections yet." })); return; }
      var t = el("table", { "class": "results corrections-list" });
      t.appendChild(el("thead", null, el("tr", null, ["When", "Who", "Action", "What", "Why", "State", ""].map(function (h) { return el("th", { text: h }); }))));
      var body = el("tbody");
      ans.corrections.forEach(function (c) {
        var state = c.action === "undo" ? "done" : c.undoneBy ? "undone by " + c.undoneBy : "in force";
        body.appendChild(el("tr", { "data-correction": c.id },
          el("td", { text: c.at }), el("td", { text: c.by }), el("td", { text: c.action }), el("td", { text: c.what }),
          el("td", { text: c.why }), el("td", { text: state }),
          el("td", null, editToken && c.inForce ? el("button", { type: "button", "class": "undo", onclick: function () { confirmUndo(c); } }, "Undo…") : null,
            el("div", { "class": "muted small", text: c.id }))));
      });
      t.appendChild(body);
      card.appendChild(t);
    }).catch(function (err) { card.appendChild(problem(err)); });
  }

  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { closeDialog(); } });

  // ---- new facts ---------------------------------------------------------

  // The store may change while a page is open (kg load into the served
  // store, a correction from another page): the page offers to show it.
  // Its own corrections redraw the page at once.
  var seen = null; // the quads and edits the page shows
  function poll() {
    api("status").then(function (st) {
      var now = st.quads + "/" + st.edits;
      if (seen === null) { seen = now; return; }
      if (now !== seen) {
        document.getElementById("update-text").textContent = st.loading ? "A load is adding facts to the store." :
          "The store changed since this page was drawn.";
        document.getElementById("update-banner").hidden = false;
      }
    }).catch(function () { /* the server may be restarting */ });
  }
  document.getElementById("update-show").addEventListener("click", function () {
    seen = null;
    document.getElementById("update-banner").hidden = true;
    poll();
    render();
  });
  setInterval(poll, 5000);
  poll();

  render();
})();
