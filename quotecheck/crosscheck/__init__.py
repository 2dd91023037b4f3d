"""Cross-check several articles on one story.

* :mod:`.identity`: one speaker identity across articles;
* :mod:`.align`: quote alignment (exact, near, variant, fragment, claim) and word diffs;
* :mod:`.story`: the articles cross-referenced once, shared by the checks;
* :mod:`.descriptions`: role, nationality and organisation comparison;
* :mod:`.registry` and :mod:`.wikidata`: the optional people registry;
* :func:`corroborate`: which independent sources carry each quote.

The checks themselves live in :mod:`quotecheck.checks`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from quotecheck.crosscheck.corroborate import corroborate, corroborations
from quotecheck.crosscheck.registry import Registry, load_registry, registry_from
from quotecheck.crosscheck.story import Story
from quotecheck.crosscheck.wikidata import convert_wikidata
from quotecheck.models import Article, Corroboration, Finding

__all__ = [
    "Registry",
    "Story",
    "convert_wikidata",
    "corroborate",
    "cross_check",
    "load_registry",
]


def cross_check(
    articles: Sequence[Article],
    *,
    registry: Registry | str | Path | None = None,
    ignore: Iterable[str] = (),
) -> tuple[list[Finding], list[Corroboration]]:
    """Findings (see :data:`quotecheck.checks.CHECKS`) and corroboration for ``articles``.

    ``registry`` is a :class:`Registry` or a path to a YAML/JSON registry file;
    ``ignore`` lists check codes or kinds to skip (``["QC101", "number-conflict"]``).
    """
    from quotecheck.checks import run_story

    story = Story(articles, registry_from(registry))
    return run_story(story, ignore=ignore), corroborations(story)
