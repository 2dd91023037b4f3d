"""Mojibake repair with ftfy, configured to change as little as possible.

ftfy ("fixes text for you") undoes the classic double-decoding damage of scraped news
(``â€œ`` for ``“``, ``Ã©`` for ``é``, cp1252 C1 controls for curly quotes). It is
configured here *not* to straighten curly quotes (quote marks are what quotecheck looks
for), not to unescape HTML entities in plain text, not to touch ligatures, full-width
characters or line breaks. Text is NFC-normalised.

Repairs change lengths, so each repaired line is diffed against its original and only the
changed stretches get their own segment (:meth:`quotecheck.ingest.offsets.Mapped.retext`);
everything else on the line keeps an exact character-by-character mapping.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from quotecheck.ingest.offsets import Mapped

if TYPE_CHECKING:
    import ftfy

    CONFIG: ftfy.TextFixerConfig


@functools.cache
def _config() -> ftfy.TextFixerConfig:
    """The ftfy configuration (ftfy is imported here: most texts never need it, and
    importing it costs about 30 ms of a one-article run)."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        explain=False,
    )


def __getattr__(name: str) -> Any:
    if name == "CONFIG":  # the configuration, made (and ftfy imported) on first use
        return _config()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Typographic punctuation of ordinary news text: curly quotes and apostrophes, dashes,
#: the ellipsis, no-break space. ftfy with :func:`_config` leaves any text made only of
#: these, printable ASCII and tab as it is. Why, step by step (ftfy 6):
#:
#: * fix_encoding leaves text alone unless ``ftfy.badness.is_bad`` finds a match, and
#:   every alternative of its ``BADNESS_RE`` needs a character outside these (a C1
#:   control, an accented or Greek/Cyrillic letter, a currency, numeric, box, "bad" or
#:   legal sign, ``‚`` ...); these characters appear there only next to such a one;
#: * fix_c1_controls, fix_surrogates, remove_terminal_escapes (ESC) and
#:   remove_control_chars act only on other characters (ftfy keeps tab);
#: * NFC leaves them as they are and none composes with a neighbour;
#: * the other fixers are switched off in :func:`_config`.
#:
#: tests/ingest/test_ingest_speedups.py checks these claims against the installed ftfy.
SAFE_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2015\u2026\u00a0"  # ‘’“”–—―… NBSP
# a single negated class: linear, so the stdlib ``re`` (no timeout) is safe here
_UNSAFE = re.compile(rf"[^\t\x20-\x7e{SAFE_PUNCTUATION}]")


def repair_text(text: str) -> str:
    """``text`` with mojibake repaired (curly quotes kept)."""
    if _UNSAFE.search(text) is None:
        return text  # nothing ftfy would change (see SAFE_PUNCTUATION): skip the expensive part
    import ftfy

    return str(ftfy.fix_text(text, _config()))


# the same class, and the line ends a text is split into lines at
_UNSAFE_IN_LINES = re.compile(rf"[^\t\n\r\x20-\x7e{SAFE_PUNCTUATION}]")


def repairs_nothing(text: str) -> bool:
    """Whether :func:`repair_text` leaves every line of ``text`` as it is.

    True when ``text`` holds only the characters it skips ftfy for and line ends: each
    line is a piece of ``text`` without its line ends, so none holds another character.
    """
    return _UNSAFE_IN_LINES.search(text) is None


def repair(m: Mapped) -> Mapped:
    """``m`` with mojibake repaired, keeping the per-character ranges exact where unchanged."""
    return m.retext(repair_text(m.text))
