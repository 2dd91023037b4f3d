"""What kind of speaker a name is: a country speaks as its government, a plural group
name is a group, a person is a person (the cross-check joins stories and keys
identities through persons only)."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotecheck


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.name, q.speaker.kind) for q in quotecheck.extract(text).quotes if q.speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Russia said on Tuesday that it would send more jets to the base.",
            ("Russia", "organization"),
        ),
        ('"We are ready to talk," France said in a statement.', ("France", "organization")),
        ("Democrats said the bill would cost far more than promised.", ("Democrats", "group")),
        ("Russians say the fighting feels far away from the capital.", ("Russians", "group")),
        ("Two women said the bus had been late every day this month.", ("Two women", "group")),
        ("The officials said the talks would resume in the spring.", ("The officials", "group")),
        ("Kurds say the new border post cuts their villages in two.", ("Kurds", "group")),
        # a person stays a person: a surname that ends in -s, a name that is also a place
        ('"The deal is fair," said Owen Roberts, a farmer in Ames.', ("Owen Roberts", "person")),
        ("Jordan said the talks would resume after the holiday.", ("Jordan", "person")),
        ('"We will win," Ms. Rivers said at the rally on Sunday.', ("Rivers", "person")),
    ],
)
def test_the_kind_of_a_named_speaker(text: str, speaker: tuple[str, str]) -> None:
    assert speaker in _speakers(text)


def test_a_country_speaker_gets_no_person_description() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met his French counterpart in Paris.\n\n"
        "Russia said the meeting had been useful and that more would follow."
    )
    art = quotecheck.extract(text)
    q = next(q for q in art.quotes if q.speaker and q.speaker.name == "Russia")
    assert q.speaker is not None and q.speaker.kind == "organization"
    assert q.speaker.role is None


def test_an_extra_lexicon_folder_adds_a_group_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Whigs said the tax would ruin the harbour towns by the spring."
    assert ("Whigs", "person") in _speakers(text)
    (tmp_path / "group_names.txt").write_text("Whigs\n", encoding="utf-8")
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(tmp_path))
    assert ("Whigs", "group") in _speakers(text)
