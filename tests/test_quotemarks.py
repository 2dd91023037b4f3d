"""The one quote-mark table: every stage reads the same marks the same way."""

from __future__ import annotations

import pytest

from quotecheck import quotemarks
from quotecheck.crosscheck.align import normalize_quote
from quotecheck.extract.marks import find_quote_spans
from quotecheck.ingest.duplicates import normalise


def test_sets_are_consistent() -> None:
    assert quotemarks.DOUBLE_OPEN | quotemarks.DOUBLE_CLOSE <= quotemarks.DOUBLE
    assert quotemarks.OPENING | quotemarks.CLOSING <= quotemarks.ALL
    assert quotemarks.DOUBLE.isdisjoint(quotemarks.SINGLE)
    # every mark folds to an ASCII quote mark
    assert all(quotemarks.FOLD.get(c, c) in "\"'`" for c in quotemarks.ALL)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “we stay” today.", "we stay"),
        ("Er sagte „wir bleiben“ heute.", "wir bleiben"),
        ("Il a dit «nous restons» hier.", "nous restons"),
        ('He said "we stay" today.', "we stay"),
        ("He said ‘we stay’ today.", "we stay"),
    ],
)
def test_every_mark_style_opens_a_span(text: str, inner: str) -> None:
    spans = find_quote_spans(text, [(0, len(text))])
    assert [text[s.start : s.end] for s in spans] == [inner]


def test_body_copies_and_wordings_fold_alike() -> None:
    curly = "“Don’t – ever – stop,” she said\u00a0today‑ish."
    straight = '"Don\'t - ever - stop," she said today-ish.'
    # repeated-body detection and quote alignment read the same table: hyphen
    # variants included (the duplicate detector used to leave ‐ and ‑ alone)
    assert normalise(curly) == normalise(straight)
    assert normalize_quote(curly) == normalize_quote(straight)
