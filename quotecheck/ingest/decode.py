"""Bytes to text: byte-order marks, UTF-8, an explicit cp1252 fallback, and refusals.

The order of decisions (first match wins):

1. no bytes, or only whitespace bytes -> :class:`~quotecheck.errors.EmptyInputError`;
2. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) -> decode strictly with that
   encoding; the mark is *not* part of the text, so every offset quotecheck reports is
   an offset into the decoded text after the mark;
3. a NUL byte anywhere -> :class:`~quotecheck.errors.BinaryInputError` (UTF-16 without a
   mark also lands here; the message says to re-save as UTF-8);
4. valid UTF-8 -> done;
5. otherwise, unless the bytes look like a non-Western encoding (many high bytes), decode
   as Windows-1252 and add the diagnostic ``QC-W102 decoding-fallback``; bytes cp1252
   cannot decode -> :class:`~quotecheck.errors.DecodingError`.

After decoding, text that is mostly control characters is refused as binary and text that
is only whitespace as empty. Inputs are only ever read, never written.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from quotecheck.errors import BinaryInputError, DecodingError, EmptyInputError
from quotecheck.ingest.diagnostics import diagnostic
from quotecheck.models import Diagnostic

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Control characters that count against text: below U+0020 or DEL, except the whitespace
#: controls tab, line feed, vertical tab, form feed, carriage return (U+0009-U+000D).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # one character class: linear
#: Above this share of control characters, decoded text is treated as binary.
MAX_CONTROL_SHARE = 0.05
#: Above this share of bytes >= 0x80, invalid UTF-8 is not guessed to be cp1252.
MAX_HIGH_BYTE_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded text (without any byte-order mark) and how it was decoded."""

    text: str
    encoding: str
    bom: bool
    diagnostics: tuple[Diagnostic, ...] = ()


def check_text(text: str, source: str) -> None:
    """Refuse text that is empty, whitespace only, or mostly control characters."""
    if not text.lstrip("\ufeff").strip():
        raise EmptyInputError(
            "the input has no text (it is empty or only whitespace); "
            "check that the export or download worked and pass a file with the article text",
            source=source,
        )
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > MAX_CONTROL_SHARE * len(text):
        raise BinaryInputError(
            f"the input looks binary ({controls} control characters in {len(text)}), not text; "
            "pass the article as plain text (UTF-8), Markdown or HTML",
            source=source,
        )


def decode(data: bytes, source: str) -> Decoded:
    """Decode the bytes of one input, or raise an :class:`~quotecheck.errors.InputError`."""
    if not data.strip():
        raise EmptyInputError(
            "the file is empty (no bytes, or only whitespace); "
            "check that the export or download worked and pass a file with the article text",
            source=source,
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)}: {exc.reason}); "
                    "re-save the file as UTF-8 and try again",
                    source=source,
                ) from exc
            check_text(text, source)
            return Decoded(text, encoding, bom=True)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"contains NUL bytes (first at byte {nul}), so it is not a text "
            "file (an image, a PDF, a word-processor file?); export the article as plain "
            "text (UTF-8), Markdown or HTML. If it is UTF-16 text without a byte-order mark, "
            "re-save it as UTF-8",
            source=source,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _fallback(data, source, exc)
        check_text(text, source)
        diag = diagnostic(
            "QC-W102",
            f"not valid UTF-8 (byte {exc.start}: {exc.reason}); decoded as Windows-1252 "
            "instead. Check the quote marks and accents, and re-save the file as UTF-8 "
            "to silence this warning",
            source,
        )
        return Decoded(text, "cp1252", bom=False, diagnostics=(diag,))
    check_text(text, source)
    return Decoded(text, "utf-8", bom=False)


def _fallback(data: bytes, source: str, exc: UnicodeDecodeError) -> str:
    high = sum(1 for b in data if b >= 0x80)
    what = f"is not valid UTF-8 (byte {exc.start}: {exc.reason})"
    if high > MAX_HIGH_BYTE_SHARE * len(data):
        raise DecodingError(
            f"{what} and has too many non-ASCII bytes ({high} of {len(data)}) to be "
            "Windows-1252 text; it is probably in another encoding (Shift-JIS, KOI8-R, "
            "GB18030 ...). Convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8) and try again",
            source=source,
        ) from exc
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc2:
        raise DecodingError(
            f"{what}, and not Windows-1252 either (byte {exc2.start} is undefined there); "
            "convert the file to UTF-8 (e.g. iconv -f <encoding> -t UTF-8) and try again",
            source=source,
        ) from exc2
