"""Long texts read a piece at a time, so a per-word list never holds a whole text.

A list of every word of a 10 MB text is about 1.5 million string objects (60-70 bytes
each): more than the text itself several times over. Passes that only need each word
briefly (a set of the words present, the tokens with their offsets) read the text in
pieces of about :data:`PIECE` characters, each cut just after a space or a newline, so
no run of letters, digits or other non-space characters is split between two pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["PIECE", "ascii_words", "pieces"]

#: Characters per piece.
PIECE = 1 << 16


def pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``size``
    characters unless no space or newline lets it end sooner, each (but the last)
    ending just after a space or newline."""
    pos, n = 0, len(text)
    while pos < n:
        cut = n
        if n - pos > size:
            space = max(text.rfind(" ", pos, pos + size), text.rfind("\n", pos, pos + size))
            if space < pos:  # no space in the window: the next one ends the piece
                found = [
                    i for i in (text.find(" ", pos + size), text.find("\n", pos + size)) if i >= 0
                ]
                space = min(found) if found else n - 1
            cut = space + 1
        yield pos, cut
        pos = cut


_ASCII_WORDS = re.compile(r"[a-z]+")  # a plain ASCII class: the stdlib engine is faster


def ascii_words(low: str) -> set[str]:
    """The runs of ASCII lower-case letters in ``low`` (a lower-cased text), as a set: a
    pre-filter telling which lexicon words can occur at all, built piece by piece."""
    present: set[str] = set()
    for a, b in pieces(low):
        present.update(_ASCII_WORDS.findall(low, a, b))
    return present
