"""The exception tree. Every error quotecheck raises derives from one base class::

    QuotecheckError                 the base: catch this to catch everything of ours
    ├── InputError                  one input could not be read (the batch goes on)
    │   ├── EmptyInputError         the input has no text
    │   ├── BinaryInputError        the input is not text (NUL bytes, an image ...)
    │   ├── DecodingError           bytes that are not UTF-8 and no safe fallback
    │   └── UnreadableInputError    missing, a directory, no permission, a symlink loop
    ├── MissingDependencyError      an optional extra is not installed (says the pip command)
    ├── ModelError                  stanza models missing or incomplete (says how to fetch them)
    ├── ConfigError                 a bad setting, registry or lexicon file
    └── UsageError                  the API or CLI was called wrongly

Messages say what failed, on which input, and what to do next. ``code`` is a
stable identifier (``QC-E001`` ...) listed in docs/errors.md.
"""

from __future__ import annotations


class QuotecheckError(Exception):
    """Base class of every quotecheck error."""

    code = "QC-E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


class InputError(QuotecheckError):
    """One input could not be read. In a batch, the others are still processed."""

    code = "QC-E100"


class EmptyInputError(InputError):
    code = "QC-E101"


class BinaryInputError(InputError):
    code = "QC-E102"


class DecodingError(InputError):
    code = "QC-E103"


class UnreadableInputError(InputError):
    code = "QC-E104"


class MissingDependencyError(QuotecheckError):
    """An optional part needs an extra: the message carries the install command."""

    code = "QC-E200"

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {module!r}, which is not installed. "
            f"Install it with: pip install 'quotecheck[{extra}]'"
        )
        self.extra = extra
        self.module = module


class ModelError(QuotecheckError):
    """Stanza models are missing or incomplete."""

    code = "QC-E300"


class ConfigError(QuotecheckError):
    """A setting, registry file or lexicon file is invalid."""

    code = "QC-E400"


class UsageError(QuotecheckError):
    """The API or the command line was called wrongly."""

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
