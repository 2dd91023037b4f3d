"""More speed shortcuts of ingestion, each checked against the long way on generated input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.ingest.boilerplate import (
    TIMEOUT,
    _default_matchers,
    _grouped,
    _Matcher,
    _matchers,
    default_rules,
    parse_rules,
)

# -- boilerplate: class-led rules are patterns of their own, the rest one alternation

# characters the shipped rules are about, so random lines sometimes nearly match
NEAR_ALPHABET = "aAeErRsS 0129:|.-—©()»’'\"&/\t"


def _one_by_one(matcher: _Matcher, line: str) -> bool:
    return _Matcher(matcher.rules, None).match(line, TIMEOUT, lambda: None)


@st.composite
def boilerplate_line(draw: st.DrawFn) -> str:
    """A line that fully matches a shipped rule, or a random line near the rules."""
    rule = draw(st.sampled_from(default_rules()))
    if draw(st.booleans()):
        return draw(st.from_regex(rule.source, fullmatch=True))
    return draw(st.text(alphabet=NEAR_ALPHABET, max_size=60))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(boilerplate_line())
def test_grouped_patterns_agree_with_the_rules_one_by_one(line: str) -> None:
    for untimed in (_default_matchers(), _matchers(default_rules())):  # both ways to call
        for where, matcher in untimed.items():
            got = matcher.match(line, TIMEOUT, lambda: None)
            assert got == _one_by_one(matcher, line), (where, line)


@pytest.mark.parametrize(
    "line",
    [
        "Home | World | Politics | Business",  # the menu rule (class-led)
        "© 2015 Lakeshore Radio. All rights reserved.",
        "Lakeshore Radio 2015, all rights reserved",  # .{0,120}\ball rights reserved
        "0:00 / 3:12",  # \d...
        "-----",  # [-–—...]+
        "Read more",  # literal-led
        "—" * 2_000,  # longer than the untimed limit
    ],
)
def test_every_kind_of_shipped_rule_still_removes_its_line(line: str) -> None:
    assert _default_matchers()["any"].match(line, TIMEOUT, lambda: None)


def test_class_led_branches_are_patterns_of_their_own() -> None:
    branches = ["(?i:read more)", "(?:[a-z]+ \\| [a-z]+)", "(?i:.{0,5}end)", "(?:\\d+)", "(?:x)"]
    patterns = [p.pattern for p in _grouped(branches)]
    assert patterns == ["(?i:read more)|(?:x)", *branches[1:4]]
    matcher = _Matcher(
        parse_rules("(?i)read more\n[a-z]+ \\| [a-z]+\n(?i).{0,5}end\n\\d+\nx"), None
    )
    grouped = _Matcher(matcher.rules, _grouped(branches))
    for line in ("READ MORE", "a | b", "the end", "2015", "x", "y", "a|b", "x x"):
        assert grouped.match(line, TIMEOUT, lambda: None) == _one_by_one(matcher, line)
