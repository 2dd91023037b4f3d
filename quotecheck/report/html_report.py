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
from collections.abc import Callable
from typing import Any

from quotecheck.models import Article, Evidence, Finding, Quote, Report
from quotecheck.report.locate import Locator
from quotecheck.report.style import plural
from quotecheck.report.text_report import credited as _credited

__all__ = [
    "CSP",
    "CSS",
    "PALETTE",
    "MarkStyle",
    "anchor",
    "article_text_html",
    "escape",
    "finding_html",
    "page",
    "render_html",
    "speaker_classes",
    "speaker_style",
    "word_diff_html",
]

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

CSS = """
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
.ctx { color: #8a909c; }
:target { outline: 3px solid #1d2330; outline-offset: 2px; }
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


def escape(text: object) -> str:
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


_PARTIAL = 0.8
"""A wording shorter than this share of the other is diffed against its matching part."""


def _fold(word: str) -> str:
    """A word as compared: case and punctuation do not count as a change."""
    return "".join(ch for ch in word.lower() if ch.isalnum()) or word


def _window(long: list[str], short: list[str]) -> tuple[int, int]:
    """The stretch of ``long`` that ``short`` quotes (first to last matching word)."""
    blocks = [
        b
        for b in difflib.SequenceMatcher(None, long, short, autojunk=False).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        return 0, len(long)
    return blocks[0].a, blocks[-1].a + blocks[-1].size


def _context(words: list[str]) -> str:
    return f'<span class="ctx">{escape(" ".join(words))}</span>' if words else ""


def word_diff_html(a: str, b: str) -> tuple[str, str]:
    """Two escaped HTML fragments: ``a`` with removed words in ``<del>``, ``b`` with added
    ones in ``<ins>``. When one is a partial quote of the other ("as allies" of a whole
    sentence), only the stretch it quotes is compared; the rest of the longer one is shown
    as context, not as removed."""
    wa, wb = a.split(), b.split()
    fa, fb = [_fold(w) for w in wa], [_fold(w) for w in wb]
    a_lo, a_hi, b_lo, b_hi = 0, len(wa), 0, len(wb)
    if len(wb) < _PARTIAL * len(wa):
        a_lo, a_hi = _window(fa, fb)
    elif len(wa) < _PARTIAL * len(wb):
        b_lo, b_hi = _window(fb, fa)
    left: list[str] = [_context(wa[:a_lo])] if a_lo else []
    right: list[str] = [_context(wb[:b_lo])] if b_lo else []
    sm = difflib.SequenceMatcher(None, fa[a_lo:a_hi], fb[b_lo:b_hi], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        ta = escape(" ".join(wa[a_lo + i1 : a_lo + i2]))
        tb = escape(" ".join(wb[b_lo + j1 : b_lo + j2]))
        if tag == "equal":
            left.append(ta)
            right.append(tb)
            continue
        if i2 > i1:
            left.append(f"<del>{ta}</del>")
        if j2 > j1:
            right.append(f"<ins>{tb}</ins>")
    if a_hi < len(wa):
        left.append(_context(wa[a_hi:]))
    if b_hi < len(wb):
        right.append(_context(wb[b_hi:]))
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


def anchor(index: int, start: int) -> str:
    """The id of a place in an article's text: a quote's mark or an evidence span."""
    return f"a{index}-{start}"


def finding_html(f: Finding, anchors: dict[str, int], where: Locator) -> str:
    rows = []
    for ev in f.evidence:
        at = where.where(ev.source, ev.start, ev.end)
        place = escape(at[len(ev.source) + 1 :])
        src = escape(ev.source)
        if ev.source in anchors:
            href = f"#{anchor(anchors[ev.source], ev.start)}"
            src = f'<a href="{href}">{src}</a>'
            place = f'<a href="{href}">{place}</a>'
        who = _credited(f, ev)
        credit = f"<br>credits {escape(who)}" if who else ""
        rows.append(
            f'<tr><td class="src">{src}<br>{place}</td>'
            f'<td class="role">{escape(ev.role or "")}{credit}</td>'
            f"<td>“{escape(' '.join(ev.text.split()))}”</td></tr>"
        )
    parts = [
        f'<div class="finding {escape(f.severity)}" id="f-{escape(f.fingerprint[:12])}">',
        f'<span class="sev {escape(f.severity)}">{escape(f.severity)}</span>'
        f'<span class="code">{escape(f.code)}</span><span class="kind">{escape(f.kind)}</span>',
        f'<p class="msg">{escape(f.message)}</p>',
        '<table class="ev"><tr><th>source</th><th>role</th><th>evidence</th></tr>'
        + "".join(rows)
        + "</table>",
    ]
    if f.code == "QC101" or f.kind == "quote-wording-mismatch":
        for ref, other in _diff_pairs(f):
            left, right = word_diff_html(ref.text, other.text)
            parts.append(
                '<div class="diff">'
                f"<div><h4>{escape(ref.source)} ({escape(ref.role or 'reference')})</h4>{left}</div>"
                f"<div><h4>{escape(other.source)} ({escape(other.role or 'other')})</h4>{right}</div>"
                "</div>"
            )
    diff = f.details.get("diff")
    if isinstance(diff, list) and diff:
        parts.append(f'<p class="role">changes: {escape("; ".join(diff))}</p>')
    parts.append("</div>")
    return "\n".join(parts)


MarkStyle = Callable[[Quote], tuple[str, str]]
"""A quote's highlight: its CSS classes and its tooltip."""


