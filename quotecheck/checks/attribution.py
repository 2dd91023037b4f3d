"""QC102 quote-attribution-conflict: the same words given to different speakers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from quotecheck.checks._rule import Rule
from quotecheck.crosscheck.story import Story, UnionFind
from quotecheck.models import Finding, Severity

__all__ = ["MIN_WORDS", "RULE", "check"]

MIN_WORDS = 4
"""A fragment must have at least this many words to tie two speakers' quotes together."""


def check(story: Story) -> Iterator[Finding]:
    """The same words (exactly, nearly, or as a fragment of at least four words) are
    attributed to different speaker identities in different articles.

    Not a conflict: a side with no speaker (an unattributed quote), a relay (``Tass``
    citing Kartapolov in one article, Kartapolov in another: ``Speaker.via``), or two
    attributions only inside one article. ``error``; ``warning`` when one side is an
    organisation and the other a person (a statement quoted as the Kremlin's in one
    source and as Putin's in another). The speaker most sources name is the majority;
    the others are outliers (``disputed`` in a tie).
    """
    graph = story.graph
    uf = UnionFind()
    for link in graph.links:
        m = link.match
        if m.kind in ("exact", "near") or (
            m.kind == "fragment"
            and min(
                len(graph.wordings[link.a].norm.split()), len(graph.wordings[link.b].norm.split())
            )
            >= MIN_WORDS
        ):
            uf.union(link.a, link.b)
    components: dict[object, list[int]] = defaultdict(list)
    for rec in graph.records:
        if rec.speaker is not None:
            components[uf.find(graph.wording_of[rec.index])].append(rec.index)
    for recs in components.values():
        yield from _component(story, recs)


def _component(story: Story, recs: list[int]) -> Iterator[Finding]:
    graph = story.graph
    relay = UnionFind()
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for r in recs:
        rec = graph.records[r]
        key = rec.speaker
        assert key is not None
        relay.find(key)
        via = story.identities.via_key(rec.article, story.quotes[r].speaker)
        if via is not None:
            relay.union(key, via)
        by_speaker[key].append(r)
    if len(by_speaker) < 2:
        return
    parties: dict[object, list[int]] = defaultdict(list)
    for key, rs in by_speaker.items():
        parties[relay.find(key)].extend(rs)
    if len(parties) < 2:
        return
    ranked = sorted(
        parties.values(),
        key=lambda rs: (-len(story.sources(rs)), min(graph.records[r].source for r in rs)),
    )
    lead = ranked[0]
    lead_sources = set(story.sources(lead))
    for other in ranked[1:]:
        if set(story.sources(other)) <= lead_sources and len(lead_sources) == 1:
            continue  # both attributions only inside one source
        yield _finding(story, lead, other, len(story.sources(lead)) > len(story.sources(other)))


def _speaker_of(story: Story, recs: list[int]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in recs:
        key = story.graph.records[r].speaker
        if key is not None:
            counts[key] += 1
    return max(sorted(counts), key=lambda k: counts[k])


def _finding(story: Story, lead: list[int], other: list[int], strict: bool) -> Finding:
    lead_key, other_key = _speaker_of(story, lead), _speaker_of(story, other)
    lead_name, other_name = story.speaker_name(lead_key), story.speaker_name(other_key)
    mixed = lead_key.startswith("org:") != other_key.startswith("org:")
    severity: Severity = "warning" if mixed else "error"
    lead_role, other_role = ("majority", "outlier") if strict else ("disputed", "disputed")
    text = story.quotes[other[0]].text
    short = text if len(text) <= 60 else text[:57] + "..."
    message = (
        f'"{short}" is attributed to {other_name} in {", ".join(story.sources(other))} '
        f"but to {lead_name} in {', '.join(story.sources(lead))}."
    )
    attributions = [
        f"{story.graph.records[r].source}: {story.quotes[r].speaker.name}"  # type: ignore[union-attr]
        for r in sorted(lead + other)
    ]
    norms = sorted({story.graph.records[r].norm for r in lead + other})
    return RULE.finding(
        message=message,
        evidence=[story.quote_evidence(r, lead_role) for r in lead]
        + [story.quote_evidence(r, other_role) for r in other],
        severity=severity,
        key="|".join([*sorted((lead_key, other_key)), norms[0]]),
        details={
            "speakers": sorted({lead_name, other_name}),
            "majority": lead_name if strict else None,
            "outlier": other_name if strict else None,
            "attributions": attributions,
            "organization_vs_person": mixed,
        },
    )


RULE = Rule(
    code="QC102",
    kind="quote-attribution-conflict",
    severity="error",
    summary="The same words are attributed to different speakers.",
    run=check,
)
