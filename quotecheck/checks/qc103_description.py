"""QC103 speaker-description-conflict: one person described in conflicting ways."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quotecheck.checks.rule import Rule
from quotecheck.crosscheck.identity import org_key
from quotecheck.crosscheck.mentions import Description
from quotecheck.crosscheck.normalize import (
    countries_compatible,
    normalize_country,
    normalize_role,
    orgs_compatible,
    roles_compatible,
)
from quotecheck.crosscheck.story import Story, majority
from quotecheck.models import Evidence, Finding, Severity

__all__ = ["FACETS", "RULE", "check"]


@dataclass(frozen=True)
class Facet:
    name: str
    severity: Severity
    compatible: Callable[[str, str], bool]
    normal: Callable[[str], str]


FACETS = (
    Facet("nationality", "error", countries_compatible, normalize_country),
    Facet("role", "warning", roles_compatible, normalize_role),
    Facet("organization", "warning", orgs_compatible, lambda v: org_key(v)[4:]),
)


def _clusters(facet: Facet, items: list[Description]) -> list[list[Description]]:
    """Descriptions grouped so that every two in a group are compatible, most specific
    first; a description compatible with several groups (a bare "minister") takes no side."""
    clusters: list[list[Description]] = []
    by_specificity = sorted(
        items,
        key=lambda d: (-len(facet.normal(d.attribute.value)), d.article, d.attribute.span.start),
    )
    for item in by_specificity:
        value = item.attribute.value
        fits = [
            i
            for i, cluster in enumerate(clusters)
            if all(facet.compatible(m.attribute.value, value) for m in cluster)
        ]
        if not fits:
            clusters.append([item])
        elif len(fits) == 1:
            clusters[fits[0]].append(item)
    return clusters


def _sources(story: Story, cluster: list[Description]) -> set[str]:
    return {story.source_of[d.article] for d in cluster}


def _opposed(story: Story, clusters: list[list[Description]]) -> list[list[Description]]:
    """The groups that some source holds against another: a group every article of
    which also gives the leading description (an article disagreeing with itself) is
    dropped, and so is everything when the leading group's articles all give another."""
    ranked = sorted(
        clusters,
        key=lambda c: (-len(_sources(story, c)), min(story.source_of[d.article] for d in c)),
    )
    if len(ranked) < 2:
        return ranked
    lead = _sources(story, ranked[0])
    kept = [ranked[0]]
    for cluster in ranked[1:]:
        mine = _sources(story, cluster)
        if mine - lead and lead - mine:
            kept.append(cluster)
    return kept if len(kept) > 1 else []


def check(story: Story) -> Iterator[Finding]:
    """One person (one identity across articles) is described in conflicting ways.

    Every description of the person counts: at the quote's cue and at any other
    mention of the name in the article ("His campaign manager, Alex Conant" a sentence
    before the quote; :mod:`quotecheck.crosscheck.mentions`). Policy:

    * ``error``: nationalities that differ ("Russian Foreign Affairs Minister Laurent
      Fabius" against "French Foreign Minister Laurent Fabius"): a nationality is
      written next to the full name, and one person has one;
    * ``warning``: roles that cannot both be true at once, that is two different offices
      of one kind (CFO against chief operating officer, campaign manager against
      spokesman) or one office with different states or parties (a Florida senator
      against an Ohio senator); organisations that differ;
    * nothing: roles that agree once normalised ("Sen." / "Senator", "Gov." /
      "governor", "Florida Sen." / "Senator", "Minister of Foreign Affairs" / "Foreign
      Minister"), a shorter role against a fuller one, an office against a kind of it (a
      press secretary is a spokesman), roles of different kinds (a senator and a
      presidential candidate), a role that is no role ("to", the person's own name) or
      not the current one ("former governor"), a surname alone that could be two
      people, and a description only one article gives against another it gives too.

    Roles are compared through the lexicons ``role_synonyms.tsv``, ``role_qualifiers.tsv``,
    ``role_kinds.tsv`` and ``role_compatibility.tsv``
    (:mod:`quotecheck.crosscheck.normalize`). Evidence: the description span in every
    source, role ``majority`` for the description most sources give and ``outlier`` for
    the others (``disputed`` for all in a tie).
    """
    for key, items in sorted(story.descriptions.items()):
        name = story.speaker_name(key)
        for facet in FACETS:
            of_facet = [d for d in items if d.facet == facet.name]
            clusters = _opposed(story, _clusters(facet, of_facet))
            if len(clusters) < 2:
                continue
            support = [len(_sources(story, c)) for c in clusters]
            strict = majority(support)
            evidence: list[Evidence] = []
            for i, cluster in enumerate(clusters):
                role = ("majority" if i == 0 else "outlier") if strict else "disputed"
                evidence += [
                    Story.span_evidence(story.articles[d.article].source, d.attribute.span, role)
                    for d in cluster
                ]
            values = [sorted({d.attribute.value for d in c}) for c in clusters]
            shown = [d for c in clusters for d in c]
            per_source = sorted(
                {f"{story.articles[d.article].source}: {d.attribute.value}" for d in shown}
            )
            parts = [
                f"{' / '.join(v)} in {', '.join(sorted({story.articles[d.article].source for d in c}))}"
                for v, c in zip(values, clusters, strict=True)
            ]
            yield RULE.finding(
                message=f"{name} is described with conflicting {facet.name}: "
                + "; ".join(parts)
                + ".",
                evidence=evidence,
                severity=facet.severity,
                key="|".join([key, facet.name, *sorted(facet.normal(v[0]) for v in values)]),
                details={
                    "speaker": name,
                    "facet": facet.name,
                    "descriptions": per_source,
                    "majority": values[0][0] if strict else None,
                    "outliers": [v[0] for v in values[1:]] if strict else [],
                },
            )


RULE = Rule(
    code="QC103",
    kind="speaker-description-conflict",
    severity="error",
    summary="One person is described with conflicting nationality, role or organisation.",
    run=check,
)
