"""Start-up: a command imports only what it uses, so a one-file run in a pre-commit
hook does not pay for the cross-check, draft mode or report formats it never writes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

UNUSED_BY_EXTRACT = (
    "quotecheck.crosscheck",
    "quotecheck.checks",
    "quotecheck.draft",
    "quotecheck.report.sarif",
    "quotecheck.report.junit",
    "quotecheck.report.github",
    "quotecheck.report.html_report",
    "rapidfuzz",
)


def _modules_after(argv: list[str]) -> set[str]:
    code = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from quotecheck.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main({argv!r})
        print("\\n".join(sorted(sys.modules)))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "a.txt"
    path.write_text('"The bridge reopens on Monday," the mayor said.\n', encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_extract_imports_no_cross_check_draft_or_other_writers(article: str, fmt: str) -> None:
    loaded = _modules_after(["extract", "--format", fmt, article])
    assert "quotecheck.api" in loaded
    assert not {m for m in loaded if m.startswith(UNUSED_BY_EXTRACT)}


def test_check_imports_only_the_writer_it_uses(article: str) -> None:
    loaded = _modules_after(["check", "--format", "sarif", article])
    assert {"quotecheck.checks", "quotecheck.report.sarif"} <= loaded
    assert not loaded & {"quotecheck.report.html_report", "quotecheck.report.junit"}
    assert "quotecheck.draft" not in loaded
