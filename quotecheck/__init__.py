"""quotecheck: find every quote in news articles, attribute it, and cross-check sources.

    >>> import quotecheck
    >>> art = quotecheck.extract('"We will keep this up," the minister said.')
    >>> art.quotes[0].text, art.quotes[0].speaker.name
    ('We will keep this up,', 'the minister')

The public surface is small: :func:`extract`, :func:`extract_path`,
:func:`extract_many`, :func:`check`, :func:`check_draft`, the models, :class:`Settings` and the
errors. Importing this package never imports stanza, torch or trafilatura.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from quotecheck.api import check, extract, extract_many, extract_path
from quotecheck.errors import (
    BinaryInputError,
    ConfigError,
    DecodingError,
    EmptyInputError,
    InputError,
    MissingDependencyError,
    ModelError,
    QuotecheckError,
    UnreadableInputError,
    UsageError,
)
from quotecheck.models import (
    SCHEMA_VERSION,
    Article,
    Attribute,
    Corroboration,
    Diagnostic,
    DraftReport,
    DraftVerdict,
    Evidence,
    Figure,
    Finding,
    InputFailure,
    Quote,
    Report,
    Span,
    Speaker,
)
from quotecheck.settings import Settings

if TYPE_CHECKING:
    from quotecheck.draft import check_draft

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # draft mode imports the cross-check's alignment: only on first use, so that
    # ``quotecheck extract`` never pays for it
    if name == "check_draft":
        from quotecheck.draft import check_draft

        return check_draft
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


logging.getLogger("quotecheck").addHandler(logging.NullHandler())

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Attribute",
    "BinaryInputError",
    "ConfigError",
    "Corroboration",
    "DecodingError",
    "Diagnostic",
    "DraftReport",
    "DraftVerdict",
    "EmptyInputError",
    "Evidence",
    "Figure",
    "Finding",
    "InputError",
    "InputFailure",
    "MissingDependencyError",
    "ModelError",
    "Quote",
    "QuotecheckError",
    "Report",
    "Settings",
    "Span",
    "Speaker",
    "UnreadableInputError",
    "UsageError",
    "__version__",
    "check",
    "check_draft",
    "extract",
    "extract_many",
    "extract_path",
]
