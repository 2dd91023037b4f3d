"""JUnit XML: parses, and the counts match the findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quotecheck.models import InputFailure, Report
from quotecheck.report import FORMATS
from quotecheck.report.junit import render_junit


def test_plant_closure_counts(plant_report: Report) -> None:
    root = ET.fromstring(render_junit(plant_report))
    assert root.tag == "testsuites"
    cases = root.findall("testsuite/testcase")
    finding_cases = [c for c in cases if c.get("classname", "").startswith("quotecheck.QC")]
    assert len(finding_cases) == len(plant_report.findings)
    n_fail = sum(1 for f in plant_report.findings if f.severity != "info")
    assert (
        int(root.get("failures", "-1")) == n_fail == len(root.findall("testsuite/testcase/failure"))
    )
    assert int(root.get("tests", "-1")) == len(cases)
    types = {fl.get("type") for fl in root.findall("testsuite/testcase/failure")}
    assert types == {"error", "warning"}
    infos = [c for c in finding_cases if c.find("failure") is None]
    assert len(infos) == sum(1 for f in plant_report.findings if f.severity == "info")
    assert all(c.find("system-out") is not None for c in infos)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert "quotecheck.quote-wording-mismatch" in suites
    for s in suites.values():
        assert int(s.get("tests", "-1")) == len(s.findall("testcase"))


def test_clean_articles_pass_and_text_is_escaped(small_report: Report) -> None:
    out = render_junit(small_report)
    root = ET.fromstring(out)
    arts = root.find("testsuite[@name='quotecheck.articles']")
    assert arts is not None
    names = [c.get("name", "") for c in arts.findall("testcase")]
    assert len(names) == 1 and names[0].endswith("c.txt")
    assert arts.findall("testcase/failure") == []
    assert "<script>" not in out  # only as text, escaped


def test_input_errors_are_error_elements() -> None:
    report = Report(
        errors=(InputFailure(source="x.pdf", code="QC-E103", message="binary <input> & more"),)
    )
    root = ET.fromstring(FORMATS["junit"](report, findings=True, color=False))
    err = root.find("testsuite[@name='quotecheck.inputs']/testcase/error")
    assert err is not None and err.get("message") == "binary <input> & more"
    assert root.get("errors") == "1"


def test_control_characters_do_not_break_xml() -> None:
    report = Report(
        errors=(InputFailure(source="x\x01.txt", code="QC-E103", message="bad \x0b byte"),)
    )
    ET.fromstring(render_junit(report))
