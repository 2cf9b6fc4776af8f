"""The collector is paused around bulk work and left as it was found, with what the block built
already old (promoted, not collected) and still collectable."""

from __future__ import annotations

import gc

from kg.collector import collector_paused


class Node:
    """An object the collector tracks, able to form a cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the outer pause stays
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_the_block_built_is_old_and_a_cycle_of_it_is_still_collected() -> None:
    with collector_paused():
        kept = Node()
        cycle = Node()
        cycle.other = Node()
        cycle.other.other = cycle
    assert any(o is kept for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
    del cycle
    assert gc.collect() >= 2
