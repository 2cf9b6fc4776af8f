"""Work a sentence reports rather than asks:

- an assignment reported against its deadline: "<assignee> chưa hoàn thành … theo thời hạn
  <body> giao là tháng 3/2020", "… quá hạn … theo tiến độ <body> giao tại Quyết định …", "Theo
  thời hạn <body> giao …, đến nay <assignee> vẫn chưa hoàn thành";
- a pilot: "<place> được lựa chọn … làm thí điểm …";
- joint work: "<place> phối hợp với <body> xây dựng Đề án …", and the bodies a piece of work is
  done with (`partners_after`), which requests name too.
"""

from __future__ import annotations

import re

from kg.document import Document, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.guarded import guarded, word_start
from kg.relate.refs import outermost, ref_of
from kg.relate.task_parts import (
    ONGOING_WORD,
    article_provinces,
    clause_end,
    deadline_in,
    directives_in,
    label_of,
    ongoing_at,
    refs_in,
    status_of,
)

SUBJECT_GAP = re.compile(r"\s*(?:cung|da|con|van|se)?\s*")  # between a body and "được", "phối hợp"
REPORTED = guarded(rf"{word_start('theo')} (?:thoi han|tien do|ke hoach|lo trinh)(?: nhiem vu)?"
                   r"(?P<by>.{0,80}?) giao(?![\w])", "theo thoi han", "theo tien do", "theo ke hoach", "theo lo trinh")
PILOT_WORD = "thi diem"
PILOT = guarded(rf"{word_start('duoc')} (?:[\w ]{{0,40}}?)(?:lua chon|chon)(?: la)?[^.;]{{0,60}}?{PILOT_WORD}",
                PILOT_WORD)
PARTNERSHIP_WORD = "phoi hop"
PARTNERSHIP = guarded(rf"{word_start(PARTNERSHIP_WORD)}( voi)?(?![\w])", PARTNERSHIP_WORD)
JOINT_WORK = re.compile(r"\s*(xay dung|trinh|hoan thien|trien khai|thuc hien|lap|de xuat|nghien cuu)(?![\w])")
STATUS_WORDS = re.compile(rf"({word_start('chua hoan thanh', 'da qua han', 'qua han', 'da hoan thanh', 'hoan thanh')})"
                          r"(?![\w])")
GOES_ON = re.compile(r"\s*(trong do|phoi hop)(?![\w])")
PARTNER_GAP = re.compile(r"[\s,]*(va|cac)?[\s,]*")
# "chủ trì, phối hợp với …": the body that leads is asked, whatever the work's verb.
LEADS = re.compile(r"(?<![\w])chu tri[\s,]*$")


def partners_after(doc: Document, span: Span) -> tuple[list[EntityRef], int]:
    """The public bodies named right after the first "phối hợp (với)" of the span, and the offset
    after them; ([], -1) when there is none."""
    link = PARTNERSHIP.search(doc.folded[span.start:span.end])
    if link is None:
        return [], -1
    return _partners_at(doc, Span(span.start + link.end(), span.end))


def reported_assignment_in(doc: Document, sentence: Sentence, folded: str, province: str | None) -> TaskFact | None:
    """Work reported against the deadline or schedule a body set: its status is what the report
    says, and work not completed by a stated deadline is overdue. `folded`: the sentence folded."""
    if "giao" not in folded:  # every match of REPORTED ends with it
        return None
    match = REPORTED.search(folded)
    if match is None:
        return None
    by = Span(sentence.start + match.start("by"), sentence.start + match.end("by"))
    assigners = refs_in(doc, by, ("agency", "official"))
    subject = Span(sentence.start, sentence.start + match.start())
    after = Span(sentence.start + match.end(), sentence.end)
    if not doc.slice(subject).strip(" ,"):  # "Theo thời hạn … giao, …, đến nay Bộ Y tế vẫn chưa hoàn thành"
        status = status_of(doc.slice(after))
        assignees = [ref for ref in refs_in(doc, after, ("province", "admin_unit", "agency")) if ref not in assigners]
    else:
        status = status_of(doc.slice(subject))
        assignees = (_body_saying(doc, subject, STATUS_WORDS.search(folded, 0, match.start()))
                     or refs_in(doc, subject, ("province", "admin_unit")) or article_provinces(doc))
    if not assigners or status is None:
        return None
    if not assignees and province:
        assignees = [EntityRef("province", province)]
    deadline = deadline_in(doc, after)
    if status == "NotCompleted" and deadline:
        status = "Overdue"
    said = STATUS_WORDS.search(folded, 0, match.start())
    work = Span(sentence.start + (said.start() if said else 0), sentence.start + match.start())
    if work.start == work.end:  # the work is told after the deadline's clause
        comma = doc.text.find(",", after.start, after.end)
        work = Span(comma + 1 if comma >= 0 else after.start, after.end)
    return TaskFact(label=label_of(doc, work), sentence=sentence, assigned_to=tuple(assignees),
                    assigned_by=tuple(assigners), status=status, deadline=deadline,
                    based_on=directives_in(doc, after)) if assignees else None


