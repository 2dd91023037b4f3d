"""The extraction stage: canonical text + analysis -> an Article with quotes.

Runs the quote finder, reported speech, speaker resolution, descriptions and
figures on the canonical text, then maps every span back to the original
input through the article's segment map.
"""

from __future__ import annotations

from collections.abc import Callable

from quotecheck.analysis.base import Analysis
from quotecheck.extract.cues import CueIndex, patterns
from quotecheck.extract.descriptions import Described
from quotecheck.extract.quotes import Draft, attribute_quotes
from quotecheck.extract.reported import Reported, find_reported
from quotecheck.extract.speakers import ResolvedSpeaker, resolve_speakers
from quotecheck.extract.syntax import attribute_by_parse
from quotecheck.models import Attribute, Quote, Segment, Span, Speaker, map_offset

__all__ = ["extract_quotes"]

SpanMap = Callable[[int, int], Span]


def _span_mapper(text: str, segments: tuple[Segment, ...]) -> SpanMap:
    made: dict[tuple[int, int], Span] = {}  # spans are immutable: one object per span

    def to_span(s: int, e: int) -> Span:
        span = made.get((s, e))
        if span is None:
            os_ = map_offset(segments, s, "start")
            oe = map_offset(segments, e, "end")
            span = made[s, e] = Span(start=os_, end=max(os_, oe), text=text[s:e])
        return span

    return to_span


def _attr(part: tuple[int, int, str] | None, to_span: SpanMap, text: str) -> Attribute | None:
    if part is None:
        return None
    s, e, value = part
    return Attribute(value=value, span=to_span(s, e))


def _speaker(r: ResolvedSpeaker, to_span: SpanMap, text: str) -> Speaker:
    d = r.described or Described(None)
    return Speaker(
        name=r.name,
        kind=r.kind,
        mention=to_span(*r.mention),
        resolution=r.resolution,
        antecedent=to_span(*r.antecedent) if r.antecedent else None,
        role=_attr(d.role, to_span, text),
        organization=_attr(d.organization, to_span, text),
        nationality=_attr(d.nationality, to_span, text),
        via=r.via_name,
        via_span=to_span(*r.via) if r.via else None,
    )


def extract_quotes(
    text: str,
    analysis: Analysis,
    segments: tuple[Segment, ...],
    *,
    reported: bool = True,
) -> list[Quote]:
    """Quotes (direct, partial, scare and reported) of one canonical text; figures are
    found separately (:func:`quotecheck.extract.figures.find_figures`)."""
    pats = patterns()
    paragraphs = analysis.paragraphs
    index = CueIndex(text, pats)
    drafts = attribute_quotes(text, paragraphs, pats, index)
    attribute_by_parse(text, drafts, analysis, pats)
    contents: dict[int, tuple[int, int]] = {}
    if reported:
        # the rules analyzer's sentences are exactly sentence_spans() of each paragraph
        rules = analysis.backend == "rules"
        sentences = [(s.start, s.end) for s in analysis.sentences] if rules else None
        parsed = analysis.sentences if analysis.has_parse else ()
        found = find_reported(text, paragraphs, pats, sentences, drafts, parsed, index.present)
        contents = {id(drafts[i]): span for i, span in found.contents.items()}
        drafts.extend(found.drafts)
        drafts.sort(key=lambda d: d.start)
    speakers = resolve_speakers(text, drafts, pats, analysis)
    to_span = _span_mapper(text, segments)
    quotes: list[Quote] = []
    made: dict[int, Speaker] = {}  # quotes of one resolved speaker share one Speaker
    for d, r in zip(drafts, speakers, strict=True):
        speaker = None
        if r is not None and d.kind != "scare":
            speaker = made.get(id(r))
            if speaker is None:
                speaker = made[id(r)] = _speaker(r, to_span, text)
        content = contents.get(id(d))
        quotes.append(_quote(d, speaker, to_span, content))
    return quotes


def _quote(
    d: Draft, speaker: Speaker | None, to_span: SpanMap, content: tuple[int, int] | None
) -> Quote:
    span = to_span(d.start, d.end)
    return Quote(
        start=span.start,
        end=span.end,
        text=span.text,
        kind=d.kind,
        speaker=speaker,
        cue=to_span(*d.cue) if d.cue and d.kind != "scare" else None,
        rule=d.rule,
        confidence=d.confidence if speaker is not None else 0.0,
        paragraphs=d.paragraphs,
        notes=d.notes,
        content=to_span(*content) if content is not None else None,
        stance="belief" if isinstance(d, Reported) and d.stance == "belief" else "speech",
    )
