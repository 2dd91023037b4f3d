"""Shared assertions for the ingestion tests."""

from __future__ import annotations

import itertools
from pathlib import Path

from quotecheck.ingest import Ingested
from quotecheck.models import map_offset

DATA = Path(__file__).parent / "data"


def identity_segments(ing: Ingested) -> list[tuple[int, int, int, int]]:
    """``(cs, ce, os, oe)`` of every segment whose text is copied unchanged."""
    out = []
    for seg in ing.segments:
        cs, ce, os_, oe = seg.canon_start, seg.canon_end, seg.orig_start, seg.orig_end
        if ing.text[cs:ce] == ing.original[os_:oe]:
            out.append((cs, ce, os_, oe))
    return out


def assert_valid_map(ing: Ingested, max_repair: int = 16) -> None:
    """The structural promises of the segment map (see quotecheck.ingest.offsets)."""
    assert ing.original_length == len(ing.original)
    if not ing.text:
        assert ing.segments == ()
        return
    segs = ing.segments
    assert segs[0].canon_start == 0
    assert segs[-1].canon_end == len(ing.text)
    prev_oe = 0
    for a, b in itertools.pairwise(segs):
        assert a.canon_end == b.canon_start, "segments must tile the canonical text"
    for seg in segs:
        assert seg.canon_end > seg.canon_start
        assert prev_oe <= seg.orig_start <= seg.orig_end <= len(ing.original)
        prev_oe = seg.orig_end
        clen, olen = seg.canon_end - seg.canon_start, seg.orig_end - seg.orig_start
        same = (
            ing.text[seg.canon_start : seg.canon_end] == ing.original[seg.orig_start : seg.orig_end]
        )
        if not same:  # a repaired stretch: kept small so everything else maps exactly
            assert clen <= max_repair, (ing.text[seg.canon_start : seg.canon_end], seg)
        if clen == olen and not same:
            # equal length but different text only for one-for-one repairs (\r -> \n ...)
            assert clen <= max_repair


def assert_span_maps(ing: Ingested, start: int, end: int) -> None:
    """``original[map(start):map(end)] == text[start:end]`` via quotecheck.models.map_offset."""
    ostart = map_offset(ing.segments, start, "start")
    oend = map_offset(ing.segments, end, "end")
    assert ing.original[ostart:oend] == ing.text[start:end]


def find_mapped(ing: Ingested, needle: str) -> str:
    """The original text behind the first occurrence of ``needle`` in the canonical text."""
    start = ing.text.index(needle)
    ostart = map_offset(ing.segments, start, "start")
    oend = map_offset(ing.segments, start + len(needle), "end")
    return ing.original[ostart:oend]
