"""Quote marks: the one table every stage reads (as textacy keeps one
``QUOTE_TRANSLATION_TABLE``).

Which characters are quote marks, which way each faces, and how marks, primes,
apostrophe variants, dashes and no-break spaces fold to plain ASCII when two texts
are compared. The ```` `` '' ```` pair some feeds use is read by
:mod:`quotecheck.extract.marks` from :data:`STRAIGHT_DOUBLE`, :data:`STRAIGHT_SINGLE`
and :data:`BACKTICK`.
"""

from __future__ import annotations

__all__ = [
    "ALL",
    "BACKTICK",
    "CLOSING",
    "DOUBLE",
    "DOUBLE_CLOSE",
    "DOUBLE_OPEN",
    "FOLD",
    "FOLD_TABLE",
    "OPENING",
    "SINGLE",
    "SINGLE_CLOSE",
    "SINGLE_OPEN",
    "STRAIGHT_DOUBLE",
    "STRAIGHT_SINGLE",
]

STRAIGHT_DOUBLE = '"'
"""Faces either way; :mod:`quotecheck.extract.marks` decides from the context."""
STRAIGHT_SINGLE = "'"
"""A quote mark or an apostrophe; told apart from the context."""
BACKTICK = "`"
"""Opens the ```` `` '' ```` pair of some feeds (and, doubled, nothing else)."""

DOUBLE_OPEN = frozenset("“„«‟")
"""Double marks that open a quotation (``“`` also closes one in German ``„ “``)."""
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‚")
SINGLE_CLOSE = frozenset("’")
"""Also the typographic apostrophe."""

DOUBLE = frozenset(STRAIGHT_DOUBLE) | DOUBLE_OPEN | DOUBLE_CLOSE
"""Every double quote mark."""
SINGLE = frozenset(STRAIGHT_SINGLE) | SINGLE_OPEN | SINGLE_CLOSE
"""Every single quote mark (apostrophes included)."""
ALL = DOUBLE | SINGLE | {BACKTICK}
"""Every character that can open or close a quotation."""
OPENING = DOUBLE_OPEN | SINGLE_OPEN | {STRAIGHT_DOUBLE, STRAIGHT_SINGLE, BACKTICK}
"""Characters that can open a quotation."""
CLOSING = DOUBLE_CLOSE | SINGLE_CLOSE | {STRAIGHT_DOUBLE, STRAIGHT_SINGLE}
"""Characters that can close a quotation."""

FOLD: dict[str, str] = {
    **dict.fromkeys("“”„‟«»″", '"'),  # double marks and the double prime
    **dict.fromkeys("‘’‚‛′`´", "'"),  # single marks, apostrophes, prime, grave and acute
    **dict.fromkeys("–—‐‑", "-"),  # en and em dash, hyphen, non-breaking hyphen
    "\u00a0": " ",  # no-break space
}
"""Character -> plain ASCII, for comparing two wordings or two copies of a body.
No replacement is itself replaced, so the order of replacement does not matter."""
FOLD_TABLE = str.maketrans(FOLD)
""":data:`FOLD` for :meth:`str.translate`."""
