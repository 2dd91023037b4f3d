"""Quotes and their attribution cues, on the canonical text.

For every quote span (see :mod:`quotecheck.extract.marks`) this module looks
for a cue on the right (``," X said``), on the left (``X said:``), through a
chain (``Citing X, Tass reports,``) or embedded earlier in the sentence
(``X called it "..."``), decides the kind (direct, partial, scare), and lets a
follow-on quote with no cue of its own inherit the previous speaker. Speaker
*names* are resolved afterwards by :mod:`quotecheck.extract.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

import regex

from quotecheck import quotemarks
from quotecheck.analysis.rules import sentence_spans
from quotecheck.extract.attribution import RULES, AttributionRule
from quotecheck.extract.cues import CueIndex, CuePatterns
from quotecheck.extract.marks import find_quote_spans
from quotecheck.extract.names import span_problem

__all__ = ["Draft", "anchored_match", "appositive_span", "attribute_quotes"]

_CLOSING_OR_SPACE = "".join(sorted(quotemarks.CLOSING)) + " "
"""What ``rstrip`` takes off a quote's words before looking at its last punctuation."""

_TIMEOUT = 1.0
_WINDOW = 600
"""How far (in characters) a cue is looked for on either side of a quote: a cue is in the
quote's own sentence, and the bound keeps a paragraph of 100,000 quotes linear."""
_TERMINAL = (".", "!", "?", "…")
_WORDS = regex.compile(r"[\p{L}\p{N}'’\-]+", regex.V1)


@dataclass(slots=True)
class Draft:
    """A quote or statement being built; offsets into the canonical text."""

    start: int
    end: int
    kind: str
    paragraph: int
    open_at: int = -1
    outer_end: int = -1
    paragraphs: int = 1
    notes: tuple[str, ...] = ()
    cue: tuple[int, int] | None = None
    spk: tuple[int, int] | None = None
    app: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    rule: str | None = None
    confidence: float = 0.0
    inherited: Draft | None = field(default=None, repr=False)
    rejected: str | None = None
    """Why the last speaker phrase a cue pattern found was not taken (names.speaker_problem)."""
    spk_spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict, repr=False)
    """A pattern's speaker group -> the speaker phrase it stands for (see _speaker_span)."""
    source_phrase: bool = False
    """``spk`` is the words after "according to" that are no speaker phrase (``a CNN
    tally``, ``early results of the exit polls``): the source of the claim, never the
    antecedent of a later pronoun."""


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _cut_sentence(text: str, start: int, end: int) -> int:
    """The end of the first sentence in ``text[start:end]`` (or ``end``)."""
    spans = sentence_spans(text, start, end)
    return spans[0][1] if spans else end


def _last_sentence_start(text: str, start: int, end: int) -> int:
    spans = sentence_spans(text, start, end)
    if not spans:
        return end
    s = spans[-1][0]
    # the last "sentence" may be one that ended right at the mark ("... said. "Quote")
    last_text = text[spans[-1][0] : spans[-1][1]].rstrip()
    if last_text.endswith(_TERMINAL) and spans[-1][1] <= end:
        tail_start = spans[-1][1]
        rest = text[tail_start:end]
        if not rest.strip():
            return end
    return s


_SHORT = 1_000
"""The longest window searched without a timeout. Every cue pattern has only bounded
repetitions, so its cost on a window this short is bounded (tests/reliability measures the
worst case), and a ``timeout=`` costs about 30% on every ``regex`` call. A longer window
(reported speech runs on whole sentences) is searched with a timeout of ``_TIMEOUT``
seconds, and a search that runs out of time finds nothing."""


