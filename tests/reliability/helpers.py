"""Shared checks for the reliability tests: every span an article reports is valid."""

from __future__ import annotations

import itertools

from quotecheck.models import Article, Span


def identity_stretch(art: Article, original: str, start: int, end: int) -> bool:
    """Whether original ``[start, end)`` lies in identity segments (same characters in both
    texts) that follow each other without a gap in both texts."""
    if start == end:
        return True
    covering = [s for s in art.segments if s.orig_end > start and s.orig_start < end]
    if not covering or covering[0].orig_start > start or covering[-1].orig_end < end:
        return False
    for a, b in itertools.pairwise(covering):
        if a.orig_end != b.orig_start or a.canon_end != b.canon_start:
            return False
    return all(
        art.text[s.canon_start : s.canon_end] == original[s.orig_start : s.orig_end]
        for s in covering
    )


def check_span(span_start: int, span_end: int, text: str, art: Article, original: str) -> None:
    assert 0 <= span_start <= span_end <= len(original), (span_start, span_end, len(original))
    if identity_stretch(art, original, span_start, span_end):
        assert text == original[span_start:span_end], (text, original[span_start:span_end])


def check_article(art: Article, original: str) -> None:
    """Every quote, speaker mention, description part, cue and figure span is inside the
    original, and equals the original's characters where ingestion copied them unchanged."""
    assert art.original_length == len(original)
    spans: list[Span] = []
    for q in art.quotes:
        check_span(q.start, q.end, q.text, art, original)
        if q.cue is not None:
            spans.append(q.cue)
        if q.speaker is not None:
            spans.append(q.speaker.mention)
            spans.extend(x for x in (q.speaker.antecedent, q.speaker.via_span) if x is not None)
            spans.extend(
                a.span
                for a in (q.speaker.role, q.speaker.organization, q.speaker.nationality)
                if a is not None
            )
    for f in art.figures:
        spans.append(f.span)
        if f.sentence is not None:
            spans.append(f.sentence)
    for s in spans:
        check_span(s.start, s.end, s.text, art, original)
