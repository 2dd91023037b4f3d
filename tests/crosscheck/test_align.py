from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.crosscheck.align import (
    QuoteRecord,
    align,
    describe_ops,
    match,
    normalize_quote,
    tokens,
    word_diff,
)

ORDER_A = "You must set up direct contact with the French fleet and treat them as allies"
ORDER_B = "It's essential to set up direct contact with the French fleet and treat them as allies"
ORDER_PARTIAL = "like with allies"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” he said", ("we", "will", "win", "he", "said")),
        ("It's necessary", ("it", "is", "necessary")),
        ("We can't  stop", ("we", "can", "not", "stop")),
        ("They won't co-operate", ("they", "will", "not", "cooperate")),
        ("1,200 jobs", ("1200", "jobs")),
        ("Russia’s navy", ("russia", "navy")),
    ],
)
def test_tokens(text: str, expected: tuple[str, ...]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ('We will organise "joint operations".', "we will organise ‘joint operations’", "exact"),
        ("The strikes will go on,", "The strikes will go on", "exact"),
        ("It is necessary to act", "It's necessary to act", "exact"),
        (ORDER_A, ORDER_B, "variant"),
        ("We will act as allies in Syria", "We will act as allies in Syria now", "fragment"),
        ("We shall act as allies in Syria", "We will act as allies in Syria", "near"),
        (ORDER_PARTIAL, ORDER_A, "variant"),
        (ORDER_PARTIAL, ORDER_B, "variant"),
        ("set up direct contact with the French fleet", ORDER_A, "fragment"),
        ("set up direct contacts with the French fleets", ORDER_A, "fragment"),
        (
            "Our aircraft have destroyed about 500 fuel trucks carrying smuggled oil",
            "In only a few days our aviation destroyed 500 fuel trucks that carried smuggled oil to Iraq",
            "claim",
        ),
        ("The weather in Moscow is cold", ORDER_A, None),
    ],
)
def test_match_kinds(a: str, b: str, kind: str | None) -> None:
    found = match(a, b)
    assert (found.kind if found else None) == kind


def test_word_diff_ops() -> None:
    ops = word_diff(ORDER_A, ORDER_B)
    assert describe_ops(ops) == ["you must -> it is essential to"]
    assert [op.tag for op in ops] == ["replace", "equal"]
    assert describe_ops(word_diff("we will act now", "we act")) == ["-will", "-now"]
    assert describe_ops(word_diff("we act", "we will act")) == ["+will"]


def _records(items: list[tuple[int, str | None, str]]) -> list[QuoteRecord]:
    return [
        QuoteRecord(i, art, 0, f"a{art}.txt", spk, normalize_quote(text))
        for i, (art, spk, text) in enumerate(items)
    ]


def test_align_groups_identical_and_links_variants() -> None:
    recs = _records(
        [
            (0, "person:vladimir|putin", ORDER_A),
            (1, "person:vladimir|putin", ORDER_B),
            (2, "person:vladimir|putin", ORDER_PARTIAL),
            (3, None, ORDER_A),
        ]
    )
    graph = align(recs)
    assert len(graph.wordings) == 3
    assert graph.wording_of[0] == graph.wording_of[3]
    kinds = {(ln.a, ln.b): ln.match.kind for ln in graph.links}
    assert kinds[(0, 1)] == "variant"
    assert kinds[(0, 2)] == "variant"
    assert kinds[(1, 2)] == "variant"


def test_align_never_compares_an_article_with_itself() -> None:
    recs = _records([(0, "person:x|y", ORDER_A), (0, "person:x|y", ORDER_B)])
    assert align(recs).links == []


def test_align_skips_oversized_buckets() -> None:
    # unrelated quotes sharing one stock phrase: with a small cap they are never paired
    texts = [f"at the end of the day {w} matters" for w in ("oil", "gas", "coal", "wind", "sun")]
    recs = _records([(i, None, t) for i, t in enumerate(texts)])
    assert align(recs).links
    assert align(recs, bucket_cap=3).links == []


# -- properties ----------------------------------------------------------------------

_MARK_SWAPS = [('"', "“"), ('"', "”"), ("'", "’"), ("'", "‘")]
words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäé", min_size=1, max_size=8),
    min_size=1,
    max_size=15,
)


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, str]:
    ws = draw(words)
    text = " ".join(ws)
    out = []
    for w in ws:
        w = w.upper() if draw(st.booleans()) else w
        if draw(st.booleans()):
            w = (
                draw(st.sampled_from(['"', "“", "‘", "'"]))
                + w
                + draw(st.sampled_from(['"', "”", "’", ",", ""]))
            )
        out.append(w)
    sep = draw(st.sampled_from([" ", "  ", "\n", "\t ", "\u00a0"]))
    return text, sep.join(out)


@settings(max_examples=150, deadline=None)
@given(disguised())
def test_quote_aligns_exactly_with_its_disguise(pair: tuple[str, str]) -> None:
    original, disguise = pair
    found = match(original, disguise)
    assert found is not None and found.kind == "exact"


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=80))
def test_match_is_symmetric(a: str, b: str) -> None:
    assert match(a, b) == match(b, a)


@settings(max_examples=60, deadline=None)
@given(words, words)
def test_match_is_symmetric_on_word_lists(a: list[str], b: list[str]) -> None:
    ta, tb = " ".join(a), " ".join(a[: len(a) // 2] + b)
    assert match(ta, tb) == match(tb, ta)
