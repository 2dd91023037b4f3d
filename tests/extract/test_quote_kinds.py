"""Kinds (issue 14): a whole utterance right before or after its cue is direct even when
the writer's sentence goes on; a short quoted phrase that is someone's words is partial
with a speaker; the names of programmes, books and songs are titles, never speech."""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck.models import Quote


def _quote(text: str, words: str) -> Quote:
    for q in quotecheck.extract(text).quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote with {words!r}")


# (text, words in the quote, kind, speaker name or None)
CASES = [
    # whole utterances next to their cue
    (
        'Lee doubted the plan - "Again, we need the details," she said - and left the room.',
        "need the details",
        "direct",
        None,
    ),
    (
        'During the first debate, Nina Rossi cracked, "I am a reformer who gets things done" - '
        "and the hall laughed.",
        "reformer",
        "direct",
        "Nina Rossi",
    ),
    (
        '"We cannot afford this," Mr. Hale said, adding later, "The alliance costs us a fortune."',
        "alliance costs",
        "direct",
        "Hale",
    ),
    (
        'Mr. Orr acknowledged, however, "As they say, past results are no guarantee."',
        "past results",
        "direct",
        "Orr",
    ),
    (
        'She declared "What a night for us!" and thanked the volunteers.',
        "What a night",
        "direct",
        None,
    ),
    (
        '"He has no chance," Ed Gray said on WXYZ\'s "Morning Desk," adding, "Nobody buys it."',
        "Nobody buys",
        "direct",
        "Ed Gray",
    ),
    (
        'Protesters marching through the streets chanted "What curfew?" and kept going.',
        "What curfew",
        "direct",
        "Protesters",
    ),
    (
        '"Every time you say that," Jon Tesk said, referring to the excuse, "you give them '
        'ammunition."',
        "you give them",
        "direct",
        "Jon Tesk",
    ),
    (
        "When the pastor mentioned the old rumour to me while we drove home, "
        'I laughed and said, "I never believed it."',
        "never believed",
        "direct",
        None,
    ),
    ('Mr. Vance walked onto the stage, chanting "U-S-A! U-S-A!"', "U-S-A", "direct", "Vance"),
    # a sentence in lower case that ends the writer's, right after its cue and a comma
    (
        "The port was closed for the winter because, in Ms. Lee's words, \"nobody wants to "
        'pay for the repairs."',
        "nobody wants",
        "direct",
        "Lee",
    ),
    # a participle with a short prepositional phrase before its comma
    (
        "Tom Beale offered a sharp reply on the senator's favourite platform, tweeting at him, "
        '"read the bill before you vote on it."',
        "read the bill",
        "direct",
        "Tom Beale",
    ),
    (
        'Ms. Kaur defended the levy, saying in a statement, "The harbour pays for itself."',
        "harbour pays",
        "direct",
        "Kaur",
    ),
    # ... but a quote that ends a clause of the writer's after a comma is part of it
    (
        'Mr. Dunmore says no matter what the navy decides about the old port, "the town will '
        'survive the winter."',
        "town will survive",
        "partial",
        "Dunmore",
    ),
    # fragments stay partial, with their speaker
    (
        'In 2009, under what Mr. Orr called "the old model," the Bay Club, a private course '
        "north of the city, charged a fee of $90,000.",
        "old model",
        "partial",
        "Orr",
    ),
    (
        'Mr. Hale called the deal "an absolute disgrace" and walked out.',
        "disgrace",
        "partial",
        "Hale",
    ),
    (
        'Ms. Ortiz described the move as "deeply troubling" on Friday.',
        "troubling",
        "partial",
        "Ortiz",
    ),
    # titles
    (
        'Speaking Sunday on ABC\'s "This Week," Ben Carver admitted the course name was wrong.',
        "This Week",
        "scare",
        None,
    ),
    (
        'Sunday on Fox News channel\'s "Sunday Morning Futures," Rep. Dana Whitfield said the '
        "judgment was poor.",
        "Sunday Morning",
        "scare",
        None,
    ),
    ('He appeared on "Meet the Press" in May.', "Meet the Press", "scare", None),
    (
        'In his 2002 book, "Make Your Kid a Millionaire," Mr. Keel suggested saving early.',
        "Millionaire",
        "scare",
        None,
    ),
    ('She sang the anthem "A Change Is Gonna Come" to close the rally.', "A Change", "scare", None),
    # a quoted title alone on its line is a heading
    (
        '"We will win," Lee said.\n\n"Legend of the Coal Fields"\n\nThe mine closed.',
        "Legend",
        "scare",
        None,
    ),
]


@pytest.mark.parametrize(("text", "words", "kind", "speaker"), CASES)
def test_kind_and_speaker(text: str, words: str, kind: str, speaker: str | None) -> None:
    q = _quote(text, words)
    assert q.kind == kind
    if speaker is not None:
        assert q.speaker is not None and q.speaker.name == speaker
    if kind == "scare":
        assert q.speaker is None
