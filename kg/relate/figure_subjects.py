"""The subject of a reported figure: the place or body it is about, read from the cues before it
in its sentence (see `kg.relate.observations` for the decisions), for the figures of one sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef
from kg.gazetteer.bodies import KEY_PREFIX_OF_HEAD
from kg.gazetteer.provinces import is_central_city
from kg.guarded import GuardedPattern
from kg.recognize.places import LISTED_BETWEEN
from kg.relate.figures import Figure
from kg.relate.refs import outermost, ref_of
from kg.relate.subject_cues import (
    AVERAGE,
    GROUP,
    MEASURE_OF,
    MINISTRY_WORD,
    NOT_SUBJECT_BEFORE,
    PAREN_AFTER_PLACE,
    PARTNER_BEFORE,
    PROVINCE_WORD,
    REPORTER_BEFORE,
    UNIT_PREFIX,
    UNIT_WORD,
)

PLACE_KINDS = ("province", "admin_unit")
SUBJECT_KINDS = ("province", "admin_unit", "agency")
# A body telling figures, not owning them: "Sở Nội vụ tỉnh A cho biết, …" (the province's).
TELLS_AFTER = re.compile(r"\s*(?:cho biet|cho hay|thong tin|bao cao)(?![\w])")
# How far before a figure its subject is looked for: farther than any sentence of prose runs, near
# enough that a table flattened into one "sentence" of thousands of figures is read in linear time.
SUBJECT_REACH = 1500
NOT_SUBJECT_REACH = 40  # farther than NOT_SUBJECT_BEFORE's words and the blanks after them
OWNER_AFTER = re.compile(r"(?<![\w])cua\s+")  # see `FigureSubjects.owner_after`
OWNER_REACH = 40  # from a figure's start to the "của" after its noun
PAREN_REACH = 200  # farther than a place and the bracket or colon before its figure ever stand apart


class FigureSubjects:
    """The subjects of the figures of one sentence, with what their cues resolve to kept, as each
    figure asks of the cues before it."""

    def __init__(self, doc: Document, folded: str, lowered: str, sentence: Sentence, province: str | None,
                 places: list[Mention], clause_marks: list[int]) -> None:
        """`places`: the sentence's places and bodies, in order; `clause_marks`: where its clause
        marks are (`kg.relate.figures.CLAUSE_END`)."""
        self.doc, self.folded, self.lowered, self.sentence, self.province = doc, folded, lowered, sentence, province
        self.places, self.clause_marks = places, clause_marks
        self.inside_mention: dict[int, bool] = {}  # by position, see `_inside_mention`
        self.cue_subjects: dict[int | tuple[int, int], EntityRef | bool | None] = {}  # see `_cue_subject`

    @cached_property
    def _departments(self) -> list[Mention]:
        """The sentence's bodies that report their own figures, not their province's (a
        department, unless it only tells the figures: "Sở Nội vụ tỉnh A cho biết, …")."""
        return [m for m in self.places if m.kind == "agency" and m.attrs.get("jurisdiction")
                and not speaks_for_its_province(m) and not self._tells(m)]

    def _tells(self, body: Mention) -> bool:
        return TELLS_AFTER.match(self.folded, body.end) is not None

    def respective_subjects(self, figures: list[Figure]) -> dict[int, EntityRef]:
        """"Hậu Giang và Bạc Liêu còn thấp, lần lượt đạt 32,5% và 29,8%": as many places (or
        bodies) before "lần lượt" as figures of one measure after it in its clause, each figure the
        one of its place, in order."""
        at = self.folded.find("lan luot", self.sentence.start, self.sentence.end)
        if at < 0:
            return {}
        mark = bisect_left(self.clause_marks, at)  # the clause's end
        clause_end = self.clause_marks[mark] if mark < len(self.clause_marks) else self.sentence.end
        subjects = [ref for m in self._listed_last(list(outermost([m for m in self.places if m.end <= at])))
                    if (ref := self._resolve(m)) is not None]
        # one run of figures per measure: "A và B lần lượt đạt 80 điểm và 75 điểm, xếp thứ 3 và 9"
        runs: list[list[Figure]] = []
        for figure in figures:
            if at < figure.start < clause_end and figure.unit is not None:
                if runs and runs[-1][-1].unit == figure.unit:
                    runs[-1].append(figure)
                else:
                    runs.append([figure])
        if len(subjects) < 2 or not any(len(run) == len(subjects) for run in runs):
            return {}
        return {figure.start: subject for run in runs if len(run) == len(subjects)
                for figure, subject in zip(run, subjects)}

    def _listed_last(self, mentions: list[Mention]) -> list[Mention]:
        """The last run of mentions listed one after another ("A, B và C"): the places before
        "lần lượt", not a body named earlier in the sentence ("Cục X cho biết, … các tỉnh A, B và C")."""
        run = mentions[-1:]
        for mention in reversed(mentions[:-1]):
            if not LISTED_BETWEEN.fullmatch(self.folded, mention.end, run[0].start):
                break
            run.insert(0, mention)
        return run

    def paren_subject(self, figure: Figure) -> EntityRef | None:
        for mention in self.places_before(figure.start, PAREN_REACH):
            if mention.end <= figure.start and PAREN_AFTER_PLACE.match(self.folded[mention.end:figure.start]):
                return self._resolve(mention)
        return None

    def places_before(self, position: int, reach: int) -> list[Mention]:
        """The sentence's places and bodies starting within `reach` before `position`: a binary
        search, as a sentence may hold thousands."""
        return self.places[bisect_left(self._place_starts, position - reach):
                           bisect_left(self._place_starts, position)]

    @cached_property
    def _place_starts(self) -> list[int]:
        return [m.start for m in self.places]

    def subject(self, figure: Figure, start: int) -> EntityRef | bool | None:
        """The nearest subject cue from `start` to the figure: an entity, False for an unnamed
        group (drop the figure), None for no cue at all."""
        text = self.lowered
        start = max(start, figure.start - SUBJECT_REACH)
        cues: list[tuple[int, int, Mention | re.Match[str] | bool]] = []
        departments = self._departments
        for mention in self.places_before(figure.start, figure.start - start):
            if start <= mention.start and mention.end <= figure.start and not (
                    mention.kind in PLACE_KINDS and any(d.start <= mention.start and mention.end <= d.end
                                                        for d in departments)):  # "Sở Tài chính thành phố Hà Nội"
                cues.append((mention.end, 1 if mention.kind in PLACE_KINDS else 0, mention))
        groups, words = self._cue_patterns
        for pattern in groups:
            cues.extend((match.end(), 2, False) for match in pattern.finditer(text, start, figure.start))
        found = [match for pattern, searched in words for match in pattern.finditer(searched, start, figure.start)]
        cues.extend((match.end(), 1, match) for match in found if not self._inside_mention(match.start()))
        for _, _, cue in sorted(cues, key=lambda c: (c[0], c[1]), reverse=True):
            subject = self._cue_subject(cue)
            if subject is not None:
                return subject
        return None

    @cached_property
    def _cue_patterns(self) -> tuple[list[GuardedPattern], list[tuple[GuardedPattern, str]]]:
        """The group patterns, and the word patterns with the text each reads, whose keywords the
        sentence holds: only those can match before any of its figures."""
        lowered, text, start, end = self.lowered, self.doc.text, self.sentence.start, self.sentence.end
        groups = [pattern for pattern in (GROUP, AVERAGE) if pattern.possible(lowered, start, end)]
        words = [(pattern, searched) for pattern, searched in
                 ((PROVINCE_WORD, lowered), (UNIT_WORD, lowered), (MINISTRY_WORD, text))
                 if pattern.possible(searched, start, end)]
        return groups, words

    def _cue_subject(self, cue: Mention | re.Match[str] | bool) -> EntityRef | bool | None:
        if isinstance(cue, bool):
            return False
        # Each figure of the sentence asks of the cues before it: a cue's subject is read once.
        key = id(cue) if isinstance(cue, Mention) else cue.span()
        if key not in self.cue_subjects:
            self.cue_subjects[key] = self._read_cue(cue)
        return self.cue_subjects[key]

    def _read_cue(self, cue: Mention | re.Match[str]) -> EntityRef | bool | None:
        if isinstance(cue, Mention):
            return False if self._reported_by_central_body(cue) else self._resolve(cue)
        # the body of that head named last as a subject, not "hợp nhất với Bộ …"
        if cue.group(0) in ("Bộ", "Sở", "Cục"):
            prefix = KEY_PREFIX_OF_HEAD[cue.group(0)]
            bodies = [m for m in self.doc.iter_kind("agency") if m.end <= cue.start() and m.key.startswith(prefix)
                      and not PARTNER_BEFORE.search(self.folded, max(0, m.start - 8), m.start)]
            return ref_of(bodies[-1]) if bodies else False
        if self.doc.text[cue.end():cue.end() + 2].strip()[:1].isupper():
            return False  # a place the recognisers did not know: not the article's province
        if cue.group(0) == "tỉnh":  # "Tỉnh An Giang …; tỷ lệ … của tỉnh": the one just named
            named = [m for m in self.places if m.kind == "province" and m.end <= cue.start()]
            return ref_of(named[-1]) if named else (EntityRef("province", self.province) if self.province else None)
        return self._bare_unit(cue.group(0), cue.start())

    def owner_after(self, figure: Figure, stop: int) -> EntityRef | bool | None:
        """The place or body "của" names right after a figure's noun (before `stop`; between a ratio
        and its rate for a figure of both): a name, or a bare "Bộ", "Sở" or "Cục", the one at hand
        ("226/398 thủ tục hành chính của Bộ đã …"); not the issuer of a document named after it
        ("… theo Nghị định số 61 của Chính phủ")."""
        owner = OWNER_AFTER.search(self.folded, figure.start, min(stop, figure.start + OWNER_REACH))
        if owner is None or any(m.kind != "number" for m in self.doc.mentions_in(Span(figure.start, owner.start()))):
            return None
        at = owner.end()
        named = [m for m in self.places_before(at + 1, 1) if m.start == at]
        if named:
            return self._resolve(max(named, key=lambda m: m.end), owned=True)
        head = MINISTRY_WORD.pattern.match(self.doc.text, at, stop)
        return self._read_cue(head) if head is not None else None

    def _resolve(self, mention: Mention, owned: bool = False) -> EntityRef | None:
        """The subject a place or body names; `owned` when "của" names it as the owner of the figure
        after it, which makes no source or partner of it."""
        if mention.kind in PLACE_KINDS:
            return ref_of(mention)
        nested = [m for m in self.places_before(mention.end, mention.end - mention.start)
                  if m.kind in PLACE_KINDS and m.end <= mention.end]
        if nested and (not mention.attrs.get("jurisdiction") or speaks_for_its_province(mention)
                       or self._tells(mention)):
            return ref_of(nested[-1])  # "UBND tỉnh A": A's, but "Sở Tài chính thành phố Hà Nội": its own
        if mention.attrs.get("unit"):  # a district's body: its district
            return EntityRef("unit", mention.attrs["unit"])
        if mention.attrs.get("jurisdiction") and speaks_for_its_province(mention):
            return EntityRef("province", mention.attrs["jurisdiction"])
        # the words right before, and their clause (MEASURE_OF spans no clause mark)
        lead = self.folded[max(self.sentence.start, mention.start - NOT_SUBJECT_REACH):mention.start]
        start = self.sentence.start
        clause = self.folded[max(start, *(self.folded.rfind(mark, start, mention.start) for mark in ",;:")):
                             mention.start]
        if mention.attrs.get("org_class") == "Organization" or (not owned and NOT_SUBJECT_BEFORE.search(lead)
                                                                 and not MEASURE_OF.search(clause)):
            return None
        return ref_of(mention)

    def _reported_by_central_body(self, mention: Mention) -> bool:
        """"Theo báo cáo của Văn phòng Chính phủ, …": the figures are national ones."""
        return mention.kind == "agency" and not mention.attrs.get("jurisdiction") \
            and REPORTER_BEFORE.search(self.folded[self.sentence.start:mention.start]) is not None

    def _bare_unit(self, word: str, position: int) -> EntityRef | bool:
        """"thành phố" alone: the latest city named before; the article's province when that is a
        centrally governed city."""
        prefix = UNIT_PREFIX[word]
        named = [m for m in self.doc.iter_kind("admin_unit")
                 if m.end <= position and m.key.partition("/")[2].startswith(prefix)]
        if named:
            return ref_of(named[-1])
        if word == "thành phố" and self.province and any(is_central_city(self.province, era) for era in (True, False)):
            return EntityRef("province", self.province)
        return False

    def _inside_mention(self, position: int) -> bool:
        """Whether a place or body covers `position`; each figure asks of the same words before it."""
        inside = self.inside_mention.get(position)
        if inside is None:
            inside = self.inside_mention[position] = self.doc.covered(Span(position, position + 1), SUBJECT_KINDS)
        return inside


def speaks_for_its_province(body: Mention) -> bool:
    """A province's People's Committee, Council or Party committee (and the office of one) report
    the province's figures; a department ("Sở Tư pháp dẫn đầu khối sở với 92,15 điểm", "Sở … còn
    412 hồ sơ quá hạn") reports its own."""
    return body.attrs.get("parent") is None or body.key.startswith(KEY_PREFIX_OF_HEAD["Văn phòng"])
