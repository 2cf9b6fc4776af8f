"""Build: a folder of articles in, the extracted documents and their graph out."""

from __future__ import annotations

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
    documents = extract_all(article_paths(folder), root)
    return documents, build_graph(documents)
