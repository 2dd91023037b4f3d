"""What the checks deliberately leave alone: paraphrase, one article against itself, ranks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crosscheck.factories import ArticleBuilder

from quotecheck.checks import run_checks

REGISTRY = Path(__file__).parents[1] / "crosscheck" / "data" / "registry.yaml"

DAY = dt.date(2024, 3, 12)


def _article(source: str, text: str, words: str, kind: str = "direct") -> ArticleBuilder:
    b = ArticleBuilder(source, text)
    b.quote(words, b.speaker("Vladimir Putin", mention="Putin"), kind=kind)  # type: ignore[arg-type]
    return b


def test_reported_speech_is_not_compared_as_a_quote_wording() -> None:
    a = _article(
        "a.txt",
        '"You need to establish direct contact with the French," Putin said.',
        "You need to establish direct contact with the French,",
    )
    b = _article(
        "b.txt",
        "Putin said the navy should establish direct contact with the French.",
        "the navy should establish direct contact with the French",
        kind="reported",
    )
    assert [f for f in run_checks([a.build(), b.build()]) if f.code == "QC101"] == []


def test_the_same_pair_as_two_direct_quotes_is_compared() -> None:
    a = _article(
        "a.txt",
        '"You need to establish direct contact with the French," Putin said.',
        "You need to establish direct contact with the French,",
    )
    b = _article(
        "b.txt",
        '"It is necessary to establish direct contact with the French," Putin said.',
        "It is necessary to establish direct contact with the French,",
    )
    assert [f.code for f in run_checks([a.build(), b.build()])] == ["QC101"]


def test_one_article_is_not_compared_with_itself() -> None:
    text = (
        'Putin tells navy to work with French "as allies"\n\n'
        '"Work with them as partners and allies," Putin said.'
    )
    b = ArticleBuilder("a.txt", text)
    sp = b.speaker("Vladimir Putin", mention="Putin")
    b.quote("as allies", sp, kind="partial")
    b.quote("Work with them as partners and allies,", sp)
    assert [f for f in run_checks([b.build()]) if f.code == "QC101"] == []


def test_a_military_rank_does_not_contradict_a_registry_post() -> None:
    b = ArticleBuilder("a.txt", 'Colonel-General Laurent Fabius said: "We agree."')
    b.quote(
        "We agree.", b.speaker("Laurent Fabius", mention="Laurent Fabius", role="Colonel-General")
    )
    assert [f for f in run_checks([b.build()], registry=REGISTRY) if f.code == "QC105"] == []
    c = ArticleBuilder("c.txt", 'Defence Minister Laurent Fabius said: "We agree."')
    c.quote(
        "We agree.", c.speaker("Laurent Fabius", mention="Laurent Fabius", role="Defence Minister")
    )
    assert [f.code for f in run_checks([c.build()], registry=REGISTRY)] == ["QC105"]


def test_spans_of_time_are_not_disputed_counts() -> None:
    a = ArticleBuilder("a.txt", "Her father worked at the plant for three decades.")
    a.figure("three", 3, measure="decades", verb="work")
    b = ArticleBuilder("b.txt", "Layoffs shrank the plant over the past two decades.")
    b.figure("two", 2, measure="decades", verb="work")
    assert [f for f in run_checks([a.build(), b.build()]) if f.code == "QC104"] == []
    c = ArticleBuilder("c.txt", "The closure will cost 1,200 jobs.")
    c.figure("1,200", 1200, measure="jobs", verb="cost", place="Marlow Falls")
    d = ArticleBuilder("d.txt", "The closure will cost 1,500 jobs.")
    d.figure("1,500", 1500, measure="jobs", verb="cost", place="Marlow Falls")
    assert [f.code for f in run_checks([c.build(), d.build()])] == ["QC104"]


def test_figures_of_unrelated_stories_are_not_compared() -> None:
    """Two stories in one batch: 'jobs' in one is not 'jobs' in the other."""
    arts = []
    for source, person, jobs in (
        ("plant1.txt", "Rebecca Thornquist", 1200),
        ("plant2.txt", "Rebecca Thornquist", 1200),
        ("mill1.txt", "Omar Haddad", 300),
        ("mill2.txt", "Omar Haddad", 300),
    ):
        text = f'The closure will cost {jobs:,} jobs. "It is a hard day," {person} said.'
        b = ArticleBuilder(source, text)
        # one place for all: only the stories keep the figures apart
        b.figure(f"{jobs:,}", jobs, measure="jobs", verb="cost", place="Marlow Falls")
        b.quote("It is a hard day,", b.speaker(person))
        arts.append(b.build())
    assert [f for f in run_checks(arts) if f.code == "QC104"] == []
    # the same figures inside one story do clash
    clash = ArticleBuilder(
        "plant3.txt", 'The closure will cost 300 jobs. "It is a hard day," Rebecca Thornquist said.'
    )
    clash.figure("300", 300, measure="jobs", verb="cost", place="Marlow Falls")
    clash.quote("It is a hard day,", clash.speaker("Rebecca Thornquist"))
    found = [f for f in run_checks([*arts, clash.build()]) if f.code == "QC104"]
    assert len(found) == 1
    cited = {e.source for e in found[0].evidence}
    assert "plant3.txt" in cited and all(c.startswith("plant") for c in cited)


def test_a_vague_figure_does_not_hide_a_clash_between_definite_ones() -> None:
    arts = []
    for source, written, value, hedge in (
        ("a.txt", "1,200", 1200.0, None),
        ("b.txt", "more than 1,000", 1000.0, "more than"),
        ("c.txt", "1,500", 1500.0, None),
    ):
        # one holder (the place) and one time (the day): an error needs both
        b = ArticleBuilder(source, f"The closure will cut {written} jobs.", date=DAY)
        where = {"measure": "jobs", "verb": "cut", "place": "Marlow Falls"}
        if hedge:
            b.figure(written, value, low=value, hedge=hedge, **where)
        else:
            b.figure(written, value, **where)
        arts.append(b.build())
    (f,) = [f for f in run_checks(arts) if f.code == "QC104"]
    assert f.severity == "error"
    assert {e.text for e in f.evidence} == {"1,200", "more than 1,000", "1,500"}
