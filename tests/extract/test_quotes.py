"""Table-driven tests of quote spans, kinds and attribution on text we wrote."""

from __future__ import annotations

import pytest

import quotecheck
from quotecheck.models import Quote


def _quote(article: quotecheck.Article, words: str) -> Quote:
    for q in article.quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote containing {words!r} in {[q.text for q in article.quotes]}")


# (text, words in the quote, kind, speaker name or None, mention text or None)
CASES = [
    # cue after the quote, name then verb
    (
        '"We will organize joint operations at sea," Kartapolov said.',
        "joint operations",
        "direct",
        "Kartapolov",
        "Kartapolov",
    ),
    # verb then name, with an appositive after it
    (
        '"It was like pushing on an open door," said Victor Cha, who served as Asia director.',
        "open door",
        "direct",
        "Victor Cha",
        "Victor Cha",
    ),
    # cue before the quote with a colon
    (
        'The minister told reporters: "The operation destroyed all the targets."',
        "destroyed all",
        "direct",
        "The minister",
        "The minister",
    ),
    # according to, on the right
    (
        '"The strikes will continue," according to the Russian defence ministry.',
        "strikes will continue",
        "direct",
        "the Russian defence ministry",
        "the Russian defence ministry",
    ),
    # dash attribution
    (
        "“Maybe we can build a bridge instead.” ― Steve Quinlan",
        "build a bridge",
        "direct",
        "Steve Quinlan",
        "Steve Quinlan",
    ),
    # partial quote inside the writer's sentence
    (
        'Mr Carter called the strategy "a fundamental mistake" on Wednesday.',
        "fundamental mistake",
        "partial",
        "Carter",
        "Mr Carter",
    ),
    # partial quote with the cue after it
    (
        'The US will not join a plan that is "tragically flawed," Mr Carter said.',
        "tragically flawed",
        "partial",
        "Carter",
        "Mr Carter",
    ),
    # scare quotes are not speech
    ('Russian jets hit 206 "terrorist" targets overnight.', "terrorist", "scare", None, None),
    # a title is not speech
    (
        'He appeared on the show "Good Morning Britain" in May.',
        "Good Morning Britain",
        "scare",
        None,
        None,
    ),
    # organisation speaker with "in a statement"
    (
        "“Contacts will be closer,” the Kremlin said in a statement.",
        "Contacts will be closer",
        "direct",
        "the Kremlin",
        "the Kremlin",
    ),
    # British punctuation outside the closing mark
    (
        "“Our aviation has destroyed 500 fuel tankers”, Kartapolov stressed.",
        "fuel tankers",
        "direct",
        "Kartapolov",
        "Kartapolov",
    ),
    # guillemets and low-high marks
    (
        "«Nous allons continuer», a déclaré le ministre. Hollande said: „We are at war.“",
        "We are at war",
        "direct",
        "Hollande",
        "Hollande",
    ),
    # `` '' feed marks
    (
        "``We are ready to cooperate,'' the admiral said.",
        "ready to cooperate",
        "direct",
        "the admiral",
        "the admiral",
    ),
    # NYT-style doubled single marks
    (
        "''It's a phony system,'' Trump told a radio host.",
        "phony system",
        "direct",
        "Trump",
        "Trump",
    ),
    # a participle introduces the quote; the subject speaks
    (
        'Clinton answered the heckler, saying, "Some people get carried away."',
        "carried away",
        "direct",
        "Clinton",
        "Clinton",
    ),
    # an inverted cue opening the sentence
    (
        'Said Dorothy Poynter, who grew up on the same street, "We were all so proud of him."',
        "so proud",
        "direct",
        "Dorothy Poynter",
        "Dorothy Poynter",
    ),
    # a party label in parentheses and a stray comma before the verb
    (
        'Gov. John Kasich (R-OH), said, "We are going to have the wind blow us west."',
        "wind blow",
        "direct",
        "John Kasich",
        "Gov. John Kasich (R-OH)",
    ),
    # a generic nominal after an inverted verb
    (
        '"Nobody is above the law," wrote a man calling himself Paul.',
        "above the law",
        "direct",
        "a man calling himself Paul",
        "a man calling himself Paul",
    ),
]


@pytest.mark.parametrize(("text", "words", "kind", "speaker", "mention"), CASES)
def test_quote_kind_and_speaker(
    text: str, words: str, kind: str, speaker: str | None, mention: str | None
) -> None:
    art = quotecheck.extract(text)
    q = _quote(art, words)
    assert q.kind == kind
    assert text[q.start : q.end] == q.text
    if speaker is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None
        assert q.speaker.name == speaker
        assert q.speaker.mention.text == mention
        assert text[q.speaker.mention.start : q.speaker.mention.end] == mention
        assert q.rule and q.confidence > 0


def test_quote_offsets_exclude_marks() -> None:
    text = 'He said: "Life moves on."'
    q = quotecheck.extract(text).quotes[0]
    assert q.text == "Life moves on."
    assert text[q.start - 1] == '"' and text[q.end] == '"'


def test_follow_on_quote_inherits_speaker_across_paragraphs() -> None:
    text = (
        '"They continue to hit targets that are not ours," Mr Carter said.\n\n'
        '"We believe that is a fundamental mistake."\n'
    )
    art = quotecheck.extract(text)
    q = _quote(art, "fundamental mistake")
    assert q.speaker is not None and q.speaker.resolution == "inherited"
    assert q.speaker.name == "Carter"
    assert q.rule == "inherit:previous-speaker"


