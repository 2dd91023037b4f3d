"""What a parsing backend adds: speech-verb subjects and entity kinds (hand-built analyses)."""

from __future__ import annotations

from collections.abc import Sequence

import regex

import quotecheck
from quotecheck.analysis.base import Analysis, Entity, Sentence, Token
from quotecheck.analysis.rules import RulesAnalyzer


class ParsedAnalyzer:
    """The rules layer plus a hand-written parse: ``heads`` maps a word to (head word, deprel)."""

    name = "fake-parser"

    def __init__(
        self,
        heads: dict[str, tuple[str | None, str]],
        lemmas: dict[str, str],
        entities: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.heads, self.lemmas, self.entities = heads, lemmas, entities

    def analyze(self, text: str) -> Analysis:
        base = RulesAnalyzer().analyze(text)
        sentences = []
        for s in base.sentences:
            words = [
                (m.start(), m.end(), m.group())
                for m in regex.finditer(r"\w+|[^\w\s]", text[s.start : s.end])
            ]
            index = {w: i for i, (_, _, w) in enumerate(words)}
            toks = []
            for a, b, w in words:
                head, rel = self.heads.get(w, (None, "dep"))
                toks.append(
                    Token(
                        s.start + a,
                        s.start + b,
                        w,
                        lemma=self.lemmas.get(w, w.lower()),
                        upos="VERB" if w in self.lemmas else None,
                        head=-1 if head is None else index[head],
                        deprel=rel,
                    )
                )
            sentences.append(Sentence(s.start, s.end, tuple(toks)))
        ents = tuple(
            Entity(text.index(t), text.index(t) + len(t), t, label) for t, label in self.entities
        )
        return Analysis(
            text=text,
            paragraphs=base.paragraphs,
            sentences=tuple(sentences),
            entities=ents,
            backend="fake-parser",
            has_parse=True,
            features=frozenset({"parse", "lemma", "ner"}),
        )

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        return [self.analyze(t) for t in texts]


TEXT = 'The minister for the first time since the war began insisted "we will not retreat."'


def test_rules_alone_miss_a_subject_far_from_its_verb() -> None:
    q = quotecheck.extract(TEXT).quotes[0]
    assert q.speaker is None


def test_a_parse_gives_the_subject_of_the_speech_verb() -> None:
    analyzer = ParsedAnalyzer(
        heads={
            "The": ("minister", "det"),
            "minister": ("insisted", "nsubj"),
            "insisted": (None, "root"),
            "began": ("time", "acl"),
        },
        lemmas={"insisted": "insist", "began": "begin"},
    )
    q = quotecheck.extract(TEXT, backend=analyzer).quotes[0]
    assert q.rule == "parse:subject-of-speech-verb"
    assert q.speaker is not None and q.speaker.mention.text == "The minister"
    assert q.cue is not None and q.cue.text == "insisted"


def test_a_verb_inside_the_quote_is_not_the_cue() -> None:
    text = 'Then came the words "they said we would win" on the screen.'
    analyzer = ParsedAnalyzer(
        heads={"they": ("said", "nsubj"), "said": ("came", "ccomp"), "came": (None, "root")},
        lemmas={"said": "say", "came": "come"},
    )
    q = quotecheck.extract(text, backend=analyzer).quotes[0]
    assert q.speaker is None


def test_an_org_entity_makes_the_speaker_an_organisation() -> None:
    text = '"Cases fell by 40 percent," The World Health Organization said.'
    plain = quotecheck.extract(text).quotes[0]
    assert plain.speaker is not None and plain.speaker.kind != "organization"
    analyzer = ParsedAnalyzer(
        heads={}, lemmas={}, entities=[("The World Health Organization", "ORG")]
    )
    q = quotecheck.extract(text, backend=analyzer).quotes[0]
    assert q.speaker is not None and q.speaker.kind == "organization"
