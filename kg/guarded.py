"""Regular expressions searched faster with the same results: the regex engine is fast only when
it can skip ahead to where a match may start, which these help it do.

`GuardedPattern`: a pattern with a cheap exact pre-test, literal words every match must contain.

Python's `re` cannot skip ahead to a pattern whose branches start with `\\b` or a look-behind,
so it tries every branch at every position of the text. When each match of a pattern must contain
one of a few literal strings, a search for those strings alone (an alternation of literals, which
`re` scans for quickly) tells first whether a match is possible at all; only then does the pattern
run. The result is always the pattern's own, so a guard is right only if every match really
contains one of its keywords: list them from the pattern's literal parts, in the form the searched
text has (folded or lower-cased), and never for a pattern compiled with IGNORECASE.

`finditer_at`: a pattern tried only where its matches can start. Numbers, dates and document
numbers start at a run of digits (`digit_runs_by_span`, one search of a document shared by their
recognisers) or a few words before one (`NearAnchors`); trying the pattern only there gives the
matches `finditer` gives, without trying it at every position.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an annotation only: the document model is not needed to search
    from kg.document import Span


@dataclass(frozen=True, eq=False)
class GuardedPattern:
    """`pattern`, whose every match contains a match of `gate` (one of its keywords)."""

    pattern: re.Pattern[str]
    gate: re.Pattern[str]

    def possible(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        return self.gate.search(text, pos, len(text) if endpos is None else endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if self.gate.search(text, pos, end) is None:
            return None
        return self.pattern.search(text, pos, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self.gate.search(text, pos, end) is None:
            return iter(())
        return self.pattern.finditer(text, pos, end)


def guarded(source: str, *keywords: str) -> GuardedPattern:
    """`source` compiled, guarded by `keywords`: every match of it must contain one of them."""
    if not keywords:
        raise ValueError("a guard needs at least one keyword")
    return GuardedPattern(re.compile(source), re.compile("|".join(map(re.escape, keywords))))


def word_choice(*words: str) -> GuardedPattern:
    """One of `words` as a whole word, guarded by the same words, so that the list is written
    once and the guard cannot drift from the pattern. The chosen word is group 1. Each word looks
    behind itself once found (`word_start`), which `re` checks only there."""
    return guarded(rf"({word_start(*sorted(words, key=len, reverse=True))})(?![\w])", *words)


def word_start(*words: str) -> str:
    r"""Regex text for one of `words` (tried in this order) not preceded by a letter or digit:
    `(?<![\w])(?:a|b)` written as `a(?<![\w]a)|b(?<![\w]b)`, the same matches, but a pattern opening
    with a look-behind gives `re` nothing to skip ahead with and is tried at every position."""
    return "|".join(rf"{re.escape(word)}(?<![\w]{re.escape(word)})" for word in words)


_PLAIN_PHRASE = re.compile(r"[a-z0-9 ]+")


def plain_phrases(source: str) -> tuple[str, ...] | None:
    """The phrases of a pattern that is only alternative plain phrases, with word boundaries
    ("\\bke hoach\\b|\\bnhiem vu\\b", "\\b(tthc|thu tuc)\\b"); None for any other pattern.
    Each match of such a pattern is one of the phrases, so they are its exact keywords."""
    body = source.replace(r"\b", "")
    if body.startswith("(") and body.endswith(")") and "(" not in body[1:-1] and ")" not in body[1:-1]:
        body = body[1:-1]
    phrases = tuple(body.split("|"))
    return phrases if all(_PLAIN_PHRASE.fullmatch(p) for p in phrases) else None


def compile_guarded(source: str) -> re.Pattern[str] | GuardedPattern:
    """`source` compiled, guarded by its phrases when it is made only of plain phrases."""
    phrases = plain_phrases(source)
    return guarded(source, *phrases) if phrases else re.compile(source)


@dataclass(frozen=True, eq=False)
class NotPrecededPattern:
    """`(?<!not_before)body`, searched as `body` alone with the character before each match
    checked after. A pattern opening with a look-behind gives `re` nothing to skip ahead with; a
    name list (`kg.gazetteer.matching.alternation`) without it starts with letters it scans for.
    Matches, offsets and groups are the same (the look-behind has no group); `body` must not match
    the empty string, which `finditer` would step over differently."""

    body: re.Pattern[str]
    not_before: re.Pattern[str]  # one character

    def _preceded(self, text: str, start: int) -> bool:
        return start > 0 and self.not_before.match(text, start - 1, start) is not None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        if self._preceded(text, pos):
            return None
        return self.body.match(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        while (found := self.body.search(text, pos, end)) is not None and self._preceded(text, found.start()):
            pos = found.start() + 1
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        while (found := self.search(text, pos, end)) is not None:
            if found.end() == found.start():
                raise ValueError(f"{self.body.pattern!r} matched the empty string")
            yield found
            pos = found.end()


def not_preceded(not_before: str, body: str) -> NotPrecededPattern:
    """The pattern `(?<!not_before)body`, `not_before` a one-character class such as `[\\w&]`."""
    return NotPrecededPattern(re.compile(body), re.compile(not_before))


# A run of digits, written "\d\d*" as a pattern opening with a repeat gives `re` nothing to skip
# ahead with. For "\d" `re` looks up the category of each character; a set of the digits themselves
# is read faster. The set holds those of the Basic Multilingual Plane, so it serves texts without
# characters beyond it (which UTF-16 writes in four bytes); for other texts "\d" does.
_DIGIT_RUN = re.compile(r"\d\d*")
@cache
def _bmp_digit_run() -> re.Pattern[str]:
    """A run of the decimal digits of the Basic Multilingual Plane, as one character class (made
    on first use: it looks at every code point)."""
    digit = "[" + "".join(re.escape(c) for c in map(chr, range(0x10000)) if c.isdecimal()) + "]"
    return re.compile(digit + digit + "*")


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[int, ...]:
    """Where the runs of digits of `text` start. Numbers, dates and document numbers all start
    with one, and their recognisers share this one search of a document's text."""
    beyond_bmp = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
    return tuple(map(re.Match.start, (_DIGIT_RUN if beyond_bmp else _bmp_digit_run()).finditer(text)))


