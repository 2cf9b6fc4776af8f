"""Extraction speed on a corpus made from the seeds, on one core.

The corpus is N articles, each a seed with its provinces, personal names and figures swapped for
others (provinces from the gazetteer, surnames from the gazetteer, digits at random),
so the recognisers meet new strings rather than the five seeds over and over.

    python -m bench.extract --n 5000

prints articles/s and MB/s for extraction alone (read, clean, recognise, relate), for
extraction plus triple emission (the triples a bulk loader streams), and for both plus loading
them into an in-memory rdflib graph (the store the next issue replaces with Oxigraph). Each is run
`--repeat` times (3 by default) and printed as the median run and the best one: on a shared
machine the same code measures up to a tenth apart from run to run, and only ever slower than it
can run, so the best says what the code can do and the median what a user may expect.
`--components` adds the CPU milliseconds per article of each pipeline component and of emission,
to show where the time goes.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.collector import collector_paused
from kg.document import Document
from kg.emit import build_graph, emit_triples
from kg.gazetteer.provinces import PROVINCES
from kg.gazetteer.surnames import SURNAMES
from kg.paths import seeds_dir
from kg.pipeline import COMPONENTS, extract_all
from kg.read import read_article

DIGITS = re.compile(r"\d")
WARM_UP = 50  # articles run before timing


def make_corpus(n: int, folder: Path, seed: int = 2020) -> list[Path]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    names = [p.label for p in PROVINCES if p.in_2008_list]
    paths = []
    for index in range(n):
        text = seeds[index % len(seeds)]
        for original in names:
            if original in text:
                text = text.replace(original, rng.choice(names))
        for surname in SURNAMES[:12]:
            text = re.sub(rf"\b{surname} (?=[A-ZĐ])", f"{rng.choice(SURNAMES)} ", text)
        text = DIGITS.sub(lambda m: str(rng.randrange(10)) if rng.random() < 0.3 else m.group(0), text)
        path = folder / f"{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


STAGES = {
    "extraction": lambda _: None,
    "extraction + emission": emit_triples,
    "… + rdflib graph": build_graph,
}


def measure(paths: list[Path], then: Callable[[list[Document]], object]) -> tuple[float, float]:
    """Articles/s and MB/s from reading the articles to holding what `then` makes of them (freeing
    the documents and triples afterwards is not counted: a caller goes on to use them)."""
    size = sum(p.stat().st_size for p in paths)
    began = time.perf_counter()
    documents = extract_all(paths, paths[0].parent)
    made = then(documents)
    seconds = time.perf_counter() - began
    del made, documents
    return len(paths) / seconds, size / seconds / 1e6


def component_costs(paths: list[Path]) -> dict[str, float]:
    """CPU milliseconds per article spent in reading, in each component and in emission."""
    spent = dict.fromkeys(["read", *(c.__name__ for c in COMPONENTS), "emit_triples"], 0.0)
    documents = []
    with collector_paused():  # as `extract_all` and `emit_triples` run
        _time_components(paths, spent, documents)
    began = time.process_time()
    emit_triples(documents)
    spent["emit_triples"] += time.process_time() - began
    return {name: seconds * 1000 / len(paths) for name, seconds in spent.items()}


def _time_components(paths: list[Path], spent: dict[str, float], documents: list[Document]) -> None:
    for path in sorted(paths):
        began = time.process_time()
        document = read_article(path, path.parent)
        spent["read"] += time.process_time() - began
        for component in COMPONENTS:
            began = time.process_time()
            component(document)
            spent[component.__name__] += time.process_time() - began
        documents.append(document)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="articles in the corpus (default 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each stage (default 3)")
    parser.add_argument("--components", action="store_true", help="also print CPU ms per article per component")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = make_corpus(args.n, Path(folder))
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {len(paths)} articles, {megabytes:.1f} MB")
        print(f"{'':<24} {'median':>8} {'best':>8}  articles/s  (MB/s: median, best) of {args.repeat} runs")
        build_graph(extract_all(paths[:WARM_UP], paths[0].parent))  # patterns compiled, tables built: once per process
        for label, then in STAGES.items():
            runs = [measure(paths, then) for _ in range(args.repeat)]
            articles, megabytes = [run[0] for run in runs], [run[1] for run in runs]
            print(f"{label:<24} {statistics.median(articles):8.1f} {max(articles):8.1f}  articles/s  "
                  f"{statistics.median(megabytes):5.2f} {max(megabytes):5.2f} MB/s")
        if args.components:
            costs = component_costs(paths)
            print("CPU ms per article:")
            for name, milliseconds in sorted(costs.items(), key=lambda item: -item[1]):
                print(f"  {name:<24} {milliseconds:6.2f}")
            print(f"  {'total':<24} {sum(costs.values()):6.2f}")


if __name__ == "__main__":
    main()
