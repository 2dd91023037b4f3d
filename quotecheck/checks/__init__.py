"""The checks: one rule per module, each with a stable code, kind and default severity.

=====  =============================  ========  ==========================================
code   kind                           default   module
=====  =============================  ========  ==========================================
QC101  quote-wording-mismatch         warning   :mod:`quotecheck.checks.qc101_wording`
QC102  quote-attribution-conflict     error     :mod:`quotecheck.checks.qc102_attribution`
QC103  speaker-description-conflict   error     :mod:`quotecheck.checks.qc103_description`
QC104  number-conflict                error     :mod:`quotecheck.checks.qc104_numbers`
QC105  registry-description-conflict  error     :mod:`quotecheck.checks.qc105_registry`
=====  =============================  ========  ==========================================

Codes and kinds never change or get reused (SARIF and CI annotations depend on
them); docs/checks.md has a section per code. ``ignore`` takes codes or kinds.

Severity policy
---------------

Every check follows one policy, so that a desk can block publication on errors and
trust what it is shown:

``error``
    strong evidence that a source is wrong: the check is right at least 9 times in 10
    on real copy. Both sides rest on explicit evidence (a name at a reporting cue, the
    same words aligned clause by clause, a description written next to the full name)
    and the difference cannot be two true statements.
``warning``
    an editor should look: a real difference on good evidence that may still have an
    innocent explanation (a changed word in a quote, a role that conflicts), or an
    error-grade difference resting on weaker evidence (a pronoun resolved to the
    speaker, a partial quote's cue). The finding says which.
``info``
    compatible differences, noted for the record: translations of one statement,
    spellings, omissions marked with an ellipsis, vague against exact figures.

When the evidence is weak a check lowers the severity and says why in the message
and ``details`` (``reasons``); it never drops a real discrepancy to silence it. What
no check compares at all: an article with itself (or with a copy of itself), an
unresolved pronoun or a description against a name, words that are not speech (a
programme title in quote marks), and a person repeating another's words. Each
check's own policy is in its check function's docstring (the ``doc`` of its
:class:`Rule`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quotecheck.checks import (
    qc101_wording,
    qc102_attribution,
    qc103_description,
    qc104_numbers,
    qc105_registry,
)
from quotecheck.checks.rule import Rule, fingerprint
from quotecheck.errors import UsageError
from quotecheck.models import SEVERITY_RANK, Article, Corroboration, Finding

if TYPE_CHECKING:
    from quotecheck.crosscheck.people import Registry
    from quotecheck.crosscheck.story import Story

__all__ = ["CHECKS", "Rule", "cross_check", "fingerprint", "run_checks", "run_story"]

CHECKS: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        qc101_wording.RULE,
        qc102_attribution.RULE,
        qc103_description.RULE,
        qc104_numbers.RULE,
        qc105_registry.RULE,
    )
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


def _stories(articles: Sequence[Article], split: bool) -> list[list[Article]]:
    """The batch as stories (:func:`quotecheck.crosscheck.stories.split_stories`), or as
    one story when ``split`` is False."""
    if not split:
        return [list(articles)]
    from quotecheck.crosscheck.stories import split_stories

    return [[articles[i] for i in story] for story in split_stories(articles)]


def run_checks(
    articles: Sequence[Article],
    *,
    registry: Registry | str | Path | None = None,
    ignore: Iterable[str] = (),
    split: bool = True,
) -> list[Finding]:
    """Cross-check a batch of articles; findings sorted by severity, then code.

    The batch is split into stories first (``split=False`` takes it as one story), and
    the checks run on each story: no finding joins articles of two stories."""
    return cross_check(articles, registry=registry, ignore=ignore, split=split)[0]


def cross_check(
    articles: Sequence[Article],
    *,
    registry: Registry | str | Path | None = None,
    ignore: Iterable[str] = (),
    split: bool = True,
) -> tuple[list[Finding], list[Corroboration]]:
    """Findings (see :data:`CHECKS`) and corroboration for ``articles``.

    ``registry`` is a :class:`~quotecheck.crosscheck.people.Registry` or a path to a
    YAML/JSON registry file; ``ignore`` lists check codes or kinds to skip
    (``["QC101", "number-conflict"]``). The batch is split into stories from its content
    (:mod:`quotecheck.crosscheck.stories`; ``split=False`` takes it as one story) and
    each story is checked on its own, so no finding or corroboration joins two stories.
    """
    from quotecheck.crosscheck.corroborate import corroborations
    from quotecheck.crosscheck.people import registry_from
    from quotecheck.crosscheck.story import Story
    from quotecheck.lexicons import pinned

    reg = registry_from(registry)
    selected = list(ignore)
    _selected(selected)  # an unknown code fails before any work
    findings: dict[str, Finding] = {}
    corroboration: list[Corroboration] = []
    with pinned():  # the lexicon folders hold still for the whole check
        for group in _stories(articles, split):
            story = Story(group, reg)
            for found in run_story(story, ignore=selected):
                findings.setdefault(found.fingerprint, found)
            corroboration += corroborations(story)
    return sorted(findings.values(), key=_order), corroboration
