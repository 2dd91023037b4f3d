"""Reported speech: attributed content without quote marks, and the content of mixed quotes.

Every attribution cue of a sentence is looked at, wherever it stands in it:

- a speech verb after its subject: ``Lavrov said (that) Moscow was ready``, ``He told
  reporters the talks had failed``, ``Officials have repeatedly said ...``;
- the same verb after the content: ``Moscow was ready, Lavrov said on Monday.``,
  ``..., said Lavrov.``, and in the middle: ``In Syria, officials said, the talks ...``;
- a second verb of the same subject: ``..., adding that ...``, ``... but said ...``;
- ``according to X``, before or after the content;
- a possessive noun: ``Lavrov's claim that ...``, ``in Lavrov's words, ...``;
- belief and intention verbs (``believe``, ``hope``, ``expect``, ``fear``): the same
  forms, with the stance ``belief`` instead of ``speech`` so the cross-check can tell a
  statement from an attitude.

The content is the cue's complement clause: from after the cue (its object, a short
adjunct and ``that``) to the end of the sentence, or to where another cue's clause
begins. A sentence that holds quote marks is read the same way: a cue inside a quote is
the speaker's own word and is skipped, content running into a direct quote stops there,
and content that holds a partial quote (a *mixed* quote: ``She said the process "often
leaves legislators" with a fait accompli``) becomes that quote's ``content`` instead of a
statement of its own.

Speakers are resolved afterwards by :mod:`quotecheck.extract.speakers`, as for quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from quotecheck import quotemarks
from quotecheck.analysis.rules import sentence_spans
from quotecheck.extract.cues import CuePatterns
from quotecheck.extract.quotes import Draft
from quotecheck.lexicons import lexicon_dirs, load_list, load_map

__all__ = ["Reported", "ReportedFound", "find_reported"]

_FLAGS = regex.V1
_TIMEOUT = 1.0
_DQ = regex.escape("".join(sorted(quotemarks.DOUBLE)))
"""Double quote marks, for a character class: the words between them are not a phrase's."""
_OPEN = regex.escape("".join(sorted(quotemarks.OPENING)))
_CLOSE = regex.escape("".join(sorted(quotemarks.CLOSING)))


@dataclass(slots=True)
class Reported(Draft):
    """A reported statement: a :class:`Draft` whose cue is a speech verb (``stance``
    ``speech``) or a belief or intention verb (``belief``)."""

    stance: str = "speech"


