"""The shortcuts of direct-quote attribution give what the plain computations give."""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck.extract import quotes
from quotecheck.extract.cues import patterns

# -- the speaker phrase's first-word filter (CuePatterns.speaker_start)


def _entries() -> list[str]:
    pats = patterns()
    heads = [*pats.nominal_heads, *(h.capitalize() for h in pats.nominal_heads)]
    return sorted({*pats.pronouns, *pats.demonyms, *pats.lower_titles, *heads})


_DETERMINERS = [
    *("the", "a", "an", "one", "his", "its", "their", "both", "some", "others", "Others", "who"),
    *("and", "these", "another", "anyone", "other", "others'", "that's", "an,", "some's"),
]
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
    with_who = pats.speaker_start[:-1] + "|[Oo]thers|who)"
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


# -- patterns that open with their own words run only where those words are


@pytest.mark.parametrize(
    ("text", "speaker", "rule"),
    [
        ('Citing Ann Lee, the agency reports, "The ships will sail."', "Ann Lee", "before:chain"),
        ('Quoting Ann Lee, the agency reports, "The ships will sail."', "Ann Lee", "before:chain"),
        (
            'According to the Kremlin, "the talks will resume in May."',
            "the Kremlin",
            "before:according-to",
        ),
        (
            'The talks, according to the Kremlin, "will resume."',
            "the Kremlin",
            "before:according-to",
        ),
        ('All agreed, according to Ann Lee: "the talks resume."', "Ann Lee", "before:according-to"),
    ],
)
def test_cues_that_open_with_their_own_words(text: str, speaker: str, rule: str) -> None:
    q = next(q for q in quotecheck.extract(text).quotes if q.kind == "direct")
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.rule == rule


# -- no backtracking into a word where no shorter word could lead to a match

# a capitalised word gives back letters only at an apostrophe (``Clinton`` + ``'s``): a
# name ending inside a run of letters is followed by a letter, which nothing after a
# name accepts unless the whole run would do as well; a run of word characters before
# ``\s+`` never gives any back (a shorter run is followed by no space), nor do the spaces
# and commas a right-context pattern starts with (what follows them starts with neither)
_ATOMIC = [
    (r"\p{Lu}[\p{L}\p{M}\-]*+(?:['’][\p{L}\p{M}\-]*+)*", r"\p{Lu}[\p{L}\p{M}'’\-]*"),
    (r"]++\s+", r"]+\s+"),
    (r"[\s,]*+", r"[\s,]*"),
    (r"\s*+(?:That", r"\s*(?:That"),
    (r"\s*+(?P<cue>[―", r"\s*(?P<cue>[―"),
]


def _with_backtracking(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    source = pattern.pattern
    for atomic, plain in _ATOMIC:
        source = source.replace(atomic, plain)
    return None if source == pattern.pattern else regex.compile(source, pattern.flags)


def _compared_patterns() -> list[tuple[str, regex.Pattern[str], regex.Pattern[str]]]:
    from quotecheck.extract import reported
    from quotecheck.lexicons import lexicon_dirs

    pats = patterns()
    found = []
    for owner in (pats, reported._patterns(pats, reported._lexicon(lexicon_dirs()))):
        for name, p in vars(owner).items():
            if isinstance(p, regex.Pattern) and (plain := _with_backtracking(p)) is not None:
                found.append((name, p, plain))
    return found


_NAME_WORDS = [
    "O'Brien",
    "O’Neil",
    "Jones's",
    "Lee’s",
    "Smith-Jones",
    "McConnell",
    "Clinton's",
    "Ann",
    "Mr.",
    "Jr.",
    "Gen.",
    "Dr",
    "Kremlin",
    "José",
]
_OTHER_WORDS = [
    "said",
    "says",
    "told",
    "according to",
    "campaign",
    "spokesman",
    "officials",
    "the",
    "a",
    "senior",
    "of",
    "that",
    "s",
    "ve",
    "aides'",
    "reportedly",
    "(D-Ohio)",
    ",",
    ":",
    ".",
    "'s",
    "who",
]
_NAME_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_NAME_WORDS),
        st.sampled_from(_OTHER_WORDS),
        st.text(alphabet="AbcL'’-s", min_size=1, max_size=7),
    ),
    min_size=1,
    max_size=10,
).map(" ".join)


def _spans(m: regex.Match[str] | None) -> object:
    return None if m is None else [m.span(g) for g in range(len(m.groups()) + 1)]


