"""Build Articles, Quotes and Speakers by hand for cross-check tests.

Offsets are found by searching the article text, so a test states words, not
numbers::

    b = ArticleBuilder("wire.txt", 'Vladimir Putin said: "We will work as allies."')
    b.quote("We will work as allies.", b.speaker("Vladimir Putin"))
    article = b.build()
"""

from __future__ import annotations

import datetime as dt

from quotecheck.models import Article, Attribute, Figure, Quote, QuoteKind, Segment, Span, Speaker


class ArticleBuilder:
    def __init__(self, source: str, text: str, *, date: dt.date | None = None) -> None:
        self.source = source
        self.text = text
        self.date = date
        self.quotes: list[Quote] = []
        self.figures: list[Figure] = []

    def span(self, words: str, occurrence: int = 0) -> Span:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(words, start + 1)
        return Span(start=start, end=start + len(words), text=words)

    def attr(self, written: str, value: str | None = None, occurrence: int = 0) -> Attribute:
        return Attribute(value=value or written, span=self.span(written, occurrence))

    def speaker(
        self,
        name: str,
        *,
        mention: str | None = None,
        kind: str = "person",
        role: str | tuple[str, str] | None = None,
        nationality: str | tuple[str, str] | None = None,
        organization: str | tuple[str, str] | None = None,
        via: str | None = None,
        occurrence: int = 0,
        resolution: str = "explicit",
    ) -> Speaker:
        """``role`` etc. are the written words, or ``(written, value)``."""

        def attribute(given: str | tuple[str, str] | None) -> Attribute | None:
            if given is None:
                return None
            written, value = (given, given) if isinstance(given, str) else given
            return self.attr(written, value)

        return Speaker(
            name=name,
            kind=kind,  # type: ignore[arg-type]
            mention=self.span(mention or name, occurrence),
            role=attribute(role),
            nationality=attribute(nationality),
            organization=attribute(organization),
            via=via,
            via_span=self.span(via) if via else None,
            resolution=resolution,  # type: ignore[arg-type]
        )

    def quote(
        self,
        words: str,
        speaker: Speaker | None = None,
        *,
        kind: QuoteKind = "direct",
        occurrence: int = 0,
        confidence: float = 0.9,
    ) -> Quote:
        """A quote; ``confidence`` is the cue's (0.9: a name at a ``said`` cue)."""
        span = self.span(words, occurrence)
        q = Quote(
            start=span.start,
            end=span.end,
            text=words,
            kind=kind,
            speaker=speaker,
            confidence=confidence,
        )
        self.quotes.append(q)
        return q

    def figure(
        self,
        written: str,
        value: float,
        *,
        low: float | None = None,
        high: float | None = None,
        hedge: str | None = None,
        measure: str | None = None,
        verb: str | None = None,
        place: str | None = None,
        date: str | None = None,
        unit: str | None = None,
        exact: bool = True,
    ) -> Figure:
        """An exact figure gets ``low == high == value`` unless a hedge or bounds are given."""
        if exact and hedge is None and low is None and high is None:
            low = high = value
        f = Figure(
            span=self.span(written),
            low=low,
            high=high,
            value=value,
            hedge=hedge,
            measure=measure,
            verb=verb,
            place=place,
            date=date,
            unit=unit,
        )
        self.figures.append(f)
        return f

    def build(self) -> Article:
        n = len(self.text)
        return Article(
            source=self.source,
            date=self.date,
            text=self.text,
            original_length=n,
            segments=(Segment(canon_start=0, canon_end=n, orig_start=0, orig_end=n),),
            quotes=tuple(self.quotes),
            figures=tuple(self.figures),
        )


def quoted(source: str, speaker_name: str, words: str, *, date: dt.date | None = None) -> Article:
    """A one-quote article: ``<speaker_name> told <source>: "<words>"`` (the source name
    keeps the texts of two such articles apart: identical texts count as one source)."""
    b = ArticleBuilder(source, f'{speaker_name} told {source}: "{words}"', date=date)
    b.quote(words, b.speaker(speaker_name))
    return b.build()
