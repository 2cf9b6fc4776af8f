"""The `kg` command line: build, check, query and look into the reform knowledge graph.

Each command does one thing. Library errors (kg.errors) become one line on stderr with exit code
2 (bad input or query), 1 (the data is at fault) or 3 (the extractor failed on an article);
`kg --debug …` shows the traceback instead.
Heavy libraries are imported inside the commands that need them, so `kg query` stays quick.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import InputError, KgError, first_line
from kg.paths import default_graph_path, ontology_dir, project_root, queries_dir, seeds_dir

# Commands that live in other packages, imported only when run: name → (module:attribute, short help).
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "draw": ("kg.draw.command:draw", "Draw the graph, or part of it, as a picture."),
    "eval": ("kg.scorecard:eval_command", "Score the extraction against a gold annotation."),
}

PROGRESS_THRESHOLD = 20


class KgFailure(click.ClickException):
    """An error on its way out: click prints 'Error: <message>' on stderr and exits with the code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class LazyGroup(click.Group):
    """A group whose listed commands may be imported only when they run (click's documented
    "lazily loading subcommands" pattern), and whose errors are one line unless --debug."""

    def __init__(self, *args, lazy_commands: dict[str, tuple[str, str]] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self._available_lazy()})

    def _available_lazy(self) -> list[str]:
        """Lazy commands whose module exists."""
        return [name for name, (target, _) in self.lazy_commands.items() if _module_exists(target.partition(":")[0])]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands or name not in self.lazy_commands:
            return self.commands.get(name)
        target, short_help = self.lazy_commands[name]
        module_name, _, attribute = target.partition(":")
        try:
            command = getattr(importlib.import_module(module_name), attribute)
        except (ImportError, AttributeError) as error:
            return _unavailable(name, short_help, f"{type(error).__name__}: {error}")
        return command if isinstance(command, click.Command) else _unavailable(name, short_help, "not a command")

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List every command with its short help, without importing the lazy ones."""
        rows = []
        for name in self.list_commands(ctx):
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(formatter.width - 16)))
            else:
                rows.append((name, self.lazy_commands[name][1]))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as error:
            if _debugging(ctx):
                raise
            raise KgFailure(str(error), error.exit_code) from error
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:
            if _debugging(ctx):
                raise
            raise KgFailure(f"unexpected {type(error).__name__}: {first_line(error)} (run with --debug for the "
                            "traceback)", 1) from error


def _module_exists(dotted: str) -> bool:
    """Whether a module can be found, without running it or its packages' `__init__` (which may
    import heavy libraries)."""
    parts = dotted.split(".")
    spec = importlib.util.find_spec(parts[0])
    for depth in range(1, len(parts)):
        if spec is None or spec.submodule_search_locations is None:
            return False
        spec = importlib.machinery.PathFinder.find_spec(".".join(parts[: depth + 1]),
                                                         list(spec.submodule_search_locations))
    return spec is not None


def _debugging(ctx: click.Context) -> bool:
    """Whether `--debug` was given; read after the group's callback has run."""
    return bool(ctx.obj and ctx.obj.get("debug"))


def _unavailable(name: str, short_help: str, reason: str) -> click.Command:
    def fail() -> None:
        raise click.ClickException(f"the {name} command is not available ({reason})")

    return click.Command(name, callback=fail, short_help=short_help, help=f"{short_help} (Not available: {reason}.)")


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """reform-kg: a knowledge graph of Vietnam's administrative reform, built from news articles.

    \b
    Example:
        kg build && kg query tasks-by-province --param province="thua thien hue"
    """
    ctx.ensure_object(dict)["debug"] = debug


graph_option = click.option(
    "--graph", "graph_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="The graph file (default: build/reform-kg.ttl, built from seeds/ if missing).",
)


@main.command()
@click.option("--seeds", type=click.Path(path_type=Path), default=None, metavar="DIR",
              help="Folder of *.txt articles (default: seeds/).")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Turtle file to write (default: build/reform-kg.ttl).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check.")
def build(seeds: Path | None, out: Path | None, no_validate: bool) -> None:
    """Build the graph from a folder of articles.

    Reads every *.txt article, extracts the graph, checks it against the SHACL shapes, and writes
    it as Turtle through a temporary file and a rename. A graph that does not conform does not
    replace the previous one: it goes beside it as NAME.invalid.ttl, for `kg validate` to explain,
    and the command exits 1.

    \b
    Example:
        kg build --seeds seeds/ --out build/reform-kg.ttl
    """
    from kg.stats import class_counts

    out = out or default_graph_path()
    documents, store = _build(seeds or seeds_dir())
    report = None
    if not no_validate:
        from kg.validate import validate_store

        report = validate_store(store)
    target = out if report is None or report.conforms else out.with_name(f"{out.stem}.invalid{out.suffix}")
    store.save(target)
    documents_count = f"{len(documents)} document{'s' if len(documents) != 1 else ''}"
    click.echo(f"Built {_shown_path(target)}: {documents_count}, {len(store)} triples")
    click.echo(class_counts(store), nl=False)
    if report is None:
        click.echo("Validation: skipped")
        return
    click.echo(f"Validation: {report.summary()}")
    if not report.conforms:
        click.echo(report.render("table"), err=True, nl=False)
        click.echo(f"{_shown_path(out)} was left as it was.", err=True)
        sys.exit(1)


