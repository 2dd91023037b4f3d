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

# ``quotecheck.api`` imports the ``quotecheck.extract`` subpackage, which binds the name
# ``extract`` on this package to the subpackage; the function is bound after it, so
# ``quotecheck.extract`` is the function. Extraction needs api and models anyway.
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

# ``import quotecheck.extract.quotes as quotes`` looks the name ``extract`` up on this
# package, finds the function and then looks for ``quotes`` in the module named by the
# function's ``__name__``: naming the function after the subpackage makes that work.
extract.__name__ = "quotecheck.extract"

if TYPE_CHECKING:
    from quotecheck.draft import check_draft
    from quotecheck.settings import Settings

__version__ = "0.1.0"

#: Public names imported on first use: what ``quotecheck extract`` never needs (the draft
#: check pulls in the cross-check, rapidfuzz and YAML) costs nothing at start-up.
_LAZY = {"check_draft": "quotecheck.draft", "Settings": "quotecheck.settings"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quotecheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
