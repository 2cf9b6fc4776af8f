"""`kg eval`: the quality of the extraction on the seeds, as a table (scoring is `kg.evaluate`)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.evaluate import INFORMATIONAL, Report, evaluate
from kg.paths import project_root, seeds_dir


def format_report(report: Report, verbose: bool = False) -> str:
    """An aligned table per category, then attribute accuracies; with `verbose`, every miss,
    false positive and wrong attribute."""
    lines = [f"{'category':<16}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'f1':>7}"]
    for name, s in report.categories.items():
        note = "  (informational)" if name in INFORMATIONAL else ""
        lines.append(f"{name:<16}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}{note}")
    if report.attributes:
        lines += ["", f"{'attribute':<28}{'correct':>8}{'total':>7}{'accuracy':>10}"]
        lines += [f"{name:<28}{a.correct:>8}{a.total:>7}{a.accuracy:>10.3f}" for name, a in report.attributes.items()]
    if verbose:
        for name, tally in report.categories.items():
            lines += _listing(f"{name}: missed", "-", tally.misses)
            lines += _listing(f"{name}: false positives", "+", tally.false_positives)
        for name, attribute in report.attributes.items():
            lines += _listing(f"{name}: wrong", "!", attribute.errors)
    return "\n".join(lines)


def _listing(heading: str, marker: str, entries: list[str]) -> list[str]:
    return ["", heading, *(f"  {marker} {entry}" for entry in entries)] if entries else []


@click.command("eval")
@click.option("--seeds", type=click.Path(path_type=Path), default=None,
              help="Folder of articles (default: seeds/).")
@click.option("--gold", type=click.Path(path_type=Path), default=None,
              help="Folder of gold YAML files, one per article (default: tests/gold/).")
@click.option("-v", "--verbose", is_flag=True, help="List every miss, false positive and wrong attribute.")
def eval_command(seeds: Path | None, gold: Path | None, verbose: bool) -> None:
    """Score the extraction against a gold annotation: precision, recall and F1 per category.

    \b
    Example:
        kg eval -v
        kg eval --seeds tests/heldout/articles --gold tests/heldout/gold
    """
    # Imported here so that the scorer stays usable, and testable, without the extraction pipeline.
    from kg.build import build_from_folder

    _, graph = build_from_folder(seeds or seeds_dir(), project_root())
    click.echo(format_report(evaluate(graph, gold or project_root() / "tests" / "gold"), verbose=verbose))
