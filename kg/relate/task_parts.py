"""What the task relaters share: status words, deadlines, clauses, and who a phrase names."""

from __future__ import annotations

import re
from collections.abc import Collection

from kg.document import Document, Mention, Span
from kg.facts import EntityRef, MembershipFact
from kg.gazetteer.bodies import KEY_PREFIX_OF_HEAD
from kg.guarded import word_start
from kg.iri import fold, fold_aligned
from kg.relate.figure_periods import DOCUMENT_DATE
from kg.relate.refs import outermost, ref_of

# A sentence going on with the one before: "Trong đó, …", "Cụ thể, …".
CONTINUATION = re.compile(r"\s*(trong do|trong so do|cu the)(?![\w])")
# "các địa phương", "các tỉnh": the provinces the article is about; "các bộ, ngành, địa phương"
# is everyone, and names no assignee.
GROUP_OF_PLACES = re.compile(r"\s*,?\s*(?:cac|nhung|ca \d+)\s+(?:dia phuong|tinh|tinh, thanh pho)(?![\w,])")
BARE_PROVINCE = re.compile(r"\s*,?\s*(?:tren dia ban |cua )?(?:tinh|toan tinh|ubnd tinh)(?![\w])")
COMPARISON_BASE = re.compile(rf"({word_start('so voi', 'cung ky')})\s*$")
DEADLINE_CUE = re.compile(rf"({word_start('truoc', 'den', 'toi', 'trong', 'cham nhat', 'han', 'la', 'cuoi')})(?![\w])"
                          r"[^,;]{0,30}$")
CLAUSE_BREAK = re.compile(r"[.;]")
# Words before a document naming it as what the work changes, not what the work rests on: "sửa
# đổi, bổ sung một số điều của Nghị định …", "thay thế Quyết định …", "bãi bỏ Thông tư …".
WORKED_ON = re.compile(r"(?<![\w])(?:sua doi|bo sung|thay the|bai bo|huy bo|dinh chi)"
                       r"(?:\s*,\s*(?:bo sung|cap nhat))?\s+(?:(?:mot so dieu|cac dieu|dieu \d+)\s+(?:cua\s+)?)?$")
WORKED_ON_REACH = 40
# The verb before a document its issuer has just issued, "(vừa, đã) (ký) ban hành", "vừa ký", "vừa
# có", then the words of its type the mention may leave out ("Kết luận thanh tra số 112/KL-TTr").
ANNOUNCED = re.compile(r"(?<![\w])(?:ban hành|ký|vừa có)\s+(?:(?:thông báo|kết luận|thanh tra|kiểm tra|chỉ thị"
                       r"|công văn|công điện|nghị quyết|quyết định|kế hoạch|chương trình|hành động|văn bản)\s+)*"
                       r"(?:số\s+)?$",
                       re.IGNORECASE)
ANNOUNCED_REACH = 60
LEAD_SENTENCES = 5  # the title, the date line and the lead, give or take a line of the page
# What may stand between the verb and the bodies asked: "và", "các tỉnh", and the head of a body
# ("yêu cầu Chủ tịch UBND các tỉnh …": the request goes to the People's Committees).
BETWEEN_ASSIGNEES = re.compile(r"[\s,]*(?:va|cac|tinh|thanh pho|cac tinh|ubnd cac tinh|chu tich|giam doc|thu truong|bo truong"
                               r"|nguoi dung dau|lanh dao)?[\s,]*")
# A body written by its head alone ("giao Sở 12 nhiệm vụ", "Sở đã hoàn thành …"): not a name's first word.
BARE_HEAD = re.compile(r"\s*(Sở|Bộ|Cục|Ủy ban)(?![^\W\d_])(?!\s+[A-ZĐ])")
HEAD_PREFIXES = {**KEY_PREFIX_OF_HEAD, "Ủy ban": "uy-ban-"}
PEOPLES_COMMITTEE = "uy-ban-nhan-dan-"
# The words `status_of` looks for, each list as one alternation: one search tells whether any of
# them is there, and where the first of them starts.
ON_TIME_IN_COMPLETED = re.compile("dung han|dung thoi han|dung tien do|truoc han|trong han")
LATE_IN_COMPLETED = re.compile("qua han|tre han|cham")
LATE = re.compile("qua han|tre han|cham tien do|cham so voi|tre tien do|sau thoi han|sau han|qua thoi han|cham gui"
                  "|cham tre")
