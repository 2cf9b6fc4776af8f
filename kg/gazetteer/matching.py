"""Matching names in text whatever their diacritics, case and separators, without losing offsets.

Text is folded one character to one character (lower case, no diacritics, đ → d), so a match in
the folded text is at the same offsets in the original. Names are normalised the same way and
turned into patterns whose separators are loose: "Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu" and
"Ba Ria Vung Tau" all normalise to "ba ria vung tau".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from kg.gazetteer.surnames import COMMON_SURNAMES
from kg.guarded import NotPrecededPattern
from kg.iri import fold, fold_aligned

T = TypeVar("T")
_SEPARATORS = re.compile(r"\s*([.&])\s*|[\s\-–—]+")
_WORD = re.compile(r"[^\W_]+")
_WRITTEN_LENGTH = 10
_EXACT_LETTERS = 2

VIETNAMESE_SURNAMES = frozenset(fold(name) for name in COMMON_SURNAMES)  # folded, as the words they meet


@functools.lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """The lookup key of a name: folded, separators collapsed ("TP. HCM" → "tp.hcm")."""
    return _SEPARATORS.sub(lambda m: m.group(1) or " ", fold(name)).strip()


def _pieces(name: str) -> list[str]:
    """The regex pieces of a normalised name: one per character, separators loosened."""
    loose = {" ": r"[\s\-–—]+", ".": r"\s*\.\s*", "&": r"\s*&\s*"}
    return [loose.get(c, re.escape(c)) for c in name]


def alternation(names: Iterable[str]) -> str:
    """One regex source matching any of `names` in folded text, built as a trie so that the engine
    does not try every name at every position; at one position the longest name wins."""
    trie: dict[str, dict] = {}
    for name in {normalise(n) for n in names}:
        node = trie
        for piece in _pieces(name):
            node = node.setdefault(piece, {})
        node[""] = {}
    return _trie_source(trie)


def written_alternation(names: Iterable[str], capital_first: bool = False, starts_only: bool = False) -> str:
    """One regex source matching, in the text as written (not folded), any of `names` in any
    spelling of diacritics and case, with a capital first letter if `capital_first`: where
    `alternation` matches a name in folded text, this matches in the text. A cheap necessary test
    before a search of the folded text. It opens with one class of the names' first letters, which
    `re` scans for quickly, each branch checking its own first letter again. Only the names' first
    `_WRITTEN_LENGTH` characters are matched, which is enough to rule out most text. With `starts_only` a
    match is the first letter alone (the rest looked ahead for, `_after_first_letter`), so that
    `finditer` reports every place a name starts, names overlapping included."""
    trie: dict[str, dict] = {}
    for name in {normalise(n)[:_WRITTEN_LENGTH] for n in names}:
        node = trie
        for index, character in enumerate(name):
            node = node.setdefault(_written_piece(character, index, capital_first), {})
        node[""] = {}
    first_letters = "".join(piece[1:-1] for piece in trie)  # names open with a letter: a class each
    if starts_only:
        return f"[{first_letters}](?={_after_first_letter(trie)})"
    branches = "|".join(f"(?<={piece}){_trie_source(child)}" for piece, child in sorted(trie.items()))
    return f"[{first_letters}](?:{branches})"


def _after_first_letter(trie: dict[str, dict]) -> str:
    """The regex source of what follows a name's first letter (the keys of `trie`), the letter
    checked behind. Branches open with the second letter's class, which `re` tests before entering
    a branch (a branch opening with a look-behind it must enter), so that after most capitals it
    enters none; only then does it look back at the first letter. A second piece matching other
    than one letter (a separator, the end of a name) gets a branch of its own."""
    by_second_letter: dict[str, list[str]] = {}
    others = []
    for first, child in sorted(trie.items()):
        for second, rest in sorted(child.items()):
            if second.startswith("[") and second.endswith("]"):  # one letter (`_written_piece`)
                by_second_letter.setdefault(second, []).append(f"(?<={first}.){_trie_source(rest)}")
            else:
                others.append(f"(?<={first}){second}{_trie_source(rest)}")
    branches = [f"{second}(?:{'|'.join(behind)})" for second, behind in sorted(by_second_letter.items())]
    return "|".join([*branches, *others])


def _written_piece(character: str, index: int, capital: bool) -> str:
    """The regex piece matching, in unfolded text, what folds to `character`, the `index`th of a
    normalised name (only letters change when folded, and they stay letters: separators match as
    in `_pieces`). The first two letters are matched exactly, the first for `re` to scan for; later
    ones by their plain forms or any character past Latin-1 (where all accented letters fold
    from), as a class of many characters past Latin-1 takes `re` long to compile."""
    if not character.isalpha():
        return _pieces(character)[0]
    written = letters_folding_to(character)
    if index < _EXACT_LETTERS:
        return f"[{re.escape(''.join(c for c in written if c.isupper() or not (capital and index == 0)))}]"
    assert all(c >= "\xc0" for c in written if not c.isascii())
    return f"(?:[{re.escape(''.join(c for c in written if c.isascii()))}]" + r"|[^\x00-\xbf])"


@functools.cache
def _folded_plane() -> tuple[str, str]:
    """The Basic Multilingual Plane and its fold (folding changes no character past it)."""
    plane = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return plane, fold_aligned(plane)


@functools.cache
def letters_folding_to(letter: str) -> str:
    """The characters that fold to `letter`, itself included."""
    plane, folded = _folded_plane()
    return "".join(plane[m.start()] for m in re.finditer(re.escape(letter), folded))


def _trie_source(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [piece + _trie_source(child) for piece, child in sorted(node.items()) if piece]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends_here else f"(?:{'|'.join(branches)})"
    if ends_here:
        body = body + "?" if body.startswith("(?:") and body.endswith(")") and len(branches) > 1 else f"(?:{body})?"
    return body


def search_at(starts: Iterable[int], pattern: re.Pattern[str] | NotPrecededPattern, text: str,
              judge: Callable[[re.Match[str]], T | None]) -> Iterator[tuple[re.Match[str], T]]:
    """Matches of `pattern` with what `judge` makes of them, skipping those it refuses (None),
    tried only at `starts` (in order): right when every match `judge` keeps begins at one of
    them. After a match kept the search goes on past it; after a refusal from the next start, so
    that a shorter name inside a refused longer one can still be found."""
    # a `NotPrecededPattern` checked here, as its `match` does, without a call per start
    body, not_before = (pattern.body, pattern.not_before) if isinstance(pattern, NotPrecededPattern) else (pattern, None)
    position = 0
    for start in starts:
        if start < position:
            continue
        if not_before is not None and start > 0 and not_before.match(text, start - 1, start) is not None:
            continue
        match = body.match(text, start)
        if match is None:
            continue
        verdict = judge(match)
        if verdict is not None:
            yield match, verdict
            position = max(match.end(), match.start() + 1)


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@functools.lru_cache(maxsize=1024)
def same_capitals(written: str, name: str) -> bool:
    """Whether `written` has capitals exactly where `name` has them (letters compared in order);
    abbreviations such as VPCP must be written in capitals to count. Kept per pair, as an article
    writes the same few abbreviations again and again."""
    written_letters = [c for c in written if c.isalpha()]
    name_letters = [c for c in name if c.isalpha()]
    return len(written_letters) == len(name_letters) and all(
        a.isupper() == b.isupper() for a, b in zip(written_letters, name_letters)
    )


def previous_word(text: str, position: int) -> tuple[str, int]:
    """The word ending just before `position` (separated by spaces only) and its start, or ("", -1)."""
    end = position
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    return (text[start:end], start) if start < end and end < position else ("", -1)


def next_word(text: str, position: int) -> str:
    """The word starting just after `position` (separated by spaces only), or ""."""
    start = position
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    if start == position:
        return ""
    end = start
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


_OLD_TONE = re.compile(r"(?<![qQ])([oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?!\w)")
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}


@functools.lru_cache(maxsize=4096)
def new_tone_placement(word: str) -> str:
    """`word` with the tone of an open "oa", "oe", "uy" on its first vowel, as the new style
    writes it: "Hoà" → "Hòa", "uỷ" → "ủy" ("quý" keeps its, "u" being part of "qu"). Kept per
    word, as the words around place names are asked again and again."""
    def moved(match: re.Match[str]) -> str:
        first, toned = match.group(1)
        base = next(b for b, forms in _TONED.items() if toned in forms)
        mark = _TONED[base].index(toned)
        placed = _TONED[first.lower()][mark]
        return (placed.upper() if first.isupper() else placed) + base
    return _OLD_TONE.sub(moved, word)
