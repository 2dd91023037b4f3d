"""More speed shortcuts of ingestion, each checked against the long way on generated input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

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
    has_quotation,
    parse_rules,
)
from quotecheck.ingest.duplicates import Paragraphs, find_repeat, fingerprint, normalise
from quotecheck.ingest.metadata import (
    _COPYRIGHT,
    _MONTH_YEAR,
    TOP_LINES,
    _is_prose,
    _years,
    day_dates,
    is_date_line,
    pick_date,
)
from quotecheck.ingest.offsets import Mapped, build_segments, concat, join_spans
from quotecheck.ingest.pipeline import _repeated_body, _split_lines
from quotecheck.ingest.repair import _UNSAFE, repair_text, repairs_nothing
from quotecheck.models import Diagnostic

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


# -- date: with no candidate date, the evidence scan is skipped


def _pick_date_long_way(
    kept: Sequence[str],
    removed: Sequence[str] = (),
    *,
    title_line: int | None = None,
    page_date: dt.date | None = None,
    byline: dt.date | None = None,
) -> tuple[dt.date | None, str | None]:
    """``pick_date`` as it was before the shortcut: the evidence is always gathered."""
    own: dt.date | None = None
    banner: dt.date | None = None
    used: set[int] = set()
    for index, line in enumerate(kept[:TOP_LINES]):
        prose = index != title_line and _is_prose(line)
        mentions = [m for m in day_dates(line) if not prose or m.start <= 40]
        if mentions:
            used.add(index)
            if title_line is not None and index < title_line and is_date_line(line):
                banner = banner or mentions[0].date
                continue
            own = mentions[0].date
            break
        if prose:
            break
    own = own or byline
    body_dates = [d.date for i, line in enumerate(kept) if i not in used for d in day_dates(line)]
    body_years = {d.year for d in body_dates}
    body_years.update(
        y for i, line in enumerate(kept) if i not in used for y in _years(_MONTH_YEAR, line)
    )
    copyright_years = {y for line in (*kept, *removed) for y in _years(_COPYRIGHT, line)}
    notes: list[str] = []
    if banner is not None:
        if own is None and banner.year in body_years:
            own = banner
        else:
            reason = f"the article text says {own}" if own else "nothing in the text supports it"
            notes.append(f"date line above the headline ({banner}) ignored: {reason}")
    if page_date is not None and page_date != own:
        if own is None:
            own = page_date
        else:
            notes.append(f"page metadata date ({page_date}) ignored: the article text says {own}")
    candidate = own
    if candidate is not None:
        earlier = sorted(y for y in body_years | copyright_years if y < candidate.year)
        if earlier and candidate.year not in body_years:
            older = [d for d in body_dates if d.year < candidate.year]
            latest = max((d.year for d in older), default=None)
            replacement = next((d for d in older if d.year == latest), None)
            notes.append(
                f"date {candidate} ignored: the text refers to {earlier[-1]} and never "
                f"to {candidate.year}; using {replacement or 'no date'}"
            )
            candidate = replacement
    return candidate, "; ".join(notes) or None


DATE_LINES = [
    "Storm surge tests barrier",
    "Nov. 17, 2015",
    "Saturday 17 February 2018",
    "Published 2016-03-04 10:00",
    "The council met on Nov. 5, 2015 and again in March 2014, officials said.",
    "The wall was first built in May 1953.",
    "Copyright 2021 Lakeshore Radio.",
    "© 2012 Press Association",
    "The barrier held back a storm surge on Sunday night, officials said.",
    "It opened on 3rd of March 2016.",
    "Nothing here",
]
DATES = st.none() | st.dates(dt.date(1995, 1, 1), dt.date(2025, 12, 31))


@settings(max_examples=300)
@given(
    kept=st.lists(st.sampled_from(DATE_LINES), max_size=14),
    removed=st.lists(st.sampled_from(DATE_LINES), max_size=3),
    title_line=st.none() | st.integers(0, 4),
    page_date=DATES,
    byline=DATES,
)
def test_pick_date_agrees_with_the_long_way(
    kept: list[str],
    removed: list[str],
    title_line: int | None,
    page_date: dt.date | None,
    byline: dt.date | None,
) -> None:
    args = {"title_line": title_line, "page_date": page_date, "byline": byline}
    assert pick_date(kept, removed, **args) == _pick_date_long_way(kept, removed, **args)


# -- offsets: forward spans of unchanged text need no per-character lists


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    original = draw(st.text(alphabet="ab\n é“", min_size=1, max_size=40))
    n = len(original)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=12)))
    spans = [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]
    spans = [s for s in spans if draw(st.booleans())]  # gaps, touching spans, empty spans
    if draw(st.integers(0, 4)) == 0:  # now and then out of order or overlapping
        spans = draw(st.permutations(spans))
    return original, spans


@settings(max_examples=500)
@given(text_and_spans())
def test_join_spans_agrees_with_the_character_lists(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    original, spans = case
    m = concat(Mapped.identity(original, s, e) for s, e in spans)
    assert join_spans(original, spans) == (m.text, build_segments(m, original))


def test_join_spans_merges_touching_spans_only() -> None:
    original = "one\ntwo\n\nthree\n"
    text, segments = join_spans(original, [(0, 3), (3, 4), (4, 7), (9, 14)])
    assert text == "one\ntwothree"
    assert [(s.canon_start, s.canon_end, s.orig_start, s.orig_end) for s in segments] == [
        (0, 7, 0, 7),
        (7, 12, 9, 14),
    ]


# -- repeated body: fingerprints rule out repeats before anything is normalised

STYLES = [("'", '"', "-"), ("’", "“", "—")]
WORDS = ["the", "council", "said", "a", "vote", "at", "te", "et", "ta", "It's", '"yes"', "-"]
WORDS += ["reservations", "barrier", "Councillor", "tomorrow", "'nonsense'", "attest"]


def _render(draw: st.DrawFn, text: str) -> str:
    """``text`` in one of the quote styles, sometimes with other spacing."""
    apostrophe, quote, dash = draw(st.sampled_from(STYLES))
    text = text.replace("'", apostrophe).replace('"', quote).replace("-", dash)
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from(["  ", "\u00a0", " \t"])))
    return text


@st.composite
def paragraph_texts(draw: st.DrawFn) -> list[str]:
    """Paragraphs from a few words, often followed by a re-rendered copy of some of them."""
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=16)
    pool = [" ".join(draw(words)) for _ in range(4)]
    body = draw(st.lists(st.sampled_from(pool), max_size=8))
    if body and draw(st.booleans()):
        i = draw(st.integers(0, len(body) - 1))
        body += draw(st.lists(st.sampled_from(pool), max_size=2)) + body[i:]
    return [_render(draw, text) for text in body]


@given(st.text(alphabet="eta ’'“\"—–-\u00a0\t\nxE«»`´", max_size=30))
def test_normalising_keeps_the_fingerprint(text: str) -> None:
    assert fingerprint(normalise(text)) == fingerprint(text)


@settings(max_examples=400)
@given(paragraph_texts(), st.lists(st.booleans(), max_size=12))
def test_paragraphs_find_the_repeat_the_long_way_finds(texts: list[str], cuts: list[bool]) -> None:
    lines = [[k] for k in range(len(texts))]
    blocks: list[list[int]] = []
    for k in range(len(texts)):  # a block goes on where cuts says False
        if blocks and not (cuts[k] if k < len(cuts) else True):
            blocks[-1].append(k)
        else:
            blocks.append([k])
    paragraphs = Paragraphs(texts)
    for units in (lines, blocks):
        long_way = find_repeat([" ".join(texts[k] for k in unit) for unit in units])
        assert paragraphs.find_repeat(units) == long_way


def _repeated_body_long_way(content: list[int], texts: list[str]) -> tuple[set[int], list[str]]:
    """``_repeated_body`` before fingerprints: every content line normalised, both passes run."""
    units: list[list[int]] = [[i] for i in content]
    repeat = find_repeat([texts[i] for i in content])
    if repeat is None:
        units = []
        for i in content:
            if units and all(texts[k].strip() for k in range(units[-1][-1] + 1, i)):
                units[-1].append(i)
            else:
                units.append([i])
        repeat = find_repeat([" ".join(texts[k] for k in unit) for unit in units])
    if repeat is None:
        return set(), []
    second = units[repeat.second : repeat.second + repeat.length]
    first = units[repeat.first]
    drop = {i for unit in second for i in unit}
    return drop, [f"{first[0] + 1} {len(drop)} {second[0][0] + 1} {second[-1][-1] + 1}"]


@settings(max_examples=300)
@given(paragraph_texts(), st.lists(st.sampled_from(["", "  ", "x"]), max_size=12))
def test_repeated_body_agrees_with_the_long_way(paras: list[str], gaps: list[str]) -> None:
    texts: list[str] = []
    content: list[int] = []
    for k, text in enumerate(paras):  # lines of text, with blank or removed lines between
        if k < len(gaps) and gaps[k]:
            texts.append(gaps[k])  # "  ": a blank line; "x": a line removed as boilerplate
        content.append(len(texts))
        texts.append(text)
    diagnostics: list[Diagnostic] = []
    drop = _repeated_body(content, texts, "x", diagnostics)
    expected, where = _repeated_body_long_way(content, texts)
    assert drop == expected
    assert len(diagnostics) == len(where)
    if where:
        first, count, start, end = where[0].split()
        assert (
            f"starting on line {first}, dropped {count} repeated line(s) "
            f"from line {start} to line {end}" in diagnostics[0].message
        )


# -- boilerplate: a quotation is two quote marks, found by one regular expression


@settings(max_examples=500)
@given(st.text(alphabet=" ab\"“”„‟«»‘’'", max_size=20))
def test_has_quotation_counts_quote_marks(line: str) -> None:
    separated = line.replace(" » ", " ").replace(" « ", " ")
    assert has_quotation(line) == (sum(map(separated.count, '"“”„‟«»')) >= 2)


# -- repair: one scan of the whole text stands for the check of every line


@settings(max_examples=500)
@given(st.text(alphabet="ab \t\r\n“’—é\x85\u2028\x93Ã©\ufeff", max_size=30))
def test_repairs_nothing_is_the_check_of_every_line(text: str) -> None:
    lines = [text[s:e] for s, e, _ in _split_lines(text)]
    if repairs_nothing(text):
        assert all(repair_text(line) == line for line in lines)
    if not text.startswith("\ufeff"):  # the lines and their ends are all of the text
        assert repairs_nothing(text) == all(_UNSAFE.search(line) is None for line in lines)
