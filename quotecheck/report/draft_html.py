"""Draft mode as one self-contained HTML page (``check --draft ... --format html``).

Editors look rather than read: the draft's text comes first with every quote
highlighted by its verdict (verified green, a variant by its severity,
attributed elsewhere red, not found amber), each highlight carrying the verdict and
its message in its tooltip. A card per quote follows, linked to its highlight: the verdict, where the words
are in the sources (``file:line:col``), the word changes (source against draft), and
then the description and figure findings that involve the draft. Same page rules as
the check report (:mod:`quotecheck.report.html_report`): no script, no external
resource, everything escaped.
"""

from __future__ import annotations

from typing import Any

from quotecheck.models import DraftReport, DraftVerdict, Quote
from quotecheck.report.html_report import (
    anchor,
    article_text_html,
    escape,
    finding_html,
    page,
    word_diff_html,
)
from quotecheck.report.locate import Locator
from quotecheck.report.style import plural

__all__ = ["render_draft_html"]

VERDICT_COLORS = {
    "verified": "#c8f2c2",
    "variant-info": "#d6ecff",
    "variant-warning": "#ffe08a",
    "variant-error": "#ffb3ad",
    "attributed-elsewhere": "#ffb3ad",
    "not-found": "#ffd3ad",
}
"""Highlight colour per verdict (a variant by its severity)."""

_LABELS = {
    "verified": "verified",
    "variant-info": "variant (wording)",
    "variant-warning": "variant (content words)",
    "variant-error": "variant (meaning changed)",
    "attributed-elsewhere": "attributed elsewhere",
    "not-found": "not found",
}

_CSS = "\n".join(
    [
        *(
            f"mark.v-{key}, .legend .v-{key}, .verdict.v-{key} .vlabel {{ background: {color}; }}"
            for key, color in VERDICT_COLORS.items()
        ),
        "mark.v-none { background: transparent; border-bottom: 1px dotted #999; }",
        ".verdict { background: #fff; border: 1px solid #d8dce3; border-radius: 6px;"
        " padding: 8px 14px; margin: 8px 0; }",
        ".vlabel { font-weight: 700; padding: 1px 6px; border-radius: 3px; }",
        ".verdict table.ev th:first-child { width: 40%; }",
        ".verdict table.ev th:nth-child(2) { width: auto; }",
        ".draft-text { background: #fff; border: 1px solid #d8dce3; border-radius: 6px;"
        " padding: 10px 16px; margin: 14px 0; }",
    ]
)


def _key(v: DraftVerdict) -> str:
    return f"variant-{v.severity or 'info'}" if v.verdict == "variant" else v.verdict


def _verdict_card(v: DraftVerdict, draft_source: str, where: Locator) -> str:
    q = v.quote
    at = where.where(draft_source, q.start, q.end)
    back = f'<a href="#{anchor(0, q.start)}">{escape(at)}</a>'
    sev = (
        f'<span class="sev {escape(v.severity)}">{escape(v.severity)}</span> ' if v.severity else ""
    )
    parts = [
        f'<div class="verdict v-{_key(v)}" id="v-{q.start}">',
        f'<span class="vlabel">{escape(v.verdict)}</span> {sev}'
        f'<span class="src">{back}</span> · {escape(v.speaker or "unattributed")}',
        f'<p class="msg">{escape(v.message)}</p>',
    ]
    if v.where:
        rows = "".join(
            f'<tr><td class="src">{escape(where.where(ev.source, ev.start, ev.end))}</td>'
            f"<td>“{escape(' '.join(ev.text.split()))}”</td></tr>"
            for ev in v.where
        )
        parts.append(f'<table class="ev"><tr><th>source</th><th>words</th></tr>{rows}</table>')
    if v.verdict == "variant" and v.where:
        left, right = word_diff_html(v.where[0].text, q.text)
        parts.append(
            '<div class="diff">'
            f"<div><h4>{escape(v.where[0].source)} (source)</h4>{left}</div>"
            f"<div><h4>{escape(draft_source)} (draft)</h4>{right}</div>"
            "</div>"
        )
    if v.source_speakers:
        parts.append(
            f'<p class="role">sources give it to: {escape(", ".join(v.source_speakers))}</p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def render_draft_html(report: DraftReport, *, title: str | None = None, **_: Any) -> str:
    draft = report.draft
    where = Locator()
    by_start = {v.quote.start: v for v in report.verdicts}

    def style(q: Quote) -> tuple[str, str]:
        v = by_start.get(q.start)
        if v is None:
            return "v-none", f"{q.kind}: not checked"
        return f"v-{_key(v)}", f"{_LABELS[_key(v)]}: {v.message}"

    targets = frozenset(
        e.start for f in report.findings for e in f.evidence if e.source == draft.source
    )
    heading = title or f"Draft {draft.source}"
    counts = " · ".join(f"{n} {verdict}" for verdict, n in report.summary.items())
    legend = "".join(
        f'<span class="v-{key}">{escape(label)}</span>' for key, label in _LABELS.items()
    )
    body = [
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        f"<p>{escape(draft.title + ' — ' if draft.title else '')}checked against "
        f"{plural(len(report.sources), 'source')}: {escape(counts)} · "
        f"{plural(len(report.findings), 'finding')}</p>",
        "</header>",
        "<main>",
        f'<div class="legend">{legend}</div>',
        f'<section class="draft-text"><div class="text">'
        f"{article_text_html(draft, style, 0, targets)}</div></section>",
    ]
    if report.errors:
        body.append('<h2>Sources that could not be read</h2><ul class="errors">')
        body += [
            f'<li><span class="src">{escape(e.source)}</span> {escape(e.code)}: '
            f"{escape(e.message)}</li>"
            for e in report.errors
        ]
        body.append("</ul>")
    body.append(f'<h2 id="verdicts">Quotes ({len(report.verdicts)})</h2>')
    body += [_verdict_card(v, draft.source, where) for v in report.verdicts]
    body.append(f'<h2 id="findings">Findings involving the draft ({len(report.findings)})</h2>')
    if not report.findings:
        body.append('<p class="none">No description or figure conflicts.</p>')
    body += [finding_html(f, {draft.source: 0}, where) for f in report.findings]
    body.append("</main>")
    return page(heading, body, _CSS)
