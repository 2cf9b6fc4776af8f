"""Query results as text: an aligned table for people; CSV, TSV and JSON in the SPARQL 1.1 result
formats for programs. CONSTRUCT and DESCRIBE results are already Turtle."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Sequence

from kg.store import QueryResult, Term

NUMBER = re.compile(r"-?\d+(\.\d+)?")


def render_result(result: QueryResult, result_format: str = "table") -> str:
    if result.kind == "graph":
        return result.turtle
    if result.kind == "ask":
        if result_format == "json":
            return json.dumps({"head": {}, "boolean": result.answer}, indent=2) + "\n"
        return ("true" if result.answer else "false") + "\n"
    renderers = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}
    return renderers[result_format](result)


def display(term: Term | None) -> str:
    """What a person reads in a cell: prefixed names for IRIs, the plain value of literals."""
    if term is None:
        return ""
    return " ".join(term.compact().split()) if term.kind == "literal" else term.compact()


def text_width(text: str) -> int:
    """Columns a string takes in a terminal: wide East Asian characters count two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell, numbers to the right, a rule under the header, no
    trailing spaces."""
    widths = [text_width(h) for h in headers]
    for row in rows:
        widths = [max(w, text_width(cell)) for w, cell in zip(widths, row)]
    numeric = [bool(rows) and all(NUMBER.fullmatch(row[i]) or not row[i] for row in rows) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = (
            " " * (width - text_width(cell)) + cell if right else cell + " " * (width - text_width(cell))
            for cell, width, right in zip(cells, widths, numeric)
        )
        return "  ".join(padded).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    return "\n".join(out) + "\n"


def _table(result: QueryResult) -> str:
    rows = [[display(term) for term in row] for row in result.rows]
    footer = f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    return render_table(result.variables, rows) + footer


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if term is None else term.value for term in row])
    return buffer.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines.extend("\t".join(_ntriples(term) for term in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def _ntriples(term: Term | None) -> str:
    if term is None:
        return ""
    if term.kind == "iri":
        return f"<{term.value}>"
    if term.kind == "bnode":
        return f"_:{term.value}"
    escaped = (term.value.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    if term.lang:
        return f'"{escaped}"@{term.lang}'
    if term.datatype:
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def _json(result: QueryResult) -> str:
    bindings = []
    for row in result.rows:
        bindings.append({var: _json_term(term) for var, term in zip(result.variables, row) if term is not None})
    document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    if term.kind == "iri":
        return {"type": "uri", "value": term.value}
    if term.kind == "bnode":
        return {"type": "bnode", "value": term.value}
    encoded = {"type": "literal", "value": term.value}
    if term.lang:
        encoded["xml:lang"] = term.lang
    elif term.datatype:
        encoded["datatype"] = term.datatype
    return encoded
