// guazhi viewer: the detail (the Graphviz SVG of every entity) or the
// overview (bodies and the secondments between them, drawn with
// cytoscape.js), pan and zoom, search, a year slider, and a panel with the
// attributes and evidence of the clicked node or edge. Text from the
// knowledge base is only ever set as textContent or as cytoscape.js data,
// which it draws on a canvas.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var view = document.getElementById("view");
  var svg = view.querySelector("svg"); // null when the page has no detail SVG
  var panel = document.getElementById("panel-body");
  var q = document.getElementById("q");
  var results = document.getElementById("results");
  var intro = Array.from(panel.childNodes); // the panel before any selection

  // The data, indexed; the diagram's groups by entity and edge id.
  var nodes = new Map(), edges = new Map(), sources = new Map();
  var touching = new Map(); // entity id → edges it ends or takes part in
  var groups = new Map();
  data.sources.forEach(function (s) { sources.set(s.id, s); });
  data.nodes.forEach(function (n) { nodes.set(n.id, n); touching.set(n.id, []); });
  function touch(id, e) {
    var list = touching.get(id);
    if (list && list.indexOf(e) < 0) list.push(e);
  }
  data.edges.forEach(function (e) {
    edges.set(e.id, e);
    touch(e.from, e);
    touch(e.to, e);
    (e.officials || []).forEach(function (o) { touch(o.id, e); });
  });
  if (svg) svg.querySelectorAll("g.node, g.edge").forEach(function (g) {
    groups.set(g.id, g);
    if (g.classList.contains("edge") && edges.has(g.id)) {
      // A wide, invisible copy of the line makes a thin edge easy to hit.
      var p = g.querySelector("path");
      if (p) {
        var hit = p.cloneNode(false);
        hit.setAttribute("class", "hit");
        p.parentNode.insertBefore(hit, p);
      }
    }
  });
  function nodeGroup(id) { return groups.get("n-" + id); }

  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined) x.textContent = text;
    return x;
  }

  // ---- View box: pan and zoom ----
  var vb0 = svg ? svg.viewBox.baseVal : {x: 0, y: 0, width: 1, height: 1};
  var home = {x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height};
  var box = {x: home.x, y: home.y, w: home.w, h: home.h};
  function apply() { if (svg) svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" ")); }
  function scale() { var m = svg && svg.getScreenCTM(); return m ? m.a : 1; }
  function toUser(cx, cy) {
    var m = svg && svg.getScreenCTM();
    if (!m) return {x: box.x + box.w / 2, y: box.y + box.h / 2};
    var p = new DOMPoint(cx, cy).matrixTransform(m.inverse());
    return {x: p.x, y: p.y};
  }
  function zoomAt(k, cx, cy) {
    var w = box.w / k;
    if (w < home.w / 40 || w > home.w * 4) return;
    var u = toUser(cx, cy);
    box = {x: u.x - (u.x - box.x) / k, y: u.y - (u.y - box.y) / k, w: w, h: box.h / k};
    apply();
  }
  function zoomCentre(k) {
    var r = view.getBoundingClientRect();
    zoomAt(k, r.left + r.width / 2, r.top + r.height / 2);
  }
  function fit() { box = {x: home.x, y: home.y, w: home.w, h: home.h}; apply(); }
  // show fits the union of the elements' boxes, with a margin, and zooms in
  // no further than 2 pixels to the diagram's unit (1.5 times its natural
  // size in points); when the union would need less than one pixel to the
  // unit (labels too small to read), it centres the first element at one.
  function show(els) {
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    els.forEach(function (g) {
      var r = g.getBoundingClientRect();
      if (!r.width && !r.height) return;
      var a = toUser(r.left, r.top), b = toUser(r.right, r.bottom);
      x1 = Math.min(x1, a.x); y1 = Math.min(y1, a.y); x2 = Math.max(x2, b.x); y2 = Math.max(y2, b.y);
    });
    if (x1 === Infinity) return;
    var r = view.getBoundingClientRect();
    var pad = 0.06 * Math.max(x2 - x1, y2 - y1) + 10;
    var w = Math.max(x2 - x1 + 2 * pad, r.width / 2), h = Math.max(y2 - y1 + 2 * pad, r.height / 2);
    // Keep the view's aspect so the box is what shows.
    var aspect = r.width / Math.max(r.height, 1);
    if (w / h < aspect) w = h * aspect; else h = w / aspect;
    var cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
    if (w > r.width) {
      // Too large to read whole: the first element at natural size.
      var f = els[0].getBoundingClientRect(), a = toUser(f.left, f.top), b = toUser(f.right, f.bottom);
      cx = (a.x + b.x) / 2; cy = (a.y + b.y) / 2; w = r.width; h = r.height;
    }
    box = {x: cx - w / 2, y: cy - h / 2, w: w, h: h};
    apply();
  }

  view.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var d = ev.deltaY * (ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1);
    zoomAt(Math.exp(-d * 0.0015), ev.clientX, ev.clientY);
  }, {passive: false});

  var drag = null, dragged = false;
  view.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    drag = {id: ev.pointerId, x: ev.clientX, y: ev.clientY, box: box, s: scale(), moving: false};
    dragged = false;
  });
  view.addEventListener("pointermove", function (ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moving) {
      if (Math.abs(dx) + Math.abs(dy) < 4) return;
      // Capture only once it is a drag, so a click still reaches its node.
      drag.moving = true;
      view.setPointerCapture(ev.pointerId);
      view.classList.add("dragging");
    }
    box = {x: drag.box.x - dx / drag.s, y: drag.box.y - dy / drag.s, w: drag.box.w, h: drag.box.h};
    apply();
  });
  function endDrag(ev) {
    if (!drag || ev.pointerId !== drag.id) return;
    dragged = drag.moving;
    drag = null;
    view.classList.remove("dragging");
  }
  view.addEventListener("pointerup", endDrag);
  view.addEventListener("pointercancel", endDrag);
  // The buttons and keys act on the view that shows: the SVG or the overview.
  function zoomBy(k) { if (onSVG()) zoomCentre(k); else cyZoom(k); }
  function fitView() { if (onSVG()) fit(); else cyFit(); }
  document.getElementById("zoom-in").addEventListener("click", function () { zoomBy(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomBy(0.8); });
  document.getElementById("fit").addEventListener("click", fitView);
  function panKeys(ev) {
    var moves = {ArrowLeft: [-60, 0], ArrowRight: [60, 0], ArrowUp: [0, -60], ArrowDown: [0, 60]};
    if (ev.key === "+" || ev.key === "=") zoomBy(1.25);
    else if (ev.key === "-") zoomBy(0.8);
    else if (ev.key === "0") fitView();
    else if (moves[ev.key] && onSVG()) {
      var step = 1 / Math.max(scale(), 1e-6);
      box.x += moves[ev.key][0] * step; box.y += moves[ev.key][1] * step; apply();
    } else if (moves[ev.key] && cy) cy.panBy({x: -moves[ev.key][0], y: -moves[ev.key][1]});
    else return;
    ev.preventDefault();
  }
  view.addEventListener("keydown", panKeys);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== q) { ev.preventDefault(); q.focus(); }
    else if (ev.key === "Escape") unselect();
  });

  // ---- Highlight ----
  var marked = [];
  function mark(g, cls) {
    if (!g) return;
    g.classList.add(cls);
    marked.push([g, cls]);
  }
  function clear() {
    marked.forEach(function (m) { m[0].classList.remove(m[1]); });
    marked = [];
    if (svg) svg.classList.remove("dim");
    cyClear();
  }
  // highlight marks the entities (class hl), the edges they end or take part
  // in (hl), those edges' other ends (nb), and dims the rest. It returns the
  // marked groups.
  function highlight(ids) {
    clear();
    if (!ids.length) return [];
    if (!onSVG()) { cyHighlight(ids); return []; }
    var out = [];
    ids.forEach(function (id) {
      var g = nodeGroup(id);
      mark(g, "hl");
      if (g) out.push(g);
      touching.get(id).forEach(function (e) {
        var eg = groups.get(e.id);
        mark(eg, "hl");
        if (eg) out.push(eg);
        [e.from, e.to].forEach(function (n) {
          if (ids.indexOf(n) < 0) {
            var ng = nodeGroup(n);
            mark(ng, "nb");
            if (ng) out.push(ng);
          }
        });
      });
    });
    svg.classList.add("dim");
    return out;
  }

  // ---- Panel ----
  function nodeLink(id) {
    var n = nodes.get(id);
    var b = el("button", "link", n ? n.name : id);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, true); });
    return b;
  }
  function attrList(attrs) {
    var dl = el("dl");
    attrs.forEach(function (a) {
      dl.appendChild(el("dt", "", a.k));
      var dd = el("dd");
      if (a.ref && nodes.has(a.ref)) dd.appendChild(nodeLink(a.ref));
      else dd.textContent = a.v;
      dl.appendChild(dd);
    });
    return dl;
  }
  function sourceText(id) {
    var s = sources.get(id);
    if (!s) return id;
    var t = s.title || s.id;
    if (s.publisher) t = s.publisher + ":" + t;
    if (s.date) t += "(" + s.date + ")";
    return t;
  }
  function fill(parts) {
    panel.replaceChildren.apply(panel, parts);
    panel.parentNode.scrollTop = 0;
  }

  // relText describes an edge the same way on every panel: kind, label,
  // and its ends in their own order.
  function relText(e) {
    var name = function (x) { return (nodes.get(x) || {name: x}).name; };
    return e.kind + " · " + e.label + ": " + name(e.from) + (e.directed ? " → " : " — ") + name(e.to);
  }

  // officialsPart lists the officials credited with a relation, each with
  // their role and their own quotes (those that credit them).
  function officialsPart(list) {
    var ul = el("ul", "rels officials");
    list.forEach(function (o) {
      var li = el("li");
      li.dataset.official = o.id;
      li.appendChild(nodeLink(o.id));
      if (o.role) li.appendChild(el("span", "sub", "(" + o.role + ")"));
      (o.quotes || []).forEach(function (q) { li.appendChild(el("p", "own", q)); });
      ul.appendChild(li);
    });
    return [el("h3", "", "官员 Officials (" + list.length + ")"), ul];
  }

  function showNode(id) {
    var n = nodes.get(id);
    var parts = [el("h2", "", n.name), el("span", "kind n-" + n.kind + " j-" + (n.jurisdiction || "none"),
      n.jurisdiction ? n.kind + " · " + n.jurisdiction : n.kind), attrList(n.attrs)];
    if (!onSVG()) parts = parts.concat(bodyPart(id));
    var rels = touching.get(id);
    // An agreement's node: who brokered it, each with their own quotes.
    var credited = [];
    rels.forEach(function (e) {
      if (e.kind === "brokered" && e.to === id) credited = credited.concat(e.officials || []);
    });
    if (credited.length) parts = parts.concat(officialsPart(credited));
    parts.push(el("h3", "", "关系 Relations (" + rels.length + ")"));
    var ul = el("ul", "rels");
    rels.forEach(function (e) {
      var b = el("button", "link");
      b.type = "button";
      b.textContent = relText(e);
      b.addEventListener("click", function () { selectEdge(e.id, true); });
      var li = el("li");
      li.appendChild(b);
      ul.appendChild(li);
    });
    parts.push(ul);
    fill(parts);
  }

  function showEdge(id) {
    var e = edges.get(id);
    var head = el("p", "ends");
    head.appendChild(nodeLink(e.from));
    head.appendChild(document.createTextNode(e.directed ? " → " : " — "));
    head.appendChild(nodeLink(e.to));
    var parts = [el("h2", "", e.label), el("span", "kind " + e.kind, e.kind), head, attrList(e.attrs)];
    if (e.officials && e.officials.length) parts = parts.concat(officialsPart(e.officials));
    // The quotes grouped by source, each group headed by the source's
    // title, publisher, date and URL.
    var used = [];
    e.evidence.forEach(function (ev) { if (used.indexOf(ev.source) < 0) used.push(ev.source); });
    parts.push(el("h3", "", "证据 Evidence (" + e.evidence.length + " · " + used.length +
      (used.length === 1 ? " source 来源)" : " sources 来源)")));
    used.forEach(function (sid) {
      var group = el("section", "source");
      group.appendChild(el("cite", "", sourceText(sid)));
      var s = sources.get(sid);
      if (s && s.url && /^https?:\/\//i.test(s.url)) group.appendChild(el("p", "sub url", s.url));
      e.evidence.forEach(function (ev) {
        if (ev.source !== sid) return;
        var bq = el("blockquote", "evidence");
        bq.appendChild(el("p", "quote", ev.quote));
        if (ev.inferred) bq.appendChild(el("div", "inferred", "推断 inferred" + (ev.note ? ": " + ev.note : "")));
        else if (ev.note) bq.appendChild(el("div", "sub", ev.note));
        (ev.extra || []).forEach(function (x) { // a URL only when http(s), as a source's
          if (x.k !== "url" || /^https?:\/\//i.test(x.v)) bq.appendChild(el("p", "sub extra", x.k + ": " + x.v));
        });
        if (s && s.text && ev.at >= 0) {
          var b = el("button", "link context-toggle", "上下文 Show in context");
          b.type = "button";
          b.addEventListener("click", function () {
            var open = bq.querySelector(".context");
            if (open) { open.remove(); b.textContent = "上下文 Show in context"; return; }
            bq.appendChild(context(s, ev));
            b.textContent = "收起 Hide context";
          });
          bq.appendChild(b);
        }
        group.appendChild(bq);
      });
      parts.push(group);
    });
    fill(parts);
  }

  // context shows a quote inside its source's text: the paragraphs around
  // it (at most contextReach characters each way), the quote marked, under
  // the source's title, date and URL.
  var contextReach = 400;
  function context(s, ev) {
    var text = s.text, at = ev.at, end = at + ev.quote.length;
    // From the start of the paragraph before the quote's to the end of
    // the one after it.
    var from = text.lastIndexOf("\n", at - 1);
    if (from > 0) from = text.lastIndexOf("\n", from - 1);
    from = Math.max(from + 1, at - contextReach, 0);
    var to = text.indexOf("\n", end);
    if (to >= 0) to = text.indexOf("\n", to + 1);
    if (to < 0) to = text.length;
    to = Math.min(to, end + contextReach);
    var box = el("div", "context");
    box.appendChild(el("div", "context-source", sourceText(s.id)));
    if (s.url && /^https?:\/\//i.test(s.url)) box.appendChild(el("div", "sub url", s.url));
    var p = el("p", "context-text");
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, at)));
    p.appendChild(el("mark", "", text.slice(at, end)));
    p.appendChild(document.createTextNode(text.slice(end, to) + (to < text.length ? "…" : "")));
    box.appendChild(p);
    return box;
  }

  function selectNode(id, centre) {
    if (!nodes.has(id)) return;
    if (!onSVG()) { cySelectNode(id, centre); showNode(id); return; }
    var list = highlight([id]);
    mark(nodeGroup(id), "sel");
    showNode(id);
    if (centre) show(list);
  }
  function selectEdge(id, centre) {
    var e = edges.get(id);
    if (!e) return;
    if (!onSVG()) { cySelectEdge(id, centre); showEdge(id); return; }
    var g = groups.get(id);
    clear();
    var list = [];
    [g, nodeGroup(e.from), nodeGroup(e.to)].forEach(function (x) { if (x) { mark(x, "hl"); list.push(x); } });
    (e.officials || []).forEach(function (o) { var x = nodeGroup(o.id); if (x) { mark(x, "nb"); list.push(x); } });
    mark(g, "sel");
    svg.classList.add("dim");
    showEdge(id);
    if (centre) show(list);
  }

  // unselect clears the selection and the highlight, and shows the panel
  // as it was when the page opened.
  function unselect() {
    clear();
    results.hidden = true;
    fill(intro);
  }

  if (svg) svg.addEventListener("click", function (ev) {
    if (dragged) { dragged = false; return; }
    var g = ev.target.closest && ev.target.closest("g.node, g.edge");
    if (g && g.classList.contains("node") && nodes.has(g.id.slice(2))) selectNode(g.id.slice(2), false);
    else if (g && edges.has(g.id)) selectEdge(g.id, false);
    else if (!g) clear();
  });

  // ---- Search ----
  // A query matches a name by any part of it, in characters or in pinyin,
  // with or without spaces: exactly, as its start, inside it, or, ranked
  // last, with its characters in the name's order and others between
  // (北京发改委 finds 北京市发改委), or its pinyin syllables among the
  // name's in order (beijing fagaiwei finds bei jing shi fa gai wei). One
  // pass over the entities per query.
  // norm folds text for matching: lower case, without tone marks and
  // other accents, and without spaces, hyphens and apostrophes, so that
  // "caolei", "Cao Lei", "cáo léi" and "cao-lei" all match.
  function norm(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\-'’·]+/g, "");
  }
  var han = /[\u3400-\u9fff\uf900-\ufaff]/;
  var index = data.nodes.map(function (n) {
    return {id: n.id, forms: [n.name, n.id].concat(n.names || []).map(norm),
      py: (n.py || []).map(function (p) { return p.split(" ").map(norm).filter(Boolean); })};
  });
  // gaps is how many characters stand between those of t found in order
  // in f, or -1 when they are not all there.
  function gaps(t, f) {
    var at = -1, first = -1;
    for (var i = 0; i < t.length; i++) {
      at = f.indexOf(t[i], at + 1);
      if (at < 0) return -1;
      if (first < 0) first = at;
    }
    return at - first + 1 - t.length;
  }
  // inOrder reports whether t cuts into syllables of syl taken in order,
  // any left out between them; the last may be the start of one (a
  // syllable still being typed).
  function inOrder(t, syl) {
    var reach = [0]; // reach[p]: the first syllable t[p:] may start at
    for (var p = 0; p < t.length; p++) {
      if (reach[p] === undefined) continue;
      for (var k = reach[p]; k < syl.length; k++) {
        var s = syl[k];
        if (t.startsWith(s, p)) {
          var q = p + s.length;
          if (reach[q] === undefined || k + 1 < reach[q]) reach[q] = k + 1;
        } else if (s.startsWith(t.slice(p))) return true;
      }
    }
    return reach[t.length] !== undefined;
  }
  // rank orders a match: exact 0, at the start 2, inside 4, in order 6,
  // one more when it is not the entity's own name; an in-order match of
  // characters adds its gaps in hundredths (the tightest first).
  function search(text) {
    var t = norm(text);
    if (!t) return [];
    var isHan = han.test(t), isLatin = /^[a-z0-9]+$/.test(t);
    var hits = [];
    index.forEach(function (x) {
      var best = Infinity;
      x.forms.forEach(function (f, i) {
        var other = i === 0 ? 0 : 1, at = f.indexOf(t);
        if (at >= 0) best = Math.min(best, (f === t ? 0 : at === 0 ? 2 : 4) + other);
        else if (isHan && han.test(f)) {
          var g = gaps(t, f);
          if (g >= 0) best = Math.min(best, 6 + other + Math.min(g, 99) / 100);
        }
      });
      if (isLatin && best > 6) x.py.forEach(function (syl, i) {
        if (inOrder(t, syl)) best = Math.min(best, 6 + (i === 0 ? 0 : 1));
      });
      if (best < Infinity) hits.push({id: x.id, rank: best});
    });
    hits.sort(function (a, b) {
      var na = nodes.get(a.id).name, nb = nodes.get(b.id).name;
      return a.rank - b.rank || (na < nb ? -1 : na > nb ? 1 : 0) || (a.id < b.id ? -1 : 1);
    });
    return hits.map(function (h) { return h.id; });
  }
  var hits = [];
  function pick(id) {
    results.hidden = true;
    q.value = nodes.get(id).name;
    if (!onSVG()) reveal(id);
    selectNode(id, true);
  }
  function listResults() {
    hits = search(q.value);
    results.replaceChildren();
    if (!norm(q.value)) { results.hidden = true; clear(); return; }
    if (!hits.length) {
      results.appendChild(el("li", "none", "无结果 No match"));
    }
    hits.slice(0, 30).forEach(function (id, i) {
      var n = nodes.get(id);
      var li = el("li", i === 0 ? "first" : "");
      li.setAttribute("role", "option");
      var b = el("button");
      b.type = "button";
      b.appendChild(el("span", "", n.name));
      var sub = [n.kind].concat((n.names || []).slice(0, 2)).join(" · ");
      b.appendChild(el("span", "sub", " " + sub));
      b.addEventListener("click", function () { pick(id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    results.hidden = false;
    highlight(hits);
  }
  q.addEventListener("input", listResults);
  q.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      if (!hits.length) listResults();
      if (hits.length) pick(hits[0]);
    } else if (ev.key === "ArrowDown") {
      var first = results.querySelector("button");
      if (first) { ev.preventDefault(); first.focus(); }
    } else if (ev.key === "Escape") {
      q.value = "";
      listResults();
    }
  });
  results.addEventListener("keydown", function (ev) {
    var b = document.activeElement, li = b && b.parentNode;
    if (ev.key === "ArrowDown" && li.nextSibling) { ev.preventDefault(); li.nextSibling.querySelector("button").focus(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); (li.previousSibling ? li.previousSibling.querySelector("button") : q).focus(); }
    else if (ev.key === "Escape") { results.hidden = true; q.focus(); }
  });
  document.addEventListener("click", function (ev) {
    if (!document.getElementById("find").contains(ev.target)) results.hidden = true;
  });
  q.addEventListener("focus", function () { if (norm(q.value)) results.hidden = false; });

  // startSVG opens the detail on the story, at the diagram's natural size
  // (labels at their font size in pixels): centred on the officials and
  // the nodes their edges reach, or the whole diagram when it fits at that
  // size.
  function startSVG() {
    fit();
    if (scale() >= 1) return;
    var story = [];
    data.nodes.forEach(function (n) {
      if (n.kind !== "official") return;
      var g = nodeGroup(n.id);
      if (g) story.push(g);
    });
    if (!story.length) story = Array.from(svg.querySelectorAll("g.node"));
    var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
    story.forEach(function (g) {
      var r = g.getBoundingClientRect(), a = toUser(r.left, r.top), b = toUser(r.right, r.bottom);
      x1 = Math.min(x1, a.x); y1 = Math.min(y1, a.y); x2 = Math.max(x2, b.x); y2 = Math.max(y2, b.y);
    });
    // One diagram unit per pixel: the view box is the view's size.
    var r = view.getBoundingClientRect();
    box = {x: (x1 + x2 - r.width) / 2, y: (y1 + y2 - r.height) / 2, w: r.width, h: r.height};
    apply();
  }

  // ---- Overview: cytoscape.js ----
  // The overview draws the bodies (data.overview.bodies), grouped in
  // columns by jurisdiction and inside the bodies they are part of, and
  // one edge per flow: the officials seconded from a home body to a host
  // body. Clicking a body adds its officials next to it, with their
  // secondment and post edges; clicking it again folds them. Node ids are
  // "n-<entity id>", a flow's edge is its id ("f-<n>"), an official's edge
  // its relation's ("e-<n>"), as in the SVG.
  var cyBox = document.getElementById("cy");
  var modeButton = document.getElementById("mode");
  var ov = data.overview;
  var bodies = new Map(), flows = new Map();
  // homeOf is the body whose expansion a search expands to show an
  // official: the host of their first secondment, else a body where they
  // had a post.
  var homeOf = new Map();
  ov.bodies.forEach(function (b) { bodies.set(b.id, b); });
  ov.flows.forEach(function (f) {
    flows.set(f.id, f);
    f.stints.forEach(function (s) { if (!homeOf.has(s.official)) homeOf.set(s.official, f.to); });
  });
  ov.bodies.forEach(function (b) {
    (b.officials || []).forEach(function (o) { if (!homeOf.has(o)) homeOf.set(o, b.id); });
  });
  var mode = "overview"; // or "detail"
  var cy = null, year = null, expanded = new Set(), pinned = new Set();
  function onSVG() { return mode === "detail" && !!svg; }
  function name(id) { return (nodes.get(id) || {name: id}).name; }

  var family = getComputedStyle(document.body).fontFamily;
  var ruler = document.createElement("canvas").getContext("2d");
  function textWidth(text, size, weight) {
    ruler.font = (weight || "normal") + " " + size + "px " + family;
    return ruler.measureText(text).width;
  }
  var FONT = 13, NODE_H = 22, GAP = 5, PAD = 6, LABEL_H = 18, COL_GAP = 20, BLOCK_GAP = 70;
  var OFF_H = 22, OFF_FONT = 11;
  function colourOf(id) {
    var n = nodes.get(id);
    return data.colours[n.kind + "/" + (n.jurisdiction || "")] || {fill: "#eee", line: "#888"};
  }
  var collator = new Intl.Collator("zh");
  function byName(a, b) { return collator.compare(name(a), name(b)) || (a < b ? -1 : a > b ? 1 : 0); }

  // layout places the bodies: each jurisdiction a block of columns, beijing
  // first and hebei last (ov.columns), each column a list of the bodies
  // that are part of no other, sorted by name, each drawn with the bodies
  // that are part of it inside it. It picks the column height that lets
  // the whole fit the view largest. It returns the centres of the bodies
  // with no other inside them (cytoscape.js sizes the others from what is
  // inside) and every body's size.
  function layout(width, height) {
    var kids = new Map(), tops = new Map(), size = new Map();
    ov.bodies.forEach(function (b) {
      var key = b.parent || "";
      var map = b.parent ? kids : tops;
      if (!b.parent) key = nodes.get(b.id).jurisdiction || "";
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(b.id);
    });
    kids.forEach(function (l) { l.sort(byName); });
    tops.forEach(function (l) { l.sort(byName); });
    function measure(id) {
      var ch = kids.get(id), s;
      if (!ch) s = {w: textWidth(name(id), FONT) + 18, h: NODE_H};
      else {
        var cw = 0, chh = 0;
        ch.forEach(function (c) { var m = measure(c); cw = Math.max(cw, m.w); chh += m.h + GAP; });
        s = {w: Math.max(textWidth(name(id), FONT, "bold") + 4, cw + 2 * PAD), h: LABEL_H + 2 * PAD + chh - GAP, cw: cw};
      }
      size.set(id, s);
      return s;
    }
    var total = 0, tallest = 0;
    tops.forEach(function (l) { l.forEach(function (id) { var s = measure(id); total += s.h + GAP; tallest = Math.max(tallest, s.h); }); });
    function pack(limit, out) {
      var x = 0, H = 0, blocks = [];
      ov.columns.forEach(function (j) {
        var items = tops.get(j) || [];
        if (!items.length) return;
        if (blocks.length) x += BLOCK_GAP;
        var colX = x, y = 0, colW = 0, block = [], bh = 0;
        items.forEach(function (id) {
          var s = size.get(id);
          if (y > 0 && y + s.h > limit) { colX += colW + COL_GAP; y = 0; colW = 0; }
          block.push([id, colX, y]);
          y += s.h + GAP;
          bh = Math.max(bh, y - GAP);
          colW = Math.max(colW, s.w);
        });
        x = colX + colW;
        H = Math.max(H, bh);
        blocks.push({items: block, h: bh});
      });
      if (out) blocks.forEach(function (b) {
        var dy = (H - b.h) / 2; // a short block in the middle of the height
        b.items.forEach(function (it) { out.push([it[0], it[1], it[2] + dy]); });
      });
      return {w: x, h: H};
    }
    var best = null;
    for (var limit = tallest; ; limit += NODE_H + GAP) {
      var d = pack(limit);
      var k = Math.min(width / (d.w + 80), height / (d.h + 80));
      if (!best || k > best.k) best = {k: k, limit: limit};
      if (limit >= total) break;
    }
    var items = [], pos = new Map();
    pack(best.limit, items);
    function place(id, x, y) {
      var s = size.get(id), ch = kids.get(id);
      if (!ch) { pos.set(id, {x: x + s.w / 2, y: y + NODE_H / 2}); return; }
      var yy = y + LABEL_H + PAD, cx = x + (s.w - s.cw) / 2;
      ch.forEach(function (c) {
        var cs = size.get(c);
        place(c, cx + (s.cw - cs.w) / 2, yy);
        yy += cs.h + GAP;
      });
    }
    items.forEach(function (it) { place(it[0], it[1], it[2]); });
    return {pos: pos, size: size};
  }

  var lineColour = function (k) { return (data.colours[k] || {line: "#888"}).line; };
  var cyStyle = [
    {selector: "node", style: {
      label: "data(label)", "font-family": family, "font-size": FONT, color: "#1f2933",
      "text-valign": "center", "text-halign": "center", shape: "round-rectangle",
      width: "data(w)", height: NODE_H, "background-color": "data(fill)", "border-color": "data(line)", "border-width": 1}},
    {selector: "node:parent", style: {
      "text-valign": "top", "text-halign": "center", "font-weight": "bold", padding: PAD,
      "background-opacity": 0.45, "text-margin-y": -2}},
    {selector: "node.official", style: {shape: "ellipse", height: OFF_H, "font-size": OFF_FONT, "z-compound-depth": "top", "z-index": 20}},
    {selector: "node.open", style: {"border-width": 3}},
    {selector: "edge", style: {
      "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8, "z-compound-depth": "bottom",
      "line-color": lineColour("secondment"), "target-arrow-color": lineColour("secondment"), opacity: 0.4, width: 1.5}},
    // A flow of one official is labelled only when highlighted: at a
    // thousand officials most flows are of one, and their labels would
    // cover one another.
    {selector: "edge.flow", style: {
      width: "data(width)", label: "data(label)", "font-size": 10, "font-family": family, color: "#7b241c",
      "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1}},
    {selector: "edge.post", style: {"line-color": lineColour("post"), "target-arrow-color": lineColour("post"), "line-style": "dashed"}},
    // Edges under the nodes, so a click on a node never takes an edge.
    {selector: "edge.rel", style: {opacity: 0.8, "z-index": 15}},
    {selector: ".off", style: {opacity: 0.12}},
    {selector: ".gone", style: {display: "none"}},
    {selector: ".faded", style: {opacity: 0.1}},
    {selector: "edge.faded", style: {opacity: 0.04}},
    {selector: "node.nb", style: {"border-width": 2, opacity: 1}},
    {selector: "node.hl", style: {"border-width": 4, "border-color": "#f39c12", opacity: 1}},
    {selector: "edge.hl", style: {opacity: 0.95, width: function (e) { return Math.max(3, e.data("width") || 0); }}},
    {selector: "edge.flow.hl", style: {label: "data(n)"}},
    {selector: ".sel", style: {"line-color": "#f39c12", "target-arrow-color": "#f39c12", "border-color": "#f39c12", "border-width": 4}}
  ];

  var maxFlow = 1;
  ov.flows.forEach(function (f) { maxFlow = Math.max(maxFlow, f.stints.length); });
  function flowData(f, n) {
    return {id: f.id, source: "n-" + f.from, target: "n-" + f.to, n: n, label: n > 1 ? String(n) : "",
      width: n ? 1.5 + 9 * Math.sqrt(n / maxFlow) : 0};
  }

  // ensureCy makes the overview the first time it shows.
  function ensureCy() {
    if (cy) return;
    var w = cyBox.clientWidth || 1200, h = cyBox.clientHeight || 900;
    var l = layout(w, h);
    var els = [];
    // Parents before the bodies inside them.
    function depth(b) { var d = 0; for (var p = b.parent; p && d < 50; p = bodies.get(p).parent) d++; return d; }
    ov.bodies.map(function (b, i) { return [depth(b), i, b]; }).sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).forEach(function (x) {
      var b = x[2], c = colourOf(b.id);
      var d = {id: "n-" + b.id, entity: b.id, label: name(b.id), w: l.size.get(b.id).w, fill: c.fill, line: c.line};
      if (b.parent) d.parent = "n-" + b.parent;
      els.push({group: "nodes", data: d, position: l.pos.get(b.id) || {x: 0, y: 0}, classes: "body"});
    });
    ov.flows.forEach(function (f) {
      if (!f.from) return;
      els.push({group: "edges", data: flowData(f, f.stints.length), classes: "flow"});
    });
    cy = cytoscape({container: cyBox, elements: els, style: cyStyle, layout: {name: "preset"},
      minZoom: 0.02, maxZoom: 6, boxSelectionEnabled: false, autounselectify: true});
    window.guazhiCy = cy; // for the tests and the curious
    var all = cy.nodes().boundingBox();
    midX = (all.x1 + all.x2) / 2;
    cy.on("tap", "node", function (ev) {
      var id = ev.target.data("entity");
      if (bodies.has(id)) { if (expanded.has(id)) fold(id); else expand(id); }
      selectNode(id, false);
    });
    cy.on("tap", "edge", function (ev) {
      var id = ev.target.id();
      if (flows.has(id)) selectFlow(id, false);
      else selectEdge(id, false);
    });
    cy.on("tap", function (ev) { if (ev.target === cy) clear(); });
    // A flow's tooltip: how many, and who.
    cy.on("mouseover", "edge.flow", function (ev) {
      var f = flows.get(ev.target.id()), who = active(f.stints);
      cyBox.title = name(f.from) + " → " + name(f.to) + ": " + who.length + " 人 officials\n" +
        who.slice(0, 12).map(function (s) { return name(s.official) + " " + (s.post || ""); }).join("\n") +
        (who.length > 12 ? "\n…" : "");
    });
    cy.on("mouseout", "edge.flow", function () { cyBox.title = ""; });
    cyBox.addEventListener("keydown", panKeys);
  }
  function cyZoom(k) {
    if (!cy) return;
    cy.zoom({level: cy.zoom() * k, renderedPosition: {x: cyBox.clientWidth / 2, y: cyBox.clientHeight / 2}});
  }
  // cyFit shows the whole overview, at most at 1.5 times its size.
  function cyFit() {
    if (!cy) return;
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
  }

  // side is 1 when a body's column is in the left half of the overview
  // (its officials go to its right, towards the middle), else -1.
  var midX = 0;
  // addOfficials adds the officials of list that are not yet shown in a
  // grid beside next, on the outer side of its outermost box (left in the
  // left half of the overview, right in the right half), moved further out
  // past the officials already shown; and then the secondment and post
  // edges of every official of list whose other end shows. It returns the
  // officials it added.
  function addOfficials(list, next) {
    var fresh = list.filter(function (o) { return nodes.has(o) && cy.getElementById("n-" + o).empty(); });
    var added = cy.collection();
    if (fresh.length) {
      var outer = next.ancestors().last();
      if (outer.empty()) outer = next;
      var bb = outer.boundingBox(), at = next.boundingBox(), dir = next.position("x") < midX ? -1 : 1, colW = 0;
      fresh.forEach(function (o) { colW = Math.max(colW, textWidth(name(o), OFF_FONT) + 22); });
      var rows = Math.min(fresh.length, Math.max(6, Math.ceil(Math.sqrt(fresh.length * 3))));
      var cols = Math.ceil(fresh.length / rows), w = cols * (colW + 8), h = rows * (OFF_H + 6);
      var y0 = (at.y1 + at.y2) / 2 - h / 2, x0 = dir < 0 ? bb.x1 - 24 - w : bb.x2 + 24;
      var shown = cy.nodes(".official").map(function (n) { return n.boundingBox(); });
      for (var i = 0; i < 40; i++) {
        var hit = shown.filter(function (b) { return b.x1 < x0 + w && x0 < b.x2 && b.y1 < y0 + h && y0 < b.y2; });
        if (!hit.length) break;
        x0 = dir < 0 ? Math.min.apply(null, hit.map(function (b) { return b.x1; })) - 16 - w
          : Math.max.apply(null, hit.map(function (b) { return b.x2; })) + 16;
      }
      added = cy.add(fresh.map(function (o, i) {
        var c = colourOf(o);
        return {group: "nodes", data: {id: "n-" + o, entity: o, label: name(o), w: textWidth(name(o), OFF_FONT) + 22, fill: c.fill, line: c.line},
          position: {x: x0 + Math.floor(i / rows) * (colW + 8) + colW / 2, y: y0 + (i % rows) * (OFF_H + 6) + OFF_H / 2}, classes: "official"};
      }));
    }
    // Their secondment and post edges whose other end shows.
    var add = [];
    list.forEach(function (o) {
      (touching.get(o) || []).forEach(function (e) {
        if ((e.kind !== "secondment" && e.kind !== "post") || cy.getElementById(e.id).nonempty()) return;
        if (cy.getElementById("n-" + e.from).empty() || cy.getElementById("n-" + e.to).empty()) return;
        add.push({group: "edges", data: {id: e.id, source: "n-" + e.from, target: "n-" + e.to}, classes: "rel " + e.kind});
      });
    });
    cy.add(add);
    return added;
  }
  // expand shows a body's officials next to it; fold removes those that
  // no other expanded body, nor a search, shows.
  // expand shows a body's officials; unless later, it applies the year
  // and pans the view to show them when they are out of it.
  function expand(id, later) {
    var b = bodies.get(id);
    if (!b || !cy) return;
    expanded.add(id);
    var n = cy.getElementById("n-" + id), added;
    n.addClass("open");
    cy.batch(function () { added = addOfficials(b.officials || [], n); });
    if (later) return;
    applyYear();
    var e = cy.extent(), bb = added.union(n).boundingBox();
    if (added.nonempty() && (bb.x1 < e.x1 || bb.x2 > e.x2 || bb.y1 < e.y1 || bb.y2 > e.y2)) {
      if (bb.w > e.w || bb.h > e.h) centre(added.union(n));
      else cy.panBy({x: (Math.max(0, e.x1 - bb.x1 + 20) - Math.max(0, bb.x2 - e.x2 + 20)) * cy.zoom(),
        y: (Math.max(0, e.y1 - bb.y1 + 20) - Math.max(0, bb.y2 - e.y2 + 20)) * cy.zoom()});
    }
  }
  function fold(id) {
    if (!expanded.delete(id)) return;
    cy.getElementById("n-" + id).removeClass("open");
    cy.batch(function () {
      (bodies.get(id).officials || []).forEach(function (o) {
        if (pinned.has(o)) return;
        for (var b of expanded) if ((bodies.get(b).officials || []).indexOf(o) >= 0) return;
        cy.getElementById("n-" + o).remove();
      });
    });
  }
  // reveal makes an entity a node of the overview: an official by
  // expanding the body they were seconded to (else where they had a post),
  // or alone in the middle when they have none.
  function reveal(id) {
    if (!cy || cy.getElementById("n-" + id).nonempty()) return;
    var b = homeOf.get(id);
    if (b) { expand(b); return; }
    pinned.add(id);
    var c = colourOf(id), ext = cy.extent();
    cy.add({group: "nodes", data: {id: "n-" + id, entity: id, label: name(id), w: textWidth(name(id), OFF_FONT) + 22, fill: c.fill, line: c.line},
      position: {x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2}, classes: "official"});
  }
  function expandAll() { ov.bodies.forEach(function (b) { if (!expanded.has(b.id)) expand(b.id, true); }); }
  function foldAll() { Array.from(expanded).forEach(fold); }

  function cyClear() {
    if (cy) cy.elements().removeClass("faded hl nb sel");
  }
  // cyHighlight marks the entities shown (hl), the edges at them (hl) and
  // their other ends (nb), and fades the rest. It returns what it marked.
  function cyHighlight(ids) {
    cyClear();
    if (!cy) return null;
    var set = cy.collection();
    ids.forEach(function (id) { set = set.union(cy.getElementById("n-" + id)); });
    if (set.empty()) return set;
    var es = set.connectedEdges(":visible"), ends = es.connectedNodes().difference(set);
    cy.batch(function () {
      cy.elements().addClass("faded");
      set.union(es).union(ends).union(set.union(ends).ancestors()).removeClass("faded");
      set.addClass("hl");
      es.addClass("hl");
      ends.addClass("nb");
    });
    return set.union(es).union(ends);
  }
  // centre fits the elements, zooming in no further than 1.5 and, when
  // they would show too small to read, showing the first at 1.2.
  function centre(eles, first) {
    if (!eles || eles.empty()) return;
    cy.fit(eles, 60);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(eles); }
    if (cy.zoom() < 0.7) { cy.zoom(1.2); cy.center(first || eles); }
  }
  function cySelectNode(id, centred) {
    var got = cyHighlight([id]);
    var n = cy && cy.getElementById("n-" + id);
    if (n && n.nonempty()) n.addClass("sel");
    if (centred) centre(got, n);
  }
  function cySelectEdge(id, centred) {
    cyClear();
    if (!cy) return;
    var e = edges.get(id), x = cy.getElementById(id);
    var ids = [e.from, e.to].concat((e.officials || []).map(function (o) { return o.id; }));
    var got = cyHighlight(ids.filter(function (i) { return cy.getElementById("n-" + i).nonempty(); }));
    if (x.nonempty()) { x.removeClass("faded").addClass("sel"); got = got ? got.union(x) : x; }
    if (centred) centre(got);
  }
  function selectFlow(id, centred) {
    var f = flows.get(id), x = cy.getElementById(id);
    var got = cyHighlight([f.from, f.to]);
    cy.edges().not(x).removeClass("hl").addClass("faded");
    x.removeClass("faded").addClass("hl sel");
    showFlow(f);
    if (centred) centre(got);
  }

  // ---- The overview's panels ----
  function term(s) { return s.start || s.end ? (s.start || "?") + "–" + (s.end || "") : ""; }
  function showFlow(f) {
    var head = el("p", "ends");
    head.appendChild(nodeLink(f.from));
    head.appendChild(document.createTextNode(" → "));
    head.appendChild(nodeLink(f.to));
    var who = active(f.stints);
    var parts = [el("h2", "", name(f.from) + " → " + name(f.to)), el("span", "kind secondment", "secondment"), head,
      el("p", "count", f.stints.length + " 名干部挂职 officials seconded" + (year === null ? "" : ", " + who.length + " in " + year))];
    parts.push(el("h3", "", "官员 Officials (" + f.stints.length + ")"));
    var ul = el("ul", "rels stints");
    f.stints.forEach(function (s) {
      var li = el("li", who.indexOf(s) < 0 ? "off" : "");
      li.appendChild(nodeLink(s.official));
      var b = el("button", "link sub", "挂任" + (s.post || "") + (s.homePost ? " ← " + s.homePost : "") + (term(s) ? " · " + term(s) : ""));
      b.type = "button";
      b.addEventListener("click", function () { selectEdge(s.edge, true); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    parts.push(ul);
    fill(parts);
  }
  // bodyPart is what a body's panel adds in the overview: how many
  // officials and agreements, and its flows.
  function bodyPart(id) {
    var b = bodies.get(id);
    if (!b) return [];
    var mine = ov.flows.filter(function (f) { return f.from && (f.from === id || f.to === id); });
    var parts = [el("p", "count", (b.officials || []).length + " 名干部 officials · " + (b.agreements || 0) + " 项协议 agreements")];
    parts.push(el("h3", "", "挂职流向 Secondment flows (" + mine.length + ")"));
    var ul = el("ul", "rels flows");
    mine.forEach(function (f) {
      var bt = el("button", "link", name(f.from) + " → " + name(f.to) + " (" + active(f.stints).length + ")");
      bt.type = "button";
      bt.addEventListener("click", function () { if (cy && mode === "overview") selectFlow(f.id, true); else showFlow(f); });
      var li = el("li");
      li.appendChild(bt);
      ul.appendChild(li);
    });
    parts.push(ul);
    return parts;
  }

  // ---- Years ----
  var yearInput = document.getElementById("year"), yearLabel = document.getElementById("year-label");
  var yearAll = Number(yearInput.min);
  function serves(s) { return year === null || !s.y0 || (s.y0 <= year && year <= s.y1); }
  function active(list) { return list.filter(serves); }
  // applyYear shows who served in the year the slider names: the flows
  // count only them, and the other officials and bodies, and the flows
  // left empty, are dimmed or hidden.
  function applyYear() {
    var v = Number(yearInput.value);
    year = v <= yearAll ? null : v;
    var serving = new Set(), bodiesOn = new Set();
    ov.flows.forEach(function (f) {
      f.stints.forEach(function (s) {
        if (!serves(s)) return;
        serving.add(s.official);
        bodiesOn.add(f.from);
        bodiesOn.add(f.to);
      });
    });
    var text = year === null ? "全部 All years" : year + " · " + serving.size + " 人";
    yearLabel.textContent = text;
    yearInput.setAttribute("aria-valuetext", year === null ? "全部年份 All years" : year + ": " + serving.size + " officials");
    document.body.dataset.serving = year === null ? "" : String(serving.size);
    if (cy) cy.batch(function () {
      cy.edges(".flow").forEach(function (x) {
        var n = active(flows.get(x.id()).stints).length;
        var d = flowData(flows.get(x.id()), n);
        x.data({n: d.n, label: d.label, width: d.width});
        x.toggleClass("gone", n === 0);
      });
      cy.nodes().forEach(function (x) {
        var id = x.data("entity"), off = false;
        if (year !== null && bodies.has(id)) off = !bodiesOn.has(id);
        else if (year !== null) off = !serving.has(id);
        x.toggleClass("off", off);
      });
      cy.edges(".rel").forEach(function (x) {
        var e = edges.get(x.id());
        x.toggleClass("off", year !== null && !serving.has(e.from));
      });
    });
    if (svg) data.nodes.forEach(function (n) {
      if (n.kind !== "official") return;
      var off = year !== null && !serving.has(n.id);
      var g = nodeGroup(n.id);
      if (g) g.classList.toggle("off", off);
      (touching.get(n.id) || []).forEach(function (e) {
        var eg = groups.get(e.id);
        if (eg && e.from === n.id) eg.classList.toggle("off", off);
      });
    });
  }
  yearInput.addEventListener("input", applyYear);

  // ---- Switching views ----
  function showMode(m) {
    mode = m;
    unselect();
    view.hidden = !onSVG();
    cyBox.hidden = onSVG();
    if (!onSVG()) {
      ensureCy();
      cy.resize();
      cy.batch(function () { if (m === "detail") expandAll(); else foldAll(); });
      cyFit();
    }
    modeButton.textContent = m === "detail" ? "总览 Overview" : "细节 Detail";
    applyYear();
  }
  modeButton.addEventListener("click", function () { showMode(mode === "detail" ? "overview" : "detail"); });

  mode = data.open;
  if (onSVG()) { startSVG(); applyYear(); }
  else showMode(mode);
})();
