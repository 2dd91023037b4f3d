"""The shortcuts of direct-quote attribution give what the plain computations give."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.extract import quotes
from quotecheck.extract.cues import patterns

# -- the speaker phrase's first-word filter (CuePatterns.speaker_start)


def _entries() -> list[str]:
    pats = patterns()
    heads = [*pats.nominal_heads, *(h.capitalize() for h in pats.nominal_heads)]
    return sorted({*pats.pronouns, *pats.demonyms, *pats.lower_titles, *heads})


_DETERMINERS = ["the", "a", "an", "one", "his", "its", "their", "both", "some", "others", "who"]
_FILLER = ["said", "that", "is", "and", "Lee", "Ann", "Mr.", "U.S.", "of", "(D-Ohio)", ",", "'s"]


def _speaker_texts() -> st.SearchStrategy[str]:
    word = st.one_of(
        st.sampled_from(_entries()),
        st.sampled_from(_DETERMINERS + _FILLER),
        st.text(alphabet="abcÉé'-", min_size=1, max_size=6),
    )
    return st.lists(word, min_size=1, max_size=9).map(" ".join)


def test_every_entry_of_the_word_lists_passes_the_filter() -> None:
    pats = patterns()
    start = regex.compile(pats.speaker_start, regex.V1)
    phrase = regex.compile(pats.speaker, regex.V1)
    for entry in _entries():
        for text in (f"{entry} said", f"{entry} Ann Lee said", f"the {entry} said"):
            if phrase.match(text) is not None:
                assert start.match(text) is not None, text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_speaker_texts())
def test_the_filter_admits_every_start_of_a_speaker_phrase(text: str) -> None:
    # the filter is a lookahead in front of the phrase: it must hold wherever the phrase
    # matches, so the patterns with it find what they would find without it
    pats = patterns()
    start = regex.compile(pats.speaker_start, regex.V1)
    phrase = regex.compile(pats.speaker, regex.V1)
    for i in range(len(text) + 1):
        if phrase.match(text, i) is not None:
            assert start.match(text, i) is not None, (text, i)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_speaker_texts())
def test_the_cue_patterns_match_as_without_the_filter(text: str) -> None:
    pats = patterns()
    text = f"{text} said it"
    with_who = pats.speaker_start[:-1] + "|who)"
    for pat, filt in ((pats.embedded, pats.speaker_start), (pats.before_intro, with_who)):
        assert filt in pat.pattern
        plain = regex.compile(pat.pattern.replace(filt, "", 1), pat.flags)
        for overlapped in (False, True):
            got = [m.span() for m in pat.finditer(text, overlapped=overlapped)]
            want = [m.span() for m in plain.finditer(text, overlapped=overlapped)]
            assert got == want, (text, pat is pats.embedded)


# -- the title test, word by word


def _plain_title_case(inner: str) -> bool:
    words = quotes._TITLE_WORD.findall(inner)
    if not words or len(words) > 7 or any(c in inner.rstrip(",.!? ") for c in ".!?;:"):
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w in quotes._TITLE_SMALL or w[:1].isdigit() for w in words
    )


_TITLE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["This", "Week", "the", "of", "and", "Meet", "Press", "2016", "is"]),
        st.sampled_from([",", ".", "!", "?", ";", ":", "-", "—", "'s", " "]),
        st.text(alphabet="aAé1'’-", min_size=1, max_size=4),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_TITLE_TEXT)
def test_the_title_test_answers_as_listing_all_words(inner: str) -> None:
    assert quotes._title_case(inner) == _plain_title_case(inner)


def test_the_title_test_examples() -> None:
    assert quotes._title_case("Meet the Press")
    assert quotes._title_case("Sunday Morning Futures,")
    assert not quotes._title_case("Meet the press")
    assert not quotes._title_case("One Two Three Four Five Six Seven Eight")
    assert not quotes._title_case("the Press")
    assert not quotes._title_case("")
