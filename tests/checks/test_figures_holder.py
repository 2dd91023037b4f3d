"""QC104 compares two figures only when they count one thing of one holder at one time.

Each case is a pair of sentences from two outlets on one story, written for these tests.
False alarms of real copy (issue 13, cause 1) must raise no warning or error; the real
discrepancies must still be raised, as errors only when measure, holder, event and time
are all established.
"""

from __future__ import annotations

import datetime as dt

import pytest

import quotecheck
from quotecheck.checks import run_checks
from quotecheck.extract.figures import article_words, figure_context, find_figures
from quotecheck.models import Article, Finding

DAY = dt.date(2024, 3, 12)


def _article(source: str, text: str, day: dt.date | None = DAY) -> Article:
    art = quotecheck.extract(text, source=source)
    return art.model_copy(update={"date": day})


def _numbers(a: str, b: str, days_apart: int = 0) -> list[Finding]:
    arts = [
        _article("one.txt", a),
        _article("two.txt", b, DAY + dt.timedelta(days=days_apart)),
    ]
    return [f for f in run_checks(arts) if f.code == "QC104"]


# (sentence in one outlet, sentence in another, days between them)
FALSE_ALARMS = [
    pytest.param(
        "Governor Alvarez won 31 delegates in the Maine caucuses on Saturday.",
        "Senator Brightwater won 45 delegates in the Maine caucuses on Saturday.",
        0,
        id="different-holder",
    ),
    pytest.param(
        "Okafor won 20 delegates in the Dakota primary on Tuesday.",
        "On Tuesday Okafor reached the 2,383 delegates needed to clinch the nomination.",
        0,
        id="held-against-needed",
    ),
    pytest.param(
        "With the win in Idaho, Okafor has taken six of the past seven contests.",
        "Okafor has now taken eight of the past nine contests, aides said.",
        5,
        id="different-window",
    ),
    pytest.param(
        "Okafor has 412 pledged delegates so far, his aides said.",
        "Okafor has 455 pledged delegates so far, according to a party count.",
        6,
        id="running-tally-days-apart",
    ),
    pytest.param(
        "The Harlow campaign hired another 40 organizers in Dunmore on Monday.",
        "The Harlow campaign has 300 organizers in Dunmore, aides said on Monday.",
        0,
        id="increment-against-level",
    ),
    pytest.param(
        "Floods closed five of the bridges in Dunmore on Monday.",
        "Floods closed 12 bridges across the county on Monday.",
        0,
        id="partial-against-total",
    ),
    pytest.param(
        "A Keller University poll of 600 likely voters found Wells ahead in Dunmore.",
        "Wells spoke to 40 voters at a diner in Dunmore.",
        1,
        id="poll-respondents-against-a-crowd",
    ),
    pytest.param(
        "Hale, Ortiz and Brandt together won 61 percent of the vote in the primary on Tuesday.",
        "Hale won 23 percent of the vote in the primary on Tuesday.",
        0,
        id="combined-against-one-share",
    ),
    pytest.param(
        "Wells spoke in front of a crowd of about 2,000 people.",
        "Okafor drew a crowd of about 300 people at a school gym.",
        0,
        id="two-crowds",
    ),
    pytest.param(
        "Wells had survived two ethics scandals before he ran.",
        "It appears three ethics scandals were one too many for the party.",
        0,
        id="count-before-and-after-a-new-event",
    ),
    pytest.param(
        '"We had 20,000 people here tonight," Wells said in Dunmore.',
        "About 8,000 people attended the Wells rally in Dunmore, police said.",
        0,
        id="speaker-claim-against-the-writer",
    ),
]


@pytest.mark.parametrize(("a", "b", "days"), FALSE_ALARMS)
def test_different_counts_raise_no_warning_or_error(a: str, b: str, days: int) -> None:
    serious = [f for f in _numbers(a, b, days) if f.severity != "info"]
    assert serious == [], [f.message for f in serious]


# (sentence in one outlet, sentence in another, days apart, severity expected)
REAL = [
    pytest.param(
        "Governor Alvarez won 31 delegates in the Maine caucuses on Saturday.",
        "Governor Alvarez won 27 delegates in the Maine caucuses on Saturday.",
        1,
        "error",
        id="same-holder-measure-time",
    ),
    pytest.param(
        "Trump spoke for 77 minutes at the rally in Tampa on Monday.",
        "In a 76-minute speech in Tampa on Monday, Trump attacked the press.",
        0,
        "error",
        id="speech-durations",
    ),
    pytest.param(
        '"We had 20,000 people in Dunmore tonight," Wells said.',
        '"We had 12,000 people in Dunmore tonight," Wells told supporters.',
        0,
        "warning",
        id="speaker-quoted-figure",
    ),
    pytest.param(
        "The storm killed 14 people in Dunmore on Friday.",
        "The storm killed at least 19 people in Dunmore on Friday.",
        0,
        "error",
        id="event-toll",
    ),
]


@pytest.mark.parametrize(("a", "b", "days", "severity"), REAL)
def test_real_discrepancies_still_fire(a: str, b: str, days: int, severity: str) -> None:
    found = _numbers(a, b, days)
    assert [f.severity for f in found] == [severity], [f.message for f in found]
    assert len({ev.source for ev in found[0].evidence}) == 2


def test_weak_evidence_is_lowered_and_explained() -> None:
    """Same holder and time but no verb naming the event: a warning saying so."""
    [found] = _numbers(
        "Governor Alvarez has 31 delegates in Maine, party officials said on Saturday.",
        "Governor Alvarez has 27 delegates in Maine, party officials said on Saturday.",
    )
    assert found.severity == "warning"
    assert "Not an error" in found.message and found.details["event_named"] is False


