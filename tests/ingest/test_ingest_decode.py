"""Decoding: byte-order marks, the cp1252 fallback, and the inputs that are refused."""

from __future__ import annotations

import codecs

import pytest

from quotecheck.errors import BinaryInputError, DecodingError, EmptyInputError
from quotecheck.ingest import ingest_bytes, ingest_text
from quotecheck.ingest.decode import decode

from .helpers import assert_valid_map, find_mapped

ARTICLE = "“Close the gates,” said the harbour master.\nThe gates closed at noon.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (ARTICLE.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be", True),
        (codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le"), "utf-32-le", True),
    ],
)
def test_byte_order_marks_are_removed_and_offsets_count_from_after_them(
    data: bytes, encoding: str, bom: bool
) -> None:
    decoded = decode(data, "a.txt")
    assert (decoded.encoding, decoded.bom) == (encoding, bom)
    assert decoded.text == ARTICLE  # no U+FEFF left in the text
    ing = ingest_bytes(data, source="a.txt")
    assert ing.original == ARTICLE
    assert ing.text.startswith("“Close the gates,”")
    assert find_mapped(ing, "“Close the gates,”") == "“Close the gates,”"
    assert ing.segments[0].orig_start == 0
    assert_valid_map(ing)


def test_a_bom_left_in_a_string_is_skipped_but_counted() -> None:
    ing = ingest_text("\ufeff" + ARTICLE)
    assert not ing.text.startswith("\ufeff")
    assert ing.segments[0].orig_start == 1
    assert find_mapped(ing, "Close") == "Close"


def test_cp1252_fallback_is_explicit_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    data = "\x93Close the gates,\x94 said the caf\xe9 owner.\n".encode("latin-1")
    with caplog.at_level("WARNING", logger="quotecheck.ingest"):
        ing = ingest_bytes(data, source="old.txt")
    assert ing.text == "“Close the gates,” said the café owner."
    assert [d.code for d in ing.diagnostics] == ["QC-W102"]
    assert ing.diagnostics[0].message.startswith("decoding-fallback:")
    assert "UTF-8" in ing.diagnostics[0].message
    assert "QC-W102" in caplog.text and "old.txt" in caplog.text
    assert_valid_map(ing)


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n\t\r\n ", EmptyInputError, "empty"),
        (codecs.BOM_UTF8 + b"\n\n", EmptyInputError, "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError, "NUL"),
        ("Close the gates".encode("utf-16-le"), BinaryInputError, "UTF-16"),
        (bytes(range(1, 32)) * 10, BinaryInputError, "binary"),
        ("Портовые ворота закрыли в полдень".encode("koi8-r"), DecodingError, "iconv"),
        (b"The gates \x81\x8d closed at noon.", DecodingError, "Windows-1252"),
        (codecs.BOM_UTF8 + b"bad \xff byte", DecodingError, "byte-order mark"),
    ],
)
def test_refused_inputs_say_what_failed_and_what_to_do(
    data: bytes, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as info:
        ingest_bytes(data, source="story.txt")
    message = str(info.value)
    assert message.startswith("story.txt: ")
    assert words in message
    assert any(hint in message for hint in ("pass", "re-save", "convert", "Convert", "check"))


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\ufeff"])
def test_empty_strings_are_refused(text: str) -> None:
    with pytest.raises(EmptyInputError):
        ingest_text(text)


def test_nul_in_a_string_is_binary() -> None:
    with pytest.raises(BinaryInputError):
        ingest_text("text\x00with a NUL")
