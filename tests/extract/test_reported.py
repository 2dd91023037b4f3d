"""Reported speech and mixed quotes (issue 15), on our own text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
import regex

import quotecheck
from quotecheck.analysis.base import Analysis, Sentence, Token
from quotecheck.analysis.rules import RulesAnalyzer
from quotecheck.models import Quote


def _reported(text: str) -> list[Quote]:
    return [q for q in quotecheck.extract(text).quotes if q.kind == "reported"]


def test_a_newsroom_adds_a_speech_verb_through_the_lexicon_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a reporting verb (a cue for quotes in marks) is not yet a speech verb; in
    # speech_verbs.txt it introduces reported speech (lexicons are cached per folder,
    # so each variant has its own folder)
    text = "The senator harrumphed that the budget office had invented the savings."
    assert _reported(text) == []
    only_cue, speech = tmp_path / "cue", tmp_path / "speech"
    for d in (only_cue, speech):
        d.mkdir()
    (only_cue / "reporting_verbs.txt").write_text("harrumphed\n", encoding="utf-8")
    (speech / "speech_verbs.txt").write_text("harrumphed\n", encoding="utf-8")
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(only_cue))
    assert _reported(text) == []
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(speech))
    [q] = _reported(text)
    assert q.text == "the budget office had invented the savings"
    assert q.speaker is not None and q.speaker.name == "The senator"


# (sentence, content, speaker as resolved, rule)
FORMS = [
    (
        "Lavrov said Moscow was ready to work with the coalition.",
        "Moscow was ready to work with the coalition",
        "Lavrov",
        "reported:speaker-verb",
    ),
    (
        "The harbour master warned that the pier would not survive another storm.",
        "the pier would not survive another storm",
        "The harbour master",
        "reported:subject-verb-that",
    ),
    (
        "Ms Okafor told reporters on Friday that the count would resume at noon.",
        "the count would resume at noon",
        "Okafor",
        "reported:speaker-verb-that",
    ),
    (
        "The mayor told councillors the budget had a hole of four million pounds.",
        "the budget had a hole of four million pounds",
        "The mayor",
        "reported:speaker-verb",  # a nominal head is a speaker (issue 14)
    ),
    (
        "The governor has repeatedly said the prison will close before the election.",
        "the prison will close before the election",
        "The governor",
        "reported:speaker-verb",
    ),
    (
        "The refinery will shut for three weeks, a company spokeswoman said on Monday.",
        "The refinery will shut for three weeks",
        "a company spokeswoman",
        "reported:speaker-after",
    ),
    (
        "The refinery will shut for three weeks, said Ana Ruiz, the plant manager.",
        "The refinery will shut for three weeks",
        "Ana Ruiz",
        "reported:verb-speaker",
    ),
    (
        "According to the Pentagon, the strikes destroyed two radar sites.",
        "the strikes destroyed two radar sites",
        "the Pentagon",
        "reported:according-to-lead",
    ),
    (
        "The strikes destroyed two radar sites, according to the Pentagon.",
        "The strikes destroyed two radar sites",
        "the Pentagon",
        "reported:according-to-tail",
    ),
    (
        "Senior officials denied that the ministry had ordered the raid.",
        "the ministry had ordered the raid",
        "Senior officials",
        "reported:speaker-verb-that",
    ),
    (
        "Kerr's claim that the tunnel was never inspected drew an angry reply.",
        "the tunnel was never inspected drew an angry reply",
        "Kerr",
        "reported:possessive-noun",
    ),
    (
        "In Okafor's words, the ferry service is running on borrowed time.",
        "the ferry service is running on borrowed time",
        "Okafor",
        "reported:in-words",
    ),
    (
        "Forty percent of the nurses said they would strike in March.",
        "they would strike in March",
        "Forty percent",
        "reported:subject-verb",
    ),
    (
        # a cue of several words
        "The senator pointed out that the base had never been inspected.",
        "the base had never been inspected",
        "The senator",
        "reported:speaker-verb-that",
    ),
    (
        "The governor talked about the new ferry contract for an hour.",
        "the new ferry contract for an hour",
        "The governor",
        "reported:speech-act",
    ),
    (
        "The union called the offer an insult to its members.",
        "the offer an insult to its members",
        "The union",
        "reported:speech-act",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker", "rule"), FORMS)
def test_each_form_of_reported_speech(text: str, content: str, speaker: str, rule: str) -> None:
    qs = [q for q in _reported(text) if q.text == content]
    assert qs, [q.text for q in _reported(text)]
    q = qs[0]
    assert q.rule == rule
    assert q.stance == "speech"
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.cue is not None


# (text, the statements' contents and their speakers, in order)
SENTENCES = [
    (
        # a second verb of the same subject: its own statement, the first one cut before it
        "Mr Hale said the pier was safe, adding that repairs would start in May.",
        [("the pier was safe", "Hale"), ("repairs would start in May", "Hale")],
    ),
    (
        "Ms Duarte said the vote was fair but said the count had been too slow.",
        [("the vote was fair", "Duarte"), ("the count had been too slow", "Duarte")],
    ),
    (
        # two speakers in one sentence: the first content ends before the second speaker
        "The mayor said the road would reopen, but the engineers said it would take a year.",
        [("the road would reopen", "The mayor"), ("it would take a year", "the engineers")],
    ),
    (
        # the speaker in the middle: both sides are the statement
        "In the north, the police said, three bridges were closed overnight.",
        [("In the north", "the police"), ("three bridges were closed overnight", "the police")],
    ),
    (
        # a pronoun continues the paraphrase of the previous sentence's speaker
        "Defence minister Maria Brenner said the drills would go ahead. "
        "She added that two more ships would join them.",
        [
            ("the drills would go ahead", "Maria Brenner"),
            ("two more ships would join them", "Maria Brenner"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_statements_in_one_passage(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(q.text, q.speaker.name if q.speaker else None) for q in _reported(text)]
    assert got == expected


BELIEFS = [
    (
        "Officials believe the talks will collapse before the summer.",
        "the talks will collapse before the summer",
        "Officials",
    ),
    (
        "The campaign hopes to win both seats in the valley.",
        "to win both seats in the valley",
        "The campaign",
    ),
    (
        "Fishermen fear that the new quota will empty the harbour.",
        "the new quota will empty the harbour",
        "Fishermen",
    ),
    (
        "Analysts expect the central bank to hold rates in June.",
        "the central bank to hold rates in June",
        "Analysts",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), BELIEFS)
def test_belief_and_intention_verbs_have_their_own_stance(
    text: str, content: str, speaker: str
) -> None:
    [q] = _reported(text)
    assert (q.text, q.stance) == (content, "belief")
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.confidence < 0.6  # below any speech statement of the same form


MIXED = [
    (
        # the quoted words had no cue of their own: they take the statement's speaker
        'The harbour master called the pier a "danger to every driver who uses it" in his report.',
        "danger to every driver who uses it",
        'the pier a "danger to every driver who uses it" in his report',
        "The harbour master",
    ),
    (
        'She said the process "often leaves legislators" with a fait accompli.',
        "often leaves legislators",
        'the process "often leaves legislators" with a fait accompli',
        "She",
    ),
    (
        "Mr Adeyemi told the inquiry that the contract was “a blank cheque” for the builder.",
        "a blank cheque",
        "the contract was “a blank cheque” for the builder",
        "Adeyemi",
    ),
    (
        "The new schedule, Ms Varga said, “is a disaster for commuters” on the east line.",
        "is a disaster for commuters",
        "“is a disaster for commuters” on the east line",
        "Varga",
    ),
]


@pytest.mark.parametrize(("text", "words", "content", "speaker"), MIXED)
def test_a_mixed_quote_carries_its_words_and_its_whole_content(
    text: str, words: str, content: str, speaker: str
) -> None:
    art = quotecheck.extract(text)
    # one quote, not a statement beside it with the same content
    [q] = [q for q in art.quotes if q.kind == "partial"]
    assert all(r.text not in content for r in art.quotes if r.kind == "reported")
    assert q.text == words
    assert q.content is not None and q.content.text == content
    assert text[q.content.start : q.content.end] == content  # offsets into the input
    assert q.speaker is not None and q.speaker.name == speaker


NOT_REPORTED = [
    # a noun that looks like a verb
    "The claims of the two firms were settled out of court.",
    "His hopes rest on the coastal districts.",
    # adjuncts, not content
    "The minister said of the plan that it was late.",
    # a relative clause moved the subject out of the content
    "The changes, which officials said will take effect in May, were welcomed.",
    # a direct quote is the quote finder's
    '"We will not close the plant," the chairman said.',
    'The chairman said: "We will not close the plant."',
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_what_is_not_a_reported_statement(text: str) -> None:
    assert [q.text for q in _reported(text)] == []


class _Parsed:
    """The rules layer plus a hand-written dependency parse (``heads``: word -> (head
    word, relation)), as a parsing backend gives it; no model is needed."""

    name = "fake-parser"

    def __init__(self, heads: dict[str, tuple[str | None, str]]) -> None:
        self.heads = heads

    def analyze(self, text: str) -> Analysis:
        base = RulesAnalyzer().analyze(text)
        sentences = []
        for s in base.sentences:
            words = [
                (s.start + m.start(), s.start + m.end(), m.group())
                for m in regex.finditer(r"\w+|[^\w\s]", text[s.start : s.end])
            ]
            index = {w: i for i, (_, _, w) in enumerate(words)}
            toks = []
            for a, b, w in words:
                head, rel = self.heads.get(w, (None, "dep"))
                toks.append(Token(a, b, w, head=-1 if head is None else index[head], deprel=rel))
            sentences.append(Sentence(s.start, s.end, tuple(toks)))
        return Analysis(
            text=text,
            paragraphs=base.paragraphs,
            sentences=tuple(sentences),
            backend="fake-parser",
            has_parse=True,
            features=frozenset({"parse"}),
        )

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        return [self.analyze(t) for t in texts]


PARSED = [
    (
        # a subject the surface rules cannot delimit: the parse's nsubj, without its
        # relative clause, speaks; the ccomp without "that" is the content
        "The committee that reviewed its budget concluded that these savings were invented.",
        {
            "The": ("committee", "det"),
            "committee": ("concluded", "nsubj"),
            "that": ("invented", "mark"),
            "reviewed": ("committee", "acl:relcl"),
            "its": ("budget", "nmod:poss"),
            "budget": ("reviewed", "obj"),
            "concluded": (None, "root"),
            "these": ("savings", "det"),
            "savings": ("invented", "nsubj:pass"),
            "were": ("invented", "aux:pass"),
            "invented": ("concluded", "ccomp"),
        },
        "these savings were invented",
        "The committee",
    ),
    (
        # the complement ends where the parse says, not at the sentence end
        "Ms Duarte said the ferry was late and then left port.",
        {
            "Ms": ("Duarte", "compound"),
            "Duarte": ("said", "nsubj"),
            "said": (None, "root"),
            "the": ("ferry", "det"),
            "ferry": ("late", "nsubj"),
            "was": ("late", "cop"),
            "late": ("said", "ccomp"),
            "left": ("said", "conj"),
            "port": ("left", "obj"),
        },
        "the ferry was late",
        "Duarte",
    ),
]


@pytest.mark.parametrize(("text", "heads", "content", "speaker"), PARSED)
def test_a_parse_gives_the_clausal_complement_of_the_cue(
    text: str, heads: dict[str, tuple[str | None, str]], content: str, speaker: str
) -> None:
    art = quotecheck.extract(text, backend=_Parsed(heads))
    [q] = [q for q in art.quotes if q.kind == "reported"]
    assert (q.text, q.rule) == (content, "parse:complement")
    assert q.speaker is not None and q.speaker.name == speaker


def test_without_a_parse_the_rules_decide() -> None:
    text, _, _, _ = PARSED[0]
    [q] = _reported(text)
    assert q.rule != "parse:complement"


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        # a source that is no speaker phrase is every word up to the end of the phrase
        (
            "The river rose two metres overnight, according to the regional water authority.",
            "the regional water authority",
            "organization",
        ),
        (
            "Turnout fell in every district, according to a tally by the county clerk.",
            "a tally by the county clerk",
            None,
        ),
        (
            "The bypass is unpopular, according to early results of a town survey.",
            "early results of a town survey",
            None,
        ),
        # a speaker phrase stays as it is
        ("The strikes destroyed two radar sites, according to the Pentagon.", "the Pentagon", None),
    ],
)
def test_the_source_after_according_to_is_the_whole_phrase(
    text: str, source: str, kind: str | None
) -> None:
    [q] = _reported(text)
    assert q.rule == "reported:according-to-tail"
    assert q.speaker is not None and q.speaker.mention.text == source
    if kind is not None:
        assert q.speaker.kind == kind


def test_a_source_phrase_is_no_antecedent_of_a_later_pronoun() -> None:
    # "she" is the mayor quoted before, not the survey the middle sentence cites
    text = (
        '"We will rebuild the bridge," Mayor Ana Ruiz said on Monday.\n\n'
        "A toll is unpopular, according to early results of a town survey.\n\n"
        '"Nobody will pay twice for one bridge," she said.\n'
    )
    quotes = quotecheck.extract(text).quotes
    [last] = [q for q in quotes if q.text.startswith("Nobody")]
    assert last.speaker is not None and last.speaker.name == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ohio voters said that the economy was their main worry this year.", "Ohio voters"),
        ("Most Democrats said that the economy was their main worry this year.", "Most Democrats"),
        (
            "New York Republican voters said that taxes mattered more than anything else.",
            "New York Republican voters",
        ),
    ],
)
def test_a_name_like_phrase_headed_by_a_plural_noun_is_a_group(text: str, speaker: str) -> None:
    [q] = _reported(text)
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.speaker.kind == "group"


@pytest.mark.parametrize(
    ("text", "speaker", "resolution"),
    [
        # the owner of "In her words" / "Her claim that" is who the pronoun means
        (
            "Senator Mary Cole spoke in Dayton on Monday. In her words, the plan would ruin "
            "small farms across the county.",
            "Mary Cole",
            "pronoun",
        ),
        (
            "Senator Mary Cole spoke in Dayton on Monday. Her claim that the plan would ruin "
            "small farms drew boos.",
            "Mary Cole",
            "pronoun",
        ),
        # with no one to refer to, the owner stays as written, unresolved
        (
            "In his words, the plan would ruin small farms across the county.",
            "his",
            "unresolved",
        ),
    ],
)
def test_a_possessive_owner_is_resolved_like_its_pronoun(
    text: str, speaker: str, resolution: str
) -> None:
    [q] = _reported(text)
    assert q.rule in ("reported:in-words", "reported:possessive-noun")
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.resolution) == (speaker, resolution)


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: Storm Knocks Out Power To Thousands Along The Coast",
        "Stealth Over Health: Insurers Quietly Raise Rates",
    ],
)
def test_a_headline_with_a_colon_is_no_transcript_line(headline: str) -> None:
    text = f"{headline}\n\nThe storm reached the coast early on Monday and moved inland.\n"
    assert [q for q in _reported(text) if q.rule == "reported:transcript"] == []


def test_a_transcript_line_in_ordinary_case_keeps_its_speaker() -> None:
    text = (
        "MORALES: Well, I think we should go back to the table and talk.\n\n"
        "KIRBY: We will not do that, and you know it.\n"
    )
    found = [(q.speaker.name if q.speaker else None) for q in _reported(text)
             if q.rule == "reported:transcript"]  # fmt: skip
    assert found == ["MORALES", "KIRBY"]
