"""Where the shared data beside the repository is: the seed articles and the benchmarks.

They are never copied into the repository. ``QUOTECHECK_SEEDS`` and
``QUOTECHECK_BENCHMARKS`` name the folders; without them, ``../shared/seeds`` and
``../shared/benchmarks`` beside the repository. A test that needs one skips, with the
reason, when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_folder(variable: str, default: Path) -> Path:
    """The folder named by the environment ``variable``, else ``default``."""
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else default


def missing(what: str, path: Path, variable: str) -> str:
    """The skip reason for shared data that is not there."""
    return f"{what} not found at {path} (set {variable} to the folder that holds them)"


SEEDS = shared_folder("QUOTECHECK_SEEDS", ROOT.parent / "shared" / "seeds")
BENCHMARKS = shared_folder("QUOTECHECK_BENCHMARKS", ROOT.parent / "shared" / "benchmarks")
