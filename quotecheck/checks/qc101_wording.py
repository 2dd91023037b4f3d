"""QC101 quote-wording-mismatch: one speaker's quote worded differently across sources.

:func:`assess_change` says how far one wording of a quote is from another (draft mode
asks it too); :func:`same_utterance` whether two wordings are one statement at all;
:func:`check` applies the policy of its docstring.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from quotecheck.checks.rule import Rule, listed
from quotecheck.crosscheck.align import (
    DiffOp,
    Link,
    MarkedTokens,
    content_words,
    describe_ops,
    looks_like_title,
    marked_tokens,
    word_diff,
)
from quotecheck.crosscheck.normalize import normalize_country
from quotecheck.crosscheck.story import QuoteGroup, Story, majority
from quotecheck.lexicons import load_list, load_map, load_pairs
from quotecheck.models import Finding, Severity

__all__ = [
    "ERROR_REASONS",
    "RULE",
    "WARNING_REASONS",
    "WordingChange",
    "assess_change",
    "check",
    "compare_quotes",
    "compare_wordings",
    "same_utterance",
]

ERROR_REASONS = frozenset({"negation", "number", "meaning-flip"})
"""Changes that reverse or alter what was said: an ``error`` between aligned clauses."""
WARNING_REASONS = frozenset({"content-words", "function-words", "inflection"})
"""Changed words (``lightly`` / ``quickly``, ``a couple of clicks`` / ``a couple
clicks``, ``laws`` / ``law``): a misquote an editor should look at, a ``warning``."""
# Everything else is ``info``: ``omission`` (words cut at an ellipsis or at a clause
# boundary at either end), ``editorial`` (words in [brackets]), ``spelling``
# (organise / organize), ``number-words`` (five / 5), ``filler`` (uh, um),
# ``punctuation`` (no word changed).


@dataclass(frozen=True)
class WordingChange:
    """How much a change of wording changes the quote."""

    severity: Severity
    """``error`` for :data:`ERROR_REASONS`, ``warning`` for :data:`WARNING_REASONS`,
    ``info`` otherwise: the severity for one statement quoted two ways."""
    reasons: tuple[str, ...]
    ops: tuple[DiffOp, ...]
    aligned: int = 0
    """Words the two wordings share in order (the diff's ``equal`` words)."""
    compared: int = 0
    """Words in the shorter of the two compared sequences."""
    edits: int = 0
    """Places where the speaker's words differ (steps of the diff that are changes, not
    omissions, fillers or the like)."""
    edited: int = 0
    """Words those places cover (the longer side of each)."""
    span: int = 0
    """Words of the longer wording between its first and last aligned word."""


_SPELLING = (
    ("our", "or"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ence", "ense"),
    ("tre", "ter"),
    ("ogue", "og"),
)


def _spelling(word: str) -> str:
    word = re.sub(r"(.)\1", r"\1", word)
    for uk, us in _SPELLING:
        word = word.replace(uk, us)
    return word


def _lemma(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "d"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _numbers(toks: Sequence[str]) -> Counter[str]:
    words = load_map("number_words.tsv", lower=True)
    out: Counter[str] = Counter()
    for t in toks:
        if t[0].isdigit():
            out[t.replace(",", "")] += 1
        elif t in words:
            out[words[t]] += 1
    return out


def _negations(toks: Sequence[str]) -> int:
    neg = load_list("negations.txt", lower=True)
    return sum(t in neg for t in toks)


def _marked(words: Sequence[str] | MarkedTokens) -> MarkedTokens:
    if isinstance(words, MarkedTokens):
        return words
    return MarkedTokens(tuple(words), frozenset(), frozenset(), frozenset())


def _quiet(op: DiffOp, edge: bool, a: MarkedTokens, b: MarkedTokens, partial: bool) -> str | None:
    """Why a step of the diff is no change of the speaker's words, or ``None``."""
    fillers = load_list("fillers.txt", lower=True)
    if op.tag == "replace":
        if all(i in a.inserted for i in range(op.i, op.i + len(op.a))) or all(
            j in b.inserted for j in range(op.j, op.j + len(op.b))
        ):
            return "editorial"
        if [w for w in op.a if w not in fillers] == [w for w in op.b if w not in fillers]:
            return "filler"
        return None
    mine, other = (a, b) if op.tag == "delete" else (b, a)
    words, start, at = (op.a, op.i, op.j) if op.tag == "delete" else (op.b, op.j, op.i)
    end = start + len(words)
    if at in other.gaps:
        return "omission"  # the other wording marks the cut with an ellipsis
    if all(i in mine.inserted for i in range(start, end)):
        return "editorial"
    if all(w in fillers for w in words):
        return "filler"
    if edge:
        stop = load_list("stopwords.txt", lower=True)
        at_clause = (start == 0 and end in mine.breaks) or (
            end == len(mine.words) and start in mine.breaks
        )
        if partial or at_clause or (all(w in stop for w in words) and not _negations(words)):
            return "omission"  # the quote starts or ends elsewhere: "No, ...", "And ..."
    return None


def _word_change(op: DiffOp) -> str:
    numbers = load_map("number_words.tsv", lower=True)
    fillers = load_list("fillers.txt", lower=True)
    a = [numbers.get(w, w) for w in op.a if w not in fillers]
    b = [numbers.get(w, w) for w in op.b if w not in fillers]
    if a == b:
        return "number-words"
    if sorted(map(_spelling, a)) == sorted(map(_spelling, b)):
        return "spelling"
    if [_lemma(w) for w in a] == [_lemma(w) for w in b]:
        return "inflection"
    if content_words(map(_spelling, a)) != content_words(map(_spelling, b)):
        return "content-words"
    return "function-words"


def _flips(op: DiffOp) -> bool:
    antonyms = load_pairs("antonyms.tsv")
    return any(
        frozenset((x, y)) in antonyms or frozenset((_lemma(x), _lemma(y))) in antonyms
        for x in op.a
        for y in op.b
    )


_FLIP_WORDS = 3
"""A negation or number counts as changed inside a change of at most this many words."""


def assess_change(
    a: Sequence[str] | MarkedTokens, b: Sequence[str] | MarkedTokens, *, partial: bool = False
) -> WordingChange:
    """Rate the change from one wording of a quote, ``a``, to another, ``b``.

    ``a`` and ``b`` are :func:`~quotecheck.crosscheck.align.tokens` (or, to know where
    ellipses, clause breaks and bracketed words stand,
    :func:`~quotecheck.crosscheck.align.marked_tokens`). ``partial``: one is a part of
    the other, so words missing at either end are cut, not changed. The severity is for
    one statement quoted two ways (draft mode rates a draft's quote against its source
    with it):

    * ``error``: between aligned words, a negation added or removed (a leading "No,"
      or a "not" in a sentence only one wording carries does not count), a number
      changed, or a word swapped for its opposite (``antonyms.tsv``);
    * ``warning``: any other word changed, added or dropped inside the quote (content
      words, function words: "a couple of clicks" / "a couple clicks", inflections:
      "laws" / "law");
    * ``info``: words cut at an ellipsis or at either end of the quote, bracketed
      insertions, spellings (organise / organize), number words (five / 5), fillers
      (uh), punctuation, case and contractions.
    """
    ma, mb = _marked(a), _marked(b)
    ops = tuple(word_diff(ma.words, mb.words))
    last = len(ops) - 1
    core: list[DiffOp] = []
    quiet: list[str] = []
    for k, op in enumerate(ops):
        if op.tag == "equal":
            continue
        why = _quiet(op, k in (0, last), ma, mb, partial)
        if why is None:
            core.append(op)
        else:
            quiet.append(why)
    # a flip is a short change inside an aligned clause; a longer passage one wording
    # adds ("not me, not Bill, nobody") is added material, however negative
    short = [op for op in core if max(len(op.a), len(op.b)) <= _FLIP_WORDS]
    old = [w for op in short for w in op.a]
    new = [w for op in short for w in op.b]
    reasons: list[str] = []
    if _negations(old) != _negations(new):
        reasons.append("negation")
    if _numbers(old) != _numbers(new):
        reasons.append("number")
    if any(_flips(op) for op in core if op.tag == "replace"):
        reasons.append("meaning-flip")
    if not reasons:
        reasons = [_word_change(op) for op in core]
    reasons += quiet
    if not reasons:
        reasons = ["punctuation"]
    ordered = tuple(dict.fromkeys(reasons))
    severity: Severity = (
        "error"
        if ERROR_REASONS.intersection(ordered)
        else "warning"
        if WARNING_REASONS.intersection(ordered)
        else "info"
    )
    aligned = sum(len(op.a) for op in ops if op.tag == "equal")
    omitted = sum(max(len(op.a), len(op.b)) for op in ops if op.tag != "equal") - sum(
        max(len(op.a), len(op.b)) for op in core
    )
    return WordingChange(
        severity,
        ordered,
        ops,
        aligned,
        min(len(ma.words), len(mb.words)),
        len(core),
        sum(max(len(op.a), len(op.b)) for op in core),
        max(len(ma.words), len(mb.words)) - omitted,
    )


_PARTIAL = 0.8
"""A variant shorter than this share of the other is a partial quote of it."""


def _compare(lead: MarkedTokens, other: MarkedTokens, kind: str) -> WordingChange:
    """A fragment or a short partial quote is a part of the other: the words the longer
    one has beyond it at either end are cut, not changed."""
    short, long_ = sorted((len(" ".join(lead.words)), len(" ".join(other.words))))
    partial = kind == "fragment" or (kind == "variant" and short < _PARTIAL * long_)
    return assess_change(lead, other, partial=partial)


def compare_quotes(lead: str, other: str, kind: str) -> WordingChange:
    """Rate the change from quote text ``lead`` to ``other`` aligned as ``kind``
    (:class:`~quotecheck.crosscheck.align.Match`); a fragment or a short partial quote
    is compared with the matching words of the longer one only (:func:`assess_change`
    with ``partial``)."""
    return _compare(marked_tokens(lead), marked_tokens(other), kind)


def compare_wordings(lead: str, other: str, kind: str) -> WordingChange:
    """:func:`compare_quotes` for normalised wordings (no ellipses or brackets known)."""
    return _compare(_marked(lead.split()), _marked(other.split()), kind)


_SAME_SHARE = 0.6
"""A looser alignment is one statement when at least this share of the shorter
wording's words stand in both, in order."""
_EDITED_SHARE = 0.15
"""Several separate edits make one statement misquoted only while they cover at most
this share of its words; beyond, the wordings are a paraphrase or two statements."""


def same_utterance(change: WordingChange, kind: str, score: float) -> bool:
    """Whether two wordings are evidently one statement quoted twice, so that their
    differences are misquotes: most of the shorter one's words stand in both, in order
    (at least four, and :data:`_SAME_SHARE`; any ``exact``, ``near`` or close
    ``fragment`` alignment has them), and the speaker's words differ in one place, or
    in a few places covering little of the quote (:data:`_EDITED_SHARE`). Two sentences
    of one speech, or a talking point a speaker words afresh in two interviews ("Trump
    or Cruz to be the nominee" / "Ted Cruz or Donald Trump as the nominee"), are not."""
    close = kind in ("exact", "near") or (kind == "fragment" and score >= 90.0)
    needed = min(4, change.compared)
    if not close and (change.aligned < needed or change.aligned < _SAME_SHARE * change.compared):
        return False
    return change.edits <= 1 or change.edited <= _EDITED_SHARE * max(1, change.span)


# -- the check -------------------------------------------------------------------------


def _quotable(story: Story, r: int) -> bool:
    """A quote's own words: not reported speech (the writer's paraphrase), not a title."""
    quote = story.quotes[r]
    return quote.kind != "reported" and not looks_like_title(quote.text)


@cache
def _translation_cues() -> re.Pattern[str]:
    cues = load_list("translation_cues.txt", lower=True)
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, cues), key=len)[::-1]) + r")\b")


