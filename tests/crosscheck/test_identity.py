from __future__ import annotations

import pytest

from quotecheck.crosscheck.identity import (
    Identities,
    fold,
    is_organization,
    org_key,
    parse_name,
    same_identity,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin", "Vladimir Putin"),
        ("Russia's President Vladimir Putin", "Vladimir Putin"),
        ("Mr Putin", "Vladimir Putin"),
        ("President Putin", "Russia’s President Vladimir Putin"),
        ("Andrey Kartapolov", "Andrei Kartapolov"),
        ("Colonel-General Andrey Kartapolov", "General Kartapolov"),
        ("Sergei Shoigu", "Sergey Shoigu"),
        ("Defence Minister Sergei Shoigu", "Mr Shoigu"),
        ("Bashar al-Assad", "Bashar Assad"),
        ("Dr. José Núñez", "Jose Nunez"),
        ("Sen. John McCain", "John McCain"),
        ("Yuri Ushakov", "Yury Ushakov"),
        ("Mikhail Khodorkovsky", "Mihail Hodorkovsky"),
    ],
)
def test_same_person(a: str, b: str) -> None:
    assert same_identity(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fidel Castro", "Raul Castro"),
        ("Vladimir Putin", "Sergei Lavrov"),
        ("Ash Carter", "Jimmy Carter"),
        ("the Kremlin", "Vladimir Putin"),
    ],
)
def test_different_people(a: str, b: str) -> None:
    assert not same_identity(a, b)


@pytest.mark.parametrize(
    "name",
    ["Russia's defence ministry", "the Russian defence ministry", "Russian Defense Ministry"],
)
def test_organisation_variants_share_a_key(name: str) -> None:
    assert org_key(name) == "org:defense ministry russia"
    assert is_organization(name)


def test_kremlin_is_an_organisation() -> None:
    assert same_identity("the Kremlin", "The Kremlin", kind_a="organization")
    assert org_key("the Kremlin") == "org:kremlin"


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Raqqa", "raqa"),
        ("Raqa", "raqa"),
        ("Andrey", "andrei"),
        ("Khalid", "halid"),
        ("Ségolène", "segolene"),
    ],
)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize(
    ("written", "display", "given", "surname"),
    [
        ("Russia's President Vladimir Putin", "Vladimir Putin", "vladimir", "putin"),
        ("Mr Carter", "Carter", None, "carter"),
        ("Colonel-General Andrey Kartapolov", "Andrey Kartapolov", "andrei", "kartapolov"),
        ("French Foreign Minister Laurent Fabius", "Laurent Fabius", "laurent", "fabius"),
        ("Pierre de Villiers", "Pierre de Villiers", "piere", "viliers"),
        ("Martin Luther King Jr.", "Martin Luther King", "martin", "king"),
    ],
)
def test_parse_name(written: str, display: str, given: str | None, surname: str) -> None:
    parsed = parse_name(written)
    assert (parsed.display, parsed.given, parsed.surname) == (display, given, surname)


def test_surname_joins_the_only_full_name() -> None:
    ids = Identities([(0, "Vladimir Putin", "person"), (1, "Mr Putin", "person")])
    assert ids.key(1, "Mr Putin") == ids.key(0, "Vladimir Putin") == "person:vladimir|putin"
    assert ids.name("person:vladimir|putin") == "Vladimir Putin"


def test_surname_shared_by_two_full_names_stays_apart() -> None:
    ids = Identities(
        [(0, "Fidel Castro", "person"), (1, "Raul Castro", "person"), (2, "Castro", "person")]
    )
    keys = {ids.key(0, "Fidel Castro"), ids.key(1, "Raul Castro"), ids.key(2, "Castro")}
    assert len(keys) == 3


def test_surname_prefers_the_full_name_in_its_own_article() -> None:
    ids = Identities(
        [
            (0, "Fidel Castro", "person"),
            (1, "Raul Castro", "person"),
            (1, "Castro", "person"),
        ]
    )
    assert ids.key(1, "Castro") == ids.key(1, "Raul Castro")


def test_initial_picks_matching_given_name() -> None:
    ids = Identities([(0, "Vladimir Putin", "person"), (1, "V. Putin", "person")])
    assert ids.key(1, "V. Putin") == "person:vladimir|putin"
