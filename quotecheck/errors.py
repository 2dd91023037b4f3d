"""The exception tree. Every error quotecheck raises derives from
:class:`QuotecheckError`; an :class:`InputError` concerns one input (a batch goes on
without it), the others stop the call.

Messages say what failed, on which input, and what to do next. ``code`` is a stable
identifier (``QC-E001`` ...); docs/errors.md shows the tree with every code and the
first line of each class's docstring (``python -m quotecheck.docgen``).
"""

from __future__ import annotations


class QuotecheckError(Exception):
    """The base: catch this to catch everything of ours."""

    code = "QC-E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


class InputError(QuotecheckError):
    """One input could not be read (the batch goes on).

    In a batch (``extract_many``, ``check``, the CLI) it becomes an ``InputFailure``
    record for that input and the others are still processed.
    """

    code = "QC-E100"


class EmptyInputError(InputError):
    """The input has no text."""

    code = "QC-E101"


class BinaryInputError(InputError):
    """The input is not text (NUL bytes, an image ...)."""

    code = "QC-E102"


class DecodingError(InputError):
    """Not UTF-8 and no safe fallback."""

    code = "QC-E103"


class UnreadableInputError(InputError):
    """Missing, a directory, no permission, a symlink loop."""

    code = "QC-E104"


class MissingDependencyError(QuotecheckError):
    """An optional extra is missing: the message has the pip command."""

    code = "QC-E200"

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {module!r}, which is not installed. "
            f"Install it with: pip install 'quotecheck[{extra}]'"
        )
        self.extra = extra
        self.module = module


class ModelError(QuotecheckError):
    """Stanza models missing or incomplete: the message has the fix."""

    code = "QC-E300"


class ConfigError(QuotecheckError):
    """A bad setting, registry or lexicon file (the message names file and field)."""

    code = "QC-E400"


class UsageError(QuotecheckError):
    """The API or CLI was called wrongly."""

    code = "QC-E500"


__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DecodingError",
    "EmptyInputError",
    "InputError",
    "MissingDependencyError",
    "ModelError",
    "QuotecheckError",
    "UnreadableInputError",
    "UsageError",
]
