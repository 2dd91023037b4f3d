"""GitHub workflow commands: one line per finding, escaped as the runner expects."""

from __future__ import annotations

import re
from pathlib import Path

from quotecheck.models import Evidence, Finding, Report
from quotecheck.report.github import escape_data, escape_property, render_github

LINE = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    m = LINE.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), props, m.group(3)


def test_plant_closure_annotations(plant_report: Report) -> None:
    lines = render_github(plant_report, root=Path("/")).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(plant_report.findings)
    expect = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(commands, plant_report.findings, strict=True):
        kind, props, message = _parse(line)
        assert kind == expect[f.severity]
        assert props["title"] == f"{f.code} {f.kind}"
        assert props["file"].endswith((".txt", ".md", ".html"))
        assert int(props["line"]) >= 1 and int(props["endLine"]) >= int(props["line"])
        if "col" in props:
            assert int(props["endColumn"]) >= int(props["col"])
        assert "\n" not in message and "%0A" in message
    assert lines[-1].startswith("quotecheck: 4 articles")


def test_escaping() -> None:
    assert escape_data("100%\r\nx") == "100%25%0D%0Ax"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    f = Finding(
        code="QC101",
        kind="quote-wording-mismatch",
        severity="info",
        message='50% said:\n"yes, no"',
        evidence=(Evidence(source="dir,with:odd.txt", start=0, end=1, text="y"),),
        fingerprint="1" * 40,
    )
    (line,) = [x for x in render_github(Report(findings=(f,))).splitlines() if x.startswith("::")]
    kind, props, message = _parse(line)
    assert kind == "notice"
    assert props["file"] == "dir%2Cwith%3Aodd.txt"
    assert message.startswith('50%25 said:%0A"yes, no"')
