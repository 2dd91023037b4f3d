"""Cross-check several articles on one story.

* :mod:`.identity`: one speaker identity across articles;
* :mod:`.align`: quote alignment (exact, near, variant, fragment, claim) and word diffs;
* :mod:`.story`: the articles cross-referenced once, shared by the checks;
* :mod:`.normalize`: normal forms of roles, nationalities and organisations, and their comparison;
* :mod:`.people` and :mod:`.wikidata`: the optional people registry (known posts and nationalities);
* :func:`corroborate`: which independent sources carry each quote.

The checks themselves live in :mod:`quotecheck.checks`, which builds on this package
(this package never imports it); :func:`quotecheck.checks.cross_check` runs them.
"""

from __future__ import annotations

from quotecheck.crosscheck.corroborate import corroborate, corroborations
from quotecheck.crosscheck.people import Registry, load_registry, registry_from
from quotecheck.crosscheck.story import Story
from quotecheck.crosscheck.wikidata import convert_wikidata

__all__ = [
    "Registry",
    "Story",
    "convert_wikidata",
    "corroborate",
    "corroborations",
    "load_registry",
    "registry_from",
]
