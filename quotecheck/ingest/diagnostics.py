"""Diagnostic codes of the ingestion stage and the one helper that issues them.

Every warning ingestion emits is a :class:`quotecheck.models.Diagnostic` with a
stable ``code`` and a message that starts with the stable short name, e.g.
``QC-W101`` / ``"duplicate-body-removed: ..."``. Each one is also logged on the
``quotecheck.ingest`` logger. The codes are listed in docs/ingestion.md and must
never change meaning.
"""

from __future__ import annotations

import logging

from quotecheck.models import Diagnostic

logger = logging.getLogger("quotecheck.ingest")
logger.addHandler(logging.NullHandler())

#: code -> short name. Append only; never reuse a code.
CODES: dict[str, str] = {
    "QC-W101": "duplicate-body-removed",
    "QC-W102": "decoding-fallback",
    "QC-W103": "boilerplate-removed",
    "QC-W104": "page-date-ignored",
    "QC-W105": "html-paragraph-unmapped",
    "QC-W106": "no-article-text",
    "QC-W107": "mojibake-repaired",
    "QC-W108": "pattern-timeout",
}


#: codes that mean the input may have been read wrongly; the others are routine clean-up
_WARN = frozenset({"QC-W102", "QC-W105", "QC-W106", "QC-W108"})


def diagnostic(code: str, detail: str, source: str) -> Diagnostic:
    """Build the diagnostic ``code`` for ``source`` and log it: a warning when the text may
    have been read wrongly (a decoding fallback, an unmapped paragraph ...), else info."""
    message = f"{CODES[code]}: {detail}"
    level = logging.WARNING if code in _WARN else logging.INFO
    logger.log(level, "%s: %s %s", source, code, message)
    return Diagnostic(code=code, message=message, source=source)
