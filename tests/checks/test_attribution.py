from __future__ import annotations

import pytest
from crosscheck.factories import ArticleBuilder, quoted
from crosscheck.stories import STAFF, story

from quotecheck.checks import run_checks
from quotecheck.models import Article

WORDS = "Our pilots have destroyed hundreds of fuel trucks used to smuggle oil"


def _qc102(arts: list) -> list:
    return [f for f in run_checks(arts) if f.code == "QC102"]


def test_same_words_two_speakers_is_an_error() -> None:
    arts = [
        quoted("a.txt", "Andrey Kartapolov", WORDS),
        quoted("b.txt", "General Kartapolov", WORDS),
        quoted("c.txt", "Sergei Shoigu", WORDS),
    ]
    [finding] = _qc102(arts)
    assert finding.severity == "error"
    assert finding.kind == "quote-attribution-conflict"
    assert "Sergei Shoigu" in finding.message and "Andrey Kartapolov" in finding.message
    roles = {e.source: e.role for e in finding.evidence if e.role != "credited"}
    assert roles == {"a.txt": "majority", "b.txt": "majority", "c.txt": "outlier"}
    assert finding.details["outlier"] == "Sergei Shoigu"
    credited = {e.source: e.text for e in finding.evidence if e.role == "credited"}
    assert credited == {
        "a.txt": "Andrey Kartapolov",
        "b.txt": "General Kartapolov",
        "c.txt": "Sergei Shoigu",
    }
    assert "c.txt: Sergei Shoigu ('Sergei Shoigu': a name at the cue" in " ".join(
        str(a)
        for a in finding.details["attributions"]  # type: ignore[union-attr]
    )


def test_near_copy_with_other_speaker_is_a_conflict() -> None:
    arts = [
        quoted("a.txt", "Andrey Kartapolov", WORDS),
        quoted("b.txt", "Sergei Shoigu", WORDS + "."),
    ]
    [finding] = _qc102(arts)
    assert {e.role for e in finding.evidence} == {"disputed", "credited"}


def test_relay_is_not_a_conflict() -> None:
    a = ArticleBuilder("a.txt", f'Citing Kartapolov, Tass reported: "{WORDS}."')
    a.quote(WORDS, a.speaker("Andrey Kartapolov", mention="Kartapolov", via="Tass"))
    b = ArticleBuilder("b.txt", f'"{WORDS}," Tass said.')
    b.quote(WORDS, b.speaker("Tass", kind="organization"))
    assert _qc102([a.build(), b.build(), quoted("c.txt", "Andrey Kartapolov", WORDS)]) == []


def test_unattributed_side_is_not_a_conflict() -> None:
    b = ArticleBuilder("b.txt", f'Officials repeated: "{WORDS}."')
    b.quote(WORDS, None)
    assert _qc102([quoted("a.txt", "Andrey Kartapolov", WORDS), b.build()]) == []


def test_organisation_against_person_is_a_warning() -> None:
    b = ArticleBuilder("b.txt", f'"{WORDS}," the Kremlin said.')
    b.quote(WORDS, b.speaker("the Kremlin", kind="organization"))
    [finding] = _qc102([quoted("a.txt", "Vladimir Putin", WORDS), b.build()])
    assert finding.severity == "warning"
    assert finding.details["organization_vs_person"] is True


def test_short_fragment_does_not_tie_speakers() -> None:
    arts = [
        quoted("a.txt", "Vladimir Putin", "as allies"),
        quoted("b.txt", "John Kerry", "We fight as allies now"),
    ]
    assert _qc102(arts) == []


def test_story_kartapolov_via_tass_is_corroborated_not_conflicting() -> None:
    findings = run_checks(story())
    assert not [f for f in findings if f.code == "QC102"]
    assert not [f for f in findings if any(e.text == STAFF for e in f.evidence)]


SACRIFICE = "Donald Trump said he has made a lot of sacrifices for this country"


