"""JSON and JSON Lines output: the documented schema (docs/schema.json)."""

from __future__ import annotations

import json
from typing import Any

from quotecheck.models import Article, Report

__all__ = ["article_dict", "render_json", "render_jsonl", "report_dict"]

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
    return json.dumps(report_dict(report, findings=findings), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(report: Report, *, findings: bool = True, **_: Any) -> str:
    """One JSON object per line: articles, then findings, then errors, each with ``type``."""
    lines = [
        json.dumps({"type": "article", **article_dict(a)}, ensure_ascii=False)
        for a in report.articles
    ]
    if findings:
        lines += [
            json.dumps({"type": "finding", **f.model_dump(mode="json")}, ensure_ascii=False)
            for f in report.findings
        ]
    lines += [
        json.dumps({"type": "error", **e.model_dump(mode="json")}, ensure_ascii=False)
        for e in report.errors
    ]
    return "\n".join(lines) + ("\n" if lines else "")
