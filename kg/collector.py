"""Pausing Python's cyclic garbage collector around bulk work that builds many objects and frees
few: extraction keeps every document's mentions and facts, emission a tuple per triple. The passes
those allocations trigger find nothing to free, yet each full pass rescans every live document,
so their cost grows with the corpus (measured: a tenth of extraction, a third of emission).
Objects are still freed as their last reference goes; only cycles wait for the next pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block, and leave it as it was (a caller may have paused it)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _promote_to_oldest()
        gc.enable()


def _promote_to_oldest() -> None:
    """Move every tracked object to the oldest generation, as surviving collections would, without
    the collections: the first young pass after a pause would otherwise scan all the block built
    (a document's mentions and facts) only to keep it. Frozen and at once unfrozen, they stay
    collectable: the next full pass looks at them, as it would at any long-lived object."""
    gc.freeze()
    gc.unfreeze()
