"""End to end: CoNLL-U fixtures -> stanza's Document API -> the adapter -> the extractor.

Two ways in, both without models: a fake Analyzer that returns the adapted Analysis,
and the real StanzaAnalyzer with stanza.Pipeline replaced by one that answers from
the fixtures (so bulk_process, batching and the adapter all run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

import quotecheck

pytest.importorskip("stanza", reason="the stanza extra is not installed")

from quotecheck.analysis.base import Analysis, Analyzer
from quotecheck.analysis.stanza_backend import StanzaAnalyzer, document_to_analysis
from quotecheck.errors import ModelError
from quotecheck.models import Article, Quote

from .conftest import ModelDir, kartapolov_doc, shoigu_doc, who_doc

FIXTURES: dict[str, Callable[[], tuple[Any, str]]] = {
    "kartapolov": kartapolov_doc,
    "who": who_doc,
    "shoigu": shoigu_doc,
}


class FixtureAnalyzer:
    """An Analyzer that answers with the adapted fixture for its text."""

    name = "stanza"

    def __init__(self, *docs: tuple[Any, str]) -> None:
        self.analyses = {text: document_to_analysis(doc, text) for doc, text in docs}

    def analyze(self, text: str) -> Analysis:
        assert text in self.analyses, f"ingestion changed the fixture text: {text!r}"
        return self.analyses[text]

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        return [self.analyze(t) for t in texts]


def run(name: str) -> Article:
    doc, text = FIXTURES[name]()
    analyzer = FixtureAnalyzer((doc, text))
    assert isinstance(analyzer, Analyzer)
    return quotecheck.extract(text, backend=analyzer)


def who_said(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, quote, speaker, how it was resolved) for every quote."""
    return [
        (
            q.kind,
            q.text,
            q.speaker.name if q.speaker else None,
            q.speaker.resolution if q.speaker else None,
        )
        for q in article.quotes
    ]


def speaker_of(article: Article, fragment: str) -> Quote:
    return next(q for q in article.quotes if fragment in q.text)


def test_kartapolov_quotes_and_speakers() -> None:
    article = run("kartapolov")
    assert article.backend == "stanza"
    assert who_said(article) == [
        ("reported", "the army would change its tactics", "Andrei Kartapolov", "explicit"),
        ("direct", "We will organize joint operations,", "Andrei Kartapolov", "short-name"),
        ("direct", "It's necessary to act quickly,", "Andrei Kartapolov", "pronoun"),
        ("reported", "to comment", "The Defence Ministry in Moscow", "explicit"),
    ]
    he = speaker_of(article, "necessary").speaker
    assert he is not None and he.mention.text == "he"
    # the antecedent is the coreference chain's representative mention
    assert he.antecedent is not None and he.antecedent.text == "Andrei Kartapolov"
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text


def test_coreference_chain_decides_between_two_men() -> None:
    """Sergei Shoigu and Andrei Kartapolov both precede "he"; the chain says Shoigu."""
    article = run("shoigu")
    assert who_said(article) == [("direct", "The plan is ready,", "Sergei Shoigu", "pronoun")]
    speaker = article.quotes[0].speaker
    assert speaker is not None and speaker.antecedent is not None
    assert speaker.antecedent.text == "Sergei Shoigu"


def test_who_partial_according_to_and_pronoun() -> None:
    article = run("who")
    said = who_said(article)
    assert said[0] == ("partial", "under control", "The World Health Organization", "explicit")
    assert said[1][0] == "reported" and said[1][2:] == ("Maria Van Kerkhove", "explicit")
    assert said[1][1].endswith("cases fell by 40 percent in a week")
    assert said[2] == ("direct", "We can't relax yet,", "Maria Van Kerkhove", "pronoun")
    she = article.quotes[2].speaker
    assert she is not None and she.antecedent is not None
    assert she.antecedent.text == "Maria Van Kerkhove"


class FixturePipeline:
    """stanza.Pipeline stand-in answering bulk_process with the fixture documents."""

    def __init__(self, lang: str, **kwargs: Any) -> None:
        self.docs = {text: doc for doc, text in (make() for make in FIXTURES.values())}

    def bulk_process(self, texts: list[str]) -> list[Any]:
        return [self.docs[t] for t in texts]


def test_through_stanza_analyzer_and_bulk_process(
    monkeypatch: pytest.MonkeyPatch, model_dir: ModelDir
) -> None:
    import stanza

    monkeypatch.setattr(stanza, "Pipeline", FixturePipeline)
    analyzer = StanzaAnalyzer(model_dir(coref=True), batch_size=2)
    texts = [text for _, text in (make() for make in FIXTURES.values())]
    analyses = analyzer.analyze_many(texts)
    assert [a.features for a in analyses] == [
        frozenset({"pos", "lemma", "parse", "ner", "coref"})
    ] * 3
    articles = [quotecheck.extract(text, backend=analyzer) for text in texts]
    assert [a.backend for a in articles] == ["stanza"] * 3
    assert [len(a.quotes) for a in articles] == [4, 3, 1]
    assert articles[2].quotes[0].speaker is not None
    assert articles[2].quotes[0].speaker.name == "Sergei Shoigu"


def test_auto_without_models_extracts_with_rules_and_says_why(model_dir: ModelDir) -> None:
    folder = model_dir(files=())
    _, text = kartapolov_doc()
    article = quotecheck.extract(text, backend="auto", stanza_dir=str(folder))
    assert article.backend == "rules"
    (warning,) = [d for d in article.diagnostics if d.code == "QC-W301"]
    assert str(folder) in warning.message and "quotecheck models download" in warning.message
    assert [q.speaker.name for q in article.quotes if q.speaker] == [
        *["Andrei Kartapolov"] * 3,
        "The Defence Ministry in Moscow",
    ]


def test_stanza_without_models_is_one_model_error(model_dir: ModelDir) -> None:
    folder = model_dir(files=())
    with pytest.raises(ModelError, match="quotecheck models download --dir"):
        quotecheck.extract("“Yes,” he said.", backend="stanza", stanza_dir=str(folder))
