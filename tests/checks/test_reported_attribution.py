"""The same claim in reported speech given to two speakers (issue 15): an attribution
finding, never stronger than a warning, and only for statements. Beliefs, speech acts and
claims with no speaker are set aside. Extracted from text end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotecheck

CLAIM = "Moscow was ready to coordinate air strikes with the coalition against the militants"


def _story(tmp_path: Path, first: str, second: str) -> list[quotecheck.Finding]:
    paths = []
    for name, sentence, byline in (
        ("wire.txt", first, "By Ann Smith, Coastline Wire"),
        ("daily.txt", second, "By Tom Penhale, The Ellery Daily"),
    ):
        path = tmp_path / name
        path.write_text(
            f"Moscow offers joint strikes\n\n{byline}\n\n{sentence}\n\n"
            "Diplomats met in Nicosia on Monday for a second day of talks.\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return [f for f in quotecheck.check(paths).findings if f.code == "QC102"]


LAVROV = f"Foreign Minister Sergei Lavrov said on Monday that {CLAIM}."


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (f"President Vladimir Putin said on Monday that {CLAIM}.", "warning"),
        (f"{CLAIM[0].upper()}{CLAIM[1:]}, President Vladimir Putin said on Monday.", "warning"),
        (f"President Vladimir Putin hopes that {CLAIM}.", None),  # a belief
        (f"Foreign Minister Sergei Lavrov told reporters that {CLAIM}.", None),  # same man
        (f"Those who know the file said that {CLAIM}.", None),  # no one named
    ],
    ids=["other-speaker", "speaker-after", "belief", "same-speaker", "no-speaker"],
)
def test_one_claim_two_speakers(tmp_path: Path, second: str, expected: str | None) -> None:
    found = _story(tmp_path, LAVROV, second)
    if expected is None:
        assert found == []
        return
    [finding] = found
    assert finding.severity == expected
    assert finding.message.startswith('The claim "Moscow was ready')
    assert "reported speech (a paraphrase)" in finding.message
    credited = {Path(e.source).name: e.text for e in finding.evidence if e.role == "credited"}
    assert credited == {
        "wire.txt": "Foreign Minister Sergei Lavrov",
        "daily.txt": "President Vladimir Putin",
    }


def test_a_speech_act_is_not_a_claim(tmp_path: Path) -> None:
    act = "the offer to coordinate air strikes with the coalition a trap for the region"
    found = _story(
        tmp_path,
        f"Foreign Minister Sergei Lavrov called {act}.",
        f"President Vladimir Putin called {act}.",
    )
    assert found == []
