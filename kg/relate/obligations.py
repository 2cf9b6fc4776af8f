"""Obligations: a body named right before "phải" and a verb of work after it is asked that work
("UBND huyện phải hoàn thành 5 kiến nghị còn lại …", "Sở Nội vụ cũng phải rà soát …"; a bare
"Sở", "Bộ" or "Cục" is the one of that head the article named last).

Nothing but a body before "phải" makes one: "người dân phải nộp lại giấy tờ" and "một người phải
xử lý 40 hồ sơ" tell how things stand, and "đã phải" reports what was done. Who obliges the body is
whoever gave the last task the article told of, else the official speaking in the sentences before,
else the issuer of the document the sentence rests on ("Theo Kết luận số 86/KL-TTr của Thanh tra
tỉnh, …").
"""

from __future__ import annotations

import re

from kg.document import Document, Sentence, Span
from kg.facts import EntityRef, TaskFact
from kg.relate.refs import outermost, ref_of
from kg.relate.requests import last_assigners, make_request, speaker_before
from kg.relate.task_parts import HEAD_PREFIXES, body_at_hand, deadline_in, issuers_in

OBLIGATION_WORD = "phai"
# "phải" and the verb of the work, folded; adverbs of manner may stand between.
OBLIGED = re.compile(r"(?<![\w])phai\s+(?:(?:som|kip thoi|khan truong|quyet liet|tiep tuc)\s+)*"
                     r"(?:hoan thanh|thuc hien|giai quyet|xu ly|ra soat|cat giam|tinh gian|phan dau|bao dam|dam bao"
                     r"|bao cao|ban hanh|xay dung|trien khai|khac phuc|chan chinh|kiem diem|cap nhat|cong khai"
                     r"|so hoa|trinh|sua doi|hoan thien|ket noi|ban giao|chuyen giao|thu hoi|hoan tra)(?![\w])")
# What may stand between the body and "phải": "UBND huyện cũng phải", "Sở vẫn phải".
MODAL_GAP = re.compile(r"\s*(?:(?:cung|con|van|deu|se)\s+)*")
# A bare head before "phải" ("Sở phải …"), as written: the body of that head named last.
BARE_HEAD = re.compile(rf"(?<![^\W\d_])({'|'.join(head for head in HEAD_PREFIXES if head != 'Văn phòng')})"
                       r"\s+(?:(?:cũng|còn|vẫn|đều|sẽ)\s+)*$")
HEAD_REACH = 24  # the longest bare head with its adverbs


def obligation_in(doc: Document, sentence: Sentence, folded: str) -> TaskFact | None:
    """The first obligation of the sentence (`folded`: the sentence folded)."""
    if OBLIGATION_WORD not in folded:  # in every match
        return None
    for obliged in OBLIGED.finditer(folded):
        at = sentence.start + obliged.start()
        body = _body_before(doc, sentence, at)
        if body is None:
            continue
        work = Span(sentence.start + obliged.start() + len(OBLIGATION_WORD), sentence.end)
        return make_request(doc, sentence, work, _obliging(doc, sentence), [body],
                            deadline_in(doc, work))
    return None


def _body_before(doc: Document, sentence: Sentence, at: int) -> EntityRef | None:
    """The body right before "phải" at `at`: a body's name, or a bare head naming the one at hand."""
    named = list(outermost(doc.mentions_in(Span(sentence.start, at))))
    if named and named[-1].kind == "agency" and MODAL_GAP.fullmatch(doc.folded, named[-1].end, at):
        return ref_of(named[-1])
    bare = BARE_HEAD.search(doc.text, max(sentence.start, at - HEAD_REACH), at)
    if bare is None or doc.covered(Span(bare.start(), bare.end()), ("agency",)):
        return None
    return body_at_hand(doc, bare.group(1), bare.start())


def _obliging(doc: Document, sentence: Sentence) -> list[EntityRef]:
    given = last_assigners(doc) or speaker_before(doc, sentence)
    if given:
        return given
    return issuers_in(doc, sentence)[:1]

