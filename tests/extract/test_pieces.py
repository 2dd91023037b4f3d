"""Long texts read a piece at a time: the pieces cover the text and never cut a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotecheck.extract.pieces import pieces


@given(st.text(alphabet="ab \n\t.,“", max_size=400), st.integers(min_value=1, max_value=40))
def test_pieces_cover_the_text_and_end_after_a_space(text: str, size: int) -> None:
    spans = list(pieces(text, size))
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans)
    for a, b in spans[:-1]:
        assert text[b - 1] in " \n"
        if text.rfind(" ", a, a + size) > a or text.rfind("\n", a, a + size) > a:
            assert b - a <= size


def test_a_run_longer_than_a_piece_is_not_cut() -> None:
    text = "ab " + "x" * 50 + " cd"
    assert [text[a:b] for a, b in pieces(text, 10)] == ["ab ", "x" * 50 + " ", "cd"]