ON_TIME = re.compile("dung han|dung thoi han|dung tien do|truoc han")
# "hoàn thành", and "thực hiện xong" as reports of an inspection's recommendations say
DONE = re.compile("hoan thanh|thuc hien xong")
IN_PROGRESS = re.compile("trong han|dang thuc hien|dang trien khai|chua den han")
# "đang" (under way), folded: "đăng" ("đăng ký"), "đáng" ("đáng chú ý"), "đảng" and "đằng" fold to the
# same letters, and only "đang" keeps a plain "a" in the text (see `ongoing_at`).
ONGOING = re.compile(r"(?<![\w])dang(?![\w])")
ONGOING_WORD = "dang"
# A clause saying work is under way opens with "hiện (nay)" or "đến nay": "Hiện Bộ đang hoàn thiện …".
UNDER_WAY_OPENING = re.compile(r"\s*(?:hien|hien nay|den nay)(?![\w])")
UNDER_WAY_REACH = 30  # from the opening to "đang"
CLAUSE_OR_COMMA = re.compile(r"[,;.]")


def status_of(clause: str, within: str | None = None) -> str | None:
    """The status a clause of a progress report states, from the words Vietnamese reports use:
    "hoàn thành đúng hạn", "hoàn thành quá hạn", "quá hạn hoàn thành", "trong hạn", … Inside a
    breakdown of completed tasks ("hoàn thành 119, trong đó đúng hạn 115, quá hạn 4") the bare
    "đúng hạn" / "quá hạn" say how they were completed."""
    folded = fold_aligned(clause)
    if within == "Completed":
        if ON_TIME_IN_COMPLETED.search(folded):
            return "CompletedOnTime"
        if LATE_IN_COMPLETED.search(folded):
            return "CompletedLate"
    done_match = DONE.search(folded)
    done_at = done_match.start() if done_match else -1
    done = done_at >= 0 and "chua hoan thanh" not in folded and "chua thuc hien xong" not in folded
    late = LATE.search(folded)
    if done and late:
        return "CompletedLate" if done_at < late.start() else "Overdue"
    if done and ON_TIME.search(folded):
        return "CompletedOnTime"
    if late:
        return "Overdue"
    if any(not folded.startswith(ONGOING_WORD, m.start()) or clause[m.start() + 1] in "aA"
           for m in IN_PROGRESS.finditer(folded)):  # "đang thực hiện", not "tổ chức đảng triển khai"
        return "InProgress"
    if "chua hoan thanh" in folded or "chua thuc hien" in folded:
        return "NotCompleted"
    if done:
        return "Completed"
    return None


def ongoing_at(text: str, folded: str, start: int, end: int, reach: int | None = None) -> bool:
    """Whether "đang" stands between `start` and `end` of `folded` (starting at most `reach` after
    `start`), `folded` being `text` folded one character for one."""
    for match in ONGOING.finditer(folded, start, end):
        if reach is not None and match.start() > start + reach:
            return False
        if text[match.start() + 1] in "aA":
            return True
    return False


def under_way_from(text: str, folded: str, start: int, end: int, stops: re.Pattern[str] = CLAUSE_OR_COMMA,
                   reach: int = UNDER_WAY_REACH) -> bool:
    """Whether the words at `start` open a clause saying work is under way ("Hiện Bộ đang …", "đến
    nay Sở đang …"): "đang" at most `reach` after "hiện" or "đến nay", before any of `stops`."""
    opening = UNDER_WAY_OPENING.match(folded, start, end)
    if opening is None:
        return False
    stop = stops.search(folded, opening.end(), end)
    return ongoing_at(text, folded, opening.end(), stop.start() if stop else end, reach)


def deadline_of(period: Mention) -> str | None:
    """A period as `rk:deadline` text: a date, a year-month or a year (the end of a range)."""
    key = period.key.split("/")[-1].split(",")[-1]
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", key)
    if quarter:
        return f"{quarter.group(1)}-{int(quarter.group(2)) * 3:02d}"
    return key if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", key) else None


