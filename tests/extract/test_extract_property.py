"""Properties of the extractor on arbitrary text: it never crashes, and every span it
reports is exactly the text it names."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.analysis.rules import RulesAnalyzer
from quotecheck.extract.pipeline import extract_quotes
from quotecheck.models import Segment

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "``", "''", "—", ":", ","]
WORDS = [
    "he said",
    "said Putin",
    "Mr. Carter",
    "according to Tass",
    "the Kremlin said",
    "Citing Kartapolov, Tass reports,",
    "told",
    "\n\n",
    "\n",
    ". ",
    "at least 129",
    "(R-OH)",
    "Colonel-General",
]

pieces = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(WORDS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
article_like = st.lists(pieces, max_size=60).map(" ".join)


def _check(text: str) -> None:
    analysis = RulesAnalyzer().analyze(text)
    seg = (Segment(canon_start=0, canon_end=len(text), orig_start=0, orig_end=len(text)),)
    quotes = extract_quotes(text, analysis, seg)
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text
            for part in (q.speaker.role, q.speaker.organization, q.speaker.nationality):
                if part is not None:
                    assert text[part.span.start : part.span.end] == part.span.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(article_like)
def test_extractor_never_crashes_and_spans_are_exact(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=400))
def test_any_unicode_string(text: str) -> None:
    _check(text)
