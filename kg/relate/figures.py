"""Written figures: a number mention on its own, or a ratio and the rate stated with it
("2.132/2.132 thủ tục (tỷ lệ 100%)", "18/64 nhiệm vụ, đạt 28,13%"), which are one figure.

A bare ratio ("thực hiện được 18/64 nhiệm vụ") is the share it implies, in Percent rounded to two
decimals, with numerator and denominator; after "thứ", "hạng" ("xếp thứ 5/63") it is a rank; a
ratio whose numerator exceeds its denominator ("14/5") is no share and gets no unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.document import Mention

RANK_BEFORE = re.compile(r"\b(thu|hang|vi tri)\s*$")
RANK_REACH = 6  # the longest words of RANK_BEFORE: see `tail_start`
RATE_AFTER_PERCENT = re.compile(r"\s*%?\s*\(\s*")
CLAUSE_END = re.compile(r"[;:]")


@dataclass(frozen=True)
class Figure:
    """A written figure: one number mention, or a ratio and the rate stated with it."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    numerator: Decimal | None
    denominator: Decimal | None
    noun: str
    written_rate: bool
    inner: str = ""  # the words between a ratio and its rate


def figures_of(text: str, folded: str, sentence_start: int, numbers: list[Mention]) -> list[Figure]:
    """The figures the number mentions of one sentence (in order) write; `folded` is `text` folded."""
    figures: list[Figure] = []
    i = 0
    while i < len(numbers):
        first, second = numbers[i], numbers[i + 1] if i + 1 < len(numbers) else None
        if second is not None and _is_ratio(first) and second.attrs.get("unit") == "Percent" \
                and _rate_follows(text[first.end:second.start]):
            figures.append(_paired(first, second, first, second, text[first.end:second.start]))
            i += 2
        elif second is not None and first.attrs.get("unit") == "Percent" and _is_ratio(second) \
                and RATE_AFTER_PERCENT.fullmatch(text, first.end, second.start):
            figures.append(_paired(first, second, second, first, ""))
            i += 2
        else:
            lead = folded[sentence_start:first.start]
            rank = RANK_BEFORE.search(lead, tail_start(lead, RANK_REACH)) is not None
            figures.append(_single(first, rank))
            i += 1
    return figures


def tail_start(lead: str, reach: int) -> int:
    """Where a search for a pattern of words ending the lead (then blanks) can start: at most
    `reach` characters, its longest words, before the blanks at the end."""
    return max(0, len(lead.rstrip()) - reach)


def _is_ratio(mention: Mention) -> bool:
    return mention.attrs.get("numerator") is not None and mention.attrs.get("denominator") is not None


def _rate_follows(between: str) -> bool:
    """The words between a ratio and a percentage tie them: "thủ tục (tỷ lệ", "nhiệm vụ, đạt"."""
    return ";" not in between and "." not in between and len(between.split()) <= 8


def _paired(first: Mention, second: Mention, ratio: Mention, rate: Mention, between: str) -> Figure:
    return Figure(first.start, second.end, rate.attrs["value"], "Percent", Decimal(ratio.attrs["numerator"]),
                  Decimal(ratio.attrs["denominator"]), "", True, between)


def _single(mention: Mention, rank: bool) -> Figure:
    """One number mention as a figure; a ratio after "thứ", "hạng" ("xếp thứ 5/63") is a rank."""
    noun = mention.attrs.get("noun") or ""
    if _is_ratio(mention):
        numerator, denominator = Decimal(mention.attrs["numerator"]), Decimal(mention.attrs["denominator"])
        if rank:
            return Figure(mention.start, mention.end, numerator, "Rank", None, None, "", False)
        if not 0 < numerator <= denominator:  # "14/5" is a date, not a share
            return Figure(mention.start, mention.end, numerator, None, None, None, noun, False)
        return Figure(mention.start, mention.end, _share(numerator, denominator), "Percent",
                      numerator, denominator, noun, False)
    unit = mention.attrs.get("unit")
    return Figure(mention.start, mention.end, mention.attrs["value"], unit, None, None, noun, unit == "Percent")


def _share(numerator: Decimal, denominator: Decimal) -> Decimal:
    share = (numerator * 100 / denominator).quantize(Decimal("0.01"))
    return share.quantize(Decimal(1)) if share == share.to_integral_value() else share.normalize()
