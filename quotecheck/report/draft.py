"""Draft mode output (``check --draft``): text, JSON and HTML.

Text: one line per draft quote with its verdict, where it was found and the word
changes, then the description and figure findings involving the draft, then the
summary. JSON::

    {"schema_version", "mode": "draft", "draft": {article without its text},
     "sources": [source, ...], "summary": {"verified": n, ...},
     "verdicts": [DraftVerdict, ...], "findings": [Finding, ...], "errors": [...]}
"""

from __future__ import annotations

import json
from typing import Any

from quotecheck.models import DraftReport
from quotecheck.report.json_report import article_dict
from quotecheck.report.locate import Locator
from quotecheck.report.style import paint, plural, shorten
from quotecheck.report.text_report import failure_lines, finding_lines

__all__ = [
    "DRAFT_FORMATS",
    "draft_dict",
    "render_draft_html",
    "render_draft_json",
    "render_draft_text",
]

_VERDICT_STYLE = {
    "verified": "dim",
    "variant": "info",
    "attributed-elsewhere": "error",
    "not-found": "warning",
}


def render_draft_text(report: DraftReport, *, color: bool = False, **_: Any) -> str:
    where = Locator()
    draft = report.draft
    out = [
        paint(f"Draft {draft.source}" + (f" — {draft.title}" if draft.title else ""), "bold", color)
    ]
    out.append(f"checked against {plural(len(report.sources), 'source')}")
    out.append("")
    for v in report.verdicts:
        q = v.quote
        label = paint(f"{v.verdict.upper():<20}", _VERDICT_STYLE[v.verdict], color)
        sev = paint(f"{(v.severity or '').upper():<7}", v.severity or "dim", color)
        at = where.where(draft.source, q.start, q.end)
        out.append(f"{label} {sev} {at} {v.speaker or '?'}: “{shorten(q.text, 70)}”")
        for ev in v.where:
            out.append(f"    {where.where(ev.source, ev.start, ev.end)} “{shorten(ev.text, 70)}”")
        if v.verdict == "attributed-elsewhere":
            out.append(f"    sources give it to: {', '.join(v.source_speakers)}")
        if v.diff:
            out.append(f"    changes (source -> draft): {'; '.join(v.diff)}")
    if report.findings:
        out.append("")
        out.append(paint(f"Findings involving the draft ({len(report.findings)})", "bold", color))
        for f in report.findings:
            out += finding_lines(f, color, where)
    out += failure_lines(report.errors, color)
    out.append("")
    counts = ", ".join(f"{n} {verdict}" for verdict, n in report.summary.items())
    out.append(
        f"{plural(len(report.verdicts), 'quote')}: {counts}; "
        f"{plural(len(report.findings), 'finding')}"
    )
    return "\n".join(out) + "\n"


def draft_dict(report: DraftReport) -> dict[str, Any]:
    return {
        "schema_version": report.schema_version,
        "mode": "draft",
        "draft": article_dict(report.draft),
        "sources": [a.source for a in report.sources],
        "summary": dict(report.summary),
        "verdicts": [v.model_dump(mode="json") for v in report.verdicts],
        "findings": [f.model_dump(mode="json") for f in report.findings],
        "errors": [e.model_dump(mode="json") for e in report.errors],
    }


def render_draft_json(report: DraftReport, **_: Any) -> str:
    return json.dumps(draft_dict(report), ensure_ascii=False, indent=2) + "\n"


def render_draft_html(report: DraftReport, **kwargs: Any) -> str:
    """The HTML page (:mod:`quotecheck.report.draft_html`, imported on first use)."""
    from quotecheck.report.draft_html import render_draft_html as render

    return render(report, **kwargs)


DRAFT_FORMATS = {"text": render_draft_text, "json": render_draft_json, "html": render_draft_html}
"""The formats ``check --draft`` writes."""
