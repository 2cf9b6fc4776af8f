"""What both drawings share: a stable colour per class and short labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

# One fixed colour per class, so a class looks the same in every drawing and in both formats.
CLASS_COLOURS: dict[str, str] = {
    "Province": "#1f77b4",
    "AdministrativeUnit": "#6baed6",
    "Agency": "#d62728",
    "Organization": "#ff9896",
    "Official": "#9467bd",
    "Person": "#c5b0d5",
    "Directive": "#8c564b",
    "Task": "#ff7f0e",
    "Observation": "#2ca02c",
    "Membership": "#e377c2",
    "Role": "#f7b6d2",
    "Indicator": "#98df8a",
    "TaskStatus": "#ffbb78",
    "DocumentType": "#c49c94",
    "Unit": "#dbdb8d",
    "SourceDocument": "#7f7f7f",
    "Concept": "#c7c7c7",
}
OTHER_COLOUR = "#bcbd22"
# Shared hubs: articles, code-list members and roles connect many nodes but say little about who
# does what; neighbourhoods stop at them, centrality leaves them out, labels come to them last.
HUB_CLASSES = frozenset({"SourceDocument", "TaskStatus", "DocumentType", "Unit", "Concept", "Role", "Indicator"})


def colour_of(class_name: str) -> str:
    return CLASS_COLOURS.get(class_name, OTHER_COLOUR)


def classes_present(graph: nx.MultiDiGraph) -> list[tuple[str, int]]:
    """(class, node count) in palette order, for legends."""
    counts: dict[str, int] = {}
    for _, name in graph.nodes(data="class"):
        counts[name] = counts.get(name, 0) + 1
    order = list(CLASS_COLOURS)
    return sorted(counts.items(), key=lambda item: (order.index(item[0]) if item[0] in order else len(order), item[0]))


def short_label(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def degrees(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Distinct neighbours of each node, whatever the direction or number of edges between them."""
    return {node: len(set(graph.successors(node)) | set(graph.predecessors(node))) for node in graph}


def important_nodes(graph: nx.MultiDiGraph, limit: int, first: str | None = None) -> list[str]:
    """The `limit` most important nodes: `first` (the focus), then the best-connected nodes that
    are not hubs, then hubs (ties by label)."""
    degree = degrees(graph)
    ranked = sorted(graph, key=lambda n: (n != first, graph.nodes[n]["class"] in HUB_CLASSES, -degree[n],
                                          graph.nodes[n]["label"], n))
    return ranked[:limit]