def _match(pattern: regex.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
    if end - start <= _SHORT:
        return pattern.search(text, start, end)
    try:
        return pattern.search(text, start, end, timeout=_TIMEOUT)
    except TimeoutError:
        return None


def anchored_match(
    pattern: regex.Pattern[str], text: str, start: int, end: int
) -> regex.Match[str] | None:
    """``pattern`` matched at ``start`` within ``text[start:end]``; on a window longer than
    ``_SHORT``, ``None`` when the match takes longer than ``_TIMEOUT`` seconds."""
    if end - start <= _SHORT:
        return pattern.match(text, start, end)
    try:
        return pattern.match(text, start, end, timeout=_TIMEOUT)
    except TimeoutError:
        return None


def _finditer(
    pattern: regex.Pattern[str], text: str, start: int, end: int, overlapped: bool
) -> Iterator[regex.Match[str]]:
    """The matches in ``text[start:end]``; on a long window, those found within the timeout."""
    if end - start <= _SHORT:
        yield from pattern.finditer(text, start, end, overlapped=overlapped)
        return
    try:
        yield from pattern.finditer(text, start, end, overlapped=overlapped, timeout=_TIMEOUT)
    except TimeoutError:
        return


def _nearest_cue(
    pattern: regex.Pattern[str],
    text: str,
    start: int,
    end: int,
    idx: CueIndex,
    cue_at: regex.Pattern[str],
) -> regex.Match[str] | None:
    """The match whose cue is nearest ``end``, with the longest speaker phrase for that cue.

    ``cue_at`` is the part of ``pattern`` from its cue to the end of the window: a verb
    where it fails cannot be the cue of any match. With no such verb there is nothing to
    scan for; otherwise matches come by start position, so the first one whose cue is the
    last possible verb is the answer (no later start can have a nearer cue, and a tie
    keeps the earlier start).
    """
    last_verb = None
    for v in reversed(idx.verbs_in(start, end)):
        if cue_at.match(text, v, end) is not None:
            last_verb = v
            break
    if last_verb is None:
        return None
    best = None
    for m in _finditer(pattern, text, start, end, True):
        if best is None or m.start("cue") > best.start("cue"):
            best = m
            if m.start("cue") == last_verb:
                break
    return best


def _last_match(
    pattern: regex.Pattern[str],
    text: str,
    start: int,
    end: int,
    *,
    overlapped: bool = False,
    idx: CueIndex | None = None,
    valid: Callable[[regex.Match[str]], regex.Match[str] | None] | None = None,
) -> regex.Match[str] | None:
    """The last match (that ``valid`` keeps, when given); with ``idx``, for a pattern whose
    matches each hold a reporting verb, the scan stops at a match after which no verb
    starts (no later match can exist)."""
    last = None
    last_verb = idx.last_verb(start, end) if idx is not None else None
    for m in _finditer(pattern, text, start, end, overlapped):
        if valid is None or valid(m) is not None:
            last = m
        if idx is not None and (last_verb is None or m.end() > last_verb):
            break
    return last


def _match_at_verbs(
    pattern: regex.Pattern[str], text: str, start: int, end: int, idx: CueIndex
) -> regex.Match[str] | None:
    """``search`` for a pattern whose match begins with a reporting verb: only the verbs'
    starts are tried, in order, which finds the same (leftmost) match."""
    if end - start > _SHORT:
        return _match(pattern, text, start, end)  # a long window: one search, timed
    for p in idx.verbs_in(start, end):
        m = pattern.match(text, p, end)
        if m is not None:
            return m
    return None


def appositive_span(m: regex.Match[str]) -> tuple[int, int] | None:
    """The words of a match's ``app`` group (``, the minister,``) without the comma and
    space before them and the comma after; ``None`` when the pattern has none or it is empty."""
    try:
        if not m.group("app"):
            return None
    except IndexError:  # the pattern has no such group (cheaper than building groupdict())
        return None
    a, b = m.span("app")
    return (a + 2, b - 1)


def _take(
    d: Draft,
    m: regex.Match[str],
    rule: AttributionRule,
    *,
    pronoun: bool = False,
    cue: tuple[int, int] | None = None,
    via: tuple[int, int] | None = None,
) -> None:
    """Record the attribution a match found (speaker, cue, appositive), unless ``d`` has one."""
    if d.cue is not None:
        return
    d.cue = cue or m.span("cue")
    d.spk = d.spk_spans.get(m.span("spk"), m.span("spk"))
    if (app := appositive_span(m)) is not None:
        d.app = app
    d.via = via
    d.rule = rule.id
    d.confidence = rule.confidence_for(pronoun=pronoun)


def attribute_quotes(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    pats: CuePatterns,
    index: CueIndex | None = None,
) -> list[Draft]:
    """Find the quotes in ``text`` and attach their cues (``index``: the text's
    :class:`CueIndex`, built here when not given)."""
    idx = index if index is not None else CueIndex(text, pats)
    spans = find_quote_spans(text, paragraphs)
    para_starts = [p[0] for p in paragraphs]
    drafts: list[Draft] = []
    import bisect

    for sp in spans:
        pidx = max(0, bisect.bisect_right(para_starts, sp.open_at) - 1)
        drafts.append(
            Draft(
                sp.start,
                sp.end,
                "direct",
                pidx,
                sp.open_at,
                sp.outer_end,
                sp.paragraphs,
                sp.notes,
            )
        )
    _nest_filter(drafts)
    spoke: Draft | None = None  # the last quote so far with a speaker
    for i, d in enumerate(drafts):
        if d.kind == "nested":
            continue
        prev = _prev(drafts, i)
        nxt = _next(drafts, i)
        _attribute_one(text, paragraphs, d, prev, nxt, pats, idx, spoke)
        if d.spk is not None:
            spoke = d
    drafts = [d for d in drafts if d.kind != "nested"]
    _colon_paragraphs(text, paragraphs, drafts, pats, idx)
    _inherit(text, paragraphs, drafts)
    _previous_paragraph(text, paragraphs, drafts, pats, idx)
    for d in drafts:
        if d.spk is None and d.rejected is not None and d.kind != "scare":
            d.notes = (*d.notes, f"no-speaker:{d.rejected}")
    return drafts


def _nest_filter(drafts: list[Draft]) -> None:
    """A quote inside another quote is part of it, not a quote of its own."""
    outer_end = -1
    for d in drafts:
        if d.open_at < outer_end:
            d.kind = "nested"
        else:
            outer_end = max(outer_end, d.outer_end)


def _prev(drafts: list[Draft], i: int) -> Draft | None:
    for j in range(i - 1, -1, -1):
        if drafts[j].kind != "nested":
            return drafts[j]
    return None


def _next(drafts: list[Draft], i: int) -> Draft | None:
    for j in range(i + 1, len(drafts)):
        if drafts[j].kind != "nested":
            return drafts[j]
    return None


# "nothing but spaces" (``str.strip()``) and "nothing but spaces and end punctuation"
# (``str.strip(" .,;:!?")``) of a stretch, read up to the first other character: slicing
# the rest of a paragraph for every quote was quadratic on one long paragraph
_NOT_SPACE = re.compile(r"\S")
_NOT_END_PUNCT = re.compile(r"[^ .,;:!?]")


def _attribute_one(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    d: Draft,
    prev: Draft | None,
    nxt: Draft | None,
    pats: CuePatterns,
    idx: CueIndex,
    spoke: Draft | None = None,
) -> None:
    """Attribute one quote (``prev``, ``nxt``: its neighbours; ``spoke``: the last
    earlier quote with a speaker)."""
    ps, pe = paragraphs[d.paragraph] if paragraphs else (0, len(text))
    # the paragraph the quote ends in
    end_para = d.paragraph + d.paragraphs - 1
    if paragraphs and end_para < len(paragraphs):
        pe = paragraphs[end_para][1]
    inner = text[d.start : d.end]
    ends_terminal = inner.rstrip(_CLOSING_OR_SPACE).endswith(_TERMINAL)
    if _title_case(inner) and (
        pats.title_before.search(text, max(ps, d.open_at - 60), d.open_at)
        or pats.title_work.search(text, max(ps, d.open_at - 40), d.open_at)
        # a paragraph that is nothing but a quoted title: a heading
        or (
            _NOT_SPACE.search(text, ps, d.open_at) is None
            and _NOT_END_PUNCT.search(text, d.outer_end, pe) is None
            and d.paragraphs == 1
            and len(inner.split()) >= 2
        )
    ):
        # "on ABC's "This Week,"", "on "Meet the Press"": a programme's name, not speech
        d.kind = "scare"
        d.rule = RULES["title"].id
        return
    # right context: up to the next quote in the paragraph, or the paragraph end
    r_end = min(pe, d.outer_end + _WINDOW)
    if nxt is not None and nxt.paragraph <= end_para and nxt.open_at > d.outer_end:
        r_end = min(r_end, nxt.open_at)
    r_start = d.outer_end
    # British punctuation: ”, or ”. right after the mark
    r_sentence_end = _cut_sentence(text, r_start, r_end) if r_start < r_end else r_end
    # left context: from the previous quote (same paragraph) or paragraph start
    l_start = max(ps, d.open_at - _WINDOW)
    if (
        prev is not None
        and prev.paragraph + prev.paragraphs - 1 == d.paragraph
        and prev.outer_end <= d.open_at
    ):
        l_start = max(l_start, prev.outer_end)
    l_sent = _last_sentence_start(text, l_start, d.open_at) if l_start < d.open_at else d.open_at
    left = text[l_sent : d.open_at]
    right = text[r_start:r_sentence_end]
    left_empty = not left.strip(" \t,—–-:(•*·")
    right_rest = right.strip().lstrip(")]}").strip()
    right_empty = (
        not right_rest
        or (right_rest[:1] in ".!?;" and len(right_rest) <= 2)
        # the quote closed its own sentence: what follows is a new one
        or (ends_terminal and (right_rest[:1].isupper() or right_rest[:1] in ".!?"))
    )

    # 1. cue on the right
    m = None
    rule: AttributionRule | None = None
    # a cue whose speaker phrase is rejected still shapes the kind: these say one was seen
    after_seen = intro_seen = False
    # patterns that need a reporting verb run only where the index has one
    verb_right = r_start < r_end and idx.has_verb(r_start, r_end)
    verb_left = idx.has_verb(l_sent, d.open_at)
    if r_start < r_end:
        m = anchored_match(pats.after_name_verb, text, r_start, r_end) if verb_right else None
        rule = RULES["after:speaker-verb"]
        # "Quote." Trump said the economy ... starts a new sentence ("Quote?" X asked does not)
        if (
            m is not None
            and inner.rstrip(_CLOSING_OR_SPACE).endswith((".", "…"))
            and not right_rest[:1].islower()
            and not anchored_match(pats.after_tail_ok, text, m.end(), r_end)
            and m.end() < r_end
        ):
            m = None
        if m is not None and verb_left and _relative_object(text, l_sent, d.open_at, pats, idx):
            # "under what Mr. Orr called "the old model," the club, ..., charged": the quote
            # is the object of the relative clause; the verb after it is the writer's
            m = None
        after_seen = m is not None
        m = _valid(text, m, pats=pats, d=d)
        if m is None and verb_right:
            m = anchored_match(pats.after_verb_name, text, r_start, r_end)
            rule = RULES["after:verb-speaker"]
            if m is not None and ends_terminal and right_rest[:1].isupper():
                m = None
            after_seen = after_seen or m is not None
            m = _valid(text, m, pats=pats, d=d)
        if m is None:
            m = anchored_match(pats.after_according, text, r_start, r_end)
            after_seen = after_seen or m is not None
            m = _valid(text, m, pats=pats, d=d)
            rule = RULES["after:according-to"]
        if m is None:
            m = anchored_match(pats.after_dash, text, r_start, r_end)
            after_seen = after_seen or m is not None
            m = _valid(text, m, pats=pats, d=d)
            rule = RULES["after:dash"]
        if m is None and verb_right:
            # ""A government of clowns." That was how Mayor Adler described the council."
            m = _valid(text, anchored_match(pats.after_how, text, r_start, r_end), pats=pats, d=d)
            rule = RULES["after:that-was-how"]
    if (
        m is not None
        and nxt is not None
        and r_end == nxt.open_at
        and text[m.end() : r_end].rstrip().endswith(":")
        # not when a sentence ends first (", she said. Then she added:") or a participle
        # takes the colon (", Lewandowski said, adding:"): the cue is this quote's
        and _INTRODUCES_NEXT.fullmatch(text, m.end(), r_end) is not None
        # "X said as the heckler yelled: "...": another verb takes the colon
        and not _verb_starts(text, m.end(), r_end, pats, idx)
    ):
        m = None  # "X said:" introduces the next quote, not this one
        after_seen = False
    if m is not None and rule is not None:
        _take(d, m, rule, pronoun=_is_pronoun(text, m.span("spk"), pats))
    # 2. cue on the left
    left_intro = False
    if not left_empty:
        # each pattern below starts with its own words ("[Cc]iting", "[Qq]uoting",
        # "[Aa]ccording"): a window without them cannot match
        chain = "iting" in left or "uoting" in left
        m = _match(pats.before_chain, text, l_sent, d.open_at) if chain else None
        intro_seen = m is not None
        m = _valid(text, m, pats=pats, d=d)
        if m is not None:
            left_intro = True
            _take(d, m, RULES["before:chain"], via=m.span("via"))
        else:
            according = "ccording" in left
            m = _match(pats.before_according, text, l_sent, d.open_at) if according else None
            intro_seen = intro_seen or m is not None
            m = _valid(text, m, pats=pats, d=d)
            if m is not None:
                left_intro = True
                _take(d, m, RULES["before:according-to"])
            else:
                # the speaker nearest the quote ("Asked if X had ..., Ryan said,")
                nearest = _nearest_cue(
                    pats.before_intro, text, l_sent, d.open_at, idx, pats.intro_cue
                )
                m = nearest
                if m is not None and not (
                    m.group("punct")
                    or not m.group("tail").strip()
                    or m.group("tail").rstrip().endswith((",", ":"))
                    # "X told France Inter radio "...": a short object of told/asked
                    or (
                        m.group("cue") in ("told", "tells", "asked", "asks")
                        and len(m.group("tail").split()) <= 4
                    )
                ):
                    m = None
                if m is not None and m.group("cue").endswith("ing"):
                    m = None  # "X did Y, saying, "..."": the participle's subject speaks
                intro_seen = intro_seen or m is not None
                if (
                    m is not None
                    # "a reply from Ann Lee who tweeted,": the name is the relative's subject
                    and not (m.group("rel") and m.group("spk").split()[-1][:1].isupper())
                    and _PREPOSITION_BEFORE.search(
                        text, max(l_sent, m.start("spk") - 12), m.start("spk")
                    )
                ):
                    m = None  # "marching through the streets chanted": not the subject
                    d.rejected = "object-of-preposition"
                m = _valid(text, m, pats=pats, d=d)
                if m is None and verb_left:
                    m = _match_at_verbs(pats.before_verb_speaker, text, l_sent, d.open_at, idx)
                    if m is not None and m.group("cue").endswith("ing"):
                        m = None
                    intro_seen = intro_seen or m is not None
                    m = _valid(text, m, pats=pats, d=d)
                if m is None:
                    # "Mrs. Clinton shook her head and said, "...": the subject of the clause
                    sv = _coordinated_subject(text, l_sent, d.open_at, pats, idx, d, intro=True)
                    if sv is not None:
                        intro_seen = left_intro = True
                        _take(d, sv[0], RULES["before:subject-and-verb"], cue=sv[1])
                if m is None and d.cue is None and d.rejected == "object-of-preposition":
                    # "Protesters marching through the streets chanted "...": the subject
                    raw = nearest  # the search above, before its checks
                    sm = (
                        anchored_match(pats.subject, text, l_sent, raw.start("spk"))
                        if raw
                        else None
                    )
                    sm = _valid(text, sm, pats=pats, d=d)
                    # only a subject that a participle phrase follows ("source speaking to
                    # Fox News said"), not one whose verb sits in a relative clause
                    if (
                        raw is not None
                        and sm is not None
                        and _PARTICIPLE_NEXT.match(text, sm.end(), raw.start("spk")) is not None
                    ):
                        intro_seen = left_intro = True
                        _take(d, sm, RULES["before:speaker-verb"], cue=raw.span("cue"))
                participle_end = (
                    _ING_END.search(text, max(l_sent, d.open_at - 60), d.open_at) is not None
                )
                if m is None and d.cue is None and participle_end:
                    # "footage of Ann Lee asking, "..."": the name before the participle
                    np_ = _match(
                        pats.name_participle, text, _after_break(text, l_sent, d.open_at), d.open_at
                    )
                    np_ = _valid(text, np_, pats=pats, d=d)
                    if np_ is not None:
                        intro_seen = left_intro = True
                        _take(d, np_, RULES["before:name-participle"])
                if m is None and d.cue is None:
                    p = _match(pats.before_participle, text, l_sent, d.open_at)
                    if p is None and participle_end:
                        p = _match(pats.by_participle, text, l_sent, d.open_at)
                    if p is not None:
                        # after the previous quote the sentence goes on: ", Trump said, adding"
                        s0 = l_sent + len(left) - len(left.lstrip(" ,;:—–-"))
                        sm = anchored_match(pats.subject, text, s0, p.start())
                        intro_seen = intro_seen or sm is not None
                        sm = _valid(text, sm, pats=pats, d=d)
                        if sm is not None:
                            left_intro = True
                            _take(d, sm, RULES["before:participle"], cue=p.span("cue"))
                        elif (
                            spoke is not None
                            and spoke.paragraph + spoke.paragraphs - 1 == d.paragraph
                            and not text[l_sent : p.start()].strip(" ,;:—–-")
                        ):
                            # ""...," Graham said on "Morning Joe," adding, "..."": the
                            # participle goes on from the last speaker of the paragraph
                            intro_seen = left_intro = True
                            d.cue, d.spk, d.app, d.via = (
                                p.span("cue"),
                                spoke.spk,
                                spoke.app,
                                spoke.via,
                            )
                            d.rule = RULES["before:participle"].id
                            d.confidence = RULES["before:participle"].confidence
                if m is not None:
                    left_intro = True
                    _take(d, m, RULES["before:speaker-verb"])
    # "Rep. Ann Lee (D-Ohio): "..."", "... surprises pollster Ann Lee: "...""
    if d.cue is None and left.rstrip().endswith(":"):
        nc = _match(pats.name_colon, text, l_sent, d.open_at)
        if nc is not None and (not verb_left or nc.start() == l_sent):
            nc = _valid(text, nc, pats=pats, d=d)
            if nc is not None:
                intro_seen = left_intro = True
                _take(d, nc, RULES["before:name-colon"])
                if nc.group("role"):
                    a, b = nc.span("role")
                    a = a + 1 + len(text[a + 1 : b]) - len(text[a + 1 : b].lstrip())
                    d.app = (a, b)
    # "X, speaking on France Inter, was more direct: "..."": the subject introduces the quote
    if d.cue is None and left.rstrip().endswith(":"):
        sm = anchored_match(pats.subject, text, l_sent, d.open_at)
        if sm is None:
            sm = anchored_match(pats.subject_loose, text, l_sent, d.open_at)
        intro_seen = intro_seen or sm is not None
        sm = _valid(text, sm, pats=pats, d=d)
        if sm is not None:
            left_intro = True
            colon = l_sent + len(left.rstrip()) - 1
            _take(d, sm, RULES["before:colon-subject"], cue=(colon, colon + 1))
    # 3. kind: a whole statement in marks is direct; a fragment of the writer's sentence is partial
    left_ok = left_empty or left_intro or intro_seen or _left_is_lead_in(left)
    right_ok = right_empty or (d.rule or "").startswith("after:") or after_seen
    d.kind = "direct" if left_ok and right_ok else "partial"
    # a whole utterance (a capital first letter) right after its cue and a comma or colon,
    # or right before its cue, is quoted directly whatever the writer's sentence does
    # around it (""Again," she said - and charged ...")
    introduced = (
        (left_intro or intro_seen)
        and (
            left.rstrip().endswith((",", ":"))
            # right after the verb, a whole sentence: "She declared "What a night!" and left"
            or (d.cue is not None and not text[d.cue[1] : d.open_at].strip() and ends_terminal)
        )
    )
    followed = (d.rule or "").startswith("after:") or after_seen
    if d.kind == "partial" and _utterance(inner) and (introduced or followed):
        d.kind = "direct"
    # 4. an embedded cue ("X called it "...", "He said ... and: "...")
    if d.cue is None and not left_empty:
        s_end = r_sentence_end
        valid = partial(_valid, text, pats=pats, d=d)
        found = _outer_speaker(text, l_sent, d.open_at, pats, idx, valid) if verb_left else None
        rule = RULES["embedded:speaker-verb"]
        if found is None and verb_left:
            # "Ms. Ortiz praised the crew and called the rescue "a small miracle""
            sv = _coordinated_subject(text, l_sent, d.open_at, pats, idx, d, intro=False)
            if sv is not None:
                _take(d, sv[0], RULES["embedded:subject-and-verb"], cue=sv[1])
        if found is None and d.cue is None and idx.has_verb(r_start, s_end):
            # the cue may follow later in the same sentence: "... is 'flawed', Mr Carter said."
            found = next(
                (m for m in _finditer(pats.embedded, text, r_start, s_end, False) if valid(m)),
                None,
            )
            if found is None:
                # "... "drew well" in 2008, said Ohio State professor Paul Beck."
                found = _verb_speaker_after_comma(text, r_start, s_end, pats, idx, valid)
            rule = RULES["embedded:speaker-verb-after"]
        if found is None and d.cue is None:
            # "Putin's order to work with the French "like with allies""
            # the pattern ends in one of its nouns: a window without any cannot match
            if any(n in left for n in pats.possessive_nouns):
                found = _last_match(pats.possessive_cue, text, l_sent, d.open_at, valid=valid)
            rule = RULES["embedded:possessive-noun"]
        if found is not None:
            _take(d, found, rule)
    # a quote opening a sentence after one with a speaker and verb in the same paragraph
    if d.cue is None and left_empty and d.kind == "direct" and l_start < d.open_at:
        sents = sentence_spans(text, l_start, d.open_at)
        if sents:
            ps_, pe_ = sents[-1]
            if pe_ == d.open_at or not text[pe_ : d.open_at].strip():
                pm = _previous_sentence_speaker(text, ps_, pe_, pats, idx, d)
                # the sentence of the previous quote's own cue is left to inheritance
                if pm is not None and (
                    prev is None or prev.cue is None or not ps_ <= prev.cue[0] < pe_
                ):
                    _take(d, pm, RULES["before:previous-sentence"])
    # "Emanuel acknowledged, however, "As they say ..."": an utterance introduced by a
    # speaker and verb earlier in the sentence, after a comma or colon, is direct
    if (
        d.kind == "partial"
        and d.rule == RULES["embedded:speaker-verb"].id
        and _utterance(inner)
        and left.rstrip().endswith((",", ":"))
    ):
        d.kind = "direct"
    # ""Every time you say that," Tester said, referring to it, "you give ..."": the rest
    # of an interrupted quote, after its cue and a comma, is direct and the same speaker's
    if (
        d.kind == "partial"
        and prev is not None
        and prev.cue is not None
        and prev.spk is not None
        and prev.paragraph + prev.paragraphs - 1 == d.paragraph
        and prev.outer_end <= prev.cue[0] < d.open_at
        and text[prev.start : prev.end].rstrip(_CLOSING_OR_SPACE).endswith(",")
        and left.rstrip().endswith(",")
        and not _SENTENCE_END.search(text, prev.outer_end, d.open_at)
    ):
        d.kind = "direct"
        if d.cue is None or d.spk != prev.spk:
            d.cue, d.spk, d.app, d.via = prev.cue, prev.spk, prev.app, prev.via
            d.rule = RULES["before:speaker-verb"].id
            d.confidence = RULES["before:speaker-verb"].confidence
    # "in Ms. Lee's words, "nobody wants to pay for it."": a sentence that ends
    # the writer's, right after its cue and a short hearer or adverbial, is direct even in
    # lower case (not after a clause of the writer's: "said that if ..., "we lose."")
    if (
        d.kind == "partial"
        and d.cue is not None
        and right_empty
        and ends_terminal
        and l_sent <= d.cue[0] < d.open_at
        and _introduces(text, d.cue[1], d.open_at, pats, idx)
    ):
        d.kind = "direct"
    # 5. scare quotes and titles: short, unattributed, inside the writer's sentence
    if d.cue is None:
        n = _word_count(inner)
        if _match(pats.title_intro, text, max(l_sent, d.open_at - 40), d.open_at):
            d.kind = "scare"
            d.rule = RULES["title"].id
        elif (d.kind == "partial" and n <= 4) or (
            d.kind == "direct" and n <= 2 and not ends_terminal
        ):
            d.kind = "scare"
            d.rule = RULES["scare:short-unattributed"].id


_BREAKS = ",;:"
"""Characters that no name, pre-modifier, adverb or participle holds (nor any lexicon entry
of a pre-modifier: tests/extract/test_attribution_speedups.py checks)."""


def _after_break(text: str, start: int, end: int) -> int:
    """Where a ``name_participle`` match in ``text[start:end]`` can start at the earliest:
    after the last comma, semicolon or colon before the participle. The match is a name,
    adverbs and the participle, then at most one comma or colon and spaces to the end, so
    it cannot span such a character; skipping the positions before it finds the same match
    without trying each of them."""
    body = text[start:end].rstrip()
    if body.endswith((",", ":")):
        body = body[:-1]
    return start + max(body.rfind(c) for c in _BREAKS) + 1


def _valid(
    text: str, m: regex.Match[str] | None, *, pats: CuePatterns, d: Draft
) -> regex.Match[str] | None:
    """``m`` when its speaker phrase can be a speaker; otherwise ``None``, and the reason
    is kept on ``d`` (a quote left without a speaker says why)."""
    if m is None:
        return None
    s, e = _speaker_span(text, m.start("spk"), m.end("spk"), pats)
    problem = span_problem(text, s, e, pats)
    if problem is None:
        d.spk_spans[m.span("spk")] = (s, e)
        return m
    d.rejected = problem
    return None


_COMPLEMENTIZER = regex.compile(r"(?:that|and|but|as|so|while|when|because|if)\s+(?=\S)", regex.V1)
_ING_END = regex.compile(r"ing(?:[^\S\n]+[^\s“”\"]+){0,5}[^\S\n]*[,:]?[^\S\n]*$", regex.V1)
"""A speech participle may end the text before a quote (a cheap test before the patterns)."""
_SENTENCE_END = regex.compile(r"[.!?][^\S\n]+\p{Lu}", regex.V1)
_PARTICIPLE_NEXT = regex.compile(r"[^\S\n]+\p{Ll}+ing(?![\p{L}])", regex.V1)
_PREPOSITION_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:through|to|at|in|on|with|from|into|about|near|behind|across|over|under|"
    r"toward|towards|against)[^\S\n]+$",
    regex.V1,
)
_CLAUSE_BREAK = regex.compile(
    r"(?<![\p{L}])(?:after|before|since|until|when|while|because|although|though|whereas|than)"
    r"[^\S\n]+",
    regex.V1,
)
_LOWER_RUN = regex.compile(r"(?:[^\S\n]+[\p{Ll}][\p{Ll}\-]*){1,4}[^\S\n]+", regex.V1)
_NOT_DESCRIPTORS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "and",
        "or",
        "but",
        "nor",
        "as",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "while",
        "after",
        "before",
        "during",
        "since",
        "until",
        "if",
        "because",
        "than",
        "then",
        "also",
        "quickly",
        "later",
    ]
)


