"""Roles (issue 14): no junk roles (a determiner, "to", the person's own name), and an
appositive anywhere in the article describes the person it follows."""

from __future__ import annotations

import pytest

import quotecheck


def _speaker(text: str, words: str) -> quotecheck.Speaker:
    for q in quotecheck.extract(text).quotes:
        if words in q.text and q.speaker is not None:
            return q.speaker
    raise AssertionError(f"no attributed quote with {words!r}")


# (text, words in the quote, role value or None)
CASES = [
    ('"We are shocked," one P&G plant employee told French television.', "shocked", None),
    (
        'He said that while the Russians say they strike militants, most "hit the moderate '
        'rebels".',
        "moderate rebels",
        None,
    ),
    (
        '"This has gone too far," said Clinton\'s top foreign policy aide Jake Sullen.',
        "too far",
        "Clinton's top foreign policy aide",
    ),
    (
        '"The numbers are daunting," said Democratic pollster Ruth Adler.',
        "daunting",
        "Democratic pollster",
    ),
    (
        'Behind him: former Florida Gov. Jeb Bosch said "we will fight on" today.',
        "fight on",
        "former Florida Gov.",
    ),
    (
        "Ann Lee opened the meeting.\n\nLater, Lee, the mayor of Dunmore, answered questions.\n\n"
        '"We will balance the budget," Ann Lee said.',
        "balance the budget",
        "mayor",
    ),
]


@pytest.mark.parametrize(("text", "words", "role"), CASES)
def test_role(text: str, words: str, role: str | None) -> None:
    sp = _speaker(text, words)
    got = sp.role.value if sp.role is not None else None
    assert got == role
    assert got not in ("the", "to", "one", sp.name)


# (text, words in the quote, speaker name, role value or None): a description before a full
# name goes to the role, never into the name; a phrase that speaks for someone stays whole
NAMED_CASES = [
    (
        '"We sang it for the miners," the folk singer Nora Dale said after the show.',
        "miners",
        "Nora Dale",
        "folk singer",
    ),
    ('"We stay," the activist Lena Ortiz said.', "We stay", "Lena Ortiz", "activist"),
    ('"Get off my porch!" an angry Ruth Adler shouted at the crew.', "porch", "Ruth Adler", None),
    (
        '"We back the bill," a spokesman for Senator Paul Reyes said.',
        "back the bill",
        "a spokesman for Senator Paul Reyes",
        "spokesman for Senator",
    ),
    (
        '"It will pass," a senior Reyes adviser said.',
        "will pass",
        "a senior Reyes adviser",
        "senior",
    ),
]


@pytest.mark.parametrize(("text", "words", "name", "role"), NAMED_CASES)
def test_description_before_a_name(text: str, words: str, name: str, role: str | None) -> None:
    sp = _speaker(text, words)
    assert sp.name == name
    assert (sp.role.value if sp.role is not None else None) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ('"We will fix the roads," said Councilor Ada Vance.', "Councilor"),
        ('"We will fix the roads," Councilwoman Ada Vance said.', "Councilwoman"),
        ('"We will fix the roads," said City Councillor Ada Vance.', "City Councillor"),
        ('"We will fix the roads," Assemblyman Tomas Reyes said.', "Assemblyman"),
    ],
)
def test_local_office_titles_are_roles_not_names(text: str, role: str) -> None:
    [q] = quotecheck.extract(text).quotes
    assert q.speaker is not None
    assert q.speaker.name in ("Ada Vance", "Tomas Reyes")
    assert q.speaker.role is not None and q.speaker.role.value == role
