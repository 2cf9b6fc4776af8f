"""Drawing the knowledge graph: conversion to networkx, selection, pages, pictures and metrics.

    from kg.draw import centrality, load_graph, load_ontology, to_networkx
    graph = to_networkx(load_graph(Path("build/reform-kg.ttl")), load_ontology(Path("ontology")))
    centrality(graph)  # the most central actors

The names below load their module on first use, so `import kg.draw.command` (the CLI) does not
pull in rdflib, networkx or matplotlib.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "to_networkx": "kg.draw.convert",
    "load_graph": "kg.draw.convert",
    "load_ontology": "kg.draw.convert",
    "find_node": "kg.draw.select",
    "neighbourhood": "kg.draw.select",
    "keep_classes": "kg.draw.select",
    "from_query": "kg.draw.select",
    "write_drawing": "kg.draw.formats",
    "centrality": "kg.draw.metrics",
    "format_table": "kg.draw.metrics",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kg.draw' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
