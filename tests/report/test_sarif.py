"""SARIF: the fields GitHub code scanning requires, regions that point at the words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotecheck.checks import CHECKS
from quotecheck.models import Evidence, Finding, InputFailure, Report
from quotecheck.report import FORMATS
from quotecheck.report.sarif import LineIndex, render_sarif, sarif_dict

# The part of the SARIF 2.1.0 schema GitHub code scanning relies on, as required fields.
MINIMAL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "id",
                                                "shortDescription",
                                                "defaultConfiguration",
                                            ],
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "ruleId",
                                "level",
                                "message",
                                "locations",
                                "partialFingerprints",
                            ],
                            "properties": {
                                "level": {"enum": ["error", "warning", "note", "none"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "artifactLocation": {
                                                        "type": "object",
                                                        "required": ["uri"],
                                                    },
                                                    "region": {"type": "object"},
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def _check_required(log: dict[str, Any]) -> None:
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "quotecheck"
    assert driver["informationUri"].startswith("https://")
    assert driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(CHECKS)
    for rule in driver["rules"]:
        assert rule["name"] == CHECKS[rule["id"]].kind
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert "docs/checks.md#" + rule["id"].lower() in rule["helpUri"]
    for res in run["results"]:
        assert res["ruleId"] in ids
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note"}
        assert res["message"]["text"]
        phys = res["locations"][0]["physicalLocation"]
        assert phys["artifactLocation"]["uri"]
        assert "charOffset" in phys["region"]
        assert len(res["partialFingerprints"]["quotecheck/v1"]) == 40


def test_plant_closure_has_required_fields(plant_report: Report) -> None:
    log = json.loads(render_sarif(plant_report))
    _check_required(log)
    run = log["runs"][0]
    assert len(run["results"]) == len(plant_report.findings)
    assert run["invocations"][0]["executionSuccessful"] is True
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}
    fps = [r["partialFingerprints"]["quotecheck/v1"] for r in run["results"]]
    assert fps == [f.fingerprint for f in plant_report.findings]
    assert any("relatedLocations" in r for r in run["results"])


def test_minimal_schema(plant_report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    jsonschema.validate(json.loads(render_sarif(plant_report)), MINIMAL_SCHEMA)


def test_regions_point_at_the_evidence(plant_report: Report) -> None:
    """Lines and columns, read back from the file, give the evidence text."""
    from quotecheck.ingest.decode import decode

    run = sarif_dict(plant_report, root=Path("/"))["runs"][0]
    checked = 0
    for res in run["results"]:
        for loc in res["locations"] + res.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            region = phys["region"]
            path = Path("/") / phys["artifactLocation"]["uri"]
            text = decode(path.read_bytes(), str(path)).text
            assert (
                text[region["charOffset"] : region["charOffset"] + region["charLength"]]
                == region["snippet"]["text"]
            )
            lines = text.splitlines(keepends=True)
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 :].startswith(region["snippet"]["text"][:20])
            if region["startLine"] == region["endLine"]:
                assert (
                    line[region["startColumn"] - 1 : region["endColumn"] - 1]
                    == region["snippet"]["text"]
                )
            checked += 1
    assert checked > 10


def test_crlf_lines_and_relative_uris(small_report: Report, small_dir: Path) -> None:
    run = sarif_dict(small_report, root=small_dir)["runs"][0]
    assert {a["location"]["uri"] for a in run["artifacts"]} == {"a.txt", "b.txt", "c.txt"}
    res = run["results"][0]
    assert res["ruleId"] == "QC101"
    regions = {
        loc["physicalLocation"]["artifactLocation"]["uri"]: loc["physicalLocation"]["region"]
        for loc in res["locations"] + res["relatedLocations"]
    }
    assert regions["a.txt"]["startLine"] == 1
    assert regions["a.txt"]["startColumn"] == len('MARLOW FALLS, Ind. — "') + 1
    assert regions["b.txt"]["startColumn"] == len('MARLOW FALLS — "') + 1


def test_line_index_counts_every_line_ending() -> None:
    idx = LineIndex("ab\r\ncd\ref\ngh")
    assert idx.line_col(0) == (1, 1)
    assert idx.line_col(4) == (2, 1)
    assert idx.line_col(7) == (3, 1)
    assert idx.line_col(11) == (4, 2)


def test_unreadable_source_falls_back_to_char_offset() -> None:
    f = Finding(
        code="QC104",
        kind="number-conflict",
        severity="error",
        message="m",
        evidence=(Evidence(source="<string>", start=3, end=8, text="three"),),
        fingerprint="0" * 40,
    )
    report = Report(
        findings=(f,),
        errors=(InputFailure(source="missing.txt", code="QC-E101", message="no such file"),),
    )
    log = sarif_dict(report)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["charOffset"] == 3 and region["charLength"] == 5
    assert "startLine" not in region
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and note["descriptor"]["id"] == "QC-E101"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"


def test_no_findings_mode_and_registration(plant_report: Report) -> None:
    assert FORMATS["sarif"] is render_sarif
    log = json.loads(FORMATS["sarif"](plant_report, findings=False, color=False))
    assert log["runs"][0]["results"] == []
