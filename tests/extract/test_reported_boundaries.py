"""Reported speech that is not there, and descriptions that stop where the role stops
(found on PolNeAR train weekly batches, written here on our own text)."""

from __future__ import annotations

import pytest

import quotecheck


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative "that" after a plural noun: "states" is no verb here
        ("Most Northern states that will vote in March have large rural populations.", []),
        # "that" as the subject of the reported clause
        (
            "The minister said that would be a mistake for the party.",
            [("The minister", "that would be a mistake for the party")],
        ),
        # a promise with a noun object is no statement; with a to-infinitive it is
        ("Her government has vowed a merciless response to the attacks.", []),
        (
            "Her government has vowed to answer the attacks without mercy.",
            [("Her government", "to answer the attacks without mercy")],
        ),
        # a cue inside a non-restrictive relative clause ends at the clause's comma
        (
            "Mayor Ana Ruiz, whose office said that the pier was unsafe, closed the harbour.",
            [("office", "the pier was unsafe")],
        ),
    ],
    ids=["relative-that", "demonstrative-that", "promise-noun", "promise-to", "relative-clause"],
)
def test_reported_statements(text: str, expected: list[tuple[str, str]]) -> None:
    got = [
        (q.speaker.mention.text if q.speaker else None, q.text)
        for q in quotecheck.extract(text).quotes
        if q.kind == "reported"
    ]
    assert got == expected


def test_an_organisation_follows_the_role_directly() -> None:
    text = (
        'Ted Cruz, the senator from Texas and winner of the Iowa caucuses, said: "We '
        'will win." Tim Ode, the chief executive of Harbour Freight, said: "We will not."'
    )
    speakers = {q.speaker.name: q.speaker for q in quotecheck.extract(text).quotes if q.speaker}
    assert speakers["Ted Cruz"].organization is None
    org = speakers["Tim Ode"].organization
    assert org is not None and org.value == "Harbour Freight"


@pytest.mark.parametrize(
    ("text", "speaker", "content", "rule", "stance"),
    [
        (
            "Most voters in the county see the bridge as a waste of money.",
            "Most voters in the county",
            "the bridge as a waste of money",
            "reported:subject-verb",
            "belief",
        ),
        (
            "Mayor Ana Ruiz would like the council to vote before the summer.",
            "Ana Ruiz",
            "the council to vote before the summer",
            "reported:speaker-verb",
            "belief",
        ),
        (
            "Senator Tom Hale slammed the bill as a giveaway to the banks.",
            "Tom Hale",
            "the bill as a giveaway to the banks",
            "reported:speech-act",
            "speech",
        ),
        (
            "The union is calling for an inquiry into the crane collapse.",
            "The union",
            "an inquiry into the crane collapse",
            "reported:speech-act",
            "speech",
        ),
        (
            "Governor Bo Park was saying that the ferry would run again by May.",
            "Bo Park",
            "the ferry would run again by May",
            "reported:speaker-verb-that",
            "speech",
        ),
    ],
    ids=["see-as", "would-like", "slammed", "calling-for", "progressive"],
)
def test_belief_and_speech_act_cues(
    text: str, speaker: str, content: str, rule: str, stance: str
) -> None:
    [q] = [q for q in quotecheck.extract(text).quotes if q.kind == "reported"]
    assert q.speaker is not None and q.speaker.name == speaker
    assert (q.text, q.rule, q.stance) == (content, rule, stance)
