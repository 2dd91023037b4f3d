"""What every check is: a :class:`Rule` with a stable code, kind and default severity."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quotecheck.models import Evidence, Finding, Severity

if TYPE_CHECKING:
    from quotecheck.crosscheck.story import Story

__all__ = ["Details", "Rule", "fingerprint", "listed"]

Details = dict[str, str | int | float | bool | list[str] | None]


MOST_LISTED = 8
"""How many sources or values a finding's message names before "and N more"."""


def listed(items: Iterable[str], most: int = MOST_LISTED, sep: str = ", ") -> str:
    """``items`` joined by ``sep`` for a message, at most ``most`` of them and then how
    many more (``A, B, C (+5 more)``): a batch of hundreds of articles on one story made
    messages of 20,000 characters; the evidence still lists every source."""
    names = list(items)
    if len(names) <= most:
        return sep.join(names)
    return f"{sep.join(names[:most])} (+{len(names) - most} more)"


def fingerprint(code: str, key: str) -> str:
    """A stable id for a finding: sha1 of its code and a normalised key (never offsets),
    so re-running CI on the same story does not duplicate alerts."""
    return hashlib.sha1(f"{code}\x1f{key}".encode()).hexdigest()


@dataclass(frozen=True)
class Rule:
    """One check. ``code`` and ``kind`` never change once released (SARIF depends on them)."""

    code: str
    kind: str
    severity: Severity
    """The default severity; a finding may be raised or lowered by the rule's own logic."""
    summary: str
    run: Callable[[Story], Iterable[Finding]]

    @property
    def doc(self) -> str:
        """The check's documentation (its function's docstring)."""
        return (self.run.__doc__ or self.summary).strip()

    def finding(
        self,
        *,
        message: str,
        evidence: Iterable[Evidence],
        key: str,
        severity: Severity | None = None,
        details: Details | None = None,
    ) -> Finding:
        """A finding of this rule; evidence is sorted by source and offset."""
        ordered = tuple(sorted(evidence, key=lambda e: (e.source, e.start, e.end, e.role or "")))
        return Finding(
            code=self.code,
            kind=self.kind,
            severity=severity or self.severity,
            message=message,
            evidence=ordered,
            details=dict(details or {}),
            fingerprint=fingerprint(self.code, key),
        )
