"""The shortcuts in speaker resolution give what the plain computation gives.

:mod:`quotecheck.extract.speakers` caches phrase-only parts per phrase, describes index
persons lazily, and runs cheap necessary-condition checks before some patterns; these
tests compare each shortcut with the computation it replaces.
"""

from __future__ import annotations

import sys
from unittest import mock

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.extract import speakers
from quotecheck.extract.cues import patterns
from quotecheck.extract.descriptions import (
    _APPOS,
    _LEADING_STOP,
    _WORD,
    _phrase_parts,
    appositive_after,
    describe,
    phrase_parts,
    strip_leading_adverbs,
)
from quotecheck.extract.names import person_problem

PATS = patterns()
_LOWER_PRE = sorted(t for t in PATS.titles if t[:1].islower())
PIECES = st.one_of(
    st.sampled_from(
        [
            "Russian",
            "South Korean",
            "foreign minister",
            "former",
            "Mr",
            "Mrs.",
            "President",
            "Earlier",
            "But",
            "Vladimir Putin",
            "Ash Carter",
            "Carter's",
            "of Russia's General Staff",
            "(R-OH)",
            ", the chief executive of Acme,",
            ", who said,",
            ", France's foreign minister,",
            "said",
            "he said",
            "Corvane Industries Inc.",
            "the company",
            "\n",
            "\t",
            "\xa0",
            "\x1c",
            ",",
            ".",
        ]
    ),
    st.sampled_from(_LOWER_PRE),
    st.sampled_from(sorted(PATS.demonyms)),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)
TEXTS = st.lists(PIECES, max_size=40).map(" ".join)
ARTICLE = (
    "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State John Kerry.\n\n"
    '"We agreed," Lavrov said. Earlier Mr Kerry, the top US diplomat, said he was hopeful.\n'
    "Colonel-General Andrey Kartapolov of Russia's General Staff briefed reporters; "
    "Kartapolov said the strikes went on. Theresa May, Britain's prime minister, "
    '"welcomed" it, and she said more. The Kremlin said nothing. Ms May spoke later.\n'
)


