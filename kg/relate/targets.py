"""Targets: a figure set as a goal ("cắt giảm ít nhất 20% …", "mục tiêu … đạt 30% …",
"tăng trưởng hai con số") is a Task with `rk:targetValue`, set by the body that speaks or by the
issuer of the document the sentence cites."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.gazetteer.provinces import PROVINCE, province as province_of
from kg.guarded import WordSearch, search_at_end, word_start
from kg.iri import fold
from kg.relate.task_parts import (
    BARE_PROVINCE,
    announced_document,
    assignees_at,
    clause_span,
    deadline_in,
    directives_in,
    issuers_in,
    label_of,
    refs_in,
)

TARGET_WORDS = ("muc tieu", "chi tieu", "phan dau", "it nhat", "toi thieu", "khong duoi")
TARGET_CUE = WordSearch(*TARGET_WORDS)
LEAD_WORDS = ("muc tieu", "chi tieu", "phan dau")
TARGET_LEAD = re.compile(rf"({word_start(*LEAD_WORDS)})( [^,;]{{0,40}}? la)?(?![\w])")
TARGET_END = re.compile(r"\s(la|de|nham|theo|thi)\s")
JOINER = re.compile(r"\s*(,|;| va )\s*")
SELF_CUE_WORDS = ("phan dau", "dat muc tieu", "de ra muc tieu", "dat chi tieu", "phai")
SELF_CUE = re.compile(rf"({word_start(*SELF_CUE_WORDS)})(?![\w])")
BARE_PLACE = re.compile(r"\s*(tinh|toan tinh|thanh pho|toan thanh pho|huyen|thi xa)(?![\w])")
BARE_PLACE_BEFORE = re.compile(r"(?<![\w])(tinh|toan tinh|thanh pho|toan thanh pho)\s*$")
BARE_PLACE_REACH = 14  # its longest words (see `search_at_end`)
# A goal stated once covers the figures after it in the sentence ("mục tiêu đến 2026, A đạt 80%;
# 100% B …"), unless the sentence turns to what is done or stands now.
# ("hiện" alone is no such word: "thực hiện", "hiện đại hóa" are goals.)
ACHIEVED = re.compile(rf"({word_start('đã', 'hiện nay', 'hiện tại', 'hiện đang', 'trong khi')})(?!\w)")
RANK_GROUP = re.compile(r"(?<![\w])(nhom|top)\s*$")  # "vào nhóm 10 địa phương dẫn đầu": a rank
RANK_GROUP_REACH = 4  # its longest word (see `search_at_end`)
OWNER_WORDS = ("cua", "tren dia ban")
OWNER_BEFORE = re.compile(rf"({word_start(*OWNER_WORDS)})\s+")
OWNER = re.compile(r"[^.;,]{0,30}?(?<![\w])(của|cho|trên địa bàn)\s+")
# "Tăng trưởng hai con số": growth in two digits, that is at least ten per cent.
DOUBLE_DIGIT = re.compile(r"tang truong[^.;,]{0,20}?$")
CUE_WORDS = frozenset((*LEAD_WORDS, *SELF_CUE_WORDS, *OWNER_WORDS))  # what `_any_before` asks about


def targets_in(doc: Document, sentence: Sentence, folded: str, figures: list[Mention],
               province: str | None) -> list[TaskFact]:
    """The targets a sentence (`folded`: folded; `figures`: its numbers) sets."""
    if not figures or not TARGET_CUE.search(folded):  # every target is a figure
        return []
    cue_ends = _first_ends(doc, sentence)
    set_as_targets = [(m, target) for m in figures if (target := _target_of(doc, sentence, m, cue_ends)) is not None]
    numbers = [m for m, _ in set_as_targets]
    assigners = issuers_in(doc, sentence)[:1] or refs_in(doc, sentence, ("official", "agency"))[:1]
    facts = []
    named: list[EntityRef] = []  # whose figures the goal names: a later figure of the list is theirs too
    shared: tuple[str | None, tuple[EntityRef, ...]] | None = None  # deadline and documents: the sentence's, read once
    for index, (number, (value, unit)) in enumerate(set_as_targets):
        owner = OWNER.match(doc.text, number.end, sentence.end)
        assignees = assignees_at(doc, Span(owner.end(), sentence.end), province)[0] if owner else []
        if owner and not assignees and owner.group(1) == "trên địa bàn" and province:
            assignees = [EntityRef("province", province)]
        assignees = assignees or _owner_before(doc, sentence, number, province, cue_ends)
        named = assignees or named
        assignees = named or _setter(doc, sentence, number, province, cue_ends) or _own_body(doc, assigners)
        if not assignees:
            continue
        if shared is None:
            shared = (deadline_in(doc, sentence, cued=False),
                      directives_in(doc, sentence) or announced_document(doc, sentence.start, assigners))
        facts.append(TaskFact(label=label_of(doc, _span(doc, sentence, numbers, index)), sentence=sentence,
                              assigned_to=tuple(assignees), assigned_by=tuple(assigners), status="Planned",
                              deadline=shared[0], based_on=shared[1], target_value=value, target_unit=unit))
    return facts


def _owner_before(doc: Document, sentence: Sentence, number: Mention, province: str | None,
                  cue_ends: dict[str, int]) -> list[EntityRef]:
    """Whose figure the target is, named before it in its clause: "tỷ lệ hồ sơ … của tỉnh đạt
    tối thiểu 70%" (the article's province, else the province the sentence named before it)."""
    if not _any_before(cue_ends, OWNER_WORDS, number):
        return []  # the clause lies in the sentence before the figure: no word, no owner
    clause = clause_span(doc, sentence, number, stop=";,")
    owners = list(OWNER_BEFORE.finditer(doc.folded[clause.start:number.start]))
    if not owners:
        return []
    rest = Span(clause.start + owners[-1].end(), number.start)
    if BARE_PROVINCE.match(doc.folded, rest.start, rest.end):  # "UBND tỉnh A đặt mục tiêu …, PCI của tỉnh …": A
        named = [m.key for m in doc.mentions_in(Span(sentence.start, rest.start), "province")
                 if province_of(m.key).kind == PROVINCE]  # a "tỉnh", not a city
        if named and province not in named:
            return [EntityRef("province", named[-1])]
    return assignees_at(doc, rest, province)[0]


