"""JSON and JSON Lines output: the documented schema (docs/schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from quotecheck.models import Article, Report

__all__ = ["article_dict", "iter_json", "iter_jsonl", "render_json", "render_jsonl", "report_dict"]

_ARTICLE_EXCLUDE = {"text", "segments", "original_length"}


def article_dict(article: Article) -> dict[str, Any]:
    """An article for output: metadata, quotes, figures, diagnostics (not the text)."""
    return article.model_dump(mode="json", exclude=_ARTICLE_EXCLUDE)


def report_dict(report: Report, *, findings: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema_version": report.schema_version,
        "articles": [article_dict(a) for a in report.articles],
    }
    if findings:
        out["findings"] = [f.model_dump(mode="json") for f in report.findings]
        out["corroboration"] = [c.model_dump(mode="json") for c in report.corroboration]
    out["errors"] = [e.model_dump(mode="json") for e in report.errors]
    return out


def render_json(report: Report, *, findings: bool = True, **_: Any) -> str:
    return "".join(iter_json(report, findings=findings))


def iter_json(report: Report, *, findings: bool = True, **_: Any) -> Iterator[str]:
    """:func:`render_json` a piece at a time: each article, finding and error is turned
    into JSON on its own, so writing a large report never holds all of it as Python
    objects (a 10,000-article report is hundreds of megabytes of JSON). The pieces join
    to exactly what ``json.dumps(report_dict(report), indent=2)`` writes."""
    yield '{\n  "schema_version": ' + json.dumps(report.schema_version, ensure_ascii=False)
    yield from _members("articles", (article_dict(a) for a in report.articles))
    if findings:
        yield from _members("findings", (f.model_dump(mode="json") for f in report.findings))
        yield from _members(
            "corroboration", (c.model_dump(mode="json") for c in report.corroboration)
        )
    yield from _members("errors", (e.model_dump(mode="json") for e in report.errors))
    yield "\n}\n"


def _members(key: str, items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The ``"key": [...]`` member of the top-level object, as ``json.dumps(...,
    indent=2)`` writes it: each item two levels deep (JSON strings hold no raw line
    break, so indenting every line of the item's own dump is exact)."""
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield (f',\n  "{key}": [\n    ' if first else ",\n    ") + body
        first = False
    yield f',\n  "{key}": []' if first else "\n  ]"


def render_jsonl(report: Report, *, findings: bool = True, **_: Any) -> str:
    """One JSON object per line: articles, then findings, then errors, each with ``type``."""
    return "".join(iter_jsonl(report, findings=findings))


def iter_jsonl(report: Report, *, findings: bool = True, **_: Any) -> Iterator[str]:
    """:func:`render_jsonl` one line at a time."""
    for a in report.articles:
        yield json.dumps({"type": "article", **article_dict(a)}, ensure_ascii=False) + "\n"
    if findings:
        for f in report.findings:
            yield json.dumps({"type": "finding", **f.model_dump(mode="json")}, ensure_ascii=False)
            yield "\n"
    for e in report.errors:
        yield json.dumps({"type": "error", **e.model_dump(mode="json")}, ensure_ascii=False) + "\n"
