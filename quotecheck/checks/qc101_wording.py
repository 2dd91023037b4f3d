"""QC101 quote-wording-mismatch: one speaker's quote worded differently across sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quotecheck.checks.rule import Rule
from quotecheck.crosscheck.align import (
    DiffOp,
    aligned_window,
    content_words,
    describe_ops,
    word_diff,
)
from quotecheck.crosscheck.story import QuoteGroup, Story, majority
from quotecheck.lexicons import load_list, load_map, load_pairs
from quotecheck.models import Finding, Severity

__all__ = ["RULE", "WordingChange", "assess_change", "check", "compare_wordings"]


@dataclass(frozen=True)
class WordingChange:
    """How much a change of wording changes the meaning."""

    severity: Severity
    reasons: tuple[str, ...]
    """``negation``, ``number``, ``meaning-flip``, ``content-words``, ``function-words``."""
    ops: tuple[DiffOp, ...]


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


def assess_change(a: Sequence[str], b: Sequence[str]) -> WordingChange:
    """Rate the change from token list ``a`` to ``b`` (see :func:`~quotecheck.crosscheck.align.tokens`).

    * ``error``: a negation added or removed, a number changed, or a word swapped for
      its opposite (``data/antonyms.tsv``);
    * ``warning``: content words changed;
    * ``info``: only function words (articles, pronouns ...), contractions or
      British/American spellings changed.
    """
    ops = tuple(word_diff(a, b))
    changed = [op for op in ops if op.tag != "equal"]
    reasons: list[str] = []
    if _negations(a) != _negations(b):
        reasons.append("negation")
    if _numbers(a) != _numbers(b):
        reasons.append("number")
    antonyms = load_pairs("antonyms.tsv")
    for op in changed:
        if op.tag == "replace" and any(
            frozenset((x, y)) in antonyms or frozenset((_lemma(x), _lemma(y))) in antonyms
            for x in op.a
            for y in op.b
        ):
            reasons.append("meaning-flip")
            break
    if reasons:
        return WordingChange("error", tuple(reasons), ops)
    numbers = load_map("number_words.tsv", lower=True)
    old = content_words(numbers.get(w, w) for op in changed for w in op.a)
    new = content_words(numbers.get(w, w) for op in changed for w in op.b)
    old_s, new_s = {_spelling(w) for w in old}, {_spelling(w) for w in new}
    if old_s != new_s:
        return WordingChange("warning", ("content-words",), ops)
    if changed:
        return WordingChange("info", ("function-words",), ops)
    return WordingChange("info", ("punctuation",), ops)


_PARTIAL = 0.8
"""A wording shorter than this share of the other is compared with its best-matching part."""


def compare_wordings(lead: str, other: str, kind: str) -> WordingChange:
    """Rate the change from normalised wording ``lead`` to ``other``; a fragment or a
    short partial quote is compared with the matching words of the longer one only."""
    la, lb = lead.split(), other.split()
    partial = kind in ("fragment", "variant")
    if partial and len(other) < _PARTIAL * len(lead):
        return assess_change(aligned_window(other, lead), lb)
    if partial and len(lead) < _PARTIAL * len(other):
        return assess_change(la, aligned_window(lead, other))
    return assess_change(la, lb)


def _group_findings(story: Story, group: QuoteGroup) -> Iterator[Finding]:
    graph = story.graph
    # reported speech is the writer's paraphrase: its wording is not a quote's wording
    clusters = [
        c
        for c in ([r for r in cl if story.quotes[r].kind != "reported"] for cl in group.clusters)
        if c
    ]
    if len(clusters) < 2:
        return
    clusters.sort(key=lambda c: -story.support(c))  # support without the paraphrases
    support = [story.support(c) for c in clusters]
    strict = majority(support)
    lead = clusters[0]
    lead_wordings = {graph.wording_of[r] for r in lead}
    speaker = story.speaker_name(group.speaker)
    for cluster in clusters[1:]:
        if (
            set(story.sources(cluster)) <= set(story.sources(lead))
            and len(set(story.sources(lead))) == 1
        ):
            continue  # one article against itself (a headline and its body) is no discrepancy
        link = story.best_link(group.links, lead, cluster)
        if link is None:
            lead_w, other_w = graph.records[lead[0]].norm, graph.records[cluster[0]].norm
        elif link.a in lead_wordings:
            lead_w, other_w = graph.wordings[link.a].norm, graph.wordings[link.b].norm
        else:
            lead_w, other_w = graph.wordings[link.b].norm, graph.wordings[link.a].norm
        change = compare_wordings(lead_w, other_w, link.match.kind if link else "variant")
        kind = link.match.kind if link is not None else "variant"
        severity: Severity = change.severity
        if kind == "claim" and severity == "error":
            severity = "warning"
        lead_role, other_role = ("majority", "outlier") if strict else ("variant", "variant")
        sources_lead, sources_other = story.voting_sources(lead), story.voting_sources(cluster)
        message = (
            f"{speaker} is quoted in different words: "
            f"the wording in {', '.join(sources_other)} differs from {', '.join(sources_lead)} "
            f"({', '.join(change.reasons)}; {kind} match)."
        )
        evidence = [story.quote_evidence(r, lead_role) for r in lead]
        evidence += [story.quote_evidence(r, other_role) for r in cluster]
        yield RULE.finding(
            message=message,
            evidence=evidence,
            severity=severity,
            key="|".join((group.speaker or "", *sorted((lead_w, other_w)))),
            details={
                "speaker": speaker,
                "match": kind,
                "similarity": link.match.score if link is not None else 0.0,
                "reasons": list(change.reasons),
                "diff": describe_ops(change.ops),
                "agreeing": sources_lead if strict else [],
                "outliers": sources_other if strict else [],
            },
        )


def _claim_findings(story: Story, seen: set[frozenset[int]]) -> Iterator[Finding]:
    """Same speaker, same claim in different words (links too loose to group quotes)."""
    graph = story.graph
    for link in graph.links:
        if link.match.kind != "claim":
            continue
        recs_a = graph.wordings[link.a].records
        recs_b = graph.wordings[link.b].records
        pairs = [
            (x, y)
            for x in recs_a
            for y in recs_b
            if graph.records[x].speaker is not None
            and graph.records[x].speaker == graph.records[y].speaker
            and story.record_source(x) != story.record_source(y)
        ]
        if not pairs or frozenset((link.a, link.b)) in seen:
            continue
        x, y = pairs[0]
        change = assess_change(graph.records[x].norm.split(), graph.records[y].norm.split())
        severity: Severity = "warning" if "number" in change.reasons else "info"
        speaker = story.speaker_name(graph.records[x].speaker)
        left = sorted({a for a, _ in pairs})
        right = sorted({b for _, b in pairs})
        yield RULE.finding(
            message=(
                f"{speaker} makes the same claim in different words in "
                f"{', '.join(story.sources(left))} and {', '.join(story.sources(right))}."
            ),
            evidence=[story.quote_evidence(r, "variant") for r in left + right],
            severity=severity,
            key=f"{graph.records[x].speaker}|claim|{'|'.join(sorted((graph.records[x].norm, graph.records[y].norm)))}",
            details={
                "speaker": speaker,
                "match": "claim",
                "similarity": link.match.score,
                "reasons": list(change.reasons),
                "diff": describe_ops(change.ops),
            },
        )


def check(story: Story) -> Iterator[Finding]:
    """A speaker's quote is worded differently in different sources.

    Quotes of one speaker identity are aligned across articles (exact, near,
    fragment, variant). Quotes carried word for word (or as a literal fragment of a
    longer quote) agree and raise nothing. For every other wording, compared with
    the wording most sources carry, the severity follows the change:

    * ``error`` when a negation, a number or a word's opposite changed;
    * ``warning`` when content words changed (a translation: "You need to ..." /
      "It's necessary to ...");
    * ``info`` when only function words, contractions or spellings changed.

    Quotes that share only a claim (several content words) are reported as ``info``
    (``warning`` if their numbers differ). ``details`` carries the word diff.
    """
    seen: set[frozenset[int]] = set()
    for group in story.quote_groups:
        if group.speaker is None or len(group.clusters) < 2:
            continue
        seen.update(frozenset((ln.a, ln.b)) for ln in group.links)
        yield from _group_findings(story, group)
    yield from _claim_findings(story, seen)


RULE = Rule(
    code="QC101",
    kind="quote-wording-mismatch",
    severity="warning",
    summary="One speaker's quote is worded differently across sources.",
    run=check,
)