def _told(
    source: str,
    text: str,
    words: str,
    name: str | None,
    *,
    mention: str | None = None,
    kind: str = "direct",
    resolution: str = "explicit",
    confidence: float = 0.9,
    speaker_kind: str = "person",
) -> Article:
    b = ArticleBuilder(source, text)
    speaker = (
        b.speaker(name, mention=mention, resolution=resolution, kind=speaker_kind)
        if name is not None
        else None
    )
    b.quote(words, speaker, kind=kind, confidence=confidence)  # type: ignore[arg-type]
    return b.build()


def _named(source: str = "a.txt", name: str = "Andrey Kartapolov") -> Article:
    return _told(source, f'"{WORDS}," {name} told reporters.', WORDS, name)


def _shoigu_as_he() -> Article:
    """The words given to Shoigu through a pronoun resolved to him."""
    return _told(
        "b.txt",
        f'Sergei Shoigu spoke next. "{WORDS}," he said.',
        WORDS,
        "Sergei Shoigu",
        mention="he",
        resolution="pronoun",
    )


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # the false alarms: extraction mistakes set aside, not held against a name
        (_told("b.txt", f'"{WORDS}," he said.', WORDS, "he", resolution="unresolved"), []),
        (_told("b.txt", f'And "{WORDS}," the staff said.', WORDS, "And", mention="And"), []),
        (
            _told(
                "b.txt",
                f'"{WORDS}," Defense advisers said.',
                WORDS,
                "Defense advisers",
            ),
            [],
        ),
        (
            _told(
                "b.txt",
                f'"{WORDS}," the two-term president said.',
                WORDS,
                "the two-term president",
            ),
            [],
        ),
        (
            _told(
                "b.txt",
                f"Shoigu said that {WORDS.lower()}.",
                WORDS.lower(),
                "Sergei Shoigu",
                mention="Shoigu",
                kind="reported",
            ),
            # the same claim given to another speaker in reported speech: a warning, as
            # a paraphrase is weaker evidence than quoted words (issue 15)
            ["warning"],
        ),
        # the real discrepancy, at the severity its evidence allows
        (_told("b.txt", f'"{WORDS}," Sergei Shoigu said.', WORDS, "Sergei Shoigu"), ["error"]),
        (_shoigu_as_he(), ["warning"]),
        (
            _told(
                "b.txt",
                f'Sergei Shoigu called it proof that "{WORDS}".',
                WORDS,
                "Sergei Shoigu",
                kind="partial",
                confidence=0.7,
            ),
            ["warning"],
        ),
        (
            _told(
                "b.txt",
                f'"{WORDS}," the Kremlin said.',
                WORDS,
                "the Kremlin",
                speaker_kind="organization",
            ),
            ["warning"],
        ),
    ],
)
def test_attribution_strength(other: Article, expected: list[str]) -> None:
    assert [f.severity for f in _qc102([_named(), other])] == expected


def test_a_weaker_attribution_is_named_in_the_message() -> None:
    [finding] = _qc102([_named(), _shoigu_as_he()])
    assert "b.txt gives Sergei Shoigu through a pronoun resolved to the name" in finding.message
    assert {e.text for e in finding.evidence if e.role == "credited"} == {"Andrey Kartapolov", "he"}


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ("Marco Rubio", []),  # the Florida senator is Rubio: no conflict
        ("John Kasich", ["warning"]),  # Kasich against Rubio, through a description
    ],
)
def test_a_description_that_fits_one_person_is_resolved(named: str, expected: list[str]) -> None:
    profile = ArticleBuilder(
        "c.txt", 'Florida Sen. Marco Rubio toured the port. "It went well," Rubio said.'
    )
    profile.quote("It went well", profile.speaker("Marco Rubio", mention="Rubio", occurrence=1))
    described = _told(
        "b.txt", f'"{WORDS}," the Florida senator said.', WORDS, "the Florida senator"
    )
    found = _qc102([_named("a.txt", named), described, profile.build()])
    assert [f.severity for f in found] == expected


