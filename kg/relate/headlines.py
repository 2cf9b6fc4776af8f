"""Headlines that restate the body: an article's headline often gives, rounded, a figure its body
reports ("Hơn 91% hồ sơ …" over "… đạt 91,3%"); the body's sentence says more (its period, its
exact value), so the headline's observation goes.
"""

from __future__ import annotations

from kg.document import Document
from kg.facts import ObservationFact


def drop_headline_restatements(doc: Document) -> None:
    """A figure of the headline that the body restates ("Hơn 91% hồ sơ …" over "… đạt 91,3%")
    is the body's: the same subject and unit, a value within 2%; the body's says more."""
    title = doc.meta.title
    if not title:
        return
    observations = [f for f in doc.facts if isinstance(f, ObservationFact)]
    headline = [f for f in observations if doc.slice(f.sentence) in title]
    body = [f for f in observations if doc.slice(f.sentence) not in title]
    restated = {id(f) for f in headline if any(
        b.ref_area == f.ref_area and b.unit == f.unit and abs(b.value - f.value) <= abs(f.value) / 50 for b in body)}
    if restated:
        doc.facts[:] = [f for f in doc.facts if id(f) not in restated]
