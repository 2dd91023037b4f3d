from __future__ import annotations

from crosscheck.factories import ArticleBuilder, quoted
from crosscheck.stories import STAFF, story

from quotecheck.checks import run_checks

WORDS = "Our pilots have destroyed hundreds of fuel trucks used to smuggle oil"


def _qc102(arts: list) -> list:
    return [f for f in run_checks(arts) if f.code == "QC102"]


def test_same_words_two_speakers_is_an_error() -> None:
    arts = [
        quoted("a.txt", "Andrey Kartapolov", WORDS),
        quoted("b.txt", "General Kartapolov", WORDS),
        quoted("c.txt", "Sergei Shoigu", WORDS),
    ]
    [finding] = _qc102(arts)
    assert finding.severity == "error"
    assert finding.kind == "quote-attribution-conflict"
    assert "Sergei Shoigu" in finding.message and "Andrey Kartapolov" in finding.message
    roles = {e.source: e.role for e in finding.evidence}
    assert roles == {"a.txt": "majority", "b.txt": "majority", "c.txt": "outlier"}
    assert finding.details["outlier"] == "Sergei Shoigu"


def test_near_copy_with_other_speaker_is_a_conflict() -> None:
    arts = [
        quoted("a.txt", "Andrey Kartapolov", WORDS),
        quoted("b.txt", "Sergei Shoigu", WORDS + "."),
    ]
    [finding] = _qc102(arts)
    assert {e.role for e in finding.evidence} == {"disputed"}


def test_relay_is_not_a_conflict() -> None:
    a = ArticleBuilder("a.txt", f'Citing Kartapolov, Tass reported: "{WORDS}."')
    a.quote(WORDS, a.speaker("Andrey Kartapolov", mention="Kartapolov", via="Tass"))
    b = ArticleBuilder("b.txt", f'"{WORDS}," Tass said.')
    b.quote(WORDS, b.speaker("Tass", kind="organization"))
    assert _qc102([a.build(), b.build(), quoted("c.txt", "Andrey Kartapolov", WORDS)]) == []


def test_unattributed_side_is_not_a_conflict() -> None:
    b = ArticleBuilder("b.txt", f'Officials repeated: "{WORDS}."')
    b.quote(WORDS, None)
    assert _qc102([quoted("a.txt", "Andrey Kartapolov", WORDS), b.build()]) == []


def test_organisation_against_person_is_a_warning() -> None:
    b = ArticleBuilder("b.txt", f'"{WORDS}," the Kremlin said.')
    b.quote(WORDS, b.speaker("the Kremlin", kind="organization"))
    [finding] = _qc102([quoted("a.txt", "Vladimir Putin", WORDS), b.build()])
    assert finding.severity == "warning"
    assert finding.details["organization_vs_person"] is True


def test_short_fragment_does_not_tie_speakers() -> None:
    arts = [
        quoted("a.txt", "Vladimir Putin", "as allies"),
        quoted("b.txt", "John Kerry", "We fight as allies now"),
    ]
    assert _qc102(arts) == []


def test_story_kartapolov_via_tass_is_corroborated_not_conflicting() -> None:
    findings = run_checks(story())
    assert not [f for f in findings if f.code == "QC102"]
    assert not [f for f in findings if any(e.text == STAFF for e in f.evidence)]
