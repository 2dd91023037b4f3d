"""Boilerplate removal: each kind of page furniture goes, article sentences stay."""

from __future__ import annotations

import pytest

from quotecheck.errors import ConfigError
from quotecheck.ingest import ingest_path, ingest_text
from quotecheck.ingest.boilerplate import default_rules, find_boilerplate, parse_rules

from .helpers import DATA, assert_valid_map

TITLE = "Harbour Towns Agree To Share Flood Barrier Costs"
BODY = [
    "The mayors of Port Alder and Wenbury signed the agreement on Monday after a decade of talks.",
    '"Today we stopped arguing and started paying for it," Mayor Ines Okafor said.',
    "Councillor Dev Rana called the formula fair and said the work would start in spring.",
]


def article(head: list[str], middle: list[str], tail: list[str]) -> str:
    lines = [*head, TITLE, "", BODY[0], *middle, "", BODY[1], "", BODY[2], "", *tail]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("head", "Connect with us"),
        ("head", "Hi, what are you looking for?"),
        ("head", "Play Live Radio"),
        ("head", "Next Up:"),
        ("head", "0:00 0:00"),
        ("head", "Available On Air Stations"),
        ("head", "© 2025 Lakeshore Community Radio"),
        ("head", "World"),
        ("head", "News World News"),
        ("head", "NPR in Lakeshore"),
        ("head", "Search this site"),
        ("head", "Up Next:"),
        ("head", "00:00 / 00:00"),
        ("head", "On-Air Stations"),
        ("head", "Home » World » Harbours"),
        ("head", "Lakeshore Radio | News for the Lakes"),
        ("head", "THE LAKESHORE COURIER"),
        ("head", "LOCAL NEWS"),
        ("middle", "Subscribe | e-Edition | Obituaries | Classifieds"),
        ("middle", "Advertisement"),
        ("middle", "AFP"),
        ("middle", "Press Association"),
        ("middle", "Reuters"),
        ("middle", "Promoted Links"),
        ("middle", "Editors Choice"),
        ("middle", "Also in World News"),
        ("middle", "Written By"),
        ("middle", "-"),
        ("middle", "Before it's here, it's on the Bloomberg Terminal. LEARN MORE"),
        ("tail", "Copyright 2021 NPR. To see more, visit https://www.npr.org."),
        ("tail", "© 2015 Press Association. All rights reserved."),
        ("tail", "Your donation keeps local reporting free for everyone who needs it."),
        ("tail", "Jonah Whitfield is a reporter and producer on the Coastal Desk."),
        ("tail", "Priya Nandakumar is NPR's Great Lakes correspondent based in Duluth, Minn."),
        ("tail", "WLKR serves the Lakeshore region with breaking news and local reporting."),
        ("tail", "With 1,700 journalists in 150 countries, AFP covers the world every day."),
        ("tail", "Morning headlines, straight to your inbox every day."),
        ("tail", "Jonah Whitfield covers transport for the Courier. Reach him at jw@example.org."),
        ("tail", "Lakeshore Radio is listener-supported and serves the whole region."),
        ("tail", "Your gift keeps local reporting free. Donate today."),
        ("tail", "Source: agencies"),
        ("tail", "Related: Ferry strike: what we know so far"),
        ("tail", "Get the morning harbour briefing before the first ferry. SUBSCRIBE"),
    ],
)
def test_each_kind_of_furniture_is_removed(where: str, line: str) -> None:
    text = article(
        [line] if where == "head" else [],
        [line] if where == "middle" else [],
        [line] if where == "tail" else [],
    )
    ing = ingest_text(text, source="story.txt")
    assert line not in ing.text.split("\n")
    for sentence in (TITLE, *BODY):
        assert sentence in ing.text
    assert [d.code for d in ing.diagnostics] == ["QC-W103"]
    assert_valid_map(ing)


@pytest.mark.parametrize(
    "line",
    [
        # article sentences that share words with furniture patterns
        '"Your donation will save lives," the charity\'s director told reporters.',
        "Donated blood supplies ran low across the region last week, the health board said.",
        "World leaders met in Geneva on Tuesday to discuss the barrier.",
        "Copyright lawyers for the port said the design had been copied.",
        '"Connect with us and you will see the difference," Okafor told residents.',
        "The AFP news agency reported that talks resumed on Friday.",
        "Jones is a reporter who covered the flood, the council said.",
        '"Play it safe," the harbour master said. "Stay away from the sea wall."',
        "Okafor covers the cost for the town this year, the council said.",
        "Readers can subscribe to the council's flood alerts by text message, officials said.",
        "The slogan « Never again » was painted on the sea wall overnight.",
    ],
)
def test_article_sentences_survive(line: str) -> None:
    text = article([], [line], [])
    assert line in ingest_text(text).text


