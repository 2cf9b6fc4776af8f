"""Officials: a chain of titles, the body they hold it in, and a Vietnamese personal name.

The press writes a post in two orders, and both are recognised here:

- title first: "Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng", "Chủ tịch UBND tỉnh X Vũ Hồng Bắc";
- name first, as an apposition: "Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh X".

A name is two to four capitalised syllables led by a Vietnamese surname (or by "H'", as the names
of Ê Đê and Jrai women are); requiring the surname is what keeps place names, bodies and headline
words from being taken for people. The body is the
agency mention that starts right after the titles (the agency recogniser has run before). A title
with no body ("Bộ trưởng Mai Tiến Dũng") borrows the body the same person holds that title in
elsewhere in the article, so a later short mention does not create a post of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache, lru_cache

from kg.document import Document, Mention, Sentence, Span
from kg.gazetteer.bodies import KEY_PREFIX_OF_HEAD
from kg.gazetteer.matching import alternation
from kg.gazetteer.surnames import SURNAMES
from kg.guarded import NotPrecededPattern, not_preceded
from kg.iri import fold, slugify

# Canonical spelling of each title; the text may write the second syllables in lower case.
TITLES = (
    "Tổng Bí thư", "Chủ tịch nước", "Phó Chủ tịch nước", "Chủ tịch Quốc hội", "Phó Chủ tịch Quốc hội",
    "Thủ tướng", "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Chủ nhiệm", "Phó Chủ nhiệm",
    "Tổng Thư ký", "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Bí thư Thường trực",
    "Phó Bí thư Thường trực", "Ủy viên Bộ Chính trị", "Ủy viên Trung ương Đảng", "Trưởng ban",
    "Phó Trưởng ban", "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Phó Tổng Giám đốc",
    "Tổng cục trưởng", "Phó Tổng cục trưởng", "Cục trưởng", "Phó Cục trưởng", "Vụ trưởng",
    "Phó Vụ trưởng", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra",
    "Tổng Thanh tra", "Tổ trưởng", "Tổ phó", "Trưởng phòng", "Phó Trưởng phòng", "Người phát ngôn",
    "Đại biểu Quốc hội", "Trưởng đoàn", "Phó Trưởng đoàn", "Thống đốc", "Phó Thống đốc",
    "Tổng Kiểm toán", "Viện trưởng", "Phó Viện trưởng", "Chánh án", "Phó Chánh án", "Thành viên",
    "Ủy viên", "Phó Tổ trưởng",
)

# Posts that name their body by themselves when the text gives none.
IMPLIED_BODY = {"Thủ tướng": "thu-tuong-chinh-phu", "Phó Thủ tướng": "chinh-phu"}
MINISTERS = ("Bộ trưởng", "Thứ trưởng")

# Written out word by word: a pattern of plain words is one `re` scans for quickly.
HONORIFICS = ("Ông", "ông", "Bà", "bà", "Đồng chí", "đồng chí", "Anh", "anh", "Chị", "chị", "Đại tướng", "Thượng tướng",
              "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá")
# Not preceded by a letter: each word looks behind itself, which `re` checks only where a word
# was found, rather than a look-behind opening the pattern, which it would check everywhere.
# Followed by a surname, which `_name_at` requires: from any other honorific no name starts.
_HONORIFIC = re.compile("(?:" + "|".join(rf"{word}(?<![^\W\d_]{word})" for word in HONORIFICS) + r"):?\s+"
                        + rf"(?=(?:{'|'.join(SURNAMES)})(?![^\W\d_])|H['’][^\W\d_])")


@cache
def _title_pattern() -> NotPrecededPattern:
    """A chain of titles, matched in folded text (any case, any diacritics: "Phó chủ tịch",
    "thành viên"); the name that must follow keeps common nouns out."""
    title = alternation(TITLES)
    return not_preceded(r"[^\W\d_]", rf"(?:{title})(?:\s*,\s*(?:{title}))*(?![^\W\d_])")


@cache
def _name_start_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(SURNAMES)})(?![^\W\d_])")


@cache
def _canonical_titles() -> dict[str, str]:
    return {fold(t): t for t in TITLES}


_WORD = re.compile(r"[^\W\d_]+")
_GAP_BEFORE_BODY = re.compile(r"\s*(?:của\s+)?")
_COMMA = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*,\s*")
_SPACES = re.compile(r"\s+")
_LIST_COLON = re.compile(r"\s*:")
# Titles holding the head of the body they head: its key's start.
_HEAD_IN_TITLE = {"Chánh Văn phòng": "van-phong-", "Phó Chánh Văn phòng": "van-phong-",
                  "Chánh Thanh tra": "thanh-tra-", "Phó Chánh Thanh tra": "thanh-tra-"}
_NAME_SEPARATOR = re.compile(r"\s*,|\s+và(?=\s)")
_LIST_SEPARATOR = re.compile(r";\s*")
# A body written by its head alone after a title ("…, Giám đốc Sở trình bày").
_BARE_HEAD = re.compile(rf"\s+({'|'.join(KEY_PREFIX_OF_HEAD)})(?![^\W\d_])(?!\s+[A-ZĐ])")
# A People's Council's committee between its head's title and the council: "Trưởng Ban Pháp chế
# HĐND tỉnh", "Phó Trưởng Ban Kinh tế - Ngân sách HĐND thành phố" (a capitalised name, no comma).
_COMMITTEE_NAME = re.compile(r"\s+[A-ZĐ][^\W\d_]*(?:(?:\s+|\s*[-–]\s*)[^\W\d_]+){0,5}\s+")
_COMMITTEE_HEADS = ("truong ban", "pho truong ban")
_COUNCIL = "hoi-dong-nhan-dan-"
_COMMITTEE_REACH = 50  # characters from the title to its council
# Ê Đê and Jrai women's names open with "H'" before the first syllable: "H'Xuân Niê".
_NAME_PREFIX = re.compile(r"H['’](?=[^\W\d_])")


class _Bodies:
    """The document's agency mentions in text order, for "which body follows this title?", asked
    per title: a binary search rather than a scan (no agency is added meanwhile)."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.mentions = list(doc.iter_kind("agency"))
        self.starts = [m.start for m in self.mentions]

    def at(self, position: int, sentence: Sentence, title_start: int) -> Mention | None:
        """The body right after a title ending at `position`, or one whose name the title's last
        word begins ("Trưởng Ban Chỉ đạo …": the head of the Ban Chỉ đạo)."""
        end = sentence.end
        gap = _GAP_BEFORE_BODY.match(self.text, position, end)
        begin = gap.end() if gap else position
        # only a body starting at `begin` or before can be one of them; of those, the first
        # reaching furthest (a loop: most titles have none or one, not worth a list)
        last = min(begin + 1, end)
        found = None
        for mention in self.mentions[bisect_left(self.starts, title_start) : bisect_left(self.starts, last)]:
            if (mention.end <= end and (mention.start == begin or title_start < mention.start < position < mention.end)
                    and (found is None or mention.end > found.end)):
                found = mention
        return found

    def council_after_committee(self, position: int, sentence: Sentence) -> Mention | None:
        """The People's Council after a committee's name at `position` (see `_COMMITTEE_NAME`)."""
        last = min(position + _COMMITTEE_REACH, sentence.end)
        for mention in self.mentions[bisect_left(self.starts, position) : bisect_left(self.starts, last)]:
            if mention.key.startswith(_COUNCIL) and _COMMITTEE_NAME.fullmatch(self.text, position, mention.start):
                return mention
        return None

    def before(self, position: int, sentence: Sentence, key_prefix: str) -> Mention | None:
        """The last body of the sentence ending before `position` whose key opens with `key_prefix`."""
        earlier = self.mentions[bisect_left(self.starts, sentence.start) : bisect_left(self.starts, position)]
        return next((m for m in reversed(earlier) if m.end <= position and m.key.startswith(key_prefix)), None)


