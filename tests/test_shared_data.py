"""Tests that need the seeds or the benchmarks find them through QUOTECHECK_SEEDS and
QUOTECHECK_BENCHMARKS, and skip with the reason when they are absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from shared_data import ROOT, SEEDS, shared_folder


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, Path("/default/seeds")),
        ("", Path("/default/seeds")),
        ("/data/newsroom/seeds", Path("/data/newsroom/seeds")),
        ("  /data/with spaces/seeds ", Path("/data/with spaces/seeds")),
    ],
)
def test_the_variable_names_the_folder(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: Path
) -> None:
    if value is None:
        monkeypatch.delenv("QUOTECHECK_SEEDS", raising=False)
    else:
        monkeypatch.setenv("QUOTECHECK_SEEDS", value)
    assert shared_folder("QUOTECHECK_SEEDS", Path("/default/seeds")) == expected


def _pytest(test: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("test", "variable"),
    [
        ("tests/test_seeds.py", "QUOTECHECK_SEEDS"),
        ("tests/test_polnear_gate.py", "QUOTECHECK_BENCHMARKS"),
    ],
)
def test_absent_data_skips_with_the_reason(tmp_path: Path, test: str, variable: str) -> None:
    nowhere = tmp_path / "not-here"
    result = _pytest(test, **{variable: str(nowhere)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SKIPPED" in result.stdout and "passed" not in result.stdout
    assert str(nowhere) in result.stdout and variable in result.stdout


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")
def test_seeds_are_read_from_the_folder_the_variable_names(tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, moved)
    result = _pytest(
        "tests/test_seeds.py::test_putin_order_aligned_across_three_wordings",
        QUOTECHECK_SEEDS=str(moved),
    )
    assert "1 passed" in result.stdout, result.stdout + result.stderr
