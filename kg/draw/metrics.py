"""Who is central: degree and betweenness of the actors, computed by networkx.

Measured on the graph without its shared hubs (source articles, code lists, roles), which would
otherwise sit between everything and say nothing about who assigns what to whom.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.draw.style import HUB_CLASSES

if TYPE_CHECKING:
    import networkx as nx

ACTOR_CLASSES = frozenset({"Province", "AdministrativeUnit", "Agency", "Organization", "Official", "Person"})


@dataclass(frozen=True)
class Centrality:
    label: str
    class_name: str
    iri: str
    degree: int
    degree_centrality: float
    betweenness: float


def centrality(graph: nx.MultiDiGraph, top: int = 15) -> list[Centrality]:
    """The `top` actors by degree (distinct neighbours), then betweenness, then label."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(n for n, c in graph.nodes(data="class") if c not in HUB_CLASSES)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v and u in simple and v in simple)
    if len(simple) == 0:
        return []
    degree_centrality = nx.degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple)
    rows = [Centrality(graph.nodes[n]["label"], graph.nodes[n]["class"], n, simple.degree(n),
                       round(degree_centrality[n], 4), round(betweenness[n], 4))
            for n in simple if graph.nodes[n]["class"] in ACTOR_CLASSES]
    rows.sort(key=lambda r: (-r.degree, -r.betweenness, r.label, r.iri))
    return rows[:top]


def format_table(rows: list[Centrality]) -> str:
    """A plain-text table, one actor a line, columns aligned."""
    header = ("#", "actor", "class", "degree", "degree centrality", "betweenness")
    body = [(str(i), r.label, r.class_name, str(r.degree), f"{r.degree_centrality:.4f}", f"{r.betweenness:.4f}")
            for i, r in enumerate(rows, start=1)]
    widths = [max(len(row[c]) for row in [header, *body]) for c in range(len(header))]
    numeric = {0, 3, 4, 5}

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.rjust(w) if c in numeric else cell.ljust(w) for c, (cell, w) in enumerate(zip(row, widths))]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in body)]) + "\n"
