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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from quotecheck import quotemarks
from quotecheck.analysis.base import Sentence
from quotecheck.analysis.rules import sentence_spans
from quotecheck.extract.cues import CuePatterns, alternation, patterns_for
from quotecheck.extract.names import strip_possessive
from quotecheck.extract.pieces import ascii_words
from quotecheck.extract.quotes import Draft
from quotecheck.lexicons import lexicon_dirs, load_list, load_map

__all__ = ["Reported", "ReportedFound", "find_reported"]

_FLAGS = regex.V1
_BACKWARDS = _FLAGS | regex.REVERSE
"""For a pattern that ends in ``$`` and is only tested for a match (not for where it
starts) in a short window before a position: searched backwards, the engine makes one
attempt at the end instead of one at each position before it. Whether a match exists
does not depend on the direction."""
_TIMEOUT = 1.0
_DQ = regex.escape("".join(sorted(quotemarks.DOUBLE)))
"""Double quote marks, for a character class: the words between them are not a phrase's."""
_DOUBLE = tuple(sorted(quotemarks.DOUBLE))
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
    """Verbs that take a hearer before their content."""
    hearer_required: frozenset[str]
    that_only: frozenset[str]
    promise: frozenset[str]
    """Verbs whose content after the subject is a that-clause or a to-infinitive only."""
    """Verbs that report after their subject only with ``that`` (``added that``)."""
    nouns: frozenset[str]
    acts: frozenset[str]
    evidence: frozenset[str]
    questions: frozenset[str]
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
    np_preps: frozenset[str]
    time_words: frozenset[str]
    """Words that start an adjunct of time (``Monday``, ``last week``)."""
    """Prepositions a bare subject phrase may hold between nouns."""
    subordinators: frozenset[str]
    wh: frozenset[str]
    """Words a question starts with (``whether``, ``if``, ``how``)."""
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
    objects = load_map("speech_verbs_with_object.tsv", dirs, lower=True)
    return _Lexicon(
        speech=load_list("speech_verbs.txt", dirs, lower=True),
        belief=load_list("belief_verbs.txt", dirs, lower=True),
        objects=frozenset(objects),
        hearer_required=frozenset(w for w, how in objects.items() if how == "required"),
        that_only=load_list("that_verbs.txt", dirs, lower=True),
        promise=load_list("promise_verbs.txt", dirs, lower=True),
        nouns=load_list("speech_nouns.txt", dirs, lower=True),
        acts=load_list("speech_act_verbs.txt", dirs, lower=True),
        evidence=load_list("evidence_verbs.txt", dirs, lower=True),
        questions=load_list("question_verbs.txt", dirs, lower=True),
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
        np_preps=frozenset(["for", "from", "at", "in", "on", "with", "across"]),
        time_words=cls("time"),
        subordinators=cls("subord") - {"that", "so"},
        wh=cls("wh") - {"that"},
        function_words=frozenset(w for ws in classes.values() for w in ws),
    )


def _alt(words: set[str] | frozenset[str]) -> str:
    return alternation(frozenset(words))


