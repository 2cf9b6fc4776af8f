"""Requests read from one sentence: "<official or body> giao / đề nghị / yêu cầu / chỉ đạo / lưu ý /
mong muốn <assignee> <work>" (or "<body> được … giao …"), the imperative sentences right after one
that go on with it ("Khẩn trương thực hiện …", "Sở X khẩn trương …"), and the clauses after a ";"
that ask anew. Work a sentence reports rather than asks is read by `kg.relate.reported_work`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.codes import DOCUMENT_TYPES
from kg.document import Document, Mention, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.guarded import WordSearch, search_at_end, word_start
from kg.iri import fold
from kg.relate.refs import ENTITY_KINDS, outermost, ref_of
from kg.relate.reported_work import SUBJECT_GAP, partners_after
from kg.relate.task_parts import (
    announced_document,
    assignees_at,
    body_at_hand,
    deadline_in,
    directives_in,
    label_of,
    refs_in,
    under_way_from,
)

REQUEST_WORDS = ("giao cho", "giao", "de nghi", "yeu cau", "chi dao", "luu y", "mong muon")
REQUEST_VERB = WordSearch(*REQUEST_WORDS)
NOT_A_REQUEST = re.compile(r"(duoc|da duoc|theo|cua|tinh than|su|cac|dap ung|nhu|ve viec|ket qua)\s*$")
NOT_A_REQUEST_REACH = 9  # its longest word: a match ends where the blanks at the end begin
TIME_ADVERBIAL = re.compile(r"\s*,?\s*(?:trong|tu|den|toi|sau|truoc|nam|thang|quy)(?![\w])[^,;.]{0,60},")
# "Tổ chức" opens an imperative before a verb ("Tổ chức kiểm điểm …"), a noun phrase otherwise ("Tổ chức bộ máy …").
IMPERATIVE = re.compile(r"\s*(khan truong|tiep tuc|day manh|tap trung|som|chu dong|tang cuong|quyet liet"
                        r"|to chuc (?:kiem diem|thuc hien|trien khai|ra soat|kiem tra|danh gia))(?![\w])")
# "được giao 42 biên chế", "được giao 1.200 tỷ đồng": a share of staff or money allotted, no work asked
ALLOCATION = re.compile(r"\s*(?:tong\s+)?(?:hon\s+|khoang\s+)?[\d.,]+\s+"
                        r"(?:bien che|chi tieu|(?:trieu|ty)\s+dong)(?![\w])")
PASSIVE = re.compile(rf"{word_start('duoc')}(?![\w])(?P<by>[^,;.]{{0,40}})$")
SPEAKER_REACH = 3  # sentences back a pronoun subject ("Ông …") may point
# a pronoun, or the chair of the meeting the passage reports ("Chủ tọa yêu cầu …")
PRONOUN_SUBJECT = re.compile(r"\s*(ong|ba|dong chi|(?:dong chi )?chu toa)( cung| da| tiep tuc)*\s*")
CHAIR = re.compile(r"\s*(?:dong chi )?chu toa")
UNNAMED_MINISTER = re.compile(r"\s*(?:bo truong|thu truong)(?: (?:cung|da|tiep tuc|dong y|va))*\s*$")
# Asking leave or a decision of a higher body ("đề nghị UBND tỉnh cho gia hạn 3 nhiệm vụ", "kiến nghị Bộ xem
# xét …") petitions it: no work is asked of it.
PETITION = re.compile(r"\s*(?:cho (?:phep|gia han|y kien|chu truong)|xem xet|chap thuan)(?![\w])")
BARE_BODY = re.compile(r"\s*(bo|so|cuc|uy ban)(?: (?:cung|da|tiep tuc))*\s*")
BARE_BODY_HEADS = {"bo": "Bộ", "so": "Sở", "cuc": "Cục", "uy ban": "Ủy ban"}
CALLED_BY_NAME = re.compile(r"\s*(?:ong|ba|dong chi) ([a-z]+)(?: cung| da| tiep tuc)*\s*")  # "Ông Thắng đề nghị"
# The verbs a body is asked to work with, right after its name in a list of what a meeting concluded.
ASKED_WORK = re.compile(r"\s*(khan truong|tiep tuc|chu tri|theo doi|xu ly|tham dinh|tang cuong|ra soat|don doc"
                        r"|tham muu|huong dan|cap nhat|dua|som|kip thoi|quyet liet|chi dao)(?![\w])")
CLAUSE_SEPARATOR = re.compile(r";\s*")
# A topic opening a sentence, its bodies asked when the verb names no one (see `_topic`).
TOPIC = re.compile(r"\s*(?:doi voi|rieng voi|rieng)\s+")
TOPIC_END = re.compile(r"\s*,\s*")
# "Sở X hoàn thành việc Y trong quý II" after a request: asked, when a deadline says by when.
FINISHED_BY = re.compile(r"\s*(hoan thanh|thuc hien xong)(?![\w])")
# Where the clause a request's verb opens ends: the next clause, or a reason or report after a comma.
ASKED_CLAUSE_END = re.compile(r";|,\s*(?:vi|do|boi vi|hien|hien nay|den nay|trong khi|tuy nhien)(?![\w])")
ASKED_TO_REACH = re.compile(rf"(?:{word_start('bao dam', 'dam bao', 'dat')}|{word_start('nang')}[^,;.]{{0,30}} len)(?![\w])"
                            r"[^,;.%]*$")
# "…, nhưng đến nay việc rà soát vẫn chưa xong": a request with a deadline reported not done
# ("…; đến nay còn 2 nhiệm vụ chưa hoàn thành" is a report of its own)
NOT_DONE_SINCE = re.compile(r"(?<![\w])(?:den nay|hien nay)(?![\w])(?P<gap>[^;.]{0,60}?)(?<![\w])"
                            r"(?:chua (?:hoan thanh|xong|thuc hien)|da qua han)")
REMAINING = re.compile(r"(?<![\w])con\s+\d")
# "…; hiện Bộ đang lấy ý kiến": a request reported under way in a later clause of its sentence
CLAUSE_MARK = re.compile(r"[;.]")
UNDER_WAY_REACH = 40
DOCUMENT_KINDS = {fold(kind.vi).lower(): code for code, kind in DOCUMENT_TYPES.items()}
DOCUMENT_SUBJECT = re.compile(rf"\s*({'|'.join(sorted(DOCUMENT_KINDS, key=len, reverse=True))})(?: nay)?"
                              r"(?: (?:cung|con|da|tiep tuc))*\s*")


def request_in(doc: Document, sentence: Sentence, folded: str, province: str | None,
               previous: TaskFact | None) -> TaskFact | None:
    """The request a sentence (`folded`: folded) makes; or, for an imperative sentence right after
    a request, the same assigner and assignee asked something more."""
    first_clause_end = folded.find(";") if previous is not None else -1
    for verb in REQUEST_VERB.finditer(folded):
        if 0 <= first_clause_end < verb.start():  # a later clause's request: see `further_requests`
            break
        begin = sentence.start + verb.start()
        passive = _passive(doc, sentence, folded, verb.start())
        if passive is None:
            if not_a_request(folded, verb.start()):
                continue
            after = verb.end()
            adverbial = TIME_ADVERBIAL.match(folded, after)
            assignees, work_start = assignees_at(doc, Span(sentence.start + after, sentence.end), province)
            if not assignees and adverbial:
                assignees, work_start = assignees_at(doc, Span(sentence.start + adverbial.end(), sentence.end),
                                                     province)
            # where the words before the verb that may name who asks start: after a topic opening the sentence
            topic, subject_at = _topic(doc, sentence, folded, verb.start(), province)
            if not assignees:
                assignees, work_start = topic, sentence.start + after
            if not assignees:  # asked of no one named: whoever asks does not matter (most often the case)
                continue
            if PETITION.match(doc.folded, work_start, sentence.end):  # "đề nghị UBND tỉnh cho gia hạn …"
                continue
        # A verb in a name ("Ban Chỉ đạo") asks nothing: the dearest test, so asked last
        if doc.covered(Span(begin, begin + 1), ENTITY_KINDS):
            continue
        if passive is not None:
            return passive
        assigners = refs_in(doc, Span(sentence.start + subject_at, begin), ("official", "agency"))[-1:]
        opening = folded[subject_at:verb.start()]
        if not assigners and (PRONOUN_SUBJECT.fullmatch(opening) or not opening.strip()):
            assigners = (list(previous.assigned_by) if previous and not opening.strip()
                         else speaker_before(doc, sentence))
            if not assigners and CHAIR.match(opening):  # the chair of the meeting, named further back
                assigners = last_assigners(doc)
        if not assigners:
            assigners = (_official_called(doc, sentence, opening)
                         or _ministry_of_unnamed_minister(doc, sentence, opening)
                         or _body_at_hand(doc, sentence, opening))
        document = None if assigners else _document_asking(doc, sentence, opening)
        if document is not None:
            assigners = [EntityRef("agency", document.attrs["issuer"])]
        if assigners:
            request = make_request(doc, sentence, Span(work_start, sentence.end), assigners, assignees,
                                   deadline_in(doc, Span(sentence.start + after, sentence.end)))
            if document is not None and not request.based_on:
                request = replace(request, based_on=(EntityRef("directive", document.key),))
            return request
    if previous is not None and IMPERATIVE.match(folded):
        return make_request(doc, sentence, sentence, list(previous.assigned_by), list(previous.assigned_to),
                            deadline_in(doc, sentence))
    if previous is not None and previous.assigned_by:
        return _next_body_asked(doc, sentence, folded, previous)
    return None


def further_requests(doc: Document, sentence: Sentence, folded: str, province: str | None,
                     first: TaskFact) -> list[TaskFact]:
    """After the sentence's first request, each clause after a ";" that asks anew: "…; Bộ Tài chính
    cũng được giao tổng hợp báo cáo …" (a passive request), "…; đề nghị Bộ Y tế …", "…; Sở B khẩn
    trương …" (a body opening the clause with a verb of work), by the same speaker unless the clause
    names another. `folded`: the sentence folded."""
    found: list[TaskFact] = []
    for mark in CLAUSE_SEPARATOR.finditer(folded):
        end = folded.find(";", mark.end())
        clause = Span(sentence.start + mark.end(), sentence.start + end if end >= 0 else sentence.end)
        request = _clause_request(doc, sentence, folded, clause, province, first)
        if request is not None and request.label != first.label and all(r.label != request.label for r in found):
            found.append(request)
    return found


def _clause_request(doc: Document, sentence: Sentence, folded: str, clause: Span, province: str | None,
                    first: TaskFact) -> TaskFact | None:
    offset = sentence.start
    for verb in REQUEST_VERB.finditer(folded):
        begin = offset + verb.start()
        if not clause.start <= begin < clause.end:
            continue
        if doc.covered(Span(begin, begin + 1), ENTITY_KINDS) \
                or (not_a_request(folded, verb.start()) and PASSIVE.search(folded, 0, verb.start()) is None):
            continue
        passive = _passive(doc, sentence, folded, verb.start())
        if passive is not None:
            given = passive.assigned_by or first.assigned_by
            return replace(passive, assigned_by=tuple(given), deadline=deadline_in(doc, clause) or passive.deadline)
        assignees, work_start = assignees_at(doc, Span(offset + verb.end(), clause.end), province)
        if assignees:
            assigners = refs_in(doc, Span(clause.start, begin), ("official", "agency"))[-1:] or list(first.assigned_by)
            work = Span(work_start, clause.end)
            return make_request(doc, sentence, work, assigners, assignees, deadline_in(doc, work))
    body = next(iter(outermost(doc.mentions_in(clause))), None)
    if body is None or body.kind != "agency" or doc.text[clause.start:body.start].strip():
        return None
    verb = ASKED_WORK.match(folded, body.end - offset) or FINISHED_BY.match(folded, body.end - offset)
    if verb is None:
        return None
    work = Span(offset + verb.start(1), clause.end)
    deadline = deadline_in(doc, work)
    if verb.re is FINISHED_BY and deadline is None:
        return None
    return make_request(doc, sentence, work, list(first.assigned_by), [ref_of(body)], deadline)


def _topic(doc: Document, sentence: Sentence, folded: str, verb_at: int, province: str | None
           ) -> tuple[list[EntityRef], int]:
    """"Đối với UBND phường A và UBND phường B, Chủ tọa đề nghị hoàn thành …": the places or bodies a
    sentence opens with as its topic (asked when no one is named after the verb at `verb_at`), and
    where the words after the topic's comma start, who may ask (0 when there is no topic)."""
    topic = TOPIC.match(folded, 0, verb_at)
    if topic is None:
        return [], 0
    bodies, end = assignees_at(doc, Span(sentence.start + topic.end(), sentence.start + verb_at), province)
    comma = TOPIC_END.match(folded, end - sentence.start, verb_at)
    return (bodies, comma.end()) if bodies and comma is not None else ([], 0)