def _speaker_span(text: str, s: int, e: int, pats: CuePatterns) -> tuple[int, int]:
    """The speaker phrase a pattern's ``spk`` group stands for.

    A leading complementizer is not part of it (``that Mr. Trump`` -> ``Mr. Trump``), and
    a capitalised phrase followed by lower-case descriptors and a name is the name with
    its descriptors: the patterns' alternation stops at the first capitalised word
    (``said Democratic pollster Stan Greenberg``, ``Trump aide Hope Hicks``).
    """
    if (c := _COMPLEMENTIZER.match(text, s, e)) is not None:
        s = c.end()
    # "her after the Democratic front-runner": the speaker follows the last clause word
    for w in reversed(list(_CLAUSE_BREAK.finditer(text, s, e))):
        if text[w.end() : e].strip():
            s = w.end()
        break
    phrase = text[s:e]
    words = phrase.split()
    last = words[-1] if words else ""
    if (
        len(words) == 1
        and phrase[:1].islower()
        and phrase not in pats.pronouns
        and text.startswith(" ", e)
        and (n := pats.name.match(text, e + 1, min(len(text), e + 120))) is not None
    ):
        return s, n.end()  # a bare descriptor before a name ("psychologist Omar Haddad")
    if last[:1].isupper() and phrase not in pats.pronouns:
        limit = min(len(text), e + 120)
        m = _LOWER_RUN.match(text, e, limit)
        if m is not None:
            lower = m.group().split()
            n = pats.name.match(text, m.end(), limit)
            if n is not None and not any(
                w in _NOT_DESCRIPTORS or w in pats.verbs or w.endswith("ly") for w in lower
            ):
                e = n.end()
    return s, e