def _spaced(phrase: str) -> str:
    """A pattern for a phrase whose words may be separated by any whitespace."""
    return r"\s+".join(regex.escape(w) for w in phrase.split())


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
        rest = rf"(?P<app>{app})?,?\s+{aux}"
        self.subject = regex.compile(rf"(?P<spk>{spk}){rest}", _FLAGS)
        # what follows the speaker phrase in ``subject``: the phrase holds no comma outside
        # a parenthesis (``comma_free``), so a subject whose words hold one has its phrase
        # end right at the first, and the rest from there must match this
        self.subject_rest = regex.compile(rest, _FLAGS)
        # the lower-case words a speaker phrase can start with (any other starts with a
        # capital): a pronoun, a determiner, a lower-case title, a nominal head
        self.subject_ends = frozenset(
            w.lower() for w in (*pats.pronouns, *pats.nominal_heads) if " " not in w
        )
        openers = frozenset(
            w.lower()
            for w in (
                *pats.pronouns,
                *pats.lower_titles,
                *pats.nominal_heads,
                *lex.function_words,
            )
        )
        # ... of which only those that open some alternative of the speaker phrase are
        # tried ("and", "to", "was" never do): a lower-case start is a pronoun, a
        # determiner, or the first word of a demonym, a lower-case title or a nominal head
        # (the phrase is case-sensitive; comparing in lower case keeps a few too many)
        firsts: set[str] = set()
        for entry in (*pats.pronouns, *pats.lower_titles, *pats.nominal_heads, *pats.demonyms):
            low = entry.lower()
            firsts.update((low, *low.split()[:1]))
            if (first := _WORD.search(low)) is not None:
                firsts.add(first.group())
        # a speaker phrase holds a double quote mark only inside its parenthesis (``Ann
        # Lee (D-"Ohio")``), unless a lexicon entry holds one
        entries = (*pats.pronouns, *pats.lower_titles, *pats.nominal_heads, *pats.demonyms)
        self.quote_free = not any(c in quotemarks.DOUBLE for entry in entries for c in entry)
        # nor a comma: names, determiners and the words of a nominal are comma-free
        self.comma_free = not any("," in entry for entry in entries)
        det = regex.compile(pats.determiner, _FLAGS)
        self.subject_openers = frozenset(
            w for w in openers if w in firsts or det.fullmatch(w) is not None
        )
        # what may stand between a verb and its content
        self.obj = regex.compile(
            r"\s+(?:him|her|them|us|me|you|reporters|journalists|supporters|voters|"
            r"the\s+\p{L}+|a\s+\p{L}+(?:\s+\p{L}+)?|"
            r"(?:\p{Lu}[\p{L}'’\-\.]*(?:\s+|['’]s\s+)){0,3}\p{Lu}[\p{L}'’\-\.]*"
            rf"(?:['’]s\s+[{_DQ}]?\p{{Lu}}[^,.;:{_DQ}]{{0,40}}[{_DQ}])?)"
            r"(?=[\s.,;:!?])",
            _FLAGS,
        )
        days = (
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)"
        )
        # a day, or adjuncts (a preposition or a day first, commas inside) before "that"
        prep = (
            r"(?:on|in|at|during|last|this|earlier|later|after|before|over|via|through|"
            r"with|to|from|for|late|early)"
        )
        day = rf"\s+{days}(?:\s+(?:morning|afternoon|evening|night))?"
        self.adjunct = regex.compile(
            rf"(?:\s+(?:{prep}\s|{days}(?=[\s,]))[^.;:!?{_DQ}\n]{{1,120}}?,?(?=\s+that\s)"
            rf"|{day}"
            rf"|,\s[^,.;:!?{_DQ}\n]{{2,60}},(?=\s+that\s)"
            r"|\s+[—–-]{1,2}\s[^—–\n]{2,60}?\s[—–-]{1,2}(?=\s+that\s)"
            # "said separately that", "added again that": an adverb before "that"
            r"|\s+(?:\p{Ll}+ly|again|later|earlier|also)(?=\s+that\s))",
            _FLAGS,
        )
        # every other adjunct ends before "that": where no "that" follows, only a day can
        # match, and this is what ``adjunct`` matches there (its first alternative would
        # read up to 120 characters looking for "that")
        self.day_adjunct = regex.compile(day, _FLAGS)
        self.that = regex.compile(r"\s+that(?=\s)", _FLAGS)
        self.after_verb_speaker = pats.after_verb_name
        # the source of "according to" is often no speaker phrase ("recent polls", "a CNN
        # tally"): then the words up to the next comma are
        self.according = regex.compile(
            rf"(?P<cue>[Aa]ccording\s+to)\s+(?:(?P<spk>{spk})|(?P<src>[^,;:!?\n]{{2,150}}?))"
            rf"(?P<tail>[^,;:!?\n]{{0,150}}?)(?P<end>,\s+|[;:]\s|\s*[.!?]?[\s{_CLOSE})]*$)",
            _FLAGS,
        )
        # what the possessive pattern must hold: the noun, then "that" (a cheap test first)
        self.noun_that = regex.compile(rf"(?:{_alt(lex.nouns)})\s+that\s", _FLAGS)
        self.possessive = regex.compile(
            rf"(?:^|(?<=[\s(]))(?P<spk>{pats.name.pattern}|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:['’]s?)?"
            rf"\s+(?:\p{{Ll}}+\s+)?(?P<cue>{_alt(lex.nouns)})\s+that\s",
            _FLAGS,
        )
        self.cue_words = frozenset(
            w.split()[0] for w in lex.speech | lex.belief | lex.acts | lex.evidence | lex.questions
        )
        # cues of several words ("pointed out", "made it clear"), by their first word
        phrases: dict[str, list[str]] = {}
        for w in lex.speech | lex.belief | lex.acts | lex.evidence | lex.questions:
            if " " in w:
                phrases.setdefault(w.split()[0], []).append(w)
        self.phrases = {
            head: regex.compile(
                "(?:" + "|".join(_spaced(p) for p in sorted(ps, key=len, reverse=True)) + ")"
                r"(?!\p{L})",
                _FLAGS | regex.IGNORECASE,
            )
            for head, ps in phrases.items()
        }
        # a question: its word, after the verb and at most a short hearer
        self.question = regex.compile(
            r"(?:\s+(?:him|her|them|us|me|you|reporters|\p{Lu}[\p{L}'’\-\.]*(?:\s+\p{Lu}[\p{L}'’\-\.]*){0,3}"
            r"|(?:the|a|an|his|her|their)\s+\p{L}+(?:\s+\p{L}+)?))?"
            rf"\s+(?=(?:{_alt(lex.wh | {'about'})})\s)",
            _FLAGS,
        )
        # the cue stands in a non-restrictive relative clause ("Hollande, whose government
        # has vowed ..., travels"): the clause's closing comma ends the content
        self.in_relative = regex.compile(
            r",\s+(?:whose|who|which)\s[^,]*$", _FLAGS | regex.IGNORECASE | regex.REVERSE
        )
        # a sentence that opens with a subordinate clause up to a cue ("While X said ...")
        self.opens_subordinate = regex.compile(
            rf"[\s{_OPEN}]*(?:(?:and|but|yet)\s+)?(?:{_alt(lex.subordinators)})\s[^,]*$",
            _FLAGS | regex.IGNORECASE,
        )
        # (the patterns that end in "$" and are only tested for a match are searched
        # backwards: one attempt at the end instead of one at every position before it)
        self.prep_before = regex.compile(
            rf"(?<!\p{{L}})(?:{_alt(lex.np_preps | {'of'})})\s+$", _BACKWARDS | regex.IGNORECASE
        )
        self.noun_before = regex.compile(
            rf"(?:(?<!\p{{L}})(?:{_alt(lex.noun_before)})|\p{{L}}['’]s?)\s+$",
            _BACKWARDS | regex.IGNORECASE,
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
        # does ..."), a dash aside, a participle phrase ("..., pointing to ...").
        # Every alternative starts with a comma or a space: the lookahead says so first,
        # which lets the engine skip other characters fast (the same matches).
        self.coord = regex.compile(
            r"(?=[\s,])(?:"
            rf"(?:,?\s+(?:and|but)\s+(?:(?:also|then|later|\p{{Ll}}+ly)\s+)?|,\s+)(?:{_alt(verbs | lex.acts)})(?!\p{{L}})"
            r"|\s(?:[—–]|--?)\s|,\s+(?!including\s)\p{Ll}+ing\s|,\s+(?:who|which|while)\s)",
            _FLAGS | regex.IGNORECASE,
        )


def _build_patterns(dirs: tuple[Path, ...]) -> _Patterns:
    return _Patterns(patterns_for(dirs), _lexicon(dirs))


@lru_cache(maxsize=4)
def _patterns(pats: CuePatterns, lex: _Lexicon) -> _Patterns:
    """The reported-speech patterns on ``pats``. Those on the shared cue patterns of the
    current lexicon folders are compiled once per user (:mod:`quotecheck.cache`: about
    0.2 s of compiling, since several embed the speaker alternation, against a few
    milliseconds to load); the key covers this module, ``cues.py`` (whose speaker phrase
    they embed) and every lexicon file."""
    dirs = lexicon_dirs()
    if pats is not patterns_for(dirs) or lex is not _lexicon(dirs):
        return _Patterns(pats, lex)
    from quotecheck import cache
    from quotecheck.extract import cues

    return cache.cached_build(
        "reported-patterns",
        _build_patterns,
        dirs,
        lexicon_dirs=dirs,
        files=[Path(cues.__file__)],
    )


_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", _FLAGS)
_LAST_WORD = regex.compile(_WORD.pattern, _BACKWARDS)
"""The last word of a span: the words read from either end are the same (a word is a run
of letters and digits joined by single apostrophes or hyphens), so the first found
backwards is the last :data:`_WORD` finds forwards, without reading the others."""
_TOKEN = regex.compile(r"\S+", _FLAGS)
_FIRST = regex.compile(rf"[{_OPEN}]?(?P<w>[\p{{L}}\p{{N}}]+)", _FLAGS)
_BARE_OBJECT = regex.compile(r"\s+(\p{Ll}[\p{L}\-]*)(?:\s+(\p{Ll}[\p{L}\-]*))?(?=\s)", _FLAGS)
_BARE_OBJECT_ONE = regex.compile(r"\s+(\p{Ll}[\p{L}\-]*)()(?=\s)", _FLAGS)
_AUX = regex.compile(
    r"(?:\s+(?:also|has|have|had|would|will|did|does|do|later|then|again|once|first|long|"
    r"still|now|previously|recently|earlier|further|reportedly|\p{Ll}+ly))*\s*$",
    _FLAGS | regex.REVERSE,
)
"""Auxiliaries and adverbs before a verb (``has repeatedly``), up to the verb: searched
backwards from the verb, so one attempt at the verb finds the longest chain (a forward
search tried every position of the 240 characters before it; the same match)."""
_COORDINATED = regex.compile(
    r"(?:^|[\s,])(?:and|but)\s+(?:(?:also|then|later|\p{Ll}+ly)\s+)?$", _BACKWARDS
)
_NO_SUBJECT_BEFORE = regex.compile(
    rf"(?:[,{_CLOSE}]|(?<!\p{{L}})(?:is|are|was|were|be|been|being))\s*$",
    _BACKWARDS | regex.IGNORECASE,
)
"""Before a verb with no subject: a comma or closing mark (the speaker follows the verb),
or a form of *be* (a passive)."""
_SUBJECT_WORDS = 30
"""How many words before a verb its subject phrase may start."""
_SECTION_LABELS = frozenset(
    ["UPDATE", "NOTE", "EDITOR'S NOTE", "RELATED", "CORRECTION", "WATCH", "READ", "MORE", "PHOTOS"]
)
"""Capitalised labels that head a section, not a speaker's words."""
_TAIL_REST = regex.compile(rf"(?:\s+[^.!?;,]{{0,80}})?[.!?]?[\s{_CLOSE})]*$", _FLAGS)
_APPOSITIVE_REST = regex.compile(rf"(?:,\s[^.!?;]{{1,120}})?[.!?]?[\s{_CLOSE})]*$", _FLAGS)
"""What may follow ``said X`` after content: X's description."""
_STOP = regex.compile(rf"[.!?][{_CLOSE})]*(?=\s)", _FLAGS)
"""A sentence end inside a sentence span (before a quote the splitter did not cut at)."""
_TAIL_COMMA = regex.compile(rf"(?:,[{_CLOSE}]{{0,2}}|[{_CLOSE}]{{1,2}},)\s+$", _FLAGS)
"""The comma (and closing marks) between content and a speaker after it."""
_MID_REST = regex.compile(r"(?:\s+[^.!?;,]{0,40})?,\s+", _FLAGS)
_MIN_WORDS = 2
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
    """The quote drafts in this sentence, in the order of their zones (:func:`_zone`)."""
    found: list[Reported] = field(default_factory=list)
    zones: list[tuple[int, int]] = field(default_factory=list)
    """The zone of each quote of ``quotes``."""
    reach: list[int] = field(default_factory=list)
    """The furthest zone end among ``zones[: i + 1]``: the quotes near a span are found by
    bisection, so a sentence with thousands of quotes stays linear."""
    by_cue: dict[tuple[int, int], list[Draft]] = field(default_factory=dict)
    """The sentence's quotes by their cue."""
    last_that: int | None = None
    """Where the sentence's last "that" starts (-1: none), found on first use."""

    def __post_init__(self) -> None:
        self.zones = [_zone(q) for q in self.quotes]
        furthest = -1
        for _, ze in self.zones:
            furthest = max(furthest, ze)
            self.reach.append(furthest)
        for q in self.quotes:
            if q.cue is not None:
                self.by_cue.setdefault(q.cue, []).append(q)

    def near(self, s: int, e: int) -> range:
        """Positions in ``quotes`` of the quotes that may overlap ``[s, e)`` (a superset:
        every quote before the range ends at or before ``s``, every one after starts at or
        after ``e``)."""
        lo = bisect.bisect_right(self.reach, s)
        hi = lo
        while hi < len(self.zones) and self.zones[hi][0] < e:
            hi += 1
        return range(lo, hi)

    parse: dict[int, tuple[Sentence, int]] = field(default_factory=dict)
    """With a parsing backend: each word's sentence and index, by its start."""
    headline: bool = False
    """The sentence is in title case (``Clinton Calls Vote a Disgrace``): its verbs too."""


def find_reported(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    pats: CuePatterns,
    sentences: Sequence[tuple[int, int]] | None = None,
    quotes: Sequence[Draft] = (),
    parsed: Sequence[Sentence] = (),
    present: set[str] | None = None,
) -> ReportedFound:
    """Reported statements of ``text`` and the content of its partial quotes.

    ``quotes`` are the quote drafts of :func:`~quotecheck.extract.quotes.attribute_quotes`
    (a cue inside one is not a cue; content stops at a direct one); ``sentences``: the
    :func:`sentence_spans` of every paragraph in order, when already at hand; ``parsed``:
    a parsing backend's sentences (with heads and relations), whose clausal complement
    (``ccomp``) of a cue verb is its content where the parse has one; ``present``: the
    ASCII words of the lower-cased text (:attr:`CueIndex.present`), when already at hand.
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
    cue_words = _cue_words(text, rp.cue_words, present)
    cue_starts = [s for s, _ in cue_words]
    parse = {
        tok.start: (sent, i)
        for sent in parsed
        for i, tok in enumerate(sent.tokens)
        if tok.head is not None
    }
    for ss, se in sentences:
        words = cue_words[bisect.bisect_left(cue_starts, ss) : bisect.bisect_left(cue_starts, se)]
        according = _according_cue(text, ss, se)
        possessive = _possessive_cue(rp, text, ss, se)
        if not (words or according or possessive):
            continue  # nothing in the sentence can start a statement (see _sentence)
        lo = max(0, bisect.bisect_left(zone_starts, ss) - 1)
        hi = bisect.bisect_left(zone_starts, se)
        inside = [i for (zs, ze), i in zones[lo:hi] if zs < se and ze > ss]
        pidx = max(0, bisect.bisect_right(para_starts, ss) - 1)
        ctx = _Ctx(text, ss, se, pidx, pats, rp, lex, [quotes[i] for i in inside], parse=parse)
        for d in _sentence(ctx, words, according=according, possessive=possessive):
            if not _clear_of_direct(ctx, d) or _mostly_quoted(ctx, d):
                continue
            attached = False
            for k in ctx.near(d.start, d.end + 1):
                i = inside[k]
                q = quotes[i]
                zs, ze = _zone(q)
                if q.kind != "partial" or not (d.start <= zs and ze <= d.end + 1):
                    continue
                if q.cue is None or q.cue == d.cue or (q.spk is not None and q.spk == d.spk):
                    contents[i] = (d.start, d.end)
                    attached = True
                    if q.cue is None:  # the quoted words are the statement's speaker's
                        q.cue, q.spk, q.app, q.via = d.cue, d.spk, d.app, d.via
                        q.rule, q.confidence = d.rule, d.confidence
            if not attached:
                out.append(d)
    out.extend(_transcript_lines(text, paragraphs, zones, quotes))
    out.sort(key=lambda d: d.start)
    return ReportedFound(out, contents)


_LABEL = regex.compile(
    r"(?P<spk>[QA]|\p{Lu}[\p{Lu}'’.\-]+(?:\s\p{Lu}[\p{Lu}'’.\-]+){0,3}"
    r"|\p{Lu}[\p{Ll}'’\-]+(?:\s\p{Lu}[\p{L}'’.\-]+){1,3})(?P<cue>:)\s+(?=\S)",
    _FLAGS,
)
"""A speaker label opening a paragraph: ``Q:``, ``A:``, ``TAPPER:``, ``Joel Benenson:``."""


def _transcript_lines(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    zones: list[tuple[tuple[int, int], int]],
    quotes: Sequence[Draft],
) -> list[Reported]:
    """A paragraph that opens with a speaker label (an interview transcript, ``Name:
    words``, ``Q:``, ``A:``): each sentence of the rest is the labelled speaker's (``Q``
    and ``A`` name no one). Paragraphs that hold a direct quote are the quote finder's."""
    out = []
    for pidx, (ps, pe) in enumerate(paragraphs):
        m = _LABEL.match(text, ps, pe)
        if m is None or m.group("spk") in _SECTION_LABELS or _headline(text, m.end(), pe):
            continue
        if any(quotes[i].kind == "direct" and zs < pe and ze > ps for (zs, ze), i in zones):
            continue
        spk = None if m.group("spk") in ("Q", "A") else m.span("spk")
        for ss, se in sentence_spans(text, m.end(), pe):
            cs, ce = _strip(text, ss, se)
            if _words(text, cs, ce) < _MIN_WORDS:
                continue
            out.append(
                Reported(
                    cs,
                    ce,
                    "reported",
                    pidx,
                    cue=m.span("cue"),
                    spk=spk,
                    rule="reported:transcript",
                    confidence=0.5,
                )
            )
    return out