def _translation(story: Story, key: str | None, records: Sequence[int]) -> str | None:
    """Why the speaker's words reach the sources in translation, or ``None``: a
    nationality outside ``english_speaking.txt`` in any article's description of them,
    or a cue such as "in Russian" or "translated" in a quote's paragraph."""
    english = {normalize_country(c) for c in load_list("english_speaking.txt")}
    if key is not None:
        foreign = sorted(
            {
                normalize_country(d.attribute.value)
                for d in story.descriptions.get(key, [])
                if d.facet == "nationality"
            }
            - english
        )
        if foreign:
            return f"{story.speaker_name(key)} is described as from {foreign[0]}"
    pattern = _translation_cues()
    for r in records:
        rec, quote = story.graph.records[r], story.quotes[r]
        article = story.articles[rec.article]
        start, end = article.to_canonical(quote.start, quote.end)
        text = article.text
        stop = text.find("\n", end)
        para = text[text.rfind("\n", 0, start) + 1 : len(text) if stop < 0 else stop]
        found = pattern.search(para.lower())
        if found:
            return f"{rec.source} says '{found.group(1)}'"
    return None


@dataclass(frozen=True)
class _Verdict:
    severity: Severity
    reasons: tuple[str, ...]
    note: str


def _verdict(change: WordingChange, kind: str, score: float, translation: str | None) -> _Verdict:
    """The policy: weak evidence of one statement makes a note; a translation's changed
    words are a note; otherwise the change's own severity."""
    if not same_utterance(change, kind, score):
        return _Verdict(
            "info",
            (*change.reasons, "weak-alignment"),
            "the wordings share too little to be sure they are one statement",
        )
    if translation is not None and change.severity == "warning":
        return _Verdict(
            "info",
            (*change.reasons, "translation"),
            f"translation variants: {translation}",
        )
    return _Verdict(change.severity, change.reasons, "")