def recognise_officials(doc: Document) -> None:
    found: list[Mention] = []
    unnamed: list[Mention] = []
    bodies = _Bodies(doc)
    folded = doc.folded
    titles = _title_pattern().body
    for sentence in doc.sentences:
        # no title here: the pattern without its look-behind says so sooner. Then the sentence holds
        # no post either way round: `_apposition` too needs a title in it.
        title = titles.search(folded, sentence.start, sentence.end)
        if title is None:
            continue
        named, bare = _title_first(doc, sentence, title, bodies)
        found.extend(named)
        unnamed.extend(bare)
        text = doc.text[sentence.start : sentence.end]
        # most sentences have no honorific: one search says so more cheaply than collecting none
        first = _HONORIFIC.search(text)
        honorifics = ([sentence.start + m.end() for m in _HONORIFIC.finditer(text, first.start())]
                      if first is not None else [])
        if honorifics and ";" in text:  # "các đồng chí: A, Phó Bí thư …; B, Chủ tịch …": each after a ";"
            honorifics.extend(sentence.start + m.end() for m in _LIST_SEPARATOR.finditer(text))
        if honorifics or named:  # where a name may start: nowhere else
            # the posts found so far in this sentence are the named ones: each lies in its sentence
            found.extend(_name_first(doc, sentence, honorifics, named, bodies))
    _borrow_bodies(found)
    _ministers_of_the_ministry_named(doc, found)
    found.extend(_holders(unnamed, found))
    for mention in found:
        doc.add(mention)


