"""The reporting-verb index that lets cue patterns skip windows with no verb."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck.extract import pipeline, quotes
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
    """An index that admits a verb everywhere, so no window is skipped."""

    def __init__(self, text: str, pats: CuePatterns) -> None:
        self.starts = list(range(len(text) + 1))
        self.words = [""] * len(self.starts)
        self.present = None  # reported speech finds its own words

    def has_verb(self, start: int, end: int, within: frozenset[str] | None = None) -> bool:
        return start < end

    def verbs_in(self, start: int, end: int, within: frozenset[str] | None = None) -> list[int]:
        return list(range(start, end))


# the searches as they were before the index: whole scans, no early stop
def _full_nearest_cue(
    pattern: regex.Pattern[str], text: str, start: int, end: int, *_: object
) -> regex.Match[str] | None:
    best = None
    for m in pattern.finditer(text, start, end, overlapped=True):
        if best is None or m.start("cue") > best.start("cue"):
            best = m
    return best


def _full_last_match(
    pattern: regex.Pattern[str], text: str, start: int, end: int, **kw: object
) -> regex.Match[str] | None:
    last = None
    for m in pattern.finditer(text, start, end, overlapped=bool(kw.get("overlapped"))):
        last = m
    return last


def _full_search(
    pattern: regex.Pattern[str], text: str, start: int, end: int, *_: object
) -> regex.Match[str] | None:
    return pattern.search(text, start, end)


SPK = [
    "he",
    "She",
    "Putin",
    "Mr. Carter",
    "the Kremlin",
    "a senior official",
    "officials",
    "Russian Defence Minister Sergei Shoigu",
    "B. B.",
    "The New York Post",
    "It",
    "Lavrov",
]
VERB = ["said", "says", "told reporters", "added", "e-mailed", "reports", "asked", "warned"]
TAIL = ["", " on Monday", " in Paris", " that", " it was", " France Inter", " the crowd"]
QUOTE = ["“We will win,”", '"Not now."', "“a phony system”", "«Yes»", "‘No’"]
CLAUSE = ["the strikes will go on", "Russia is ready", "it was a mistake", "talks failed"]
NOUN = ["order", "words", "statement"]
SENTENCE = st.one_of(
    st.builds("{} {}{}: {}".format, *map(st.sampled_from, (SPK, VERB, TAIL, QUOTE))),
    st.builds("{} {}{} {}".format, *map(st.sampled_from, (SPK, VERB, TAIL, QUOTE))),
    st.builds("{} {} {}.".format, *map(st.sampled_from, (QUOTE, SPK, VERB))),
    st.builds("{}, {} {}{}.".format, *map(st.sampled_from, (CLAUSE, SPK, VERB, TAIL))),
    st.builds("{}, {} {}.".format, *map(st.sampled_from, (CLAUSE, VERB, SPK))),
    st.builds("{} {} that {}.".format, *map(st.sampled_from, (SPK, VERB, CLAUSE))),
    st.builds(
        "{} {} {} {}{} {}".format, *map(st.sampled_from, (SPK, VERB, SPK, VERB, TAIL, QUOTE))
    ),
    st.builds("{}'s {} {}".format, *map(st.sampled_from, (SPK, NOUN, QUOTE))),
    st.builds("According to {}, {}.".format, *map(st.sampled_from, (SPK, CLAUSE))),
    st.builds("Citing {}, {} {}, {}".format, *map(st.sampled_from, (SPK, SPK, VERB, QUOTE))),
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_the_index_changes_no_result(text: str) -> None:
    # every shortcut of the index (skipped windows, early stops, verb-start search)
    # must give what the full scans give
    text = "The report. " + text  # never empty
    fast = quotecheck.extract(text).quotes
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "CueIndex", _EveryPosition)
        mp.setattr(quotes, "_nearest_cue", _full_nearest_cue)
        mp.setattr(quotes, "_last_match", _full_last_match)
        mp.setattr(quotes, "_match_at_verbs", _full_search)
        slow = quotecheck.extract(text).quotes
    assert fast == slow


def test_reported_speech_reads_the_verb_index_word_set(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotecheck.extract import cues, reported

    text = (
        'Officials said the bridge would reopen. "We are ready," the mayor told reporters. '
        "Critics argued that the repairs were late, and İstanbul's envoy agreed."
    )
    idx = CueIndex("Officials said it. Critics argued that it was late.", patterns())
    assert idx.present is not None and {"said", "argued", "critics"} <= idx.present
    # the same cue words with the index's set as with the text's own
    for t in (text, text.replace("İ", "I"), "Nobody spoke."):
        low = t.lower()
        present = reported.ascii_words(low) if len(low) == len(t) else None
        cues_words = reported._lexicon(()).speech | {"argued", "agreed"}
        assert reported._cue_words(t, frozenset(cues_words), present) == reported._cue_words(
            t, frozenset(cues_words)
        )
    # one extraction builds the set once, for both
    calls: list[str] = []
    real = cues.ascii_words

    def counted(low: str) -> set[str]:
        calls.append(low)
        return real(low)

    monkeypatch.setattr(cues, "ascii_words", counted)
    monkeypatch.setattr(reported, "ascii_words", counted)
    quotecheck.extract(text.replace("İ", "I"))
    assert len(calls) == 1
