"""Draft mode: check one unpublished article against its sources.

:func:`check_draft` gives every quote in the draft a verdict
(:class:`~quotecheck.models.DraftVerdict`):

``verified``
    the words are in a source (after normalising quote marks, case, whitespace,
    punctuation and contractions: :func:`quotecheck.crosscheck.align.tokens`), given
    to the same speaker or to nobody, either as an extracted quote or anywhere in a
    source's text; ``where`` says in which source and at which offsets;
``variant``
    a source carries them nearly (``near``), with words added around them
    (``fragment``), or paraphrased (``variant``; ``claim`` too for reported speech);
    ``diff`` lists the word changes from the source to the draft, and the severity
    follows the cross-check's policy (QC101): a changed negation, figure or opposite
    word inside quote marks is an ``error``, changed content words a ``warning``,
    function words or spelling ``info`` (reported speech one step lower);
``attributed-elsewhere``
    the same words (exactly, nearly, or a fragment of at least four words) are given
    to another speaker in the sources, and nothing as close gives them to the draft's;
``not-found``
    in no source.

Descriptions and figures are checked by running the cross-checks on the draft and
the sources together and keeping the QC103 (description), QC104 (figures) and QC105
(registry) findings with evidence in the draft. Where most sources, or the people
registry, side with the draft against another source, the finding blames that source:
it is lowered to ``warning`` and its message says which source to check
(``details["draft_side"]`` is ``majority`` or ``registry``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from quotecheck.analysis.base import Analyzer
from quotecheck.checks.qc101_wording import assess_change
from quotecheck.crosscheck.align import (
    Match,
    aligned_window,
    classify,
    content_words,
    describe_ops,
    normalize_quote,
)
from quotecheck.crosscheck.identity import Identities, fold
from quotecheck.crosscheck.normalize import normalize_role
from quotecheck.errors import UsageError
from quotecheck.models import (
    Article,
    DraftReport,
    DraftVerdict,
    Evidence,
    Finding,
    InputFailure,
    Quote,
    Severity,
    Speaker,
)
from quotecheck.report.style import shorten

if TYPE_CHECKING:
    from quotecheck.api import ProgressHook

__all__ = ["DRAFT_CODES", "VERDICTS", "check_draft", "draft_report"]

VERDICTS = ("verified", "variant", "attributed-elsewhere", "not-found")
DRAFT_CODES = frozenset({"QC103", "QC104", "QC105"})
"""The cross-checks whose findings draft mode keeps (quotes get verdicts instead)."""

_MIN_CONFLICT_WORDS = 4
"""As QC102: a fragment ties two speakers' quotes together from four words."""

_DRAFT_ROLES_IN_DOUBT = frozenset({"outlier", "disputed"})


def _strength(m: Match, draft_norm: str, source_norm: str) -> int:
    """How close a source wording is to the draft's: 4 the draft's words word for word
    (exact, or the draft quotes part of the source), 3 near, 2 the source is a
    fragment of the draft (the draft adds words), 1 a variant, 0 a claim."""
    if m.kind == "exact" or (
        m.kind == "fragment" and m.score >= 100.0 and f" {draft_norm} " in f" {source_norm} "
    ):
        return 4
    if m.kind == "near":
        return 3
    if m.kind == "fragment":
        return 2
    if m.kind == "variant":
        return 1
    return 0


_DETERMINERS = frozenset({"the", "a", "an", "one", "another"})


def _description(speaker: Speaker) -> str | None:
    """The words of a speaker named only by a description (``the harbour master``, ``a
    spokesman``), or ``None`` for a name (``Ingrid Solberg``, ``the Kremlin``)."""
    if not speaker.name.strip():
        return ""
    words = speaker.name.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if any(w[:1].isupper() for w in words):
        return None
    return " ".join(words)  # empty for a bare determiner: nothing to go by


def _fits(described: Speaker, other: Speaker) -> bool:
    """Whether a speaker named only by a description may be ``other``: the description's
    words are within ``other``'s role or mention, or ``other`` is not described at all."""
    phrase = _description(described)
    if phrase is None:
        return False
    words = set(normalize_role(phrase).split())
    known = [a.value for a in (other.role, other.organization) if a is not None]
    known += [other.mention.text, other.name]
    return any(words <= set(normalize_role(k).split()) for k in known)


