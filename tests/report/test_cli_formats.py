"""End to end: ``quotecheck check --format FMT`` for every format, and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quotecheck.report import FORMATS

from .conftest import ROOT

PLANT = "fixtures/story-plant-closure"


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotecheck", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def _valid(fmt: str, out: str) -> None:
    if fmt in {"json", "sarif"}:
        json.loads(out)
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "github":
        assert any(line.startswith("::error ") for line in out.splitlines())
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<mark" in out
    else:
        assert out.strip()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_and_exit_codes(fmt: str) -> None:
    res = _run(PLANT, "--format", fmt)
    assert res.returncode == 1, res.stderr  # the story has error findings; default --fail-on error
    _valid(fmt, res.stdout)
    never = _run(PLANT, "--format", fmt, "--fail-on", "never")
    assert never.returncode == 0, never.stderr
    assert never.stdout == res.stdout


def test_sarif_uris_relative_to_the_working_folder() -> None:
    res = _run(PLANT, "--format", "sarif")
    log = json.loads(res.stdout)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris and all(u.startswith(PLANT + "/") for u in uris)


def test_warning_threshold_and_clean_story(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        '"We will reopen on Monday," said Ann Park, the librarian.\n', encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        '"We will reopen on Monday," Ann Park, the librarian, said.\n', encoding="utf-8"
    )
    for fmt in ("sarif", "junit", "github", "html"):
        res = _run(str(tmp_path), "--format", fmt, cwd=tmp_path)
        assert res.returncode == 0, (fmt, res.stderr)
    log = json.loads(_run(str(tmp_path), "--format", "sarif", cwd=tmp_path).stdout)
    assert log["runs"][0]["results"] == []


def test_unreadable_input_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"Yes," said Ann Park.\n', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    res = _run(
        str(tmp_path / "a.txt"), str(tmp_path / "empty.txt"), "--format", "sarif", cwd=tmp_path
    )
    assert res.returncode == 2
    inv = json.loads(res.stdout)["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["level"] == "error"
    res = _run(
        str(tmp_path / "a.txt"), str(tmp_path / "empty.txt"), "--format", "junit", cwd=tmp_path
    )
    assert res.returncode == 2 and ET.fromstring(res.stdout).get("errors") == "1"
