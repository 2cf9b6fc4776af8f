"""Tasks: reported breakdowns of assigned work, requests and assignments, joint work, targets.

Four patterns of official reporting are read, each from one sentence (plus the "Trong đó, …"
sentences that continue it):

- a breakdown: "X được A, B giao N nhiệm vụ; … hoàn thành đúng hạn là n1, … quá hạn là n2 (…)"
  gives the total as one Task and each status line as a Task `rk:breakdownOf` its parent;
- a request: "<official or body> giao / đề nghị / yêu cầu / chỉ đạo <assignee> <work>";
- joint work: "<province> phối hợp với <body> xây dựng Đề án …";
- a target: a figure with "ít nhất" or under "mục tiêu / chỉ tiêu / phấn đấu".
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.iri import fold, fold_aligned
from kg.recognize.places import main_province
from kg.relate.refs import ENTITY_KINDS, outermost, ref_of

REQUEST_VERB = re.compile(r"(?<![\w])(giao cho|giao|de nghi|yeu cau|chi dao)(?![\w])")
NOT_A_REQUEST = re.compile(r"(duoc|da duoc|theo|cua|tinh than|su|cac|dap ung|nhu|ve viec|ket qua)\s*$")
PARTNERSHIP = re.compile(r"(?<![\w])phoi hop( voi)?(?![\w])")
JOINT_WORK = re.compile(r"\s*(xay dung|trinh|hoan thien|trien khai|thuc hien|lap|de xuat|nghien cuu)(?![\w])")
TARGET_CUE = re.compile(r"(?<![\w])(muc tieu|chi tieu|phan dau|it nhat|toi thieu|khong duoi)(?![\w])")
GENERIC_PLACES = re.compile(r"^\s*,?\s*(cac|nhung)\s+(dia phuong|tinh|tinh, thanh pho|bo, nganh, dia phuong"
                            r"|bo, co quan, dia phuong|bo, nganh|dia phuong)(?![\w])")
BARE_PROVINCE = re.compile(r"^\s*,?\s*(tinh|toan tinh|ubnd tinh)(?![\w])")
TARGET_LEAD = re.compile(r"(?<![\w])(muc tieu|chi tieu|phan dau)( [^,;]{0,40}? la)?(?![\w])")
JOINER = re.compile(r"\s*(,|;| va )\s*")
CONTINUATION = re.compile(r"^\s*(trong do|trong so do|cu the|phoi hop)(?![\w])")
CLAUSE_BREAK = re.compile(r"[;,()]")
TASK_NOUN = "nhiem vu"


def relate_tasks(doc: Document) -> None:
    province = main_province(doc)
    previous_status: str | None = None
    for index, sentence in enumerate(doc.sentences):
        folded = fold_aligned(doc.slice(sentence))
        breakdown = _breakdown(doc, sentence, folded, province)
        if breakdown:
            doc.facts.extend(breakdown)
            doc.facts.extend(_continued_breakdown(doc, index, breakdown[0]))
            continue
        joint, previous_status = _joint_work(doc, sentence, folded, province, previous_status)
        doc.facts.extend(joint)
        doc.facts.extend(_requests(doc, sentence, folded, province))
        doc.facts.extend(_targets(doc, sentence, folded, province))


# Status of a clause about tasks, from the words of Vietnamese progress reports.
def status_of(clause: str) -> str | None:
    folded = fold(clause)
    done = "hoan thanh" in folded and "chua hoan thanh" not in folded
    late = any(w in folded for w in ("qua han", "tre han", "cham tien do", "tre tien do"))
    on_time = any(w in folded for w in ("dung han", "dung tien do", "truoc han"))
    if done and late:
        return "CompletedLate"
    if done and on_time:
        return "CompletedOnTime"
    if late:
        return "Overdue"
    if any(w in folded for w in ("trong han", "dang thuc hien", "dang trien khai", "chua den han")):
        return "InProgress"
    if "chua hoan thanh" in folded or "chua thuc hien" in folded:
        return "NotCompleted"
    if done:
        return "Completed"
    return None


def _breakdown(doc: Document, sentence: Sentence, folded: str, province: str | None) -> list[TaskFact]:
    counts = [m for m in _numbers(doc, sentence) if m.attrs.get("numerator") is None]
    total = next((m for m in counts if _is_assigned_total(doc, sentence, m)), None)
    if total is None:
        return []
    verb = sentence.start + folded.rfind("giao", 0, total.start - sentence.start)
    passive = sentence.start + max(folded.rfind("duoc", 0, verb - sentence.start),
                                   folded.rfind(" do ", 0, verb - sentence.start))
    if passive >= sentence.start:
        assigned_by = _refs(doc, Span(passive, verb), ("agency", "official"))
        assigned_to = _refs(doc, Span(sentence.start, passive), ("province", "admin_unit", "agency"))[-1:]
    else:
        assigned_by = _refs(doc, Span(sentence.start, verb), ("agency", "official"))[-1:]
        assigned_to = []
    if not assigned_to and province:
        assigned_to = [EntityRef("province", province)]
    if not assigned_to:
        return []
    head = TaskFact(label=_clause(doc, sentence, total), sentence=sentence, assigned_to=tuple(assigned_to),
                    assigned_by=tuple(assigned_by), count=int(total.attrs["value"]),
                    status_date=_status_date(doc, Span(sentence.start, total.start)),
                    based_on=_directives(doc, sentence))
    return [head, *_status_lines(doc, sentence, [m for m in counts if m.start > total.end], head)]


def _is_assigned_total(doc: Document, sentence: Sentence, number: Mention) -> bool:
    clause = fold(_clause(doc, sentence, number))
    before = fold(doc.text[sentence.start:number.start])
    return TASK_NOUN in clause and "giao" in before and number.attrs.get("unit") in ("Count", None)


def _status_lines(doc: Document, sentence: Sentence, numbers: list[Mention], head: TaskFact) -> list[TaskFact]:
    """Each count after the total with a status of its own; a count inside brackets that follow
    another count breaks that count down further."""
    lines: list[TaskFact] = []
    parent_at_depth = {0: head}
    for number in numbers:
        clause = _clause(doc, sentence, number)
        status = status_of(clause)
        if status is None or number.attrs.get("role") == "level":
            continue
        opened = doc.text.count("(", sentence.start, number.start) - doc.text.count(")", sentence.start, number.start)
        depth = max(opened, 0)
        parent = parent_at_depth[max(k for k in parent_at_depth if k <= depth)]
        line = replace(head, label=clause, status=status, count=int(number.attrs["value"]),
                       total=parent, sentence=sentence)
        lines.append(line)
        parent_at_depth = {k: v for k, v in parent_at_depth.items() if k <= depth}
        parent_at_depth[depth + 1] = line
    return lines


def _continued_breakdown(doc: Document, index: int, head: TaskFact) -> list[TaskFact]:
    lines: list[TaskFact] = []
    for sentence in doc.sentences[index + 1:]:
        if not CONTINUATION.match(fold(doc.slice(sentence))):
            break
        numbers = [m for m in _numbers(doc, sentence) if m.attrs.get("numerator") is None]
        lines.extend(_status_lines(doc, sentence, numbers, head))
    return lines


def _requests(doc: Document, sentence: Sentence, folded: str, province: str | None) -> list[TaskFact]:
    facts = []
    for verb in REQUEST_VERB.finditer(folded):
        begin = sentence.start + verb.start()
        if NOT_A_REQUEST.search(folded[:verb.start()]) or doc.covered(Span(begin, begin + 1), ENTITY_KINDS):
            continue
        assigners = _refs(doc, Span(sentence.start, begin), ("official", "agency"))[-1:]
        after = sentence.start + verb.end()
        assignees, work_start = _assignees(doc, Span(after, sentence.end), province)
        if not assigners or not assignees:
            continue
        work = Span(work_start, sentence.end)
        facts.append(TaskFact(label=_label(doc, work), sentence=sentence, assigned_to=tuple(assignees),
                              assigned_by=tuple(assigners), status="Planned",
                              deadline=_deadline(doc, work), based_on=_directives(doc, sentence),
                              partners=tuple(_partners(doc, work))))
        break
    return facts


def _assignees(doc: Document, rest: Span, province: str | None) -> tuple[list[EntityRef], int]:
    """Who a request is addressed to: the places or bodies right after the verb, or a group
    ("các địa phương") standing for the provinces the article is about."""
    tail = fold(doc.text[rest.start:rest.end])
    generic = GENERIC_PLACES.match(tail)
    if generic:
        provinces = sorted({m.key for m in doc.iter_kind("province")})
        refs = [EntityRef("province", p) for p in provinces] if len(provinces) >= 2 else []
        return refs, rest.start + generic.end()
    refs: list[EntityRef] = []
    cursor = rest.start
    for mention in outermost(doc.mentions_in(rest)):
        if mention.kind not in ("province", "admin_unit", "agency"):
            break
        gap = fold(doc.text[cursor:mention.start])
        if not re.fullmatch(r"[\s,]*(va|cac|tinh|thanh pho|cac tinh|ubnd cac tinh)?[\s,]*", gap):
            break
        refs.append(ref_of(mention))
        cursor = mention.end
    if refs:
        return refs, cursor
    bare = BARE_PROVINCE.match(tail)
    if bare and province:
        return [EntityRef("province", province)], rest.start + bare.end()
    return [], rest.start


def _joint_work(doc: Document, sentence: Sentence, folded: str, province: str | None,
                previous_status: str | None) -> tuple[list[TaskFact], str | None]:
    status = "InProgress" if re.search(r"(?<![\w])dang(?![\w])", folded) else None
    if status is None and CONTINUATION.match(folded):
        status = previous_status
    facts = []
    for link in PARTNERSHIP.finditer(folded):
        after = sentence.start + link.end()
        partners = []
        cursor = after
        for mention in outermost(doc.mentions_in(Span(after, sentence.end))):
            if mention.kind != "agency" or not re.fullmatch(r"[\s,]*(va)?[\s,]*", fold(doc.text[cursor:mention.start])):
                break
            partners.append(ref_of(mention))
            cursor = mention.end
        work = JOINT_WORK.match(folded, cursor - sentence.start)
        if not partners or work is None:
            continue
        end = _clause_end(doc, sentence, cursor)
        subject = _refs(doc, Span(sentence.start, sentence.start + link.start()), ("province", "agency"))[-1:]
        assigned_to = subject or ([EntityRef("province", province)] if province else [])
        if assigned_to:
            facts.append(TaskFact(label=_label(doc, Span(cursor, end)), sentence=sentence,
                                  assigned_to=tuple(assigned_to), status=status or "Planned",
                                  partners=tuple(partners), deadline=_deadline(doc, Span(cursor, end)),
                                  based_on=_directives(doc, sentence)))
    return facts, status


def _targets(doc: Document, sentence: Sentence, folded: str, province: str | None) -> list[TaskFact]:
    if not TARGET_CUE.search(folded):
        return []
    facts = []
    issuers = [m for m in doc.mentions_in(sentence, "directive") if m.attrs.get("issuer")]
    assigners = _refs(doc, Span(sentence.start, sentence.end), ("official", "agency"))[:1]
    if issuers:
        assigners = [EntityRef("agency", issuers[0].attrs["issuer"])]
    numbers = [m for m in _numbers(doc, sentence) if _is_target(doc, sentence, m)]
    for index, number in enumerate(numbers):
        assignees, _ = _assignees(doc, _after_owner(doc, number, sentence), province)
        if not assignees:
            assignees = [a for a in assigners if a.kind == "agency"]
        if not assignees:
            continue
        facts.append(TaskFact(label=_label(doc, _target_span(doc, sentence, numbers, index)), sentence=sentence,
                              assigned_to=tuple(assignees), assigned_by=tuple(assigners), status="Planned",
                              deadline=_deadline(doc, sentence), based_on=_directives(doc, sentence),
                              target_value=number.attrs["value"], target_unit=number.attrs["unit"]))
    return facts


def _is_target(doc: Document, sentence: Sentence, number: Mention) -> bool:
    before = fold(doc.text[max(sentence.start, number.start - 40):number.start])
    cued = number.attrs.get("qualifier") == "at_least" or TARGET_CUE.search(before)
    measured = number.attrs.get("unit") is not None and fold(number.attrs.get("noun") or "") != "con so"
    return bool(cued) and measured and number.attrs.get("role") != "level"


def _target_span(doc: Document, sentence: Sentence, numbers: list[Mention], index: int) -> Span:
    """The commitment around one target figure: after the cue ("mục tiêu … là") or the previous
    figure's "và", up to the next figure's "và" or the end of the clause."""
    number = numbers[index]
    clause = _clause_span(doc, sentence, number, stop=";")
    folded = fold_aligned(doc.text)
    start = clause.start
    for cue in TARGET_LEAD.finditer(folded, clause.start, number.start):
        start = cue.end()
    if index and numbers[index - 1].end > start:
        joint = JOINER.search(folded, numbers[index - 1].end, number.start)
        start = joint.end() if joint else numbers[index - 1].end
    end = clause.end
    if index + 1 < len(numbers) and numbers[index + 1].start < end:
        joints = list(JOINER.finditer(folded, number.end, numbers[index + 1].start))
        end = joints[-1].start() if joints else numbers[index + 1].start
    return Span(start, end)


def _after_owner(doc: Document, number: Mention, sentence: Sentence) -> Span:
    """The stretch after "của"/"cho" following a target figure: whose target it is."""
    match = re.compile(r"[^.;]*?\b(của|cho)\s+").match(doc.text, number.end, sentence.end)
    return Span(match.end(), sentence.end) if match else Span(sentence.end, sentence.end)


def _numbers(doc: Document, span: Span) -> list[Mention]:
    return [m for m in doc.mentions_in(span, "number")]


def _refs(doc: Document, span: Span, kinds: tuple[str, ...]) -> list[EntityRef]:
    refs: list[EntityRef] = []
    for mention in outermost([m for m in doc.mentions_in(span) if m.kind in kinds]):
        ref = ref_of(mention)
        if ref not in refs:
            refs.append(ref)
    return refs


def _directives(doc: Document, span: Span) -> tuple[EntityRef, ...]:
    return tuple(sorted({EntityRef("directive", m.key) for m in doc.mentions_in(span, "directive")}))


def _partners(doc: Document, span: Span) -> list[EntityRef]:
    folded = fold(doc.text[span.start:span.end])
    link = PARTNERSHIP.search(folded)
    if link is None:
        return []
    return _refs(doc, Span(span.start + link.end(), _clause_end(doc, span, span.start + link.end())), ("agency",))


def _deadline(doc: Document, span: Span) -> str | None:
    periods = doc.mentions_in(span, "period")
    return deadline_of(periods[-1]) if periods else None


def deadline_of(period: Mention) -> str | None:
    """A period as `rk:deadline` text: a date, a year-month or a year (the end of a range)."""
    key = period.key.split("/")[-1].split(",")[-1]
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", key)
    if quarter:
        return f"{quarter.group(1)}-{int(quarter.group(2)) * 3:02d}"
    return key if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", key) else None


def _status_date(doc: Document, span: Span) -> str | None:
    dates = [m.key for m in doc.mentions_in(span, "period") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.key)]
    return dates[-1] if dates else None


def _clause(doc: Document, sentence: Span, number: Mention) -> str:
    return doc.slice(_clause_span(doc, sentence, number)).strip(" .…")


def _clause_span(doc: Document, bounds: Span, number: Mention, stop: str = ";,()") -> Span:
    """The clause around a number, between the nearest breaks on either side."""
    text = doc.text
    start = number.start
    while start > bounds.start and text[start - 1] not in stop:
        start -= 1
    end = number.end
    while end < bounds.end and text[end] not in stop:
        end += 1
    return Span(start, end)


def _clause_end(doc: Document, sentence: Span, position: int) -> int:
    match = re.compile(r"[.;]").search(doc.text, position, sentence.end)
    return match.start() if match else sentence.end


def _label(doc: Document, span: Span, limit: int = 160) -> str:
    """The work as written, cut at a word boundary when long."""
    text = " ".join(doc.text[span.start:span.end].strip(" ,.;:…").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