def deadline_in(doc: Document, span: Span, cued: bool = True) -> str | None:
    """The last period of the span that reads as a deadline: after "trước", "đến", "trong",
    "chậm nhất", "thời hạn … là" (a plan's horizon, "tầm nhìn 2050", is not one). When `cued` is
    False, as for a target's year ("năm 2026 phấn đấu …"), a period without such a word will do,
    but never a comparison base ("so với năm 2024") nor a document's date."""
    periods = [p for p in doc.mentions_in(span, "period") if cued or not _base_or_date(doc, span, p)]
    deadlines = [p for p in periods if DEADLINE_CUE.search(doc.folded[max(span.start, p.start - 40):p.start])]
    chosen = deadlines or ([] if cued else periods)
    return deadline_of(chosen[-1]) if chosen else None


def _base_or_date(doc: Document, span: Span, period: Mention) -> bool:
    if COMPARISON_BASE.search(doc.folded[max(span.start, period.start - 20):period.start]):
        return True
    return any(DOCUMENT_DATE.fullmatch(doc.folded, d.end, period.start)
               for d in doc.mentions_in(Span(span.start, period.start), "directive"))


def refs_in(doc: Document, span: Span, kinds: tuple[str, ...]) -> list[EntityRef]:
    refs: list[EntityRef] = []
    for mention in outermost([m for m in doc.mentions_in(span) if m.kind in kinds]):
        ref = ref_of(mention)
        if ref not in refs:
            refs.append(ref)
    return refs


def directives_in(doc: Document, span: Span) -> tuple[EntityRef, ...]:
    """The documents work in the span rests on: the ones carrying out another when the span names
    both ("Kế hoạch 05 … triển khai Nghị quyết 76"), else all it names, but those the work is to
    amend, replace or repeal ("xây dựng Nghị định thay thế Nghị định 45/2020/NĐ-CP")."""
    named = doc.mentions_in(span, "directive")
    if named:
        named = [m for m in named if not WORKED_ON.search(doc.folded, max(span.start, m.start - WORKED_ON_REACH),
                                                            m.start)]
    if not named:
        return ()
    chosen = [m for m in named if m.attrs.get("implements")] or named
    return tuple(sorted({EntityRef("directive", m.key) for m in chosen}))


def issuers_in(doc: Document, span: Span) -> list[EntityRef]:
    """The bodies that issued the documents named in `span`, where known, in order."""
    return [EntityRef("agency", m.attrs["issuer"]) for m in doc.mentions_in(span, "directive") if m.attrs.get("issuer")]


def announced_document(doc: Document, before: int, assigners: Collection[EntityRef]) -> tuple[EntityRef, ...]:
    """The document the article's lead announces as issued ("Văn phòng Chính phủ vừa ban hành
    Thông báo số 245/TB-VPCP … kết luận của Phó Thủ tướng …", "Thủ tướng vừa ký Công điện số
    128/CĐ-TTg"), if named before `before` and one of `assigners` issued it or is named with it:
    the article reports its content, so their work naming no document rests on it. An official
    stands for the bodies the article has them hold a post in ("Chánh Thanh tra tỉnh …" for the
    inspectorate that issued a conclusion); a target no one is named to set rests on it too."""
    announced = doc.memo("announced_document", len(doc.mentions), lambda: _announced(doc))
    if announced is None or announced[0].start >= before:
        return ()
    mention, parties = announced
    givers = set(assigners)
    givers.update(fact.organization for fact in doc.facts
                  if isinstance(fact, MembershipFact) and fact.official in givers and fact.organization is not None)
    return (EntityRef("directive", mention.key),) if not assigners or not parties.isdisjoint(givers) else ()


def _announced(doc: Document) -> tuple[Mention, frozenset[EntityRef]] | None:
    """The first document named in the article, if its lead names it as issued (`ANNOUNCED`), with
    its issuer and the bodies and officials its sentence names."""
    for sentence in doc.sentences[:LEAD_SENTENCES]:
        named = doc.mentions_in(sentence, "directive")
        if named:
            first = named[0]
            if not ANNOUNCED.search(doc.text, max(sentence.start, first.start - ANNOUNCED_REACH), first.start):
                return None
            parties = {ref_of(m) for m in doc.mentions_in(sentence) if m.kind in ("agency", "official")}
            return first, frozenset(parties.union(issuers_in(doc, first.span)))
    return None