def digit_runs_by_span(text: str, spans: Iterable[Span]) -> tuple[tuple[int, ...], ...]:
    """For each span, where the runs of digits of `text[span.start:span.end]` start, as offsets in
    that slice (a run begun before the span begins at 0 in the slice); kept for the recognisers
    that ask it next for the same sentences."""
    return _digit_runs_by_bounds(text, tuple([(span.start, span.end) for span in spans]))


@lru_cache(maxsize=8)
def _digit_runs_by_bounds(text: str, bounds: tuple[tuple[int, int], ...]) -> tuple[tuple[int, ...], ...]:
    runs = digit_runs(text)
    by_span = []
    for start, end in bounds:
        first = bisect_left(runs, start)
        last = bisect_left(runs, end, first)
        if first == last:
            by_span.append((0,) if start < end and text[start].isdecimal() else ())
            continue
        inside = tuple([run - start for run in runs[first:last]])
        by_span.append((0, *inside) if inside[0] != 0 and text[start].isdecimal() else inside)
    return tuple(by_span)


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ESCAPE = re.compile(r"\\[A-Za-z]")


def literal_words(source: str) -> frozenset[str]:
    """The words of letters regex `source` spells out, lower-cased, also joined across `\\s*`
    ("PAR\\s*INDEX" gives "par", "index" and "parindex"), with some junk such as group names: a
    whole word of a match that the pattern spells out letter by letter (not with a character
    class or a repeat) is one of them, case aside."""
    spelled = _ESCAPE.sub(" ", source) + " " + _ESCAPE.sub(" ", source.replace(r"\s*", ""))
    return frozenset(word.lower() for word in _LETTER_RUN.findall(spelled))


