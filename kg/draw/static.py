"""A static drawing (PNG or SVG) with matplotlib's headless Agg canvas, sized for A4 landscape.

Readable on paper first: only the best-connected nodes are labelled, and a label that would
overlap one already placed is dropped rather than drawn into a smudge.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.draw.layout import layout
from kg.draw.style import classes_present, colour_of, degrees, important_nodes, short_label

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.transforms import Bbox

A4_LANDSCAPE = (11.69, 8.27)
DPI = 150
_LABEL_CANDIDATES = 100
_LABELS_OVER_NODES = 15  # the best-connected nodes may be labelled over a neighbour's dot, the rest may not
_ARROWS_UP_TO = 150  # edges; above this, plain lines keep the drawing light


def render_static(graph: nx.MultiDiGraph, path: Path, title: str, focus: str | None = None) -> int:
    """Draw to `path` (format from its extension: .png or .svg); returns the number of labels drawn."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    positions = layout(graph)
    degree = degrees(graph)
    with matplotlib.rc_context({"svg.hashsalt": "reform-kg", "font.family": "DejaVu Sans"}):
        figure = Figure(figsize=A4_LANDSCAPE, dpi=DPI)
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_axes((0.02, 0.03, 0.77, 0.86))
        axes.set_axis_off()
        _draw_edges(axes, graph, positions)
        _draw_nodes(axes, graph, positions, degree, focus)
        axes.margins(0.04)
        axes.invert_yaxis()
        figure.suptitle(short_label(title, 100), x=0.02, y=0.975, ha="left", fontsize=15, fontweight="bold")
        legend = axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, title="Classes",
                             title_fontsize=9, frameon=False)
        for handle in legend.legend_handles:
            handle.set_sizes([45])
        canvas.draw()  # settles the axis limits, so label boxes are measured where they end up
        renderer = canvas.get_renderer()
        labelled = _draw_labels(axes, graph, positions, degree, renderer, focus, [legend.get_window_extent(renderer)])
        note = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
        if labelled < graph.number_of_nodes():
            note += f"; labels on the {labelled} best-connected nodes that fit"
        figure.text(0.02, 0.925, note, fontsize=9, color="#555555")
        figure.savefig(path, dpi=DPI, format=path.suffix.lstrip(".").lower(), metadata={"Date": None}
                       if path.suffix.lower() == ".svg" else None)
    return labelled


def _draw_edges(axes: Axes, graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> None:
    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyArrowPatch

    pairs = sorted({(u, v) for u, v in graph.edges() if u != v})
    if len(pairs) > _ARROWS_UP_TO:
        segments = [(positions[u], positions[v]) for u, v in pairs]
        axes.add_collection(LineCollection(segments, colors="#b5b5b5", linewidths=0.5, zorder=1))
        return
    for u, v in pairs:
        axes.add_patch(FancyArrowPatch(positions[u], positions[v], arrowstyle="-|>", mutation_scale=8,
                                       color="#a0a0a0", linewidth=0.7, shrinkA=5, shrinkB=6, zorder=1))


def _draw_nodes(axes: Axes, graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]],
                degree: dict[str, int], focus: str | None) -> None:
    for name, count in classes_present(graph):
        members = [n for n, c in graph.nodes(data="class") if c == name]
        axes.scatter([positions[n][0] for n in members], [positions[n][1] for n in members],
                     s=[_marker_area(degree[n]) for n in members], c=colour_of(name),
                     edgecolors="white", linewidths=0.6, zorder=2, label=f"{name} ({count})")
    if focus is not None:
        axes.scatter([positions[focus][0]], [positions[focus][1]], s=_marker_area(degree[focus]) + 120,
                     facecolors="none", edgecolors="black", linewidths=1.8, zorder=3)


def _marker_area(degree: int) -> float:
    """Scatter marker area in points², growing with the number of neighbours."""
    return min(18 + 10 * degree, 260)


def _draw_labels(axes: Axes, graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]],
                 degree: dict[str, int], renderer: RendererBase, focus: str | None, keep_clear: list[Bbox]) -> int:
    """Label the focus and then the best-connected nodes; skip a label that would cover another
    label, the legend (`keep_clear`), a node (below the top ranks) or fall off the page."""
    from matplotlib.transforms import Bbox

    page = axes.figure.bbox
    markers = {}
    for node, point in positions.items():
        x, y = axes.transData.transform(point)
        radius = 0.7 * _marker_area(degree[node]) ** 0.5 / 2 * DPI / 72  # a label may graze a dot's rim
        markers[node] = Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)
    placed: list[Bbox] = []
    for rank, node in enumerate(important_nodes(graph, _LABEL_CANDIDATES, focus)):
        ring = 120 if node == focus else 0
        beside = (_marker_area(degree[node]) + ring) ** 0.5 / 2 + 2
        text = axes.annotate(short_label(graph.nodes[node]["label"], 30), positions[node], xytext=(beside, 0),
                             textcoords="offset points", fontsize=8 if rank < 10 else 6.5, ha="left",
                             va="center", zorder=4, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                                                          "edgecolor": "none", "alpha": 0.8})
        box = text.get_window_extent(renderer).expanded(1.05, 1.15)
        obstacles = [*placed, *keep_clear]
        if rank >= _LABELS_OVER_NODES:
            obstacles.extend(m for other, m in markers.items() if other != node)
        if node != focus and (box.x1 > page.x1 or box.y0 < page.y0 or any(box.overlaps(o) for o in obstacles)):
            text.remove()
        else:
            placed.append(box)
    return len(placed)
