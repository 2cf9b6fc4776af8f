"""Node positions, computed once in Python with a fixed seed so every drawing is reproducible.

Each connected component is laid out on its own (force-directed) and the components are packed
in rows, largest first, so small islands do not drift to the edges and squeeze the main graph.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

SEED = 7
# networkx's own force layout needs scipy above this size; bigger components use _large_layout.
_NETWORKX_LIMIT = 500
_GAP = 1.0
_ITERATIONS = 100
# Twice networkx's default node spacing: hubs (articles, units) otherwise pull their clusters into blots.
_SPREAD = 2.0

Positions = dict[str, tuple[float, float]]


def layout(graph: nx.MultiDiGraph) -> Positions:
    """Positions with y growing downwards, in [0, width] x [0, height] with max(width, height) = 1."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    pieces = [(nodes, _component_layout(simple.subgraph(nodes), math.sqrt(len(nodes)))) for nodes in components]
    total_area = sum((2 * math.sqrt(len(nodes)) + _GAP) ** 2 for nodes, _ in pieces)
    widest = max((2 * math.sqrt(len(nodes)) + _GAP for nodes, _ in pieces), default=1.0)
    row_width = max(widest, 1.4 * math.sqrt(total_area))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, local in pieces:
        side = 2 * math.sqrt(len(nodes)) + _GAP
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + side / 2 + px, y + side / 2 + py)
        x += side
        row_height = max(row_height, side)
    return _normalised(positions)


def _component_layout(component: nx.Graph, radius: float) -> Positions:
    import networkx as nx

    if len(component) == 1:
        return {next(iter(component)): (0.0, 0.0)}
    if len(component) < _NETWORKX_LIMIT:
        spacing = _SPREAD / math.sqrt(len(component))
        found = nx.spring_layout(component, k=spacing, seed=SEED, scale=radius, method="force",
                                 iterations=_ITERATIONS)
        return {node: (float(p[0]), float(p[1])) for node, p in found.items()}
    return _large_layout(component, radius)


def _large_layout(component: nx.Graph, radius: float) -> Positions:
    """Fruchterman-Reingold with dense numpy arrays: the same model as networkx's, without scipy."""
    import numpy as np

    nodes = list(component)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in component.edges()], dtype=int).reshape(-1, 2)
    position = np.random.default_rng(SEED).random((len(nodes), 2))
    k = _SPREAD / math.sqrt(len(nodes))
    step = 0.1
    for _ in range(_ITERATIONS):
        delta = position[:, None, :] - position[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        move = (delta * (k * k / distance**2)[:, :, None]).sum(axis=1)
        pull = position[edges[:, 0]] - position[edges[:, 1]]
        pull *= (np.maximum(np.linalg.norm(pull, axis=-1), 0.01) / k)[:, None]
        np.add.at(move, edges[:, 0], -pull)
        np.add.at(move, edges[:, 1], pull)
        length = np.maximum(np.linalg.norm(move, axis=-1), 0.01)
        position += move * (np.minimum(length, step) / length)[:, None]
        step -= 0.1 / (_ITERATIONS + 1)
    position -= position.mean(axis=0)
    position *= radius / max(float(np.abs(position).max()), 1e-9)
    return {node: (float(p[0]), float(p[1])) for node, p in zip(nodes, position)}


def _normalised(positions: Positions) -> Positions:
    if not positions:
        return {}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {node: (round((x - min(xs)) / span, 5), round((y - min(ys)) / span, 5))
            for node, (x, y) in sorted(positions.items())}