def test_a_quoted_line_at_the_end_survives_even_when_it_reads_like_a_bio() -> None:
    last = '"Dev Rana is a reporter at heart," said the mayor, "he never stops asking."'
    assert last in ingest_text(article([], [], [last])).text


def test_bio_mid_article_is_kept_but_at_the_end_removed() -> None:
    bio = "Jonah Whitfield is a reporter and producer on the Coastal Desk."
    assert bio in ingest_text(article([], [bio], [])).text
    assert bio not in ingest_text(article([], [], [bio])).text


def test_section_label_is_only_removed_at_the_top() -> None:
    middle = ingest_text(article([], ["Politics"], []))
    top = ingest_text(article(["Politics"], [], []))
    assert "Politics" in middle.text.split("\n")
    assert "Politics" not in top.text.split("\n")


def test_trailing_teaser_block_after_you_may_also_like() -> None:
    teasers = [
        "You may also like:",
        "",
        "Life",
        "",
        "A ferry captain retires after forty winters.",
        "",
        "Inside the town that moved its harbour inland...",
    ]
    ing = ingest_text(article([], [], teasers))
    assert ing.text.rstrip().endswith(BODY[2])


def test_marker_mid_article_removes_only_itself() -> None:
    long_para = "The work will be carried out in three phases. " * 6
    text = article([], ["You may also like:", "", long_para.strip()], [])
    ing = ingest_text(text)
    assert "You may also like" not in ing.text
    assert long_para.strip() in ing.text
    assert BODY[2] in ing.text


@pytest.mark.parametrize(
    ("caption", "both_removed"),
    [
        ("Floodwater reaches the barrier at Port Alder (PA)", True),
        ("Photo: the barrier at Port Alder during the storm", True),
        ("The gates held.", False),
    ],
)
def test_a_caption_printed_twice(caption: str, both_removed: bool) -> None:
    ing = ingest_text(article([], [caption, caption], []))
    lines = ing.text.split("\n")
    assert lines.count(caption) == (0 if both_removed else 1)


def test_the_fixture_article_loses_all_its_furniture() -> None:
    ing = ingest_path(DATA / "radio_station.txt")
    assert ing.text.startswith("Harbour Towns Agree To Share Flood Barrier Costs\n\n")
    assert ing.text.endswith('"That is usually the sign of a decent deal."')
    for gone in ("Play Live Radio", "Copyright 2021", "is NPR's", "donation", "WLKR"):
        assert gone not in ing.text
    assert ing.diagnostics[0].code == "QC-W103"
    assert "removed 11 line(s)" in ing.diagnostics[0].message
    assert_valid_map(ing)


def test_rules_are_data_and_load_from_the_package() -> None:
    rules = default_rules()
    assert len(rules) > 20
    assert {r.where for r in rules} == {"any", "head", "tail", "block"}


def test_newsroom_rules_extend_the_defaults() -> None:
    extra = parse_rules("@head Lakeshore Ledger — since 1904\n# a comment\n\n(?i)tip us off")
    lines = ["Lakeshore Ledger — since 1904", TITLE, "Tip us off", BODY[0]]
    found = find_boilerplate(lines, (*default_rules(), *extra))
    assert found.removed == {0, 2}


def test_a_bad_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="line 2: invalid boilerplate pattern"):
        parse_rules("ok\n(unclosed")


def test_a_pattern_that_times_out_keeps_the_line() -> None:
    slow = parse_rules(r"(?:a|aa)+b")  # exponential on a long run of 'a'
    line = "a" * 60
    found = find_boilerplate([line], slow, timeout=0.001)
    assert found.removed == set()
    assert found.timed_out == {0}


def test_an_all_caps_masthead_is_not_the_title() -> None:
    ing = ingest_text(f"THE LAKESHORE COURIER\n\n{TITLE}\n\n{BODY[0]}")
    assert ing.title == TITLE


def test_shipped_rules_skip_the_timeout_only_on_short_lines() -> None:
    from quotecheck.ingest.boilerplate import _default_matchers, _matchers

    shipped = _default_matchers()["any"]
    custom = _matchers(parse_rules(r"(?:a|aa)+b"))["any"]
    assert shipped.untimed_upto == 1_000 and custom.untimed_upto == 0
    # a separator line is boilerplate whether or not it is short enough to skip the timeout
    for n in (10, 5_000):
        line = "—" * n
        assert shipped.match(line, 1.0, lambda: None)
    # a custom rule is still cut off by its timeout (it would run for hours)
    timed_out: list[int] = []
    assert not custom.match("a" * 60, 0.001, lambda: timed_out.append(1))
    assert timed_out == [1]