def test_interrupted_quote_both_halves_attributed() -> None:
    text = '"That, unfortunately," he said, "is part of the reality of life."'
    art = quotecheck.extract(text)
    first, second = art.quotes
    assert first.speaker and second.speaker
    assert first.speaker.mention.start == second.speaker.mention.start


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = (
        'The general said: "First, the air strikes destroyed the headquarters.\n\n'
        '"Second, our pilots hit three depots with fuel and ammunition."\n\n'
        "The ministry gave no further details.\n"
    )
    art = quotecheck.extract(text)
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.paragraphs == 2
    assert q.text.startswith("First") and q.text.endswith("ammunition.")
    assert q.speaker is not None and q.speaker.name == "The general"


def test_unbalanced_mark_recovers_locally_and_says_so() -> None:
    text = 'He said "the talks were useful.\n\nThe second paragraph has "a closed quote" here.\n'
    art = quotecheck.extract(text)
    notes = [n for q in art.quotes for n in q.notes]
    assert "unbalanced-open-mark" in notes
    assert any(q.text == "a closed quote" for q in art.quotes)


def test_apostrophes_are_not_quote_marks_but_headline_single_quotes_are() -> None:
    text = "Putin tells navy to work with French ‘as allies’\n\nRussia’s navy and France’s carrier group sailed on.\n"
    art = quotecheck.extract(text)
    assert [q.text for q in art.quotes if q.kind != "reported"] == ["as allies"]


def test_nested_quote_stays_inside_outer_quote() -> None:
    text = "“He told me, ‘We are allies now,’ and I believed him,” the captain said."
    art = quotecheck.extract(text)
    assert len(art.quotes) == 1
    assert "‘We are allies now,’" in art.quotes[0].text


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Shoigu said that Russian forces hit 206 targets in the latest wave of strikes.",
            "Russian forces hit 206 targets",
            "Shoigu",
        ),
        (
            "According to the Kremlin, the two leaders agreed to coordinate their militaries.",
            "the two leaders agreed",
            "the Kremlin",
        ),
        (
            "Russia is using warships in the Caspian Sea to strike targets, defence minister Sergei Shoigu said.",
            "Russia is using warships",
            "Sergei Shoigu",
        ),
    ],
)
def test_reported_speech(text: str, content: str, speaker: str) -> None:
    art = quotecheck.extract(text)
    q = _quote(art, content)
    assert q.kind == "reported"
    assert q.speaker is not None and q.speaker.name == speaker


def test_colon_after_the_subject_introduces_the_quote() -> None:
    text = (
        "Russian Foreign Affairs Minister Laurent Fabius, speaking on France Inter radio, "
        "was more direct: «We will strike them wherever they are.»"
    )
    q = _quote(quotecheck.extract(text), "strike them")
    assert q.kind == "direct" and q.rule == "before:colon-subject"
    assert q.speaker is not None and q.speaker.name == "Laurent Fabius"
    assert q.speaker.nationality is not None and q.speaker.nationality.value == "Russia"


def test_dash_attribution_in_a_bullet_with_a_described_speaker() -> None:
    text = "  • “No coordination with Moscow until it changes course” – U.S. Defense Secretary Ash Carter\n\nMore.\n"
    q = _quote(quotecheck.extract(text), "No coordination")
    assert q.kind == "direct" and q.rule == "after:dash"
    sp = q.speaker
    assert sp is not None and sp.name == "Ash Carter"
    assert sp.role is not None and sp.role.value == "Defense Secretary"
    assert sp.nationality is not None and sp.nationality.value == "United States"


def test_appositive_before_the_name_and_comma_before_the_verb() -> None:
    text = 'Its previous chief executive, Gordon Pryce, warned last year that the company had "more factory space than it needs."'
    q = _quote(quotecheck.extract(text), "factory space")
    assert q.speaker is not None and q.speaker.name == "Gordon Pryce"


@pytest.mark.parametrize(
    "text",
    [
        "Former mayor Michael Bloomberg is reportedly considering a run as an independent.",
        "The company has reportedly taken heat from a civil rights group over the ads.",
    ],
)
def test_a_reporting_verb_inside_a_longer_word_is_not_a_cue(text: str) -> None:
    # "report" is a reporting verb; "reportedly" is not ("ly considering ..." was reported)
    assert [q.text for q in quotecheck.extract(text).quotes if q.kind == "reported"] == []


def test_it_is_the_organisation_that_spoke_last_not_a_person_named_it() -> None:
    text = (
        "The two generals “agreed to open a direct line”, the Russian defence ministry said. "
        "It added that the two men would speak again soon."
    )
    q = _quote(quotecheck.extract(text), "two men would speak")
    assert q.kind == "reported" and q.speaker is not None
    assert (q.speaker.name, q.speaker.kind) == ("the Russian defence ministry", "organization")
    assert q.speaker.resolution == "pronoun"


def test_it_with_no_organisation_before_it_stays_unresolved() -> None:
    q = _quote(quotecheck.extract("“We will not comment,” it said."), "not comment")
    assert q.speaker is not None and q.speaker.resolution == "unresolved"
    assert q.speaker.kind != "person"
