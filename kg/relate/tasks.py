"""Tasks: every commitment a sentence states, by the patterns of official reporting (see
`kg.relate.breakdowns`, `kg.relate.requests`, `kg.relate.targets`).

A sentence that reports a breakdown of assigned tasks is read as that alone; any other sentence
may state a request (or go on with the one before), an assignment reported against its deadline,
a pilot, joint work and targets. A target restated later in the article ("mục tiêu tăng trưởng
hai con số") is the same target: the first statement is kept, completed with a deadline a later
one gives.
"""

from __future__ import annotations

from dataclasses import replace

from kg.document import Document
from kg.facts import TaskFact
from kg.recognize.places import main_province
from kg.relate.breakdowns import breakdown_at
from kg.relate.requests import joint_work_in, pilot_in, reported_assignment_in, request_in
from kg.relate.targets import targets_in


def relate_tasks(doc: Document) -> None:
    province = main_province(doc)
    previous_request: TaskFact | None = None
    previous_status: str | None = None
    targets: list[TaskFact] = []
    for index, sentence in enumerate(doc.sentences):
        breakdown = breakdown_at(doc, index, province)
        if breakdown:
            doc.facts.extend(breakdown)
            previous_request = None
            continue
        joint, previous_status = joint_work_in(doc, sentence, province, previous_status)
        request = request_in(doc, sentence, province, previous_request)
        reported = reported_assignment_in(doc, sentence, province)
        pilot = pilot_in(doc, sentence)
        doc.facts.extend(joint)
        doc.facts.extend(fact for fact in (request, reported, pilot) if fact is not None)
        _add_targets(targets, targets_in(doc, sentence, province))
        previous_request = request
    doc.facts.extend(targets)


def _add_targets(kept: list[TaskFact], found: list[TaskFact]) -> None:
    for target in found:
        key = (target.assigned_to, target.target_value, target.target_unit)
        same = next((i for i, k in enumerate(kept) if k.sentence != target.sentence
                     and (k.assigned_to, k.target_value, k.target_unit) == key), None)
        if same is None:
            kept.append(target)
        elif kept[same].deadline is None and target.deadline is not None:
            kept[same] = replace(kept[same], deadline=target.deadline)
