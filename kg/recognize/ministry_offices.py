"""The office and the inspectorate of a ministry: "Văn phòng Bộ Tư pháp", or written short,
"Văn phòng Bộ", "Thanh tra Bộ" ("Chánh Văn phòng Bộ cho biết …"), as an article about a ministry
does: the ministry is then the one named last before.

Runs after `recognise_agencies`, whose ministry mentions it reads; each body is an rk:Agency under
its ministry.
"""

from __future__ import annotations

import re

from kg.document import Document, Mention, Span
from kg.gazetteer.agencies import AGENCY
from kg.iri import slugify

# A head, then "Bộ" standing alone (not "Bộ Tư pháp", which is a ministry mention of its own).
_HEAD = re.compile(r"(Văn phòng|Thanh tra) (?:Bộ(?![\w&])(?!\s+[A-ZĐ]))?")
_ENGLISH = {"Văn phòng": "Office", "Thanh tra": "Inspectorate"}
_HEADS_WRITTEN = tuple(f"{head} " for head in _ENGLISH)  # as `_HEAD` spells them


def recognise_ministry_offices(doc: Document) -> None:
    ministries = [m for m in doc.iter_kind("agency") if m.key.startswith("bo-")]
    # every head written holds one of these, which one look at the whole text finds sooner
    if not ministries or not any(head in doc.text for head in _HEADS_WRITTEN):
        return
    found = []
    for sentence in doc.sentences:
        for match in _HEAD.finditer(doc.text, sentence.start, sentence.end):
            if match.group(0).endswith("Bộ"):
                ministry = next((m for m in reversed(ministries) if m.end <= match.start()), None)
                end = match.end()
            else:
                ministry = next((m for m in ministries if m.start == match.end()), None)
                end = ministry.end if ministry else match.end()
            if ministry is not None and not doc.covered(Span(match.start(), match.start() + 1), ("agency",)):
                found.append(_office(match.group(1), ministry, match.start(), end, doc.text[match.start():end]))
    for mention in found:
        doc.add(mention)


def _office(head: str, ministry: Mention, start: int, end: int, written: str) -> Mention:
    label = f"{head} {ministry.attrs['label']}"
    return Mention(start, end, "agency", slugify(label), {
        "label": label,
        "label_en": f"{_ENGLISH[head]} of the {ministry.attrs['label_en']}" if ministry.attrs.get("label_en") else None,
        "alt": written if written != label else None,
        "jurisdiction": None,
        "parent": ministry.key,
        "org_class": AGENCY,
    })
