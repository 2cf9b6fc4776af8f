"""The style sheet and script inlined into every drawn page (kept here, not in data files, so an
installed package carries them). The script reads the graph from the page's JSON block and draws
it as SVG; it loads nothing and talks to no one."""

from __future__ import annotations

STYLE = """
html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif;
  color: #222; background: #fff; overflow: hidden; }
header { position: absolute; top: 0; left: 0; right: 0; padding: 8px 14px; background: rgba(255,255,255,.92);
  border-bottom: 1px solid #ddd; z-index: 2; pointer-events: none; }
header h1 { font-size: 17px; margin: 0 0 2px 0; }
header p { font-size: 12px; margin: 0; color: #555; }
#canvas { width: 100%; height: 100%; display: block; cursor: grab; touch-action: none; }
#canvas.panning { cursor: grabbing; }
.edge { stroke: #9a9a9a; stroke-width: 1.1; }
.edge:hover { stroke: #333; stroke-width: 2.2; }
.node { cursor: pointer; }
.node circle { stroke: #fff; stroke-width: 1.5; }
.node.focus circle { stroke: #000; stroke-width: 3; }
#labels text.focus { font-weight: bold; }
#labels text { font-size: var(--label-size, 12px); paint-order: stroke; stroke: #fff; stroke-width: var(--halo, 3px);
  stroke-linejoin: round; dominant-baseline: central; pointer-events: none; }
.node.hidden, .edge.hidden { display: none; }
#legend { position: absolute; right: 10px; bottom: 10px; background: rgba(255,255,255,.95); border: 1px solid #ccc;
  border-radius: 4px; padding: 6px 10px; font-size: 12px; z-index: 2; max-height: 60%; overflow-y: auto; }
#legend h2 { font-size: 12px; margin: 0 0 4px 0; }
#legend div { cursor: pointer; padding: 1px 0; user-select: none; }
#legend div.off { opacity: .35; }
#legend span.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px;
  vertical-align: -1px; }
#tooltip { position: absolute; display: none; max-width: 420px; background: #fffff4; border: 1px solid #999;
  border-radius: 4px; padding: 6px 8px; font-size: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.2); z-index: 3;
  pointer-events: none; }
#tooltip .name { font-weight: bold; font-size: 13px; }
#tooltip .iri { color: #666; word-break: break-all; }
#tooltip blockquote { margin: 4px 0; padding-left: 6px; border-left: 3px solid #ccc; font-style: italic; }
#tooltip .attribute { color: #444; }
#tooltip .link { color: #1a4f8a; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("reform-kg-data").textContent);
  var svg = document.getElementById("canvas");
  var scene = document.getElementById("scene");
  var edgeLayer = document.getElementById("edges");
  var nodeLayer = document.getElementById("nodes");
  var labelLayer = document.getElementById("labels");
  var tooltip = document.getElementById("tooltip");
  var legend = document.getElementById("legend");
  var nodes = data.nodes;
  var edges = data.edges;
  var view = { x: 0, y: 0, k: 1, fitK: 1 };
  var hiddenClasses = {};
  var incident = nodes.map(function () { return []; });
  var texts = [];
  var LABEL_PX = 12;
  var LABELS_OVER_NODES = 15;  // the most important nodes may be labelled over a neighbour's dot
  var labelWidths = null;
  var declutterPending = false;

  function make(tag, attributes, parent) {
    var element = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    parent.appendChild(element);
    return element;
  }

  var lines = edges.map(function (edge, i) {
    var line = make("line", { "class": "edge", "marker-end": "url(#arrow)" }, edgeLayer);
    make("title", {}, line).textContent = edge.label;
    incident[edge.source].push(i);
    incident[edge.target].push(i);
    return line;
  });

  var groups = nodes.map(function (node, i) {
    var group = make("g", { "class": i === data.focus ? "node focus" : "node" }, nodeLayer);
    make("circle", { r: node.r, fill: node.colour }, group);
    var text = make("text", { x: node.r + 3, y: 0, "class": i === data.focus ? "focus" : "" }, labelLayer);
    text.textContent = node.short;
    texts.push(text);
    group.addEventListener("pointerenter", function (event) { showTooltip(node, event); });
    group.addEventListener("pointermove", moveTooltip);
    group.addEventListener("pointerleave", hideTooltip);
    group.addEventListener("pointerdown", function (event) { startNodeDrag(event, i); });
    return group;
  });

  function placeEdge(i) {
    var edge = edges[i], from = nodes[edge.source], to = nodes[edge.target];
    var dx = to.x - from.x, dy = to.y - from.y, length = Math.sqrt(dx * dx + dy * dy) || 1;
    lines[i].setAttribute("x1", from.x + dx / length * from.r);
    lines[i].setAttribute("y1", from.y + dy / length * from.r);
    lines[i].setAttribute("x2", to.x - dx / length * (to.r + 2));
    lines[i].setAttribute("y2", to.y - dy / length * (to.r + 2));
  }

  function placeNode(i) {
    var at = "translate(" + nodes[i].x + " " + nodes[i].y + ")";
    groups[i].setAttribute("transform", at);
    texts[i].setAttribute("transform", at);
    incident[i].forEach(placeEdge);
    scheduleDeclutter();
  }

  function scheduleDeclutter() {
    if (!declutterPending) {
      declutterPending = true;
      window.requestAnimationFrame(declutter);
    }
  }

  // Labels keep one size on screen whatever the zoom; the most important nodes (data.order) are
  // labelled first and a label that would cover one already shown, or a dot, stays hidden.
  function declutter() {
    declutterPending = false;
    labelLayer.style.setProperty("--label-size", LABEL_PX / view.k + "px");
    labelLayer.style.setProperty("--halo", 3 / view.k + "px");
    if (!labelWidths) {
      labelWidths = texts.map(function (text) { return text.getComputedTextLength() * view.k; });
    }
    var width = svg.clientWidth, height = svg.clientHeight, key = legend.getBoundingClientRect();
    var shown = [[key.left, key.top, key.right, key.bottom]];
    var dots = nodes.map(function (node) {
      var x = node.x * view.k + view.x, y = node.y * view.k + view.y, r = node.r * view.k * 0.7;
      return hiddenClasses[node.cls] ? null : [x - r, y - r, x + r, y + r];
    });
    function overlaps(box, other) {
      return other && box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3];
    }
    data.order.forEach(function (i, rank) {
      var node = nodes[i];
      texts[i].setAttribute("x", node.r + 3 / view.k);
      var left = (node.x + node.r) * view.k + view.x + 3, top = node.y * view.k + view.y - LABEL_PX * 0.7;
      var box = [left - 4, top - 3, left + labelWidths[i] + 4, top + LABEL_PX * 1.4 + 3];
      var onScreen = box[2] > 0 && box[0] < width && box[3] > 0 && box[1] < height;
      var clear = i === data.focus || (!shown.some(function (b) { return overlaps(box, b); }) &&
        (rank < LABELS_OVER_NODES || !dots.some(function (d, j) { return j !== i && overlaps(box, d); })));
      var visible = !hiddenClasses[node.cls] && onScreen && clear;
      texts[i].style.display = visible ? "" : "none";
      if (visible) { shown.push(box); }
    });
  }

  function applyView() {
    scene.setAttribute("transform", "translate(" + view.x + " " + view.y + ") scale(" + view.k + ")");
    scheduleDeclutter();
  }

  function fit() {
    var top = 56, height = svg.clientHeight || 600;
    var width = Math.max((svg.clientWidth || 800) - legend.offsetWidth - 20, 200);
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var minX = Math.min.apply(null, xs) - 30, maxX = Math.max.apply(null, xs) + 160;
    var minY = Math.min.apply(null, ys) - 30, maxY = Math.max.apply(null, ys) + 30;
    view.k = Math.min(width / (maxX - minX), (height - top) / (maxY - minY), 3);
    view.fitK = view.k;
    view.x = (width - (maxX - minX) * view.k) / 2 - minX * view.k;
    view.y = top + (height - top - (maxY - minY) * view.k) / 2 - minY * view.k;
    applyView();
  }

  function toWorld(event) {
    var box = svg.getBoundingClientRect();
    return { x: (event.clientX - box.left - view.x) / view.k, y: (event.clientY - box.top - view.y) / view.k };
  }

  var drag = null;

  function startNodeDrag(event, i) {
    event.stopPropagation();
    drag = { node: i };
    svg.setPointerCapture(event.pointerId);
  }

  svg.addEventListener("pointerdown", function (event) {
    drag = { panX: event.clientX - view.x, panY: event.clientY - view.y };
    svg.classList.add("panning");
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    if (drag.node !== undefined) {
      var point = toWorld(event);
      nodes[drag.node].x = point.x;
      nodes[drag.node].y = point.y;
      placeNode(drag.node);
    } else {
      view.x = event.clientX - drag.panX;
      view.y = event.clientY - drag.panY;
      applyView();
    }
  });
  function endDrag() { drag = null; svg.classList.remove("panning"); }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = svg.getBoundingClientRect(), cx = event.clientX - box.left, cy = event.clientY - box.top;
    var factor = Math.exp(-event.deltaY * 0.0015);
    var k = Math.max(view.fitK / 4, Math.min(view.fitK * 40, view.k * factor));
    view.x = cx - (cx - view.x) * k / view.k;
    view.y = cy - (cy - view.y) * k / view.k;
    view.k = k;
    applyView();
  }, { passive: false });

  function addLine(parent, className, text) {
    var line = document.createElement(className === "evidence" ? "blockquote" : "div");
    line.className = className;
    line.textContent = text;
    parent.appendChild(line);
  }

  function showTooltip(node, event) {
    if (drag) { return; }
    tooltip.textContent = "";
    addLine(tooltip, "name", node.label);
    addLine(tooltip, "class", node.cls);
    if (node.evidence) { addLine(tooltip, "evidence", "\u201c" + node.evidence + "\u201d"); }
    node.details.forEach(function (pair) { addLine(tooltip, "attribute", pair[0] + ": " + pair[1]); });
    node.links.forEach(function (link) { addLine(tooltip, "link", link); });
    addLine(tooltip, "iri", node.iri);
    tooltip.style.display = "block";
    moveTooltip(event);
  }

  function moveTooltip(event) {
    var x = event.clientX + 14, y = event.clientY + 14;
    var width = tooltip.offsetWidth, height = tooltip.offsetHeight;
    if (x + width > window.innerWidth - 4) { x = Math.max(4, event.clientX - width - 14); }
    if (y + height > window.innerHeight - 4) { y = Math.max(4, event.clientY - height - 14); }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function hideTooltip() { tooltip.style.display = "none"; }

  function refreshVisibility() {
    nodes.forEach(function (node, i) { groups[i].classList.toggle("hidden", !!hiddenClasses[node.cls]); });
    edges.forEach(function (edge, i) {
      var hidden = hiddenClasses[nodes[edge.source].cls] || hiddenClasses[nodes[edge.target].cls];
      lines[i].classList.toggle("hidden", !!hidden);
    });
    scheduleDeclutter();
  }

  data.classes.forEach(function (entry) {
    var item = document.createElement("div");
    var swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = entry.colour;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(entry.name + " (" + entry.count + ")"));
    item.title = "click to hide or show";
    item.addEventListener("click", function () {
      hiddenClasses[entry.name] = !hiddenClasses[entry.name];
      item.classList.toggle("off", hiddenClasses[entry.name]);
      refreshVisibility();
    });
    legend.appendChild(item);
  });

  nodes.forEach(function (node, i) { placeNode(i); });
  fit();
  window.addEventListener("resize", fit);
  window.reformKgDrawnNodes = nodeLayer.querySelectorAll("g.node").length;
  window.reformKgDrawnEdges = edgeLayer.querySelectorAll("line.edge").length;
})();
"""