_AND_BEFORE = regex.compile(
    r"(?<![\p{L}])and[^\S\n]+(?:\p{Ll}+ly[^\S\n]+|then[^\S\n]+|later[^\S\n]+)?$"
)


def _coordinated_subject(
    text: str,
    start: int,
    end: int,
    pats: CuePatterns,
    idx: CueIndex,
    d: Draft,
    *,
    intro: bool,
) -> tuple[regex.Match[str], tuple[int, int]] | None:
    """The subject of a sentence whose reporting verb is the second of two coordinated
    verbs (``X shook her head and said``), with that verb's span. ``intro``: the verb
    must introduce the quote (nothing but a short tail and ``,`` or ``:`` after it)."""
    for v in reversed(idx.verbs_in(start, end)):
        if _AND_BEFORE.search(text, max(start, v - 20), v) is None:
            continue
        cue = pats.intro_cue.match(text, v, end) if intro else pats.verb_at.match(text, v, end)
        if cue is None or (intro and not (cue.group("punct") or not cue.group("tail").strip())):
            continue
        sm = _valid(text, anchored_match(pats.subject, text, start, v), pats=pats, d=d)
        if sm is None and (c := text.rfind(",", start, v)) >= 0:
            # "When asked if ..., he laughed and said": the subject of the last clause
            sm = _valid(text, anchored_match(pats.subject, text, c + 1, v), pats=pats, d=d)
        if sm is not None:
            return sm, cue.span("cue")
        return None
    return None


