"""Tasks: every commitment a sentence states, by the patterns of official reporting (see
`kg.relate.breakdowns`, `kg.relate.requests`, `kg.relate.obligations`, `kg.relate.reported_work`,
`kg.relate.unfinished`, `kg.relate.targets`).

A sentence that reports a breakdown of assigned tasks (with the sentences that go on with it) is
read as that alone; any other sentence may state a request (or go on with the one before, or ask
again after a ";"), an obligation ("X phải …", when it makes no request), an assignment reported
against its deadline or unfinished after it, counts of work with a status (but those a request
asks to finish, after its verb), a pilot, joint work (unless it is the work a request asks for)
and targets. Joint work that names no document rests on the one its passage names (see
`_basis`). A target restated later in the article ("mục tiêu tăng trưởng hai con số") is the same
target: the first statement is kept, completed with a deadline a later one gives.
"""

from __future__ import annotations

from dataclasses import replace

from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.guarded import AnyWord
from kg.recognize.places import main_province
from kg.relate.breakdowns import breakdown_at, counts_of_work, status_counts_in
from kg.relate.obligations import obligation_in
from kg.relate.request_lists import RequestList, item_in, list_opened_by
from kg.relate.reported_work import (
    PARTNERSHIP_WORD,
    PILOT_WORD,
    joint_work_in,
    pilot_in,
    reported_assignment_in,
    work_status,
)
from kg.relate.requests import ASKED_CLAUSE_END, REQUEST_WORDS, asked_span, further_requests, request_in
from kg.relate.targets import TARGET_WORDS, targets_in
from kg.relate.task_parts import CONTINUATION, directives_in, under_way_from
from kg.relate.unfinished import unfinished_in

# The guard words of the readers: a breakdown and a reported assignment need "giao", which requests
# guard on too; targets need a figure as well; status counts need no word, only a figure. Where
# none of them is, an obligation and unfinished work, rarer, are looked for themselves.
WORK_WORDS = AnyWord(*REQUEST_WORDS, PILOT_WORD, PARTNERSHIP_WORD)
TARGET_CUES = AnyWord(*TARGET_WORDS)


def relate_tasks(doc: Document) -> None:
    province = main_province(doc)
    previous_request: TaskFact | None = None
    previous_status: str | None = None
    targets: list[TaskFact] = []
    consumed: set[Sentence] = set()
    request_list: RequestList | None = None
    text_folded = doc.folded
    figures = doc.mentions_by_sentence("number")
    for index, sentence in enumerate(doc.sentences):
        folded = text_folded[sentence.start:sentence.end]  # each reader searches it: sliced once
        if consumed and sentence in consumed:
            continue
        numbers = figures[index]
        counts = counts_of_work(numbers) if numbers else numbers
        if previous_request is not None and under_way_from(doc.text, text_folded, sentence.start, sentence.end):
            _report_under_way(doc, previous_request)
        list_item = None
        if request_list is not None and doc.starts_paragraph(index):
            item = item_in(doc, index, folded, province, request_list)
            list_item, request_list = item if item is not None else (None, None)
        # Where none of the common readers' words is, only an obligation or unfinished work (rarer,
        # looked for themselves) can be found: most sentences end here.
        quiet = (list_item is None and previous_request is None and not WORK_WORDS.found_in(folded)
                 and not (numbers and TARGET_CUES.found_in(folded)))
        obligation = obligation_in(doc, sentence, folded) if quiet else None
        unfinished = unfinished_in(doc, sentence, folded, None) if quiet and obligation is None else None
        if quiet and obligation is None and unfinished is None:
            # no joint work without "phối hợp": its status goes on
            previous_status = work_status(doc, sentence, folded, previous_status)
            if counts:
                doc.facts.extend(status_counts_in(doc, sentence, counts, province))
            continue
        breakdown = breakdown_at(doc, index, folded, numbers, province)
        if breakdown:
            doc.facts.extend(breakdown)
            consumed.update(fact.sentence for fact in breakdown)
            previous_request = None
            continue
        joint, previous_status = joint_work_in(doc, sentence, folded, province, previous_status)
        if joint and any(not fact.based_on for fact in joint):
            basis = _basis(doc, index)
            joint = [fact if fact.based_on else replace(fact, based_on=basis) for fact in joint]
        request = list_item or request_in(doc, sentence, folded, province, previous_request) \
            or (obligation if quiet else obligation_in(doc, sentence, folded))
        request_list = list_opened_by(doc, sentence, folded) or request_list
        reported = reported_assignment_in(doc, sentence, folded, province)
        if reported is None and request is None:
            reported = unfinished if quiet else unfinished_in(doc, sentence, folded, previous_request)
        if counts:  # what a request asks, whoever asks it, is no report
            counts = _not_asked(doc, sentence, folded, counts, province, request is not None)
        if counts and reported is None:
            doc.facts.extend(status_counts_in(doc, sentence, counts, province))
        pilot = pilot_in(doc, sentence, folded)
        if request is None:
            doc.facts.extend(joint)
        found = targets_in(doc, sentence, folded, numbers, province)
        if request is not None and found:  # "đề nghị tỉnh phấn đấu … vào nhóm 10": the target is what is asked
            found = [replace(target, assigned_to=request.assigned_to, assigned_by=request.assigned_by)
                     for target in found]
        for fact in (None if found else request, reported, pilot):
            if fact is not None:
                doc.facts.append(fact)
        if found:
            _add_targets(targets, found)
        if request is not None and not found and ";" in folded:
            more = further_requests(doc, sentence, folded, province, request)
            doc.facts.extend(more)
            request = more[-1] if more else request
        previous_request = request
    doc.facts.extend(targets)


