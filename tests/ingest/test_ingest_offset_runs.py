"""The offset map kept as runs (ingest/offsets.Mapped) against per-character lists.

``Mapped`` keeps the original range of its characters as runs (an identity run, a
replacement run) instead of two ``int`` lists per character. Every test here builds the
same text both ways, the runs through ``Mapped`` and plain per-character lists the way
the lists used to be kept, and checks that the ranges, slices, repairs and the segment
map (``build_segments``, which works per run) are exactly those of the lists.
"""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.ingest.offsets import Mapped, _opcodes, build_segments, concat
from quotecheck.models import Segment


class Chars:
    """The reference: a text and its per-character ``starts``/``ends`` lists."""

    def __init__(
        self, text: str = "", starts: list[int] | None = None, ends: list[int] | None = None
    ):
        self.text, self.starts, self.ends = text, starts or [], ends or []

    @classmethod
    def identity(cls, original: str, start: int, end: int) -> Chars:
        return cls(original[start:end], list(range(start, end)), list(range(start + 1, end + 1)))

    @classmethod
    def replacement(cls, text: str, start: int, end: int) -> Chars:
        return cls(text, [start] * len(text), [end] * len(text))

    def append(self, other: Chars) -> None:
        self.text += other.text
        self.starts += other.starts
        self.ends += other.ends

    def slice(self, i: int, j: int) -> Chars:
        return Chars(self.text[i:j], self.starts[i:j], self.ends[i:j])

    def retext(self, new_text: str) -> Chars:
        if new_text == self.text:
            return self
        out = Chars()
        for tag, i1, i2, j1, j2 in _opcodes(self.text, new_text):
            if tag == "equal":
                out.append(self.slice(i1, i2))
            elif tag in ("replace", "insert"):
                if i2 > i1:
                    start, end = self.starts[i1], max(self.ends[i1:i2])
                elif i1 > 0:
                    start = end = self.ends[i1 - 1]
                elif self.starts:
                    start = end = self.starts[0]
                else:
                    start = end = 0
                out.append(Chars.replacement(new_text[j1:j2], start, end))
        return out


def reference_segments(m: Chars, original: str) -> tuple[Segment, ...]:
    """The segment map, character by character (the definition build_segments keeps)."""
    text, starts, ends = m.text, m.starts, m.ends
    n = len(text)

    def is_identity(i: int) -> bool:
        start, end = starts[i], ends[i]
        if end - start != 1 or original[start] != text[i]:
            return False
        if i > 0 and ends[i - 1] > start:
            return False
        return not (i + 1 < n and starts[i + 1] < end)

    rows: list[list[int]] = []
    i = 0
    while i < n:
        start, end = starts[i], ends[i]
        j = i + 1
        if is_identity(i):
            base = start - i
            while (
                j < n
                and starts[j] == base + j
                and ends[j] == base + j + 1
                and text[j] == original[base + j]
            ):
                j += 1
            if j < n and j - 1 > i and starts[j] < ends[j - 1]:
                j -= 1
            end = ends[j - 1]
        else:
            while j < n and starts[j] == start and ends[j] == end and not is_identity(j):
                j += 1
        if rows and start < rows[-1][3]:
            start = rows[-1][3]
            end = max(end, start)
        rows.append([i, j, start, end])
        i = j
    return tuple(
        Segment(canon_start=a, canon_end=b, orig_start=c, orig_end=d) for a, b, c, d in rows
    )


def _same(m: Mapped, ref: Chars) -> None:
    assert m.text == ref.text
    assert m.starts == ref.starts
    assert m.ends == ref.ends
    for i in range(len(ref.text)):
        assert (m.start_at(i), m.end_at(i)) == (ref.starts[i], ref.ends[i])


@st.composite
def pieces(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, int, int]]]:
    """An original and pieces made from it: identity stretches and replacements, mostly
    in order, sometimes overlapping or jumping back (HTML paragraphs, repairs that
    straddle), replacements that happen to equal the original character, empty ranges."""
    original = draw(st.text(alphabet="ab\r\n x", min_size=1, max_size=120))
    out: list[tuple[str, str, int, int]] = []
    pos = 0
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 5)) == 0:  # jump back or overlap
            pos = draw(st.integers(0, len(original) - 1))
        if pos >= len(original):
            break
        if draw(st.booleans()):
            end = min(len(original), pos + draw(st.integers(1, 30)))
            out.append(("identity", "", pos, end))
        else:
            end = min(len(original), pos + draw(st.integers(0, 3)))
            text = draw(st.sampled_from(["x", "\n", "yy", "a", "b", " ", ""]))
            out.append(("replacement", text, pos, end))
        pos = end
    return original, out


def _build(original: str, parts: list[tuple[str, str, int, int]]) -> tuple[Mapped, Chars]:
    ms: list[Mapped] = []
    ref = Chars()
    for kind, text, s, e in parts:
        if kind == "identity":
            ms.append(Mapped.identity(original, s, e))
            ref.append(Chars.identity(original, s, e))
        else:
            ms.append(Mapped.replacement(text, s, e))
            ref.append(Chars.replacement(text, s, e))
    return concat(ms), ref