@dataclass(slots=True)
class ReportedFound:
    """What :func:`find_reported` found: new reported statements, and the content span of
    each partial quote that lies inside one (by the quote draft's index)."""

    drafts: list[Reported]
    contents: dict[int, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    objects: frozenset[str]
    nouns: frozenset[str]
    acts: frozenset[str]
    not_clause: frozenset[str]
    """Words a complement clause does not start with (without ``that``): ``said of``,
    ``told about`` are adjuncts or other constructions; an auxiliary first means the
    subject was moved out (``the changes, which officials said will ...``)."""
    predicate: frozenset[str]
    """Auxiliaries that start the predicate of words before a speaker (``The plan, she
    said, is dead``)."""
    not_act: frozenset[str]
    """Words the content of a speech act does not start with (``called off``, ``cited by``)."""
    not_object: frozenset[str]
    """Words that start the content, not the hearer (``told they would ...``)."""
    noun_before: frozenset[str]
    """Determiners after which a cue word is a noun (``his hopes``, ``the claims``)."""
    clause_openers: frozenset[str]
    loose_first: frozenset[str]
    """Words a bare subject phrase may start with (besides a number or a capital)."""
    loose_stop: frozenset[str]
    """Words a bare subject phrase (``22 percent``, ``a number of attendees``) never holds."""
    loose_not_last: frozenset[str]
    """Words a bare subject phrase does not end with (``the claims``: a noun follows)."""
    quantifiers: frozenset[str]
    function_words: frozenset[str]


@lru_cache(maxsize=4)
def _lexicon(dirs: tuple[Path, ...]) -> _Lexicon:
    classes: dict[str, set[str]] = {}
    for word, names in load_map("function_words.tsv", dirs, lower=True).items():
        for name in names.split(","):
            classes.setdefault(name.strip(), set()).add(word)

    def cls(*names: str) -> frozenset[str]:
        return frozenset(w for n in names for w in classes.get(n, ()))

    prep, aux, det = cls("prep"), cls("aux"), cls("det")
    return _Lexicon(
        speech=load_list("speech_verbs.txt", dirs, lower=True),
        belief=load_list("belief_verbs.txt", dirs, lower=True),
        objects=load_list("speech_verbs_with_object.txt", dirs, lower=True),
        nouns=load_list("speech_nouns.txt", dirs, lower=True),
        acts=load_list("speech_act_verbs.txt", dirs, lower=True),
        not_clause=(prep - {"to"}) | cls("conj", "part", "aux"),
        predicate=aux - {"be", "been", "being"},
        not_act=(prep | cls("conj", "part")) - {"for", "on"},
        not_object=cls("pron") | det,
        noun_before=det - {"this", "that"},
        clause_openers=cls("subord", "conj"),
        loose_first=det | cls("quant"),
        loose_stop=cls("wh", "subord", "aux", "conj", "nosubj") | (prep - {"of"}),
        loose_not_last=det | cls("quant"),
        quantifiers=cls("quant"),
        function_words=frozenset(w for ws in classes.values() for w in ws),
    )


def _alt(words: set[str] | frozenset[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class _Patterns:
    """The patterns of reported speech, built on the shared speaker phrase."""

    def __init__(self, pats: CuePatterns, lex: _Lexicon) -> None:
        spk = pats.speaker
        app = rf"(?:,\s(?:[^,.;:{_DQ}\n]|\.(?=\S|\s\p{{Lu}})){{2,160}}?,)"
        # auxiliaries and adverbs between a subject and its verb ("has repeatedly said")
        aux = (
            r"(?:(?:also|has|have|had|would|will|did|does|do|later|then|again|once|first|"
            r"long|still|now|previously|recently|earlier|further|reportedly|\p{Ll}+ly)\s+){0,3}"
        )
        self.subject = regex.compile(rf"(?P<spk>{spk})(?P<app>{app})?,?\s+{aux}", _FLAGS)
        # the lower-case words a speaker phrase can start with (any other starts with a
        # capital): a pronoun, a determiner, a lower-case title, a nominal head
        self.subject_ends = frozenset(
            w.lower() for w in (*pats.pronouns, *pats.nominal_heads) if " " not in w
        )
        self.subject_openers = frozenset(
            w.lower()
            for w in (
                *pats.pronouns,
                *pats.lower_titles,
                *pats.nominal_heads,
                *lex.function_words,
            )
        )
        # what may stand between a verb and its content
        self.obj = regex.compile(
            r"\s+(?:him|her|them|us|me|you|reporters|journalists|supporters|voters|"
            r"the\s+\p{L}+|a\s+\p{L}+(?:\s+\p{L}+)?|"
            r"(?:\p{Lu}[\p{L}'’\-\.]*(?:\s+|['’]s\s+)){0,3}\p{Lu}[\p{L}'’\-\.]*"
            rf"(?:['’]s\s+[{_DQ}]?\p{{Lu}}[^,.;:{_DQ}]{{0,40}}[{_DQ}])?)"
            r"(?=\s)",
            _FLAGS,
        )
        days = (
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
        )
        self.adjunct = regex.compile(
            rf"(?:\s+{days}(?:\s+(?:morning|afternoon|evening|night))?"
            r"|\s+(?:on|in|at|during|last|this|earlier|later|after|before|over|via|through|"
            rf"with|to|from|for|late|early)\s[^,.;:!?{_DQ}\n]{{1,60}}?(?=\s+that\s)"
            rf"|,\s[^,.;:!?{_DQ}\n]{{2,60}},(?=\s+that\s)"
            r"|\s+[—–-]{1,2}\s[^—–\n]{2,60}?\s[—–-]{1,2}(?=\s+that\s))",
            _FLAGS,
        )
        self.that = regex.compile(r"\s+that(?=\s)", _FLAGS)
        self.after_verb_speaker = pats.after_verb_name
        self.according = regex.compile(rf"(?P<cue>[Aa]ccording\s+to)\s+(?P<spk>{spk})", _FLAGS)
        self.possessive = regex.compile(
            rf"(?:^|(?<=[\s(]))(?P<spk>{pats.name.pattern}|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:['’]s?)?"
            rf"\s+(?:\p{{Ll}}+\s+)?(?P<cue>{_alt(lex.nouns)})\s+that\s",
            _FLAGS,
        )
        self.cue_words = lex.speech | lex.belief | lex.acts
        self.noun_before = regex.compile(
            rf"(?<!\p{{L}})(?:{_alt(lex.noun_before)})\s+$", _FLAGS | regex.IGNORECASE
        )
        self.clause_start = regex.compile(
            rf"(?:[,;:(]\s*|\s[—–-]{{1,2}}\s+|(?<!\S)(?:{_alt(lex.clause_openers)})\s+)(?=\S)",
            _FLAGS | regex.IGNORECASE,
        )
        self.loose_first = regex.compile(
            rf"(?:{_alt(lex.loose_first)}|\p{{N}}[\p{{N}},.]*%?)$|\p{{Lu}}",
            _FLAGS | regex.IGNORECASE,
        )
        self.in_words = regex.compile(
            rf"(?P<cue>[Ii]n)\s+(?P<spk>{pats.name.pattern}|his|her|their|its)['’]?s?\s+"
            r"(?:own\s+)?words,\s",
            _FLAGS,
        )
        # a second verb of the same subject ends the first one's content ("said X and
        # called Y ...", "said X, adding Y")
        verbs = {v.lower() for v in pats.verbs if " " not in v} | lex.speech | lex.belief
        # ... and where the writer's own words take over: a contrast ("..., but his team
        # does ..."), a dash aside, a participle phrase ("..., pointing to ...")
        self.coord = regex.compile(
            rf"(?:,?\s+(?:and|but)\s+(?:(?:also|then|later|\p{{Ll}}+ly)\s+)?|,\s+)(?:{_alt(verbs | lex.acts)})(?!\p{{L}})"
            r"|,\s+but\s|\s(?:[—–]|--?)\s|,\s+(?!including\s)\p{Ll}+ing\s",
            _FLAGS | regex.IGNORECASE,
        )


@lru_cache(maxsize=4)
def _patterns(pats: CuePatterns, lex: _Lexicon) -> _Patterns:
    return _Patterns(pats, lex)


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", _FLAGS)
_TOKEN = regex.compile(r"\S+", _FLAGS)
_FIRST = regex.compile(rf"[{_OPEN}]?(?P<w>[\p{{L}}\p{{N}}]+)", _FLAGS)
_BARE_OBJECT = regex.compile(r"\s+(\p{Ll}[\p{L}\-]*)(?:\s+(\p{Ll}[\p{L}\-]*))?(?=\s)", _FLAGS)
_BARE_OBJECT_ONE = regex.compile(r"\s+(\p{Ll}[\p{L}\-]*)()(?=\s)", _FLAGS)
_AUX = regex.compile(
    r"(?:\s+(?:also|has|have|had|would|will|did|does|do|later|then|again|once|first|long|"
    r"still|now|previously|recently|earlier|further|reportedly|\p{Ll}+ly))*\s*$",
    _FLAGS,
)
_COORDINATED = regex.compile(
    r"(?:^|[\s,])(?:and|but)\s+(?:(?:also|then|later|\p{Ll}+ly)\s+)?$", _FLAGS
)
_SUBJECT_WORDS = 12
"""How many words before a verb its subject phrase may start."""
_TAIL_REST = regex.compile(rf"(?:\s+[^.!?;,]{{0,80}})?[.!?]?[\s{_CLOSE})]*$", _FLAGS)
_APPOSITIVE_REST = regex.compile(rf"(?:,\s[^.!?;]{{1,120}})?[.!?]?[\s{_CLOSE})]*$", _FLAGS)
"""What may follow ``said X`` after content: X's description."""
_TAIL_COMMA = regex.compile(rf"(?:,[{_CLOSE}]{{0,2}}|[{_CLOSE}]{{1,2}},)\s+$", _FLAGS)
"""The comma (and closing marks) between content and a speaker after it."""
_MID_REST = regex.compile(r"(?:\s+[^.!?;,]{0,40})?,\s+", _FLAGS)
_MIN_WORDS = 3
_BACK_TO_CLAUSE = 8
"""Content cut at another statement's speaker goes back to a comma or ``and`` at most
this many words before it (``they are undecided, 27 percent of those polled said ...``)."""
_CLAUSE_END = regex.compile(r"(?:[,;]|\s(?:and|but|while|whereas))\s", _FLAGS)


@dataclass(slots=True)
class _Cue:
    vs: int
    ve: int
    verb: str
    stance: str


@dataclass(slots=True)
class _Ctx:
    """One sentence being read."""

    text: str
    ss: int
    se: int
    pidx: int
    pats: CuePatterns
    rp: _Patterns
    lex: _Lexicon
    quotes: list[Draft]
    """The quote drafts in this sentence."""
    found: list[Reported] = field(default_factory=list)


def find_reported(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    pats: CuePatterns,
    sentences: Sequence[tuple[int, int]] | None = None,
    quotes: Sequence[Draft] = (),
) -> ReportedFound:
    """Reported statements of ``text`` and the content of its partial quotes.

    ``quotes`` are the quote drafts of :func:`~quotecheck.extract.quotes.attribute_quotes`
    (a cue inside one is not a cue; content stops at a direct one); ``sentences``: the
    :func:`sentence_spans` of every paragraph in order, when already at hand.
    """
    lex = _lexicon(lexicon_dirs())
    rp = _patterns(pats, lex)
    if sentences is None:
        sentences = [sp for ps, pe in paragraphs for sp in sentence_spans(text, ps, pe)]
    zones = sorted((_zone(d), i) for i, d in enumerate(quotes))
    zone_starts = [z[0][0] for z in zones]
    para_starts = [p[0] for p in paragraphs]
    out: list[Reported] = []
    contents: dict[int, tuple[int, int]] = {}
    cue_words = _cue_words(text, rp.cue_words)
    cue_starts = [s for s, _ in cue_words]
    for ss, se in sentences:
        lo = max(0, bisect.bisect_left(zone_starts, ss) - 1)
        hi = bisect.bisect_left(zone_starts, se)
        inside = [i for (zs, ze), i in zones[lo:hi] if zs < se and ze > ss]
        pidx = max(0, bisect.bisect_right(para_starts, ss) - 1)
        ctx = _Ctx(text, ss, se, pidx, pats, rp, lex, [quotes[i] for i in inside])
        words = cue_words[bisect.bisect_left(cue_starts, ss) : bisect.bisect_left(cue_starts, se)]
        for d in _sentence(ctx, words):
            if not _clear_of_direct(text, d, ctx.quotes) or _mostly_quoted(d, ctx.quotes):
                continue
            attached = False
            for i in inside:
                q = quotes[i]
                zs, ze = _zone(q)
                if q.kind != "partial" or not (d.start <= zs and ze <= d.end + 1):
                    continue
                if q.cue is None or q.cue == d.cue or (q.spk is not None and q.spk == d.spk):
                    contents[i] = (d.start, d.end)
                    attached = True
            if not attached:
                out.append(d)
    return ReportedFound(out, contents)


def _zone(d: Draft) -> tuple[int, int]:
    """A quote with its marks."""
    return (d.open_at if d.open_at >= 0 else d.start, d.outer_end if d.outer_end >= 0 else d.end)


def _mostly_quoted(d: Reported, quotes: list[Draft]) -> bool:
    """Content that is nearly all words in quote marks is the quote finder's to report."""
    quoted = sum(max(0, min(d.end, ze) - max(d.start, zs)) for zs, ze in map(_zone, quotes))
    return quoted >= 0.8 * (d.end - d.start)


def _clear_of_direct(text: str, d: Reported, quotes: list[Draft]) -> bool:
    """Cut ``d``'s content before a direct quote it runs into (the sentence splitter does
    not always end a sentence before a quote); ``False`` when too little is left or the
    content starts inside one (the quote finder reports those words)."""
    for q in quotes:
        zs, ze = _zone(q)
        if q.kind != "direct" or not (zs < d.end and d.start < ze):
            continue
        if zs <= d.start:
            return False
        d.start, d.end = _strip(text, d.start, zs)
        if _words(text, d.start, d.end) < _MIN_WORDS:
            return False
    return True


def _sentence(ctx: _Ctx, words: list[tuple[int, int]]) -> list[Reported]:
    for cue in _cues(ctx, words):
        ctx.found.extend(_one_cue(ctx, cue))
    sentence = ctx.text[ctx.ss : ctx.se]
    if "ccording" in sentence:
        ctx.found.extend(_according(ctx))
    if " that " in sentence or "words," in sentence:
        ctx.found.extend(_possessive(ctx))
    ctx.found.sort(key=lambda d: d.start)
    return _trim(ctx)


_ASCII_WORDS = re.compile(r"[a-z]+")  # a plain ASCII class: the stdlib engine is faster


def _cue_words(text: str, cues: frozenset[str]) -> list[tuple[int, int]]:
    """Where the cue words of ``text`` are, as whole words of :data:`_WORD` (a word joined
    to another by ``'`` or ``-`` is not one). The words present are found with one set
    intersection, then only their occurrences are looked at."""
    low = text.lower()
    if len(low) != len(text):  # a rare case folding that changes lengths: word by word
        return [m.span() for m in _WORD.finditer(text) if m.group().lower() in cues]
    n = len(low)
    found = []
    # entries that are not one ASCII run ("e-mailed", accented words) are always looked for
    rare = {w for w in cues if not (w.isascii() and w.isalpha())}
    for word in cues.intersection(_ASCII_WORDS.findall(low)) | rare:
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if not (
                (
                    i > 0
                    and (low[i - 1].isalnum() or (low[i - 1] in "'’-" and _alnum_at(low, i - 2)))
                )
                or (j < n and (low[j].isalnum() or (low[j] in "'’-" and _alnum_at(low, j + 1))))
            ):
                found.append((i, j))
            i = low.find(word, i + 1)
    return sorted(found)


def _alnum_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _cues(ctx: _Ctx, words: list[tuple[int, int]]) -> list[_Cue]:
    out = []
    zones = [_zone(q) for q in ctx.quotes]
    lex = ctx.lex
    for start, end in words:
        w = ctx.text[start:end].lower()
        if w in lex.speech:
            stance = "speech"
        elif w in lex.belief:
            stance = "belief"
        elif w in lex.acts:
            stance = "act"
        else:
            continue
        if any(zs <= start < ze for zs, ze in zones):
            continue  # the speaker's own word
        if ctx.rp.noun_before.search(ctx.text, max(ctx.ss, start - 8), start):
            continue  # "his hopes", "the claims": a noun
        out.append(_Cue(start, end, w, stance))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?,;:—–-"):
        e -= 1
    return s, e


def _words(text: str, s: int, e: int) -> int:
    return len(_WORD.findall(text, s, e))


def _subject(ctx: _Ctx, vs: int) -> regex.Match[str] | None:
    """The longest speaker phrase that ends right before the verb at ``vs`` (with its
    auxiliaries), starting at a word start at most ``_SUBJECT_WORDS`` words back."""
    text = ctx.text
    lo = max(ctx.ss, vs - 160)
    # a speaker phrase ends with a pronoun, a name, a nominal head, or an appositive's comma
    aux = _AUX.search(text, lo, vs)
    head = text[lo : aux.start() if aux is not None else vs].rstrip()
    if not head.endswith((",", ")")):
        words = _WORD.findall(head[-40:])
        if not words or not (words[-1][0].isupper() or words[-1].lower() in ctx.rp.subject_ends):
            return None
    starts = list(_WORD.finditer(text, lo, vs))
    openers = ctx.rp.subject_openers
    for w in starts[-_SUBJECT_WORDS:]:
        s = w.start()
        if s != ctx.ss and text[s - 1].isalnum():
            continue
        if not text[s].isupper() and w.group().lower() not in openers:
            continue  # no speaker phrase starts with this word
        try:
            m = ctx.rp.subject.fullmatch(text, s, vs, timeout=_TIMEOUT)
        except TimeoutError:
            m = None
        if m is not None:
            return m
    return None


def _loose_subject(ctx: _Ctx, vs: int) -> tuple[int, int] | None:
    """A bare noun phrase from the start of the verb's clause (``22 percent``, ``a number
    of attendees``, ``Abortion rights advocates``), when the speaker phrase pattern has
    none: at most seven words, no comma, no function word that a subject does not hold."""
    text, ss = ctx.text, ctx.ss
    lo = max(ss, vs - 80)
    head = text[lo:vs]
    aux = _AUX.search(head)
    end = lo + (aux.start() if aux is not None else len(head))
    start = ss if lo == ss else None
    for m in ctx.rp.clause_start.finditer(text, lo, end):
        if m.end() > lo:
            start = m.end()
    if start is None or start >= end:
        return None
    tokens = list(_TOKEN.finditer(text, start, end))
    for i in range(len(tokens) - 1, -1, -1):
        w = tokens[i].group().lower().strip(",;:")
        if w in ctx.lex.speech or w in ctx.lex.belief:
            tokens = tokens[i + 1 :]  # "X said residents had warned": the clause after "said"
            break
    if not tokens:
        return None
    start = tokens[0].start()
    words = [t.group() for t in tokens]
    lex = ctx.lex
    if not 1 <= len(words) <= 7 or not ctx.rp.loose_first.match(words[0]):
        return None
    if any(w[:1].isupper() for w in words[1:]):
        return None  # a name the speaker pattern did not take is not guessed at
    if any(w.lower().strip(",.") in lex.loose_stop for w in words):
        return None
    if (len(words) > 1 and words[-1].lower() in lex.loose_not_last) or words[-1].endswith(","):
        return None
    if len(words) == 1 and words[0].lower() in lex.loose_not_last - lex.quantifiers:
        return None
    return start, end


def _prior_subject(ctx: _Ctx, vs: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The speaker (and appositive) of the sentence's last statement or quote before
    ``vs``, else the sentence's subject: who a second verb (``..., adding``, ``and
    said``) belongs to."""
    best: tuple[int, tuple[int, int], tuple[int, int] | None] | None = None
    for d in (*ctx.found, *ctx.quotes):
        if d.cue is None or d.spk is None or d.cue[1] > vs:
            continue
        if best is None or d.cue[1] > best[0]:
            best = (d.cue[1], d.spk, d.app)
    if best is not None:
        return best[1], best[2]
    m = ctx.pats.subject.match(ctx.text, ctx.ss, vs)
    if m is not None:
        return m.span("spk"), None
    return None, None


def _lead_content(ctx: _Ctx, cue: _Cue, pos: int) -> tuple[int, bool] | None:
    """Where the content after a verb (ending at ``pos``) starts, and whether ``that``
    introduced it."""
    text, se, rp = ctx.text, ctx.se, ctx.rp
    if cue.stance == "act":
        # "called Cruz a hypocrite", "accused the bank of fraud": what follows is the content
        while pos < se and text[pos].isspace():
            pos += 1
        w = _FIRST.match(text, pos, se)
        if w is None or w.group("w").lower() in ctx.lex.not_act:
            return None
        return pos, False
    if cue.verb in ctx.lex.objects:
        m = rp.obj.match(text, pos, se) or rp.that.match(text, pos, se)
        if m is None:
            # "told top brass ...", "warned lawmakers ...": one or two plain words
            bare = _BARE_OBJECT.match(text, pos, se)
            if bare is not None and bare.group(2) and bare.group(2).lower() in ctx.lex.not_object:
                bare = _BARE_OBJECT_ONE.match(text, pos, se)
            if bare is not None and bare.group(1).lower() not in ctx.lex.not_object:
                return _clause_after(ctx, bare.end())
        elif not m.group().lstrip().startswith("that"):
            # "warned the plan would fail": what looked like the hearer starts the clause
            return _clause_after(ctx, m.end()) or _clause_after(ctx, pos)
    return _clause_after(ctx, pos)


def _clause_after(ctx: _Ctx, pos: int) -> tuple[int, bool] | None:
    """The complement clause from ``pos`` on, past a short adjunct and ``that``."""
    text, se, rp = ctx.text, ctx.se, ctx.rp
    m = rp.adjunct.match(text, pos, se)
    if m is not None:
        pos = m.end()
    m = rp.that.match(text, pos, se)
    that = m is not None
    if m is not None:
        pos = m.end()
    while pos < se and text[pos].isspace():
        pos += 1
    if pos >= se:
        return None
    if not that:
        w = _FIRST.match(text, pos, se)
        if w is None or w.group("w").lower() in ctx.lex.not_clause:
            return None
    return pos, that


def _one_cue(ctx: _Ctx, cue: _Cue) -> list[Reported]:
    text, ss, se = ctx.text, ctx.ss, ctx.se
    vs, ve = cue.vs, cue.ve
    base = 0.5 if cue.stance == "belief" else 0.7
    spk: tuple[int, int] | None
    if cue.verb.endswith("ing"):
        # "..., adding that ...": the participle continues the subject's statement
        if text[max(ss, vs - 2) : vs] != ", ":
            return []
        spk, app = _prior_subject(ctx, vs)
        return _lead(ctx, cue, spk, app, "reported:participle", base - 0.1)
    m = _subject(ctx, vs)
    if m is None:
        if _COORDINATED.search(text, max(ss, vs - 30), vs):
            # "... but said the outcome was open": the same subject's second verb
            spk, app = _prior_subject(ctx, vs)
            return _lead(ctx, cue, spk, app, "reported:coordinated-verb", base - 0.1)
        loose = _loose_subject(ctx, vs)
        if loose is not None:
            return _lead(ctx, cue, loose, None, "reported:subject-verb", base - 0.15)
        # "..., said Lavrov, the foreign minister."
        if cue.stance == "speech" and text[max(ss, vs - 2) : vs] == ", ":
            inv = ctx.rp.after_verb_speaker.match(text, vs, se)
            if inv is not None and _APPOSITIVE_REST.fullmatch(text, inv.end(), se):
                return _made(
                    ctx,
                    ss,
                    vs - 2,
                    inv.span("cue"),
                    inv.span("spk"),
                    None,
                    "reported:verb-speaker",
                    base,
                    cue,
                )
        return []
    spk, app = m.span("spk"), _app(m)
    lead = _lead(ctx, cue, spk, app, "reported:speaker-verb", base)
    if lead:
        return lead
    tc = _TAIL_COMMA.search(text, max(ss, m.start() - 6), m.start())
    # "CONTENT, X said (on Monday)." (and a mixed quote: 'CONTENT "QUOTE," X said.')
    if tc is not None and _TAIL_REST.fullmatch(text, ve, se):
        s0 = ctx.found[-1].end if ctx.found else ss
        return _made(ctx, s0, tc.end(), (vs, ve), spk, app, "reported:speaker-after", base, cue)
    # "In Syria, officials said, the talks had stalled." (both sides are content)
    comma = m.start()
    mid = _MID_REST.match(text, ve, se) if text[max(ss, comma - 2) : comma] == ", " else None
    if mid is not None:
        after = _FIRST.match(text, mid.end(), se)
        word = after.group("w").lower() if after is not None else ""
        # "..., he said, adding ...", "..., he said, according to ...": not content; "The
        # schedule, she said, is a disaster": the predicate of the words before the speaker
        if not word or word in ctx.lex.speech or word == "according":
            return []
        if word in ctx.lex.not_clause and word not in ctx.lex.predicate:
            return []
        rule = "reported:speaker-between"
        after_part = _made(ctx, mid.end(), se, (vs, ve), spk, app, rule, base - 0.1, cue)
        if word in ctx.lex.predicate:
            return after_part  # the words before the speaker are only its subject
        s0 = ctx.found[-1].end if ctx.found else ss
        return [*_made(ctx, s0, comma - 2, (vs, ve), spk, app, rule, base - 0.1, cue), *after_part]
    return []


def _lead(
    ctx: _Ctx,
    cue: _Cue,
    spk: tuple[int, int] | None,
    app: tuple[int, int] | None,
    rule: str,
    confidence: float,
) -> list[Reported]:
    """The statement after the verb (``X said (that) CONTENT``), if it has content."""
    if spk is None:
        return []
    lead = _lead_content(ctx, cue, cue.ve)
    if lead is None:
        return []
    if cue.stance == "act":
        rule, confidence = "reported:speech-act", confidence - 0.15
    elif lead[1]:
        rule, confidence = rule + "-that", confidence
    else:
        confidence -= 0.1
    return _made(ctx, lead[0], ctx.se, (cue.vs, cue.ve), spk, app, rule, confidence, cue)


def _app(m: regex.Match[str]) -> tuple[int, int] | None:
    if not m.group("app"):
        return None
    a, b = m.span("app")
    return (a + 2, b - 1)


def _made(
    ctx: _Ctx,
    s: int,
    e: int,
    cue: tuple[int, int],
    spk: tuple[int, int] | None,
    app: tuple[int, int] | None,
    rule: str,
    confidence: float,
    c: _Cue | None = None,
) -> list[Reported]:
    """The statement with content ``text[s:e]`` (stripped), if it has enough words."""
    cs, ce = _strip(ctx.text, s, e)
    if _words(ctx.text, cs, ce) < _MIN_WORDS:
        return []
    return [
        Reported(
            cs,
            ce,
            "reported",
            ctx.pidx,
            cue=cue,
            spk=spk,
            app=app,
            rule=rule,
            confidence=round(confidence, 2),
            stance="belief" if c is not None and c.stance == "belief" else "speech",
        )
    ]


def _according(ctx: _Ctx) -> list[Reported]:
    text, ss, se = ctx.text, ctx.ss, ctx.se
    out = []
    for m in ctx.rp.according.finditer(text, ss, se):
        if not text[ss : m.start()].strip(" \t(—–-" + "".join(quotemarks.OPENING)):
            comma = text.find(", ", m.end(), se)
            if comma < 0 or comma - m.end() > 60:
                continue
            s, e, rule, conf = comma + 1, se, "reported:according-to-lead", 0.75
        else:
            s, e, rule, conf = ss, m.start(), "reported:according-to-tail", 0.7
        out += _made(ctx, s, e, m.span("cue"), m.span("spk"), None, rule, conf)
    return out


def _possessive(ctx: _Ctx) -> list[Reported]:
    text, ss, se = ctx.text, ctx.ss, ctx.se
    out = []
    for m in ctx.rp.possessive.finditer(text, ss, se):
        out += _made(
            ctx, m.end(), se, m.span("cue"), m.span("spk"), None, "reported:possessive-noun", 0.6
        )
    w = ctx.rp.in_words.match(text, ss, se)
    if w is not None:
        out += _made(
            ctx, w.end(), se, w.span("cue"), w.span("spk"), None, "reported:in-words", 0.65
        )
    return out


def _trim(ctx: _Ctx) -> list[Reported]:
    """Cut each content where a later statement's cue or speaker begins inside it (back to
    the clause boundary before that), or where a second verb of the same subject begins."""
    text, found = ctx.text, ctx.found
    out: list[Reported] = []
    for i, d in enumerate(found):
        end = d.end
        for other in found[i + 1 :]:
            # "X said A, but Y said B": B's clause is not A's content; "According to X,
            # the leaders agreed to ...": the leaders' words are X's content
            if other.spk is not None and d.start < other.spk[0] < end:
                cut = _back_to_clause(text, d.start, other.spk[0])
                if cut < other.spk[0]:
                    end = cut
        m = ctx.rp.coord.search(text, d.start, end)
        if m is not None:
            end = m.start()
        cs, ce = _strip(text, d.start, end)
        if _words(text, cs, ce) < _MIN_WORDS:
            continue
        d.start, d.end = cs, ce
        out.append(d)
    return out


def _back_to_clause(text: str, start: int, cut: int) -> int:
    """``cut``, or the last clause boundary shortly before it."""
    last = None
    for m in _CLAUSE_END.finditer(text, start, cut + 1):
        last = m
    if last is not None and _words(text, last.end(), cut) <= _BACK_TO_CLAUSE:
        return last.start()
    return cut
