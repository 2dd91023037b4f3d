"""The reporting-verb index that lets cue patterns skip windows with no verb."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck.extract import pipeline
from quotecheck.extract.cues import CueIndex, CuePatterns, patterns


def test_the_index_finds_verbs_by_their_first_word_in_any_case() -> None:
    text = "Smith SAID it. Jones e-mailed me. She pointed out that. Said Lee: no. Reportedly."
    idx = CueIndex(text, patterns())
    found = [text[s : s + 8] for s in idx.starts]
    assert found == ["SAID it.", "e-mailed", "pointed ", "Said Lee"]
    assert idx.has_verb(0, len("Smith S"))
    assert not idx.has_verb(0, len("Smith "))  # a window must hold the verb's start
    assert not idx.has_verb(text.index("Reportedly"), len(text))


def test_within_limits_the_verbs_considered() -> None:
    text = "The minister e-mailed the draft."
    idx = CueIndex(text, patterns())
    assert idx.has_verb(0, len(text))
    assert not idx.has_verb(0, len(text), frozenset({"said"}))


def test_a_cue_the_index_admits_still_attributes() -> None:
    # the verb is far from the quote but in its sentence: the window must not be skipped
    text = 'Asked about the talks on Friday in Vienna, Lavrov said "We are ready to help."'
    q = next(q for q in quotecheck.extract(text).quotes if "ready" in q.text)
    assert q.speaker is not None and q.speaker.name == "Lavrov"


def test_both_ways_of_building_the_index_agree() -> None:
    # lower-casing "İ" adds a character, which sends the text down the per-word path
    text = "Lee said: “no”. Ana e-mailed Zoë, who unsaid nothing. SAYS Kim. Said Bo, "
    fast = CueIndex(text, patterns())
    slow = CueIndex(text + "İ", patterns())
    assert len((text + "İ").lower()) != len(text + "İ")
    assert fast.starts == [s for s in slow.starts if s < len(text)]
    assert [text[s : s + 4] for s in fast.starts] == ["said", "e-ma", "SAYS", "Said"]
    assert fast.words == ["said", "e", "says", "said"]


class _EveryPosition(CueIndex):
    """An index that admits a verb everywhere: the cue patterns then run on every window
    and scan to its end, as they did before the index existed (the reference)."""

    def __init__(self, text: str, pats: CuePatterns) -> None:
        self.starts = list(range(len(text) + 1))
        self.words = [""] * len(self.starts)

    def has_verb(self, start: int, end: int, within: frozenset[str] | None = None) -> bool:
        return start < end

    def verbs_in(self, start: int, end: int, within: frozenset[str] | None = None) -> list[int]:
        return list(range(start, end))


FRAGMENTS = [
    "“We will win,”",
    '"Not now."',
    "“a phony system”",
    "«Yes»",
    ",",
    ".",
    ":",
    "—",
    "(R-Ohio)",
    "he said",
    "she told reporters",
    "said Putin",
    "Mr. Carter said",
    "the Kremlin said",
    "Russian Defence Minister Sergei Shoigu",
    "told France Inter",
    "according to Tass",
    "Citing Kartapolov, Tass reports",
    "Asked about it,",
    "Lavrov added that",
    "saying",
    "a senior official",
    "officials said",
    "It added that",
    "reportedly",
    "e-mailed",
    "B. B.",
    "The New York Post reports that",
    "on Monday",
    "in Paris",
    "and",
    "\n\n",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(" ".join))
def test_the_index_changes_no_result(text: str) -> None:
    # every shortcut the index allows (skipped windows, early stops, verb-start search)
    # must give what the full scans give
    text = "The report. " + text  # never empty
    fast = quotecheck.extract(text).quotes
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "CueIndex", _EveryPosition)
        slow = quotecheck.extract(text).quotes
    assert fast == slow