_INTRODUCES_NEXT = regex.compile(
    r"(?:[^\S\n]+(?!\p{L}+ing\b)[^\s.!?,:;]+){0,4}[^\S\n]*:\s*", regex.V1
)
"""What may follow ``X said`` when it introduces the next quote: a few words, a colon."""
_SUBORDINATOR = regex.compile(
    r"(?<![\p{L}])(?:while|although|though|whereas|as|if|because|since|when|even\s+as)[^\S\n]+$"
)


_THAT = regex.compile(r"\s+(?:\p{Ll}+ly\s+|on\s+\p{Lu}\p{Ll}+\s+)?that\s", regex.V1)
_WORDS_OF_THEIR_OWN = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "called",
        "calls",
        "described",
        "describes",
        "wrote",
        "writes",
        "tweeted",
        "tweets",
        "asked",
        "asks",
        "added",
        "adds",
        "insisted",
        "insists",
        "declared",
        "declares",
        "warned",
        "warns",
        "quipped",
        "joked",
        "dubbed",
        "branded",
        "termed",
        "labeled",
        "labelled",
    ]
)
"""Verbs whose quoted object is their subject's own words, even inside a that-clause."""


def _outer_speaker(
    text: str,
    start: int,
    end: int,
    pats: CuePatterns,
    idx: CueIndex,
    valid: Callable[[regex.Match[str]], regex.Match[str] | None],
) -> regex.Match[str] | None:
    """The speaker and verb whose words the partial quote ends ``text[start:end]`` with: the
    last match, unless it sits in a subordinate clause (``He said that while the Russians
    say ..., most "..."``), which is closed before the quote; then the one before it."""
    found: list[regex.Match[str]] = []
    last_verb = idx.last_verb(start, end)
    for m in _finditer(pats.embedded, text, start, end, False):
        if valid(m) is not None:
            found.append(m)
        if last_verb is None or m.end() > last_verb:
            break
    if not found:
        return None
    last = found[-1]
    if len(found) > 1 and (
        (
            _SUBORDINATOR.search(text, max(start, last.start() - 20), last.start()) is not None
            and "," in text[last.end() : end]
        )
        # "The Kremlin said that Putin and Hollande had agreed to fight "international
        # terrorism"": a verb of agreeing or deciding inside the that-clause is not speech
        or (
            _THAT.match(text, found[-2].end(), last.start()) is not None
            and last.group("cue") not in _WORDS_OF_THEIR_OWN
        )
    ):
        return found[-2]
    return last


