"""Shared fixtures: a hand-written contract graph, a throw-away project folder, the seed graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.store import GraphStore

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
REPOSITORY = TESTS.parent


@pytest.fixture
def mini_path() -> Path:
    """A small graph in the shape of the data contract (tests/fixtures/mini.ttl)."""
    return FIXTURES / "mini.ttl"


@pytest.fixture
def mini_store(mini_path: Path) -> GraphStore:
    return GraphStore.load(mini_path)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder of its own (REFORMKG_HOME, also the working folder): the real stored
    queries, the fixture shapes, no ontology, and `build/reform-kg.ttl` = the mini graph."""
    shutil.copytree(REPOSITORY / "queries", tmp_path / "queries")
    (tmp_path / "shapes").mkdir()
    shutil.copy(FIXTURES / "shapes.ttl", tmp_path / "shapes" / "shapes.ttl")
    (tmp_path / "ontology").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "build").mkdir()
    shutil.copy(FIXTURES / "mini.ttl", tmp_path / "build" / "reform-kg.ttl")
    monkeypatch.setenv("REFORMKG_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def seed_data() -> GraphStore:
    """The graph built from the real seed articles (no ontology), built once."""
    from kg.build import build_from_folder
    from kg.paths import project_root, seeds_dir

    _, graph = build_from_folder(seeds_dir(), project_root())
    return GraphStore(graph)


@pytest.fixture(scope="session")
def seed_store(seed_data: GraphStore) -> GraphStore:
    """The seed graph with the ontology, as `kg query` sees it."""
    from kg.paths import ontology_dir

    store = GraphStore()
    store.graph += seed_data.graph
    for path in sorted(ontology_dir().glob("*.ttl")):
        store.add_file(path)
    return store