def _wording(story: Story, link: Link, records: Sequence[int]) -> int:
    """The record of ``records`` carrying one of ``link``'s wordings."""
    graph = story.graph
    ends = {link.a, link.b}
    return next((r for r in records if graph.wording_of[r] in ends), records[0])


def _exclusive(story: Story, left: Sequence[int], right: Sequence[int]) -> bool:
    """Whether each side has a source the other has not: an article that carries both
    wordings (a headline and its body) is not compared with itself. Short fragments
    ("as allies") corroborate but do not place a source on a side."""
    a, b = set(story.voting_sources(left)), set(story.voting_sources(right))
    return bool(a - b) and bool(b - a)


def _group_findings(story: Story, group: QuoteGroup) -> Iterator[Finding]:
    clusters = [c for c in ([r for r in cl if _quotable(story, r)] for cl in group.clusters) if c]
    if len(clusters) < 2:
        return
    clusters.sort(key=lambda c: -story.support(c))  # support without the paraphrases
    support = [story.support(c) for c in clusters]
    strict = majority(support)
    speaker = story.speaker_name(group.speaker)
    translation = _translation(story, group.speaker, [r for c in clusters for r in c])
    if translation is None and len(clusters) >= 3 and max(support) <= 1:
        translation = f"{len(clusters)} sources render it {len(clusters)} ways, none alike"
    for idx, cluster in enumerate(clusters[1:], 1):
        found = next(
            (
                (ref, link)
                for ref in clusters[:idx]
                if (link := story.best_link(group.links, ref, cluster)) is not None
            ),
            None,
        )
        if found is None:
            continue  # no direct alignment: nothing shows the wordings are one statement
        ref, link = found
        if not _exclusive(story, ref, cluster):
            continue
        r_ref, r_other = _wording(story, link, ref), _wording(story, link, cluster)
        change = compare_quotes(
            story.quotes[r_ref].text, story.quotes[r_other].text, link.match.kind
        )
        verdict = _verdict(change, link.match.kind, link.match.score, translation)
        lead_role, other_role = (
            ("majority", "outlier") if strict and ref is clusters[0] else ("variant", "variant")
        )
        sources_ref, sources_other = story.voting_sources(ref), story.voting_sources(cluster)
        why = f"; {verdict.note}" if verdict.note else ""
        message = (
            f"{speaker} is quoted in different words: "
            f"the wording in {listed(sources_other)} differs from {listed(sources_ref)} "
            f"({', '.join(verdict.reasons)}; {link.match.kind} match{why})."
        )
        evidence = [story.quote_evidence(r, lead_role) for r in ref]
        evidence += [story.quote_evidence(r, other_role) for r in cluster]
        norms = sorted((story.graph.records[r_ref].norm, story.graph.records[r_other].norm))
        yield RULE.finding(
            message=message,
            evidence=evidence,
            severity=verdict.severity,
            key="|".join((group.speaker or "", *norms)),
            details={
                "speaker": speaker,
                "match": link.match.kind,
                "similarity": link.match.score,
                "reasons": list(verdict.reasons),
                "diff": describe_ops(op for op in change.ops),
                "agreeing": sources_ref if lead_role == "majority" else [],
                "outliers": sources_other if lead_role == "majority" else [],
                "note": verdict.note or None,
            },
        )


