"""The rules analyzer: paragraphs, sentences (abbreviations kept inside), optional tokens."""

from __future__ import annotations

from quotecheck.analysis.rules import RulesAnalyzer, sentence_spans

TEXT = (
    'Mr. Shoigu told Gen. Valery Gerasimov about it on Nov. 17. "We hit 206 targets," he said.\n'
    "\n"
    "The U.S. response came later. It was brief."
)


def test_paragraphs_and_sentences_respect_abbreviations() -> None:
    a = RulesAnalyzer().analyze(TEXT)
    assert len(a.paragraphs) == 2
    got = [TEXT[s.start : s.end] for s in a.sentences]
    assert got == [
        "Mr. Shoigu told Gen. Valery Gerasimov about it on Nov. 17.",
        '"We hit 206 targets," he said.',
        "The U.S. response came later.",
        "It was brief.",
    ]
    assert not a.has_parse and a.backend == "rules"


def test_tokens_only_when_asked_and_then_exact() -> None:
    assert all(s.tokens == () for s in RulesAnalyzer().analyze(TEXT).sentences)
    sents = RulesAnalyzer(tokens=True).analyze(TEXT).sentences
    toks = [t for s in sents for t in s.tokens]
    assert toks and all(TEXT[t.start : t.end] == t.text for t in toks)
    assert [t.text for t in sents[1].tokens][:4] == ['"', "We", "hit", "206"]


def test_sentence_spans_of_an_empty_range() -> None:
    assert sentence_spans("abc", 1, 1) == []


def test_name_entities_only_when_asked() -> None:
    assert RulesAnalyzer().analyze(TEXT).entities == ()
    ents = RulesAnalyzer(names=True).analyze(TEXT).entities
    assert [e.text for e in ents][:2] == ["Mr. Shoigu", "Gen. Valery Gerasimov"]
    assert {e.label for e in ents} == {"PROPN"}
