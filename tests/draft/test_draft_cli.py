"""Draft mode end to end: ``quotecheck check --draft DRAFT --sources PATH...`` and
:func:`quotecheck.check_draft` on a small story written for these tests (two source
articles on a ferry suspension and four drafts, each with its own problems)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import quotecheck
from quotecheck.cli import main
from quotecheck.crosscheck.align import normalize_quote

DATA = Path(__file__).resolve().parent / "data"
SOURCES = DATA / "sources"
WIRE = SOURCES / "source-wire.txt"
LOCAL = SOURCES / "source-local.md"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["check", "--format", "json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def by_verdict(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for v in data["verdicts"]:
        out.setdefault(v["verdict"], []).append(v)
    return out


def test_clean_draft_is_verified_with_where_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, data = run(capsys, "--draft", str(DATA / "draft-clean.md"), "--sources", str(SOURCES))
    assert code == 0
    assert data["mode"] == "draft"
    assert data["summary"] == {
        "verified": 5,  # with "residents had long warned that the fleet was ..." (reported)
        "variant": 1,
        "attributed-elsewhere": 0,
        "not-found": 0,
    }
    assert sorted(data["sources"]) == [str(LOCAL), str(WIRE)]
    verified = by_verdict(data)["verified"]
    draft_text = (DATA / "draft-clean.md").read_text(encoding="utf-8")
    for v in verified:
        q = v["quote"]
        assert draft_text[q["start"] : q["end"]] == q["text"]  # offsets into the draft
        assert v["where"] and v["severity"] is None
        for ev in v["where"]:
            original = Path(ev["source"]).read_text(encoding="utf-8")
            assert original[ev["start"] : ev["end"]] == ev["text"]  # offsets into the source
            assert normalize_quote(q["text"]) in normalize_quote(ev["text"])
    safe = next(v for v in verified if v["quote"]["text"].startswith("We will not put"))
    assert {ev["source"] for ev in safe["where"]} == {str(WIRE), str(LOCAL)}
    assert safe["match"] == "exact"
    birch = next(v for v in verified if "empty by Friday" in v["quote"]["text"])
    assert birch["match"] == "fragment"  # part of a longer quote in the local paper
    assert [ev["source"] for ev in birch["where"]] == [str(LOCAL)]
    too_old = next(v for v in verified if v["quote"]["text"] == "too old")
    # inside the wire's reported statement "the fleet was too old" (the residents')
    assert too_old["match"] == "fragment"
    (paraphrase,) = by_verdict(data)["variant"]
    assert paraphrase["quote"]["kind"] == "reported"
    assert "pay for -> fund" in paraphrase["diff"]
    assert data["findings"] == []


def test_each_problem_gets_its_verdict_and_the_run_fails(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, data = run(capsys, "--draft", str(DATA / "draft-problems.md"), "--sources", str(SOURCES))
    assert code == 1
    verdicts = by_verdict(data)
    assert data["summary"] == {
        "verified": 0,
        "variant": 1,
        "attributed-elsewhere": 1,
        "not-found": 2,
    }
    (variant,) = verdicts["variant"]
    assert variant["match"] == "near"
    assert variant["diff"] == ["certain -> completely sure"]
    assert variant["severity"] == "warning"  # content words changed inside quote marks
    (elsewhere,) = verdicts["attributed-elsewhere"]
    assert elsewhere["speaker"] == "Alan Birch"
    assert elsewhere["source_speakers"] == ["Martha Quayle"]
    assert [ev["source"] for ev in elsewhere["where"]] == [str(WIRE)]
    assert elsewhere["severity"] == "error"
    missing = {v["quote"]["kind"]: v for v in verdicts["not-found"]}
    assert missing["direct"]["severity"] == "warning"
    assert missing["reported"]["severity"] == "info"  # a paraphrase by nature
    assert missing["direct"]["where"] == []
    codes = {f["code"]: f for f in data["findings"]}
    assert set(codes) == {"QC103", "QC104"}  # quotes get verdicts, not QC101/QC102
    role = codes["QC103"]
    assert role["details"]["facet"] == "role"
    assert any(
        ev["source"] == str(DATA / "draft-problems.md") and ev["role"] == "outlier"
        for ev in role["evidence"]
    )
    assert "4,000" in codes["QC104"]["message"]


def test_attributed_elsewhere_fails_even_with_the_findings_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--draft", str(DATA / "draft-problems.md"), "--sources", str(SOURCES)]
    code, data = run(capsys, *args, "--ignore", "QC103", "--ignore", "QC104")
    assert code == 1 and data["findings"] == []
    code, _ = run(capsys, *args, "--fail-on", "never")
    assert code == 0


def test_a_figure_conflict_with_the_draft_fails_the_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--draft", str(DATA / "draft-figures.md"), "--sources", str(SOURCES)]
    code, data = run(capsys, *args)
    assert code == 1
    assert data["summary"]["verified"] == 1
    (fig,) = data["findings"]
    assert fig["code"] == "QC104" and fig["severity"] == "error"
    code, data = run(capsys, *args, "--ignore", "number-conflict")
    assert code == 0 and data["findings"] == []


def test_not_found_is_a_warning_for_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--draft", str(DATA / "draft-unsourced.md"), "--sources", str(SOURCES)]
    code, data = run(capsys, *args)
    assert code == 0
    assert data["summary"]["not-found"] == 1 and data["summary"]["verified"] == 1
    assert run(capsys, *args, "--fail-on", "warning")[0] == 1
    assert run(capsys, *args, "--fail-on", "error")[0] == 0


def test_text_output_lists_verdicts_and_ends_with_the_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["check", "--draft", str(DATA / "draft-problems.md"), "--sources", str(SOURCES)])
    out = capsys.readouterr().out
    assert code == 1
    assert "ATTRIBUTED-ELSEWHERE" in out and "sources give it to: Martha Quayle" in out
    assert "changes (source -> draft): certain -> completely sure" in out
    assert "Findings involving the draft (2)" in out
    assert out.rstrip().splitlines()[-1] == (
        "4 quotes: 0 verified, 1 variant, 1 attributed-elsewhere, 2 not-found; 2 findings"
    )
    assert "\033[" not in out  # not a terminal: no colour


def test_sources_from_positional_paths_and_the_draft_is_not_its_own_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "story"
    shutil.copytree(SOURCES, folder)
    draft = folder / "draft.md"
    shutil.copy(DATA / "draft-unsourced.md", draft)
    code, data = run(capsys, "--draft", str(draft), str(folder))
    assert code == 0
    assert str(draft) not in data["sources"] and len(data["sources"]) == 2
    assert data["summary"]["not-found"] == 1


def test_sources_from_the_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "quotecheck.toml").write_text(
        f'sources = ["{SOURCES.as_posix()}"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    args = ["--draft", str(DATA / "draft-unsourced.md"), "--config", str(tmp_path)]
    code, data = run(capsys, *args)
    assert code == 1  # fail-on warning from the file, a not-found quote
    assert sorted(data["sources"]) == [str(LOCAL), str(WIRE)]
    # --sources replaces the setting: only the wire copy, where the quote is also found
    code, data = run(capsys, *args, "--sources", str(WIRE), "--fail-on", "error")
    assert code == 0 and data["sources"] == [str(WIRE)]


def test_usage_and_input_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = str(DATA / "draft-clean.md")
    assert main(["check", "--draft", draft, "--config", str(tmp_path)]) == 2
    assert "--draft needs sources" in capsys.readouterr().err
    assert main(["check", "--draft", draft, "--sources", str(SOURCES), "-f", "sarif"]) == 2
    assert "--draft writes text, json or html, not sarif" in capsys.readouterr().err
    assert main(["check", "--draft", str(tmp_path / "nope.md"), "--sources", str(SOURCES)]) == 2
    assert "QC-E10" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, data = run(capsys, "--draft", draft, "--sources", str(SOURCES), str(empty))
    assert code == 2  # an unreadable source; the others are still used
    assert [e["source"] for e in data["errors"]] == [str(empty)]
    assert data["summary"]["verified"] == 5


def test_python_api_takes_articles_or_paths() -> None:
    report = quotecheck.check_draft(DATA / "draft-problems.md", [SOURCES])
    assert isinstance(report, quotecheck.DraftReport)
    assert report.summary["attributed-elsewhere"] == 1
    assert report.worst() == "error"
    draft = quotecheck.extract(
        '"We will not put a single passenger on a boat that we are not certain is safe," '
        'the harbour master said. Ferries "may sail again in June", she said.',
        source="draft",
    )
    report = quotecheck.check_draft(draft, [quotecheck.extract_path(WIRE)])
    verdicts = {v.quote.text.rstrip(".,"): v.verdict for v in report.verdicts}
    assert verdicts == {
        "We will not put a single passenger on a boat that we are not certain is safe": "verified",
        "may sail again in June": "not-found",
    }
    assert report.sources[0].source == str(WIRE)


def test_a_description_only_the_other_source_gets_wrong_blames_that_source() -> None:
    report = quotecheck.check_draft(DATA / "draft-clean.md", [SOURCES, DATA / "draft-problems.md"])
    (role,) = [f for f in report.findings if f.code == "QC103"]
    assert role.severity == "warning" and role.details["draft_side"] == "majority"
    assert role.message.endswith(
        f"The draft agrees with most sources: check {DATA / 'draft-problems.md'}, not the draft."
    )


@pytest.mark.parametrize(
    ("speaker", "verdict"),
    [
        ("the harbour master", "verified"),  # a description that fits the source's speaker
        ("Ingrid Solberg", "verified"),  # her name without the title the source gives
        ("Solberg", "verified"),
        ("a union official", "attributed-elsewhere"),
        ("Callum Reid", "attributed-elsewhere"),
    ],
)
def test_who_says_it_in_the_draft(speaker: str, verdict: str) -> None:
    draft = quotecheck.extract(
        '"We will not put a single passenger on a boat that we are not certain is safe," '
        f"{speaker} said.",
        source="draft",
    )
    (v,) = quotecheck.check_draft(draft, [WIRE]).verdicts
    assert v.verdict == verdict, v.message
