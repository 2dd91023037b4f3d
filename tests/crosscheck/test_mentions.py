"""Descriptions read at every mention of a quoted person, not only at the quote's cue."""

from __future__ import annotations

import pytest

from crosscheck.factories import ArticleBuilder
from quotecheck.crosscheck.mentions import _occurrences, mention_descriptions

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


@pytest.mark.parametrize(
    ("text", "forms", "expected"),
    [
        # the surname inside the full name is no mention of its own; alone it is one
        (
            "Maria Lind spoke. Lind left.",
            ["Lind", "Maria Lind"],
            [(0, 10, "Maria Lind"), (18, 22, "Lind")],
        ),
        # not inside a longer word, a possessive or a hyphenated name
        ("Linden and O'Lind and Lind-Berg.", ["Lind"], []),
        # a form inside either of two overlapping longer forms is skipped
        (
            "Anna Maria Lind said",
            ["Anna Maria", "Maria Lind", "Maria"],
            [(0, 10, "Anna Maria"), (5, 15, "Maria Lind")],
        ),
    ],
)
def test_occurrences_of_names(text: str, forms: list[str], expected: list[object]) -> None:
    assert _occurrences(text, forms) == expected


def test_occurrences_of_many_mentions() -> None:
    # thousands of surname mentions inside full names: each is checked by bisection
    text = "Anna Berg said so. " * 20_000
    found = _occurrences(text, ["Berg", "Anna Berg"])
    assert len(found) == 20_000
    assert {form for _, _, form in found} == {"Anna Berg"}