def _body_saying(doc: Document, subject: Span, said: re.Match[str] | None) -> list[EntityRef]:
    """The body right before the status words `said` in the subject ("Sở Nội vụ chưa hoàn thành …"),
    not one named earlier in it (the speaker's: "Ông A, Cục trưởng Cục X cho biết, các tỉnh …")."""
    if said is None:
        return []
    at = subject.start + said.start()
    named = list(outermost([m for m in doc.mentions_in(Span(subject.start, at)) if m.kind == "agency"]))
    return [ref_of(named[-1])] if named and SUBJECT_GAP.fullmatch(doc.folded, named[-1].end, at) else []


def pilot_in(doc: Document, sentence: Sentence, folded: str) -> TaskFact | None:
    if PILOT_WORD not in folded:  # PILOT's guard, tested without a search
        return None
    match = PILOT.pattern.search(folded)
    if match is None:
        return None
    # the place or body chosen, right before "được" ("UBND phường A được … lựa chọn làm thí điểm": the
    # body, not its place; not a source before it: "Theo Bộ Nội vụ, 5 xã được chọn …")
    named = outermost([m for m in doc.mentions_in(Span(sentence.start, sentence.start + match.start()))
                       if m.kind in ("province", "admin_unit", "agency")])
    chosen = [m for m in named if SUBJECT_GAP.fullmatch(folded, m.end - sentence.start, match.start())]
    if not chosen:
        return None
    subject = [ref_of(chosen[-1])]
    work = Span(sentence.start + match.start(), clause_end(doc, sentence, sentence.start + match.end()))
    assigners = refs_in(doc, Span(work.start, sentence.start + match.end()), ("agency",))
    return TaskFact(label=label_of(doc, work), sentence=sentence, assigned_to=tuple(subject),
                    assigned_by=tuple(assigners), status="Planned")


def joint_work_in(doc: Document, sentence: Sentence, folded: str, province: str | None,
                  previous_status: str | None) -> tuple[list[TaskFact], str | None]:
    """Work a place does with central bodies; "đang …" (or a "Trong đó, …" sentence going on
    from one) says it is under way. Returns the facts and the status a next sentence inherits.
    `folded`: the sentence folded."""
    status = work_status(doc, sentence, folded, previous_status)
    facts: list[TaskFact] = []
    if PARTNERSHIP_WORD not in folded:  # PARTNERSHIP's guard, tested without a search
        return facts, status
    for link in PARTNERSHIP.pattern.finditer(folded):
        partners, cursor = _partners_at(doc, Span(sentence.start + link.end(), sentence.end))
        work = JOINT_WORK.match(folded, cursor - sentence.start)
        if not partners or (work is None and LEADS.search(folded, max(0, link.start() - 12), link.start()) is None):
            continue
        subject = _last_named(doc, Span(sentence.start, sentence.start + link.start()))
        assigned_to = subject or ([EntityRef("province", province)] if province else [])
        if assigned_to:
            end = clause_end(doc, sentence, cursor)
            facts.append(TaskFact(label=label_of(doc, Span(cursor, end)), sentence=sentence,
                                  assigned_to=tuple(assigned_to), status=status or "Planned",
                                  partners=tuple(partners), deadline=deadline_in(doc, Span(cursor, end)),
                                  based_on=directives_in(doc, sentence)))
    return facts, status


def work_status(doc: Document, sentence: Sentence, folded: str, previous_status: str | None) -> str | None:
    """The status `joint_work_in` gives the work of a sentence (`folded`: folded), after one whose
    work had `previous_status`."""
    if ONGOING_WORD in folded and ongoing_at(doc.text, doc.folded, sentence.start, sentence.end):  # guarded
        return "InProgress"
    return previous_status if previous_status is not None and GOES_ON.match(folded) is not None else None


def _last_named(doc: Document, span: Span) -> list[EntityRef]:
    """The place or body named last in the span, or the bodies sharing its head ("UBND các tỉnh
    Lào Cai và Yên Bái": both People's Committees)."""
    named = list(outermost([m for m in doc.mentions_in(span) if m.kind in ("province", "agency")]))
    if not named:
        return []
    return list(dict.fromkeys(ref_of(m) for m in named if m.start == named[-1].start))


def _partners_at(doc: Document, rest: Span) -> tuple[list[EntityRef], int]:
    partners: list[EntityRef] = []
    cursor = rest.start
    for mention in outermost(doc.mentions_in(rest)):
        gap = doc.folded[cursor:mention.start]
        if mention.kind != "agency" or not PARTNER_GAP.fullmatch(gap):
            break
        if ref_of(mention).kind == "agency":
            partners.append(ref_of(mention))
        cursor = mention.end
    return partners, cursor
