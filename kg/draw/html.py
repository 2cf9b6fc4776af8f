"""One self-contained interactive page: the graph as inline SVG drawn by an inline script.

Positions come from `kg.draw.layout`, so the page shows the same picture every time; the graph
travels as JSON in a `<script type="application/json">` block. A Content-Security-Policy that
allows nothing but the inline script and style keeps the page from fetching anything.
"""

from __future__ import annotations

import html
import json
import math
from typing import TYPE_CHECKING

from kg.draw.layout import layout
from kg.draw.page_assets import SCRIPT, STYLE
from kg.draw.style import classes_present, colour_of, degrees, important_nodes, short_label

if TYPE_CHECKING:
    import networkx as nx

_SHOWN_ATTRIBUTES_SKIPPED = frozenset({"label", "class", "iri", "rk:evidence"})
_LINKS_SHOWN = 12
_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'"


def page_data(graph: nx.MultiDiGraph, focus: str | None = None) -> dict[str, object]:
    """What the page's script draws: nodes with positions in page units, edges by node index."""
    positions = layout(graph)
    size = max(700.0, 75.0 * math.sqrt(max(len(graph), 1)))
    degree = degrees(graph)
    order = list(graph)
    index = {node: i for i, node in enumerate(order)}
    nodes = []
    for node in order:
        attributes = graph.nodes[node]
        x, y = positions[node]
        nodes.append({
            "label": attributes["label"],
            "short": short_label(attributes["label"]),
            "cls": attributes["class"],
            "colour": colour_of(attributes["class"]),
            "iri": attributes["iri"],
            "evidence": attributes.get("rk:evidence", ""),
            "details": [[key, str(value)] for key, value in sorted(attributes.items())
                        if key not in _SHOWN_ATTRIBUTES_SKIPPED and value != attributes["label"]],
            "links": _links(graph, node),
            "x": round(x * size, 1),
            "y": round(y * size, 1),
            "r": round(min(5 + 2.2 * math.sqrt(degree[node]), 22), 1),
        })
    edges = [{"source": index[u], "target": index[v], "label": data.get("label", key)}
             for u, v, key, data in graph.edges(keys=True, data=True)]
    classes = [{"name": name, "colour": colour_of(name), "count": count} for name, count in classes_present(graph)]
    labelling_order = [index[node] for node in important_nodes(graph, len(graph), focus)]
    return {"nodes": nodes, "edges": edges, "classes": classes, "order": labelling_order,
            "focus": index.get(focus) if focus else None}


def _links(graph: nx.MultiDiGraph, node: str) -> list[str]:
    """The node's relations in words, for its tooltip: "assigned by → Chính phủ", "Task X → assigned to"."""
    outgoing = [f"{data.get('label', key)} → {graph.nodes[v]['label']}"
                for _, v, key, data in graph.out_edges(node, keys=True, data=True)]
    incoming = [f"{graph.nodes[u]['label']} → {data.get('label', key)}"
                for u, _, key, data in graph.in_edges(node, keys=True, data=True)]
    links = sorted(outgoing) + sorted(incoming)
    if len(links) > _LINKS_SHOWN:
        links = links[:_LINKS_SHOWN] + [f"… and {len(links) - _LINKS_SHOWN} more"]
    return [short_label(link, 90) for link in links]


def render_html(graph: nx.MultiDiGraph, title: str, focus: str | None = None) -> str:
    payload = json.dumps(page_data(graph, focus), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # A JSON string may hold "</script>"; "<\/" is the same JSON and cannot close the block.
    payload = payload.replace("</", "<\\/").replace("<!--", "<\\!--")
    summary = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    hint = "drag the background to pan, wheel to zoom, drag a node to move it, hover for details"
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>{html.escape(title)}</h1><p>{summary} · {hint}</p></header>
<svg id="canvas" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{html.escape(title)}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
<path d="M0,1 L10,5 L0,9 z" fill="#8a8a8a"/></marker></defs>
<g id="scene"><g id="edges"></g><g id="nodes"></g><g id="labels"></g></g>
</svg>
<div id="legend"><h2>Classes</h2></div>
<div id="tooltip"></div>
<script type="application/json" id="reform-kg-data">{payload}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