def _not_asked(doc: Document, sentence: Sentence, folded: str, counts: list[Mention],
               province: str | None, asking: bool) -> list[Mention]:
    """The counts of work but those the request asks ("yêu cầu … hoàn thành dứt điểm 3 nhiệm vụ quá
    hạn", see `asked_span`; or the first clause of a sentence going on with the request before,
    `asking`: "UBND tỉnh chỉ đạo hoàn thành dứt điểm 3 nhiệm vụ quá hạn"), which are no report
    ("…; đến nay còn 2 báo cáo quá hạn" still is)."""
    asked = asked_span(doc, sentence, folded, province)
    if asked is None and asking:
        report = ASKED_CLAUSE_END.search(folded)
        asked = Span(sentence.start, sentence.start + report.start() if report is not None else sentence.end)
    if asked is None:
        return counts
    return [count for count in counts if not asked.start <= count.start < asked.end]


def _report_under_way(doc: Document, request: TaskFact) -> None:
    """The request the sentence before made, now said to be under way."""
    for index, fact in enumerate(doc.facts):
        if fact is request:
            doc.facts[index] = replace(request, status="InProgress")


def _basis(doc: Document, index: int) -> tuple[EntityRef, ...]:
    """The documents the work of sentence `index` rests on: those named last in its paragraph up
    to it (`directives_in`: the one carrying out another when both are named, "Nghị quyết 83 …
    thực hiện Nghị quyết 54"); a paragraph opening with "Trong đó" goes on with the one before.
    Looked for back from the sentence, as only joint work naming no document asks."""
    for earlier in range(index, -1, -1):
        sentence = doc.sentences[earlier]
        named = directives_in(doc, sentence)
        if named:
            return named
        if doc.starts_paragraph(earlier) and not CONTINUATION.match(doc.folded, sentence.start, sentence.end):
            return ()
    return ()


def _add_targets(kept: list[TaskFact], found: list[TaskFact]) -> None:
    for target in found:
        key = (target.assigned_to, target.target_value, target.target_unit)
        same = next((i for i, k in enumerate(kept) if k.sentence != target.sentence
                     and (k.assigned_to, k.target_value, k.target_unit) == key), None)
        if same is None:
            kept.append(target)
        elif kept[same].deadline is None and target.deadline is not None:
            kept[same] = replace(kept[same], deadline=target.deadline)