@settings(max_examples=400, derandomize=True, deadline=None)
@given(pieces())
def test_runs_give_the_ranges_and_segments_of_the_lists(
    made: tuple[str, list[tuple[str, str, int, int]]],
) -> None:
    original, parts = made
    m, ref = _build(original, parts)
    _same(m, ref)
    assert build_segments(m, original) == reference_segments(ref, original)
    appended = Mapped()
    for kind, text, s, e in parts:  # append one by one: the same as concat
        appended.append(
            Mapped.identity(original, s, e)
            if kind == "identity"
            else Mapped.replacement(text, s, e)
        )
    _same(appended, ref)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(pieces(), st.data())
def test_slices_strips_and_repairs_keep_the_ranges_of_the_lists(
    made: tuple[str, list[tuple[str, str, int, int]]], data: st.DataObject
) -> None:
    original, parts = made
    m, ref = _build(original, parts)
    n = len(ref.text)
    i = data.draw(st.integers(0, n))
    j = data.draw(st.integers(i, n))
    _same(m.slice(i, j), ref.slice(i, j))
    if n:
        assert m.max_end(i, max(j, i + 1) if i < n else n) == max(
            ref.ends[i : max(j, i + 1)] if i < n else ref.ends[n - 1 :]
        )
    new_text = data.draw(st.text(alphabet="ab\n xyé", max_size=60))
    for target in (new_text, ref.text[: n // 2] + "é" + ref.text[n // 2 :], ref.text.upper()):
        repaired, ref_repaired = m.retext(target), ref.retext(target)
        _same(repaired, ref_repaired)
        assert build_segments(repaired, original) == reference_segments(ref_repaired, original)
    stripped = m.strip()
    text = ref.text.strip()
    k = ref.text.index(text[0]) if text else 0
    _same(stripped, ref.slice(k, k + len(text)) if text else Chars())


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        # identity, a CRLF standing for "\n", identity: three segments
        (
            [("identity", "", 0, 3), ("replacement", "\n", 3, 5), ("identity", "", 5, 8)],
            [(0, 3, 0, 3), (3, 4, 3, 5), (4, 7, 5, 8)],
        ),
        # a one-character replacement equal to the original character is an identity one
        (
            [("identity", "", 0, 2), ("replacement", "c", 2, 3), ("identity", "", 3, 6)],
            [(0, 6, 0, 6)],
        ),
        # a repair reaching back over kept characters: the overlapped character is no
        # identity one, and the repair's range is clamped to start after it
        (
            [("identity", "", 0, 4), ("replacement", "zz", 2, 6)],
            [(0, 3, 0, 3), (3, 4, 3, 4), (4, 6, 4, 6)],
        ),
        # kept lines with a dropped stretch between them
        ([("identity", "", 0, 3), ("identity", "", 5, 8)], [(0, 3, 0, 3), (3, 6, 5, 8)]),
    ],
)
def test_segments_of_written_out_cases(
    parts: list[tuple[str, str, int, int]], expected: list[tuple[int, int, int, int]]
) -> None:
    original = "abcdefgh"
    m, ref = _build(original, parts)
    segs = build_segments(m, original)
    assert segs == reference_segments(ref, original)
    assert [(s.canon_start, s.canon_end, s.orig_start, s.orig_end) for s in segs] == expected


@pytest.mark.parametrize(
    ("source", "original"),
    [("abXdef", "abcdef"), ("uvwxyz", "abcdef"), ("abcdef", "abcdef"), ("aXcXeX", "abcdef")],
)
def test_a_mapped_from_another_string_is_compared_character_by_character(
    source: str, original: str
) -> None:
    # identity runs whose text is not original's: each character is compared on its own
    m = concat(
        [
            Mapped.identity(source, 0, 3),
            Mapped.identity(original, 3, 4),
            Mapped.identity(source, 4, len(source)),
        ]
    )
    ref = Chars.identity(source, 0, 3)
    ref.append(Chars.identity(original, 3, 4))
    ref.append(Chars.identity(source, 4, len(source)))
    assert build_segments(m, original) == reference_segments(ref, original)


def test_a_long_repaired_text_keeps_a_few_runs_not_lists_per_character() -> None:
    original = (
        "We said \u00e2\u20ac\u0153yes\u00e2\u20ac\u009d today.\n" + "plain words " * 40
    ) * 2000
    line_parts = []
    for line_start in range(0, len(original), 500):
        line_parts.append(
            Mapped.identity(original, line_start, min(len(original), line_start + 500))
        )
    tracemalloc.start()
    m = concat(line_parts)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(m.runs) == 1  # contiguous identity lines are one run
    # the joined text (2 bytes a character: it holds non-Latin-1 characters) and one run;
    # per-character lists took at least 16 bytes a character more
    assert size < 3 * len(original)