@dataclass(frozen=True, eq=False)
class NearAnchors:
    """Where matches of a pattern may start when each starts at an anchor (a digit, a keyword) or
    at one of up to `count` words before it, all of `words` and separated from it and from each
    other by whitespace only ("giai đoạn từ năm 2021"). Trying the pattern there alone spares
    `re` trying it at every position of the text, which it must for a pattern opening with a
    look-behind."""

    count: int
    words: frozenset[str]
    # on the reversed text before an anchor: up to `count` times whitespace and one of the words
    # (case-insensitively, as a whole run of letters), an empty group marking where each ends, which
    # is where the word starts in the text
    _before: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        word = "|".join(re.escape(w[::-1]) for w in sorted(self.words, key=len, reverse=True))
        source = ""
        for _ in range(self.count):
            source = rf"(?:\s+(?i:{word})(?![^\W\d_])(){source})?"
        object.__setattr__(self, "_before", re.compile(source))

    def starts(self, text: str, anchors: Iterable[int]) -> set[int]:
        """The starts of the words before the anchors (not the anchors themselves)."""
        reversed_text = text[::-1]
        length = len(text)
        starts = set()
        for anchor in anchors:
            if not text[anchor - 1 : anchor].isspace():  # what the words need before the anchor
                continue
            words = self._before.match(reversed_text, length - anchor)
            if words.end() > length - anchor:
                starts.update(length - word_end for word_end, _ in words.regs[1:] if word_end >= 0)
        return starts


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields when every match starts at one of `starts` (ascending)
    and none is empty: the pattern is tried only there, with the whole text around it (its
    look-behinds and look-aheads see what they would)."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        found = pattern.match(text, start)
        if found is not None:
            yield found
            resume = found.end()


class AnyWord:
    """Whether a text contains one of some literal words, tested faster than by an alternation of
    them: `re` tries such an alternation at every letter one of them opens with, which in
    Vietnamese is most letters. A word of several parts is looked for from the blank after its
    first part (its second part, with the first checked behind it), and blanks are fewer; the
    second parts are grouped by their first letter, so that a blank is passed over with one test
    of the letter after it per group. A word of one part is looked for with `in`; a word holding
    another of the words is left out, as the other is found wherever it is."""

    def __init__(self, *words: str) -> None:
        kept = [word for word in words if not any(other != word and other in word for other in words)]
        self._single = tuple(word for word in kept if " " not in word)
        by_letter: dict[str, list[str]] = {}
        for first, _, rest in (word.partition(" ") for word in kept if " " in word):
            by_letter.setdefault(rest[0], []).append(f"{re.escape(rest[1:])}(?<={re.escape(first)} {re.escape(rest)})")
        groups = "|".join(f"{re.escape(letter)}(?:{'|'.join(tails)})" for letter, tails in by_letter.items())
        self._spaced = re.compile(f" (?:{groups})") if by_letter else None

    def found_in(self, text: str) -> bool:
        for word in self._single:
            if word in text:
                return True
        return self._spaced is not None and self._spaced.search(text) is not None


class WordSearch:
    """`kg.guarded.word_choice(*words)`, tried only where one of the words occurs (found with
    `str.find`) rather than by `re` at every letter one of them opens with: each match starts
    with one of them, so trying the pattern at those offsets in order, past the end of the last
    match, gives the matches `finditer` and `search` give."""

    def __init__(self, *words: str) -> None:
        self.pattern = word_choice(*words).pattern
        # Where a word opening with another of them occurs, that one occurs too ("giao cho", "giao").
        self._openings = tuple(word for word in words if not any(o != word and word.startswith(o) for o in words))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return finditer_at(self.pattern, text, self._occurrences(text))

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def _occurrences(self, text: str) -> list[int]:
        found: list[int] = []
        for word in self._openings:
            at = text.find(word)
            while at >= 0:
                found.append(at)
                at = text.find(word, at + 1)
        return sorted(set(found)) if len(found) > 1 else found


def search_at_end(pattern: re.Pattern[str], text: str, reach: int, end: int | None = None) -> re.Match[str] | None:
    """`pattern.search(text, 0, end)` for a pattern of words at most `reach` characters long
    followed by blanks up to the end (`…\\s*$`), searched only where a match can start: its words
    end where the blanks at the end begin, so it need not be tried from every position."""
    end = len(text) if end is None else end
    words_end = end
    while words_end and text[words_end - 1].isspace():  # `rstrip` without copying the text
        words_end -= 1
    return pattern.search(text, max(0, words_end - reach), end)
