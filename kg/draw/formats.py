"""Writing a drawn graph to a file, the format chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.draw.style import colour_of
from kg.errors import InputError

if TYPE_CHECKING:
    import networkx as nx

FORMATS = (".html", ".png", ".svg", ".graphml", ".gexf", ".dot")


def write_drawing(graph: nx.MultiDiGraph, path: Path, title: str, focus: str | None = None) -> None:
    """Write `graph` to `path`: an interactive page, a static picture, or a file for Gephi, yEd
    or Graphviz."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"cannot draw to {path.name}: the extension must be one of {', '.join(FORMATS)}")
    if graph.number_of_nodes() == 0:
        raise InputError("the graph is empty: nothing to draw")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: folder {path.parent} does not exist")
    try:
        _write(graph, path, suffix, title, focus)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from error


def _write(graph: nx.MultiDiGraph, path: Path, suffix: str, title: str, focus: str | None) -> None:
    if suffix == ".html":
        from kg.draw.html import render_html

        path.write_text(render_html(graph, title, focus), encoding="utf-8")
    elif suffix in (".png", ".svg"):
        from kg.draw.static import render_static

        render_static(graph, path, title, focus)
    elif suffix == ".graphml":
        import networkx as nx

        nx.write_graphml(_with_edge_ids(graph), path, edge_id_from_attribute="id")
    elif suffix == ".gexf":
        import networkx as nx

        nx.write_gexf(graph, path)
    else:
        path.write_text(to_dot(graph, title), encoding="utf-8")


def to_dot(graph: nx.MultiDiGraph, title: str) -> str:
    """Graphviz DOT: nodes filled with their class colour, edges labelled with their property."""
    lines = [
        f"digraph {_quote(graph.graph.get('name') or 'reform-kg')} {{",
        f"  graph [label={_quote(title)}, labelloc=t, fontsize=18, overlap=false, splines=true];",
        '  node [shape=ellipse, style=filled, fontname="DejaVu Sans", fontsize=10];',
        '  edge [fontname="DejaVu Sans", fontsize=8, color="#888888"];',
    ]
    for node, data in graph.nodes(data=True):
        lines.append(f"  {_quote(node)} [label={_quote(data['label'])}, fillcolor={_quote(colour_of(data['class']))}, "
                     f"tooltip={_quote(data['class'])}];")
    for u, v, key, data in graph.edges(keys=True, data=True):
        lines.append(f"  {_quote(u)} -> {_quote(v)} [label={_quote(str(data.get('label', key)))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _with_edge_ids(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose edges carry unique ids (e0, e1, …): GraphML readers such as yEd expect them,
    while the property stays in each edge's `property` and `label`."""
    import networkx as nx

    copy = nx.MultiDiGraph(**graph.graph)
    copy.add_nodes_from(graph.nodes(data=True))
    for number, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        copy.add_edge(u, v, key=key, **data, id=f"e{number}")
    return copy


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{escaped}"'
