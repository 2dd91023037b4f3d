"""The writers a piece at a time: the JSON pieces join to exactly the document that
``json.dumps`` of the whole report writes, the text lines to the whole text, and the
command line writes them one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck import cli
from quotecheck.models import Article, Diagnostic, InputFailure, Report
from quotecheck.report import FORMATS, writer_pieces
from quotecheck.report.json_report import iter_json, iter_jsonl, report_dict
from quotecheck.report.text_report import iter_text, render_text


def _whole_json(report: Report, findings: bool) -> str:
    """The reference: the whole report as one Python object, dumped at once."""
    return json.dumps(report_dict(report, findings=findings), ensure_ascii=False, indent=2) + "\n"


def _whole_jsonl(report: Report, findings: bool) -> str:
    doc = report_dict(report, findings=findings)
    lines = [{"type": "article", **a} for a in doc["articles"]]
    lines += [{"type": "finding", **f} for f in doc.get("findings", [])]
    lines += [{"type": "error", **e} for e in doc["errors"]]
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)


def _empty_and_odd() -> list[Report]:
    odd = Article(
        source="ünï/“quoted” \\ path\n.txt",
        text="x",
        original_length=1,
        segments=(),
        diagnostics=(Diagnostic(code="QC-W000", message='a "quoted"\nline\tand 😀'),),
    )
    failure = InputFailure(source="gone.txt", code="QC-E001", message="not found")
    return [Report(), Report(articles=(odd,)), Report(errors=(failure,))]


@pytest.mark.parametrize("findings", [True, False])
def test_pieces_join_to_the_whole_document(
    small_report: Report, plant_report: Report, findings: bool
) -> None:
    for report in [small_report, plant_report, *_empty_and_odd()]:
        pieces = list(iter_json(report, findings=findings))
        assert "".join(pieces) == _whole_json(report, findings)
        assert "".join(iter_jsonl(report, findings=findings)) == _whole_jsonl(report, findings)
        # one piece per article, finding, corroboration and error, plus the frame
        items = len(report.articles) + len(report.errors)
        if findings:
            items += len(report.findings) + len(report.corroboration)
        assert len(pieces) == items + 2 + (4 if findings else 2)


def test_every_format_has_pieces_that_join_to_its_text(small_report: Report) -> None:
    for name in FORMATS:
        whole = FORMATS[name](small_report, findings=True, color=False)
        assert "".join(writer_pieces(name)(small_report, findings=True, color=False)) == whole


@pytest.mark.parametrize("findings", [True, False])
@pytest.mark.parametrize("show_quotes", [True, False])
def test_text_lines_join_to_the_whole_text(
    small_report: Report, plant_report: Report, findings: bool, show_quotes: bool
) -> None:
    for report in [small_report, plant_report, *_empty_and_odd()]:
        lines = list(iter_text(report, findings=findings, show_quotes=show_quotes))
        assert all(line.endswith("\n") for line in lines)
        whole = render_text(report, findings=findings, show_quotes=show_quotes)
        assert "".join(lines) == whole
    # nothing to say is still one line end
    assert list(iter_text(Report(), findings=False)) == ["\n"]


def test_the_command_line_writes_the_pieces(small_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    paths = [str(small_dir / n) for n in ("a.txt", "b.txt")]
    cli.main(["check", *paths, "-f", "json", "-o", str(out), "--fail-on", "never"])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(a["source"]).name for a in data["articles"]] == ["a.txt", "b.txt"]
    assert data["findings"] and out.read_text(encoding="utf-8").endswith("}\n")


def test_an_interrupted_write_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"

    def pieces() -> object:
        yield '{"a": '
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cli.write_atomic(out, pieces())  # type: ignore[arg-type]
    assert not out.exists() and list(tmp_path.iterdir()) == []
