// guazhi viewer: pan and zoom, search, and a panel with the attributes and
// evidence of the clicked node or edge. Standard DOM and SVG only. Text from
// the knowledge base is only ever set as textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var view = document.getElementById("view");
  var svg = view.querySelector("svg");
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
  svg.querySelectorAll("g.node, g.edge").forEach(function (g) {
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
  var vb0 = svg.viewBox.baseVal;
  var home = {x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height};
  var box = {x: home.x, y: home.y, w: home.w, h: home.h};
  function apply() { svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" ")); }
  function scale() { var m = svg.getScreenCTM(); return m ? m.a : 1; }
  function toUser(cx, cy) {
    var m = svg.getScreenCTM();
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
  document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(0.8); });
  document.getElementById("fit").addEventListener("click", fit);
  view.addEventListener("keydown", function (ev) {
    var step = 60 / Math.max(scale(), 1e-6);
    var moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    if (ev.key === "+" || ev.key === "=") zoomCentre(1.25);
    else if (ev.key === "-") zoomCentre(0.8);
    else if (ev.key === "0") fit();
    else if (moves[ev.key]) { box.x += moves[ev.key][0]; box.y += moves[ev.key][1]; apply(); }
    else return;
    ev.preventDefault();
  });
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
    svg.classList.remove("dim");
  }
  // highlight marks the entities (class hl), the edges they end or take part
  // in (hl), those edges' other ends (nb), and dims the rest. It returns the
  // marked groups.
  function highlight(ids) {
    clear();
    if (!ids.length) return [];
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

  function showNode(id) {
    var n = nodes.get(id);
    var parts = [el("h2", "", n.name), el("span", "kind n-" + n.kind + " j-" + (n.jurisdiction || "none"),
      n.jurisdiction ? n.kind + " · " + n.jurisdiction : n.kind), attrList(n.attrs)];
    var rels = touching.get(id);
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
    if (e.officials && e.officials.length) {
      parts.push(el("h3", "", "官员 Officials"));
      var ul = el("ul", "rels");
      e.officials.forEach(function (o) {
        var li = el("li");
        li.appendChild(nodeLink(o.id));
        if (o.role) li.appendChild(el("span", "sub", "(" + o.role + ")"));
        ul.appendChild(li);
      });
      parts.push(ul);
    }
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
    var list = highlight([id]);
    mark(nodeGroup(id), "sel");
    showNode(id);
    if (centre) show(list);
  }
  function selectEdge(id, centre) {
    var e = edges.get(id);
    if (!e) return;
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

  svg.addEventListener("click", function (ev) {
    if (dragged) { dragged = false; return; }
    var g = ev.target.closest && ev.target.closest("g.node, g.edge");
    if (g && g.classList.contains("node") && nodes.has(g.id.slice(2))) selectNode(g.id.slice(2), false);
    else if (g && edges.has(g.id)) selectEdge(g.id, false);
    else if (!g) clear();
  });

  // ---- Search ----
  // norm folds text for matching: lower case, without tone marks and
  // other accents, and without spaces, hyphens and apostrophes, so that
  // "caolei", "Cao Lei", "cáo léi" and "cao-lei" all match.
  function norm(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s\-'’·]+/g, "");
  }
  var index = data.nodes.map(function (n) {
    return {id: n.id, forms: [n.name, n.id].concat(n.names || []).map(norm)};
  });
  function search(text) {
    var t = norm(text);
    if (!t) return [];
    var hits = [];
    index.forEach(function (x) {
      var best = 9;
      x.forms.forEach(function (f, i) {
        var at = f.indexOf(t);
        if (at < 0) return;
        var rank = (f === t ? 0 : at === 0 ? 2 : 4) + (i === 0 ? 0 : 1);
        if (rank < best) best = rank;
      });
      if (best < 9) hits.push({id: x.id, rank: best});
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

  // start opens on the story, at the diagram's natural size (labels at
  // their font size in pixels): centred on the officials and the nodes
  // their edges reach, or the whole diagram when it fits at that size.
  function start() {
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
  start();
})();
