"""A body printed twice (straight quotes, then curly) is kept once."""

from __future__ import annotations

import textwrap

import pytest

from quotecheck.ingest import ingest_path, ingest_text
from quotecheck.ingest.duplicates import find_repeat, normalise

from .helpers import DATA, assert_valid_map, find_mapped

P1 = 'The council voted on Thursday to approve the barrier, though members had "serious reservations" about it.'
P2 = "Councillor Dev Rana told the chamber the vote was the only way to secure the funding in time."
P3 = '"If we wait another year, the money goes elsewhere," Rana said after the vote.'


def curly(text: str) -> str:
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out).replace("'", "’")


def test_normalise_ignores_quote_style_and_spacing() -> None:
    assert normalise("“It’s  over,”\u00a0she said — again") == '"It\'s over," she said - again'


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        ([P1, P2, P3, curly(P1), curly(P2), curly(P3)], (0, 3, 3)),
        (["Title", P1, P2, P3, "AFP", P1, P2, P3], (1, 5, 3)),
        ([P1, P2, P3, P1], None),  # one paragraph repeated: a pull quote, kept
        ([P1, P2, P1, P2], (0, 2, 2)),
        (["Short one.", "Short two.", "Short one.", "Short two."], None),  # too little text
        ([P1, P2, P3], None),
    ],
)
def test_find_repeat(paragraphs: list[str], expected: tuple[int, int, int] | None) -> None:
    found = find_repeat(paragraphs)
    assert (None if found is None else (found.first, found.second, found.length)) == expected


@pytest.mark.parametrize("separator", ["\n\n", "\n", "\r\n\r\n"])
def test_second_copy_with_curly_quotes_is_dropped(separator: str) -> None:
    first = separator.join([P1, P2, P3])
    text = "Council Backs Barrier Deal" + separator + first + separator + curly(first)
    ing = ingest_text(text, source="twice.txt")
    assert ing.text.count("only way to secure") == 1
    assert '"serious reservations"' in ing.text  # the first (straight) copy is the one kept
    assert "“" not in ing.text
    assert [d.code for d in ing.diagnostics] == ["QC-W101"]
    assert ing.diagnostics[0].message.startswith("duplicate-body-removed:")
    assert find_mapped(ing, P3) == P3
    assert_valid_map(ing)


def test_hard_wrapped_copies_are_compared_by_paragraph() -> None:
    wrapped = textwrap.fill(P1, 50) + "\n\n" + textwrap.fill(P2, 40)
    rewrapped = textwrap.fill(curly(P1), 70) + "\n\n" + textwrap.fill(curly(P2), 30)
    assert len(wrapped.split("\n")[0]) != len(rewrapped.split("\n")[0])  # wrapped differently
    ing = ingest_text(wrapped + "\n\n" + rewrapped)
    assert ing.text == wrapped
    assert [d.code for d in ing.diagnostics] == ["QC-W101"]


def test_the_fixture_keeps_one_copy() -> None:
    ing = ingest_path(DATA / "repeated_body.txt")
    assert ing.text.count("blank cheque") == 1
    assert ing.text.endswith("review the figures every quarter.")
    assert {d.code for d in ing.diagnostics} == {"QC-W101", "QC-W103"}
    assert_valid_map(ing)
