"""QC105 registry-description-conflict: a description contradicts the people registry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from quotecheck.checks.rule import Rule
from quotecheck.crosscheck.normalize import normalize_country, normalize_role
from quotecheck.crosscheck.people import RegistryProblem
from quotecheck.crosscheck.story import Story
from quotecheck.models import Evidence, Finding, Severity

__all__ = ["RULE", "SEVERITY", "check"]

SEVERITY: dict[str, Severity] = {
    "nationality": "error",
    "role": "warning",
    "organization": "warning",
}
"""How severe a contradiction of the registry is, by facet: a nationality outside the
person's citizenships and the countries of the roles held is a wrong fact (``error``);
a role or organisation not listed may be a registry out of date (``warning``)."""


def _normal(problem: RegistryProblem) -> str:
    value = problem.written.value
    if problem.facet == "nationality":
        return normalize_country(value)
    return normalize_role(value)


def check(story: Story) -> Iterator[Finding]:
    """A speaker's nationality, role or organisation contradicts the optional people
    registry at the article's date (``Article.date``; when unknown, a role held at any
    time counts). This catches a mislabel one article makes alone ("Russian Foreign
    Affairs Minister Laurent Fabius"). Nationality: ``error``; role or organisation:
    ``warning``. Evidence: the description in every article that writes it (role
    ``outlier``) and the registry entry (role ``registry``). Runs only with a registry.
    """
    registry = story.registry
    if registry is None:
        return
    grouped: dict[tuple[str, str, str], list[tuple[str, RegistryProblem]]] = defaultdict(list)
    seen: set[tuple[str, str, int, int]] = set()
    for article in story.articles:
        for quote in article.quotes:
            if quote.speaker is None or quote.speaker.kind not in ("person", "unknown"):
                continue
            for problem in registry.check(quote.speaker, article.date):
                span = problem.written.span
                if (article.source, problem.facet, span.start, span.end) in seen:
                    continue
                seen.add((article.source, problem.facet, span.start, span.end))
                key = (problem.person.name, problem.facet, _normal(problem))
                grouped[key].append((article.source, problem))
    for (name, facet, normal), items in sorted(grouped.items()):
        first = items[0][1]
        evidence: list[Evidence] = [
            Story.span_evidence(source, p.written.span, "outlier") for source, p in items
        ]
        evidence.append(registry.evidence(first.person))
        sources = sorted({source for source, _ in items})
        yield RULE.finding(
            message=f"{first.message} ({', '.join(sources)}; registry {registry.source}).",
            evidence=evidence,
            severity=SEVERITY[facet],
            key="|".join((name, facet, normal)),
            details={
                "speaker": name,
                "facet": facet,
                "written": first.written.value,
                "expected": list(first.expected),
                "registry": registry.source,
                "registry_line": first.person.line,
            },
        )


RULE = Rule(
    code="QC105",
    kind="registry-description-conflict",
    severity="error",
    summary="A speaker description contradicts the people registry at the article's date.",
    run=check,
)
