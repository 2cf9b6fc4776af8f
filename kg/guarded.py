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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


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
    once and the guard cannot drift from the pattern. The chosen word is group 1."""
    choice = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return guarded(rf"(?<![\w])({choice})(?![\w])", *words)


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
