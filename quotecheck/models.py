"""The typed records quotecheck produces: small, frozen pydantic v2 models.

Every offset a user sees (``start``/``end`` on a quote, a speaker mention, a
description part, a figure, a piece of evidence) is a character offset (Python
``str`` index, i.e. code points) into the *original input*: the text given to
:func:`quotecheck.extract`, or the decoded content of the file that was read.
The canonical text (``Article.text``) that analysis runs on may differ from the
original (boilerplate removed, a repeated body dropped, mojibake repaired);
``Article.segments`` maps one onto the other.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_right
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from quotecheck.extract.attribution import RuleId

SCHEMA_VERSION = "1.0"

QuoteKind = Literal["direct", "partial", "reported", "scare"]
"""``direct``: a whole sentence or more in quote marks, attributed; ``partial``: a
fragment in marks inside the writer's own sentence; ``reported``: speech without
marks (``X said that ...``, ``according to X, ...``); ``scare``: marks around a
term or title, recognised and never attributed as speech."""

Stance = Literal["speech", "belief"]
"""What a quote's cue reports: ``speech`` (said, told, according to; every quote in
marks), or ``belief`` (believe, hope, expect, fear: an attitude, not words)."""

SpeakerKind = Literal["person", "organization", "group", "unknown"]
Resolution = Literal[
    "explicit",  # a name at the cue
    "short-name",  # a surname or short form resolved to the full name used earlier
    "pronoun",  # he/she/they resolved to a named antecedent
    "inherited",  # a follow-on quote without its own cue
    "nominal",  # "the company" resolved to the organisation named earlier
    "unresolved",  # a pronoun or vague mention with no safe antecedent
]
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


#: One shared ``__pydantic_fields_set__`` per distinct set of given fields.
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
#: The shared set each model class was last given (the usual case: the same again).
_LAST_SET: dict[type, set[str]] = {}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # Every instance otherwise keeps its own set of the fields it was given (216-728
        # bytes, more than its values); a frozen model never adds to it, and model_copy
        # copies it before an update, so instances with the same given fields share one.
        given = self.__pydantic_fields_set__
        shared = _LAST_SET.get(type(self))
        if shared is None or shared != given:
            key = frozenset(given)
            shared = _LAST_SET[type(self)] = _FIELD_SETS.setdefault(key, set(given))
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Span(_Frozen):
    """A stretch of the original input.

    ``text`` is the words as analysed: equal to ``original[start:end]`` except where
    ingestion repaired mojibake inside the stretch.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Segment(_Frozen):
    """One piece of the canonical text and where it came from in the original.

    ``text[canon_start:canon_end]`` came from ``original[orig_start:orig_end]``.
    When both lengths are equal the mapping inside the segment is character by
    character; otherwise (a repair changed the length) inner offsets map to the
    segment's nearest end.
    """

    canon_start: int = Field(ge=0)
    canon_end: int = Field(ge=0)
    orig_start: int = Field(ge=0)
    orig_end: int = Field(ge=0)


class Attribute(_Frozen):
    """One part of how an article describes a speaker: the words and a normal form.

    ``value`` is normalised (``France`` for "French" or "France's"; the role as
    written, e.g. ``Foreign Affairs Minister``); ``span`` is where it is written.
    """

    value: str
    span: Span


class Speaker(_Frozen):
    """Who a quote is attributed to, and how the article describes them."""

    name: str
    """Resolved full name (``Andrey Kartapolov``) or organisation (``the Kremlin``)."""
    kind: SpeakerKind = "person"
    mention: Span
    """The words at the cue that refer to the speaker (``he``, ``Putin``, ``the Kremlin``)."""
    resolution: Resolution = "explicit"
    antecedent: Span | None = None
    """For short names, pronouns and inherited quotes: the mention it was resolved to."""
    role: Attribute | None = None
    organization: Attribute | None = None
    nationality: Attribute | None = None
    via: str | None = None
    """A chain: the outlet or person relaying the words (``Tass`` in "citing X, Tass reports")."""
    via_span: Span | None = None