def test_regex_whitespace_is_python_whitespace() -> None:
    """The pre-modifier filter reads ``\\s`` runs with ``str.rstrip``."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert all(c.isspace() for c in regex.findall(r"\s", every, flags=regex.V1))


def test_premod_filter_is_on_for_the_packaged_lexicons() -> None:
    assert speakers._PremodFilter.build(PATS) is not None


def _check_premod_filter(text: str) -> None:
    f = speakers._PremodFilter.build(PATS)
    assert f is not None
    for s in range(len(text) + 1):
        lo = max(0, s - 60)
        if PATS.premod_tail.match(text, lo, s) is not None:
            assert f.may_match(text, lo, s), (text, s)


def test_premod_filter_passes_every_lexicon_entry() -> None:
    for entry in [*PATS.demonyms, *_LOWER_PRE, "former", "state", "senior"]:
        for before in ("", "x", "said ", "the\n"):
            for gap in (" ", "  ", "\t", "\n", "\xa0"):
                _check_premod_filter(f"{before}{entry}{gap}Name")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_premod_filter_never_rejects_a_match(text: str) -> None:
    _check_premod_filter(text)


def _strip_reference(text: str, start: int, end: int) -> int:
    while True:
        m = _WORD.match(text, start, end)
        if m is None or m.group() not in _LEADING_STOP:
            return start
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            return start
        start = nxt


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_phrase_shortcuts_match_the_plain_computation(text: str) -> None:
    for m in PATS.name.finditer(text):
        s, e = m.span()
        for a in (s, max(0, s - 12)):
            assert strip_leading_adverbs(text, a, e) == _strip_reference(text, a, e)
            # the parts of a phrase do not depend on where it is
            assert phrase_parts(text, a, e, PATS) == phrase_parts(
                text[a:e], 0, e - a, PATS
            ).shifted(a)
        plain = _APPOS.match(text, e, min(len(text), e + 200))
        assert appositive_after(text, e) == (plain.span("body") if plain else None)
        phrase = text[s:e]
        words = regex.findall(r"[\p{L}\.&]+", phrase)
        assert speakers._is_org(phrase, PATS) == any(w in PATS.org_cues for w in words)


# phrases near the bare-name shortcut of phrase_parts: names, each kind of marker word,
# stop words, brackets and every kind of separator (also at the end)
_MARKER_WORDS = sorted({*PATS.demonyms, *PATS.role_heads, *PATS.honorifics, "of", "for", "at"})
_NAME_WORDS = st.one_of(
    st.sampled_from(
        ["Vladimir", "Putin", "Carter's", "O'Brien", "U.S.", "Jean-Luc", "Émile", "de", "van"]
    ),
    st.sampled_from(_MARKER_WORDS),
    st.sampled_from(sorted(_LEADING_STOP)),
    st.sampled_from(["and", "said", "(R-OH)", "(R", "OH)", "Smith,", "ölz", "Ünal", "ǅemal"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=5),
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\xa0", "\x1c", "\t", "\n", ", ", ","])
PHRASES = st.builds(
    lambda ws, last: "".join(w + sep for w, sep in ws)[: -len(ws[-1][1])] + last,
    st.lists(st.tuples(_NAME_WORDS, _SEPARATORS), min_size=1, max_size=6),
    st.one_of(st.just(""), _SEPARATORS),
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["", " ", "said ", "x"]), PHRASES, st.sampled_from(["", " ", ", said"]))
def test_bare_name_shortcut_matches_the_word_loops(before: str, phrase: str, after: str) -> None:
    text = before + phrase + after
    for start, end in ((0, len(phrase)), (len(before), len(before) + len(phrase))):
        t = phrase if start == 0 else text
        assert phrase_parts(t, start, end, PATS) == _phrase_parts(t, start, end, PATS)


def test_bare_name_shortcut_cases() -> None:
    cases = [
        "Vladimir Putin",
        "Putin",
        "But",
        "But Putin",
        "Putin ",
        "Vladimir Putin\n",
        "Vladimir  Putin",
        "Vladimir\xa0Putin",
        "Vladimir\x1cPutin",
        "Putin (R-OH)",
        "Putin,",
        "putin Vladimir",
        *(f"Ann {w} Lee" for w in _MARKER_WORDS),
        *(f"{w} Lee" for w in _MARKER_WORDS),
        *(f"{w} Lee" for w in sorted(_LEADING_STOP)),
    ]
    for phrase in cases:
        assert phrase_parts(phrase, 0, len(phrase), PATS) == _phrase_parts(
            phrase, 0, len(phrase), PATS
        ), phrase
    assert phrase_parts("Vladimir Putin", 0, 14, PATS).name == (0, 14, "Vladimir Putin")


def _check_index(text: str) -> None:
    """Lazily filled persons hold what the eager index computed for each of them."""
    spans = [m.span() for m in PATS.name.finditer(text)][::3]
    for _ in range(2):  # with a cold, then a warm cache
        idx = speakers._build_index(text, PATS, spans)
        starts = {s for s, _ in spans}
        for p in idx.persons:
            d = describe(text, p.start, p.end, PATS, appositive=appositive_after(text, p.end))
            assert idx.described(p) == d
            assert d.name is not None
            first = p.name.split()[0]
            evidence = bool(
                d.honorific
                or d.role
                or first in PATS.male_names
                or first in PATS.female_names
                or p.start in starts
            )
            assert idx.evidence(p) == evidence
            assert idx.first_person[p.name].start <= p.start


def test_index_persons_are_described_as_before() -> None:
    speakers._CACHES.clear()
    _check_index(ARTICLE)
    assert speakers._build_index(ARTICLE, PATS, []).persons


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_index_persons_are_described_as_before_on_any_text(text: str) -> None:
    _check_index(text)


def _plain_index(text: str) -> tuple[object, ...]:
    """The index's tables computed plainly: every name run parsed on its own, no cache,
    no pre-filter, no shortcut for bare names."""
    persons, first_person = [], {}
    by_surname: dict[str, set[str]] = {}
    first_mention: dict[str, tuple[int, int]] = {}
    gender: dict[str, str] = {}
    for m in PATS.name.finditer(text):
        s, e = m.span()
        s = _strip_reference(text, s, e)
        pm = PATS.premod_tail.match(text, max(0, s - 60), s)
        if pm is not None:
            s = pm.start()
        parts = _phrase_parts(text, s, e, PATS)
        if parts.name is None:
            continue
        raw = parts.name[2]
        if any(w in PATS.org_cues for w in regex.findall(r"[\p{L}\.&]+", raw)):
            continue
        name = regex.sub(r"['’]s?$", "", raw) if raw.endswith(("'s", "’s")) else raw
        words = name.split()
        if not words or len(words) > 4 or person_problem(name, PATS):
            continue
        surname = regex.sub(r"['’]s?$", "", words[-1])
        g = PATS.honorifics.get(parts.honorific) if parts.honorific else None
        if g not in ("m", "f"):
            g = (
                "m"
                if words[0] in PATS.male_names
                else "f"
                if words[0] in PATS.female_names
                else None
            )
        persons.append((s, e, name, g))
        first_person.setdefault(name, s)
        if len(words) >= 2:
            by_surname.setdefault(surname, set()).add(name)
            first_mention.setdefault(name, parts.name[:2])
        if g:
            cands = by_surname.get(surname, set())
            full = next(iter(cands)) if len(words) == 1 and len(cands) == 1 else name
            gender.setdefault(full, g)
    return persons, first_person, by_surname, first_mention, gender


def _check_tables(text: str) -> None:
    for _ in range(2):  # with a cold, then a warm cache
        idx = speakers._build_index(text, PATS, [])
        assert (
            [(p.start, p.end, p.name, p.gender) for p in idx.persons],
            {name: p.start for name, p in idx.first_person.items()},
            idx.by_surname,
            idx.first_mention,
            idx.gender,
        ) == _plain_index(text)


def test_index_tables_are_the_plain_ones() -> None:
    speakers._CACHES.clear()
    _check_tables(ARTICLE)
    _check_tables(ARTICLE.replace(" ", "  ").replace("Lavrov", "Lavrov's"))
    _check_tables("Mr Lee said. Ms. Lee said. John Lee and Tom Park, Mary Park; Ms Park, Park.")


# people from small pools, so that names, surnames and genders repeat and clash; each
# followed by a lower-case word or a stop, or the next one would lengthen its name
_PERSONS = st.builds(
    lambda words: " ".join(w for w in words if w),
    st.tuples(
        st.sampled_from(["", "", "Mr", "Ms.", "Sir", "Dr", "General", "President", "Russian"]),
        st.sampled_from(["", "", "John", "Mary", "Tom", "Kim", "Ann Jean Luc Van"]),
        st.sampled_from(["Lee", "Park", "Lee's", "May", "Carter"]),
        st.sampled_from(["said", "told reporters.", ",", "and", "former minister", "of", "\n"]),
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, PHRASES, _PERSONS, _PERSONS), max_size=40).map(" ".join))
def test_index_tables_are_the_plain_ones_on_any_text(text: str) -> None:
    _check_tables(text)


def _check_near(text: str) -> None:
    """near_persons (bisections over ascending starts) keeps what the plain filter keeps."""
    idx = speakers._build_index(text, PATS, [])
    for window in (7, 40, speakers._WINDOW):
        with mock.patch.object(speakers, "_WINDOW", window):
            for pos in range(-1, len(text) + 2):
                assert idx.near_persons(pos) == [
                    p for p in idx.persons if p.start < pos and pos - p.start <= window
                ], (pos, window)


def test_near_persons_whether_or_not_starts_ascend() -> None:
    _check_near(ARTICLE)
    ascending = speakers._build_index(ARTICLE, PATS, [])
    ascending.near_persons(0)
    assert ascending._starts is not None and ascending._order is None
    # "Lavrov" starts with its pre-modifier "U.S. former minister", before the run "S."
    text = "U.S. former minister Lavrov said. He left. Mr Lee said."
    _check_near(text)
    unordered = speakers._build_index(text, PATS, [])
    unordered.near_persons(0)
    assert unordered._order is not None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, _PERSONS), max_size=30).map(" ".join))
def test_near_persons_on_any_text(text: str) -> None:
    _check_near(text)


def test_caches_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speakers._LexiconCache, "MAX", 5)
    speakers._CACHES.clear()
    text = " ".join(f"Name{chr(65 + i % 26)}{i} Person{i} said." for i in range(300))
    idx = speakers._build_index(text, PATS, [])
    cache = speakers._lexicon_cache(PATS)
    assert len(cache.by_run) <= 5 and len(cache.by_phrase) <= 5 and len(cache.by_parts) <= 5
    speakers._CACHES.clear()
    monkeypatch.setattr(speakers._LexiconCache, "MAX", 20_000)
    again = speakers._build_index(text, PATS, [])
    assert [(p.start, p.end, p.name) for p in idx.persons] == [
        (p.start, p.end, p.name) for p in again.persons
    ]


_FORWARD_CLAUSE_TAIL = regex.compile(speakers._CLAUSE_TAIL.pattern, regex.V1)
_TAIL_WORDS = st.sampled_from(
    [
        *("the", "a", "said", "his", "Democratic", "front-runner", "U.S.", "63-year-old"),
        *("Thea", "them", "x", "é", "1", "'s", ",", ".", "-", "—"),
    ]
)
_TAIL_GAPS = st.sampled_from(["", " ", " ", "  ", "\t", "\xa0", "\n", "\r", "\u2028", " \n"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_TAIL_WORDS, _TAIL_GAPS), max_size=10).map(
        lambda ws: "".join(w + g for w, g in ws)
    ),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_clause_tail_read_backwards_is_the_forward_search(text: str, back: int, span: int) -> None:
    end = max(0, len(text) - back)
    lo = max(0, end - span)
    forward = _FORWARD_CLAUSE_TAIL.search(text, lo, end)
    backward = speakers._clause_tail(text, lo, end)
    assert (forward and forward.start()) == (backward and backward.start()), (text, lo, end)
    assert (forward is None) == (backward is None)


@pytest.mark.parametrize(
    ("before", "tail"),
    [
        ("In the race, Democratic front-runner ", "Democratic front-runner "),
        ("He said the senior U.S. diplomat ", "senior U.S. diplomat "),
        ("a b c d e f ", "c d e f "),
        ("Officials said\n", None),
        ("for their 63-year-old  \n", "63-year-old  "),
        ("and the ", None),
    ],
)
def test_clause_tail_cases(before: str, tail: str | None) -> None:
    m = speakers._clause_tail(before + "Ann Lee", 0, len(before))
    assert (m and before[m.start() : len(before)].rstrip("\n")) == tail


def _plain_described_with(text: str) -> dict[str, dict[str, list[tuple[int, frozenset[str]]]]]:
    """Every mention described, every word of every description indexed (no pre-filter)."""
    idx = speakers._build_index(text, PATS, [])
    by_word: dict[str, dict[str, list[tuple[int, frozenset[str]]]]] = {}
    for p in idx.persons:
        full = speakers._full_name(idx, p.name)
        if not p.name or (len(p.name.split()) < 2 and full == p.name):
            continue
        ws = frozenset(speakers._description_words(text, p, idx))
        for w in ws:
            seen = by_word.setdefault(w, {}).setdefault(full, [])
            if len(seen) < speakers._MAX_DESCRIBED:
                seen.append((p.start, ws))
    return by_word


def _check_described_with(text: str, extra: tuple[str, ...] = ()) -> None:
    plain = _plain_described_with(text)
    idx = speakers._build_index(text, PATS, [])
    for word in [*plain, *extra]:
        got = idx.described_with(word)
        assert {
            full: [(p.start, ws) for p, ws in mentions] for full, mentions in got.items()
        } == plain.get(word, {}), word


_DESCRIBED = st.builds(
    lambda words: " ".join(w for w in words if w),
    st.tuples(
        st.sampled_from(["", "the", "Democratic", "former", "Sen.", "sen", "GOV.", "Gov"]),
        st.sampled_from(["", "front-runner", "senator", "governor", "Governor", "SENATOR"]),
        st.sampled_from(["John Lee", "Mary Park", "Lee", "Park", "Tom Lee's"]),
        st.sampled_from(["said", ", the senator,", ", a governor of Ohio,", ", who", "\n"]),
    ),
)


def test_described_with_is_the_plain_index() -> None:
    text = (
        "Democratic front-runner Hillary Clinton spoke. Sen. Bernie Sanders, the senator from "
        "Vermont, answered. Gov. John Kasich of Ohio, a former congressman, listened; former "
        "governor Jeb Bush left. Clinton said more, and Kasich, the governor, laughed. "
        "The senator and the front-runner met ΑΣ\u0301Β and SENATOR Ann Lee, the ΣENATOR."
    )
    _check_described_with(text, ("senator", "governor", "front-runner", "σenator", "mayor"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, _PERSONS, _DESCRIBED, _DESCRIBED), max_size=40).map(" ".join))
def test_described_with_is_the_plain_index_on_any_text(text: str) -> None:
    _check_described_with(text, ("senator", "governor", "sen", "mayor"))
