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

import ftfy

from quotecheck.ingest.offsets import Mapped

CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
)


def repair_text(text: str) -> str:
    """``text`` with mojibake repaired (curly quotes kept)."""
    if text.isascii() and text.isprintable():
        return text  # nothing ftfy would change: skip the expensive part
    return str(ftfy.fix_text(text, CONFIG))


def repair(m: Mapped) -> Mapped:
    """``m`` with mojibake repaired, keeping the per-character ranges exact where unchanged."""
    return m.retext(repair_text(m.text))
