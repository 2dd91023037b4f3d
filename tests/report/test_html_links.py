"""The HTML report is one an editor can act on: every evidence link lands on the quote
(or the words) it cites, a partial quote is compared only with the words it quotes, and
each source's attribution is named. Through the command line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quotecheck.cli import main
from quotecheck.report.html_report import word_diff_html

from .conftest import PLANT


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids[str(a["id"])] = tag
        if tag == "a" and str(a.get("href", "")).startswith("#"):
            self.hrefs.append(str(a["href"])[1:])


def test_every_evidence_link_lands_on_its_quote_or_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    assert main(["check", str(PLANT), "--format", "html", "-o", str(out)]) == 1
    doc = out.read_text(encoding="utf-8")
    parsed = _Ids()
    parsed.feed(doc)
    evidence_links = [h for h in parsed.hrefs if re.fullmatch(r"a\d+-\d+", h)]
    assert evidence_links, "findings link to the article text"
    assert all(h in parsed.ids for h in evidence_links)
    # a quote's evidence jumps to the quote's own highlight, not the top of the article
    assert sum(parsed.ids[h] == "mark" for h in set(evidence_links)) >= 5
    # QC102 rows say whom each source credits
    assert "credits Carla Benedetti" in doc and "credits Thomas Reardon" in doc
    assert 'href="#article-' not in doc


@pytest.mark.parametrize(
    ("whole", "partial", "left", "right"),
    [
        (
            "You must set up direct contact with the French fleet and treat them as allies",
            "as allies",
            '<span class="ctx">You must set up direct contact with the French fleet and '
            "treat them</span> as allies",
            "as allies",
        ),
        (
            "We will keep the terminal open through the winter storms",
            "keep the harbour open",
            '<span class="ctx">We will</span> keep the <del>terminal</del> open '
            '<span class="ctx">through the winter storms</span>',
            "keep the <ins>harbour</ins> open",
        ),
        (
            "It is a sad day, Doe said",
            "it is a sad day; Doe said",
            "It is a sad day, Doe said",
            None,
        ),
    ],
    ids=["partial-quote", "partial-with-change", "punctuation-and-case"],
)
def test_a_partial_quote_is_compared_with_the_words_it_quotes(
    whole: str, partial: str, left: str, right: str | None
) -> None:
    got_left, got_right = word_diff_html(whole, partial)
    assert got_left == left
    assert got_right == (right if right is not None else partial)
    assert "<del>" not in got_left.split("</span>")[0]  # the unquoted words are not struck