_CROSS_MIN_WORDS = 6
"""Quotes paired across differing attributions must share a wording this long."""


def _cross_findings(story: Story, compared: set[frozenset[int]]) -> Iterator[Finding]:
    """One statement worded two ways where one side's speaker is weak or missing (a
    pronoun bound to the wrong person, no cue at all), so no speaker group holds both."""
    graph = story.graph
    classes: dict[int, _Classes] = {}
    for link in graph.links:
        m = link.match
        if m.same_words or frozenset((link.a, link.b)) in compared:
            continue
        if not (m.kind == "near" or (m.kind == "fragment" and m.score >= 90.0)):
            continue
        wa, wb = graph.wordings[link.a], graph.wordings[link.b]
        if min(wa.norm.count(" "), wb.norm.count(" ")) + 1 < _CROSS_MIN_WORDS:
            continue
        for w in (link.a, link.b):
            if w not in classes:
                classes[w] = _classes(story, graph.wordings[w].records)
        sides = _unsure_sides(story, classes[link.a], classes[link.b])
        if sides is None:
            continue
        left, right, (x, y) = sides
        if not _exclusive(story, left, right):
            continue
        compared.add(frozenset((link.a, link.b)))
        credits = [story.credits[r] for r in (*left, *right)]
        named = [c for c in credits if c.key is not None]
        best = max(named, key=lambda c: c.strength == "strong", default=None)
        key = best.key if best is not None else None
        lead, other = (x, y) if len(story.sources(left)) >= len(story.sources(right)) else (y, x)
        kind = m.kind
        change = compare_quotes(story.quotes[lead].text, story.quotes[other].text, kind)
        verdict = _verdict(change, kind, m.score, _translation(story, key, [x, y]))
        who = listed(
            (
                f"{story.graph.records[r].source}: "
                + (story.speaker_name(c.key) + f" ({c.how})" if c.key is not None else c.how)
                for r, c in zip((*left, *right), credits, strict=True)
            ),
            sep="; ",
        )
        speaker = story.speaker_name(key)
        why = f"; {verdict.note}" if verdict.note else ""
        yield RULE.finding(
            message=(
                f"{speaker} is quoted in different words in {listed(story.sources(left))} "
                f"and {listed(story.sources(right))}, which credit the words differently "
                f"({who}) ({', '.join(verdict.reasons)}; {kind} match{why})."
            ),
            evidence=[story.quote_evidence(r, "variant") for r in (*left, *right)],
            severity=verdict.severity,
            key="|".join(("cross", *sorted((wa.norm, wb.norm)))),
            details={
                "speaker": speaker,
                "match": kind,
                "similarity": m.score,
                "reasons": list(verdict.reasons),
                "diff": describe_ops(change.ops),
                "agreeing": [],
                "outliers": [],
                "note": verdict.note or None,
            },
        )