def _next_body_asked(doc: Document, sentence: Sentence, folded: str, previous: TaskFact) -> TaskFact | None:
    """"Sở X khẩn trương …", "Văn phòng UBND tỉnh theo dõi, đôn đốc …" right after a request: the
    same speaker asks the body opening the sentence, with a verb of work and no tense ("đã", "đang"),
    or to finish something by a deadline ("Sở X hoàn thành việc Y trước ngày 30/6")."""
    body = next(iter(outermost(doc.mentions_in(sentence))), None)
    if body is None or body.kind != "agency" or doc.text[sentence.start:body.start].strip():
        return None
    verb = ASKED_WORK.match(folded, body.end - sentence.start) or FINISHED_BY.match(folded, body.end - sentence.start)
    if verb is None:
        return None
    work = Span(sentence.start + verb.start(1), sentence.end)
    deadline = deadline_in(doc, work)
    if verb.re is FINISHED_BY and deadline is None:  # "Sở X hoàn thành việc Y" alone reports it done
        return None
    return make_request(doc, sentence, work, list(previous.assigned_by), [ref_of(body)], deadline)


def _passive(doc: Document, sentence: Sentence, folded: str, verb_at: int) -> TaskFact | None:
    """"Bộ Công an được (Phó Thủ tướng) giao / đề nghị …": the body just before "được" is asked,
    by whoever stands between "được" and the verb, else by the speaker of the passage."""
    passive = PASSIVE.search(folded, 0, verb_at)
    if passive is None:
        return None
    subject = [m for m in doc.mentions_in(Span(sentence.start, sentence.start + passive.start()))
               if m.kind in ("province", "admin_unit", "agency")
               and SUBJECT_GAP.fullmatch(folded, m.end - sentence.start, passive.start())]
    if not subject:
        return None
    by = Span(sentence.start + passive.start("by"), sentence.start + verb_at)
    assigners = refs_in(doc, by, ("official", "agency")) or speaker_before(doc, sentence)
    after = sentence.start + verb_at + len(REQUEST_VERB.pattern.match(folded, verb_at).group(0))
    if ALLOCATION.match(doc.folded, after, sentence.end):
        return None
    work = Span(after, sentence.end)
    asked = list(outermost(subject))[-1]  # "Sở Nội vụ tỉnh A được giao": the body, not its province
    return make_request(doc, sentence, work, assigners, [ref_of(asked)], deadline_in(doc, work))