def speaker_style(classes: dict[str, str]) -> MarkStyle:
    """Highlight quotes by speaker (the check report's colours)."""

    def style(q: Quote) -> tuple[str, str]:
        who = q.speaker.name if q.speaker else "unattributed"
        if q.speaker and q.speaker.via:
            who += f" via {q.speaker.via}"
        cls = classes.get(q.speaker.name, "spk-unknown") if q.speaker else "spk-unknown"
        return f"{cls} k-{q.kind}", f"{who} — {q.kind}"

    return style


def article_text_html(
    art: Article, style: MarkStyle, index: int = 0, targets: frozenset[int] = frozenset()
) -> str:
    """The article's text with its quotes marked as ``style`` says (each mark with an id
    a link can jump to) and an anchor at every other evidence span in ``targets``
    (original offsets)."""
    text = art.text
    spans = []
    for q in art.quotes:
        cs, ce = art.to_canonical(q.start, q.end)
        cs, ce = max(0, min(cs, len(text))), max(0, min(ce, len(text)))
        if ce > cs:
            spans.append((cs, ce, q))
    spans.sort(key=lambda s: (s[0], -s[1]))
    marks = []
    end = 0
    for cs, ce, q in spans:
        if cs >= end:  # an overlapping quote: the outer one is already marked
            marks.append((cs, ce, q))
            end = ce
    marked = {q.start for _, _, q in marks}
    points = sorted(
        (min(max(art.to_canonical(t, t)[0], 0), len(text)), t) for t in targets if t not in marked
    )
    k = 0

    def plain(lo: int, hi: int) -> str:
        nonlocal k
        pieces = []
        while k < len(points) and points[k][0] < hi:
            pos, start = points[k]
            if pos > lo:
                pieces.append(escape(text[lo:pos]))
                lo = pos
            pieces.append(f'<a id="{anchor(index, start)}"></a>')
            k += 1
        pieces.append(escape(text[lo:hi]))
        return "".join(pieces)

    out: list[str] = []
    cursor = 0
    for cs, ce, q in marks:
        out.append(plain(cursor, cs))
        cls, title = style(q)
        out.append(
            f'<mark id="{anchor(index, q.start)}" class="{escape(cls)}" '
            f'title="{escape(title)}">{plain(cs, ce)}</mark>'
        )
        cursor = ce
    out.append(plain(cursor, len(text)))
    out += [f'<a id="{anchor(index, start)}"></a>' for _, start in points[k:]]
    return "".join(out)


def _article_html(
    i: int, art: Article, classes: dict[str, str], nfind: int, targets: frozenset[int]
) -> str:
    meta = [plural(len(art.quotes), "quote"), plural(nfind, "finding") if nfind else "no findings"]
    if art.date:
        meta.insert(0, escape(art.date.isoformat()))
    speakers = sorted({q.speaker.name for q in art.quotes if q.speaker})
    legend = "".join(f'<span class="{classes[s]}">{escape(s)}</span>' for s in speakers)
    title = f" — {escape(art.title)}" if art.title else ""
    diags = "".join(f"<li>{escape(d.code)}: {escape(d.message)}</li>" for d in art.diagnostics)
    return "\n".join(
        [
            f'<section class="article" id="article-{i}">',
            f'<h3><span class="src">{escape(art.source)}</span>{title}</h3>',
            f'<div class="meta">{" · ".join(meta)}</div>',
            f'<div class="legend">{legend}</div>' if legend else "",
            f'<ul class="meta">{diags}</ul>' if diags else "",
            f'<div class="text">{article_text_html(art, speaker_style(classes), i, targets)}</div>',
            "</section>",
        ]
    )


def render_html(
    report: Report, *, findings: bool = True, title: str = "quotecheck report", **_: Any
) -> str:
    classes = speaker_classes(report)
    anchors = {a.source: i for i, a in enumerate(report.articles)}
    targets: dict[str, set[int]] = defaultdict(set)
    for f in report.findings if findings else ():
        for ev in f.evidence:
            targets[ev.source].add(ev.start)
    where = Locator()
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
        f"<h1>{escape(title)}</h1>",
        f"<p>{plural(len(report.articles), 'article')} · {plural(nquotes, 'quote')}"
        + (
            f" · {plural(counts['error'], 'error')} · {plural(counts['warning'], 'warning')}"
            f" · {plural(counts['info'], 'note')}"
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
            f'<li><span class="src">{escape(e.source)}</span> {escape(e.code)}: {escape(e.message)}</li>'
            for e in report.errors
        ]
        body.append("</ul>")
    if findings:
        body.append(f'<h2 id="findings">Findings ({len(report.findings)})</h2>')
        if not report.findings:
            body.append('<p class="none">No discrepancies found.</p>')
        body += [finding_html(f, anchors, where) for f in report.findings]
    body.append(f'<h2 id="articles">Articles ({len(report.articles)})</h2>')
    body += [
        _article_html(
            i, a, classes, per_source.get(a.source, 0), frozenset(targets.get(a.source, ()))
        )
        for i, a in enumerate(report.articles)
    ]
    body.append("</main>")
    return page(title, body, _speaker_css(classes))


def page(title: str, body: list[str], css: str = "") -> str:
    """A self-contained HTML document: the shared style sheet (plus ``css``), the
    Content-Security-Policy, and ``body``."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{escape(title)}</title>",
            f"<style>{CSS}\n{css}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
