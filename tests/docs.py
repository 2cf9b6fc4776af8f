"""Build small documents by hand for unit tests: one sentence per line, mentions by substring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.document import Document, Mention, Sentence, SourceMeta
from kg.vocab import bind_prefixes


def load_turtle(*paths: Path) -> Graph:
    """One graph of these Turtle files, with the contract's prefixes."""
    graph = bind_prefixes(Graph())
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def lines_doc(*lines: str, issued: str | None = None, title: str | None = None) -> Document:
    """A document of one sentence per line, as the splitter gives for short lines."""
    text = "\n".join(lines)
    doc = Document(Path("example.txt"), text, file="example.txt", meta=SourceMeta(title=title, issued=issued))
    position = 0
    for line in lines:
        doc.sentences.append(Sentence(position, position + len(line)))
        position += len(line) + 1
    return doc


def make_doc(text: str, *mentions: tuple[str, str, str, dict[str, Any]], stem: str = "t") -> Document:
    """`mentions` are (kind, substring, key, attrs); the nth repeat of a substring is meant when the
    same (kind, substring) is listed n times. A substring may carry context, with the mention
    between bars: "|5| nhiệm vụ quá" is the "5" of "5 nhiệm vụ quá"."""
    doc = Document(Path(f"{stem}.txt"), text, file=f"{stem}.txt")
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            doc.sentences.append(Sentence(offset, offset + len(line)))
        offset += len(line) + 1
    seen: dict[tuple[str, str], int] = {}
    for kind, substring, key, attrs in mentions:
        before, target, _ = substring.split("|") if "|" in substring else ("", substring, "")
        context = substring.replace("|", "")
        start = -1
        for _ in range(seen.get((kind, substring), 0) + 1):
            start = text.index(context, start + 1)
        seen[(kind, substring)] = seen.get((kind, substring), 0) + 1
        start += len(before)
        doc.add(Mention(start, start + len(target), kind, key, dict(attrs)))
    return doc
