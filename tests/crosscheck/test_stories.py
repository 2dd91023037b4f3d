"""Splitting a batch into stories from content (issue 13, cause 7), on the fixture
stories written for this project: each folder is one story, the batch of all of them
splits along the folders, and no finding of the batch joins two stories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import quotecheck
from crosscheck.factories import ArticleBuilder
from quotecheck.crosscheck.stories import split_stories
from quotecheck.models import Article

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FOLDERS = {
    "story-navy-alliance": "navy",
    "story-plant-closure": "plant",
    "seed-supplements": "navy",  # more copy on the navy story
}


@pytest.fixture(scope="module")
def batch() -> quotecheck.Report:
    return quotecheck.check([str(FIXTURES / f) for f in FOLDERS])


def _story_of(source: str) -> str:
    return FOLDERS[Path(source).parent.name]


def test_a_batch_splits_along_its_stories(batch: quotecheck.Report) -> None:
    found = [
        {_story_of(batch.articles[i].source) for i in s} for s in split_stories(batch.articles)
    ]
    assert sorted(map(sorted, found)) == [["navy"], ["plant"]]


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_one_story_stays_one(folder: str) -> None:
    articles = quotecheck.check([str(FIXTURES / folder)]).articles
    assert split_stories(articles) == [list(range(len(articles)))]


def test_no_finding_joins_two_stories(batch: quotecheck.Report) -> None:
    for f in batch.findings:
        assert len({_story_of(ev.source) for ev in f.evidence}) == 1, f.message
    alone = {
        f.fingerprint
        for folder in ("story-navy-alliance", "story-plant-closure")
        for f in quotecheck.check([str(FIXTURES / folder)]).findings
    }
    planted = {f.fingerprint for f in batch.findings if "seed-supplements" not in str(f.evidence)}
    assert alone <= {f.fingerprint for f in batch.findings}
    assert planted <= {f.fingerprint for f in batch.findings}


def _dated(article: Article, day: dt.date) -> Article:
    return article.model_copy(update={"date": day, "source": f"{day}-{article.source}"})


def test_articles_dated_far_apart_are_two_stories() -> None:
    plant = quotecheck.check([str(FIXTURES / "story-plant-closure")]).articles
    day = dt.date(2024, 3, 12)
    batch = [_dated(a, day) for a in plant] + [_dated(a, day + dt.timedelta(60)) for a in plant]
    assert split_stories(batch) == [[0, 1, 2, 3], [4, 5, 6, 7]]


@pytest.mark.parametrize("size", [0, 1, 2])
def test_small_batches_are_one_story(size: int) -> None:
    arts = [ArticleBuilder(f"{k}.txt", "Short note.").build() for k in range(size)]
    assert split_stories(arts) == [list(range(size))]


def test_short_articles_join_the_story_they_are_most_like() -> None:
    plant = quotecheck.check([str(FIXTURES / "story-plant-closure")]).articles
    navy = quotecheck.check([str(FIXTURES / "story-navy-alliance")]).articles
    note = ArticleBuilder("note.txt", "Corvane confirmed the Marlow Falls plant closure.").build()
    other = ArticleBuilder("other.txt", "Weather: sunny, light winds.").build()
    stories = split_stories([*plant, *navy, note, other])
    n = len(plant) + len(navy)
    plant_story = next(s for s in stories if 0 in s)
    assert n in plant_story and len(stories) == 2  # the note joins the plant story
    assert split_stories([other, note]) == [[0, 1]]