@pytest.mark.parametrize(
    ("words", "conflict"),
    [
        (SACRIFICE, False),  # Ms. Khan repeats Trump's words
        ("I said we have made a lot of sacrifices for this country", True),  # her own
    ],
)
def test_a_person_repeating_another_is_no_conflict(words: str, conflict: bool) -> None:
    khan = _told("a.txt", f'"{words}," Ms. Khan said.', words, "Ghazala Khan", mention="Ms. Khan")
    trump = _told(
        "b.txt",
        'Donald Trump told ABC he had made "a lot of sacrifices for this country."',
        "a lot of sacrifices for this country.",
        "Donald Trump",
    )
    assert bool(_qc102([khan, trump])) is conflict


def test_a_programme_title_is_not_a_quote() -> None:
    title = "Real Time With Bill Maher"
    a = _told("a.txt", f'Donald Trump said on "{title}" that he would win.', title, "Donald Trump")
    b = _told("b.txt", f'Ted Cruz told "{title}" he would not quit.', title, "Ted Cruz")
    assert _qc102([a, b]) == []


def test_an_article_against_itself_is_no_conflict() -> None:
    """a.txt gives the words to both men (an extraction slip inside one article); b.txt
    to one of them: no source contradicts another."""
    text = f'"{WORDS}," Andrey Kartapolov said. Later: "{WORDS}," Sergei Shoigu said.'
    a = ArticleBuilder("a.txt", text)
    a.quote(WORDS, a.speaker("Andrey Kartapolov"))
    a.quote(WORDS, a.speaker("Sergei Shoigu"), occurrence=1)
    assert _qc102([a.build(), _named("b.txt")]) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a common phrase inside two different quotes is not one quote
        (
            "Hillary has to do the right thing and step aside now",
            "The party must do the right thing for working families",
            [],
        ),
        # the same short sentence: both may have said it
        ("We will never give up", "We will never give up", ["warning"]),
    ],
)
def test_short_shared_words(a: str, b: str, expected: list[str]) -> None:
    first = _told("a.txt", f'"{a}," Andrey Kartapolov said.', a, "Andrey Kartapolov")
    second = _told("b.txt", f'"{b}," Sergei Shoigu said.', b, "Sergei Shoigu")
    assert [f.severity for f in _qc102([first, second])] == expected


def test_quotes_tied_only_through_a_third_are_not_compared() -> None:
    """Ann Park's and Tom Berg's quotes each share a long phrase with Cid Moss's longer
    quote, not with each other: Ann against Tom is no conflict."""
    ann = "we will rebuild the harbor wall before the storms"
    tom = "then we will reopen the ferry line to the island"
    cid = f"{ann} and {tom}"
    arts = [
        _told("a.txt", f'"{ann}," Ann Park said.', ann, "Ann Park"),
        _told("d.txt", f'On Monday: "{ann}," Ann Park said.', ann, "Ann Park"),
        _told("c.txt", f'"{cid}," Cid Moss said.', cid, "Cid Moss"),
        _told("b.txt", f'"{tom}," Tom Berg said.', tom, "Tom Berg"),
    ]
    pairs = [sorted(f.details["speakers"]) for f in _qc102(arts)]  # type: ignore[arg-type]
    assert ["Cid Moss", "Ann Park"] not in pairs and ["Ann Park", "Tom Berg"] not in pairs
    assert ["Ann Park", "Cid Moss"] in pairs


def test_a_surname_alone_is_not_held_against_its_full_name() -> None:
    """Two Trumps in the story: a bare "Trump" may be either."""
    bare = _told("a.txt", f'"{WORDS}," Trump said.', WORDS, "Trump")
    full = _told("b.txt", f'"{WORDS}," Donald Trump said.', WORDS, "Donald Trump")
    other = _told("c.txt", '"We love it," Ivanka Trump said.', "We love it", "Ivanka Trump")
    assert _qc102([bare, full, other]) == []
