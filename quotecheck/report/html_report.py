"""One self-contained HTML file: findings with evidence and word diffs, and every
article's canonical text with its quotes highlighted and coloured by speaker.

No external resources and no JavaScript: inline CSS only, and a
Content-Security-Policy meta that forbids everything else. Every string taken
from an article (text, quotes, names, sources, messages) goes through
:func:`html.escape`.
"""

from __future__ import annotations

import difflib
import html
from collections import defaultdict
from typing import Any

from quotecheck.models import Article, Evidence, Finding, Report

__all__ = ["PALETTE", "render_html", "speaker_classes", "word_diff_html"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

PALETTE = (
    "#ffe08a",
    "#b5e3ff",
    "#c8f2c2",
    "#ffc9de",
    "#dccbff",
    "#ffd3ad",
    "#b9f0ea",
    "#f2e6a2",
    "#d9d9ff",
    "#f7c6c6",
    "#cde8b0",
    "#e6d3c3",
)
"""Highlight colours, given to speakers in the order of their sorted names."""

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
  color: #1d2330; background: #f6f7f9; }
header { background: #1d2330; color: #fff; padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #c9d1e0; }
main { padding: 8px 28px 40px; max-width: 1180px; }
h2 { margin: 28px 0 10px; font-size: 19px; }
.counts span { display: inline-block; margin-right: 10px; }
.finding { background: #fff; border: 1px solid #d8dce3; border-left: 6px solid #888;
  border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
.finding.error { border-left-color: #c62828; }
.finding.warning { border-left-color: #e0a000; }
.finding.info { border-left-color: #1e88e5; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 12px; padding: 1px 6px;
  border-radius: 3px; color: #fff; background: #888; }
.sev.error { background: #c62828; } .sev.warning { background: #b07a00; } .sev.info { background: #1e6fc0; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; margin: 0 6px; }
.kind { color: #5a6272; }
.msg { margin: 6px 0; }
table.ev { border-collapse: collapse; width: 100%; font-size: 14px; table-layout: fixed; }
table.ev th:first-child { width: 34%; } table.ev th:nth-child(2) { width: 9%; }
table.ev td, table.ev th { border-top: 1px solid #eceef2; padding: 4px 6px; vertical-align: top; text-align: left; }
table.ev th { color: #5a6272; font-weight: 600; }
.src { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; overflow-wrap: anywhere; }
.role { color: #5a6272; font-size: 13px; }
.diff { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 8px; }
.diff > div { background: #fafbfc; border: 1px solid #e3e6eb; border-radius: 4px; padding: 6px 8px; }
.diff h4 { margin: 0 0 4px; font-size: 12px; color: #5a6272; font-weight: 600; }
del { background: #ffd7d5; color: #8a1010; text-decoration: line-through; }
ins { background: #ccf5d3; color: #0d5a1c; text-decoration: none; font-weight: 600; }
.article { background: #fff; border: 1px solid #d8dce3; border-radius: 6px; padding: 10px 16px; margin: 14px 0; }
.article h3 { margin: 0; font-size: 16px; }
.meta { color: #5a6272; font-size: 13px; margin-bottom: 6px; }
.text { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 15px;
  line-height: 1.6; max-height: none; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.spk-unknown { background: #e2e4e8; }
mark.k-reported { border-bottom: 2px dashed #777; }
mark.k-scare { background: transparent; border-bottom: 1px dotted #999; }
.legend span { display: inline-block; margin: 2px 8px 2px 0; padding: 0 6px; border-radius: 3px; font-size: 13px; }
.errors li { color: #c62828; }
.none { color: #2e7d32; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def speaker_classes(report: Report) -> dict[str, str]:
    """A CSS class per speaker name (``spk-0`` ...), in the order of the sorted names."""
    names = sorted({q.speaker.name for a in report.articles for q in a.quotes if q.speaker})
    return {name: f"spk-{i}" for i, name in enumerate(names)}


def _speaker_css(classes: dict[str, str]) -> str:
    return "\n".join(
        f"mark.{cls}, .legend .{cls} {{ background: {PALETTE[i % len(PALETTE)]}; }}"
        for i, cls in enumerate(classes.values())
    )


def word_diff_html(a: str, b: str) -> tuple[str, str]:
    """Two escaped HTML fragments: ``a`` with removed words in ``<del>``, ``b`` with added ones in ``<ins>``."""
    wa, wb = a.split(), b.split()
    left: list[str] = []
    right: list[str] = []
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        ta, tb = _e(" ".join(wa[i1:i2])), _e(" ".join(wb[j1:j2]))
        if tag == "equal":
            left.append(ta)
            right.append(tb)
            continue
        if i2 > i1:
            left.append(f"<del>{ta}</del>")
        if j2 > j1:
            right.append(f"<ins>{tb}</ins>")
    return " ".join(left), " ".join(right)


_REFERENCE_ROLES = ("majority", "carrier", "agreeing", "reference")


def _diff_pairs(f: Finding) -> list[tuple[Evidence, Evidence]]:
    if len(f.evidence) < 2:
        return []
    ref = next((e for r in _REFERENCE_ROLES for e in f.evidence if e.role == r), f.evidence[0])
    others = [e for e in f.evidence if e is not ref and e.text != ref.text]
    seen: set[str] = set()
    pairs = []
    for o in others:
        if o.text in seen:
            continue
        seen.add(o.text)
        pairs.append((ref, o))
    return pairs


def _finding_html(f: Finding, anchors: dict[str, str]) -> str:
    rows = []
    for ev in f.evidence:
        src = _e(ev.source)
        if ev.source in anchors:
            src = f'<a href="#{anchors[ev.source]}">{src}</a>'
        rows.append(
            f'<tr><td class="src">{src}<br>{ev.start}–{ev.end}</td>'
            f'<td class="role">{_e(ev.role or "")}</td><td>“{_e(" ".join(ev.text.split()))}”</td></tr>'
        )
    parts = [
        f'<div class="finding {_e(f.severity)}" id="f-{_e(f.fingerprint[:12])}">',
        f'<span class="sev {_e(f.severity)}">{_e(f.severity)}</span>'
        f'<span class="code">{_e(f.code)}</span><span class="kind">{_e(f.kind)}</span>',
        f'<p class="msg">{_e(f.message)}</p>',
        '<table class="ev"><tr><th>source</th><th>role</th><th>evidence</th></tr>'
        + "".join(rows)
        + "</table>",
    ]
    if f.code == "QC101" or f.kind == "quote-wording-mismatch":
        for ref, other in _diff_pairs(f):
            left, right = word_diff_html(ref.text, other.text)
            parts.append(
                '<div class="diff">'
                f"<div><h4>{_e(ref.source)} ({_e(ref.role or 'reference')})</h4>{left}</div>"
                f"<div><h4>{_e(other.source)} ({_e(other.role or 'other')})</h4>{right}</div>"
                "</div>"
            )
    diff = f.details.get("diff")
    if isinstance(diff, list) and diff:
        parts.append(f'<p class="role">changes: {_e("; ".join(diff))}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _article_text_html(art: Article, classes: dict[str, str]) -> str:
    text = art.text
    spans = []
    for q in art.quotes:
        cs, ce = art.to_canonical(q.start, q.end)
        cs, ce = max(0, min(cs, len(text))), max(0, min(ce, len(text)))
        if ce > cs:
            spans.append((cs, ce, q))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[str] = []
    cursor = 0
    for cs, ce, q in spans:
        if cs < cursor:  # overlapping quote: the outer one is already marked
            continue
        out.append(_e(text[cursor:cs]))
        who = q.speaker.name if q.speaker else "unattributed"
        if q.speaker and q.speaker.via:
            who += f" via {q.speaker.via}"
        cls = classes.get(q.speaker.name, "spk-unknown") if q.speaker else "spk-unknown"
        out.append(
            f'<mark class="{cls} k-{_e(q.kind)}" title="{_e(who)} — {_e(q.kind)}">{_e(text[cs:ce])}</mark>'
        )
        cursor = ce
    out.append(_e(text[cursor:]))
    return "".join(out)


def _article_html(i: int, art: Article, classes: dict[str, str], nfind: int) -> str:
    meta = [f"{len(art.quotes)} quotes", f"{nfind} findings" if nfind else "no findings"]
    if art.date:
        meta.insert(0, _e(art.date.isoformat()))
    speakers = sorted({q.speaker.name for q in art.quotes if q.speaker})
    legend = "".join(f'<span class="{classes[s]}">{_e(s)}</span>' for s in speakers)
    title = f" — {_e(art.title)}" if art.title else ""
    diags = "".join(f"<li>{_e(d.code)}: {_e(d.message)}</li>" for d in art.diagnostics)
    return "\n".join(
        [
            f'<section class="article" id="article-{i}">',
            f'<h3><span class="src">{_e(art.source)}</span>{title}</h3>',
            f'<div class="meta">{" · ".join(meta)}</div>',
            f'<div class="legend">{legend}</div>' if legend else "",
            f'<ul class="meta">{diags}</ul>' if diags else "",
            f'<div class="text">{_article_text_html(art, classes)}</div>',
            "</section>",
        ]
    )


def render_html(
    report: Report, *, findings: bool = True, title: str = "quotecheck report", **_: Any
) -> str:
    classes = speaker_classes(report)
    anchors = {a.source: f"article-{i}" for i, a in enumerate(report.articles)}
    per_source: dict[str, int] = defaultdict(int)
    for f in report.findings if findings else ():
        for src in {e.source for e in f.evidence}:
            per_source[src] += 1
    counts = {
        s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")
    }
    nquotes = sum(len(a.quotes) for a in report.articles)
    body: list[str] = [
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{len(report.articles)} articles · {nquotes} quotes"
        + (
            f" · {counts['error']} errors · {counts['warning']} warnings · {counts['info']} notes"
            if findings
            else ""
        )
        + "</p>",
        "</header>",
        "<main>",
    ]
    if report.errors:
        body.append('<h2>Inputs that could not be read</h2><ul class="errors">')
        body += [
            f'<li><span class="src">{_e(e.source)}</span> {_e(e.code)}: {_e(e.message)}</li>'
            for e in report.errors
        ]
        body.append("</ul>")
    if findings:
        body.append(f'<h2 id="findings">Findings ({len(report.findings)})</h2>')
        if not report.findings:
            body.append('<p class="none">No discrepancies found.</p>')
        body += [_finding_html(f, anchors) for f in report.findings]
    body.append(f'<h2 id="articles">Articles ({len(report.articles)})</h2>')
    body += [
        _article_html(i, a, classes, per_source.get(a.source, 0))
        for i, a in enumerate(report.articles)
    ]
    body.append("</main>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{_e(title)}</title>",
            f"<style>{_CSS}\n{_speaker_css(classes)}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