_Classes = dict[tuple[str | None, bool], list[int]]


def _classes(story: Story, records: Sequence[int]) -> _Classes:
    """A wording's quotable records by (speaker, strong attribution)."""
    out: _Classes = {}
    for r in records:
        if _quotable(story, r):
            c = story.credits[r]
            out.setdefault((c.key, c.strength == "strong"), []).append(r)
    return out


def _unsure_sides(
    story: Story, a: _Classes, b: _Classes
) -> tuple[list[int], list[int], tuple[int, int]] | None:
    """The records of each side that pair with a record of the other from another
    source while the two speakers differ and one attribution is weak or missing (two
    strong attributions to two people are QC102's; one speaker on both sides is a
    speaker group's), with one such pair; ``None`` when there is none. Records are
    taken by class (:func:`_classes`): a quote carried by many articles has few."""

    def against(xs: list[int], ys: list[int]) -> list[int]:
        """The records of ``xs`` with a record of ``ys`` from another source."""
        sources = {story.record_source(y) for y in ys}
        if len(sources) > 1:
            return xs
        return [x for x in xs if story.record_source(x) not in sources]

    left: set[int] = set()
    right: set[int] = set()
    pair: tuple[int, int] | None = None
    for (ka, sa), xs in a.items():
        for (kb, sb), ys in b.items():
            if ka == kb or (sa and sb):
                continue
            mine, theirs = against(xs, ys), against(ys, xs)
            if mine:
                left.update(mine)
                right.update(theirs)
                if pair is None:
                    x = mine[0]
                    y = next(y for y in theirs if story.record_source(y) != story.record_source(x))
                    pair = (x, y)
    return None if pair is None else (sorted(left), sorted(right), pair)


