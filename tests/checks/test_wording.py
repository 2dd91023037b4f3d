from __future__ import annotations

import pytest
from crosscheck.factories import ArticleBuilder, quoted
from crosscheck.stories import ORDER_A, ORDER_B, story

from quotecheck.checks import run_checks
from quotecheck.checks.qc101_wording import assess_change, compare_wordings
from quotecheck.crosscheck.align import normalize_quote, tokens


@pytest.mark.parametrize(
    ("a", "b", "severity", "reason"),
    [
        ("We will strike the targets", "We will strike targets", "info", "function-words"),
        ("It is time to act", "It's time to act", "info", "punctuation"),
        ("We will organise talks", "We will organize talks", "info", "function-words"),
        ("We will strike the bases", "We will strike the camps", "warning", "content-words"),
        ("We will strike the bases", "We will not strike the bases", "error", "negation"),
        ("We can't accept this", "We can accept this", "error", "negation"),
        ("We destroyed 500 trucks", "We destroyed 50 trucks", "error", "number"),
        ("We destroyed five trucks", "We destroyed 5 trucks", "info", "function-words"),
        ("Prices will increase", "Prices will decrease", "error", "meaning-flip"),
        ("We support the plan", "We oppose the plan", "error", "meaning-flip"),
    ],
)
def test_assess_change(a: str, b: str, severity: str, reason: str) -> None:
    change = assess_change(tokens(a), tokens(b))
    assert change.severity == severity
    assert reason in change.reasons


def test_partial_quote_is_compared_with_its_window_only() -> None:
    change = compare_wordings(
        normalize_quote(ORDER_A), normalize_quote("treat them as allies"), "fragment"
    )
    assert change.severity == "info"


def _by_code(findings: list, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_translation_variants_are_warnings_with_a_diff() -> None:
    found = _by_code(run_checks(story()), "QC101")
    assert found and all(f.severity in ("warning", "info") for f in found)
    pair = next(f for f in found if {e.source for e in f.evidence} == {"wire.txt", "daily.txt"})
    assert pair.details["diff"] == ["it is essential to -> you must"]
    assert pair.details["match"] == "variant"
    assert "Vladimir Putin" in pair.message
    assert {e.role for e in pair.evidence} == {"variant"}  # one source each: a tie
    texts = {e.text for e in pair.evidence}
    assert texts == {ORDER_A, ORDER_B}


def test_identical_quotes_raise_nothing() -> None:
    words = "The talks will continue next week in Vienna"
    arts = [
        quoted("a.txt", "Sergei Lavrov", words),
        quoted("b.txt", "Mr Lavrov", "“" + words + ",”"),
    ]
    assert run_checks(arts) == []


def test_copied_article_counts_as_one_source() -> None:
    a = quoted("a.txt", "Sergei Lavrov", "We will send ground troops")
    b = a.model_copy(update={"source": "mirror.txt"})
    c = quoted("c.txt", "Sergei Lavrov", "We will not send ground troops")
    [finding] = run_checks([a, b, c])
    assert {e.role for e in finding.evidence} == {"variant"}  # 1 independent source against 1


def test_same_article_twice_raises_nothing() -> None:
    a = quoted("a.txt", "Sergei Lavrov", "We will not send ground troops")
    b = ArticleBuilder("a.txt", 'Sergei Lavrov said: "We will send ground troops"')
    b.quote("We will send ground troops", b.speaker("Sergei Lavrov"))
    # same source name: one source, never compared with itself
    assert run_checks([a, b.build()]) == []


def test_negation_change_is_an_error_with_majority_and_outlier() -> None:
    words = "We will send ground troops to Syria"
    arts = [
        quoted("a.txt", "Sergei Lavrov", words),
        quoted("b.txt", "Sergei Lavrov", words),
        quoted("c.txt", "Lavrov", "We will not send ground troops to Syria"),
    ]
    [finding] = run_checks(arts)
    assert (finding.code, finding.kind, finding.severity) == (
        "QC101",
        "quote-wording-mismatch",
        "error",
    )
    assert finding.details["reasons"] == ["negation"]
    roles = {e.source: e.role for e in finding.evidence}
    assert roles == {"a.txt": "majority", "b.txt": "majority", "c.txt": "outlier"}
    assert finding.details["outliers"] == ["c.txt"]


def test_different_speakers_wording_is_not_qc101() -> None:
    arts = [
        quoted("a.txt", "Sergei Lavrov", "We will send ground troops to Syria"),
        quoted("b.txt", "John Kerry", "We will not send ground troops to Syria"),
    ]
    assert _by_code(run_checks(arts), "QC101") == []


def test_fingerprint_ignores_offsets_and_order() -> None:
    words = "We will send ground troops to Syria"
    other = "We will send ground troops into Syria"
    arts = [quoted("a.txt", "Sergei Lavrov", words), quoted("b.txt", "Lavrov", other)]
    moved = ArticleBuilder("b.txt", 'Earlier that day, Lavrov said: "' + other + '"')
    moved.quote(other, moved.speaker("Lavrov"))
    first = run_checks(arts)
    second = run_checks([moved.build(), arts[0]])
    assert first and [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert first[0].evidence != second[0].evidence


def test_short_fragment_in_two_wordings_does_not_make_them_agree() -> None:
    a = quoted("a.txt", "Vladimir Putin", ORDER_A)
    b = quoted("b.txt", "Vladimir Putin", ORDER_B)
    c = ArticleBuilder("c.txt", 'Putin told the navy to work with the French "as allies".')
    c.quote("as allies", c.speaker("Vladimir Putin", mention="Putin"), kind="partial")
    found = [f for f in run_checks([a, b, c.build()]) if f.code == "QC101"]
    assert len(found) == 1
    # the two-word fragment is corroboration, not a vote: still one source against one
    assert {e.role for e in found[0].evidence if e.text != "as allies"} == {"variant"}