def _build(folder: Path):
    """Extract every article of `folder` (a progress bar on stderr when there are many) and emit
    the graph."""
    from kg.build import article_paths, build_from_paths
    from kg.store import GraphStore

    paths, root = article_paths(folder), project_root()
    if len(paths) < PROGRESS_THRESHOLD:
        documents, graph = build_from_paths(paths, root)
    else:
        with click.progressbar(length=len(paths), label="Reading articles", file=sys.stderr) as bar:
            documents, graph = build_from_paths(paths, root, bar.update)
    return documents, GraphStore(graph)


@main.command()
@click.argument("graph_path", metavar="[GRAPH]", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--graph", "graph_option_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The graph to check, as the other commands take it (same as GRAPH).")
@click.option("--format", "report_format", type=click.Choice(["table", "json", "turtle"]), default="table",
              show_default=True, help="How to print the report.")
def validate(graph_path: Path | None, graph_option_path: Path | None, report_format: str) -> None:
    """Check a graph against the SHACL shapes.

    Prints the results sorted by severity, focus node, path, message and shape. Exits 0 when the
    graph conforms, 1 when it does not, 2 when it cannot be checked.

    \b
    Example:
        kg validate build/reform-kg.ttl --format json
    """
    from kg.store import GraphStore
    from kg.validate import validate_store

    graph_path = graph_path or graph_option_path
    path = graph_path or default_graph_path()
    if graph_path is None and not path.is_file():
        raise InputError(f"no graph at {_shown_path(path)}; run `kg build` first")
    if not path.is_file():
        raise InputError(f"no such graph file: {_shown_path(path)}")
    report = validate_store(GraphStore.load(path))
    click.echo(report.render(report_format), nl=False)
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter; repeat for several. Labels may omit diacritics.")
@click.option("--format", "result_format", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format (CONSTRUCT and DESCRIBE always print Turtle).")
@graph_option
def query(name: str, params: tuple[str, ...], result_format: str, graph_path: Path | None) -> None:
    """Run a stored query by NAME, or any .rq file.

    Only SELECT, ASK, CONSTRUCT and DESCRIBE run. Parameters are bound to the query's variables,
    never pasted into its text; `kg queries` lists the stored queries and their parameters.

    \b
    Example:
        kg query task-status-breakdown --param province="thua thien hue" --format csv
    """
    from kg.output import render_result
    from kg.queries import bind_params, find_query, parse_param_options

    stored = find_query(name, queries_dir())
    given = parse_param_options(params)
    store = _open(graph_path, with_ontology=True)
    result = store.query(stored.text, bind_params(stored, given, store))
    click.echo(render_result(result, result_format), nl=False)


@main.command("queries")
def list_queries() -> None:
    """List the stored queries, their parameters and what each answers.

    \b
    Example:
        kg queries
    """
    from kg.output import render_table
    from kg.queries import stored_queries

    rows = [
        [q.name, ", ".join(f"{p.name}={p.default}" if p.default else p.name for p in q.params), q.summary]
        for q in stored_queries(queries_dir())
    ]
    click.echo(render_table(["name", "parameters", "summary"], rows), nl=False)


@main.command()
@click.argument("entity")
@graph_option
def show(entity: str, graph_path: Path | None) -> None:
    """Show everything the graph says about one entity, with sources and evidence.

    ENTITY is a label (diacritics optional), a prefixed name or an IRI.

    \b
    Example:
        kg show "mai tien dung"
    """
    from kg.show import show_entity

    click.echo(show_entity(entity, _open(graph_path, with_ontology=True)), nl=False)


@main.command()
@click.option("--format", "export_format", default="turtle", show_default=True,
              type=click.Choice(["turtle", "ntriples", "nquads", "trig", "jsonld", "xml"]),
              help="RDF serialisation.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@graph_option
def export(export_format: str, output: Path | None, graph_path: Path | None) -> None:
    """Export the graph for a triple store.

    Turtle, TriG, N-Triples and N-Quads are sorted and byte-for-byte stable, Turtle with its
    prefixes declared; JSON-LD and RDF/XML hold the same triples in rdflib's own order. The
    graph has no blank nodes.

    \b
    Example:
        kg export --format ntriples -o reform-kg.nt
    """
    from kg.store import write_atomically

    text = _open(graph_path, with_ontology=False).serialize(export_format)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
        click.echo(f"Wrote {_shown_path(output)}", err=True)


@main.command()
@graph_option
def stats(graph_path: Path | None) -> None:
    """Count what the graph holds: per class, per source document, per province.

    \b
    Example:
        kg stats --graph build/reform-kg.ttl
    """
    from kg.stats import statistics

    click.echo(statistics(_open(graph_path, with_ontology=False)), nl=False)


def _open(graph_path: Path | None, with_ontology: bool):
    """The graph to work on; the default graph is built first when it is missing. Queries see the
    ontology too, for the labels of indicators and code lists."""
    from kg.store import GraphStore

    path = graph_path or default_graph_path()
    if graph_path is None and not path.is_file():
        click.echo(f"No graph at {_shown_path(path)} yet: building it from {_shown_path(seeds_dir())}/", err=True)
        _, built = _build(seeds_dir())
        built.save(path)
    if not path.is_file():
        raise InputError(f"no such graph file: {_shown_path(path)}")
    store = GraphStore.load(path)
    if with_ontology:
        for ontology_file in sorted(ontology_dir().glob("*.ttl")):
            store.add_file(ontology_file)
    return store


def _shown_path(path: Path) -> str:
    """A path relative to the working folder when it is inside it, as the user typed it otherwise."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
