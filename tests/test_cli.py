"""End-to-end CLI behaviour: exit codes, streams, batches with broken files, atomic output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLANT = ROOT / "fixtures" / "story-plant-closure"


def test_check_exit_1_on_error_findings_and_0_with_fail_on_never(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(PLANT), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert any(f["severity"] == "error" for f in data["findings"])
    for f in data["findings"]:
        assert {"code", "kind", "severity", "message", "evidence"} <= set(f)
        for ev in f["evidence"]:
            assert {"source", "start", "end", "text"} <= set(ev)
    assert main(["check", str(PLANT), "--format", "json", "--fail-on", "never"]) == 0


def test_ignoring_every_error_kind_makes_the_run_clean(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", str(PLANT), "--format", "json", "--fail-on", "error"]
    for kind in (
        "quote-wording-mismatch",
        "quote-attribution-conflict",
        "speaker-description-conflict",
        "number-conflict",
        "registry-description-conflict",
    ):
        args += ["--ignore", kind]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_broken_file_in_a_batch_is_reported_and_the_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text('"The talks were useful," the envoy said.\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00\x00")
    code = main(
        [
            "extract",
            "--format",
            "json",
            str(empty),
            str(good),
            str(binary),
            str(tmp_path / "missing.txt"),
        ]
    )
    captured = capsys.readouterr()
    assert code == 2
    data = json.loads(captured.out)
    assert [a["source"] for a in data["articles"]] == [str(good)]
    assert {e["source"] for e in data["errors"]} == {
        str(empty),
        str(binary),
        str(tmp_path / "missing.txt"),
    }
    assert str(empty) in captured.err  # logged on stderr, not mixed into the report
    assert good.read_text(encoding="utf-8") == '"The talks were useful," the envoy said.\n'


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert (
        main(["check", str(PLANT), "--format", "json", "--fail-on", "never", "--output", str(out)])
        == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["check", str(PLANT), "--format", "nope"]) == 2
    assert "check needs at least one PATH" in capsys.readouterr().err


def test_folder_expansion_skips_readme_but_reads_it_when_named(tmp_path: Path) -> None:
    from quotecheck.api import iter_inputs

    (tmp_path / "README.md").write_text("# About these files\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}\n", encoding="utf-8")
    assert list(iter_inputs([tmp_path])) == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]
    assert list(iter_inputs([tmp_path / "README.md"])) == [str(tmp_path / "README.md")]


def test_an_interrupt_swallowed_mid_run_still_stops_before_any_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C raised inside a __del__ is printed and swallowed by Python; the recorded
    signal must still stop the run with 130 and no report file."""
    import quotecheck.api
    from quotecheck import cli

    real = quotecheck.api.extract_many

    def extract_then_lose_the_interrupt(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for item in real(*args, **kwargs):  # type: ignore[arg-type]
            cli._Interrupt.seen = True  # the handler ran; its exception was swallowed
            yield item

    monkeypatch.setattr(quotecheck.api, "extract_many", extract_then_lose_the_interrupt)
    out = tmp_path / "report.json"
    assert main(["check", str(PLANT), "--format", "json", "--output", str(out)]) == 130
    assert list(tmp_path.iterdir()) == []
