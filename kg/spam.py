"""What spam mirrors inject into a copied article: betting keywords with the unaccented words
stuck to them, and letter runs fused without spaces. `kg.clean` cuts these inside kept lines."""

from __future__ import annotations

import re

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
_ASCII_WORD_BEFORE = re.compile(r"(?:(?<!\S)[a-z0-9]+\s+)+$")
_ASCII_WORD_AFTER = re.compile(r"(?:\s+[a-z0-9]+(?!\S))+")
# Vietnamese syllables are at most seven letters; a long letter run with a diacritic is words
# fused by a scraper or injected by a spammer.
_FUSED_LENGTH = 16
_FUSED = re.compile(r"[^\W\d_]{%d,}" % _FUSED_LENGTH)


def looks_spammed(text: str) -> bool:
    """Whether a page may carry spam at all: spam is rare, and looking for it once in the whole
    text spares a slow search on every line."""
    lowered = text.lower()
    return any(hint in lowered for hint in _BETTING_HINTS) or any(not token.isascii() for token in _long_tokens(text))


def spam_cuts(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of its betting keywords, with the unaccented words stuck
    to them, then of its fused letter runs."""
    cuts = []
    for keyword in _BETTING.finditer(text):
        before = _ASCII_WORD_BEFORE.search(text, 0, keyword.start())
        after = _ASCII_WORD_AFTER.match(text, keyword.end())
        cuts.append((before.start() if before else keyword.start(), after.end() if after else keyword.end()))
    # a fused run is a long token or inside one, and few lines have any
    if _long_tokens(text):
        cuts.extend((run.start(), run.end()) for run in _FUSED.finditer(text) if not run.group().isascii())
    return cuts


def _long_tokens(text: str) -> list[str]:
    """The runs of at least `_FUSED_LENGTH` non-blank characters (`str.split` splits at the very
    characters a regex `\\s` matches, and faster than a regex scan)."""
    return [token for token in text.split() if len(token) >= _FUSED_LENGTH]
