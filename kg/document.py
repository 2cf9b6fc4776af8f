"""The document that flows through the pipeline: text, the parts cleaned away, sentences, mentions.

Every mention and sentence is a pair of character offsets into `Document.text`, so evidence is
`text[start:end]` by construction and never retyped. Components (reader, cleaner, sentence
splitter, recognisers, relaters) each take a Document and add to it.

Mention kinds and what their `key` and `attrs` hold:

| kind         | key                         | attrs                                                        |
|--------------|-----------------------------|--------------------------------------------------------------|
| province     | province slug               | label (vi), label_en                                         |
| admin_unit   | unit slug                   | label, province (slug)                                        |
| agency       | agency slug                 | label, label_en, alt (abbreviation as written, if any),     |
|              |                             | jurisdiction (province slug), unit (unit slug, for a body of |
|              |                             | a district, town or commune), parent (agency slug),          |
|              |                             | org_class ("Agency" or "Organization")                       |
| official     | person slug                 | name, role (title as written), organization (agency slug)    |
| directive    | slug of the document number | number, doc_type (abbreviation, e.g. "NĐ"), issuer (agency   |
|              |                             | slug), issued (ISO date), implements (directive slug), title |
|              |                             | short (True for a later short mention, "Nghị quyết 54")       |
| number       | normalised decimal text     | value (Decimal), unit, numerator, denominator                |
| period       | normalised period text      | grain ("date", "month", "quarter", "year", "range", "span")  |
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

from kg.iri import fold_aligned

T = TypeVar("T")

# No name, number or date runs longer; `covered` looks this far back for overlapping mentions.
LONGEST_MENTION = 300


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of characters in the document text."""

    start: int
    end: int

    def __contains__(self, other: object) -> bool:
        return isinstance(other, Span) and self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, order=True)
class Sentence(Span):
    """A sentence of the article body."""


class SpanIndex:
    """Spans ready for the question "does any of them overlap this one?": a binary search instead
    of a scan, as recognisers ask it for every token."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._reach = list(accumulate((s.end for s in ordered), max))  # furthest end so far

    def overlaps(self, span: Span) -> bool:
        """Whether any of the spans overlaps `span` (as `Span.overlaps` says): of those starting
        before `span` ends, the one reaching furthest ends after `span` starts."""
        count = bisect_left(self._starts, span.end)
        return count > 0 and self._reach[count - 1] > span.start


@dataclass(order=True)
class Mention:
    """A recognised stretch of text: an entity, a number or a period."""

    start: int
    end: int
    kind: str
    key: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


# The order of `Mention` (its compared fields) as a sort key, compared in C: the same order as
# sorting the mentions themselves, faster.
MENTION_ORDER = attrgetter("start", "end", "kind", "key")
SPAN_ORDER = attrgetter("start", "end")  # the same for spans


@dataclass
class SourceMeta:
    """What the article says about itself, read from its header and trailers."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    issued: str | None = None


