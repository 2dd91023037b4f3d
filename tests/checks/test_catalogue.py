from __future__ import annotations

import re
from pathlib import Path

import pytest
from crosscheck.stories import story

from quotecheck.checks import CHECKS, run_checks
from quotecheck.errors import UsageError

DOCS = Path(__file__).parents[2] / "docs" / "checks.md"

STABLE = {
    "QC101": ("quote-wording-mismatch", "warning"),
    "QC102": ("quote-attribution-conflict", "error"),
    "QC103": ("speaker-description-conflict", "error"),
    "QC104": ("number-conflict", "error"),
    "QC105": ("registry-description-conflict", "error"),
}


def test_codes_and_kinds_never_change() -> None:
    assert {code: (r.kind, r.severity) for code, r in CHECKS.items()} == STABLE
    for code, rule in CHECKS.items():
        assert rule.code == code and rule.doc and rule.summary


def test_every_code_has_a_docs_section() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for code, rule in CHECKS.items():
        assert re.search(rf"^## {code} `{rule.kind}`$", text, re.M), code


@pytest.mark.parametrize("ignore", [["QC103"], ["speaker-description-conflict"]])
def test_ignore_by_code_or_kind(ignore: list[str]) -> None:
    assert all(f.code != "QC103" for f in run_checks(story(), ignore=ignore))


def test_unknown_ignore_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="QC999"):
        run_checks(story(), ignore=["QC999"])


def test_findings_are_complete_and_ordered() -> None:
    findings = run_checks(story())
    ranks = {"error": 0, "warning": 1, "info": 2}
    assert [ranks[f.severity] for f in findings] == sorted(ranks[f.severity] for f in findings)
    for f in findings:
        assert len(f.fingerprint) == 40 and f.message and f.evidence
        assert len({e.source for e in f.evidence}) >= 2
        assert all(e.role for e in f.evidence)
    assert len({f.fingerprint for f in findings}) == len(findings)


def test_evidence_offsets_point_into_the_original() -> None:
    arts = {a.source: a for a in story()}
    for f in run_checks(story()):
        for e in f.evidence:
            assert arts[e.source].text[e.start : e.end] == e.text
