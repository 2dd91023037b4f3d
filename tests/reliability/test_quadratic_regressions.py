"""Inputs that once took minutes (quadratic paths), now linear. No timing asserts: a
regression shows as a slow CI run and in `python -m quotecheck.bench_adversarial`."""

from __future__ import annotations

import pytest

import quotecheck

MARKS = "\"“”‘’'«»„"


@pytest.mark.slow
def test_one_paragraph_of_100k_mixed_quote_marks() -> None:
    # notes about stray marks were copied onto every quote of the paragraph (197 s before)
    text = " ".join(f"{MARKS[i % 9]}w{i % 10}" for i in range(100_000))
    art = quotecheck.extract(text)
    assert art.quotes
    assert all(len(q.notes) <= 2 for q in art.quotes)
    assert all(text[q.start : q.end] == q.text for q in art.quotes)


@pytest.mark.slow
def test_many_crlf_lines_each_with_a_quote() -> None:
    # one segment per CRLF line made every offset mapping scan all segments (77 s before)
    text = '"We will go," Smith said.\r\n' * 8000
    art = quotecheck.extract(text)
    assert len(art.quotes) == 8000
    last = art.quotes[-1]
    assert text[last.start : last.end] == "We will go,"
    assert (
        last.speaker is not None
        and text[last.speaker.mention.start : last.speaker.mention.end] == "Smith"
    )