def _document_asking(doc: Document, sentence: Sentence, opening: str) -> Mention | None:
    """"Kế hoạch giao Sở Nội vụ …", "Quyết định cũng yêu cầu …": the document of that kind named
    last before the sentence asks, so its issuer does; `opening`, the folded words before the verb."""
    named = DOCUMENT_SUBJECT.fullmatch(opening)
    if named is None:
        return None
    kind = DOCUMENT_KINDS[named.group(1)]
    earlier = [m for m in doc.mentions_in(Span(0, sentence.start), "directive")
               if m.attrs.get("doc_type") == kind and m.attrs.get("issuer")]
    return earlier[-1] if earlier else None


def opens_request(doc: Document, sentence: Sentence, folded: str, verb_at: int) -> bool:
    """Whether the request verb at `verb_at` of the folded sentence asks something: it is no part
    of a name, nor a noun or a report after "được", "theo", "các" … ("theo yêu cầu", "được giao")."""
    begin = sentence.start + verb_at
    return not doc.covered(Span(begin, begin + 1), ENTITY_KINDS) and not not_a_request(folded, verb_at)


def asked_span(doc: Document, sentence: Sentence, folded: str, province: str | None) -> Span | None:
    """What the first request of the sentence asks (`folded`: the sentence folded): from its verb
    (not one in a name, nor "được giao", and followed by whom it asks, as `request_in` reads it) to
    the end of its clause, where a reason or a report after a comma ("…, vì hiện còn 5 nhiệm vụ quá
    hạn") is no longer asked."""
    for verb in REQUEST_VERB.finditer(folded):
        begin = sentence.start + verb.start()
        if not_a_request(folded, verb.start()) \
                or not assignees_at(doc, Span(sentence.start + verb.end(), sentence.end), province)[0] \
                or doc.covered(Span(begin, begin + 1), ENTITY_KINDS):  # a verb in a name: the dearest test, last
            continue
        report = ASKED_CLAUSE_END.search(folded, verb.end())
        return Span(begin, sentence.start + report.start() if report is not None else sentence.end)
    return None