def _title_first(doc: Document, sentence: Sentence, first: re.Match[str], bodies: _Bodies
                 ) -> tuple[list[Mention], list[Mention]]:
    """Posts with the holder's name, and posts written without one ("Bộ trưởng nhấn mạnh"),
    the latter as mentions with no person yet; `first` is where the title pattern's body first
    matches in the sentence (`_titles_in`)."""
    named, bare = [], []
    for match in _titles_in(doc.folded, sentence, first):
        start = match.start()
        cursor = match.end()
        role = _canonical_role(doc.text[start:match.end()])
        body = bodies.at(cursor, sentence, start)
        if body is None:
            role, body = _committee_post(doc, role, cursor, sentence, bodies)
        if body is not None:
            cursor = body.end
        if body is not None:
            role = _without_other_bodies_posts(role, body.key)
        organization = body.key if body is not None else IMPLIED_BODY.get(role)
        name = _name_at(doc, cursor, sentence)
        listed = _names_listed(doc, cursor, sentence) if name is None else []
        if name is not None:
            named.append(_official(start, name, doc, role, organization))
        elif listed:  # "các đồng chí Phó Chủ tịch UBND tỉnh: A, B"
            named.extend(_official(start if not index else holder.start, holder, doc, role, organization)
                         for index, holder in enumerate(listed))
        elif not doc.covered(Span(start, cursor), ("agency",)) or body is not None:
            bare.append(Mention(start, cursor, "official", "", {"role": role, "organization": organization}))
    return named, bare


def _titles_in(folded: str, sentence: Sentence, first: re.Match[str]) -> Iterator[re.Match[str]]:
    """What `_title_pattern().finditer` yields in the sentence's slice of `folded`, the document
    folded, as matches in the whole text: its body searched between the sentence's bounds (it
    looks no further than it consumes but for the end, which `endpos` sets) from `first`, its
    first match there, a title at the sentence's start preceded by nothing, as in the slice."""
    pattern = _title_pattern()
    body, not_before = pattern.body, pattern.not_before
    start, end = sentence.start, sentence.end
    found: re.Match[str] | None = first
    while found is not None:
        at = found.start()
        if at > start and not_before.match(folded, at - 1, at) is not None:
            found = body.search(folded, at + 1, end)
            continue
        yield found
        found = body.search(folded, found.end(), end)


