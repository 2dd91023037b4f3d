"""Report writers, one module per format. :data:`FORMATS` maps a name to a writer
``(report, *, color) -> str``; ``extract`` output uses the ``json``/``jsonl``/``text`` ones."""

from __future__ import annotations

from collections.abc import Callable

from quotecheck.report.github import render_github
from quotecheck.report.html_report import render_html
from quotecheck.report.json_report import render_json, render_jsonl
from quotecheck.report.junit import render_junit
from quotecheck.report.sarif import render_sarif
from quotecheck.report.text_report import render_text

__all__ = [
    "FORMATS",
    "Writer",
    "render_github",
    "render_html",
    "render_json",
    "render_jsonl",
    "render_junit",
    "render_sarif",
    "render_text",
]

Writer = Callable[..., str]

FORMATS: dict[str, Writer] = {
    "text": render_text,
    "json": render_json,
    "jsonl": render_jsonl,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
    "html": render_html,
}