def not_a_request(folded: str, verb_at: int) -> bool:
    """Whether the words before the verb at `verb_at` of the folded sentence make it no request."""
    return search_at_end(NOT_A_REQUEST, folded, NOT_A_REQUEST_REACH, verb_at) is not None


def make_request(doc: Document, sentence: Sentence, work: Span, assigners: list[EntityRef],
                 assignees: list[EntityRef], deadline: str | None) -> TaskFact:
    """A request; when the sentence says no more than who asks whom, it is its own label. The
    bodies it is to work with ("chủ trì, phối hợp với …") are its partners; it rests on the
    documents its sentence names, else on the last one its assigner issued before. A request the
    sentence goes on to report under way ("…; hiện Bộ đang lấy ý kiến") is in progress; one with a
    deadline it reports not done ("…, thời hạn là ngày 30/9, nhưng đến nay vẫn chưa xong") overdue."""
    partners, _ = partners_after(doc, work)
    under_way = any(under_way_from(doc.text, doc.folded, mark.end(), sentence.end, CLAUSE_MARK, UNDER_WAY_REACH)
                    for mark in CLAUSE_MARK.finditer(doc.folded, work.start, sentence.end))
    not_done = NOT_DONE_SINCE.search(doc.folded, work.start, sentence.end) if deadline is not None else None
    late = not_done is not None and REMAINING.search(not_done.group("gap")) is None
    target = _target_asked(doc, work)
    return TaskFact(label=label_of(doc, work) or label_of(doc, sentence), sentence=sentence,
                    assigned_to=tuple(assignees), assigned_by=tuple(assigners),
                    status="Overdue" if late else "InProgress" if under_way else "Planned",
                    target_value=target.attrs["value"] if target else None,
                    target_unit=target.attrs["unit"] if target else None,
                    deadline=deadline, partners=tuple(partners),
                    based_on=directives_in(doc, sentence) or announced_document(doc, sentence.start, assigners)
                    or _issued_by(doc, sentence, assigners))


