"""The extraction pipeline: articles in, resolved facts out, one small component at a time.

Each component takes a Document and adds to it (spaCy style); the order matters because later
components read the mentions of earlier ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from kg.clean import clean
from kg.collector import collector_paused
from kg.document import Document
from kg.errors import ExtractionError, first_line
from kg.read import read_article
from kg.recognize.agencies import recognise_agencies
from kg.recognize.directives import recognise_directives
from kg.recognize.ministry_offices import recognise_ministry_offices
from kg.recognize.numbers import recognise_numbers
from kg.recognize.officials import recognise_officials
from kg.recognize.periods import recognise_periods
from kg.recognize.places import recognise_places
from kg.relate.memberships import relate_memberships
from kg.relate.observations import relate_observations
from kg.relate.tasks import relate_tasks
from kg.sentences import split_sentences

Component = Callable[[Document], None]

COMPONENTS: tuple[Component, ...] = (
    clean,
    split_sentences,
    recognise_places,
    recognise_agencies,
    recognise_ministry_offices,
    recognise_directives,
    recognise_periods,
    recognise_numbers,
    recognise_officials,
    relate_memberships,
    relate_observations,
    relate_tasks,
)


def process(document: Document) -> Document:
    for component in COMPONENTS:
        try:
            component(document)
        except Exception as error:
            raise ExtractionError(f"{document.path}: {component.__name__} failed on this article "
                                  f"({type(error).__name__}: {first_line(error)}); this is a bug in reform-kg, "
                                  "please report it with the article") from error
    return document


def extract(path: Path, root: Path | None = None) -> Document:
    """Read one article and run every component over it."""
    return process(read_article(path, root))


def extract_all(paths: Iterable[Path], root: Path | None = None) -> list[Document]:
    with collector_paused():
        return [extract(path, root) for path in sorted(paths)]
