"""Speakers that are not names (issue 14): a speaker is a pronoun, a proper name or a
nominal, never a function word, a day, a place, a clause fragment or a possessive; when a
cue's speaker phrase is none of those, another rule may still find the speaker, and
otherwise the quote has none and says why."""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck.extract.cues import patterns
from quotecheck.extract.names import person_problem, speaker_problem
from quotecheck.models import Quote


def _quote(text: str, words: str) -> Quote:
    for q in quotecheck.extract(text).quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote with {words!r}")


@pytest.mark.parametrize(
    ("phrase", "problem"),
    [
        ("Instead", "function-word"),
        ("If", "function-word"),
        ("And", "function-word"),
        ("Tuesday", "function-word"),
        ("Every Tuesday", "function-word"),
        ("Each", "function-word"),
        ("Any", "function-word"),
        ("Ever", "function-word"),
        ("the", "function-word"),
        ("the day", "date"),
        ("a statement released Thursday", "function-word"),
        ("Ohio", "place"),
        ("New Hampshire", "place"),
        ("The senator is", "clause-fragment"),
        ("the student center that", "clause-fragment"),
        ("a series of", "clause-fragment"),
        ("her head and", "clause-fragment"),
        ("Bill Clinton's", "possessive"),
        ("Democratic", "not-a-speaker-noun"),
        # speakers
        ("he", None),
        ("Earlier Putin", None),
        ("Will Smith", None),
        ("the senator", None),
        ("a senior aide", None),
        ("officials", None),
        ("the Kremlin", None),
        ("Russia", None),
        ("the campaign", None),
        ("another", None),
        ("the 63-year-old", None),
        ("Clinton's campaign", None),
        ("Both campaigns", None),
    ],
)
def test_speaker_problem(phrase: str, problem: str | None) -> None:
    assert speaker_problem(phrase, patterns()) == problem


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("He", "pronoun"),
        ("She", "pronoun"),
        ("The US", "article"),
        ("US", "place"),
        ("Russia", "place"),
        ("Tuesday", "function-word"),
        ("Ann Lee", None),
        ("Lee", None),
    ],
)
def test_person_problem(name: str, problem: str | None) -> None:
    assert person_problem(name, patterns()) == problem


# (text, words in the quote, speaker name, or None and the note that says why)
CASES = [
    # a day before the verb is a time adverbial, not the speaker
    (
        'President Ann Marlow on Tuesday ordered the navy to treat the visitors "as partners" '
        "in the strait.",
        "as partners",
        "Ann Marlow",
    ),
    # a coordinated verb: the clause's subject speaks, not the object of the first verb
    ('Mrs. Okafor shook her head and said, "Not this year."', "Not this year", "Okafor"),
    (
        'When asked about the rumours, Mr. Haldane smiled and said, "Ask me in June."',
        "June",
        "Haldane",
    ),
    # ... also after a long opening with several commas: the last clause's subject speaks
    (
        "Asked at a luncheon on Friday, with the council present, whether the pier, closed "
        'since May, would reopen, Mayor Dan Ruiz laughed and said, "We will see."',
        "We will see",
        "Dan Ruiz",
    ),
    # lower-case descriptors before a name after the verb
    ('"The numbers are daunting," said Democratic pollster Ruth Adler.', "daunting", "Ruth Adler"),
    ('"It is a yellow light," said election lawyer Joe Birch.', "yellow light", "Joe Birch"),
    ('"Ask them yourself," said the 46-year-old.', "yourself", "the 46-year-old"),
    # an adverbial before a comma is no subject: the name after the verb speaks
    (
        'In plain terms, explained Mayor Mia Holt: "We are out of money."',
        "out of money",
        "Mia Holt",
    ),
    (
        'Because of how the county drew the map, argued Sam Ortiz, "the race was over before '
        'it began."',
        "race was over",
        "Sam Ortiz",
    ),
    # "it" after a verb is its object ("put it", "called it"), never the speaker
    ('A reporter for the local radio station called it "a total mess."', "total mess", None),
    # a surname that is also a function word, after the person's full name
    (
        'The plan was drafted by Ted From, a former budget aide. "We fixed the deficit in '
        'three years," From said.',
        "fixed the deficit",
        "Ted From",
    ),
    # ... but not after a word that is no first name
    ('Turnout was high on Super Tuesday. "We won every county," Tuesday said.', "county", None),
    # the junk phrase is refused and nothing else fits: no speaker, with the reason
    ('Every Tuesday said "closed" on the door of the shop.', "closed", None),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_speaker_found_or_refused(text: str, words: str, speaker: str | None) -> None:
    q = _quote(text, words)
    if speaker is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None and q.speaker.name == speaker


def test_a_refused_speaker_leaves_a_note() -> None:
    q = _quote('"We tried everything," the day said.', "tried everything")
    assert q.speaker is None
    assert "no-speaker:date" in q.notes


@pytest.mark.parametrize(
    "text",
    [
        'He said "yes" and He said "no" and He said "maybe".',
        'US envoy Ash Carter spoke first. He said the talks were over, and: "That is it."',
    ],
)
def test_a_capitalised_pronoun_or_country_is_never_a_person(text: str) -> None:
    names = {q.speaker.name for q in quotecheck.extract(text).quotes if q.speaker}
    assert not names & {"He", "US", "The US"} or names <= {"He"}
    for q in quotecheck.extract(text).quotes:
        if q.speaker is not None and q.speaker.resolution == "pronoun":
            assert q.speaker.name not in ("He", "US", "The US")


def test_pronoun_after_a_country_premodifier_goes_to_the_person() -> None:
    text = (
        "US envoy Ash Carter said the coalition would not join.\n\n"
        'He said the talks would be technical, and: "That is it."'
    )
    q = _quote(text, "That is it")
    assert q.speaker is not None and q.speaker.name == "Ash Carter"


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("Ann Lee's", "Ann Lee"),
        ("Putin’s", "Putin"),
        ("Jones'", "Jones"),
        ("Gates’", "Gates"),
        ("Lee", "Lee"),
        ("'s", "'s"),  # nothing before the ending: kept
    ],
)
def test_one_possessive_helper(word: str, bare: str) -> None:
    from quotecheck.extract.names import strip_possessive

    assert strip_possessive(word) == bare
