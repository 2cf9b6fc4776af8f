"""The pipeline over many articles: batches change the speed, never the results."""

from __future__ import annotations

from kg import pipeline
from kg.paths import seeds_dir
from kg.pipeline import extract, extract_all


def test_articles_extracted_in_batches_give_what_each_alone_gives(monkeypatch) -> None:
    paths = sorted(seeds_dir().glob("*.txt"), reverse=True)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    finished: list[int] = []
    batched = extract_all(paths, seeds_dir().parent, progress=finished.append)
    alone = [extract(path, seeds_dir().parent) for path in sorted(paths)]
    assert finished == [2, 2, 1]
    assert [d.path.name for d in batched] == [d.path.name for d in alone]
    assert [d.mentions for d in batched] == [d.mentions for d in alone]
    assert [d.facts for d in batched] == [d.facts for d in alone]
    assert [d.meta for d in batched] == [d.meta for d in alone]