def _previous_sentence_speaker(
    text: str, start: int, end: int, pats: CuePatterns, idx: CueIndex, d: Draft
) -> regex.Match[str] | None:
    """The speaker of the sentence ``text[start:end]`` before a quote that has no cue of its
    own (``Lenox was a success, Mr. Clarke said, until the crash. "We lost everything."``):
    the first speaker and verb in it, the main clause's rather than a later clause's (``Lee
    said ... after Dr. Kim warned the board.``), or a verb and speaker after a comma."""
    if not idx.has_verb(start, end) or not quotemarks.DOUBLE.isdisjoint(text[start:end]):
        return None
    valid = partial(_valid, text, pats=pats, d=d)
    m = next((m for m in _finditer(pats.embedded, text, start, end, False) if valid(m)), None)
    if m is not None:
        return m
    return _verb_speaker_after_comma(text, start, end, pats, idx, valid)


def _verb_speaker_after_comma(
    text: str,
    start: int,
    end: int,
    pats: CuePatterns,
    idx: CueIndex,
    valid: Callable[[regex.Match[str]], regex.Match[str] | None],
) -> regex.Match[str] | None:
    """The first ``, said X`` in ``text[start:end]``: ``after_verb_name`` tried only where a
    reporting verb starts right after a comma."""
    for v in idx.verbs_in(start, end):
        if not text[max(start, v - 8) : v].rstrip().endswith(","):
            continue
        m = pats.after_verb_name.match(text, v, end)
        if m is not None and valid(m) is not None:
            return m
    return None