_NAME_SENTENCES = [
    "Clinton's campaign said it would appeal.",
    "O'Brien's aides said, according to O’Neil's office, that",
    "Jones' spokesman told reporters: ",
    "Lee’s office said the Smith-Jones campaign's spokesman was wrong, ",
    "According to Clinton's campaign, ",
    "In O'Brien's words, ",
    "Mr. O'Brien's senior aide, James Hale Jr., said",
    "the Kremlin's spokesman Dmitry Peskov said",
    "Clinton'sx said Jones's",
    " and He said ",
    ", said Ann Lee, the mayor.",
    ",  according to the Kremlin",
    " -- Ann Lee",
    "  That was how Ann Lee put it.",
]


def _assert_same(
    compared: list[tuple[str, regex.Pattern[str], regex.Pattern[str]]], text: str
) -> None:
    for name, fast, plain in compared:
        for i in range(len(text) + 1):
            assert _spans(fast.match(text, i)) == _spans(plain.match(text, i)), (name, text, i)
        got = [_spans(m) for m in fast.finditer(text, overlapped=True)]
        assert got == [_spans(m) for m in plain.finditer(text, overlapped=True)], (name, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NAME_TEXT)
def test_patterns_match_as_with_backtracking_into_words(text: str) -> None:
    compared = _compared_patterns()
    names = {n for n, _, _ in compared}
    assert {"embedded", "name", "subject", "according", "after_verb_name", "after_how"} <= names
    assert {"after_name_verb", "after_according", "after_dash"} <= names
    _assert_same(compared, text)


@pytest.mark.parametrize("text", _NAME_SENTENCES)
def test_possessives_and_names_match_as_with_backtracking(text: str) -> None:
    _assert_same(_compared_patterns(), text)


# -- a name and its participle start after the window's last comma, semicolon or colon


def test_no_pre_modifier_entry_holds_a_break() -> None:
    pats = patterns()
    for entry in (*pats.demonyms, *pats.lower_titles):
        assert not any(c in entry for c in quotes._BREAKS), entry


_PARTICIPLE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["Ann", "Lee", "Mr.", "O'Brien", "South African", "former", "Jr."]),
        st.sampled_from(["asking", "saying", "telling Ann Lee", "reportedly", "later"]),
        st.sampled_from([",", ":", ";", "footage of", "shows", "the", "(D-Ohio)", " "]),
    ),
    min_size=1,
    max_size=9,
).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PARTICIPLE_TEXT, st.sampled_from(["", ",", ":", " , ", ": "]))
def test_the_participle_search_after_the_last_break_finds_the_same(text: str, tail: str) -> None:
    pat = patterns().name_participle
    text = text + tail
    for start in range(len(text) + 1):
        skipped = quotes._after_break(text, start, len(text))
        assert start <= skipped <= len(text)
        got = _spans(pat.search(text, skipped, len(text)))
        assert got == _spans(pat.search(text, start, len(text))), (text, start)


@pytest.mark.parametrize(
    ("text", "speaker", "rule"),
    [
        (
            'Putin\'s order to work with the French "like with allies" was clear.',
            "Putin",
            "embedded:possessive-noun",
        ),
        (
            'Officials cited Ann Lee’s remarks about "a new chapter" in the talks.',
            "Ann Lee",
            "embedded:possessive-noun",
        ),
        (
            'The footage shows Ann Lee reportedly asking, "Where is the money?"',
            "Ann Lee",
            "before:name-participle",
        ),
        (
            'A clip, filmed by Ann Lee, shows Mr. Obama asking: "Why now?"',
            "Obama",
            "before:name-participle",
        ),
    ],
)
def test_possessive_nouns_and_name_participles_attribute(
    text: str, speaker: str, rule: str
) -> None:
    q = next(q for q in quotecheck.extract(text).quotes if q.rule == rule)
    assert q.speaker is not None and q.speaker.name == speaker


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2028\x1c.,;:!?xY\u201c", max_size=20), st.data())
def test_blank_stretch_tests_read_like_strip(text: str, data: st.DataObject) -> None:
    # the heading test of a quoted title reads a stretch up to its first other character
    # instead of slicing and stripping it (quadratic on one long paragraph)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert (quotes._NOT_SPACE.search(text, a, b) is None) == (not text[a:b].strip())
    assert (quotes._NOT_END_PUNCT.search(text, a, b) is None) == (not text[a:b].strip(" .,;:!?"))