def _holders(unnamed: list[Mention], named: list[Mention]) -> list[Mention]:
    """A post written without a name ("Bộ trưởng", "Phó Chủ tịch UBND tỉnh") is the one person
    the article names in it, when it names exactly one."""
    resolved = []
    if not unnamed:
        return resolved
    by_title: dict[str, list[tuple[str, str, str | None]]] = {}
    for m in named:
        for title in m.attrs["role"].split(", "):
            by_title.setdefault(title, []).append((m.key, m.attrs["name"], m.attrs["organization"]))
    for post in unnamed:
        if any(post.start < m.end and m.start < post.end for m in named):  # `Span.overlaps`
            continue
        title, body = post.attrs["role"], post.attrs["organization"]
        holders = {holder for holder in by_title.get(title, ()) if body is None or holder[2] == body}
        if len(holders) == 1:
            [(key, name, organization)] = holders
            resolved.append(Mention(post.start, post.end, "official", key,
                                    {"name": name, "role": title, "organization": organization}))
    return resolved


def _name_first(doc: Document, sentence: Sentence, honorifics: list[int], earlier: list[Mention], bodies: _Bodies
                ) -> list[Mention]:
    """"Ông Nguyễn Văn A, Phó Chủ tịch UBND tỉnh X" and a second post after a name
    ("… Mai Tiến Dũng, Tổ trưởng Tổ công tác …"), when the post is not the next person's;
    `honorifics` are where the sentence's honorifics end, `earlier` the posts found before in it."""
    mentions = []
    for position in sorted({*honorifics, *(m.end for m in earlier)}):
        person = next((m for m in earlier if m.end == position), None)
        if person is not None:
            name: Span | None = Span(person.end - len(person.attrs["name"]), person.end)
        else:
            name = _name_at(doc, position, sentence)
        if name is None:
            continue
        cursor = name.end
        while (post := _apposition(doc, cursor, sentence, bodies)) is not None:
            role, body, cursor = post
            mentions.append(_official(name.start, name, doc, role, body.key, end=cursor))
    return mentions


def _apposition(doc: Document, position: int, sentence: Sentence, bodies: _Bodies) -> tuple[str, Mention, int] | None:
    """", <titles> <body>" at `position`, unless a name follows the body (the next person's post),
    with where the post ends. The body may be written by its head alone ("…, Giám đốc Sở trình
    bày") or only in the title ("…, Chánh Văn phòng trình bày"): it is the body of that head the
    sentence named before."""
    comma = _COMMA.match(doc.text, position, sentence.end)
    title = _title_pattern().match(doc.folded, comma.end(), sentence.end) if comma else None
    if title is None:
        return None
    role = _canonical_role(doc.text[title.start():title.end()])
    body = bodies.at(title.end(), sentence, title.start())
    if body is None:
        role, body = _committee_post(doc, role, title.end(), sentence, bodies)
    if body is None:
        head = _BARE_HEAD.match(doc.text, title.end(), sentence.end)
        if head is None:  # "…, Chánh Văn phòng trình bày": the office the title heads, named before
            prefix = _HEAD_IN_TITLE.get(role.split(", ")[-1])
            named = bodies.before(title.start(), sentence, prefix) if prefix else None
            return (role, named, title.end()) if named else None
        named = bodies.before(title.start(), sentence, KEY_PREFIX_OF_HEAD[head.group(1)])
        return (role, named, head.end()) if named else None
    if _name_at(doc, body.end, sentence) is not None:
        return None
    return role, body, body.end


def _committee_post(doc: Document, role: str, position: int, sentence: Sentence, bodies: _Bodies
                    ) -> tuple[str, Mention | None]:
    """"Trưởng Ban Pháp chế HĐND tỉnh": the head of a council's committee holds the post, named with
    the committee, in the council; (role, None) for any other title without a body after it."""
    if fold(role.split(", ")[-1]).lower() not in _COMMITTEE_HEADS:
        return role, None
    council = bodies.council_after_committee(position, sentence)
    if council is None:
        return role, None
    return f"{role} {' '.join(doc.text[position:council.start].split())}", council


