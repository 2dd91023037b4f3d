"""Every attribution rule is declared once, fires on its own example with the speaker
declared for it, and the rule table in docs/architecture.md is the one the declarations
generate (as proselint and sqlfluff require an example per rule)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError
from test_syntax import ParsedAnalyzer

import quotecheck
from quotecheck.analysis.base import Analyzer
from quotecheck.extract.attribution import RULES, AttributionRule, RuleId, rule_table
from quotecheck.extract.cues import patterns
from quotecheck.models import Quote

ROOT = Path(__file__).resolve().parents[2]

# the parse rule needs a dependency parse: a hand-written one for its example
PARSES: dict[str, Analyzer] = {
    "parse:subject-of-speech-verb": ParsedAnalyzer(
        heads={
            "The": ("minister", "det"),
            "minister": ("insisted", "nsubj"),
            "insisted": (None, "root"),
            "began": ("time", "acl"),
        },
        lemmas={"insisted": "insist", "began": "begin"},
    ),
    "parse:complement": ParsedAnalyzer(
        heads={
            "The": ("minister", "det"),
            "minister": ("insisted", "nsubj"),
            "insisted": (None, "root"),
            "retreat": ("insisted", "ccomp"),
            "the": ("army", "det"),
            "army": ("retreat", "nsubj"),
            "would": ("retreat", "aux"),
            "not": ("retreat", "advmod"),
        },
        lemmas={"insisted": "insist", "retreat": "retreat"},
    ),
}


def test_every_rule_id_is_declared_once_in_order() -> None:
    assert tuple(RULES) == get_args(RuleId)
    assert all(rid == r.id for rid, r in RULES.items())


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_fires_on_its_example_with_its_speaker(rule: AttributionRule) -> None:
    backend = PARSES.get(rule.id, "rules")
    art = quotecheck.extract(rule.example, backend=backend)
    fired = [q for q in art.quotes if q.rule == rule.id]
    assert fired, f"{rule.id} did not fire: {[(q.text, q.rule) for q in art.quotes]}"
    q = fired[0]
    if rule.speaker is None:
        # no one's words (a title or scare quote), or content whose subject no rule delimits
        assert q.speaker is None
        assert q.kind == ("reported" if rule.side == "reported" else "scare")
    else:
        assert q.speaker is not None and q.speaker.name == rule.speaker
        assert q.confidence == rule.confidence_for(previous=_previous(art.quotes, q))


def _previous(quotes: tuple[Quote, ...], q: Quote) -> float | None:
    i = quotes.index(q)
    return quotes[i - 1].confidence if i > 0 else None


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_patterns_exist(rule: AttributionRule) -> None:
    pats = patterns()
    for name in rule.patterns:
        assert hasattr(pats, name), f"{rule.id}: CuePatterns has no {name}"


@pytest.mark.parametrize(
    ("rule", "pronoun", "previous", "expected"),
    [
        ("after:speaker-verb", False, None, 0.9),
        ("after:speaker-verb", True, None, 0.8),
        ("before:speaker-verb", True, None, 0.85),
        ("inherit:previous-speaker", False, 0.9, 0.75),
        ("inherit:previous-speaker", False, 0.6, 0.5),
    ],
)
def test_confidence_for(
    rule: RuleId, pronoun: bool, previous: float | None, expected: float
) -> None:
    assert RULES[rule].confidence_for(pronoun=pronoun, previous=previous) == expected


def test_pronoun_speaker_gets_the_pronoun_confidence() -> None:
    art = quotecheck.extract('Ann Lee spoke first. "We will win," she said.')
    q = art.quotes[0]
    assert q.rule == "after:speaker-verb"
    assert q.confidence == RULES["after:speaker-verb"].pronoun_confidence


def test_quote_rule_is_typed_by_the_declarations() -> None:
    with pytest.raises(ValidationError):
        Quote(start=0, end=1, text="x", kind="direct", rule="after:guess")  # type: ignore[arg-type]


def test_architecture_doc_holds_the_generated_rule_table() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert rule_table() in doc, (
        "the rule table is stale: python -m quotecheck.devtools.rule_table "
        "--write docs/architecture.md"
    )
