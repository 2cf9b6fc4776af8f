"""Where the project's schema, shapes, stored queries and default folders live.

They sit at the top of the checkout, beside the package; REFORMKG_HOME points elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    home = os.environ.get("REFORMKG_HOME")
    return Path(home) if home else Path(__file__).resolve().parent.parent


def ontology_dir() -> Path:
    return project_root() / "ontology"


def shapes_dir() -> Path:
    return project_root() / "shapes"


def queries_dir() -> Path:
    return project_root() / "queries"


def seeds_dir() -> Path:
    return project_root() / "seeds"


def default_graph_path() -> Path:
    return project_root() / "build" / "reform-kg.ttl"
