"""Observations: one `ObservationFact` per figure an article reports about a place or an agency.

Each number mention of a sentence is read in four steps:
1. the figure (`kg.relate.figures`): a ratio and the rate stated with it ("2.132/2.132 thủ tục (tỷ
   lệ 100%)", "18/64 nhiệm vụ, đạt 28,13%") are one figure, the rate, with numerator and denominator;
2. whether it is a reported measure at all: not a service level ("mức độ 3, 4"), a target
   ("mục tiêu", "ít nhất"), a count of assigned tasks (the tasks relater reads those), a number
   that only delimits a scope ("tại 09 đơn vị", "một trong 3 địa phương", "3 cấp", "02 tháng/lần",
   "của 11 huyện", but not "giảm 4 phường"), a number naming a document or programme ("Đề án 06"),
   a duration ("sau 3 ngày"), the country's product ("GDP"), nor a figure about an unnamed group
   ("95/95 bộ, ngành", "các tỉnh", "cả 6 địa phương", "trung bình của 63 tỉnh");
3. its indicator (`kg.relate.indicators`), from the words back to the previous figure or clause
   boundary plus the words after it; a figure whose own words name nothing ("…, tăng 9,6%",
   "Thái Nguyên (99,36%)") qualifies or continues the figure before it;
4. its subject (below) and its period (`kg.relate.figure_periods`).

Decisions:
- Subject: a place written just before the figure ("Lạng Sơn (99,82%)", "Hà Nam đạt 97%"), else
  the nearest cue before it in the sentence: a place, a provincial body (its province; a
  department is its own subject), a district's body (its district), a ministry not named as
  someone else's ("của", "với" … unless it owns the measure: "tỷ lệ … của Bộ Tư pháp"), "Bộ đã …"
  / "của Bộ" / "Sở còn …" (the ministry or department named before), "tỉnh" (the province the
  sentence named before, else the article's), a bare "thành phố" / "huyện" / "thị xã" / "quận"
  (the latest such unit named before). Places before "lần lượt" take the figures after it in
  order. A place word after a superlative ("cao nhất tỉnh", "dẫn đầu cả nước") names the field
  compared, and "cấp tỉnh" a level: neither is a cue. A cue naming an unnamed group, or a central
  body as the source ("Theo báo cáo của Văn phòng Chính phủ, …"), drops the figure. Without a
  cue the figure is about the place of the figures of the previous two sentences ("Tỷ lệ … trên
  địa bàn đạt …" in the paragraph of a district), else about the article's province; in a sentence
  breaking down the one before ("Trong đó, quý I/2025 cắt giảm 312 thủ tục"), about the subject of
  the last figure before. A figure
  whose own words name nothing keeps the subject of the one it continues, or of the figure just
  before it in its clause.
- A headline figure the body restates is the body's.
- Qualifiers ("hơn", "gần", "dưới") are dropped: the contract has no property for them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from kg.document import LONGEST_MENTION, Document, Mention, Sentence, SpanIndex
from kg.facts import EntityRef, ObservationFact
from kg.iri import fold
from kg.recognize.places import main_province
from kg.relate.figure_periods import FigurePeriods
from kg.relate.figure_subjects import SUBJECT_KINDS, FigureSubjects
from kg.relate.figures import (
    CLAUSE_END,
    Figure,
    SentenceWords,
    figure_numbers,
    figures_of,
    measures_nothing,
)
from kg.relate.headlines import drop_headline_restatements
from kg.relate.indicators import (
    continues,
    derived_indicator,
    derived_label,
    match_indicator,
    measures_change,
)
from kg.relate.labels import change_before, measure_label
from kg.relate.requests import asked_span
from kg.relate.subject_cues import PAREN_AFTER_PLACE
from kg.relate.task_parts import CONTINUATION

PLACE_OR_TIME_KINDS = (*SUBJECT_KINDS, "period")
TOPIC_REACH = 2  # sentences a subject carries over to figures that name none
VACUOUS_LABELS = ("", "ty le", "so luong", "tong so", "muc", "dat", "con so", "dung thu", "xep thu", "xep hang",
                  "dung", "xep", "thu hang", "vi tri")

UNIT_WORDS = re.compile(r"[\s)]*(%|phần trăm|(nghìn |ngàn )?tỷ đồng|triệu đồng|đồng|(triệu |tỷ )?USD|điểm)?[\s)]*",
                        re.IGNORECASE)
LABEL_TAIL_END = re.compile(r"\s(so với|với)\s")
AFTER_END = re.compile(r",(?!\s*(\d|một|hai|ba|bốn)\b)|[;:(.]")  # "mức độ 3, 4", "một, hai, ba" go on
# Besides linking words, adverbs ("chỉ", "vẫn", "đã") and the bare words of places ("tỉnh chỉ xếp thứ
# 29", "Trong khi đó, huyện B chỉ đạt 18,6%"), whose names are mentions.
CONNECTORS = frozenset("va nhu la dat tang giam bang voi con cao hon tren duoi gan khoang muc rieng trong do "
                       "cung ky so uoc tuong ung lan luot thi o tai thu xep hang vi tri dung chiem khi moi "
                       "chi van da tinh huyen thanh pho xa quan".split())
# Words (runs of a-z) that are all connectors: each run is one of them whole, nothing before or after
# it a letter; one match in C, not a list of the words and a set of it.
ONLY_CONNECTORS = re.compile(rf"(?:[^a-z]|(?<![a-z])(?:{'|'.join(sorted(CONNECTORS))})(?![a-z]))*")
LIST_OPENING_TAIL = re.compile(r"\s*(?:(?:cụ thể|lần lượt)\s+)?(?:như sau|gồm|là)?\s*$", re.IGNORECASE)
MAX_AFTER_WORDS = 24
MAX_LABEL_WORDS = 10




class Head(NamedTuple):
    """The last figure whose own words named its measure, which a figure naming nothing continues."""

    indicator: str | None
    label: str
    subject: EntityRef
    phrase: str


@dataclass(frozen=True)
class _Article:
    """What every sentence reader of one document shares: its text folded (offsets kept) and
    lower-cased, its main province, and its dates and document numbers (whose digits are no figures)."""

    doc: Document
    folded: str
    lowered: str
    province: str | None
    dated: SpanIndex
    named: list[Mention]  # the mentions but numbers, in order
    named_starts: list[int]


def relate_observations(doc: Document) -> None:
    province = main_province(doc)
    number_starts = [m.start for m in doc.iter_kind("number")]
    named = [m for m in doc.mentions if m.kind != "number"]
    article = _Article(doc, doc.folded, doc.lowered, province,
                       SpanIndex(m.span for m in doc.mentions if m.kind in ("period", "directive")),
                       named, [m.start for m in named])
    topic: tuple[EntityRef, int] | None = None
    head: Head | None = None
    last_subject: EntityRef | None = None  # of the last figure of the sentence before
    province_ref = _province_ref(province)
    for index, sentence in enumerate(doc.sentences):
        if bisect_left(number_starts, sentence.start) == bisect_left(number_starts, sentence.end):
            # no figure: nothing for the next sentence to continue, unless it opens a list of them
            head = _introduced_measure(doc.slice(sentence), province_ref)
            last_subject = None
            continue
        reader = _SentenceReader(article, sentence)
        fallback = topic[0] if topic and index - topic[1] <= TOPIC_REACH else province_ref
        if last_subject is not None and CONTINUATION.match(doc.folded, sentence.start, sentence.end):
            fallback = last_subject  # "Trong đó, quý I/2025 cắt giảm 312 thủ tục": the figures before broken down
        facts, head = reader.observations(fallback, head)
        last_subject = facts[-1].ref_area if facts else None
        for fact in facts:
            doc.facts.append(fact)
            if fact.ref_area.kind in ("province", "unit"):
                topic = (fact.ref_area, index)
    drop_headline_restatements(doc)


def _introduced_measure(sentence: str, subject: EntityRef | None) -> Head | None:
    """"Tỷ lệ hồ sơ nộp trực tuyến của các quận, huyện cụ thể như sau:": the measure a list of
    figures after the colon goes on with ("- Quận Ninh Kiều: 86,4%")."""
    words = sentence.rstrip()
    if not words.endswith(":") or subject is None:
        return None
    phrase = LIST_OPENING_TAIL.sub("", words[:-1])
    indicator = match_indicator(phrase)  # a coded measure only: "Chủ tịch … yêu cầu:" opens no list of figures
    return Head(indicator, measure_label(phrase), subject, phrase) if indicator else None


def _province_ref(province: str | None) -> EntityRef | None:
    return EntityRef("province", province) if province else None


class _SentenceReader:
    """Reads the figures of one sentence of an article."""

    def __init__(self, article: _Article, sentence: Sentence) -> None:
        doc, folded = article.doc, article.folded
        self.doc, self.text, self.folded, self.lowered, self.sentence = doc, doc.text, folded, article.lowered, sentence
        self.province, self.dated = article.province, article.dated
        self.mentions = doc.mentions_in(sentence)
        self.numbers = figure_numbers([m for m in self.mentions if m.kind == "number"], folded, sentence, self.dated)
        self.figures = figures_of(doc.text, folded, sentence.start, self.numbers)
        if all(figure.unit is None for figure in self.figures):
            self.figures = []
            return  # nothing measured (dates, document numbers, bare counts): nothing more to read
        # Figures never overlap, so their starts and ends are both in order: bisect, not scan, as a
        # sentence may hold hundreds of them.
        self.number_starts = [m.start for m in self.numbers]
        self.number_ends = [m.end for m in self.numbers]
        self.places = [m for m in self.mentions if m.kind in SUBJECT_KINDS]
        self.periods = [m for m in self.mentions if m.kind == "period"]
        self.clause_marks = [m.start() for m in CLAUSE_END.finditer(self.text, sentence.start, sentence.end)] \
            if self.text.find(";", sentence.start, sentence.end) >= 0 \
            or self.text.find(":", sentence.start, sentence.end) >= 0 else []  # the two marks `CLAUSE_END` finds
        # The mentions but numbers `_names_nothing` may find around a clause of the sentence.
        self.named = [m for m in article.named[bisect_left(article.named_starts, sentence.start - LONGEST_MENTION):
                                               bisect_left(article.named_starts, sentence.end)]
                      if m.end > sentence.start]
        self.words = SentenceWords(folded, sentence.start, sentence.end)
        # Where the words after a figure start and stop, by the figure's end: each is asked for
        # by the figure and again by the one after it.
        self.after_starts: dict[int, int] = {}
        self.after_stops: dict[int, int] = {}
        self.subjects = FigureSubjects(doc, folded, article.lowered, sentence, self.province, self.places,
                                       self.clause_marks)

    def observations(self, fallback: EntityRef | None,
                     previous: Head | None) -> tuple[list[ObservationFact], Head | None]:
        """The sentence's observations, and the head its figures leave to the next sentence;
        `previous` is the one the sentence before left ("Huyện B đạt 97,6%." continues it)."""
        facts: list[ObservationFact] = []
        head: Head | None = None
        last_subject: EntityRef | None = None
        text, sentence, figures = self.text, self.sentence, self.figures
        if not figures:
            return facts, head
        respective = self.subjects.respective_subjects(figures)
        periods = FigurePeriods(self.doc, sentence, figures, self.periods, self.clause_marks,
                                [m for m in self.mentions if m.kind == "directive"])
        asked = asked_span(self.doc, sentence, self.folded[sentence.start:sentence.end], self.province)
        for figure in figures:
            if figure.unit is None or (asked is not None and asked.start <= figure.start < asked.end):
                continue  # no figure, or one a request asks for ("yêu cầu … giải quyết dứt điểm 215 hồ sơ")
            clause_start, follows_figure = self._clause_start(figure.start)
            before = text[clause_start:figure.start]
            names_nothing = self._names_nothing(clause_start, figure.start)
            opens_clause = names_nothing and not follows_figure
            after = self._after(figure, opens_clause)
            phrase = " ".join((before, text[figure.start:figure.end], figure.noun, after))
            folded_phrase = fold(phrase)
            if measures_nothing(self.words, figure.start, folded_phrase, after, figure.noun, figure.unit,
                                figure.numerator is not None, figure.written_rate):
                continue
            indicator = match_indicator(phrase, figure.unit, folded_phrase)
            if follows_figure:
                continued = head
            elif self._only_names_place_or_time(clause_start, figure):  # "…; thị xã B đạt 79,5%"
                continued = previous if clause_start == sentence.start else head or previous
            else:
                continued = None
            counted = figure.unit in ("Count", "Person") and bool(figure.noun)  # "…, 8 hệ thống khác": its own measure
            bare = indicator is None and names_nothing and not counted and continued is not None \
                and continues(continued.indicator, phrase, figure.unit)
            if bare and continued is not None:
                indicator = derived_indicator(continued.indicator, phrase, figure.unit, continued.phrase)
                label = derived_label(continued.label, phrase, figure.unit, continued.indicator)
            else:
                label = self._label(before, figure, after, opens_clause)
                if indicator is not None and not measures_change(indicator):
                    change = change_before(before)
                    if change:
                        indicator, label = None, f"mức {change} {label}"
            if indicator is None and (_vacuous(label) or self._names_only_a_subject(label)):
                base = continued or head
                if base is None or not continues(base.indicator, phrase, figure.unit):
                    continue
                indicator = derived_indicator(base.indicator, phrase, figure.unit, base.phrase)
                label = derived_label(base.label, phrase, figure.unit, base.indicator)
            subject = respective.get(figure.start) or self.subjects.paren_subject(figure)
            if subject is None:
                subject = self.subjects.subject(figure, clause_start if bare else sentence.start)
                if subject is None:  # "226/398 thủ tục hành chính của Bộ …"
                    subject = self.subjects.owner_after(figure, self._after_stop(figure.end))
                if subject is None and bare and continued is not None:  # the figure just before's, else the head's
                    subject = last_subject if follows_figure and last_subject is not None else continued.subject
            if subject is False:
                continue
            subject = subject or fallback
            if subject is None:
                continue
            if not bare:
                head = Head(indicator, label, subject, phrase)
            elif head is None:  # "…; huyện B chỉ đạt 18,6%, huyện C 21,3%": C goes on with what B did
                head = continued
            last_subject = subject
            for period in periods.of(figure):
                facts.append(ObservationFact(indicator, label, subject, figure.value, figure.unit, sentence,
                                             period, figure.numerator, figure.denominator))
        return facts, head

    # Figures -------------------------------------------------------------------------------

    def _clause_start(self, position: int) -> tuple[int, bool]:
        """Back to the end of the previous figure's own words (its noun, up to a comma) or to a
        clause boundary; and whether the words start right after a figure."""
        start, follows_figure = self.sentence.start, False
        last = bisect_right(self.number_ends, position) - 1
        if last >= 0:  # the last figure before: its words end after every earlier figure's
            end = self.number_ends[last]
            stop = self._after_stop(end)
            own_words_end = stop if stop < position else min(self._after_start(end), position)
            start, follows_figure = max(start, own_words_end), True
        mark = bisect_left(self.clause_marks, position) - 1  # the last clause boundary before
        if mark >= 0 and self.clause_marks[mark] >= start:
            return self.clause_marks[mark] + 1, False
        return start, follows_figure

    def _after(self, figure: Figure, whole_clause: bool) -> str:
        """The words after the figure: its noun up to a comma, or the rest of the clause for a
        figure that opens it ("100% hồ sơ …, doanh nghiệp được số hóa; …")."""
        start, stop = self._after_start(figure.end), self._after_stop(figure.end)
        if whole_clause:
            mark = bisect_left(self.clause_marks, start)  # the clause's end
            clause_end = self.clause_marks[mark] if mark < len(self.clause_marks) else self.sentence.end
            stop = min(self._next_number_start(figure.end), clause_end)
        return " ".join(self.text[start:stop].split()[:MAX_AFTER_WORDS])

    def _after_start(self, end: int) -> int:
        """Past the unit words and closing bracket of a figure ("100%)", "173 tỷ đồng")."""
        start = self.after_starts.get(end)
        if start is None:
            start = self.after_starts[end] = UNIT_WORDS.match(self.text, end, self.sentence.end).end()
        return start

    def _next_number_start(self, position: int) -> int:
        """Where the first figure at or after `position` starts, else the sentence's end."""
        index = bisect_left(self.number_starts, position)
        return self.number_starts[index] if index < len(self.number_starts) else self.sentence.end

    def _after_stop(self, end: int) -> int:
        """Where the words after a figure stop: a comma, clause mark or bracket, or the next figure."""
        stop = self.after_stops.get(end)
        if stop is None:
            stop = self._next_number_start(end)
            cut = AFTER_END.search(self.text, self._after_start(end), stop)
            stop = self.after_stops[end] = cut.start() if cut else stop
        return stop

    def _only_names_place_or_time(self, start: int, figure: Figure) -> bool:
        """A sentence or a clause after ";" or ":" whose figure follows a place or a time named in
        the sentence: "Huyện B đạt 97,6%.", "Năm 2022 là 95%.", "…; thị xã B đạt 79,5%", "- Quận
        Ninh Kiều: 86,4%" (the place may stand before the colon; a measure's words before the figure
        are checked apart)."""
        opens = start == self.sentence.start or self.text[start - 1] in ";:"
        return opens and self._first_place_or_time_end <= figure.start

    @cached_property
    def _first_place_or_time_end(self) -> int | float:
        """Where the first place or time named in the sentence ends (asked per figure, and a
        sentence may hold thousands of them)."""
        return min((m.end for m in self.mentions if m.kind in PLACE_OR_TIME_KINDS), default=float("inf"))

    @cached_property
    def _named_starts(self) -> list[int]:
        return [m.start for m in self.named]

    @cached_property
    def _place_names(self) -> list[str]:
        """The folded words of the sentence's places and bodies, longest first."""
        return sorted({" ".join(re.findall(r"[a-z]+", fold(self.doc.text[m.start:m.end]))) for m in self.places},
                      key=len, reverse=True)

    def _names_nothing(self, start: int, end: int) -> bool:
        """The words name no measure: only connectors and mentions (those `Document.mentions_in`
        gives within LONGEST_MENTION of the words)."""
        kept, cursor = [], start
        for mention in self.named[bisect_left(self._named_starts, start - LONGEST_MENTION):
                                  bisect_left(self._named_starts, end)]:
            if mention.start < end and mention.end > start and mention.start >= start - LONGEST_MENTION \
                    and mention.end <= end + LONGEST_MENTION:
                kept.append(self.folded[cursor:max(cursor, mention.start)])
                cursor = max(cursor, mention.end)
        kept.append(self.folded[cursor:end])
        return ONLY_CONNECTORS.fullmatch(" ".join(kept)) is not None

    # Subject -------------------------------------------------------------------------------

    # Label ---------------------------------------------------------------------------------

    def _names_only_a_subject(self, label: str) -> bool:
        """The label names the sentence's places and bodies and nothing else but connectors
        ("Hậu Giang và Bạc Liêu còn thấp")."""
        folded = " ".join(re.findall(r"[a-z]+", fold(label)))
        named = False
        for name in self._place_names:
            if name and name in folded:
                folded, named = folded.replace(name, " "), True
        return named and ONLY_CONNECTORS.fullmatch(folded) is not None

    def _label(self, before: str, figure: Figure, after: str, opens_clause: bool) -> str:
        start = figure.start - len(before)
        for mention in self.subjects.places_before(figure.start, len(before)):
            if start <= mention.start and mention.end <= figure.start \
                    and PAREN_AFTER_PLACE.match(self.folded[mention.end:figure.start]):
                before = self.doc.text[start:mention.start]
        for period in self.periods:
            if start <= period.start and period.end <= figure.start:
                before = before.replace(self.doc.text[period.start:period.end], " ")
        tail_end = None if opens_clause else LABEL_TAIL_END.search(after)  # what `split` would cut at first
        tail = after[:tail_end.start()] if tail_end else after
        noun = " ".join(tail.split()[:MAX_AFTER_WORDS if opens_clause else MAX_LABEL_WORDS]) or figure.noun
        return measure_label(before, figure.inner, noun)


def _vacuous(label: str) -> bool:
    """A label that names no measure: empty, figures only, or a bare "tỷ lệ" / "số lượng"."""
    words = re.findall(r"[a-z]+", fold(label))
    return " ".join(words) in VACUOUS_LABELS or not words