def numbers_in(doc: Document, span: Span) -> list[Mention]:
    return doc.mentions_in(span, "number")


def article_provinces(doc: Document) -> list[EntityRef]:
    """The provinces a group ("các địa phương", "các tỉnh") stands for: those the article names,
    when it names several; a group in an article about one place or none is left unresolved."""
    provinces = sorted({m.key for m in doc.iter_kind("province")})
    return [EntityRef("province", p) for p in provinces] if len(provinces) >= 2 else []


def assignees_at(doc: Document, rest: Span, province: str | None) -> tuple[list[EntityRef], int]:
    """Who a request is addressed to: the places or bodies right at the start of `rest` (a bare
    "Sở" the one named before), or a group standing for the article's provinces; with the offset
    where the work begins."""
    folded = doc.folded
    group = GROUP_OF_PLACES.match(folded, rest.start, rest.end)  # no look-behind: as if the rest were cut out
    if group:
        return article_provinces(doc), group.end()
    refs: list[EntityRef] = []
    cursor = rest.start
    for mention in outermost(doc.mentions_in(rest)):
        if mention.kind == "official":  # "yêu cầu Giám đốc Sở X …", the director known: Sở X is asked
            mention = next((m for m in doc.mentions_in(mention.span, "agency")), mention)
        if mention.kind not in ("province", "admin_unit", "agency"):
            break
        if not BETWEEN_ASSIGNEES.fullmatch(fold(doc.text[cursor:mention.start])):
            break
        refs.append(ref_of(mention))
        cursor = mention.end
    if refs:
        return refs, cursor
    head = BARE_HEAD.match(doc.text, rest.start, rest.end)
    at_hand = body_at_hand(doc, head.group(1), head.start(1)) if head is not None else None
    if at_hand is not None:  # "giao Sở 12 nhiệm vụ": the department named before
        return [at_hand], head.end()
    bare = BARE_PROVINCE.match(folded, rest.start, rest.end)
    if bare and province:
        return [EntityRef("province", province)], bare.end()
    return [], rest.start


def body_at_hand(doc: Document, head: str, position: int) -> EntityRef | None:
    """The body a bare head ("Sở", "Bộ", "Cục", "Ủy ban") at `position` stands for: the last of that
    head named before it (for "Ủy ban", a committee, as a People's Committee is written "UBND")."""
    prefix = HEAD_PREFIXES[head]
    for mention in reversed(doc.mentions_in(Span(0, position), "agency")):
        if mention.key.startswith(prefix) and not mention.key.startswith(PEOPLES_COMMITTEE):
            return ref_of(mention)
    return None


def clause_span(doc: Document, bounds: Span, number: Mention, stop: str = ";,()") -> Span:
    """The clause around a number, between the nearest breaks (the characters of `stop`) on
    either side. Each break is looked for only between the number and the nearest one found so
    far: one further away could not be the nearest."""
    text = doc.text
    start = number.start
    if start > bounds.start:  # after the last break before the number, at most back to the bounds
        start = bounds.start
        for mark in stop:
            found = text.rfind(mark, start, number.start)
            if found >= 0:
                start = found + 1
    end = number.end
    if end < bounds.end:  # at the first break after it, at most up to the bounds
        end = bounds.end
        for mark in stop:
            found = text.find(mark, number.end, end)
            if found >= 0:
                end = found
    return Span(start, end)


def clause_text(doc: Document, bounds: Span, number: Mention) -> str:
    return doc.slice(clause_span(doc, bounds, number)).strip(" .…")


def clause_end(doc: Document, bounds: Span, position: int) -> int:
    match = CLAUSE_BREAK.search(doc.text, position, bounds.end)
    return match.start() if match else bounds.end


def label_of(doc: Document, span: Span, limit: int = 160) -> str:
    """The work as written, cut at a word boundary when long."""
    text = " ".join(doc.text[span.start:span.end].strip(" ,.;:…").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"
