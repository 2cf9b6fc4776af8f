"""`kg draw`: the knowledge graph, or a part of it, as a page, a picture or a file for graph tools.

Only click is imported here; rdflib, networkx and matplotlib load when the command runs, so that
listing the CLI's commands stays fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import KgError


class _Failure(click.ClickException):
    """A one-line error with the exit code of the kg error behind it."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@click.command("draw")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; its extension picks the format: .html .png .svg .graphml .gexf .dot")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Graph to draw (default: build/reform-kg.ttl, written by `kg build`).")
@click.option("--focus", metavar="LABEL|IRI", help="Draw only the neighbourhood of this entity (diacritics optional).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="Steps from the focus; shared hubs (articles, statuses, units, roles) are reached, not crossed.")
@click.option("--class", "classes", multiple=True, metavar="CLASS",
              help="Keep only nodes of this class (Task, Agency, org:Membership…); repeat for more.")
@click.option("--query", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="SPARQL file: a CONSTRUCT, or a SELECT of ?source ?target pairs, defines the subgraph.")
@click.option("--metrics", is_flag=True, help="Print the most central actors (degree, betweenness) as a table.")
@click.option("--title", help="Title of the drawing (default: describes the selection).")
def draw(output: Path | None, graph_file: Path | None, focus: str | None, depth: int, classes: tuple[str, ...],
         query_file: Path | None, metrics: bool, title: str | None) -> None:
    """Draw who assigns what to whom: the graph as an interactive page, a picture, or a file for
    Gephi, yEd or Graphviz. A query selects first, then the focus, then the classes (the focus
    itself is always kept).

    \b
    Example:
        kg draw --focus "thua thien hue" --depth 2 -o hue.html
        kg draw --class Task --class Agency -o tasks.png
        kg draw --metrics
    """
    if output is None and not metrics:
        raise click.UsageError("give -o/--output FILE to draw, or --metrics for the table of central actors")
    try:
        _draw(output, graph_file, focus, depth, list(classes), query_file, metrics, title)
    except KgError as error:
        raise _Failure(str(error), error.exit_code) from error


def _draw(output: Path | None, graph_file: Path | None, focus: str | None, depth: int, classes: list[str],
          query_file: Path | None, metrics: bool, title: str | None) -> None:
    from kg.draw.convert import load_graph, load_ontology, to_networkx
    from kg.draw.formats import write_drawing
    from kg.draw.metrics import centrality, format_table
    from kg.draw.select import find_node, from_query, keep_classes, neighbourhood
    from kg.errors import InputError
    from kg.paths import default_graph_path, ontology_dir

    path = graph_file or default_graph_path()
    if not path.is_file():
        raise InputError(f"no graph at {path}; run `kg build` first (or give --graph FILE)")
    data = load_graph(path)
    graph = to_networkx(data, load_ontology(ontology_dir()))
    described = []
    if query_file is not None:
        graph = from_query(data, graph, query_file)
        described.append(f"query {query_file.name}")
    centre = None
    if focus is not None:
        centre = find_node(graph, focus)
        graph = neighbourhood(graph, centre, depth)
        described.append(f"{graph.nodes[centre]['label']}, depth {depth}")
    if classes:
        graph = keep_classes(graph, classes, also=centre)
        described.append(", ".join(classes))
    if graph.number_of_nodes() == 0:
        raise InputError("the selection is empty: nothing to draw")
    if metrics:
        click.echo(format_table(centrality(graph)), nl=False)
    if output is not None:
        heading = title or "reform-kg" + (": " + "; ".join(described) if described else "")
        write_drawing(graph, output, heading, centre)
        click.echo(f"wrote {output}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", err=True)
