"""The HTML report in a real headless Chromium: it renders, the highlights and the
findings are there, and a quote containing ``<script>`` runs nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quotecheck.models import Report
from quotecheck.report.html_report import render_html

from .conftest import SCRIPT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium chromium-driver)"
)


def _chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            f"--user-data-dir={profile}",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp,
    )


def _dump_dom(tmp: Path, html_file: Path) -> str:
    res = _chromium(tmp, html_file.as_uri(), "--dump-dom", "--virtual-time-budget=2000")
    assert res.returncode == 0, res.stderr[-2000:]
    assert "<body" in res.stdout, res.stderr[-2000:]
    return res.stdout


def test_script_in_a_quote_runs_nothing(small_report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(small_report, title="quotecheck report"), encoding="utf-8")
    dom = _dump_dom(tmp_path, page)
    # the script would have set the title and added <p id="pwned">
    assert re.search(r"<title>quotecheck report</title>", dom)
    assert 'id="pwned"' not in dom and "<script" not in dom.lower()
    # it is shown as text instead
    assert (
        "&lt;script&gt;document.title='PWNED'" in dom
        or "&lt;script&gt;document.title=&#x27;PWNED" in dom
    )
    assert dom.count("<mark ") == sum(len(a.quotes) for a in small_report.articles)
    assert dom.count('class="finding ') == len(small_report.findings)
    assert "<del>close</del>" in dom and "<ins>shut</ins>" in dom


def test_plant_closure_renders_with_screenshot(plant_report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(plant_report), encoding="utf-8")
    dom = _dump_dom(tmp_path, page)
    assert dom.count("<mark ") >= 30
    assert dom.count('class="finding ') == len(plant_report.findings)
    shot = tmp_path / "report.png"
    res = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,1600")
    assert res.returncode == 0, res.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000


def test_the_harness_would_notice_a_running_script(tmp_path: Path) -> None:
    """Negative control: the same script, unescaped, does run in this browser setup."""
    page = tmp_path / "raw.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>quotecheck report</title></head><body><p>x</p>"
        f"<div>{SCRIPT}</div></body></html>",
        encoding="utf-8",
    )
    dom = _dump_dom(tmp_path, page)
    assert 'id="pwned"' in dom and "<title>PWNED</title>" in dom


DRAFT_DATA = Path(__file__).resolve().parents[1] / "draft" / "data"


def test_draft_report_renders_with_verdict_highlights_and_screenshot(tmp_path: Path) -> None:
    """``check --draft --format html``: the draft's quotes highlighted by verdict, a card
    per quote, the findings; rendered in Chromium (docs/img/draft-report.png is this
    page: see docs/report-formats.md for the command)."""
    from quotecheck.cli import main

    page = tmp_path / "draft.html"
    draft = DRAFT_DATA / "draft-problems.md"
    argv = ["check", "--draft", str(draft), "--sources", str(DRAFT_DATA / "sources")]
    assert main([*argv, "--format", "html", "-o", str(page)]) == 1
    dom = _dump_dom(tmp_path, page)
    marks = re.findall(r'<mark id="a0-(\d+)" class="(v-[\w-]+)"', dom)
    assert sorted(cls for _, cls in marks) == [
        "v-attributed-elsewhere",
        "v-not-found",
        "v-not-found",
        "v-variant-warning",
    ]
    assert dom.count('class="verdict ') == 4
    for start, _ in marks:  # each card links back to its highlight
        assert f'href="#a0-{start}"' in dom
    assert dom.count('class="finding ') == 2 and "<script" not in dom.lower()
    assert "<del>certain</del>" in dom and "<ins>completely sure</ins>" in dom
    shot = tmp_path / "draft.png"
    res = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,1500")
    assert res.returncode == 0, res.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
