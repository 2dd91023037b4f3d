"""QC103 speaker-description-conflict: one person described in conflicting ways."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quotecheck.checks.rule import Rule
from quotecheck.crosscheck.identity import org_key
from quotecheck.crosscheck.normalize import (
    countries_compatible,
    normalize_country,
    normalize_role,
    orgs_compatible,
    roles_compatible,
)
from quotecheck.crosscheck.story import Story, majority
from quotecheck.models import Attribute, Evidence, Finding, Severity

__all__ = ["FACETS", "RULE", "Described", "check", "descriptions"]


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


@dataclass(frozen=True)
class Described:
    """One description of a speaker in one article."""

    article: int
    source: str
    """The independent source."""
    attribute: Attribute
    evidence_source: str
    """The article's own ``source`` (what the evidence points into)."""


def descriptions(story: Story) -> dict[str, dict[str, list[Described]]]:
    """Every description per person identity and facet, each span once."""
    out: dict[str, dict[str, list[Described]]] = defaultdict(lambda: defaultdict(list))
    seen: set[tuple[int, str, int, int]] = set()
    for a, article in enumerate(story.articles):
        for quote in article.quotes:
            spk = quote.speaker
            key = story.identities.speaker_key(a, spk)
            if (
                spk is None
                or key is None
                or not key.startswith("person:")
                or key.startswith("person:|")
            ):
                continue
            for facet in FACETS:
                attr: Attribute | None = getattr(spk, facet.name)
                if attr is None or (a, facet.name, attr.span.start, attr.span.end) in seen:
                    continue
                seen.add((a, facet.name, attr.span.start, attr.span.end))
                out[key][facet.name].append(Described(a, story.source_of[a], attr, article.source))
    return out


def _clusters(facet: Facet, items: list[Described]) -> list[list[Described]]:
    reps: list[str] = []
    clusters: list[list[Described]] = []
    by_specificity = sorted(items, key=lambda d: (-len(facet.normal(d.attribute.value)), d.source))
    for item in by_specificity:
        value = item.attribute.value
        fits = [i for i, rep in enumerate(reps) if facet.compatible(rep, value)]
        if not fits:
            reps.append(value)
            clusters.append([item])
        elif len(fits) == 1 or len(fits) < len(reps):
            clusters[fits[0]].append(item)
        # a value compatible with every cluster ("minister") takes no side
    return sorted(clusters, key=lambda c: (-len({d.source for d in c}), c[0].source))


def check(story: Story) -> Iterator[Finding]:
    """One person (one identity across articles) is described with conflicting
    nationality (``error``: "Russian Foreign Affairs Minister Laurent Fabius" against
    "French Foreign Minister Laurent Fabius"), role (``warning``: CFO against chief
    operating officer) or organisation (``warning``).

    Roles are compared in a normal form, so "Foreign Minister", "Foreign Affairs
    Minister" and "minister of foreign affairs" agree, and a shorter role agrees with
    a fuller one. Evidence: the description span in every source, role ``majority``
    for the description most sources give and ``outlier`` for the others
    (``disputed`` for all in a tie). A surname alone that could be two people is
    never checked.
    """
    for key, facets in sorted(descriptions(story).items()):
        name = story.speaker_name(key)
        for facet in FACETS:
            items = facets.get(facet.name, [])
            clusters = _clusters(facet, items)
            if len(clusters) < 2:
                continue
            support = [len({d.source for d in c}) for c in clusters]
            strict = majority(support)
            evidence: list[Evidence] = []
            for i, cluster in enumerate(clusters):
                role = ("majority" if i == 0 else "outlier") if strict else "disputed"
                evidence += [
                    Story.span_evidence(d.evidence_source, d.attribute.span, role) for d in cluster
                ]
            values = [sorted({d.attribute.value for d in c}) for c in clusters]
            per_source = sorted({f"{d.evidence_source}: {d.attribute.value}" for d in items})
            parts = [
                f"{' / '.join(v)} in {', '.join(sorted({d.evidence_source for d in c}))}"
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
