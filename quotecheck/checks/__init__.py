"""The checks: one rule per module, each with a stable code, kind and default severity.

=====  =============================  ========  ==========================================
code   kind                           default   module
=====  =============================  ========  ==========================================
QC101  quote-wording-mismatch         warning   :mod:`quotecheck.checks.wording`
QC102  quote-attribution-conflict     error     :mod:`quotecheck.checks.attribution`
QC103  speaker-description-conflict   error     :mod:`quotecheck.checks.description`
QC104  number-conflict                error     :mod:`quotecheck.checks.figures`
QC105  registry-description-conflict  error     :mod:`quotecheck.checks.registry`
=====  =============================  ========  ==========================================

Codes and kinds never change or get reused (SARIF and CI annotations depend on
them); docs/checks.md has a section per code. ``ignore`` takes codes or kinds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quotecheck.checks import attribution, description, figures, registry, wording
from quotecheck.checks._rule import Rule, fingerprint
from quotecheck.errors import UsageError
from quotecheck.models import SEVERITY_RANK, Article, Finding

if TYPE_CHECKING:
    from quotecheck.crosscheck.registry import Registry
    from quotecheck.crosscheck.story import Story

__all__ = ["CHECKS", "Rule", "fingerprint", "run_checks", "run_story"]

CHECKS: dict[str, Rule] = {
    rule.code: rule
    for rule in (wording.RULE, attribution.RULE, description.RULE, figures.RULE, registry.RULE)
}
"""Every check by code."""


def _selected(ignore: Iterable[str]) -> list[Rule]:
    skip = {i.strip() for i in ignore if i.strip()}
    known = set(CHECKS) | {r.kind for r in CHECKS.values()}
    unknown = skip - known
    if unknown:
        raise UsageError(
            f"unknown check {sorted(unknown)[0]!r} in ignore; known: {', '.join(sorted(CHECKS))}"
        )
    return [r for r in CHECKS.values() if r.code not in skip and r.kind not in skip]


def _order(f: Finding) -> tuple[int, str, str, str]:
    first = f.evidence[0] if f.evidence else None
    return (-SEVERITY_RANK[f.severity], f.code, first.source if first else "", f.fingerprint)


def run_story(story: Story, *, ignore: Iterable[str] = ()) -> list[Finding]:
    """Run every check not ignored on a built :class:`~quotecheck.crosscheck.story.Story`."""
    findings: dict[str, Finding] = {}
    for rule in _selected(ignore):
        for found in rule.run(story):
            findings.setdefault(found.fingerprint, found)
    return sorted(findings.values(), key=_order)


def run_checks(
    articles: Sequence[Article],
    *,
    registry: Registry | str | Path | None = None,
    ignore: Iterable[str] = (),
) -> list[Finding]:
    """Cross-check articles on one story; findings sorted by severity, then code."""
    from quotecheck.crosscheck.registry import registry_from
    from quotecheck.crosscheck.story import Story

    return run_story(Story(articles, registry_from(registry)), ignore=ignore)
