"""Work reported unfinished after its deadline: "… phải hoàn thành trước ngày 15/7/2025, nhưng đến
nay UBND tỉnh A và UBND tỉnh B vẫn chưa hoàn thành", "Bộ X, Bộ Y đều đã chậm gần hai năm", "việc Bộ
Y tế cập nhật dữ liệu … theo yêu cầu tại Công văn … đến nay vẫn chưa hoàn thành, dù thời hạn là ngày
31/3/2025"; or, right after a request with a deadline, "Tuy nhiên, đến nay tỉnh C vẫn chưa hoàn thành".

The bodies or places standing right before the words saying so (a list of them, or the one after
"việc") are overdue. The deadline is the one the sentence gives, else the request's before; who set
the work is whom "theo yêu cầu của" names, else the issuer of the document the sentence names, else
whoever made the request before. Without a deadline nothing says the work is late: no task.
"""

from __future__ import annotations

import re

from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.relate.refs import outermost, ref_of
from kg.relate.task_parts import deadline_in, directives_in, issuers_in, label_of

# What says the work is not done, folded, with the adverbs that may open it.
NOT_DONE = re.compile(r"(?<![\w])(?:(?:van|deu|con|da)\s+)*(chua hoan thanh|chua xong|chua thuc hien xong|cham"
                      r"|qua han)(?![\w])")
LISTED = re.compile(r"\s*(?:,|va)\s*")
# "việc Bộ Y tế cập nhật …": the body doing the work the sentence goes on to call unfinished
DOING = re.compile(r"(?<![\w])viec\s+$")
# "theo yêu cầu của Bộ Nội vụ": whom the work was set by
SET_BY = re.compile(r"(?<![\w])theo yeu cau cua\s+")
DOER_KINDS = ("province", "admin_unit", "agency")
WORK_END = re.compile(r"[,;.]")


def unfinished_in(doc: Document, sentence: Sentence, folded: str, previous: TaskFact | None) -> TaskFact | None:
    """The work the sentence (`folded`: folded) reports unfinished after its deadline; `previous`
    is the request of the sentence before, if any."""
    if "chua" not in folded and "cham" not in folded and "qua han" not in folded:
        return None  # no word of `NOT_DONE` (three say "chưa"): most sentences, told by three scans
    if (previous is None or previous.deadline is None) and not doc.mentions_in(sentence, "period"):
        return None  # no deadline anywhere: nothing says the work is late
    for said in NOT_DONE.finditer(folded):
        if said.group(1) == "cham" and doc.text[sentence.start + said.start(1) + 2] not in "ậẬaA":
            continue  # "chấm dứt", "chăm lo" fold to the letters of "chậm"
        at = sentence.start + said.start()
        named = list(outermost([m for m in doc.mentions_in(Span(sentence.start, at)) if m.kind in DOER_KINDS]))
        doers = _listed_before(doc, named, at) or _doing(doc, named, sentence)
        if not doers:
            continue
        deadline = deadline_in(doc, sentence) or (previous.deadline if previous is not None else None)
        if deadline is None:
            return None
        end = sentence.start + said.end()
        work = label_of(doc, Span(end, _clause_end(doc, end, sentence.end)))
        setters = _set_by(doc, sentence) or (list(previous.assigned_by) if previous is not None else [])
        based_on = directives_in(doc, sentence) or (previous.based_on if previous is not None else ())
        label = work if len(work.split()) > 1 else previous.label if previous is not None else label_of(doc, sentence)
        return TaskFact(label=label, sentence=sentence, assigned_to=tuple(ref_of(m) for m in doers),
                        assigned_by=tuple(setters), status="Overdue", deadline=deadline, based_on=based_on)
    return None


def _listed_before(doc: Document, named: list[Mention], at: int) -> list[Mention]:
    """The run of bodies or places listed right before `at` ("Bộ A, Bộ B và Bộ C đều đã chậm")."""
    run: list[Mention] = []
    cursor = at
    for mention in reversed(named):
        gap = doc.folded[mention.end:cursor]
        if not (LISTED.fullmatch(gap) if run else gap.isspace()):
            break
        run.insert(0, mention)
        cursor = mention.start
    return run


def _doing(doc: Document, named: list[Mention], sentence: Sentence) -> list[Mention]:
    """The body right after "việc" ("việc Bộ Y tế cập nhật …")."""
    return [m for m in named if DOING.search(doc.folded, sentence.start, m.start)][-1:]


def _set_by(doc: Document, sentence: Sentence) -> list[EntityRef]:
    """Whom "theo yêu cầu của" names, else the issuer of the document the sentence names."""
    setter = SET_BY.search(doc.folded, sentence.start, sentence.end)
    if setter is not None:
        named = [m for m in doc.mentions_in(Span(setter.end(), sentence.end)) if m.kind == "agency"]
        if named and named[0].start == setter.end():
            return [ref_of(named[0])]
    return issuers_in(doc, sentence)[:1]


def _clause_end(doc: Document, start: int, end: int) -> int:
    found = WORK_END.search(doc.text, start, end)
    return found.start() if found else end
