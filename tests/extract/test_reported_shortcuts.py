"""Shortcuts of reported speech checked against the plain computation they replace."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.extract import reported
from quotecheck.extract.cues import patterns
from quotecheck.lexicons import lexicon_dirs

_PIECES = [
    "also", "has", "had", "said", "Smith", "reportedly", "early", "ly", "now", "later",
    "He", "the", "official", "Anna Berg", ",", "who", "and", "(D-Ohio)", "x",
]  # fmt: skip
_GAPS = [" ", "", "  ", "\t", "\n", "\u2003"]


def _texts() -> st.SearchStrategy[str]:
    part = st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)).map("".join)
    return st.lists(part, max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts(), st.integers(0, 200), st.integers(0, 200))
def test_the_backward_aux_search_finds_what_a_forward_search_finds(
    text: str, a: int, b: int
) -> None:
    forward = regex.compile(reported._AUX.pattern, reported._AUX.flags & ~regex.REVERSE)
    lo, vs = sorted((min(a, len(text)), min(b, len(text))))
    got, want = reported._AUX.search(text, lo, vs), forward.search(text, lo, vs)
    assert (got.span() if got else None) == (want.span() if want else None)


def _rp() -> reported._Patterns:
    dirs = lexicon_dirs()
    return reported._patterns(patterns(), reported._lexicon(dirs))


def test_the_subject_is_tried_only_at_words_that_open_a_speaker_phrase() -> None:
    rp = _rp()
    assert {"he", "she", "the", "a", "officials", "spokesman"} <= rp.subject_openers
    assert not {"and", "to", "was", "because", "you"} & rp.subject_openers


_SKIPPED = sorted(
    w.lower()
    for w in (*patterns().pronouns, *reported._lexicon(lexicon_dirs()).function_words)
    if w.lower() not in _rp().subject_openers and " " not in w
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_SKIPPED), _texts())
def test_a_skipped_opener_never_starts_a_subject(word: str, tail: str) -> None:
    text = f"{word} {tail} said"
    assert _rp().subject.fullmatch(text, 0, len(text) - len(" said")) is None


_QUOTED = [*_PIECES, '"', "“", "”", "«", "»", "„", "'s", "the spokesman", "U.S."]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_QUOTED), st.sampled_from(_GAPS)).map("".join), max_size=12
    ).map("".join)
)
def test_no_subject_runs_across_a_double_quote_mark_outside_a_parenthesis(words: str) -> None:
    rp = _rp()
    assert rp.quote_free
    text = f"{words} said"
    vs = len(words)
    for m in reported._WORD.finditer(text, 0, vs):
        between = text[m.start() : vs]
        if "(" not in between and any(c in between for c in reported._DOUBLE):
            assert rp.subject.fullmatch(text, m.start(), vs) is None, between


@settings(max_examples=300, deadline=None)
@given(_texts(), st.integers(0, 200), st.integers(0, 200))
def test_that_read_in_a_short_window_matches_as_in_the_whole_sentence(
    text: str, a: int, b: int
) -> None:
    text = text.replace("who", "that")  # some "that" after spaces
    pos, se = sorted((min(a, len(text)), min(b, len(text))))
    rp = _rp()
    got, want = reported._that(rp, text, pos, se), rp.that.match(text, pos, se)
    assert (got.span() if got else None) == (want.span() if want else None)
