"""Corroboration: which independent sources carry each quote, and who words it differently."""

from __future__ import annotations

from collections.abc import Sequence

from quotecheck.crosscheck.story import Story, majority
from quotecheck.models import Article, Corroboration, Evidence

__all__ = ["corroborate", "corroborations"]


def corroborations(story: Story) -> list[Corroboration]:
    """One :class:`~quotecheck.models.Corroboration` per quote group spanning two or more
    independent sources (articles with one ``source`` name, or copies, count once)."""
    out: list[Corroboration] = []
    for group in story.quote_groups:
        support = [story.support(c) for c in group.clusters]
        strict = majority(support)
        lead = group.clusters[0]
        agreeing = story.sources(lead)
        others = sorted({s for c in group.clusters[1:] for s in story.sources(c)} - set(agreeing))
        evidence: list[Evidence] = [story.quote_evidence(r, "carrier") for r in lead]
        other_role = "outlier" if strict else "variant"
        for cluster in group.clusters[1:]:
            evidence += [story.quote_evidence(r, other_role) for r in cluster]
        kinds = {ln.match.kind for ln in group.links}
        if any(len(story.sources(c)) > 1 for c in group.clusters):
            kinds.add("exact")
        lead_rec = max(lead, key=lambda r: len(story.graph.records[r].norm))
        out.append(
            Corroboration(
                speaker=story.speaker_name(group.speaker) if group.speaker else None,
                text=story.quotes[lead_rec].text,
                sources=tuple(story.sources(group.records)),
                agreeing=tuple(agreeing) if strict else (),
                outliers=tuple(others) if strict else (),
                matches=tuple(sorted(kinds)),
                evidence=tuple(sorted(evidence, key=lambda e: (e.source, e.start))),
            )
        )
    return out


def corroborate(articles: Sequence[Article] | Story) -> list[Corroboration]:
    """Corroboration for a set of articles (or an already built :class:`Story`)."""
    story = articles if isinstance(articles, Story) else Story(articles)
    return corroborations(story)
