"""Markdown: syntax that would confuse quote detection is stripped, offsets stay exact."""

from __future__ import annotations

import pytest

from quotecheck.ingest import ingest_path, ingest_text
from quotecheck.ingest.markdown import strip_markdown

from .helpers import DATA, assert_valid_map, find_mapped


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("# Harbour pact signed", "Harbour pact signed"),
        ("## Background ##", "Background"),
        ('> "We will share boats," he said.', '"We will share boats," he said.'),
        ("- Patrols start on Dec. 1", "Patrols start on Dec. 1"),
        ("Read the [full text](https://x.org/a.pdf) here.", "Read the full text here."),
        ("![A patrol boat](https://x.org/boat.jpg)", ""),
        ("See [the report][1].", "See the report."),
        ("[1]: https://x.org/report", ""),
        ("---", ""),
        ("```", ""),
        ("The **joint patrols** start *soon*.", "The **joint patrols** start *soon*."),
    ],
)
def test_strip_markdown(line: str, kept: str) -> None:
    (result,) = strip_markdown([line])
    assert "".join(line[a:b] for a, b in result.keep) == kept


def test_markdown_article() -> None:
    ing = ingest_path(DATA / "cooperation.md")
    assert ing.title == "Harbour authorities agree on joint patrols"
    assert ing.date is not None and ing.date.isoformat() == "2015-11-17"
    assert "](" not in ing.text and "![" not in ing.text and "\n>" not in ing.text
    assert "\n\n\n" not in ing.text
    quote = '"We will share boats, crews and radio channels," said harbour master Tomas Lindqvist.'
    assert quote in ing.text
    assert find_mapped(ing, quote) == quote
    assert find_mapped(ing, "full agreement") == "full agreement"
    assert_valid_map(ing)


def test_source_suffix_selects_markdown_for_strings() -> None:
    text = "# A Headline Here\n\nBody text [with a link](https://x.org)."
    assert ingest_text(text, source="a.md").text == "A Headline Here\n\nBody text with a link."
    assert "](" in ingest_text(text, source="a.txt").text
