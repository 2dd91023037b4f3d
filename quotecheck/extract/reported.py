"""Reported speech: statements without quote marks.

``Shoigu said that Russian forces hit 206 targets``, ``Russia is using
warships ..., defence minister Sergei Shoigu said.``, ``According to the
Kremlin, ...`` and ``..., according to Tass.`` become ``reported`` drafts whose
content is the reported clause. Sentences that hold a quote mark are left to
:mod:`quotecheck.extract.quotes`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from quotecheck import quotemarks
from quotecheck.analysis.rules import sentence_spans
from quotecheck.extract.cues import CueIndex, CuePatterns
from quotecheck.extract.quotes import Draft, _anchored, _appositive
from quotecheck.lexicons import lexicon_dirs, load_list

__all__ = ["find_reported"]

_MARKS = quotemarks.DOUBLE
_COMMA_SPACE = regex.compile(r",\s")
_COMMA_BEFORE = regex.compile(r",\s+$", regex.REVERSE)  # match() anchors it at endpos


def find_reported(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    pats: CuePatterns,
    index: CueIndex | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Draft]:
    """Reported statements in sentences that contain no quote marks (``index``: the
    text's :class:`CueIndex`, built here when not given; ``sentences``: the
    :func:`sentence_spans` of every paragraph in order, when already at hand)."""
    idx = index if index is not None else CueIndex(text, pats)
    speech = load_list("speech_verbs.txt", lexicon_dirs())
    out: list[Draft] = []
    if sentences is None:
        sentences = [sp for ps, pe in paragraphs for sp in sentence_spans(text, ps, pe)]
    pidx = 0
    for ss, se in sentences:
        while pidx + 1 < len(paragraphs) and paragraphs[pidx + 1][0] <= ss:
            pidx += 1
        sentence = text[ss:se]
        if not _MARKS.isdisjoint(sentence):
            continue
        d = _one(text, ss, se, pidx, pats, idx, sentence, speech)
        if d is not None:
            out.append(d)
    return out


def _strip_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?,;:"):
        e -= 1
    return e


def _draft(
    text: str,
    m: regex.Match[str],
    pidx: int,
    rule: str,
    confidence: float,
    *,
    cue: str = "cue",
    spk: str = "spk",
    min_chars: int = 0,
) -> Draft | None:
    """A reported draft from a match: its ``content`` group, cue, speaker and appositive."""
    cs, ce = m.span("content")
    ce = _strip_end(text, cs, ce)
    if ce - cs < min_chars:
        return None
    return Draft(
        cs,
        ce,
        "reported",
        pidx,
        cue=m.span(cue),
        spk=m.span(spk),
        app=_appositive(m),
        rule=rule,
        confidence=confidence,
    )


def _tail_possible(
    text: str, ss: int, se: int, pats: CuePatterns, idx: CueIndex, speech: frozenset[str]
) -> bool:
    """Can ``reported_tail`` give a statement here? Its cue is a speech verb after a comma
    (the pattern's ``,\\s+``) that either ends the sentence within 80 characters (``...,
    X said on Monday.``) or follows the comma at once (``..., said X.``)."""
    comma = _COMMA_SPACE.search(text, ss + 1, se)
    if comma is None:
        return False
    for v in idx.verbs_in(comma.start(), se, speech):
        if pats.reported_cue_rest.match(text, v, se) or _COMMA_BEFORE.match(text, ss + 1, v):
            return True
    return False


def _one(
    text: str,
    ss: int,
    se: int,
    pidx: int,
    pats: CuePatterns,
    idx: CueIndex,
    sentence: str,
    speech: frozenset[str],
) -> Draft | None:
    if "ccording" in sentence:  # "[Aa]ccording to"
        m = _anchored(pats.according_lead, text, ss, se)
        if m is not None:
            return _draft(text, m, pidx, "reported:according-to-lead", 0.75)
        m = _anchored(pats.according_tail, text, ss, se)
        if m is not None:
            return _draft(text, m, pidx, "reported:according-to-tail", 0.7)
    # both patterns below need one of the speech verbs (they are checked on the match)
    if not idx.has_verb(ss, se, speech):
        return None
    # "..., X said": the speech verb follows a comma (and a space) after the content
    m = (
        _anchored(pats.reported_tail, text, ss, se)
        if _tail_possible(text, ss, se, pats, idx, speech)
        else None
    )
    if m is not None:
        cue = "cue" if m.group("cue") else "cue2"
        if m.group(cue) in speech:
            spk = "spk" if m.group("spk") else "spk2"
            return _draft(text, m, pidx, "reported:speaker-after", 0.7, cue=cue, spk=spk)
    m = _anchored(pats.reported_lead, text, ss, se)
    if m is not None and m.group("cue") in speech:
        that = bool(m.group("that"))
        return _draft(
            text,
            m,
            pidx,
            "reported:speaker-verb-that" if that else "reported:speaker-verb",
            0.7 if that else 0.6,
            min_chars=12,
        )
    return None