class Quote(_Frozen):
    """One quotation (or reported statement) and its attribution."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    """The quoted words without the outer quote marks (``original[start:end]``)."""
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Span | None = None
    """The reporting expression (``said``, ``according to``, ``told``)."""
    rule: RuleId | None = None
    """The attribution rule that fired (declared in quotecheck.extract.attribution)."""
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    paragraphs: int = 1
    """How many paragraphs the quote runs over."""
    notes: tuple[str, ...] = ()
    """Warnings about this quote, e.g. ``unbalanced-open-mark``."""
    content: Span | None = None
    """For a partial quote inside an attributed clause (a mixed quote), the whole clause:
    ``the process "often leaves legislators" with a fait accompli`` for ``She said the
    process "often leaves legislators" with a fait accompli``. ``None`` otherwise (a
    reported statement's ``text`` is already its content)."""
    stance: Stance = "speech"
    """``belief`` for reported statements whose cue is a belief or intention verb."""


class Figure(_Frozen):
    """A number mention with its hedge, as an interval, and what it counts."""

    span: Span
    """The number expression as written (``at least 129``, ``about 500``)."""
    low: float | None
    high: float | None
    value: float
    """The number as written (``129`` for "at least 129")."""
    hedge: str | None = None
    """``at least``, ``about``, ``more than``, ``nearly``, ``up to`` ... as normalised."""
    unit: str | None = None
    """``USD``, ``percent`` ... when the number is a quantity of a unit."""
    measure: str | None = None
    """What is counted, normalised (``people``, ``fuel tank trucks``, ``targets``)."""
    verb: str | None = None
    """The event verb's lemma (``kill``, ``destroy``, ``hit``)."""
    place: str | None = None
    date: str | None = None
    """A date or day phrase from the sentence (``Tuesday``, ``October``, ``Oct. 31``)."""
    speaker: str | None = None
    sentence: Span | None = None


class Diagnostic(_Frozen):
    """A coded warning about one input (never fatal for the batch)."""

    code: str
    message: str
    source: str | None = None


class Article(_Frozen):
    """One input article: canonical text, metadata, and what was found in it."""

    source: str
    """The path as given, or the ``source`` name for a string (``<string>`` by default)."""
    title: str | None = None
    date: _dt.date | None = None
    """Publication date taken from the article text (never a page's scrape date)."""
    text: str
    """The canonical text analysis ran on."""
    original_length: int
    segments: tuple[Segment, ...]
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    backend: str = "rules"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical ``[start, end)`` onto the original input."""
        return map_offset(self.segments, start, "start"), map_offset(self.segments, end, "end")

    def to_canonical(self, start: int, end: int) -> tuple[int, int]:
        """Map an original ``[start, end)`` back onto the canonical text (best effort)."""
        return unmap_offset(self.segments, start, "start"), unmap_offset(self.segments, end, "end")


class Evidence(_Frozen):
    """A span in one source that a finding rests on."""

    source: str
    start: int
    end: int
    text: str
    role: str | None = None
    """How this evidence stands in the finding (``outlier``, ``majority``, ``registry`` ...)."""


class Finding(_Frozen):
    """One discrepancy, with evidence from every source involved."""

    code: str
    """Stable identifier (``QC201``); never reused."""
    kind: str
    """Stable name (``quote-wording-mismatch``)."""
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    details: dict[str, str | int | float | bool | list[str] | None] = Field(default_factory=dict)
    fingerprint: str = ""


class Corroboration(_Frozen):
    """One quote as carried by several articles: who carries it, who words it differently.

    ``evidence`` holds the quote span in every article that carries it (role
    ``carrier`` for the majority wording, ``outlier`` or ``variant`` for the
    others); ``sources`` counts a source name once however many articles share it.
    """

    speaker: str | None
    """The speaker's display name across articles (``Vladimir Putin``), or ``None``."""
    text: str
    """The wording most sources carry."""
    sources: tuple[str, ...]
    """Independent sources carrying the quote in any aligned wording."""
    agreeing: tuple[str, ...] = ()
    """Sources that carry the majority wording (exactly, or as an exact fragment)."""
    outliers: tuple[str, ...] = ()
    """Sources whose wording differs from the majority."""
    matches: tuple[str, ...] = ()
    """The alignment kinds joining the group (``exact``, ``near``, ``variant`` ...)."""
    evidence: tuple[Evidence, ...] = ()


class InputFailure(_Frozen):
    """An input that could not be read; the rest of the batch went on."""

    source: str
    code: str
    message: str


class Report(_Frozen):
    """The result of a run: articles, findings, and inputs that failed."""

    schema_version: str = SCHEMA_VERSION
    articles: tuple[Article, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[InputFailure, ...] = ()
    corroboration: tuple[Corroboration, ...] = ()
    """For each quote carried by more than one article: its sources (see crosscheck)."""

    def worst(self) -> Severity | None:
        """The highest severity among the findings, or ``None`` when there are none."""
        if not self.findings:
            return None
        best = max(self.findings, key=lambda f: SEVERITY_RANK[f.severity])
        return best.severity


DraftVerdictKind = Literal["verified", "variant", "attributed-elsewhere", "not-found"]
"""What the sources say about one quote of a draft (see :func:`quotecheck.check_draft`)."""


class DraftVerdict(_Frozen):
    """One quote of a draft checked against the sources.

    ``verified``: the words are in a source (after normalising quote marks, case,
    whitespace and punctuation), given to the same speaker or to nobody; ``variant``:
    a source carries them nearly, as a fragment, or paraphrased (``diff`` says how);
    ``attributed-elsewhere``: the sources give the words to another speaker;
    ``not-found``: in no source.
    """

    quote: Quote
    """The draft's quote; offsets are into the draft."""
    verdict: DraftVerdictKind
    severity: Severity | None = None
    """``None`` for ``verified``; for ``variant``, QC101's policy (``error`` for a
    changed negation or figure, ``warning`` for changed content words); ``error`` for
    ``attributed-elsewhere``; ``warning`` for a quote in marks that is ``not-found``
    (``info`` for reported speech, which is a paraphrase by nature)."""
    message: str
    speaker: str | None = None
    """The speaker the draft gives the words to."""
    where: tuple[Evidence, ...] = ()
    """The matching spans in the sources (role ``verbatim``, ``variant`` or
    ``other-speaker``), offsets into each source's original input."""
    match: str | None = None
    """The alignment kind (``exact``, ``fragment``, ``near``, ``variant``, ``claim``),
    or ``text`` when the words were found in a source's text outside any extracted quote."""
    score: float | None = None
    diff: tuple[str, ...] = ()
    """Word changes from the source wording to the draft's (``"sure -> certain"``,
    ``"-the"``: a word the draft leaves out, ``"+very"``: a word the draft adds)."""
    source_speakers: tuple[str, ...] = ()
    """For ``attributed-elsewhere``: who the sources give the words to."""


class DraftReport(_Frozen):
    """The result of :func:`quotecheck.check_draft`: a verdict per draft quote, the
    description and figure findings that involve the draft, and a summary."""

    schema_version: str = SCHEMA_VERSION
    draft: Article
    sources: tuple[Article, ...] = ()
    verdicts: tuple[DraftVerdict, ...] = ()
    findings: tuple[Finding, ...] = ()
    """QC103/QC104/QC105 findings with evidence in the draft."""
    errors: tuple[InputFailure, ...] = ()
    """Sources that could not be read."""
    summary: dict[str, int] = Field(default_factory=dict)
    """How many quotes got each verdict (every verdict is present, possibly 0)."""

    def worst(self) -> Severity | None:
        """The highest severity among the verdicts and findings, or ``None``."""
        found = [v.severity for v in self.verdicts if v.severity is not None]
        found += [f.severity for f in self.findings]
        if not found:
            return None
        return max(found, key=lambda s: SEVERITY_RANK[s])


_STARTS: dict[int, tuple[object, list[int], list[int]]] = {}
"""Per segment tuple: its canonical and original start offsets (for bisection)."""


def _starts(segments: tuple[Segment, ...] | list[Segment]) -> tuple[list[int], list[int]]:
    """Canonical and original starts of ``segments``, computed once per tuple: mapping
    every span of an article stays linear however many segments it has."""
    hit = _STARTS.get(id(segments))
    if hit is not None and hit[0] is segments:
        return hit[1], hit[2]
    canon = [s.canon_start for s in segments]
    orig = [s.orig_start for s in segments]
    if isinstance(segments, tuple):
        if len(_STARTS) > 256:
            _STARTS.clear()
        _STARTS[id(segments)] = (segments, canon, orig)
    return canon, orig


def map_offset(segments: tuple[Segment, ...] | list[Segment], pos: int, side: str) -> int:
    """Map one canonical offset to the original through ``segments``.

    ``side`` is ``"start"`` or ``"end"``: at a boundary between two segments a
    start belongs to the following segment and an end to the preceding one.
    """
    if not segments:
        return pos
    if len(segments) == 1:
        i = 0  # most articles (the text was not changed): no look-up needed
    else:
        starts, _ = _starts(segments)
        i = bisect_right(starts, pos) - 1
        if side == "end" and i > 0 and pos == segments[i].canon_start:
            i -= 1
        i = max(i, 0)
    seg = segments[i]
    if pos >= seg.canon_end:
        return seg.orig_end
    if pos <= seg.canon_start:
        return seg.orig_start
    clen = seg.canon_end - seg.canon_start
    olen = seg.orig_end - seg.orig_start
    if clen == olen:
        return seg.orig_start + (pos - seg.canon_start)
    return seg.orig_start if side == "start" else seg.orig_end


def unmap_offset(segments: tuple[Segment, ...] | list[Segment], pos: int, side: str) -> int:
    """The inverse of :func:`map_offset`: an original offset to the canonical text.

    Offsets in text that was dropped (boilerplate, a repeated body) map to the
    nearest kept boundary.
    """
    if not segments:
        return pos
    _, orig = _starts(segments)
    i = bisect_right(orig, pos) - 1
    # the first segment that contains pos (an end shared with the next start belongs to it)
    while i > 0 and segments[i - 1].orig_end >= pos:
        i -= 1
    if i >= 0:
        seg = segments[i]
        if seg.orig_start <= pos <= seg.orig_end:
            if seg.canon_end - seg.canon_start == seg.orig_end - seg.orig_start:
                return seg.canon_start + (pos - seg.orig_start)
            return seg.canon_start if side == "start" else seg.canon_end
    if i + 1 < len(segments):
        return segments[i + 1].canon_start
    return segments[-1].canon_end
