"""Shortcuts of reported speech checked against the plain computation they replace."""

from __future__ import annotations

import copy

import pytest
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


def _before_said(words: str) -> tuple[str, int, list[int]]:
    """``words`` before the verb ``said``: the text, where the verb starts, and where
    each word before it starts."""
    text = f"{words} said"
    return text, len(words), [m.start() for m in reported._WORD.finditer(text, 0, len(words))]


def _ctx(text: str, rp: reported._Patterns) -> reported._Ctx:
    """The whole of ``text`` as one sentence with no quotes."""
    lex = reported._lexicon(lexicon_dirs())
    return reported._Ctx(text, 0, len(text), 0, patterns(), rp, lex, quotes=[])


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
    text, vs, starts = _before_said(words)
    for start in starts:
        between = text[start:vs]
        if "(" not in between and any(c in between for c in reported._DOUBLE):
            assert rp.subject.fullmatch(text, start, vs) is None, between


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


_APPOSED = [
    *_PIECES, ",", ", ", "Jr.", "a senior adviser to the campaign", "of Boston", "67",
    "U.S.", "Inc.", "(R-Texas, retired)", "(", ")", ";", "the former governor", "Mr.",
]  # fmt: skip


def _apposed() -> st.SearchStrategy[str]:
    part = st.tuples(st.sampled_from(_APPOSED), st.sampled_from(_GAPS)).map("".join)
    return st.lists(part, max_size=14).map("".join)


_SUBJECTS = [
    ("Ann Lee, a retired nurse from Ohio, has said", "Ann Lee"),
    ("Ann Lee (R-Texas, retired) said", "Ann Lee (R-Texas, retired)"),
    ("Ann Lee (R-Texas, retired), a nurse, said", "Ann Lee (R-Texas, retired)"),
    ("In Boston, Ann Lee, 67, said", "Ann Lee"),
    ("Smith, also said", "Smith"),
    ("He proposed it, but analysts said", "analysts"),
    ("It was, they said", "they"),
    ("In the end, the spokesman said", "the spokesman"),
    ("It was over, in the end, said", None),
    ("During his years in office, Mr. Obama said", "Mr. Obama"),
]


@pytest.mark.parametrize(("text", "speaker"), _SUBJECTS)
def test_the_subject_before_a_verb_across_commas(text: str, speaker: str | None) -> None:
    vs = text.rindex(" said") + 1
    m = reported._subject(_ctx(text, _rp()), vs)
    assert (text[slice(*m.span("spk"))] if m is not None else None) == speaker


@settings(max_examples=500, deadline=None)
@given(_apposed())
def test_a_subject_holding_a_comma_has_its_speaker_end_at_the_first(words: str) -> None:
    # what ``_subject`` relies on to skip starts: outside a parenthesis, the rest of the
    # subject from the first comma after a start must match ``subject_rest``
    rp = _rp()
    assert rp.comma_free
    text, vs, starts = _before_said(words)
    for start in starts:
        comma = text.find(",", start, vs)
        if comma < 0 or "(" in text[start:comma]:
            continue
        if rp.subject_rest.fullmatch(text, comma, vs) is None:
            assert rp.subject.fullmatch(text, start, vs) is None, text[start:vs]


@settings(max_examples=300, deadline=None)
@given(_apposed(), _apposed())
def test_the_subject_is_the_same_with_and_without_the_comma_shortcut(
    before: str, words: str
) -> None:
    text = f"{before}. {words} said that the plan had failed."
    vs = len(before) + 2 + len(words)
    rp = _rp()
    plain = copy.copy(rp)
    plain.comma_free = False  # every start is tried with the full pattern
    found = []
    for p in (rp, plain):
        m = reported._subject(_ctx(text, p), vs)
        found.append((m.span(), m.span("spk"), m.span("app")) if m is not None else None)
    assert found[0] == found[1]


_SENTENCE_PIECES = [
    "Lavrov's", "Ann Lee’s", "his", "Their", "claim", "claims", "warning", "view", "own",
    "that", "words,", "In", "in", "according to", "According to", "officials", "said",
    "the", "plan", "would", "fail", "ccording", ".", ",", "Smith", "repeated", "new",
]  # fmt: skip
_SENTENCE_GAPS = [" ", " ", "  ", "\n", "\u00a0", "\t"]


