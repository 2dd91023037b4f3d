"""HTML: self-contained, no script, everything escaped, highlights and diffs."""

from __future__ import annotations

from html.parser import HTMLParser

from quotecheck.models import Report
from quotecheck.report.html_report import CSP, render_html, speaker_classes, word_diff_html

from .conftest import SCRIPT


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def _parse(doc: str) -> _Collect:
    p = _Collect()
    p.feed(doc)
    p.close()
    return p


def test_self_contained_and_script_escaped(small_report: Report) -> None:
    doc = render_html(small_report)
    p = _parse(doc)
    tags = [t for t, _ in p.tags]
    assert "script" not in tags and "<script" not in doc.lower()
    assert "p" not in tags or all(a.get("id") != "pwned" for t, a in p.tags)
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}) in p.tags
    for _tag, attrs in p.tags:
        for name, value in attrs.items():
            assert not name.startswith("on")
            if name in {"src", "href"}:
                assert value is not None and value.startswith("#")
    assert "link" not in tags and "img" not in tags and "iframe" not in tags
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in doc
    assert SCRIPT in "".join(p.data)  # the text reads as written
    assert "&amp; 5 &lt; 6." in doc


def test_highlights_per_speaker(small_report: Report) -> None:
    doc = render_html(small_report)
    p = _parse(doc)
    marks = [a for t, a in p.tags if t == "mark"]
    assert len(marks) == sum(len(a.quotes) for a in small_report.articles)
    classes = speaker_classes(small_report)
    assert set(classes) == {"Jane Doe", "Tom Lee", "Ann Park"}
    jane = [m for m in marks if (m.get("title") or "").startswith("Jane Doe")]
    assert len(jane) == 3
    assert all(classes["Jane Doe"] in (m.get("class") or "").split() for m in jane)
    assert any(
        "spk-unknown" in (m.get("class") or "") for m in marks
    )  # the unattributed note on the library door
    assert any((m.get("title") or "").endswith("— partial") for m in marks)


def test_wording_diff_side_by_side(small_report: Report) -> None:
    doc = render_html(small_report)
    assert '<div class="diff">' in doc
    assert "<del>close</del>" in doc and "<ins>shut</ins>" in doc


def test_word_diff_escapes() -> None:
    left, right = word_diff_html("a <b> c", "a <i> c")
    assert left == "a <del>&lt;b&gt;</del> c"
    assert right == "a <ins>&lt;i&gt;</ins> c"


def test_plant_closure_report(plant_report: Report) -> None:
    doc = render_html(plant_report)
    p = _parse(doc)
    assert sum(
        1 for t, a in p.tags if t == "div" and "finding" in (a.get("class") or "").split()
    ) == len(plant_report.findings)
    assert sum(1 for t, _ in p.tags if t == "section") == len(plant_report.articles)
    assert "<ins>quickly,</ins>" in doc