def _name_at(doc: Document, position: int, sentence: Sentence) -> Span | None:
    """A surname-led run of two to four capitalised syllables starting after `position`."""
    gap = _SPACES.match(doc.text, position, sentence.end)
    begin = gap.end() if gap else position
    prefix = _NAME_PREFIX.match(doc.text, begin, sentence.end)
    if prefix is None and not _name_start_pattern().match(doc.text, begin, sentence.end):
        return None
    end = prefix.end() if prefix is not None else begin
    syllables = 0
    for word in _WORD.finditer(doc.text, end, sentence.end):
        between = doc.text[end:word.start()]
        if syllables and (between != " " or not _capitalised(word.group(0))):
            break
        if syllables == 4:
            return None
        syllables += 1
        end = word.end()
    if syllables < 2 or doc.covered(Span(begin, end), ("province", "agency")):
        return None
    return Span(begin, end)


def _names_listed(doc: Document, position: int, sentence: Sentence) -> list[Span]:
    """The names listed after a colon at `position` ("Phó Chủ tịch UBND tỉnh: A, B và C")."""
    colon = _LIST_COLON.match(doc.text, position, sentence.end)
    names: list[Span] = []
    cursor = colon.end() if colon is not None else -1
    while cursor >= 0 and (name := _name_at(doc, cursor, sentence)) is not None:
        names.append(name)
        separator = _NAME_SEPARATOR.match(doc.text, name.end, sentence.end)
        cursor = separator.end() if separator is not None else -1
    return names


def _capitalised(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _without_other_bodies_posts(role: str, body: str) -> str:
    """"Phó Thủ tướng, Chủ tịch UBND tỉnh X Đỗ Minh Tuấn" names two people (the Deputy Prime
    Minister and the chairman): a post that names its own body, another than the one written,
    is not this person's. "Bộ trưởng, Chủ nhiệm VPCP" stays one post."""
    titles = role.split(", ")
    kept = [t for t in titles if IMPLIED_BODY.get(t, body) == body]
    return ", ".join(kept or titles)


@lru_cache(maxsize=1024)
def _canonical_role(written: str) -> str:
    """The titles of a role as written, in their canonical spelling; kept per spelling, as the same
    few are written again and again."""
    titles = [t.strip() for t in written.split(",")]
    canonical = _canonical_titles()
    return ", ".join(canonical.get(fold(" ".join(t.split())), t) for t in titles)


def _official(start: int, name: Span, doc: Document, role: str, organization: str | None,
              end: int | None = None) -> Mention:
    person = doc.slice(name)
    return Mention(start, max(name.end, end or 0), "official", slugify(person),
                   {"name": person, "role": role, "organization": organization})


def _ministers_of_the_ministry_named(doc: Document, mentions: list[Mention]) -> None:
    """"Đoàn công tác của Bộ X do Thứ trưởng Y làm trưởng đoàn": a minister or deputy minister
    without a body is of the one ministry their sentence names before them."""
    for mention in mentions:
        if mention.attrs["organization"] is None and mention.attrs["role"].split(", ")[-1] in MINISTERS:
            sentence = doc.sentence_of(mention.start)
            before = {m.key for m in doc.mentions_in(Span(sentence.start, mention.start), "agency")
                      if m.key.startswith("bo-")} if sentence else set()
            if len(before) == 1:
                mention.attrs["organization"] = before.pop()


def _borrow_bodies(mentions: list[Mention]) -> None:
    """Give a bodiless post the body the same person holds the same title in elsewhere."""
    known: dict[tuple[str, str], str] = {}
    for mention in mentions:
        organization = mention.attrs["organization"]
        if organization is not None:
            for title in mention.attrs["role"].split(", "):
                known.setdefault((mention.key, title), organization)
    for mention in mentions:
        if mention.attrs["organization"] is None:
            titles = mention.attrs["role"].split(", ")
            mention.attrs["organization"] = next(
                (known[(mention.key, t)] for t in titles if (mention.key, t) in known), None)
