"""The gold annotation: what a careful reader found in each article (tests/gold/*.yaml; the
rules are in tests/gold/README.md), as items with a match key and attributes, normalised the
way `kg.evaluate` compares them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from kg.errors import DataError, InputError
from kg.iri import fold, slugify

ANY = object()  # a gold key part that every predicted value meets
_SPACES = re.compile(r"\s+")
_MONTH_SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


@dataclass
class Item:
    """One thing to match: its key, how it reads in a report, its scored attributes, and its
    evidence (gold tasks: the pieces that anchor them; predicted items: their rk:evidence).
    A gold `hint` (an observation's evidence piece) only breaks ties between equal keys, so that
    attributes are compared on the pair read from the same sentence."""

    key: tuple[Any, ...]
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    hint: str | None = None


def norm_text(text: object) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip().casefold()


def norm_number(number: object) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFC", str(number))).upper()


def norm_decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value).strip())
    except InvalidOperation as error:
        raise DataError(f"not a decimal: {value!r}") from error


def norm_period(period: object) -> str | None:
    text = "" if period is None else str(period).strip().upper()
    span = _MONTH_SPAN.match(text)
    if span and span[1] == span[3] and int(span[2]) % 3 == 1 and int(span[4]) == int(span[2]) + 2:
        return f"{span[1]}-Q{(int(span[2]) + 2) // 3}"
    return text or None


# Gold ------------------------------------------------------------------------------------

def load_gold(gold_dir: Path) -> dict[str, dict[str, list[Item]]]:
    """Gold items by document stem, then category."""
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such gold folder")
    files = sorted(gold_dir.glob("*.yaml"))
    if not files:
        raise InputError(f"{gold_dir}: no gold files (*.yaml)")
    gold = {}
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            gold[path.stem] = {category: [read(entry) for entry in data.get(category) or []]
                               for category, read in _GOLD_READERS.items()}
        except (yaml.YAMLError, KeyError, TypeError, AttributeError, DataError) as error:
            raise DataError(f"{path.name}: malformed gold ({error})") from error
    return gold


def slug_item(slug: str) -> Item:
    return Item((slug,), slug)


def _gold_organization(entry: dict[str, Any]) -> Item:
    return Item((entry["slug"],), entry["slug"], {"names": {fold(n) for n in entry.get("names", [])}})


def _gold_official(entry: dict[str, Any]) -> Item:
    key = (norm_text(entry["name"]), norm_text(entry["title"]), f"agency:{entry['body']}")
    return Item(key, f"{entry['name']}, {entry['title']}, {entry['body']}")


def _gold_directive(entry: dict[str, Any]) -> Item:
    doc_type = unicodedata.normalize("NFC", entry["type"])
    implements = entry.get("implements")
    attrs = {"issuer": entry.get("issuer"), "issued": entry.get("issued"),
             "implements": slugify(implements) if implements else None}
    return Item((norm_number(entry["number"]), doc_type), f"{entry['number']} ({doc_type})", attrs)


def _gold_observation(entry: dict[str, Any]) -> Item:
    key = (entry["subject"], norm_decimal(entry["value"]), entry["unit"], norm_period(entry.get("period")))
    attrs = {"indicator": entry.get("indicator"), "numerator": norm_decimal(entry.get("numerator")),
             "denominator": norm_decimal(entry.get("denominator"))}
    hint = unicodedata.normalize("NFC", entry["evidence"]) if entry.get("evidence") else None
    return Item(key, observation_label(key, entry.get("evidence")), attrs, hint=hint)


def _gold_task(entry: dict[str, Any]) -> Item:
    pieces = entry["evidence"] if isinstance(entry["evidence"], list) else [entry["evidence"]]
    key = (frozenset(entry.get("assigned_to") or []) or ANY, entry.get("status"), entry.get("count"),
           norm_decimal(entry.get("target")))
    attrs = {"assigner": {f"agency:{slug}" for slug in entry.get("assigned_by") or []} or None,
             "deadline": entry.get("deadline"), "status date": entry.get("status_date"),
             "based on": frozenset(f"directive:{slugify(n)}" for n in entry.get("based_on") or []) or None,
             "partners": frozenset(f"agency:{slug}" for slug in entry.get("partners") or []) or None}
    anchors = tuple(unicodedata.normalize("NFC", piece) for piece in pieces)
    return Item(key, task_label(key, anchors[0]), attrs, anchors)


_GOLD_READERS: dict[str, Callable[[Any], Item]] = {
    "provinces": slug_item, "agencies": slug_item, "units": slug_item,
    "organizations": _gold_organization, "officials": _gold_official, "directives": _gold_directive,
    "observations": _gold_observation, "tasks": _gold_task,
}


def observation_label(key: tuple[Any, ...], evidence: str | None) -> str:
    subject, value, unit, period = key
    return f"{subject} {value} {unit} period={period}" + (f" «{evidence[:70]}»" if evidence else "")


def task_label(key: tuple[Any, ...], evidence: str) -> str:
    assignees, status, count, target = key
    to = "(any)" if assignees is ANY else ",".join(sorted(assignees))
    return f"to={to} status={status} count={count} target={target} «{evidence[:70]}»"
