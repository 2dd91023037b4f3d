"""JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure ...).

* one ``<testsuite>`` per check kind that found something, one ``<testcase>`` per
  finding: an ``error`` finding has ``<failure type="error">``, a ``warning`` one
  ``<failure type="warning">``, an ``info`` one passes with the message in
  ``<system-out>``;
* a suite ``quotecheck.articles`` with a passing test case per article that no
  finding points at, so the totals count clean articles too;
* a suite ``quotecheck.inputs`` with an ``<error>`` per input that could not be read.

Built with :mod:`xml.etree.ElementTree`, so every article-derived string is escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from quotecheck.models import Finding, Report
from quotecheck.report.sarif import primary_evidence
from quotecheck.report.style import plural, shorten

__all__ = ["render_junit"]

# characters XML 1.0 cannot carry at all, even escaped
_XML_BAD = {c: None for c in range(0x20) if chr(c) not in "\t\n\r"} | {0xFFFE: None, 0xFFFF: None}


def _x(text: str) -> str:
    return text.translate(_XML_BAD)


def _suite(parent: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(parent, "testsuite", name=name)


def _count(suite: ET.Element) -> tuple[int, int, int]:
    cases = suite.findall("testcase")
    failures = sum(1 for c in cases if c.find("failure") is not None)
    errors = sum(1 for c in cases if c.find("error") is not None)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", "0")
    return len(cases), failures, errors


def _evidence_text(f: Finding) -> str:
    lines = [f.message, ""]
    for ev in f.evidence:
        role = f" [{ev.role}]" if ev.role else ""
        lines.append(f"{ev.source}:{ev.start}-{ev.end}{role} “{' '.join(ev.text.split())}”")
    lines.append(f"fingerprint: {f.fingerprint}")
    return _x("\n".join(lines))


def render_junit(report: Report, *, findings: bool = True, **_: Any) -> str:
    root = ET.Element("testsuites", name="quotecheck")
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    flagged: set[str] = set()
    if findings:
        for f in report.findings:
            by_kind[f.kind].append(f)
            flagged.update(e.source for e in f.evidence)
    for kind in sorted(by_kind, key=lambda k: (by_kind[k][0].code, k)):
        suite = _suite(root, f"quotecheck.{kind}")
        for f in by_kind[kind]:
            primary, _rest = primary_evidence(f)
            case = ET.SubElement(
                suite,
                "testcase",
                name=_x(f"{f.code} {f.fingerprint[:8]} {shorten(f.message, 100)}"),
                classname=f"quotecheck.{f.code}.{kind}",
                time="0",
            )
            if primary is not None:
                case.set("file", _x(primary.source))
            if f.severity == "info":
                ET.SubElement(case, "system-out").text = _evidence_text(f)
            else:
                failure = ET.SubElement(case, "failure", message=_x(f.message), type=f.severity)
                failure.text = _evidence_text(f)
    arts = _suite(root, "quotecheck.articles")
    for art in report.articles:
        if art.source in flagged:
            continue
        case = ET.SubElement(
            arts, "testcase", name=_x(art.source), classname="quotecheck.articles", time="0"
        )
        case.set("file", _x(art.source))
        ET.SubElement(case, "system-out").text = _x(
            f"{plural(len(art.quotes), 'quote')}, no findings"
        )
    if report.errors:
        inputs = _suite(root, "quotecheck.inputs")
        for err in report.errors:
            case = ET.SubElement(
                inputs, "testcase", name=_x(err.source), classname="quotecheck.inputs", time="0"
            )
            error = ET.SubElement(case, "error", message=_x(err.message), type=err.code)
            error.text = _x(f"{err.code}: {err.message}")
    totals = [0, 0, 0]
    for suite in root.findall("testsuite"):
        for i, n in enumerate(_count(suite)):
            totals[i] += n
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
