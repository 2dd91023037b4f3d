"""The figure scanner's shortcuts give what their plain definitions give.

The scanner tokenises with ``split`` and picks the few tokens worth a look with
set look-ups; each test here compares one shortcut with the straightforward
per-token definition it replaces, on hand-picked and generated text.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Sequence

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck.extract import figures
from quotecheck.extract.figures import find_figures
from quotecheck.extract.pieces import PIECE

_PLAIN_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’.,:/\-–][\p{L}\p{N}]+)*|\S")

# words that exercise every kind of token the scanner looks at
_VOCABULARY = """
a an in over near one two twenty twenty-five hundred thousand million m bn k
hundreds thousands dozens several few about nearly between and to or of
May may March mayor Monday Monday's Monday’s MONDAY’s's Nov . , 26 2015 1999
last this next week yesterday Tu-160 Boeing 737 0800 555 0199 $ € % 85m 2.5bn
1,200 3-1 500-odd 24th 5pm ² ²⁰¹⁵ ٣ killed people Paris New York “ ” ' ’ (
"""
_WORDS = _VOCABULARY.split()
_SEPARATORS = [" ", " ", " ", "", "\n", "\t", "\xa0", "\x1c", ", ", ". "]

_texts = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=60
).map(lambda pairs: "".join(w + s for w, s in pairs))


def _plain_tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    spans = [m.span() for m in _PLAIN_TOKEN.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans], [text[s:e] for s, e in spans]


def _listed(
    tokens: tuple[Sequence[int], Sequence[int], list[str]],
) -> tuple[list[int], list[int], list[str]]:
    return list(tokens[0]), list(tokens[1]), tokens[2]


def _plain_candidates(scan: figures._Scanner) -> list[int]:
    """The tokens a number expression may start at, as first written (one test per token)."""
    lex = scan.qlex
    starters = {*lex.numbers, *lex.vague, *(w for w in lex.scales if len(w) > 1), "a"}
    return [
        k
        for k, w in enumerate(scan.lows)
        if (w[0].isdigit() or w.split("-", 1)[0] in starters)
        and not (w == "a" and scan.low(k + 1) not in lex.scales)
    ]


def test_engines_class_plain_characters_alike() -> None:
    # the standard library engine reads texts of printable characters and common
    # whitespace; on every such character it must agree with ``regex``
    word_regex, word_stdlib = regex.compile(r"[\p{L}\p{N}]"), re.compile(r"[^\W_]")
    space_regex, space_stdlib = regex.compile(r"\s"), re.compile(r"\s")
    plain = [c for c in map(chr, range(0x110000)) if c.isprintable() or c in figures._COMMON_SPACE]
    assert len(plain) > 100_000
    differ = [
        c
        for c in plain
        if bool(word_regex.match(c)) != bool(word_stdlib.match(c))
        or bool(space_regex.match(c)) != bool(space_stdlib.match(c))
    ]
    assert differ == []
    assert not figures._plain("a\x1cb") and not figures._plain("a\u200bb")
    assert figures._plain("Paris,\xa0“one” 1,200\n\t€")


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.one_of(
            st.characters(blacklist_categories=("Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp", "Zs")),
            st.sampled_from([" ", *figures._COMMON_SPACE]),
        ),
        max_size=200,
    )
)
def test_engines_split_plain_text_alike(text: str) -> None:
    assert figures._plain(text)
    assert figures._TOKEN_STDLIB.split(text) == figures._TOKEN.split(text)


def test_tokens_split_like_finditer() -> None:
    for text in ["", " ", "\n\n", "a", " a b ", "x\x1cy", "U.S. 1,200 Tu-160’s", "“Hi,” she said."]:
        assert _listed(figures._tokens(text)) == _plain_tokens(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_texts, st.text(max_size=200)))
def test_tokens_and_candidates_match_their_definitions(text: str) -> None:
    assert _listed(figures._tokens(text)) == _plain_tokens(text)
    try:
        scan = figures._Scanner(text, figures._lex())
    except ValueError:
        return  # int() of a non-decimal digit ("²⁰¹⁵" read as a year): an old limitation
    assert scan.candidates == _plain_candidates(scan)
    numberish = {*scan.qlex.numbers, *scan.qlex.vague, *scan.qlex.scales}
    assert scan.numbery == {k for k, w in enumerate(scan.lows) if w[0].isdigit() or w in numberish}


def test_possessive_dates_and_look_alikes() -> None:
    text = "Figures from Monday's report and the mayor's office: 12 people died on May 5."
    drafts = find_figures(text)
    assert [(d.text, d.date) for d in drafts] == [("12", "May 5")]
    for possessive in ("Monday's", "Monday’s"):
        drafts = find_figures(f"Police said 12 people died in {possessive} attack.")
        assert [(d.text, d.date) for d in drafts] == [("12", "Monday")]
    assert find_figures("The mayor said 12 people died.")[0].date is None


def test_long_hostile_text_is_linear() -> None:
    # long runs of joiners and digits: the tokenizer has no timeout, so it must not backtrack
    unit = "1,2,3,4,5,6,7,8,9-" * 50 + "a'b'c'd'" * 50 + " "
    small, large = unit * 20, unit * 200
    started = time.perf_counter()
    find_figures(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    find_figures(large)
    t_large = time.perf_counter() - started
    assert t_large < 40 * t_small + 0.5


def test_superscript_digits_are_not_days_or_years() -> None:
    # "²" is a digit to str.isdigit() but not to int(): it once raised ValueError and
    # cost the article its figures (QC-W501)
    art = quotecheck.extract("At least 12 people died on May ², officials said. In ²⁰¹⁵ none.")
    assert [d.code for d in art.diagnostics if d.code == "QC-W501"] == []
    assert [f.value for f in art.figures] == [12.0]


def test_lowering_keeps_every_character_class() -> None:
    # The scanner splits the lower-cased text when lowering maps each character to
    # one character on its own: every class the tokenizer and the token tests read
    # must then be the same before and after lowering, for every code point.
    word_regex, word_stdlib = regex.compile(r"[\p{L}\p{N}]"), re.compile(r"[^\W_]")
    space_regex, space_stdlib = regex.compile(r"\s"), re.compile(r"\s")
    uncased = figures._QUOTES | figures._CLAUSE_PUNCT | set("'’.,:/-–")
    differ = []
    for c in map(chr, range(0x110000)):
        low = c.lower()
        if len(low) != 1 or c == figures._SIGMA:
            continue  # such texts are tokenized as written (the scanner checks)
        if (
            bool(word_regex.match(c)) != bool(word_regex.match(low))
            or bool(word_stdlib.match(c)) != bool(word_stdlib.match(low))
            or bool(space_regex.match(c)) != bool(space_regex.match(low))
            or bool(space_stdlib.match(c)) != bool(space_stdlib.match(low))
            or c.isalpha() != low.isalpha()
            or (c in uncased) != (low in uncased)
        ):
            differ.append(c)
    assert differ == []


_CASED = st.text(
    st.one_of(
        st.sampled_from([*"ΣσςİIıKΑΒΓÅÉé", " ", ".", "'", "-", "’", "\n"]),
        st.characters(),
    ),
    max_size=120,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_texts, _CASED, _texts.map(str.upper), _texts.map(str.title)))
def test_scanner_tokens_are_the_lowered_tokens(text: str) -> None:
    # whichever way the scanner tokenizes, it must give the tokens of the text as
    # written, each lower-cased on its own, and read case from the text
    starts, ends, words = figures._tokens(text)
    try:
        scan = figures._Scanner(text, figures._lex())
    except ValueError:
        return  # int() of a non-decimal digit ("²⁰¹⁵" read as a year): an old limitation
    assert (scan.starts, scan.ends) == (starts, ends)
    assert scan.lows == [w.lower() for w in words]
    assert [scan.is_word(k) for k in range(scan.n)] == [
        w.isalpha()
        or (w[0].isalpha() and w.replace("-", "").replace("'", "").replace("’", "").isalpha())
        for w in words
    ]
    assert [scan.upper_at(k) for k in range(scan.n)] == [w[0].isupper() for w in words]


def test_context_sensitive_lowering_is_tokenized_as_written() -> None:
    # "Σ" lowers to "σ" or "ς" by its neighbours and "İ" to two characters: the
    # lower-cased text would not give the lower-cased tokens there
    for text in ["ΟΔΟΣ..Α 12 people", "İSTANBUL: 12 people died", "Σ' 5 MILLION"]:
        starts, ends, words = figures._tokens(text)
        scan = figures._Scanner(text, figures._lex())
        assert scan.lows == [w.lower() for w in words]
        assert (scan.starts, scan.ends) == (starts, ends)


def test_found_fields_lead_the_draft_fields() -> None:
    # find_figures builds each draft positionally from figure_at's _Found and the
    # context it adds: the field orders must line up
    names = tuple(f.name for f in dataclasses.fields(figures.FigureDraft))
    assert names == (*figures._Found._fields, "place", "date", "sentence", "speaker")


def test_tokens_of_a_long_text_are_read_a_piece_at_a_time_and_shared() -> None:
    # several pieces, cut at spaces and newlines, one piece with no space at all: the
    # tokens are those one match at a time over the whole text gives
    line = "The council approved 1,250 new homes on Monday, the mayor’s office said.\n"
    text = line * 3000 + "x" * (PIECE + 10) + " end, 42."
    starts, ends, words = figures._tokens(text)
    expected = [(m.start(), m.end(), m.group()) for m in figures._TOKEN.finditer(text)]
    assert list(zip(starts, ends, words, strict=True)) == expected
    assert len(text) > 3 * PIECE
    # a word written again is one string object
    assert words[0] is words[len(words) // 2 - len(words) // 2 % 14]