def _claim_findings(story: Story, seen: set[frozenset[int]]) -> Iterator[Finding]:
    """Same speaker, same claim in different words (links too loose to group quotes)."""
    graph = story.graph
    for link in graph.links:
        if link.match.kind != "claim" or frozenset((link.a, link.b)) in seen:
            continue
        pairs = [
            (x, y)
            for x in graph.wordings[link.a].records
            for y in graph.wordings[link.b].records
            if graph.records[x].speaker is not None
            and graph.records[x].speaker == graph.records[y].speaker
            and _quotable(story, x)
            and _quotable(story, y)
        ]
        left = sorted({a for a, _ in pairs})
        right = sorted({b for _, b in pairs})
        if not pairs or not _exclusive(story, left, right):
            continue
        x, y = pairs[0]
        change = compare_quotes(story.quotes[x].text, story.quotes[y].text, "claim")
        speaker = story.speaker_name(graph.records[x].speaker)
        yield RULE.finding(
            message=(
                f"{speaker} makes the same claim in different words in "
                f"{', '.join(story.sources(left))} and {', '.join(story.sources(right))} "
                "(perhaps two statements: noted, not compared word for word)."
            ),
            evidence=[story.quote_evidence(r, "variant") for r in left + right],
            severity="info",
            key=f"{graph.records[x].speaker}|claim|{'|'.join(sorted((graph.records[x].norm, graph.records[y].norm)))}",
            details={
                "speaker": speaker,
                "match": "claim",
                "similarity": link.match.score,
                "reasons": [*change.reasons, "weak-alignment"],
                "diff": describe_ops(change.ops),
            },
        )


def check(story: Story) -> Iterator[Finding]:
    """A speaker's quote is worded differently in different sources.

    Quotes of one speaker identity are aligned across articles; each wording is
    compared with the best-supported wording it aligns with directly (never through a
    third wording), word by word between aligned clauses. Quotes carried word for word
    (or as a literal part of a longer quote) agree and raise nothing. Policy:

    * ``error``: a negation, a number or a word's opposite changed between aligned
      words of one statement (a leading "No," or a "don't" in a sentence only one
      wording carries is not a flip);
    * ``warning``: any word changed, added or dropped inside a direct or partial quote
      of one statement ("lightly" / "quickly", "a couple of clicks" / "a couple
      clicks", "laws" / "law");
    * ``info``: words cut at an ellipsis or at either end, bracketed insertions,
      spellings, number words, fillers; translation variants (a speaker described
      with a nationality outside ``english_speaking.txt``, a "translated" or "in
      Russian" near the quote, or three sources with three renderings, none alike),
      whose changed words are a note, not a misquote (their negations and numbers still
      count); wordings that share too little to be one statement (two sentences of
      one speech, two interviews on two days) and the same claim in other words;
    * nothing: reported speech (the writer's paraphrase), a title in quote marks, and
      any pair inside one article (an article is never compared with itself).

    A quote worded two ways where one side's speaker is weak or missing (a pronoun
    bound to the wrong person) is compared too, by its words alone, and the message
    says whom each source credits. ``details`` carries the word diff and a ``note``
    saying why a severity was lowered.
    """
    compared: set[frozenset[int]] = set()
    for group in story.quote_groups:
        compared.update(frozenset((ln.a, ln.b)) for ln in group.links)
        if group.speaker is None or len(group.clusters) < 2:
            continue
        yield from _group_findings(story, group)
    yield from _cross_findings(story, compared)
    yield from _claim_findings(story, compared)


RULE = Rule(
    code="QC101",
    kind="quote-wording-mismatch",
    severity="warning",
    summary="One speaker's quote is worded differently across sources.",
    run=check,
)
