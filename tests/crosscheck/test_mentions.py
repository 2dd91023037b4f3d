"""Descriptions read at every mention of a quoted person, not only at the quote's cue."""

from __future__ import annotations

import pytest

from crosscheck.factories import ArticleBuilder
from quotecheck.crosscheck.mentions import mention_descriptions

QUOTE = "We are staying in this race until the last vote is counted"


def _found(sentence: str) -> set[tuple[str, str]]:
    text = f'{sentence}\n\n"{QUOTE}," Conant said.'
    b = ArticleBuilder("a.txt", text)
    b.quote(QUOTE, b.speaker("Alex Conant", mention="Conant", occurrence=text.count("Conant") - 1))
    article = b.build()
    return {
        (facet, attr.value)
        for _, facet, attr in mention_descriptions(article, {"person:alex|conant": "Alex Conant"})
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "His campaign manager, Alex Conant, said the senator would stay in.",
            {("role", "campaign manager")},
        ),
        ("The senator's spokesman Alex Conant declined to comment.", {("role", "spokesman")}),
        (
            "Alex Conant, a spokesman for the senator, declined to comment.",
            {("role", "spokesman")},
        ),
        ("Florida Sen. Alex Conant spoke in Miami.", {("role", "Florida Sen.")}),
        (
            "Russian President Alex Conant spoke in Moscow.",
            {("nationality", "Russia"), ("role", "President")},
        ),
        ("The campaign of Senator Alex Conant issued a list.", {("role", "Senator")}),
        ("Alex Conant, who ran the field operation, disagreed.", set()),
        ("A spokesman for Alex Conant did not reply.", set()),
        ("Former governor Alex Conant did not reply.", set()),
        ("Yesterday Alex Conant did not reply.", set()),
        ("Alex Conant's campaign manager, Jeff Roe, did not reply.", set()),
        ("Mr. Conant did not reply to the mayor.", set()),
    ],
)
def test_descriptions_at_other_mentions(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert _found(sentence) == expected


def test_the_offsets_are_the_written_words() -> None:
    text = f'His campaign manager, Alex Conant, said so.\n\n"{QUOTE}," Conant said.'
    b = ArticleBuilder("a.txt", text)
    b.quote(QUOTE, b.speaker("Alex Conant", mention="Conant", occurrence=1))
    [(key, facet, attr)] = mention_descriptions(b.build(), {"person:alex|conant": "Alex Conant"})
    assert (key, facet) == ("person:alex|conant", "role")
    assert text[attr.span.start : attr.span.end] == "campaign manager"
