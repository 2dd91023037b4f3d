from __future__ import annotations

from pathlib import Path

from crosscheck.stories import daily, story, wire

from quotecheck.checks import run_checks

REGISTRY = Path(__file__).parents[1] / "crosscheck" / "data" / "registry.yaml"


def test_single_article_mislabel_is_caught_by_the_registry() -> None:
    findings = run_checks([daily()], registry=REGISTRY)
    [finding] = [f for f in findings if f.code == "QC105"]
    assert (finding.kind, finding.severity) == ("registry-description-conflict", "error")
    assert finding.details["facet"] == "nationality"
    assert finding.details["expected"] == ["France"]
    roles = {e.role: e for e in finding.evidence}
    assert roles["outlier"].source == "daily.txt" and roles["outlier"].text == "Russian"
    assert roles["registry"].source == str(REGISTRY)
    assert "Laurent Fabius" in roles["registry"].text


def test_correct_description_passes_the_registry() -> None:
    assert [f for f in run_checks([wire()], registry=REGISTRY) if f.code == "QC105"] == []


def test_without_registry_nothing_runs() -> None:
    assert [f for f in run_checks([daily()]) if f.code == "QC105"] == []


def test_story_with_registry_reports_both_ways() -> None:
    codes = {f.code for f in run_checks(story(), registry=REGISTRY)}
    assert {"QC103", "QC105"} <= codes
