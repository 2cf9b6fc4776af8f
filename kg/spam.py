"""What spam mirrors inject into a copied article: betting keywords with the unaccented words
stuck to them, and letter runs fused without spaces. `kg.clean` cuts these inside kept lines."""

from __future__ import annotations

import re
from collections.abc import Iterator

_BETTING = re.compile(
    r"(?<!\w)(?:c[áa]\s*c[ưu][ợo]c|nh[àa]\s*c[áa]i|casino|slots?|n[ổo]\s*h[ũu]|t[àa]i\s*x[ỉi]u|"
    r"b[óo]ng\s*đ[áa]\s*tr[ựu]c\s*tuy[ếe]n|bong\s*da\s*truc\s*tuyen|cá\s*độ|lô\s*đề|soi\s*kèo|"
    r"game\s*bài|baccarat|poker|jackpot|\d*bet\d*|sbobet|kubet|[mw]88|fb88|vn88|fun88|bk8)(?!\w)",
    re.I,
)
_BETTING_HINTS = tuple(
    "cược|cuoc|nhà cái|nha cai|nhacai|casino|slot|nổ hũ|no hu|tài xỉu|tai xiu|bóng đá trực|bong da|"
    "cá độ|lô đề|kèo|game bài|baccarat|poker|jackpot|bet|m88|w88|fb88|bk8".split("|")
)
# Letters of the hints, the rarest in Vietnamese news first (a letter not listed is common).
_BY_RARITY = "jèfwũ8exóềợộsbáoa"


def _any_hint(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that finds where any of the hints is: each branch starts at the rarest letter of
    its hint and looks behind for the whole hint, so the scan skips fast from one place holding one
    of those few letters to the next (one pass instead of a substring search per hint)."""

    def rarity(letter: str) -> int:
        rank = _BY_RARITY.find(letter)
        return rank if rank >= 0 else len(_BY_RARITY)

    branches = []
    for hint in hints:
        rarest = min(range(len(hint)), key=lambda index: rarity(hint[index]))
        branches.append(f"{re.escape(hint[rarest:])}(?<={re.escape(hint)})")
    return re.compile("|".join(branches))


_BETTING_HINT = _any_hint(_BETTING_HINTS)
# Each keyword of _BETTING, or a part every match of it holds ("bet" of "\d*bet\d*"), without the
# word-boundary checks: where _BETTING matches a line, this matches the lower-cased line, unless
# the line has "ſ", "ı" or "İ", the only letters IGNORECASE matches to a keyword letter that
# `str.lower` does not lower to it one for one. Each keyword opening with a letter lets the
# regex engine skip the positions no keyword starts at; the keywords are grouped by that letter
# (in their order within a group, so the same one matches) to try few at the others.
_KEYWORD = re.compile(
    r"c(?:[áa]\s*c[ưu][ợo]c|asino|á\s*độ)|n(?:h[àa]\s*c[áa]i|[ổo]\s*h[ũu])|s(?:lot|oi\s*kèo)|"
    r"t[àa]i\s*x[ỉi]u|b(?:[óo]ng|accarat|et|k8)|lô\s*đề|game\s*bài|poker|jackpot|m88|w88|f(?:b88|un88)|vn88"
)
_OTHER_CASE_FORMS = ("ſ", "ı", "İ")
_ASCII_WORD_BEFORE = re.compile(r"(?:(?<!\S)[a-z0-9]+\s+)+$")
_ASCII_WORD_AFTER = re.compile(r"(?:\s+[a-z0-9]+(?!\S))+")
# Vietnamese syllables are at most seven letters; a long letter run with a diacritic is words
# fused by a scraper or injected by a spammer.
_FUSED_LENGTH = 16
_FUSED = re.compile(r"[^\W\d_]{%d,}" % _FUSED_LENGTH)
# A whole token (of `str.split`: a regex `\S` is just a character it does not split at) of at least
# _FUSED_LENGTH characters: a scan finds such a run first where its token starts.
_LONG_TOKEN = re.compile(r"\S{%d,}" % _FUSED_LENGTH)
# Blanks and the shorter tokens from a position on, taken without backtracking: it stops at the end
# or where a long token starts, and walks the text much faster than a search tried at every place.
_SHORT_TOKENS = re.compile(r"\s*+(?:\S{1,%d}+(?:\s++|\Z))*+" % (_FUSED_LENGTH - 1))


def looks_spammed(text: str, lowered: str | None = None) -> bool:
    """Whether a page may carry spam at all: spam is rare, and looking for it once in the whole
    text spares a slow search on every line. `lowered`: `text.lower()`, if the caller has it."""
    return _BETTING_HINT.search(text.lower() if lowered is None else lowered) is not None or any(
        not token.group().isascii() for token in _long_tokens(text))


def spam_cuts(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of its betting keywords, with the unaccented words stuck
    to them, then of its fused letter runs."""
    cuts = []
    for keyword in _BETTING.finditer(text) if _may_bet(text) else ():
        before = _ASCII_WORD_BEFORE.search(text, 0, keyword.start())
        after = _ASCII_WORD_AFTER.match(text, keyword.end())
        cuts.append((before.start() if before else keyword.start(), after.end() if after else keyword.end()))
    # a fused run is a long token or inside one, and few lines have any
    if next(_long_tokens(text), None) is not None:
        cuts.extend((run.start(), run.end()) for run in _FUSED.finditer(text) if not run.group().isascii())
    return cuts


def spam_candidates(text: str, lowered: str | None = None) -> list[tuple[int, int]]:
    """Stretches of `text` such that a part of it where `spam_cuts` finds anything overlaps one:
    the matches of _KEYWORD in the lower-cased text (the scan of the whole text matches at, or
    over, every place the scan of a part would) and the long tokens, or all of it when `str.lower`
    does not lower it one letter for one (see _KEYWORD). `lowered`: `text.lower()`, if the caller
    has it."""
    if any(form in text for form in _OTHER_CASE_FORMS):
        return [(0, len(text))]
    stretches = [match.span() for match in _KEYWORD.finditer(text.lower() if lowered is None else lowered)]
    stretches.extend(token.span() for token in _long_tokens(text))
    return stretches


def _long_tokens(text: str) -> Iterator[re.Match[str]]:
    """The matches of _LONG_TOKEN in `text`, in order (what its `finditer` gives, faster)."""
    position, length = 0, len(text)
    while True:
        short = _SHORT_TOKENS.match(text, position)
        assert short is not None  # it may match nothing, so it always matches
        if short.end() == length:
            return
        token = _LONG_TOKEN.match(text, short.end())
        assert token is not None  # a short token would have been taken
        yield token
        position = token.end()


def _may_bet(text: str) -> bool:
    """Whether `_BETTING` can match (see _KEYWORD): the fast scan spares its slow one on the many
    lines of a spam page without a keyword."""
    if any(form in text for form in _OTHER_CASE_FORMS):
        return True
    return _KEYWORD.search(text.lower()) is not None
