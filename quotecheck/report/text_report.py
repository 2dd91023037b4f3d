"""The readable text format: quotes per article, findings grouped by kind and
speaker, with evidence from every source. Colour only when asked (a terminal
without ``NO_COLOR``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from quotecheck.models import Finding, Report
from quotecheck.report.style import paint, shorten

__all__ = ["render_text"]


def _subject(f: Finding) -> str:
    for key in ("speaker", "measure", "person"):
        v = f.details.get(key)
        if isinstance(v, str) and v:
            return v
    return "(general)"


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


def _story_lines(story: list[Finding], color: bool) -> list[str]:
    """One story's findings by speaker (or measure), then kind."""
    out: list[str] = []
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in story:
        groups[(_subject(f), f.kind)].append(f)
    for (subject, kind), items in sorted(groups.items()):
        out.append(f"{subject} — {kind}")
        for f in items:
            out.append(f"  {paint(f.severity.upper(), f.severity, color)} {f.code} {f.message}")
            for ev in f.evidence:
                role = f" [{ev.role}]" if ev.role else ""
                out.append(f"    {ev.source}:{ev.start}-{ev.end}{role} “{shorten(ev.text)}”")
    return out


def render_text(report: Report, *, findings: bool = True, color: bool = False, **_: Any) -> str:
    out: list[str] = []
    for art in report.articles:
        head = (
            art.source
            + (f" — {art.title}" if art.title else "")
            + (f" ({art.date})" if art.date else "")
        )
        out.append(paint(head, "bold", color))
        for q in art.quotes:
            who = q.speaker.name if q.speaker else "?"
            if q.speaker and q.speaker.via:
                who += f" via {q.speaker.via}"
            out.append(f"  {q.start:>6}-{q.end:<6} {q.kind:<8} {who:<28} “{shorten(q.text, 70)}”")
        for d in art.diagnostics:
            out.append(paint(f"  note {d.code}: {d.message}", "dim", color))
        out.append("")
    if findings:
        if report.findings:
            out.append(paint(f"Findings ({len(report.findings)})", "bold", color))
        stories = _stories(report.findings)
        for n, story in enumerate(stories, 1):
            if len(stories) > 1:
                names = sorted({ev.source for f in story for ev in f.evidence})
                out.append(paint(f"Story {n}: {', '.join(names)}", "bold", color))
            out.extend(_story_lines(story, color))
        counts = {
            s: sum(1 for f in report.findings if f.severity == s)
            for s in ("error", "warning", "info")
        }
        out.append(
            f"{len(report.articles)} articles, {sum(len(a.quotes) for a in report.articles)} quotes, "
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
        )
    for e in report.errors:
        out.append(paint(f"error {e.code} {e.source}: {e.message}", "error", color))
    return "\n".join(out) + "\n"