def test_undated_articles_give_no_error() -> None:
    arts = [
        _article("one.txt", "Governor Alvarez won 31 delegates in Maine.", None),
        _article("two.txt", "Governor Alvarez won 27 delegates in Maine.", None),
    ]
    found = [f for f in run_checks(arts) if f.code == "QC104"]
    assert [f.severity for f in found] == ["warning"]
    assert found[0].details["time_established"] is False


# -- the context read around one figure ---------------------------------------------------

CONTEXTS = [
    ("Sanchez's 39 percent trailed.", "39 percent", {"owners": {"sanchez"}}),
    ("Wells’ 39 percent trailed.", "39 percent", {"owners": {"wells"}}),
    ("Okafor won 31 delegates in Ohio.", "31", {"owners": {"okafor"}, "scope": None}),
    ("In Ohio, Okafor won 31 delegates.", "31", {"owners": {"okafor"}}),
    ("Ohio voters gave 31 delegates to Okafor.", "31", {"owners": {"ohio"}}),
    ("Ohio, Okafor said, gave him 31 delegates.", "31", {"owners": set()}),
    ("The state sends 31 delegates for Delaware.", "31", {"owners": {"delaware"}}),
    ("Hale and Ortiz won 40 seats.", "40", {"owners": {"hale", "ortiz"}}),
    ("He spoke to a crowd of about 2,000 people.", "about 2,000", {"frame": "crowd"}),
    ("Okafor has won six of the past seven contests.", "six", {"scope": "part", "running": True}),
    ("Okafor won six of the past seven contests.", "seven", {"scope": "window"}),
    ("Police arrested four of the men.", "four", {"scope": "part"}),
    ("Okafor needs 2,383 delegates to win.", "2,383", {"scope": "threshold"}),
    ("She has the 2,383 delegates required.", "2,383", {"scope": "threshold"}),
    ("She won 24 percent of the vote.", "24 percent", {"scope": None}),
    ("The party hired another 40 organizers.", "40", {"scope": "increment"}),
    ("Stocks were up 3 points.", "3", {"scope": "margin"}),
    ("They won 61 percent combined.", "61 percent", {"scope": "combined"}),
    ("The plant makes 500 pumps a day.", "500", {"scope": "rate"}),
    ("Within a few days our pilots hit 500 trucks.", "500", {"owners": set()}),
    ("Sanchez is ahead; More voters backed 40 bills.", "40", {"owners": set()}),
    ("The count reached 900 votes so far.", "900", {"running": True}),
]


# the rest of the article: the names also appear inside sentences, as names do
_REST = " Reporters met Wells, Sanchez and Okafor, then Hale and Ortiz, in Ohio and Delaware."


@pytest.mark.parametrize(("text", "figure", "expected"), CONTEXTS)
def test_figure_context(text: str, figure: str, expected: dict[str, object]) -> None:
    [draft] = [d for d in find_figures(text) if d.text == figure]
    words = article_words(text + _REST)
    ctx = figure_context(text, draft.start, draft.end, (0, len(text)), words)
    for field, value in expected.items():
        got = getattr(ctx, field)
        assert (set(got) if isinstance(got, frozenset) else got) == value, field


def test_window_is_not_the_measure() -> None:
    """ "six of the past seven contests" counts contests, not "past"."""
    found = find_figures("Okafor has won six of the past seven contests.")
    assert [(d.text, d.measure) for d in found] == [("six", "contests"), ("seven", "contests")]


def test_odd_spans_give_an_empty_context() -> None:
    ctx = figure_context("abc", 2, 9, (0, 3), frozenset())
    assert not ctx.owners and ctx.scope is None


def _undated(*texts: str) -> list[Finding]:
    arts = [_article(f"{k}.txt", t, None) for k, t in enumerate(texts)]
    return [f for f in run_checks(arts) if f.code == "QC104"]


def test_agreeing_sources_establish_the_time() -> None:
    """Undated copy: one outlet against another is a warning; against two that agree, the
    figure is the story's figure at the story's time, and the outlier is an error."""
    two = "The Hallam Island ferry carries about 2,400 passengers a day."
    other = "The Hallam Island ferry carries some 2,400 passengers a day, the operator says."
    odd = "The Hallam Island ferry carries 4,000 passengers a day."
    assert [f.severity for f in _undated(two, odd)] == ["warning"]
    [found] = _undated(two, other, odd)
    assert found.severity == "error"
    assert {ev.role for ev in found.evidence if ev.text == "4,000"} == {"outlier"}


def test_an_article_does_not_contradict_itself() -> None:
    """One article giving five states and two states counts two different things."""
    found = _numbers(
        "Voters in five states went to the polls on Tuesday. Okafor won two states on Tuesday.",
        "Primaries were held in five states on Tuesday.",
    )
    assert [f for f in found if f.severity != "info"] == []


def test_a_title_names_the_holder_of_a_bare_sentence() -> None:
    a = "Marlow Falls Plant To Close\n\nCorvane will close its Marlow Falls plant, cutting 1,200 jobs."
    b = (
        "Marlow Falls Plant Closing Confirmed\n\nThe closing will cut 1,500 jobs. "
        "Workers in Marlow Falls heard the news on Monday."
    )
    [found] = _numbers(a, b)
    assert found.severity == "error" and found.details["holder"] == "shared name"
