"""The offset map between canonical text and original input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.models import Segment, map_offset, unmap_offset


def _reference_unmap(segments: tuple[Segment, ...], pos: int, side: str) -> int:
    """The plain definition: the first segment holding ``pos``, else the next kept boundary."""
    for seg in segments:
        if seg.orig_start <= pos <= seg.orig_end:
            if seg.canon_end - seg.canon_start == seg.orig_end - seg.orig_start:
                return seg.canon_start + (pos - seg.orig_start)
            return seg.canon_start if side == "start" else seg.canon_end
        if pos < seg.orig_start:
            return seg.canon_start
    return segments[-1].canon_end


@st.composite
def segment_maps(draw: st.DrawFn) -> tuple[Segment, ...]:
    c, o = 0, draw(st.integers(0, 3))
    out = []
    for _ in range(draw(st.integers(1, 10))):
        cl = draw(st.integers(0, 6))
        ol = cl if draw(st.booleans()) else draw(st.integers(0, 6))
        out.append(Segment(canon_start=c, canon_end=c + cl, orig_start=o, orig_end=o + ol))
        c, o = c + cl, o + ol + draw(st.sampled_from([0, 0, 1, 3]))
    return tuple(out)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(segment_maps(), st.sampled_from(["start", "end"]))
def test_unmap_by_bisection_equals_the_plain_definition(
    segments: tuple[Segment, ...], side: str
) -> None:
    for pos in range(segments[-1].orig_end + 3):
        assert unmap_offset(segments, pos, side) == _reference_unmap(segments, pos, side)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(segment_maps())
def test_identity_segments_round_trip(segments: tuple[Segment, ...]) -> None:
    for seg in segments:
        if seg.canon_end - seg.canon_start != seg.orig_end - seg.orig_start:
            continue
        for pos in range(seg.canon_start + 1, seg.canon_end):
            o = map_offset(segments, pos, "start")
            assert o == seg.orig_start + pos - seg.canon_start
            assert unmap_offset(segments, o, "start") == pos


@settings(max_examples=300, derandomize=True, deadline=None)
@given(segment_maps(), st.sampled_from(["start", "end"]))
def test_one_segment_shortcut_equals_the_general_path(
    segments: tuple[Segment, ...], side: str
) -> None:
    # map_offset answers a one-segment map without bisection; a second segment far to
    # the right leaves every answer for offsets before it alone but takes the general path
    for seg in segments:
        far = Segment(
            canon_start=seg.canon_end + 1000,
            canon_end=seg.canon_end + 1001,
            orig_start=seg.orig_end + 1000,
            orig_end=seg.orig_end + 1001,
        )
        for pos in range(seg.canon_end + 3):
            assert map_offset((seg,), pos, side) == map_offset((seg, far), pos, side)


def test_instances_given_the_same_fields_share_one_fields_set() -> None:
    from quotecheck.models import Span

    a, b = Span(start=1, end=2, text="x"), Span(start=3, end=4, text="y")
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    # a copy with an update gets its own set; the shared one is never changed
    c = a.model_copy(update={"text": "z"})
    assert c.text == "z" and a.text == "x"
    assert c.__pydantic_fields_set__ is not a.__pydantic_fields_set__
    assert a.model_fields_set == {"start", "end", "text"}
    assert Span.model_validate_json(a.model_dump_json()) == a