def _same_name(a: Speaker, b: Speaker) -> bool:
    """One person named with and without words the identity keys do not strip
    (``Harbour Master Ingrid Solberg`` and ``Ingrid Solberg``): the same surname and
    one name's words within the other's."""
    wa, wb = fold(a.name).split(), fold(b.name).split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def _text_pattern(text: str) -> re.Pattern[str] | None:
    """The quote's words in order, any punctuation, marks or spaces between them."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)
    if not words:
        return None
    parts = [re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in words]
    return re.compile(r"(?<![^\W_])" + r"[\W_]+".join(parts) + r"(?![^\W_])", re.IGNORECASE)


def _in_text(quote: Quote, sources: Iterable[Article]) -> list[Evidence]:
    pattern = _text_pattern(quote.text)
    if pattern is None:
        return []
    out: list[Evidence] = []
    for art in sources:
        found = pattern.search(art.text)
        if found is not None:
            start, end = art.to_original(found.start(), found.end())
            out.append(
                Evidence(
                    source=art.source, start=start, end=end, text=found.group(0), role="verbatim"
                )
            )
    return out


def _evidence(source: str, q: Quote, role: str) -> Evidence:
    return Evidence(source=source, start=q.start, end=q.end, text=q.text, role=role)


def _sources_of(where: Iterable[Evidence]) -> str:
    return ", ".join(sorted({e.source for e in where}))


@dataclass(frozen=True)
class _SourceQuote:
    article: int
    """Index in ``ids`` (the draft is 0, the sources from 1)."""
    art: Article
    quote: Quote
    norm: str
    content: frozenset[str]


def _source_quotes(sources: list[Article]) -> list[_SourceQuote]:
    out: list[_SourceQuote] = []
    for i, art in enumerate(sources, start=1):
        for q in art.quotes:
            norm = normalize_quote(q.text)
            if q.kind != "scare" and norm:
                out.append(_SourceQuote(i, art, q, norm, content_words(norm.split())))
    return out


def _variant_severity(change: Severity, reported: bool) -> Severity:
    """The severity of a draft quote that differs from its source, by QC101's policy
    (:func:`~quotecheck.checks.qc101_wording.assess_change`): inside quote marks a
    changed negation, figure or opposite word is an ``error``, changed content words a
    ``warning``, anything else ``info``. Reported speech is the writer's paraphrase:
    one step lower (a changed negation there is a ``warning``)."""
    if not reported:
        return change
    return "warning" if change == "error" else "info"


def _verdict(
    quote: Quote, sources: list[Article], pool: list[_SourceQuote], ids: Identities
) -> DraftVerdict:
    """The verdict on one draft quote (the draft is article 0 of ``ids``)."""
    norm = normalize_quote(quote.text)
    content = content_words(norm.split())
    key = ids.speaker_key(0, quote.speaker)
    via = ids.via_key(0, quote.speaker)
    who = quote.speaker.name if quote.speaker else None
    said = f' "{shorten(quote.text, 60, "...")}"'
    reported = quote.kind == "reported"
    agree: list[tuple[int, Match, Article, Quote, str]] = []
    other: list[tuple[int, Match, Article, Quote, str]] = []
    for sq in pool:
        i, art, q, snorm = sq.article, sq.art, sq.quote, sq.norm
        ratio = fuzz.ratio(norm, snorm)
        if ratio < 90.0 and not content & sq.content and f" {norm} " not in f" {snorm} ":
            continue  # no shared word, not a fragment, not near: no alignment kind applies
        m = classify(norm, snorm, content, sq.content, ratio)
        if m is None or (m.kind == "claim" and not reported):
            continue
        strength = _strength(m, norm, snorm)
        skey = ids.speaker_key(i, q.speaker)
        svia = ids.via_key(i, q.speaker)
        same = (
            key is None
            or skey is None
            or skey == key
            or (svia is not None and svia == key)
            or (via is not None and via == skey)
            or (
                (quote.speaker is not None and q.speaker is not None)
                and (
                    _fits(quote.speaker, q.speaker)
                    or _fits(q.speaker, quote.speaker)
                    or _same_name(quote.speaker, q.speaker)
                )
            )
        )
        if same:
            agree.append((strength, m, art, q, snorm))
        elif m.kind in ("exact", "near") or (
            m.kind == "fragment"
            and min(len(norm.split()), len(snorm.split())) >= _MIN_CONFLICT_WORDS
        ):
            other.append((strength, m, art, q, snorm))
    best_agree = max((s for s, *_ in agree), default=-1)
    best_other = max((s for s, *_ in other), default=-1)
    if other and best_other > best_agree:
        top = [o for o in other if o[0] == best_other]
        names = tuple(sorted({q.speaker.name for _, _, _, q, _ in top if q.speaker is not None}))
        where = tuple(_evidence(art.source, q, "other-speaker") for _, _, art, q, _ in top)
        m = max((o[1] for o in top), key=lambda x: x.score)
        return DraftVerdict(
            quote=quote,
            verdict="attributed-elsewhere",
            severity="error",
            message=f"{said.strip()} is given to {who or 'an unnamed speaker'} in the draft "
            f"but to {', '.join(names)} in {_sources_of(where)}.",
            speaker=who,
            where=where,
            match=m.kind,
            score=m.score,
            source_speakers=names,
        )
    if best_agree == 4:
        top = [o for o in agree if o[0] == 4]
        where = tuple(_evidence(art.source, q, "verbatim") for _, _, art, q, _ in top)
        narrowed = {e.source: e for e in _in_text(quote, [art for _, _, art, _, _ in top])}
        where = tuple(narrowed.get(e.source, e) for e in where)
        return DraftVerdict(
            quote=quote,
            verdict="verified",
            message=f"{said.strip()} is verbatim in {_sources_of(where)}.",
            speaker=who,
            where=tuple(dict.fromkeys(where)),
            match="exact" if any(o[1].kind == "exact" for o in top) else "fragment",
            score=100.0,
        )
    if agree:
        best_score = max(o[1].score for o in agree if o[0] == best_agree)
        top = [o for o in agree if o[0] == best_agree and o[1].score == best_score]
        _, m, _, _, snorm = top[0]
        if m.kind == "fragment" and len(snorm) >= len(norm):
            source_words = aligned_window(norm, snorm)
        else:
            source_words = tuple(snorm.split())
        change = assess_change(source_words, norm.split())
        changes = tuple(describe_ops(change.ops))
        where = tuple(_evidence(art.source, q, "variant") for _, _, art, q, _ in top)
        what = "; ".join(changes[:4]) + (" ..." if len(changes) > 4 else "")
        return DraftVerdict(
            quote=quote,
            verdict="variant",
            severity=_variant_severity(change.severity, reported),
            message=f"{said.strip()} differs from {_sources_of(where)} ({m.kind} match, "
            f"{', '.join(change.reasons)}" + (f": {what})." if what else ")."),
            speaker=who,
            where=where,
            match=m.kind,
            score=m.score,
            diff=changes,
        )
    in_text = _in_text(quote, sources)
    if in_text:
        return DraftVerdict(
            quote=quote,
            verdict="verified",
            message=f"{said.strip()} is verbatim in the text of {_sources_of(in_text)} "
            "(not as a quote there).",
            speaker=who,
            where=tuple(in_text),
            match="text",
            score=100.0,
        )
    severity: Severity = "info" if reported else "warning"
    return DraftVerdict(
        quote=quote,
        verdict="not-found",
        severity=severity,
        message=f"{said.strip()} ({who or 'unattributed'}) is in no source.",
        speaker=who,
    )


def _registry_contradicts(findings: Iterable[Finding]) -> dict[str, set[tuple[str, int, int]]]:
    """Per facet (``nationality``, ``role`` ...), the description spans that QC105 found
    contradicting the people registry."""
    out: dict[str, set[tuple[str, int, int]]] = {}
    for f in findings:
        if f.code == "QC105":
            spans = {(e.source, e.start, e.end) for e in f.evidence if e.role != "registry"}
            out.setdefault(str(f.details.get("facet")), set()).update(spans)
    return out


def _draft_side(
    f: Finding, draft_source: str, registry: dict[str, set[tuple[str, int, int]]]
) -> str | None:
    """``majority`` when most sources give what the draft gives, ``registry`` when the
    registry contradicts a source's description and not the draft's; else ``None``."""
    roles = {e.role for e in f.evidence if e.source == draft_source}
    if roles and not roles & _DRAFT_ROLES_IN_DOUBT:
        return "majority"
    wrong = registry.get(str(f.details.get("facet")), set())
    spans = [((e.source, e.start, e.end), e.source == draft_source) for e in f.evidence]
    if any(s in wrong for s, mine in spans if not mine) and not any(
        s in wrong for s, mine in spans if mine
    ):
        return "registry"
    return None


def _involving_draft(findings: Iterable[Finding], draft_source: str) -> list[Finding]:
    """The description, figure and registry findings with evidence in the draft. Where
    most sources or the registry side with the draft, the finding blames the other
    source, at ``warning``, and says so (``details["draft_side"]``)."""
    findings = list(findings)
    registry = _registry_contradicts(findings)
    kept: list[Finding] = []
    for f in findings:
        if f.code not in DRAFT_CODES or not any(e.source == draft_source for e in f.evidence):
            continue
        side = (
            None
            if f.code == "QC105" or f.severity == "info"
            else _draft_side(f, draft_source, registry)
        )
        if side is None:
            kept.append(f)
            continue
        doubted = sorted({e.source for e in f.evidence if e.source != draft_source})
        if side == "majority":
            doubted = (
                sorted({e.source for e in f.evidence if e.role in _DRAFT_ROLES_IN_DOUBT}) or doubted
            )
        backer = "most sources" if side == "majority" else "the people registry"
        message = (
            f"{f.message} The draft agrees with {backer}: check "
            f"{', '.join(doubted)}, not the draft."
        )
        details = {**f.details, "draft_side": side}
        kept.append(
            f.model_copy(update={"severity": "warning", "message": message, "details": details})
        )
    return kept


def _resolve(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.fspath(path))


def check_draft(
    draft: Article | str | os.PathLike[str],
    sources: Iterable[Article | str | os.PathLike[str]],
    *,
    registry: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] = (),
    backend: str | Analyzer = "rules",
    stanza_dir: str | None = None,
    jobs: int = 1,
    progress: ProgressHook | None = None,
) -> DraftReport:
    """Check a draft against its sources: a verdict per quote, the description and
    figure findings that involve the draft, and a summary (see the module docstring).

    ``draft`` is an :class:`~quotecheck.models.Article` or a path (an unreadable draft
    raises an :class:`~quotecheck.errors.InputError`); ``sources`` are articles, files
    or folders (a folder may hold the draft: it is not its own source). An unreadable
    source is listed in ``errors`` and the others are still used. ``ignore`` skips
    checks by code or kind (``QC104``, ``number-conflict``); ``jobs`` and ``progress``
    are as for :func:`~quotecheck.api.extract_many`.
    """
    from quotecheck.api import extract_many, extract_path, iter_inputs, split_inputs

    if isinstance(draft, Article):
        draft_art = draft
        draft_path = None
    elif isinstance(draft, (str, os.PathLike)):
        draft_art = extract_path(draft, backend=backend, stanza_dir=stanza_dir)
        draft_path = _resolve(draft)
    else:
        raise UsageError(f"check_draft() takes an Article or a path, not {type(draft).__name__}")
    source_arts, given = split_inputs(sources, "check_draft() sources")
    paths = [p for p in iter_inputs(given) if draft_path is None or _resolve(p) != draft_path]
    errors: list[InputFailure] = []
    for res in extract_many(
        paths, backend=backend, stanza_dir=stanza_dir, jobs=jobs, progress=progress
    ):
        if isinstance(res, InputFailure):
            errors.append(res)
        else:
            source_arts.append(res)
    return draft_report(draft_art, source_arts, errors=errors, registry=registry, ignore=ignore)


def draft_report(
    draft: Article,
    sources: Iterable[Article],
    *,
    errors: Iterable[InputFailure] = (),
    registry: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] = (),
) -> DraftReport:
    """The :class:`~quotecheck.models.DraftReport` of an extracted draft and sources."""
    from quotecheck.checks import cross_check

    srcs = list(sources)
    ids = Identities.from_articles([draft, *srcs])
    pool = _source_quotes(srcs)
    verdicts = [
        _verdict(q, srcs, pool, ids)
        for q in draft.quotes
        if q.kind != "scare" and normalize_quote(q.text)
    ]
    reg = Path(registry) if registry is not None else None
    # an undated draft is written now, on its sources' story: for the figures' time it
    # takes the date of its newest source
    days = [s.date for s in srcs if s.date is not None]
    dated = draft if draft.date or not days else draft.model_copy(update={"date": max(days)})
    findings, _ = cross_check([dated, *srcs], registry=reg, ignore=ignore)
    summary = {v: sum(1 for x in verdicts if x.verdict == v) for v in VERDICTS}
    return DraftReport(
        draft=draft,
        sources=tuple(srcs),
        verdicts=tuple(verdicts),
        findings=tuple(_involving_draft(findings, draft.source)),
        errors=tuple(errors),
        summary=summary,
    )
