"""Mojibake repair keeps curly quotes, and offsets stay exact around each repair."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest

from quotecheck.ingest import ingest_bytes, ingest_text
from quotecheck.ingest.offsets import Mapped, build_segments
from quotecheck.ingest.repair import repair_text

from .helpers import assert_span_maps, assert_valid_map, find_mapped


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    "clean",
    [
        "“We are ready,” said José Núñez.",
        "The café’s owner called it “a disaster” — again.",
        "‘It’s over,’ she said.",
        "Città officials called it «un successo».",
    ],
)
def test_mojibake_is_repaired_and_curly_quotes_are_kept(clean: str) -> None:
    assert repair_text(mojibake(clean)) == clean


@pytest.mark.parametrize(
    "text", ['"Straight," he said.', "“Curly,” she said.", "It’s fine", "naïve café"]
)
def test_clean_text_is_left_alone(text: str) -> None:
    assert repair_text(text) == text


def test_offsets_stay_exact_outside_the_repaired_stretches() -> None:
    clean = "The café’s owner called it “a disaster” on Monday, the council said."
    line = "Mayor Okafor visited the harbour on Sunday."
    original = f"{line}\n{mojibake(clean)}\n{line}\n"
    ing = ingest_text(original, source="moji.txt")
    assert ing.text == f"{line}\n{clean}\n{line}"
    assert [d.code for d in ing.diagnostics] == ["QC-W107"]
    assert_valid_map(ing)
    # the untouched words between repairs map to themselves
    for words in (" owner called it ", "a disaster", " on Monday, the council said."):
        assert find_mapped(ing, words) == words
    # a repaired quote mark maps to the mojibake it replaced
    assert find_mapped(ing, "“") == "â€œ"
    # the clean line after the repaired one is exact, character for character
    start = ing.text.rindex(line)
    assert_span_maps(ing, start, start + len(line))


def test_c1_controls_from_cp1252_become_curly_quotes() -> None:
    data = "\u0093Close the gates,\u0094 he said.".encode()
    ing = ingest_bytes(data, source="c1.txt")
    assert ing.text == "“Close the gates,” he said."
    assert find_mapped(ing, "Close the gates,") == "Close the gates,"
    assert_valid_map(ing)


def test_build_segments_merges_identity_and_isolates_repairs() -> None:
    original = "ab\r\ncd"
    mapped = Mapped.identity(original, 0, 2)
    mapped.append(Mapped.replacement("\n", 2, 4))
    mapped.append(Mapped.identity(original, 4, 6))
    segs = build_segments(mapped, original)
    assert [(s.canon_start, s.canon_end, s.orig_start, s.orig_end) for s in segs] == [
        (0, 2, 0, 2),
        (2, 3, 2, 4),
        (3, 5, 4, 6),
    ]


def test_retext_keeps_ranges_of_unchanged_characters() -> None:
    original = "xâ€œyz"
    m = Mapped.identity(original, 0, len(original)).retext("x“yz")
    assert m.text == "x“yz"
    assert (m.starts, m.ends) == ([0, 1, 4, 5], [1, 4, 5, 6])