_TITLE_WORD = regex.compile(r"[\p{L}\p{N}'’\-]+", regex.V1)
_TITLE_SMALL = frozenset(
    ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from"]
)


def _title_case(inner: str) -> bool:
    """Words that look like a title: at most seven, the first and every longer one
    capitalised, no sentence punctuation inside ("Sunday Morning Futures", "This Week")."""
    if any(c in inner.rstrip(",.!? ") for c in ".!?;:"):
        return False
    # word by word, so that a quote is rejected at its first word that is no title's
    # (most are) or at its eighth, without listing all its words
    n = 0
    for n, m in enumerate(_TITLE_WORD.finditer(inner), 1):
        w = m.group()
        if n > 7 or not (w[:1].isupper() or (n > 1 and (w in _TITLE_SMALL or w[:1].isdigit()))):
            return False
    return n > 0


def _verb_starts(text: str, start: int, end: int, pats: CuePatterns, idx: CueIndex) -> list[int]:
    """The starts of the reporting verbs in ``text[start:end]`` (whole words): the index's
    candidates, each checked, so the answer does not depend on the index."""
    return [
        v
        for v in idx.verbs_in(start, end)
        if (v == 0 or not text[v - 1].isalpha()) and pats.verb_at.match(text, v, end) is not None
    ]


_WHAT_BEFORE = regex.compile(r"(?<![\p{L}])(?:what|which)[^\S\n]+$", regex.V1)


def _relative_object(text: str, start: int, open_at: int, pats: CuePatterns, idx: CueIndex) -> bool:
    """Whether the quote opening at ``open_at`` is the object of ``what X called`` (a
    speaker and verb right before the mark, after ``what`` or ``which``)."""
    verbs = _verb_starts(text, start, open_at, pats, idx)
    if not verbs:
        return False
    v = verbs[-1]
    cue = pats.verb_at.match(text, v, open_at)
    if cue is None or text[cue.end() : open_at].strip(" as"):
        return False
    m = _last_match(pats.embedded, text, max(start, v - 120), cue.end())
    return (
        m is not None
        and m.start("cue") == v
        and _WHAT_BEFORE.search(text, max(start, m.start() - 12), m.start()) is not None
    )


