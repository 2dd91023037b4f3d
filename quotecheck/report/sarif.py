"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One rule per check code (``ruleId`` is the stable code, ``QC101`` ...), one result
per finding with the first evidence as its location and the rest as related
locations, and ``partialFingerprints["quotecheck/v1"]`` set to the finding's
fingerprint so re-running CI on the same story does not duplicate alerts.

Offsets in findings are code points into the decoded original input; regions
carry ``charOffset``/``charLength`` and, when the file can be re-read (with the
same decoding as ingestion), line and column numbers (1-based, code points;
``run.columnKind`` says so). Inputs that failed are tool execution notifications.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quotecheck.models import Evidence, Finding, Report
from quotecheck.report.locate import LineIndex, Locator, Position

__all__ = [
    "DOCS_URL",
    "INFORMATION_URI",
    "LineIndex",
    "Locator",
    "Position",
    "check_anchor",
    "primary_evidence",
    "render_sarif",
    "sarif_dict",
]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/quotecheck/quotecheck"
DOCS_URL = INFORMATION_URI + "/blob/main/docs/checks.md"
FINGERPRINT_KEY = "quotecheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("quotecheck")
    except Exception:  # pragma: no cover - not installed
        return "0.0.0"


def check_anchor(code: str, kind: str) -> str:
    """The docs/checks.md anchor of a check's section (heading ``QC101 quote-wording-mismatch``)."""
    return f"{code}-{kind}".lower()


_PRIMARY_ROLES = ("outlier", "variant", "disputed")


def primary_evidence(finding: Finding) -> tuple[Evidence | None, tuple[Evidence, ...]]:
    """The evidence a finding is reported at (the outlier, if any) and the rest."""
    if not finding.evidence:
        return None, ()
    chosen = next(
        (e for role in _PRIMARY_ROLES for e in finding.evidence if e.role == role),
        finding.evidence[0],
    )
    return chosen, tuple(e for e in finding.evidence if e is not chosen)


def _rules() -> list[dict[str, Any]]:
    from quotecheck.checks import CHECKS

    rules: list[dict[str, Any]] = []
    for code in sorted(CHECKS):
        rule = CHECKS[code]
        rules.append(
            {
                "id": code,
                "name": rule.kind,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": " ".join(rule.doc.split())},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "helpUri": f"{DOCS_URL}#{check_anchor(code, rule.kind)}",
                "help": {"text": rule.doc},
                "properties": {"tags": ["quotecheck", rule.kind]},
            }
        )
    return rules


def _location(ev: Evidence, loc: Locator, *, message: bool) -> dict[str, Any]:
    region: dict[str, Any] = {"charOffset": ev.start, "charLength": max(0, ev.end - ev.start)}
    pos = loc.position(ev)
    if pos is not None:
        region.update(
            startLine=pos.start_line,
            startColumn=pos.start_column,
            endLine=pos.end_line,
            endColumn=pos.end_column,
        )
    region["snippet"] = {"text": ev.text}
    out: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": loc.uri(ev.source)}, "region": region}
    }
    if message:
        role = f" ({ev.role})" if ev.role else ""
        out["message"] = {"text": f"{ev.source}{role}: {ev.text}"}
    return out


def _result(f: Finding, rule_index: dict[str, int], loc: Locator) -> dict[str, Any]:
    primary, rest = primary_evidence(f)
    res: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [_location(primary, loc, message=False)] if primary else [],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"kind": f.kind, "severity": f.severity, "details": f.details},
    }
    if f.code in rule_index:
        res["ruleIndex"] = rule_index[f.code]
    if rest:
        res["relatedLocations"] = [
            {"id": i, **_location(ev, loc, message=True)} for i, ev in enumerate(rest, 1)
        ]
    return res


def sarif_dict(
    report: Report, *, findings: bool = True, root: Path | None = None
) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a JSON-ready dict)."""
    loc = Locator(root)
    rules = _rules()
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    notes: list[dict[str, Any]] = []
    for err in report.errors:
        notes.append(
            {
                "level": "error",
                "message": {"text": f"{err.source}: {err.message}"},
                "descriptor": {"id": err.code},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": loc.uri(err.source)}}}
                ],
            }
        )
    for art in report.articles:
        for d in art.diagnostics:
            notes.append(
                {
                    "level": "warning" if d.code.startswith("QC-W") else "note",
                    "message": {"text": f"{art.source}: {d.message}"},
                    "descriptor": {"id": d.code},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": loc.uri(art.source)}}}
                    ],
                }
            )
    results = [_result(f, rule_index, loc) for f in report.findings] if findings else []
    artifacts = [{"location": {"uri": loc.uri(a.source)}} for a in report.articles]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "quotecheck",
                        "informationUri": INFORMATION_URI,
                        "version": _version(),
                        "semanticVersion": _version(),
                        "rules": rules,
                    }
                },
                "invocations": [
                    {"executionSuccessful": not report.errors, "toolExecutionNotifications": notes}
                ],
                "artifacts": artifacts,
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(
    report: Report, *, findings: bool = True, root: Path | None = None, **_: Any
) -> str:
    return (
        json.dumps(sarif_dict(report, findings=findings, root=root), ensure_ascii=False, indent=2)
        + "\n"
    )
