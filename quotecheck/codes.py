"""The catalogue of quotecheck's codes other than the checks' (``QC101`` ... are
:data:`quotecheck.checks.CHECKS`): the diagnostics attached to an article, the notes
attached to a quote, and the command line's exit statuses. The error codes
(``QC-E...``) live on the exception classes of :mod:`quotecheck.errors`.

Every module that issues a diagnostic takes its code from :data:`DIAGNOSTICS` (by
name, :func:`code_of`), so a code is written once; docs/errors.md is generated from
this table and the exception tree (``python -m quotecheck.docgen``). Codes are append
only: a code never changes meaning and is never reused.

This module imports nothing heavy: the command line reads it at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DIAGNOSTICS",
    "EXIT_CODES",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "QUOTE_NOTES",
    "DiagnosticCode",
    "code_of",
    "diagnostic_code",
]


@dataclass(frozen=True)
class DiagnosticCode:
    """One coded, non-fatal note about an input (``Article.diagnostics``)."""

    code: str
    """Stable identifier (``QC-W101``)."""
    name: str
    """Stable short name; ingestion's messages start with it (``duplicate-body-removed: ...``)."""
    level: Literal["warning", "info"]
    """``warning`` when the input may have been read wrongly (logged as a warning);
    ``info`` for routine clean-up (logged at ``-v``)."""
    stage: Literal["ingest", "analysis", "extract"]
    """The stage that issues it."""
    meaning: str


DIAGNOSTICS: tuple[DiagnosticCode, ...] = (
    DiagnosticCode(
        "QC-W101",
        "duplicate-body-removed",
        "info",
        "ingest",
        "the article body appeared twice; the second copy was dropped",
    ),
    DiagnosticCode(
        "QC-W102",
        "decoding-fallback",
        "warning",
        "ingest",
        "not UTF-8; decoded as Windows-1252 (logged)",
    ),
    DiagnosticCode(
        "QC-W103",
        "boilerplate-removed",
        "info",
        "ingest",
        "page furniture lines were removed",
    ),
    DiagnosticCode(
        "QC-W104",
        "page-date-ignored",
        "info",
        "ingest",
        "a page or scrape date was set aside for the article's own date (or none)",
    ),
    DiagnosticCode(
        "QC-W105",
        "html-paragraph-unmapped",
        "warning",
        "ingest",
        "an extracted HTML paragraph could not be found in the source",
    ),
    DiagnosticCode(
        "QC-W106",
        "no-article-text",
        "warning",
        "ingest",
        "nothing was left after extraction and boilerplate removal",
    ),
    DiagnosticCode(
        "QC-W107",
        "mojibake-repaired",
        "info",
        "ingest",
        "mis-decoded characters were repaired (curly quotes kept)",
    ),
    DiagnosticCode(
        "QC-W108",
        "pattern-timeout",
        "warning",
        "ingest",
        "a boilerplate rule timed out on a line; the line was kept",
    ),
    DiagnosticCode(
        "QC-W301",
        "stanza-models-missing",
        "warning",
        "analysis",
        "`--backend auto` used the rules backend: stanza's English models are not ready",
    ),
    DiagnosticCode(
        "QC-W302",
        "stanza-not-installed",
        "warning",
        "analysis",
        "`--backend auto` used the rules backend: stanza is not installed",
    ),
    DiagnosticCode(
        "QC-W501",
        "figures-failed",
        "warning",
        "extract",
        "figure extraction failed on this article; its quotes are kept (please report it)",
    ),
)
"""Every diagnostic code, in code order."""

_BY_CODE = {d.code: d for d in DIAGNOSTICS}
_BY_NAME = {d.name: d for d in DIAGNOSTICS}


def diagnostic_code(code: str) -> DiagnosticCode:
    """The catalogue entry of ``code`` (``QC-W101``); ``KeyError`` for an unknown one."""
    return _BY_CODE[code]


def code_of(name: str) -> str:
    """The code of the diagnostic named ``name`` (``figures-failed`` -> ``QC-W501``)."""
    return _BY_NAME[name].code


QUOTE_NOTES: tuple[tuple[str, str], ...] = (
    (
        "unbalanced-open-mark",
        "an opening mark never closed: the quote was closed at the end of its paragraph",
    ),
    (
        "unbalanced-close-mark",
        "a closing mark with no opening one in its paragraph; ignored",
    ),
)
"""The warnings a quote can carry (``Quote.notes``): name and meaning."""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "clean: everything was read and no finding reaches --fail-on"),
    (EXIT_FINDINGS, "a finding (or draft verdict) at or above --fail-on (default: error)"),
    (
        EXIT_ERROR,
        "a usage, configuration or input error, or nothing to check (no articles, "
        "no sources); the other inputs are still processed and reported",
    ),
    (EXIT_INTERRUPTED, "interrupted (Ctrl-C); nothing is written"),
)
"""The command line's exit statuses and what each means."""
