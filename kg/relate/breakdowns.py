"""Reported breakdowns of assigned tasks: "X được A, B giao N nhiệm vụ; đã hoàn thành đúng hạn
n1, … quá hạn n2 (trong đó …)". The total is one Task; each status line is a Task `breakdownOf`
the total, or of the line whose brackets it stands in; "Trong đó, …" sentences go on with it."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.guarded import search_at_end, word_start
from kg.iri import fold
from kg.relate.refs import outermost
from kg.relate.task_parts import (
    CONTINUATION,
    assignees_at,
    clause_span,
    clause_text,
    directives_in,
    numbers_in,
    refs_in,
    status_of,
)

TASK_NOUN = "nhiem vu"
# tasks, reports, regulations, an inspection's recommendations ("3 kiến nghị đang thực hiện")
COUNTED_WORK = re.compile(r"(nhiem vu|bao cao|van ban|kien nghi)(?![\w])")
BARE_PLACE = re.compile(r"\s*(tinh|toan tinh|thanh pho|toan thanh pho)(?![\w])")
SOURCE = re.compile(r"\s*theo [^,;]*,")  # "Theo Bộ Tư pháp, …": who reports, not who owes
REFERRING = re.compile(r"(?<![\w])(doi voi|voi|cac|nhung)\s*$")  # "Đối với 7 nhiệm vụ quá hạn, …": no report
REFERRING_REACH = 7  # its longest words (see `search_at_end`)
PLEDGE = re.compile(r"(?<![\w])se(?![\w])")
IN_WHICH = re.compile(rf"({word_start('trong do', 'trong so nay', 'trong so do')})(?![\w])")
AS_OF = re.compile(rf"({word_start('den', 'toi')})( het)?( ngay)?\s*$")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What may stand between the bodies and officials giving tasks: "Chính phủ, Thủ tướng Chính phủ đã giao".
NAME_LINK = re.compile(r"[\s,]*(?:(?:va|cac|da|cung|ong|ba|dong chi)(?![\w])[\s,]*)*")
# "các sở, ban, ngành, địa phương": everyone, no one named (`GROUP_OF_PLACES` are the article's provinces)
UNSPECIFIED_GROUP = re.compile(r"\s*(?:cac|nhung)\s+(?:so|bo|ban|nganh|co quan|don vi|dia phuong)(?![\w])")
GIVEN_TO_ALL = re.compile(rf"(?<![\w])giao(?: cho)?{UNSPECIFIED_GROUP.pattern}")
# "12 nhiệm vụ (mà) Chính phủ giao Bộ Tư pháp": the giver and the receiver after the total.
GIVEN_AFTER = re.compile(rf"\s*{TASK_NOUN}\b(?P<by>[^;.]{{0,80}}?)\bgiao(?![\w])")


def breakdown_at(doc: Document, index: int, folded: str, numbers: list[Mention],
                 province: str | None) -> list[TaskFact]:
    """The breakdown that sentence `index` reports, with the sentences that go on with it ("Trong
    đó, …", or status counts with no new assignment: "Tính đến 30/6, có 118 … đúng hạn, …"),
    whose as-of date completes the total's; [] if none. `folded`: the sentence folded; `numbers`:
    its figures."""
    if "giao" not in folded or TASK_NOUN not in folded:
        return []
    sentence = doc.sentences[index]
    counts = [m for m in numbers if m.attrs.get("numerator") is None]
    total = next((m for m in counts if _is_assigned_total(doc, sentence, m)), None)
    if total is None:
        return []
    head = _total(doc, sentence, total, province)
    if head is None:
        return []
    lines = _status_lines(doc, sentence, [m for m in counts if m.start > total.end], head)
    for following in doc.sentences[index + 1:]:
        numbers = [m for m in numbers_in(doc, following) if m.attrs.get("numerator") is None]
        found = _status_lines(doc, following, numbers, head)
        folded_following = fold(doc.slice(following))
        if not (CONTINUATION.match(folded_following) or (found and "giao" not in folded_following)):
            break
        if head.status_date is None and found:
            head = replace(head, status_date=_as_of(doc, following, numbers[0]))
        lines.extend(found)
    # Every line reports as of the total's date; a task's IRI does not depend on it, so the
    # lines' links to their (re-dated) totals stay right.
    return [head, *(line if line.status_date == head.status_date else replace(line, status_date=head.status_date)
                    for line in lines)]


def counts_of_work(numbers: list[Mention]) -> list[Mention]:
    """The counts of tasks, reports or regulations among these figures: what `status_counts_in` reads."""
    return [number for number in numbers if number.attrs.get("unit") == "Count"
            and COUNTED_WORK.match(fold(str(number.attrs.get("noun") or "")))]


def status_counts_in(doc: Document, sentence: Sentence, counts: list[Mention],
                     province: str | None) -> list[TaskFact]:
    """Counts of tasks, reports or regulations a sentence gives a status to without a total
    ("Cần Thơ còn 7 nhiệm vụ đã quá hạn", "còn 2 báo cáo định kỳ quá hạn"): one Task each, for
    the places or bodies opening its clause, else the one named last before it (not the source
    of a "Theo …"), else the article's province; a count after "trong đó" breaks down the one
    before it. `counts`: the counts of work of the sentence (`counts_of_work`)."""
    facts: list[TaskFact] = []
    for number in counts:
        clause = clause_text(doc, sentence, number)
        before = doc.folded[sentence.start:number.start]
        status = status_of(clause) or _status_of_list(before)
        if status is None or status == "Completed" or search_at_end(REFERRING, before, REFERRING_REACH) \
                or GIVEN_TO_ALL.search(before):  # the counts of tasks given to everyone are no one's
            continue
        opening = clause_span(doc, sentence, number)
        if _pledged(doc, opening.start, number.start):  # "Bộ sẽ hoàn thành 27 nhiệm vụ quá hạn …": no report
            continue
        if facts and IN_WHICH.search(doc.folded[opening.start:number.start]):
            facts.append(replace(facts[-1], label=clause, status=status, count=int(number.attrs["value"]),
                                 total=facts[-1]))
            continue
        facts.append(TaskFact(label=clause, sentence=sentence, status=status, count=int(number.attrs["value"]),
                              assigned_to=tuple(_counted_for(doc, sentence, opening, number, province)),
                              based_on=directives_in(doc, sentence)))
    return [fact for fact in facts if fact.assigned_to]


def _pledged(doc: Document, start: int, end: int) -> bool:
    """Whether "sẽ" (will) stands between `start` and `end`: "chia sẻ" folds to its letters."""
    return any(doc.text[m.start() + 1] in "ẽẼ" for m in PLEDGE.finditer(doc.folded, start, end))


def _status_of_list(before: str) -> str | None:
    """"Các đơn vị có nhiều nhiệm vụ quá hạn nhất gồm: Sở A 11 nhiệm vụ; Sở B 9 nhiệm vụ": the
    status a list's opening (up to its colon) gives every item; `before`: the sentence up to the item."""
    colon = before.find(":")
    return status_of(before[:colon]) if colon >= 0 else None


def _counted_for(doc: Document, sentence: Sentence, opening: Span, number: Mention,
                 province: str | None) -> list[EntityRef]:
    kinds = ("province", "admin_unit", "agency")
    in_clause = refs_in(doc, Span(opening.start, number.start), kinds)
    if in_clause:
        return in_clause
    if BARE_PLACE.match(doc.folded[opening.start:number.start]) and province:
        return [EntityRef("province", province)]
    source = SOURCE.match(doc.folded_slice(sentence))
    named = refs_in(doc, Span(sentence.start + (source.end() if source else 0), number.start), kinds)[-1:]
    return named or ([EntityRef("province", province)] if province else [])


def _is_assigned_total(doc: Document, sentence: Sentence, number: Mention) -> bool:
    """"… giao (tổng số) N nhiệm vụ": the clause says who gave the tasks and no status."""
    clause = fold(clause_text(doc, sentence, number))
    before = fold(doc.text[sentence.start:number.start])
    given = "giao" in before or GIVEN_AFTER.match(doc.folded, number.end, sentence.end) is not None
    return (TASK_NOUN in clause and given and status_of(clause) is None
            and number.attrs.get("unit") in ("Count", None))


def _total(doc: Document, sentence: Sentence, total: Mention, province: str | None) -> TaskFact | None:
    """The task holding the total, with the parties `_parties` reads."""
    assigned_to, assigned_by = _parties(doc, sentence, total, province)
    if not assigned_to:
        return None
    return TaskFact(label=clause_text(doc, sentence, total), sentence=sentence, assigned_to=tuple(assigned_to),
                    assigned_by=tuple(assigned_by), count=int(total.attrs["value"]),
                    status_date=_as_of(doc, sentence, total), based_on=directives_in(doc, sentence))


def _parties(doc: Document, sentence: Sentence, total: Mention,
             province: str | None) -> tuple[list[EntityRef], list[EntityRef]]:
    """Who was given the tasks and by whom: the bodies between the tasks and "giao" after the
    total, to those right after it ("12 nhiệm vụ Chính phủ giao Bộ Tư pháp"); else the bodies
    between "được/do" and "giao", to the subject before them; else the bodies before "giao", to
    those between it and the total (else the article's province)."""
    given = GIVEN_AFTER.match(doc.folded, total.end, sentence.end)
    if given is not None:
        receivers = assignees_at(doc, Span(given.end(), sentence.end), province)[0]
        if receivers:
            return receivers, refs_in(doc, Span(given.start("by"), given.end("by")), ("agency", "official"))
    folded = doc.folded[sentence.start:total.start]
    verb = sentence.start + folded.rfind("giao")
    passive = max(folded.rfind("duoc", 0, verb - sentence.start), folded.rfind(" do ", 0, verb - sentence.start))
    # both markers, "duoc" and " do ", are four characters long
    if passive >= 0 and not _names_only(doc, Span(sentence.start + passive + len("duoc"), verb)):
        passive = -1  # "báo cáo … do ông A trình bày, …, UBND tỉnh đã giao": "do" opens another clause
    if passive >= 0:
        assigned_by = refs_in(doc, Span(sentence.start + passive, verb), ("agency", "official"))
        assigned_to = refs_in(doc, Span(sentence.start, sentence.start + passive),
                              ("province", "admin_unit", "agency"))[-1:]
    else:
        assigned_by = refs_in(doc, Span(sentence.start, verb), ("agency", "official"))[-1:]
        # "Kế hoạch … giao UBND tỉnh chủ trì, phối hợp với Sở … thực hiện 36 nhiệm vụ": those given
        # them, right after the verb (not its partners)
        assigned_to = (assignees_at(doc, Span(verb + len("giao"), total.start), province)[0]
                       if verb >= sentence.start else [])
        if not assigned_to and UNSPECIFIED_GROUP.match(doc.folded, verb + len("giao"), total.start):
            return [], assigned_by  # given to everyone ("các sở, ban, ngành, địa phương"): to no one named
    if not assigned_to and province:
        assigned_to = [EntityRef("province", province)]
    return assigned_to, assigned_by


def _joined_at(doc: Document, after: int, number: int) -> int | None:
    """Where "và" right before the count at `number` joins its item to the one before ("… chậm so
    với thời hạn và 5 nhiệm vụ đang thực hiện"), looking back no further than `after`; None when
    no "và" stands right before it (an item may open with its status: "hoàn thành đúng hạn 61 …")."""
    joined = doc.folded.rfind(" va ", after, number)
    return joined + 1 if joined >= 0 and not doc.folded[joined + 4:number].strip() else None


def _names_only(doc: Document, span: Span) -> bool:
    """Whether the span holds only bodies and officials, with their links ("Chính phủ, Thủ tướng
    Chính phủ"): the agent of a passive, not a clause of its own."""
    cursor, rest = span.start, []
    for mention in outermost([m for m in doc.mentions_in(span) if m.kind in ("agency", "official")]):
        rest.append(doc.folded[cursor:mention.start])
        cursor = mention.end
    rest.append(doc.folded[cursor:span.end])
    return all(NAME_LINK.fullmatch(part) for part in rest)


def _as_of(doc: Document, sentence: Sentence, total: Mention) -> str | None:
    """The date the breakdown is reported as of: "(tính) đến ngày …", before or after the total,
    else the last date before the total."""
    dates = [m for m in doc.mentions_in(sentence, "period") if DATE.fullmatch(m.key)]
    cued = [m for m in dates if AS_OF.search(doc.folded[max(sentence.start, m.start - 12):m.start])]
    before = [m for m in dates if m.end <= total.start]
    chosen = cued[0] if cued else (before[-1] if before else None)
    return chosen.key if chosen else None


def _status_lines(doc: Document, sentence: Sentence, numbers: list[Mention], head: TaskFact) -> list[TaskFact]:
    """Each count with a status of its own, its clause bounded by the counts around it. A count
    breaks down the one before it when it stands in brackets after it, or after "trong đó" up to
    the next ";" ("hoàn thành 119, trong đó đúng hạn 115, quá hạn 4; 9 đang thực hiện")."""
    lines: list[TaskFact] = []
    parent_at_depth = {0: head}
    scope: TaskFact | None = None
    previous_end = sentence.start
    for index, number in enumerate(numbers):
        between = doc.folded[previous_end:number.start]
        if ";" in between:
            scope = None
        if IN_WHICH.search(between.rsplit(";", 1)[-1]) and lines and lines[-1].sentence == sentence:
            scope = lines[-1]
        previous_end = number.end
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        previous_item_end = numbers[index - 1].end if index else sentence.start
        bounds = Span(_joined_at(doc, previous_item_end, number.start) or previous_item_end,
                      (_joined_at(doc, number.end, following.start) or following.start) if following is not None
                      else sentence.end)
        opened = doc.text.count("(", sentence.start, number.start) - doc.text.count(")", sentence.start, number.start)
        depth = max(opened, 0)
        parent = parent_at_depth[max(k for k in parent_at_depth if k <= depth)]
        if depth == 0 and scope is not None:
            parent = scope
        clause = clause_text(doc, bounds, number)
        status = status_of(clause, parent.status)
        if status is None or number.attrs.get("role") == "level":
            continue
        line = replace(head, label=clause, status=status,
                       count=int(number.attrs["value"]), total=parent, sentence=sentence)
        lines.append(line)
        parent_at_depth = {k: v for k, v in parent_at_depth.items() if k <= depth}
        parent_at_depth[depth + 1] = line
    return lines