def _sentences() -> st.SearchStrategy[str]:
    gap = st.sampled_from(_SENTENCE_GAPS)
    word = st.sampled_from(_SENTENCE_PIECES)
    # "Lavrov's claim that", "In his own words,": the cues, with any spaces in them
    owner = st.sampled_from(["Lavrov's", "Ann Lee’s", "his", "Their", "its", "Kerr"])
    noun = st.sampled_from(["claim", "claims", "view", "warning", "fear", "plan"])
    cue = st.one_of(
        st.tuples(owner, gap, noun, gap, st.just("that")),
        st.tuples(st.sampled_from(["In", "in"]), gap, owner, gap, st.just("words,")),
    ).map("".join)
    part = st.tuples(st.one_of(word, word, cue), gap).map("".join)
    return st.lists(part, max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(_sentences())
def test_the_possessive_pre_check_is_the_plain_one_where_a_cue_can_match(text: str) -> None:
    rp = _rp()
    plain = " that " in text or "words," in text  # what the sentence was read on before
    found = rp.possessive.search(text) is not None or rp.in_words.match(text) is not None
    quick = reported._possessive_cue(rp, text, 0, len(text))
    assert quick <= plain  # never read where it was not
    assert quick or not (plain and found)  # and read wherever it found something


@settings(max_examples=150, deadline=None)
@given(st.lists(_sentences(), min_size=1, max_size=4))
def test_skipping_sentences_finds_what_reading_every_sentence_finds(parts: list[str]) -> None:
    text = ". ".join(parts) + "."
    paragraphs = [(0, len(text))]
    got = repr(reported.find_reported(text, paragraphs, patterns()))
    with pytest.MonkeyPatch.context() as m:
        # the plain reading: every sentence is read ("according to" looked for in each),
        # the possessive patterns wherever the sentence holds " that " or "words,"
        m.setattr(reported, "_according_cue", lambda t, ss, se: True)
        m.setattr(
            reported,
            "_possessive_cue",
            lambda rp, t, ss, se: " that " in t[ss:se] or "words," in t[ss:se],
        )
        want = repr(reported.find_reported(text, paragraphs, patterns()))
    assert got == want


@settings(max_examples=400, deadline=None)
@given(_sentences(), st.integers(0, 200), st.integers(0, 200))
def test_the_coordination_pattern_matches_as_without_its_lookahead(
    text: str, a: int, b: int
) -> None:
    rp = _rp()
    prefix = r"(?=[\s,])"
    assert rp.coord.pattern.startswith(prefix)
    plain = regex.compile(rp.coord.pattern[len(prefix) :], rp.coord.flags)
    text = text.replace("claim", "said").replace("view", "—")
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert [m.span() for m in rp.coord.finditer(text, lo, hi)] == [
        m.span() for m in plain.finditer(text, lo, hi)
    ]


def _backward_patterns() -> list[tuple[str, regex.Pattern[str]]]:
    rp = _rp()
    return [
        ("prep_before", rp.prep_before),
        ("noun_before", rp.noun_before),
        ("coordinated", reported._COORDINATED),
        ("no_subject_before", reported._NO_SUBJECT_BEFORE),
    ]


_BEFORE = [
    "and", "but", "And", "also", "early", "is", "was", "been", "being", "of", "for", "with",
    "the", "his", "Kerr's", "Kerr’s", ",", "”", ")", "said", "X", "be", "in", "from",
]  # fmt: skip


@pytest.mark.parametrize(("name", "pattern"), _backward_patterns())
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_BEFORE), st.sampled_from(_GAPS)).map("".join)).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_a_pattern_searched_backwards_matches_where_it_matches_forwards(
    name: str, pattern: regex.Pattern[str], text: str, a: int, b: int
) -> None:
    assert pattern.flags & regex.REVERSE, name
    forward = regex.compile(pattern.pattern, pattern.flags & ~regex.REVERSE)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    assert (pattern.search(text, lo, hi) is None) == (forward.search(text, lo, hi) is None)


_ADJUNCT_PIECES = [
    "on", "Monday", "morning", "last", "week", "in", "a", "statement", ",", "—", "-",
    "that", "thatch", "separately", "again", "to", "reporters", "Friday", "the", "plan",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_ADJUNCT_PIECES)).map("".join)).map(
        "".join
    ),
    st.integers(0, 100),
)
def test_the_adjunct_without_that_ahead_is_a_day_or_nothing(text: str, cut: int) -> None:
    rp = _rp()
    se = min(cut, len(text))
    for pos in range(se):
        if "that" in text[pos:se]:
            continue
        want = rp.adjunct.match(text, pos, se)
        got = rp.day_adjunct.match(text, pos, se)
        assert (got.span() if got else None) == (want.span() if want else None)


_WORDY = [
    "Lee", "O'Neil", "O’Neil", "well-known", "-", "--", "'", "’", "a-'b", "x'", "Zoë",
    "Zoe\u0308", "42", "U.S.", "3-2", ",", "(", ")", "İ", "ß", "_",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDY), st.sampled_from(_GAPS)).map("".join)).map("".join),
    st.integers(0, 80),
)
def test_the_last_word_found_backwards_is_the_last_found_forwards(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    words = reported._WORD.findall(text[pos:])
    last = reported._LAST_WORD.search(text, pos)
    assert (last.group() if last else None) == (words[-1] if words else None)


@pytest.mark.parametrize(
    "text",
    [
        "He said on Monday in a long call with aides that the plan was dead.",
        "She said Tuesday the talks, which began in May, would go on.",
        "They argued, after a long night of talks, that the deal was fair, and that it held.",
        'He said "yes" and He said "yes" and He said "yes" and he said that it was so.',
        "Officials said the port reopened.",
    ],
)
def test_the_sentence_last_that_decides_like_a_search_of_the_rest(text: str) -> None:
    # one search for the sentence's last "that" stands for a search of the rest of the
    # sentence at every cue (that was quadratic on one long sentence)
    rp = reported._patterns(patterns(), reported._lexicon(()))
    shared = _ctx(text, rp)
    for pos in range(len(text)):
        plain = _ctx(text, rp)  # as before: a search of the rest of the sentence
        plain.last_that = pos if text.find("that", pos) >= 0 else -1
        assert reported._clause_after(shared, pos) == reported._clause_after(plain, pos)
    assert shared.last_that == text.rfind("that")
