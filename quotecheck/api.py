"""The public functions: :func:`extract` and :func:`check` (re-exported by the package)."""

from __future__ import annotations

import logging

from quotecheck.analysis.base import Analyzer
from quotecheck.extract.pipeline import extract_quotes
from quotecheck.models import Article, Segment

__all__ = ["extract", "get_analyzer"]

log = logging.getLogger("quotecheck")


def get_analyzer(backend: str | Analyzer = "rules") -> Analyzer:
    """An analyzer by name (``rules``) or the instance given."""
    if not isinstance(backend, str):
        return backend
    if backend == "rules":
        from quotecheck.analysis.rules import RulesAnalyzer

        return RulesAnalyzer()
    from quotecheck.errors import UsageError

    raise UsageError(f"unknown backend {backend!r}; use 'rules', 'stanza' or 'auto'")


def extract(text: str, *, source: str | None = None, backend: str | Analyzer = "rules") -> Article:
    """Find every quote in ``text`` and attribute it.

    Offsets on the returned quotes are into ``text`` as given.
    """
    analyzer = get_analyzer(backend)
    segments = (Segment(canon_start=0, canon_end=len(text), orig_start=0, orig_end=len(text)),)
    analysis = analyzer.analyze(text)
    quotes, figures = extract_quotes(text, analysis, segments)
    return Article(
        source=source or "<string>",
        text=text,
        original_length=len(text),
        segments=segments,
        quotes=tuple(quotes),
        figures=tuple(figures),
        backend=analyzer.name,
    )
