"""HTML through trafilatura, with every offset mapping back into the HTML source."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from quotecheck.errors import MissingDependencyError
from quotecheck.ingest import ingest_bytes, ingest_path
from quotecheck.ingest.webpage import visible_text
from quotecheck.models import map_offset

from .helpers import DATA, assert_valid_map, find_mapped, identity_segments

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("trafilatura")


def test_paragraphs_map_back_into_the_html_source() -> None:
    ing = ingest_path(DATA / "harbour.html")
    assert ing.original == (DATA / "harbour.html").read_text(encoding="utf-8")
    assert ing.title == "Harbour pact signed after weeks of talks"
    assert "Not article text" not in ing.text  # the script
    assert "Home" not in ing.text  # the navigation
    assert "2024" not in ing.text  # the footer
    assert_valid_map(ing)
    # plain words map to the same characters of the source
    assert find_mapped(ing, "said harbour master") == "said harbour master"
    # an entity maps to the entity; a span across it covers it
    assert find_mapped(ing, "“northern corridor”") == "&ldquo;northern corridor&rdquo;"
    assert find_mapped(ing, "levels & pay") == "levels &amp; pay"
    # whitespace collapsed by the extractor maps to the source whitespace (a line break)
    assert find_mapped(ing, "dispute that") == "dispute\nthat"
    # inline tags are covered by the span
    assert find_mapped(ing, "the deal but") == "the <b>deal</b> but"
    # every identity segment is real source text
    for cs, ce, os_, oe in identity_segments(ing):
        assert ing.original[os_:oe] == ing.text[cs:ce]
    assert ing.diagnostics[0].code == "QC-W104"  # metadata date yields to the byline


def test_the_byline_date_wins_over_the_page_metadata_date() -> None:
    ing = ingest_path(DATA / "harbour.html")
    assert ing.date == dt.date(2019, 3, 3)


def test_metadata_date_is_used_when_the_article_prints_none() -> None:
    html = (DATA / "harbour.html").read_text(encoding="utf-8")
    html = html.replace('<p class="byline">By Ana Pereira, March 3, 2019</p>', "")
    ing = ingest_bytes(html.encode(), source="page.html", suffix=".html")
    assert ing.date == dt.date(2019, 4, 2)


def test_a_scrape_date_on_an_older_story_is_ignored() -> None:
    html = """<html><head><meta property="article:published_time" content="2018-02-17"></head>
    <body><article><h1>Barrier plan approved</h1>
    <p>The harbour council approved the barrier plan on Nov. 5, 2015, after a long debate
    about the cost of the work and the timetable for the contractors.</p>
    <p>"It is the right decision for the town," the mayor said after the vote on Thursday.</p>
    </article></body></html>"""
    ing = ingest_bytes(html.encode(), source="old.html", suffix=".html")
    assert ing.date == dt.date(2015, 11, 5)
    assert "QC-W104" in [d.code for d in ing.diagnostics]


def test_a_paragraph_the_source_does_not_contain_maps_to_the_nearest_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import quotecheck.ingest.webpage as webpage

    real = webpage._block_texts

    def altered(body: object) -> list[str]:
        texts = real(body)
        return [texts[0], "A paragraph the extractor invented.", *texts[1:]]

    monkeypatch.setattr(webpage, "_block_texts", altered)
    ing = ingest_path(DATA / "harbour.html")
    assert "A paragraph the extractor invented." in ing.text
    assert "QC-W105" in [d.code for d in ing.diagnostics]
    assert_valid_map(ing, max_repair=100)  # the invented paragraph is one unmapped segment
    start = ing.text.index("A paragraph the extractor")
    headline_end = ing.original.index("Harbour pact signed after weeks of talks</h1>") + 40
    assert map_offset(ing.segments, start, "start") == headline_end


def test_visible_text_skips_markup_and_unescapes_entities() -> None:
    source = '<p title="x">A &amp; B<!-- note --><script>var a="<b>";</script> &#8220;C&#x201d;</p>'
    vis = visible_text(source)
    assert vis.text == "A & B “C”"
    amp = vis.text.index("&")
    assert source[vis.starts[amp] : vis.ends[amp]] == "&amp;"


def test_missing_trafilatura_raises_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import fail
    with pytest.raises(MissingDependencyError) as info:
        ingest_bytes(b"<html><body><p>Hi there</p></body></html>", source="a.html", suffix=".html")
    assert "pip install 'quotecheck[html]'" in str(info.value)
    assert info.value.module == "trafilatura"


def test_importing_ingest_does_not_import_trafilatura() -> None:
    code = (
        "import sys, quotecheck.ingest, quotecheck.ingest.pipeline; "
        "from quotecheck.ingest import ingest_text; "
        "ingest_text('A Headline Here\\n\\nSome text, officials said.'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'lxml', 'justext')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
