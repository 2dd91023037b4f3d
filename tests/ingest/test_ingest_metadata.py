"""Title and date: headline detection, and a scrape date never beats the article's own."""

from __future__ import annotations

import datetime as dt

import pytest

from quotecheck.ingest import ingest_path, ingest_text
from quotecheck.ingest.metadata import day_dates, looks_like_headline, pick_date

from .helpers import DATA

BODY = "The new barrier at Port Alder held back a storm surge on Sunday night, officials said."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Russia Says It Will Share Flood Data With Neighbours", True),
        ("Putin tells navy to work with French ‘as allies’", True),
        ("Storm surge tests new harbour barrier", True),
        ("Can the barrier survive another winter?", True),
        ("The gates closed at noon, officials said.", False),  # a sentence
        # a title-cased headline ending with "." (some feeds print it so)
        ("Only 24 Percent of the Harbour Fund Comes From Small Donors.", True),
        ("Poll: Coastal Voters Abandon Mayor Over Barrier Costs.", True),
        ("The council approved the barrier plan on Monday.", False),  # sentence case
        ("Port Alder Votes Today. Results Follow Tonight.", False),  # two sentences
        ("World", False),  # one word: a label
        ("Saturday 17 February 2018", False),  # a date line
        ("the council met again", False),  # lower case start
        ("Council meets: what to expect:", False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Storm Surge Tests New Barrier\n\n{BODY}", "Storm Surge Tests New Barrier"),
        (
            f"Connect with us\n\nWorld\n\nStorm surge tests new barrier\n\n{BODY}",
            "Storm surge tests new barrier",
        ),
        (f"Nov. 17, 2015\nStorm surge tests new barrier\n{BODY}", "Storm surge tests new barrier"),
        (f"{BODY}\n\nMore text follows here in a second paragraph.", None),
    ],
)
def test_title_is_the_first_substantial_headline_like_line(text: str, title: str | None) -> None:
    assert ingest_text(text).title == title


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Saturday 17 February 2018", [dt.date(2018, 2, 17)]),
        ("Published Nov. 17, 2015 at 10:32", [dt.date(2015, 11, 17)]),
        ("2015-11-17T10:00", [dt.date(2015, 11, 17)]),
        ("November 17, 2015 and 3rd of March 2016", [dt.date(2015, 11, 17), dt.date(2016, 3, 3)]),
        ("Sept. 30, 2015", [dt.date(2015, 9, 30)]),
        ("on Nov. 5 and in 2015", []),  # no full date
        ("February 30, 2015", []),  # not a date
    ],
)
def test_day_dates(line: str, dates: list[dt.date]) -> None:
    assert [d.date for d in day_dates(line)] == dates


@pytest.mark.parametrize(
    ("text", "date", "ignored"),
    [
        # a byline date under the headline: the article's own date
        (f"Storm surge tests barrier\nNov. 17, 2015\n\n{BODY}", dt.date(2015, 11, 17), False),
        (f"Storm surge tests barrier\n\n2015-11-17\n\n{BODY}", dt.date(2015, 11, 17), False),
        # a dateline at the start of the first paragraph
        (
            f"Storm surge tests barrier\n\nPORT ALDER, Nov. 17, 2015 - {BODY}",
            dt.date(2015, 11, 17),
            False,
        ),
        # a date banner above the headline with nothing to back it: the scrape date
        (f"Tuesday 6 March 2018\n\nStorm surge tests barrier\n\n{BODY}", None, True),
        # ... backed by a body date from the same year: kept
        (
            f"Tuesday 6 March 2018\n\nStorm surge tests barrier\n\n{BODY} The plan dates from Jan. 9, 2018.",
            dt.date(2018, 3, 6),
            False,
        ),
        # a 2018 date at the top of a 2015 story: the body's 2015 date wins
        (
            f"Storm surge tests barrier\nSaturday 17 February 2018\n\n{BODY} Work began on Nov. 5, 2015.",
            dt.date(2015, 11, 5),
            True,
        ),
        # ... and when the only 2015 evidence is a copyright line: no date at all
        (
            f"Storm surge tests barrier\nSaturday 17 February 2018\n\n{BODY}\n\n© 2015 Press Association",
            None,
            True,
        ),
        # a later copyright year (the site's) does not contradict
        (
            f"Storm surge tests barrier\nNov. 17, 2015\n\n{BODY}\n\nCopyright 2021 Lakeshore Radio.",
            dt.date(2015, 11, 17),
            False,
        ),
        # a historical date in a story that also gives its own year does not contradict
        (
            f"Storm surge tests barrier\nMarch 6, 2018\n\n{BODY} The first wall was built in May 1953 and rebuilt on March 1, 2018.",
            dt.date(2018, 3, 6),
            False,
        ),
        # no date anywhere near the top: None (event dates in the body are not publication dates)
        (
            f"Storm surge tests barrier\n\n{BODY}\n\nThe plan was agreed on Nov. 5, 2015.",
            None,
            False,
        ),
    ],
)
def test_date(text: str, date: dt.date | None, ignored: bool) -> None:
    ing = ingest_text(text, source="story.txt")
    assert ing.date == date
    codes = [d.code for d in ing.diagnostics]
    assert ("QC-W104" in codes) is ignored
    if ignored:
        message = next(d.message for d in ing.diagnostics if d.code == "QC-W104")
        assert message.startswith("page-date-ignored:")


def test_page_metadata_date_yields_to_the_article_and_to_evidence() -> None:
    lines = ["Storm surge tests barrier", BODY]
    assert pick_date(lines, page_date=dt.date(2018, 2, 17))[0] == dt.date(2018, 2, 17)
    date, note = pick_date([*lines, "It opened on Nov. 5, 2015."], page_date=dt.date(2018, 2, 17))
    assert date == dt.date(2015, 11, 5)
    assert note and "2018-02-17" in note
    date, note = pick_date(
        ["Storm surge tests barrier", "Nov. 17, 2015", BODY], page_date=dt.date(2018, 2, 17)
    )
    assert date == dt.date(2015, 11, 17)
    assert note and "page metadata date" in note


def test_the_page_banner_fixture() -> None:
    ing = ingest_path(DATA / "page_banner.txt")
    assert ing.title == "Storm surge tests new harbour barrier"
    assert ing.date is None
    assert "QC-W104" in [d.code for d in ing.diagnostics]
    assert "(PA)" not in ing.text  # the caption printed twice