def _headline(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the rest of a headline ("The Latest: Storm Knocks Out
    Power")? Most of its longer words capitalised and no sentence end: a transcript
    answer is a sentence in ordinary case."""
    rest = text[start:end].rstrip()
    if rest.endswith((".", "?", "!", *quotemarks.CLOSING)):
        return False
    longer, capital = _capitalised(text, start, end)
    return longer >= 2 and capital >= 0.6 * longer


def _capitalised(text: str, start: int, end: int) -> tuple[int, int]:
    """How many words of ``text[start:end]`` are longer than three characters, and how
    many of those are capitalised (headline case has most of them so)."""
    long_words = [w for w in _WORD.findall(text, start, end) if len(w) > 3]
    return len(long_words), sum(w[0].isupper() for w in long_words)


def _zone(d: Draft) -> tuple[int, int]:
    """A quote with its marks."""
    return (d.open_at if d.open_at >= 0 else d.start, d.outer_end if d.outer_end >= 0 else d.end)


def _mostly_quoted(ctx: _Ctx, d: Reported) -> bool:
    """Content with fewer than two words of the writer's own outside quote marks is the
    quote finder's to report."""
    text = ctx.text
    own, pos = 0, d.start
    for k in ctx.near(d.start, d.end):
        zs, ze = ctx.zones[k]
        if ze <= d.start or zs >= d.end:
            continue
        own += _words(text, pos, max(pos, zs), at_most=2)
        if own >= 2:
            return False
        pos = max(pos, ze)
    own += _words(text, pos, d.end, at_most=2)
    return own < 2


def _clear_of_direct(ctx: _Ctx, d: Reported) -> bool:
    """Cut ``d``'s content before a direct quote it runs into (the sentence splitter does
    not always end a sentence before a quote); ``False`` when too little is left or the
    content starts inside one (the quote finder reports those words)."""
    text = ctx.text
    for k in ctx.near(d.start, d.end):
        q = ctx.quotes[k]
        zs, ze = ctx.zones[k]
        if q.kind != "direct" or not (zs < d.end and d.start < ze):
            continue
        if zs <= d.start:
            return False
        d.start, d.end = _strip(text, d.start, zs)
        if _words(text, d.start, d.end, at_most=_MIN_WORDS) < _MIN_WORDS:
            return False
    return True


def _sentence(
    ctx: _Ctx, words: list[tuple[int, int]], *, according: bool, possessive: bool
) -> list[Reported]:
    """The statements of one sentence, from its cue ``words`` and, when the sentence may
    hold them (:func:`_according_cue`, :func:`_possessive_cue`), ``according to`` and
    possessive cues."""
    if any(not ctx.text[s].islower() for s, _ in words):
        longer, capital = _capitalised(ctx.text, ctx.ss, ctx.se)
        ctx.headline = longer >= 3 and capital >= 0.8 * longer
    for cue in _cues(ctx, words):
        ctx.found.extend(_one_cue(ctx, cue))
    if according:
        ctx.found.extend(_according(ctx))
    if possessive:
        ctx.found.extend(_possessive(ctx))
    if not ctx.found:
        return []
    ctx.found.sort(key=lambda d: d.start)
    return _trim(ctx)


def _according_cue(text: str, ss: int, se: int) -> bool:
    """Whether the sentence ``text[ss:se]`` may hold ``according to`` (:func:`_according`
    is read only then)."""
    return text.find("ccording", ss, se) >= 0


def _possessive_cue(rp: _Patterns, text: str, ss: int, se: int) -> bool:
    """Whether the sentence ``text[ss:se]`` may hold a possessive cue (``Lavrov's claim
    that``) or ``in X's words,`` (:func:`_possessive` is read only then). Both patterns
    hold a literal: a speech noun before ``that`` (looked for first: a short search where
    the possessive pattern tries a name at every word) or ``words,``."""
    if text.find("words,", ss, se) >= 0:
        return True
    return text.find(" that ", ss, se) >= 0 and rp.noun_that.search(text, ss, se) is not None


def _cue_words(
    text: str, cues: frozenset[str], present: set[str] | None = None
) -> list[tuple[int, int]]:
    """Where the cue words of ``text`` are, as whole words of :data:`_WORD` (a word joined
    to another by ``'`` or ``-`` is not one). The words present are found with one set
    intersection, then only their occurrences are looked at; ``present``: the
    :func:`ascii_words` of ``text.lower()`` when already at hand (the verb index's)."""
    low = text.lower()
    if len(low) != len(text):  # a rare case folding that changes lengths: word by word
        return [m.span() for m in _WORD.finditer(text) if m.group().lower() in cues]
    n = len(low)
    found = []
    if present is None:
        present = ascii_words(low)
    for word in cues.intersection(present) | _unusual(cues):
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


@lru_cache(maxsize=8)
def _unusual(words: frozenset[str]) -> frozenset[str]:
    """The entries of ``words`` that are not one ASCII run (``e-mailed``, accented words):
    :func:`_cue_words` always looks for them."""
    return frozenset(w for w in words if not (w.isascii() and w.isalpha()))


def _alnum_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _cues(ctx: _Ctx, words: list[tuple[int, int]]) -> list[_Cue]:
    out = []
    lex = ctx.lex
    for start, end in words:
        w = ctx.text[start:end].lower()
        phrase = ctx.rp.phrases.get(w)
        if phrase is not None and (m := phrase.match(ctx.text, start, ctx.se)) is not None:
            end = m.end()
            w = " ".join(m.group().lower().split())
        if w in lex.speech:
            stance = "speech"
        elif w in lex.belief:
            stance = "belief"
        elif w in lex.acts:
            stance = "act"
        elif w in lex.evidence:
            stance = "evidence"
        elif w in lex.questions:
            stance = "question"
        else:
            continue
        if not ctx.text[start].islower() and not ctx.headline:
            continue  # "the United States": a capital is no verb in running text
        if ctx.zones and any(ctx.zones[k][0] <= start for k in ctx.near(start, start + 1)):
            continue  # the speaker's own word
        if any(
            q.kind == "direct" and _zone(q)[1] <= start for q in ctx.by_cue.get((start, end), ())
        ):
            continue  # '"...," he told an audience of academics': the quote is the content
        if ctx.rp.noun_before.search(ctx.text, max(ctx.ss, start - 8), start):
            continue  # "his hopes", "the claims", "Kerr's claim": a noun
        out.append(_Cue(start, end, w, stance))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?,;:—–-"):
        e -= 1
    return s, e


def _words(text: str, s: int, e: int, at_most: int | None = None) -> int:
    """The number of words in ``text[s:e]``; with ``at_most``, counting stops there (a
    content that runs to the end of a long sentence is not read to its end to learn that
    it has two words)."""
    if at_most is None:
        return len(_WORD.findall(text, s, e))
    n = 0
    for _ in _WORD.finditer(text, s, e):
        n += 1
        if n >= at_most:
            break
    return n


def _subject(ctx: _Ctx, vs: int) -> regex.Match[str] | None:
    """The longest speaker phrase that ends right before the verb at ``vs`` (with its
    auxiliaries), starting at a word start at most ``_SUBJECT_WORDS`` words back."""
    text = ctx.text
    lo = max(ctx.ss, vs - 240)
    # a speaker phrase ends with a pronoun, a name, a nominal head, or an appositive's comma
    aux = _AUX.search(text, lo, vs)
    head = text[lo : aux.start() if aux is not None else vs].rstrip()
    if not head.endswith((",", ")")):
        last = _LAST_WORD.search(head, max(0, len(head) - 40))
        if last is None or not (
            last.group()[0].isupper() or last.group().lower() in ctx.rp.subject_ends
        ):
            return None
    # no subject runs across a double quote mark (the appositive and the words before the
    # verb exclude them; the speaker phrase only allows one in a parenthesis): the words
    # before the last mark cannot start one ('He said "yes" and He said'); no word spans
    # a mark, so the words after it are the same read from there
    first = lo
    if ctx.rp.quote_free and text.find("(", lo, vs) < 0:
        first = max(lo, *(text.rfind(c, lo, vs) + 1 for c in _DOUBLE))
    starts = list(_WORD.finditer(text, first, vs))
    openers = ctx.rp.subject_openers
    # the rest of the subject after a comma, by the comma's position (see below)
    rest_at: dict[int, bool] = {}
    for w in starts[-_SUBJECT_WORDS:]:
        s = w.start()
        if s != ctx.ss and text[s - 1].isalnum():
            continue
        if not text[s].isupper() and w.group().lower() not in openers:
            continue  # no speaker phrase starts with this word
        comma = text.find(",", s, vs)
        if comma >= 0 and ctx.rp.comma_free and text.find("(", s, comma) < 0:
            # a speaker phrase holds a comma only in a parenthesis: one from ``s`` ends
            # at this comma, and the appositive or ``,`` and the auxiliaries after it must
            # run from there to the verb. Where they do not, no start before the comma
            # can begin a subject (the same test for all of them, made once).
            fits = rest_at.get(comma)
            if fits is None:
                fits = rest_at[comma] = ctx.rp.subject_rest.fullmatch(text, comma, vs) is not None
            if not fits:
                continue
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
    none: at most ten words, no comma, no function word that a subject does not hold."""
    text, ss = ctx.text, ctx.ss
    lo = max(ss, vs - 120)
    aux = _AUX.search(text, lo, vs)
    end = aux.start() if aux is not None else vs
    start = ss if lo == ss else None
    for m in ctx.rp.clause_start.finditer(text, lo, end):
        if m.end() > lo:
            start = m.end()
    if start is None or start >= end:
        return None
    tokens = list(_TOKEN.finditer(text, start, end))
    for i in range(len(tokens) - 1, -1, -1):
        w = tokens[i].group().lower().strip(",;:")
        if w in ctx.rp.cue_words:
            tokens = tokens[i + 1 :]  # "X said residents had warned": the clause after "said"
            break
    if not tokens:
        return None
    start = tokens[0].start()
    words = [t.group() for t in tokens]
    lex = ctx.lex
    if not 1 <= len(words) <= 10 or not ctx.rp.loose_first.match(words[0]):
        return None
    lowered = [w.lower().strip(",.") for w in words]
    if any(
        w in lex.loose_stop and not _inside_noun_phrase(lowered, i, lex)
        for i, w in enumerate(lowered)
    ):
        return None
    if (len(words) > 1 and words[-1].lower() in lex.loose_not_last) or words[-1].endswith(","):
        return None
    if len(words) == 1 and words[0].lower() in lex.loose_not_last - lex.quantifiers:
        return None
    return start, end


def _inside_noun_phrase(words: list[str], i: int, lex: _Lexicon) -> bool:
    """Whether the function word ``words[i]`` is inside a noun phrase: a preposition
    between nouns (``advocates for stem cell research``), ``more than`` and ``six in 10``."""
    w = words[i]
    if w == "than":
        return i > 0 and words[i - 1] in ("more", "less", "fewer")
    if w not in lex.np_preps or i == 0 or i == len(words) - 1:
        return False
    if w == "in" and words[i + 1][:1].isdigit():
        return True  # "six in 10"
    return words[i - 1] not in lex.function_words and words[i + 1] not in lex.not_clause


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
    if cue.stance == "question":
        q = rp.question.match(text, pos, se)
        return (q.end(), False) if q is not None else None
    if cue.stance == "act":
        # "called Cruz a hypocrite", "accused the bank of fraud": what follows is the content
        while pos < se and text[pos].isspace():
            pos += 1
        w = _FIRST.match(text, pos, se)
        if w is None or w.group("w").lower() in ctx.lex.not_act:
            return None
        return pos, False
    if cue.verb in ctx.lex.objects:
        m = rp.obj.match(text, pos, se) or _that(rp, text, pos, se)
        if m is None:
            # "told top brass ...", "warned lawmakers ...": one or two plain words
            bare = _BARE_OBJECT.match(text, pos, se)
            if bare is not None and bare.group(2) and bare.group(2).lower() in ctx.lex.not_object:
                bare = _BARE_OBJECT_ONE.match(text, pos, se)
            if bare is not None and bare.group(1).lower() not in ctx.lex.not_object:
                return _clause_after(ctx, bare.end(), cue.verb)
        elif not m.group().lstrip().startswith("that"):
            found = _clause_after(ctx, m.end(), cue.verb)
            if found is not None or cue.verb in ctx.lex.hearer_required:
                return found
            # "warned the plan would fail": what looked like the hearer starts the clause
            return _clause_after(ctx, pos, cue.verb)
    return _clause_after(ctx, pos, cue.verb)


_SPACES = regex.compile(r"\s*", _FLAGS)


def _that(rp: _Patterns, text: str, pos: int, se: int) -> regex.Match[str] | None:
    """``rp.that`` matched at ``pos``, read no further than it can reach: the engine looks
    for the word ``that`` in the whole window first, which made every call as long as the
    sentence (quadratic on a long one). The match is spaces, ``that`` and one more
    character, so the window ends five characters after the spaces (the same match)."""
    spaces = _SPACES.match(text, pos, se)
    end = spaces.end() if spaces is not None else pos
    return rp.that.match(text, pos, min(se, end + 5))


def _clause_after(ctx: _Ctx, pos: int, verb: str = "") -> tuple[int, bool] | None:
    """The complement clause from ``pos`` on, past a short adjunct and ``that``, after
    the cue word ``verb``."""
    text, se, rp = ctx.text, ctx.se, ctx.rp
    if ctx.last_that is None:
        ctx.last_that = text.rfind("that", ctx.ss, se)
    # a "that" starts at or after pos exactly when the sentence's last one does (one
    # search per sentence: searching the rest of the sentence at every cue was quadratic
    # on one long sentence)
    m = (rp.adjunct if ctx.last_that >= pos else rp.day_adjunct).match(text, pos, se)
    if m is not None:
        pos = m.end()
    m = _that(rp, text, pos, se)
    that = m is not None
    if m is not None:
        pos = m.end()
    while pos < se and text[pos].isspace():
        pos += 1
    if pos >= se:
        return None
    if that and m is not None:
        w = _FIRST.match(text, pos, se)
        if w is not None and w.group("w").lower() in ctx.lex.predicate:
            if verb.endswith("s"):
                # "Most Southern states that will hold contests": a relative "that"
                # after a plural noun, not a verb's complement
                return None
            # "said that would be a mistake": "that" is the clause's subject
            return m.end() - 4, False
    if not that:
        w = _FIRST.match(text, pos, se)
        if w is None or w.group("w").lower() in ctx.lex.not_clause:
            return None
        if w.group("w").endswith("ly"):
            # "responded enthusiastically by ...": an adverb, then no clause
            nxt = _FIRST.match(text, w.end() + 1, se) if w.end() < se else None
            if nxt is None or nxt.group("w").lower() in ctx.lex.not_clause:
                return None
    return pos, that


_SUBJECTS = ("nsubj", "nsubj:pass")
_NOT_IN_MENTION = ("acl:relcl", "appos", "punct", "parataxis")


def _parse_statement(ctx: _Ctx, cue: _Cue, base: float) -> list[Reported] | None:
    """The statement a parse gives for a cue verb: its clausal complement (``ccomp``),
    without the complementizer, as the content, and its subject as the speaker (for a
    participle with no subject, the sentence's). ``None`` when the parse has no
    complement for this verb (the surface rules decide then)."""
    found = ctx.parse.get(cue.vs)
    if found is None:
        return None
    sent, i = found
    toks = sent.tokens
    comps = [j for j, t in enumerate(toks) if t.head == i and (t.deprel or "") == "ccomp"]
    if not comps:
        return None
    keep = _subtree(sent, comps[0], ())
    keep = [j for j in keep if (toks[j].deprel or "") != "mark" or toks[j].head != comps[0]]
    if not keep:
        return None
    cs, ce = min(toks[j].start for j in keep), max(toks[j].end for j in keep)
    subj = [j for j, t in enumerate(toks) if t.head == i and (t.deprel or "") in _SUBJECTS]
    spk: tuple[int, int] | None
    app = None
    if subj:
        mention = _subtree(sent, subj[0], _NOT_IN_MENTION)
        spk = (min(toks[j].start for j in mention), max(toks[j].end for j in mention))
    else:
        spk, app = _prior_subject(ctx, cue.vs)
    return _made(ctx, cs, ce, (cue.vs, cue.ve), spk, app, "parse:complement", base, cue)


def _subtree(sent: Sentence, head: int, skip: tuple[str, ...]) -> list[int]:
    """``head`` and every word below it, except below relations in ``skip``."""
    children: dict[int, list[int]] = {}
    for j, tok in enumerate(sent.tokens):
        if tok.head is not None and (tok.deprel or "") not in skip:
            children.setdefault(tok.head, []).append(j)
    keep, todo = {head}, [head]
    while todo:
        for j in children.get(todo.pop(), ()):
            if j not in keep:
                keep.add(j)
                todo.append(j)
    return sorted(keep)


def _one_cue(ctx: _Ctx, cue: _Cue) -> list[Reported]:
    text, ss, se = ctx.text, ctx.ss, ctx.se
    vs, ve = cue.vs, cue.ve
    base = {"belief": 0.5, "evidence": 0.6}.get(cue.stance, 0.7)
    spk: tuple[int, int] | None
    if ctx.parse and (parsed := _parse_statement(ctx, cue, base)) is not None:
        return parsed
    # "The union is calling for ...": a progressive is a finite verb; its subject ends
    # before the form of "be"
    ing = cue.verb.split()[0].endswith("ing")  # "saying", "calling for"
    prog = _PROGRESSIVE.search(text, max(ss, vs - 24), vs) if ing else None
    if ing and prog is None:
        # "..., adding that ...": the participle continues the subject's statement
        if text[max(ss, vs - 2) : vs] != ", ":
            return []
        spk, app = _prior_subject(ctx, vs)
        return _lead(ctx, cue, spk, app, "reported:participle", base - 0.1)
    subject_end = prog.start() if prog is not None else vs
    m = _subject(ctx, subject_end)
    if m is not None and not m.group("app") and "," in text[m.end("spk") : subject_end]:
        m = None  # "... in Boston, said X": a verb before its speaker, not after a subject
    if (
        m is not None
        and ctx.rp.prep_before.search(text, max(ss, m.start() - 12), m.start())
        and _loose_subject(ctx, vs) is not None
    ):
        m = None  # "The ministry in Moscow declined": the name ends a longer subject
    if m is None:
        if _COORDINATED.search(text, max(ss, vs - 30), vs):
            # "... but said the outcome was open": the same subject's second verb
            spk, app = _prior_subject(ctx, vs)
            return _lead(ctx, cue, spk, app, "reported:coordinated-verb", base - 0.1)
        loose = _loose_subject(ctx, vs)
        if loose is not None:
            return _lead(
                ctx, cue, loose, None, "reported:subject-verb", base - 0.15
            ) or _before_speaker(ctx, cue, loose[0], loose, None, base - 0.15, bare=True)
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
        # "Those insiders who think Rubio can win stressed that ...": a subject the rules
        # cannot delimit; the that-clause is still attributed content, to no one named
        if _NO_SUBJECT_BEFORE.search(text, max(ss, vs - 12), vs):
            return []  # '," said Doyle': the speaker follows; "was said to": a passive
        bare = _lead_content(ctx, cue, ve)
        if bare is None or cue.stance == "act":
            return []
        promise_noun = _promise_noun(ctx, cue, bare[0])
        if bare[1] or (
            cue.stance == "speech" and cue.verb not in ctx.lex.that_only and not promise_noun
        ):
            rule = "reported:verb-that" if bare[1] else "reported:verb"
            return _made(ctx, bare[0], se, (vs, ve), None, None, rule, 0.3, cue)
        return []
    spk, app = m.span("spk"), _app(m)
    lead = _lead(ctx, cue, spk, app, "reported:speaker-verb", base)
    if lead:
        return lead
    return _before_speaker(ctx, cue, m.start(), spk, app, base)


def _adjunct_rest(ctx: _Ctx, ve: int, bare: bool) -> bool:
    """What follows a verb after its content (``..., X said on Monday.``) is nothing or an
    adjunct, not an object or a clause (``In Nevada, he found a way ...``); after a bare
    subject, nothing or a time."""
    w = _FIRST.search(ctx.text, ve, ctx.se)
    if w is None or ctx.text[ve : w.start()].strip(" \t,"):
        return True
    word = w.group("w").lower()
    if word in ctx.lex.time_words:
        return True
    return not bare and (word in ctx.lex.not_clause or word.endswith("ly"))


def _before_speaker(
    ctx: _Ctx,
    cue: _Cue,
    at: int,
    spk: tuple[int, int],
    app: tuple[int, int] | None,
    base: float,
    *,
    bare: bool = False,
) -> list[Reported]:
    """The content before a speaker phrase starting at ``at``: ``CONTENT, X said (on
    Monday).`` or, with content on both sides, ``In Syria, officials said, the talks ...``.
    A bare subject (``bare``: no speaker phrase) is taken only when nothing but the end of
    the sentence or a time follows its verb (``..., analysts said Monday.``)."""
    text, ss, se = ctx.text, ctx.ss, ctx.se
    vs, ve = cue.vs, cue.ve
    tc = _TAIL_COMMA.search(text, max(ss, at - 6), at)
    # the rest may end the sentence before a quote the splitter left in it ('..., X said.
    # "Next quote."')
    stop = _STOP.search(text, ve, se)
    rest_end = stop.end() if stop is not None else se
    rest = ve
    if cue.verb in ctx.lex.objects:  # "..., X told reporters."
        hearer = ctx.rp.obj.match(text, ve, rest_end)
        rest = hearer.end() if hearer is not None else ve
    # (a mixed quote too: 'CONTENT "QUOTE," X said.')
    if (
        tc is not None
        and _TAIL_REST.fullmatch(text, rest, rest_end)
        and _adjunct_rest(ctx, rest, bare)
    ):
        return _made(ctx, ss, tc.end(), (vs, ve), spk, app, "reported:speaker-after", base, cue)
    mid = _MID_REST.match(text, ve, se) if text[max(ss, at - 2) : at] == ", " else None
    if bare and mid is not None and mid.end() - ve > 2:
        mid = None  # "..., experts said, the talks ...": only right after the verb
    if mid is None:
        return []
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
    # "The bigger risk, he said, is a clash": two fragments of one statement
    return [*_made(ctx, ss, at - 2, (vs, ve), spk, app, rule, base - 0.1, cue), *after_part]


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
    if lead is None or (not lead[1] and cue.verb in ctx.lex.that_only):
        return []
    if not lead[1] and _promise_noun(ctx, cue, lead[0]):
        return []  # "has vowed a merciless response": a noun, not a statement
    if cue.stance == "act":
        rule, confidence = "reported:speech-act", confidence - 0.15
    elif lead[1]:
        rule, confidence = rule + "-that", confidence
    else:
        confidence -= 0.1
    return _made(ctx, lead[0], ctx.se, (cue.vs, cue.ve), spk, app, rule, confidence, cue)


_TO = regex.compile(r"(?:not\s+)?to\s", _FLAGS)
_PROGRESSIVE = regex.compile(
    r"(?<!\p{L})(?:is|are|was|were|been|be)(?:\s+(?:also|still|now|not|already|repeatedly))?\s+$",
    _FLAGS,
)


def _promise_noun(ctx: _Ctx, cue: _Cue, content: int) -> bool:
    """A promise verb whose content at ``content`` is no to-infinitive (``has vowed a
    merciless response``): a noun object, not a statement."""
    return cue.verb in ctx.lex.promise and not _TO.match(ctx.text, content)


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
    if _words(ctx.text, cs, ce, at_most=_MIN_WORDS) < _MIN_WORDS:
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
        # a source that is no speaker phrase runs to the end of the phrase ("a CNN tally")
        spk = m.span("spk") if m.group("spk") else (m.start("src"), m.end("tail"))
        cue = m.span("cue")
        after = m.end() if m.group("end").startswith(",") else se
        found: list[Reported] = []
        if not text[ss : m.start()].strip(" \t(—–-" + "".join(quotemarks.OPENING)):
            found += _made(ctx, after, se, cue, spk, None, "reported:according-to-lead", 0.75)
        else:
            rule = "reported:according-to-tail"
            w = _FIRST.match(text, after, se)
            word = w.group("w").lower() if w is not None else ""
            found += _made(ctx, ss, m.start(), cue, spk, None, rule, 0.7)
            # "The deal, according to officials, will close in May": both sides
            clause = word and (word not in ctx.lex.not_clause or word in ctx.lex.predicate)
            if clause and _words(text, after, se, at_most=4) >= 4:
                found += _made(ctx, after, se, cue, spk, None, rule, 0.65)
        if not m.group("spk"):
            for r in found:
                r.source_phrase = True
        out += found
    return out


def _possessive(ctx: _Ctx) -> list[Reported]:
    text, ss, se = ctx.text, ctx.ss, ctx.se
    out = []
    for m in ctx.rp.possessive.finditer(text, ss, se):
        spk = _owner(text, m.span("spk"))
        out += _made(ctx, m.end(), se, m.span("cue"), spk, None, "reported:possessive-noun", 0.6)
    w = ctx.rp.in_words.match(text, ss, se)
    if w is not None:
        spk = _owner(text, w.span("spk"))
        out += _made(ctx, w.end(), se, w.span("cue"), spk, None, "reported:in-words", 0.65)
    return out


def _owner(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The owner's name without the possessive ending (``Ann Lee's`` -> ``Ann Lee``): the
    name pattern may take the ending in, and a possessive is no speaker."""
    s, e = span
    return s, s + len(strip_possessive(text[s:e]))


def _trim(ctx: _Ctx) -> list[Reported]:
    """Cut each content where a later statement's cue or speaker begins inside it (back to
    the clause boundary before that), or where a second verb of the same subject begins."""
    text, found = ctx.text, ctx.found
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    # the later statements by where their speaker starts: each content reads only those
    # whose speaker is inside it
    speakers = sorted((o.spk[0], j) for j, o in enumerate(found) if o.spk is not None)
    spk_starts = [at for at, _ in speakers]
    for i, d in enumerate(found):
        end = d.end
        lo = bisect.bisect_right(spk_starts, d.start)
        hi = bisect.bisect_left(spk_starts, end)
        # "X said A, but Y said B": B's clause is not A's content; "According to X, the
        # leaders agreed to ...": the leaders' words are X's content. The first later
        # speaker after a clause boundary ends the content.
        for k in range(lo, hi):  # no slice: a long sentence holds thousands of speakers
            at, j = speakers[k]
            if j > i and d.start < at < end:
                cut = _back_to_clause(text, d.start, at)
                if cut < at:
                    end = cut
                    break
        m = ctx.rp.coord.search(text, d.start, end)
        if m is not None:
            end = m.start()
        if (
            d.cue is not None
            and d.cue[0] < d.start
            and ctx.rp.opens_subordinate.match(text, ctx.ss, d.cue[0])
        ):
            # "While Ramos said that X, he appears ...": the main clause is not the content
            comma = text.find(", ", d.start, end)
            if comma >= 0:
                end = comma
        elif (
            d.cue is not None
            and d.cue[0] < d.start
            and ctx.rp.in_relative.search(text, max(ctx.ss, d.cue[0] - 80), d.cue[0])
        ):
            comma = text.find(", ", d.start, end)
            if comma >= 0:
                end = comma
        cs, ce = _strip(text, d.start, end)
        if _words(text, cs, ce, at_most=_MIN_WORDS) < _MIN_WORDS or (cs, ce) in seen:
            continue  # too short, or the same content through a second cue
        seen.add((cs, ce))
        d.start, d.end = cs, ce
        out.append(d)
    return out


def _back_to_clause(text: str, start: int, cut: int) -> int:
    """``cut``, or the last clause boundary shortly before it."""
    last = None
    # a boundary counts only a few words before the cut: look only there
    for m in _CLAUSE_END.finditer(text, max(start, cut - 30 * _BACK_TO_CLAUSE), cut + 1):
        last = m
    if last is not None and _words(text, last.end(), cut) <= _BACK_TO_CLAUSE:
        return last.start()
    return cut