@dataclass
class Document:
    """One input article and everything the pipeline has found in it."""

    path: Path
    text: str
    file: str = ""
    removed: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)
    facts: list[Any] = field(default_factory=list)
    _index: tuple[int, list[int]] = field(default=(-1, []), init=False, repr=False, compare=False)
    _kind_index: tuple[int, dict[str, tuple[list[Mention], list[int]]]] = field(
        default=(-1, {}), init=False, repr=False, compare=False)
    _stem: tuple[Path | None, str] = field(default=(None, ""), init=False, repr=False, compare=False)
    _folded: tuple[str | None, str] = field(default=(None, ""), init=False, repr=False, compare=False)
    _removed_index: tuple[list[Span] | None, int, SpanIndex] = field(default=(None, 0, SpanIndex(())), init=False,
                                                                      repr=False, compare=False)
    _sentence_index: tuple[list[Sentence] | None, list[int]] = field(default=(None, []), init=False, repr=False,
                                                                      compare=False)
    _memo: dict[str, tuple[object, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def stem(self) -> str:
        """The file name without suffix, kept per path: emission asks it for every fact."""
        path, stem = self._stem
        if path is not self.path:
            stem = self.path.stem
            self._stem = (self.path, stem)
        return stem

    def memo(self, name: str, state: object, compute: Callable[[], T]) -> T:
        """What `compute` gives, kept under `name` while the document's `state` (what the result
        depends on) stays the same: for results several components ask of the document."""
        kept = self._memo.get(name)
        if kept is not None and kept[0] == state:
            return kept[1]
        value = compute()
        self._memo[name] = (state, value)
        return value

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def folded(self) -> str:
        """The text folded (`kg.iri.fold_aligned`: offsets kept), once per text: relaters read the
        folded words of every sentence and clause."""
        text, folded = self._folded
        if text is not self.text:
            folded = fold_aligned(self.text)
            self._folded = (self.text, folded)
        return folded

    @property
    def lowered(self) -> str:
        """The text lower-cased (`str.lower`), once per text: the spam screen and the figure
        relater both read it."""
        return self.memo("lowered", self.text, self.text.lower)

    def folded_slice(self, span: Span) -> str:
        return self.folded[span.start : span.end]

    def is_removed(self, span: Span) -> bool:
        """Whether `span` overlaps text the cleaner removed (a binary search over `removed`,
        indexed again when the list is replaced or grows)."""
        removed, count, index = self._removed_index
        if removed is not self.removed or count != len(self.removed):
            index = SpanIndex(self.removed)
            self._removed_index = (self.removed, len(self.removed), index)
        return index.overlaps(span)

    def add(self, mention: Mention) -> None:
        """Add a mention. Mentions may nest (a province inside an agency name); a recogniser that
        must not claim text another already has asks `covered` first."""
        self.mentions.append(mention)

    def covered(self, span: Span, kinds: tuple[str, ...]) -> bool:
        """Whether a mention of one of these kinds overlaps `span`."""
        starts = self._starts()
        for index in range(bisect_left(starts, span.start - LONGEST_MENTION), bisect_left(starts, span.end)):
            mention = self.mentions[index]
            if mention.kind in kinds and mention.end > span.start:
                return True
        return False

    def mentions_in(self, span: Span, kind: str | None = None) -> list[Mention]:
        """The mentions inside `span`, in order; a binary search, as relaters ask this per clause."""
        if kind is None:
            mentions, starts = self.mentions, self._starts()
        else:
            mentions, starts = self._of_kind(kind)
        starting_inside = mentions[bisect_left(starts, span.start):bisect_left(starts, span.end)]
        return [m for m in starting_inside if m.end <= span.end]

    def _starts(self) -> list[int]:
        """Start offsets of the sorted mentions, rebuilt when mentions were added (they are only
        ever added, so their count tells)."""
        count, starts = self._index
        if count != len(self.mentions):
            self.mentions.sort(key=MENTION_ORDER)
            starts = [m.start for m in self.mentions]
            self._index = (len(self.mentions), starts)
        return starts

    def sentence_of(self, position: int) -> Sentence | None:
        """The sentence holding `position`. Sentences are disjoint and in text order (see
        `kg.sentences`), so it can only be the last one starting at or before it: a binary search,
        as resolution asks this for every mention."""
        index = self._sentence_index_of(position)
        return self.sentences[index] if index is not None else None

    def starts_paragraph(self, index: int) -> bool:
        """Whether sentence `index` opens a paragraph: the first, or one after a line break."""
        return index == 0 or "\n" in self.text[self.sentences[index - 1].end:self.sentences[index].start]

    def mentions_by_sentence(self, kind: str) -> list[list[Mention]]:
        """For each sentence, what `mentions_in(sentence, kind)` gives: in one pass over the
        mentions of that kind, for relaters that ask it of every sentence."""
        found: list[list[Mention]] = [[] for _ in self.sentences]
        for mention in self.iter_kind(kind):
            index = self._sentence_index_of(mention.start)
            if index is not None and mention.end <= self.sentences[index].end:
                found[index].append(mention)
        return found

    def _sentence_index_of(self, position: int) -> int | None:
        sentences = self.sentences
        indexed, starts = self._sentence_index
        if indexed is not sentences or len(starts) != len(sentences):
            starts = [s.start for s in sentences]
            self._sentence_index = (sentences, starts)
        index = bisect_right(starts, position) - 1
        return index if index >= 0 and position < sentences[index].end else None

    def iter_kind(self, kind: str) -> Iterator[Mention]:
        return iter(self._of_kind(kind)[0])

    def count(self, kind: str) -> int:
        """How many mentions of a kind there are (mentions are only ever added: the count tells
        whether any were)."""
        return len(self._of_kind(kind)[0])

    def _of_kind(self, kind: str) -> tuple[list[Mention], list[int]]:
        """The sorted mentions of one kind and their starts, regrouped when mentions were added:
        relaters ask for one kind per clause, and a sentence may hold hundreds of mentions."""
        starts = self._starts()
        count, by_kind = self._kind_index
        if count != len(starts):
            by_kind = {}
            for mention in self.mentions:
                by_kind.setdefault(mention.kind, ([], []))[0].append(mention)
            for mentions, kind_starts in by_kind.values():
                kind_starts.extend(m.start for m in mentions)
            self._kind_index = (len(starts), by_kind)
        return by_kind.get(kind, ([], []))
