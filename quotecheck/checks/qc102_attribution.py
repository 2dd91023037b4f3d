"""QC102 quote-attribution-conflict: the same words given to different speakers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from quotecheck.checks.rule import Rule
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


@dataclass(frozen=True)
class _Party:
    """One side of an attribution conflict: a speaker (with its relays) and its records.

    A quote carried by many sources yields one finding per other party, each repeating
    the lead party's records; what depends on one party only is worked out once.
    """

    records: list[int]
    sources: list[str]
    key: str
    """The speaker key most of the party's records carry."""
    norm: str
    """The first of the party's normalised wordings."""
    attributions: dict[int, str]
    """``source: speaker as written`` per record."""


def _party(story: Story, records: list[int]) -> _Party:
    graph, quotes = story.graph, story.quotes
    return _Party(
        records=records,
        sources=story.sources(records),
        key=_speaker_of(story, records),
        norm=min(graph.records[r].norm for r in records),
        attributions={
            r: f"{graph.records[r].source}: {quotes[r].speaker.name}"  # type: ignore[union-attr]
            for r in records
        },
    )


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
    grouped: dict[object, list[int]] = defaultdict(list)
    for key, rs in by_speaker.items():
        grouped[relay.find(key)].extend(rs)
    if len(grouped) < 2:
        return
    parties = [_party(story, rs) for rs in grouped.values()]
    ranked = sorted(
        parties,
        key=lambda p: (-len(p.sources), min(graph.records[r].source for r in p.records)),
    )
    lead = ranked[0]
    lead_sources = set(lead.sources)
    for other in ranked[1:]:
        if set(other.sources) <= lead_sources and len(lead_sources) == 1:
            continue  # both attributions only inside one source
        yield _finding(story, lead, other, len(lead.sources) > len(other.sources))


def _speaker_of(story: Story, recs: list[int]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in recs:
        key = story.graph.records[r].speaker
        if key is not None:
            counts[key] += 1
    return max(sorted(counts), key=lambda k: counts[k])


def _finding(story: Story, lead: _Party, other: _Party, strict: bool) -> Finding:
    lead_key, other_key = lead.key, other.key
    lead_name, other_name = story.speaker_name(lead_key), story.speaker_name(other_key)
    mixed = lead_key.startswith("org:") != other_key.startswith("org:")
    severity: Severity = "warning" if mixed else "error"
    lead_role, other_role = ("majority", "outlier") if strict else ("disputed", "disputed")
    text = story.quotes[other.records[0]].text
    short = text if len(text) <= 60 else text[:57] + "..."
    message = (
        f'"{short}" is attributed to {other_name} in {", ".join(other.sources)} '
        f"but to {lead_name} in {', '.join(lead.sources)}."
    )
    attributions = {**lead.attributions, **other.attributions}
    return RULE.finding(
        message=message,
        evidence=[story.quote_evidence(r, lead_role) for r in lead.records]
        + [story.quote_evidence(r, other_role) for r in other.records],
        severity=severity,
        key="|".join([*sorted((lead_key, other_key)), min(lead.norm, other.norm)]),
        details={
            "speakers": sorted({lead_name, other_name}),
            "majority": lead_name if strict else None,
            "outlier": other_name if strict else None,
            "attributions": [attributions[r] for r in sorted(attributions)],
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
