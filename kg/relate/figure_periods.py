"""The period a reported figure is for: only a time its sentence itself states, the nearest
before the figure, else one right after it in the same clause unless the words between turn to
another time (a comparison, a plan: "…, chuẩn bị … trong tháng 11"). A comparison base ("so với
cùng kỳ năm 2024"), a horizon ("tầm nhìn", "đến năm"), a document's date ("Nghị quyết 76/NQ-CP
ngày 15/7/2021") or the day figures were published ("công bố ngày 7/5/2025") is not one; time
words without a date ("hiện nay", "đến nay") give none. One figure for "năm 2019 và 2020" is two
observations, unless the figures after "lần lượt" are as many as the years ("năm 2022 và 2023 …
lần lượt đạt 42,18 và 43,05 điểm"): each is then for its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.document import Document, Mention, Sentence
from kg.guarded import word_start
from kg.relate.figures import Figure

RESPECTIVELY = re.compile(rf"{word_start('lan luot')}(?![\w])")
# a comparison base, a horizon, the day a ranking was published ("PCI 2024 do VCCI công bố ngày 7/5/2025")
NOT_FOR_FIGURES = re.compile(r"(so voi|cung ky|tam nhin|den nam|toi nam|cong bo(\s+vao)?(\s+ngay)?)\s*$")
# after a figure, what turns to another time: a comparison, a plan, what is yet to come
BLOCKED_AFTER = re.compile(r"so voi|cung ky|ke hoach|muc tieu|du toan|chuan bi|du kien|phan dau|\bse\b")
DOCUMENT_DATE = re.compile(r"[\s,]*(ngay\s*)?")  # between a document's number and its date


class FigurePeriods:
    """The periods of the figures of one sentence."""

    def __init__(self, doc: Document, sentence: Sentence, figures: list[Figure], periods: list[Mention],
                 clause_marks: list[int], directives: list[Mention]) -> None:
        """`periods` and `directives` are the sentence's mentions of those kinds, `clause_marks`
        where its clause marks (`kg.relate.figures.CLAUSE_END`) are, in order."""
        self.text, self.folded, self.sentence, self.clause_marks = doc.text, doc.folded, sentence, clause_marks
        self.periods = [p for p in periods if self._for_figures(doc, p, directives)]
        # Only a figure with a period has a place among several: most sentences state none.
        self.respective = self._respective_order(figures) if self.periods else {}

    def of(self, figure: Figure) -> list[str | None]:
        """The period keys of a figure, [None] for none."""
        if not self.periods:
            return [None]
        before = [p for p in self.periods if p.end <= figure.start]
        mark = bisect_left(self.clause_marks, figure.end)  # the clause's end
        limit = self.clause_marks[mark] if mark < len(self.clause_marks) else self.sentence.end
        after = [p for p in self.periods if figure.end <= p.start < limit
                 and not BLOCKED_AFTER.search(self.folded[figure.end:p.start])]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is None:
            return [None]
        values = list(chosen.attrs.get("values") or [chosen.key])
        place = self.respective.get(figure.start)
        if place is not None and len(values) == len(self.respective) > 1:
            return [values[place]]
        return values

    def _respective_order(self, figures: list[Figure]) -> dict[int, int]:
        """The place of each figure after "lần lượt" among them (by start)."""
        cue = RESPECTIVELY.search(self.folded, self.sentence.start, self.sentence.end)
        if cue is None:
            return {}
        after = [figure.start for figure in figures if figure.start >= cue.end() and figure.unit is not None]
        return {start: place for place, start in enumerate(after)}

    def _for_figures(self, doc: Document, period: Mention, directives: list[Mention]) -> bool:
        if doc.covered(period.span, ("directive",)):
            return False
        lead = self.folded[max(self.sentence.start, period.start - 30):period.start]
        if NOT_FOR_FIGURES.search(lead) or self.folded.startswith("tam nhin", period.start):
            return False
        return not any(d.end <= period.start and DOCUMENT_DATE.fullmatch(self.folded, d.end, period.start)
                       for d in directives)