def _issued_by(doc: Document, sentence: Sentence, assigners: list[EntityRef]) -> tuple[EntityRef, ...]:
    """The last document named before the sentence that one of the assigners issued: a request
    naming none rests on it ("Công văn số 1234/VPCP-KSTT …", then "Văn phòng Chính phủ đề nghị …")."""
    givers = {ref.slug for ref in assigners if ref.kind == "agency"}
    issued = [m for m in doc.mentions_in(Span(0, sentence.start), "directive") if m.attrs.get("issuer") in givers]
    return (EntityRef("directive", issued[-1].key),) if issued else ()


def _official_called(doc: Document, sentence: Sentence, opening: str) -> list[EntityRef]:
    """"Ông Thắng đề nghị …": the official named before whose given name (the last syllable) it is;
    `opening`, the folded words before the verb."""
    called = CALLED_BY_NAME.fullmatch(opening)
    if called is None:
        return []
    named = [m for m in doc.mentions_in(Span(0, sentence.start), "official")
             if m.attrs.get("name") and fold(m.attrs["name"].split()[-1]) == called.group(1)]
    return [EntityRef("official", named[-1].key)] if named else []


def _ministry_of_unnamed_minister(doc: Document, sentence: Sentence, opening: str) -> list[EntityRef]:
    """"Bộ trưởng đã đồng ý và giao …", the minister never named: the ministry named last before;
    `opening`, the folded words before the verb."""
    if UNNAMED_MINISTER.match(opening) is None:
        return []
    ministries = [m for m in doc.mentions_in(Span(0, sentence.start), "agency") if m.key.startswith("bo-")]
    return [EntityRef("agency", ministries[-1].key)] if ministries else []


def _body_at_hand(doc: Document, sentence: Sentence, opening: str) -> list[EntityRef]:
    """"Ủy ban đề nghị …", "Bộ cũng yêu cầu …": the body of that head named last before the sentence
    (`body_at_hand`); `opening`, the folded words before the verb."""
    bare = BARE_BODY.fullmatch(opening)
    body = body_at_hand(doc, BARE_BODY_HEADS[bare.group(1)], sentence.start) if bare is not None else None
    return [body] if body is not None else []


def speaker_before(doc: Document, sentence: Sentence) -> list[EntityRef]:
    """"Ông giao …", "Bà cũng lưu ý …", "Giao Sở X …": the official named last in the few
    sentences before."""
    index = doc.sentences.index(sentence)
    for earlier in reversed(doc.sentences[max(0, index - SPEAKER_REACH):index]):
        officials = doc.mentions_in(earlier, "official")
        if officials:
            return [EntityRef("official", officials[-1].key)]
    return []


def last_assigners(doc: Document) -> list[EntityRef]:
    """Who gave the last task the article told of."""
    given = next((fact for fact in reversed(doc.facts) if isinstance(fact, TaskFact) and fact.assigned_by), None)
    return list(given.assigned_by) if given is not None else []


def _target_asked(doc: Document, work: Span) -> Mention | None:
    """The share a request asks to reach: "… bảo đảm đến ngày 30/6 có 100% thủ tục …"."""
    for number in doc.mentions_in(work, "number"):
        if number.attrs.get("unit") == "Percent" \
                and ASKED_TO_REACH.search(doc.folded, max(work.start, number.start - 40), number.start):
            return number
    return None


