"""Build: a folder of articles in, the extracted documents and their graph out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from kg.document import Document
from kg.emit import build_graph
from kg.errors import InputError
from kg.pipeline import extract_all


def article_paths(folder: Path) -> list[Path]:
    """The `*.txt` articles of a folder, sorted; an error when there are none."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise InputError(f"{folder}: no articles (*.txt) to build from")
    return paths


def build_from_folder(folder: Path, root: Path | None = None) -> tuple[list[Document], Graph]:
    return build_from_paths(article_paths(folder), root)


def build_from_paths(paths: list[Path], root: Path | None = None,
                     progress: Callable[[int], object] | None = None) -> tuple[list[Document], Graph]:
    """The documents extracted from these articles and their graph; `progress` is told how many
    articles each batch of extraction finished (see `extract_all`)."""
    documents = extract_all(paths, root, progress)
    return documents, build_graph(documents)