def _setter(doc: Document, sentence: Sentence, number: Mention, province: str | None,
            cue_ends: dict[str, int]) -> list[EntityRef]:
    """Who sets itself the target: the place or body before "phấn đấu / mục tiêu", or a bare
    "Tỉnh", "Thành phố", "Toàn tỉnh" opening the sentence (the article's province)."""
    if not _any_before(cue_ends, SELF_CUE_WORDS, number):
        return []
    folded = doc.folded[sentence.start:number.start]
    cues = list(SELF_CUE.finditer(folded))
    if not cues:
        return []
    cue = cues[-1]
    bare = search_at_end(BARE_PLACE_BEFORE, folded, BARE_PLACE_REACH, cue.start())
    if bare and province and not doc.covered(Span(sentence.start + bare.start(), sentence.start + bare.end()),
                                             ("province", "admin_unit", "agency")):
        return [EntityRef("province", province)]  # "…, tỉnh phải …"
    subject = refs_in(doc, Span(sentence.start, sentence.start + cue.start()), ("province", "admin_unit", "agency"))
    if subject:
        return subject[-1:]
    return [EntityRef("province", province)] if province and BARE_PLACE.match(folded) else []


def _own_body(doc: Document, assigners: list[EntityRef]) -> list[EntityRef]:
    """A target no one else is named for is the setter's own: its body when it is an official."""
    bodies = [a for a in assigners if a.kind == "agency"]
    for assigner in assigners:
        if assigner.kind == "official":
            held = [m.attrs.get("organization") for m in doc.iter_kind("official") if m.key == assigner.slug]
            bodies.extend(EntityRef("agency", body) for body in held[:1] if body)
    return bodies


def _target_of(doc: Document, sentence: Sentence, number: Mention,
               cue_ends: dict[str, int]) -> tuple[Decimal, str] | None:
    """The target a figure sets (value, unit), or None when it is not a target."""
    if number.attrs.get("role") == "level":
        return None
    before = fold(doc.text[max(sentence.start, number.start - 40):number.start])
    noun = fold(number.attrs.get("noun") or "")
    if noun == "con so":
        return (Decimal(10), "Percent") if number.attrs["value"] == 2 and DOUBLE_DIGIT.search(before) else None
    # `before` is short: the pattern searched at once is faster than its words found first
    cued = (number.attrs.get("qualifier") == "at_least" or TARGET_CUE.pattern.search(before)
            or _goal_before(doc, sentence, number, cue_ends))
    if not cued:
        return None
    unit = "Rank" if search_at_end(RANK_GROUP, before, RANK_GROUP_REACH) else number.attrs.get("unit")
    return (number.attrs["value"], unit) if unit is not None else None


def _goal_before(doc: Document, sentence: Sentence, number: Mention, cue_ends: dict[str, int]) -> bool:
    """A goal stated earlier in the sentence, not followed by what is done or stands now."""
    if not _any_before(cue_ends, LEAD_WORDS, number):
        return False
    leads = list(TARGET_LEAD.finditer(doc.folded, sentence.start, number.start))
    return bool(leads) and ACHIEVED.search(doc.text[leads[-1].end():number.start].lower()) is None


def _first_ends(doc: Document, sentence: Sentence) -> dict[str, int]:
    """Where each of CUE_WORDS first ends in the folded sentence, for those it holds: looked for
    once per sentence rather than before each figure."""
    folded = doc.folded
    ends = {}
    for word in CUE_WORDS:
        at = folded.find(word, sentence.start, sentence.end)
        if at >= 0:
            ends[word] = at + len(word)
    return ends


def _any_before(cue_ends: dict[str, int], words: tuple[str, ...], number: Mention) -> bool:
    """Whether one of the words is in the folded sentence before the figure (`cue_ends`: see
    `_first_ends`; a word is there when its first occurrence ends by then): a cheap test that
    patterns made of them, searched there, cannot match."""
    for word in words:
        end = cue_ends.get(word)
        if end is not None and end <= number.start:
            return True
    return False


def _span(doc: Document, sentence: Sentence, numbers: list[Mention], index: int) -> Span:
    """The commitment around one target figure: after the cue ("mục tiêu … là") or the previous
    figure's "và", up to the next figure's "và" or the end of the clause."""
    number = numbers[index]
    clause = clause_span(doc, sentence, number, stop=";")
    folded = doc.folded[sentence.start:sentence.end]
    offset = sentence.start
    start = clause.start
    for cue in TARGET_LEAD.finditer(folded, clause.start - offset, number.start - offset):
        start = offset + cue.end()
    if index and numbers[index - 1].end > start:
        joint = JOINER.search(folded, numbers[index - 1].end - offset, number.start - offset)
        start = offset + joint.end() if joint else numbers[index - 1].end
    end = clause.end
    stop = TARGET_END.search(folded, number.end - offset, end - offset)
    if stop:
        end = offset + stop.start()
    if index + 1 < len(numbers) and numbers[index + 1].start < end:
        joints = list(JOINER.finditer(folded, number.end - offset, numbers[index + 1].start - offset))
        end = offset + joints[-1].start() if joints else numbers[index + 1].start
    return Span(start, end)
