"""Diagnostic codes of the ingestion stage and the one helper that issues them.

Every warning ingestion emits is a :class:`quotecheck.models.Diagnostic` with a
stable ``code`` and a message that starts with the stable short name, e.g.
``QC-W101`` / ``"duplicate-body-removed: ..."``. Each one is also logged on the
``quotecheck.ingest`` logger. The codes are catalogued in :mod:`quotecheck.codes`
(docs/errors.md is generated from it) and never change meaning.
"""

from __future__ import annotations

import logging

from quotecheck.codes import DIAGNOSTICS
from quotecheck.models import Diagnostic

logger = logging.getLogger("quotecheck.ingest")
logger.addHandler(logging.NullHandler())

#: ingestion's codes -> short name (the catalogue is :data:`quotecheck.codes.DIAGNOSTICS`)
CODES: dict[str, str] = {d.code: d.name for d in DIAGNOSTICS if d.stage == "ingest"}

#: codes that mean the input may have been read wrongly; the others are routine clean-up
_WARN = frozenset(d.code for d in DIAGNOSTICS if d.level == "warning")


def diagnostic(code: str, detail: str, source: str) -> Diagnostic:
    """Build the diagnostic ``code`` for ``source`` and log it: a warning when the text may
    have been read wrongly (a decoding fallback, an unmapped paragraph ...), else info."""
    message = f"{CODES[code]}: {detail}"
    level = logging.WARNING if code in _WARN else logging.INFO
    logger.log(level, "%s: %s %s", source, code, message)
    return Diagnostic(code=code, message=message, source=source)
