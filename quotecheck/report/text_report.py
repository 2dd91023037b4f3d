"""The readable text format.

``check``: the findings first, grouped by story, then by speaker (or measure) and kind,
each with its evidence from every source as ``file:line:col``; then the articles'
quotes when asked (``show_quotes``: ``-v`` or ``--show-quotes``), the notes about the
inputs, and a summary line. ``extract``: every article's quotes and figures, each at
its ``line:col``. Colour only when asked (a terminal without ``NO_COLOR``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from quotecheck.models import Article, Evidence, Finding, InputFailure, Report
from quotecheck.report.locate import Locator
from quotecheck.report.style import paint, plural, shorten

__all__ = [
    "credited",
    "evidence_line",
    "failure_lines",
    "finding_lines",
    "iter_text",
    "render_text",
]


def _subject(f: Finding) -> str:
    """What a finding is about: its speaker, measure or person; for an attribution
    conflict, the speakers the sources disagree on."""
    for key in ("speaker", "measure", "person"):
        v = f.details.get(key)
        if isinstance(v, str) and v:
            return v
    speakers = f.details.get("speakers")
    if isinstance(speakers, list) and speakers:
        return " or ".join(speakers)
    return "(no speaker)"


def credited(f: Finding, ev: Evidence) -> str | None:
    """Whom ``ev``'s source credits with the words, for an attribution conflict."""
    attributions = f.details.get("attributions")
    if not isinstance(attributions, list):
        return None
    prefix = f"{ev.source}: "
    return next((a[len(prefix) :] for a in attributions if a.startswith(prefix)), None)


def _stories(findings: tuple[Finding, ...]) -> list[list[Finding]]:
    """Findings grouped into stories: findings that cite a common source are one story."""
    from quotecheck.crosscheck.story import UnionFind  # only a check run has findings

    uf = UnionFind()

    def sources(f: Finding) -> list[str]:
        return [ev.source for ev in f.evidence if ev.role != "registry"] or ["(none)"]

    for f in findings:
        first, *rest = sources(f)
        uf.find(first)
        for other in rest:
            uf.union(first, other)
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[str(uf.find(sources(f)[0]))].append(f)
    return [groups[k] for k in sorted(groups)]


def evidence_line(f: Finding, ev: Evidence, where: Locator) -> str:
    """One evidence row: ``file:line:col [role] credits NAME “text”``."""
    role = f" [{ev.role}]" if ev.role else ""
    who = credited(f, ev)
    credit = f" credits {who}" if who else ""
    return f"    {where.where(ev.source, ev.start, ev.end)}{role}{credit} “{shorten(ev.text)}”"


def finding_lines(f: Finding, color: bool, where: Locator) -> list[str]:
    """A finding: severity, code and message, then its evidence rows."""
    out = [f"  {paint(f.severity.upper(), f.severity, color)} {f.code} {f.message}"]
    out += [evidence_line(f, ev, where) for ev in f.evidence]
    return out


def _story_lines(story: list[Finding], color: bool, where: Locator) -> list[str]:
    """One story's findings by speaker (or measure), then kind."""
    out: list[str] = []
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in story:
        groups[(_subject(f), f.kind)].append(f)
    for (subject, kind), items in sorted(groups.items()):
        out.append(f"{subject} — {kind}")
        for f in items:
            out += finding_lines(f, color, where)
    return out


def _position(art: Article, start: int, where: Locator) -> str:
    idx = where.index(art.source)
    if idx is None or start > idx.length:
        return str(start)
    line, col = idx.line_col(start)
    return f"{line}:{col}"


def _article_lines(art: Article, color: bool, where: Locator, figures: bool) -> list[str]:
    head = (
        art.source
        + (f" — {art.title}" if art.title else "")
        + (f" ({art.date})" if art.date else "")
    )
    out = [paint(head, "bold", color)]
    for q in art.quotes:
        who = q.speaker.name if q.speaker else "?"
        if q.speaker and q.speaker.via:
            who += f" via {q.speaker.via}"
        pos = _position(art, q.start, where)
        out.append(f"  {pos:<9} {q.kind:<8} {who:<28} “{shorten(q.text, 70)}”")
    if figures:
        for fig in art.figures:
            pos = _position(art, fig.span.start, where)
            what = ", ".join(x for x in (fig.measure, fig.verb) if x) or "-"
            out.append(f"  {pos:<9} {'figure':<8} {what:<28} {shorten(fig.span.text, 70)}")
    for d in art.diagnostics:
        out.append(paint(f"  note {d.code}: {d.message}", "dim", color))
    out.append("")
    return out


def failure_lines(errors: tuple[InputFailure, ...], color: bool) -> list[str]:
    return [paint(f"error {e.code} {e.source}: {e.message}", "error", color) for e in errors]


def render_text(
    report: Report,
    *,
    findings: bool = True,
    color: bool = False,
    show_quotes: bool = False,
    **_: Any,
) -> str:
    """``findings=False`` (``extract``): every article with its quotes and figures.
    Otherwise (``check``): the findings, the quotes only with ``show_quotes``, the
    inputs' notes, and a summary."""
    return "".join(iter_text(report, findings=findings, color=color, show_quotes=show_quotes))


def iter_text(
    report: Report,
    *,
    findings: bool = True,
    color: bool = False,
    show_quotes: bool = False,
    **_: Any,
) -> Iterator[str]:
    """:func:`render_text` a line at a time (each with its line end), so a large report
    is written without holding all its lines."""
    empty = True
    for line in _lines(report, findings=findings, color=color, show_quotes=show_quotes):
        empty = False
        yield line + "\n"
    if empty:
        yield "\n"


def _lines(report: Report, *, findings: bool, color: bool, show_quotes: bool) -> Iterator[str]:
    where = Locator()
    if not findings:
        for art in report.articles:
            yield from _article_lines(art, color, where, figures=True)
        yield from failure_lines(report.errors, color)
        return
    if report.findings:
        yield paint(f"Findings ({len(report.findings)})", "bold", color)
    stories = _stories(report.findings)
    for n, story in enumerate(stories, 1):
        if len(stories) > 1:
            names = sorted({ev.source for f in story for ev in f.evidence})
            yield paint(f"Story {n}: {', '.join(names)}", "bold", color)
        yield from _story_lines(story, color, where)
    if report.findings:
        yield ""
    if show_quotes:
        for art in report.articles:
            yield from _article_lines(art, color, where, figures=False)
    else:
        for art in report.articles:
            for d in art.diagnostics:
                yield paint(f"note {art.source}: {d.code} {d.message}", "dim", color)
    counts = {
        s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")
    }
    nquotes = sum(len(a.quotes) for a in report.articles)
    yield (
        f"{plural(len(report.articles), 'article')}, {plural(nquotes, 'quote')}, "
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{plural(counts['info'], 'note')}"
        + ("" if show_quotes or not nquotes else " (quotes: -v or --show-quotes)")
    )
    yield from failure_lines(report.errors, color)