_CLAUSE_WORD = regex.compile(r"(?<![\p{L}])(?:that|if|whether|how|what|why)(?![\p{L}])", regex.V1)


def _introduces(text: str, cue_end: int, open_at: int, pats: CuePatterns, idx: CueIndex) -> bool:
    """Whether the words between a cue and the quote's opening mark only introduce it: at
    most nine words (a hearer, an adverbial) and a comma or colon, with no clause word
    (``that``, ``if``, ``when`` ...) and no other reporting verb."""
    gap = text[cue_end:open_at]
    if not gap.rstrip().endswith((",", ":")) or _word_count(gap) > 9:
        return False
    if _CLAUSE_WORD.search(gap) or _CLAUSE_BREAK.search(gap):
        return False
    return not _verb_starts(text, cue_end, open_at, pats, idx)


def _utterance(inner: str) -> bool:
    """Quoted words that start as a sentence does: the first letter is a capital."""
    for ch in inner:
        if ch.isalpha():
            return ch.isupper()
    return False


def _left_is_lead_in(left: str) -> bool:
    """Left material that still lets a quote be 'direct' (``He added:``, ``And``)."""
    s = left.strip()
    return s.endswith(":") or s.lower() in {"and", "but", "so", "or"}


def _opening_paragraph(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    drafts: list[Draft],
) -> Iterator[tuple[Draft, tuple[int, int]]]:
    """Each direct quote with no cue yet that opens its paragraph (not the first), with
    the previous paragraph's span: where a cue in that paragraph may introduce it."""
    for d in drafts:
        if d.cue is not None or d.kind != "direct" or d.paragraph == 0:
            continue
        ps, _ = paragraphs[d.paragraph]
        if not text[ps : d.open_at].strip():
            yield d, paragraphs[d.paragraph - 1]


def _colon_paragraphs(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    drafts: list[Draft],
    pats: CuePatterns,
    idx: CueIndex,
) -> None:
    """``X said:`` ending a paragraph introduces the quote that opens the next one."""
    for d, (qs, qe) in _opening_paragraph(text, paragraphs, drafts):
        if not text[qs:qe].rstrip().endswith(":"):
            continue
        s0 = _last_sentence_start(text, max(qs, qe - _WINDOW), qe)
        verb = idx.has_verb(s0, qe)
        rule = RULES["before:colon-paragraph"]
        for pat in (pats.before_intro, pats.before_verb_speaker, pats.before_according):
            if pat is not pats.before_according and not verb:
                continue
            m = _valid(text, _match(pat, text, s0, qe), pats=pats, d=d)
            if m is not None:
                d.cue = m.span("cue")
                d.spk = m.span("spk")
                d.rule = rule.id
                d.confidence = rule.confidence
                break
        else:
            m = _valid(text, anchored_match(pats.subject, text, s0, qe), pats=pats, d=d)
            if m is not None:
                rule = RULES["before:colon-paragraph-subject"]
                d.spk = m.span("spk")
                d.cue = (qe - 1, qe)
                d.rule = rule.id
                d.confidence = rule.confidence


def _previous_paragraph(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    drafts: list[Draft],
    pats: CuePatterns,
    idx: CueIndex,
) -> None:
    """A paragraph that is nothing but a quote with no cue takes the speaker of the
    previous paragraph's last sentence when that sentence has a speaker and a reporting
    verb and no quote of its own ("Mayor Lee said the plan would fail.\n\n"It won't
    work."")."""
    for d, (qs, qe) in _opening_paragraph(text, paragraphs, drafts):
        _, pe = paragraphs[d.paragraph + d.paragraphs - 1]
        if text[d.outer_end : pe].strip():
            continue
        sents = sentence_spans(text, qs, qe)
        if not sents:
            continue
        pm = _previous_sentence_speaker(text, *sents[-1], pats, idx, d)
        if pm is not None:
            _take(d, pm, RULES["before:previous-sentence"])


def _is_pronoun(text: str, span: tuple[int, int] | None, pats: CuePatterns) -> bool:
    return span is not None and text[span[0] : span[1]] in pats.pronouns


def _inherit(
    text: str, paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...], drafts: list[Draft]
) -> None:
    """A direct quote with no cue of its own takes the previous speaker when it
    follows in the same paragraph or opens the next paragraph."""
    last: Draft | None = None
    for d in drafts:
        if d.kind == "scare":
            continue
        if d.cue is None and d.kind == "direct" and last is not None:
            gap_ok = d.paragraph == last.paragraph + last.paragraphs - 1 or (
                d.paragraph == last.paragraph + last.paragraphs
                and paragraphs
                and text[paragraphs[d.paragraph][0]] in quotemarks.OPENING
                and _no_narrative_between(text, last, d, paragraphs)
            )
            if gap_ok:
                d.inherited = last
                d.cue = last.cue
                d.spk = last.spk
                d.app = last.app
                d.via = last.via
                rule = RULES["inherit:previous-speaker"]
                d.rule = rule.id
                d.confidence = rule.confidence_for(previous=last.confidence)
        if d.cue is not None:
            last = d
        elif d.kind == "direct":
            last = None


def _no_narrative_between(
    text: str,
    last: Draft,
    d: Draft,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
) -> bool:
    """The previous paragraph ended with the attributed quote or its cue sentence: what
    follows the cue is short, or is the rest of the cue's own sentence (an appositive or
    adverbials: ", said Ann Lee, a Republican from Texas who chairs the committee.")."""
    lp = last.paragraph + last.paragraphs - 1
    _, lpe = paragraphs[lp]
    tail = text[max(last.outer_end, last.cue[1] if last.cue else 0) : lpe]
    words = _word_count(tail)
    return words <= 16 or (
        words <= 40 and len(sentence_spans(text, lpe - len(tail.lstrip()), lpe)) <= 1
    )
