"""Progress on stderr: only on a terminal, never with -q, rewritten in place and
cleared at the end; stdout (the report) never sees it."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from quotecheck.cli import Progress, main


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    for i, who in enumerate(["the mayor", "the harbour master", "a shopkeeper"]):
        (tmp_path / f"a{i}.txt").write_text(
            f'"The ferry must sail again this week," {who} said.\n', encoding="utf-8"
        )
    return tmp_path


def test_progress_counts_up_in_place_on_a_terminal(
    articles: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    err = FakeTerminal(tty=True)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["extract", "--format", "json", str(articles)]) == 0
    text = err.getvalue()
    assert "\rextracting 1/3 …" in text and "\rextracting 3/3 …" in text
    assert text.index("1/3") < text.index("2/3") < text.index("3/3")
    assert text.endswith("\r\033[K")  # the line is cleared before the report
    out = capsys.readouterr().out
    assert "extracting" not in out and len(json.loads(out)["articles"]) == 3


@pytest.mark.parametrize(
    ("tty", "argv"), [(False, ["extract"]), (True, ["-q", "extract"])], ids=["pipe", "quiet"]
)
def test_no_progress_off_a_terminal_or_with_quiet(
    articles: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tty: bool,
    argv: list[str],
) -> None:
    err = FakeTerminal(tty=tty)
    monkeypatch.setattr(sys, "stderr", err)
    assert main([*argv, "--format", "json", str(articles)]) == 0
    assert "extracting" not in err.getvalue()
    capsys.readouterr()


def test_draft_mode_shows_progress_over_its_sources(
    articles: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    err = FakeTerminal(tty=True)
    monkeypatch.setattr(sys, "stderr", err)
    draft = articles / "a0.txt"
    # the mayor's words are the harbour master's and the shopkeeper's in the sources
    assert main(["check", "--draft", str(draft), str(articles), "--format", "json"]) == 1
    assert "\rextracting 2/2 …" in err.getvalue()  # the draft is not one of its sources
    assert json.loads(capsys.readouterr().out)["summary"]["attributed-elsewhere"] == 1


def test_progress_helper_does_nothing_for_an_empty_run(monkeypatch: pytest.MonkeyPatch) -> None:
    err = FakeTerminal(tty=True)
    monkeypatch.setattr(sys, "stderr", err)
    p = Progress("extracting", 0)
    p.close()
    assert err.getvalue() == ""
