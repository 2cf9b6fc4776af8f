"""The facts the relaters read from sentences; `kg.emit` turns them into contract triples.

A fact names entities by `EntityRef` (kind and slug, hence `rki:<kind>/<slug>`) and keeps the
span of the sentence it was read from, so its evidence is an exact slice of the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.document import Span


@dataclass(frozen=True, order=True)
class EntityRef:
    """An entity by IRI parts: kind is one of province, admin_unit, agency, organization,
    official, directive."""

    kind: str
    slug: str


@dataclass(frozen=True)
class MembershipFact:
    """An official holding a post: `org:Membership` with the title as written as the role."""

    official: EntityRef
    role: str
    organization: EntityRef | None
    sentence: Span


@dataclass(frozen=True)
class ObservationFact:
    """One reported figure. `indicator` is a code of the indicator scheme (e.g. "OnTimeRate")
    or, when no code fits, None with `indicator_label` the phrase of the text."""

    indicator: str | None
    indicator_label: str
    ref_area: EntityRef
    value: Decimal
    unit: str
    sentence: Span
    period: str | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass(frozen=True)
class TaskFact:
    """A commitment: work assigned, or a target set, with what the text says of its status.
    `status` is a local name of the contract's TaskStatus members (CompletedOnTime, …).
    `total` points from one status line of a reported breakdown to the task that holds the total."""

    label: str
    sentence: Span
    assigned_to: tuple[EntityRef, ...]
    assigned_by: tuple[EntityRef, ...] = ()
    status: str | None = None
    count: int | None = None
    deadline: str | None = None
    status_date: str | None = None
    based_on: tuple[EntityRef, ...] = ()
    partners: tuple[EntityRef, ...] = ()
    target_value: Decimal | None = None
    target_unit: str | None = None
    total: TaskFact | None = field(default=None, compare=False)
