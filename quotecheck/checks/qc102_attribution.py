"""QC102 quote-attribution-conflict: the same words given to different speakers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from quotecheck.checks.rule import Rule, listed
from quotecheck.crosscheck.align import Link, aligned_range, looks_like_title
from quotecheck.crosscheck.credit import Credit, Strength
from quotecheck.crosscheck.story import Story, UnionFind
from quotecheck.lexicons import load_list
from quotecheck.models import Evidence, Finding, Severity

__all__ = ["ERROR_MIN_WORDS", "MIN_FRAGMENT_WORDS", "MIN_WORDS", "RULE", "check", "relayed"]

MIN_WORDS = 4
"""A quote must run to at least this many words to tie two speakers together."""
MIN_FRAGMENT_WORDS = 6
"""A part of a longer quote ties two speakers from this many words: "do the right
thing" or "a lot of sacrifices" inside two quotes are common phrases, not one quote."""
ERROR_MIN_WORDS = 8
"""Shared words make an ``error`` from this many: a shorter phrase is one two people
may both have said."""

_RELAY_REACH = 8
"""How many words before the shared words a relaying ``X said`` may stand."""


def relayed(short: str, long_: str) -> bool:
    """Whether the longer quote gives the shorter one's words as someone else's: a
    reporting verb whose subject is not the speaker (not ``I`` or ``we``) shortly before
    them, as in ``"Donald Trump said he has made a lot of sacrifices," Ms. Khan said``.
    Both are normalised wordings (:func:`~quotecheck.crosscheck.align.normalize_quote`)."""
    words = long_.split()
    start, _ = aligned_range(short, long_)
    verbs = load_list("reporting_verbs.txt", lower=True)
    stop = load_list("stopwords.txt", lower=True)
    for j in range(max(1, start - _RELAY_REACH), start):
        subject = words[j - 1]
        if words[j] in verbs and (subject in ("he", "she", "they") or subject not in stop):
            return True
    return False


def _words(norm: str) -> int:
    return norm.count(" ") + 1


def _ties(story: Story, link: Link) -> bool:
    graph = story.graph
    a, b = graph.wordings[link.a].norm, graph.wordings[link.b].norm
    if link.match.kind not in ("exact", "near", "fragment"):
        return False
    least = MIN_FRAGMENT_WORDS if link.match.kind == "fragment" else MIN_WORDS
    if min(_words(a), _words(b)) < least:
        return False  # "This Week", "as allies": too few words to be one utterance
    short, long_ = sorted((a, b), key=len)
    return not (link.match.kind == "fragment" and relayed(short, long_))


def _usable(story: Story, r: int) -> bool:
    # a paraphrase ties two speakers only over a whole claim: "he had nothing to do with
    # it" is what many spokesmen say about many people
    least = ERROR_MIN_WORDS if story.quotes[r].kind == "reported" else MIN_WORDS
    return (
        story.credits[r].usable
        and _words(story.graph.records[r].norm) >= least
        and not looks_like_title(story.quotes[r].text)
    )


def check(story: Story) -> Iterator[Finding]:
    """The same words are attributed to different speakers in different articles.

    The words tie two quotes when they are the same or nearly the same (at least four
    words), or one a part of the other (at least six); two speakers conflict only when
    their quotes are tied directly, not through a third quote. Policy:

    * ``error``: both attributions are strong evidence: a valid name at the quote's own
      cue, with a confident cue (``"...," Reardon said``), naming two different people
      (:mod:`quotecheck.crosscheck.credit`), over at least eight shared words;
    * ``warning``: either attribution is weaker (a pronoun or a nominal mention resolved
      to the name, a quote inheriting the previous speaker, a partial quote's cue, a
      description that fits one person of the story), one side is an organisation
      (a statement given as the Kremlin's and as Putin's), or the shared words are
      few (a phrase both may have said); the message says which;
    * nothing: a side with no speaker, an unresolved pronoun, a description that fits
      nobody or several people, a function word or a title taken for a speaker
      ("And", "Secretary"), a belief or a speech act in reported speech, a title in quote
      marks ("This Week"), a person repeating another's words (``"Donald Trump said he
      has made a lot of sacrifices," Ms. Khan said`` against Trump's "a lot of
      sacrifices"), a relay (``Tass`` citing Kartapolov: ``Speaker.via``), a surname
      alone against a full name with that surname ("Trump" / "Donald Trump" when the
      story has several Trumps), and any disagreement inside one article (an article
      is never compared with itself).

    Reported speech (``Lavrov said Moscow was ready to ...``) takes part as a weak
    attribution of at least eight words: the same claim, in the same or nearly the same words, given to two
    speakers is a ``warning`` whose message calls it a claim; the wording of a paraphrase is
    never compared (QC101 reads quotes only), its figures are the writer's (QC104).

    Evidence: the quote in every source (``majority`` for the speaker most sources
    name, ``outlier`` for the other, ``disputed`` in a tie) and the speaker as each
    source writes it at the cue (``credited``); ``details.attributions`` says who each
    source credits and through which cue.
    """
    graph = story.graph
    uf = UnionFind()
    ties: dict[frozenset[int], int] = {}
    for link in graph.links:
        if _ties(story, link):
            uf.union(link.a, link.b)
            shorter = min(_words(graph.wordings[link.a].norm), _words(graph.wordings[link.b].norm))
            ties[frozenset((link.a, link.b))] = shorter
    components: dict[object, list[int]] = defaultdict(list)
    for rec in graph.records:
        if _usable(story, rec.index):
            components[uf.find(graph.wording_of[rec.index])].append(rec.index)
    for recs in components.values():
        yield from _component(story, recs, ties)


def _shared(story: Story, ties: dict[frozenset[int], int], a: _Party, b: _Party) -> int:
    """How many words the two parties' quotes directly share (0: tied only through
    other quotes, which is no conflict between these two)."""
    graph = story.graph
    best = 0
    for x in {graph.wording_of[r] for r in a.records}:
        for y in {graph.wording_of[r] for r in b.records}:
            if x == y:
                best = max(best, _words(graph.wordings[x].norm))
            else:
                best = max(best, ties.get(frozenset((x, y)), 0))
    return best


def _may_be_one(a: str, b: str) -> bool:
    """A surname alone the story cannot tie to one full name (``person:|trump``) may be
    any person with that surname."""
    sa, sb = a.partition("|")[2], b.partition("|")[2]
    surname_only = a.startswith("person:|") or b.startswith("person:|")
    return surname_only and a.startswith("person:") and b.startswith("person:") and sa == sb


_RANK: dict[Strength, int] = {"none": 0, "weak": 1, "strong": 2}


@dataclass(frozen=True)
class _Party:
    """One side of an attribution conflict: a speaker (with its relays) and its records.

    A quote carried by many sources yields one finding per other party, each repeating
    the lead party's records; what depends on one party only is worked out once.
    """

    records: list[int]
    sources: list[str]
    key: str
    """The speaker key most of the party's records carry."""
    norm: str
    """The first of the party's normalised wordings."""
    best: Credit
    """The party's strongest attribution."""
    attributions: dict[int, str]
    """``source: speaker (how)`` per record."""


def _party(story: Story, records: list[int]) -> _Party:
    graph, quotes = story.graph, story.quotes
    credits = [story.credits[r] for r in records]
    return _Party(
        records=records,
        sources=story.sources(records),
        key=_speaker_of(story, records),
        norm=min(graph.records[r].norm for r in records),
        best=max(credits, key=lambda c: _RANK[c.strength]),
        attributions={
            r: f"{graph.records[r].source}: {quotes[r].speaker.name} "  # type: ignore[union-attr]
            f"('{c.written}': {c.how})"
            for r, c in zip(records, credits, strict=True)
        },
    )


def _component(story: Story, recs: list[int], ties: dict[frozenset[int], int]) -> Iterator[Finding]:
    relay = UnionFind()
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for r in recs:
        key = story.credits[r].key
        assert key is not None
        relay.find(key)
        via = story.identities.via_key(story.graph.records[r].article, story.quotes[r].speaker)
        if via is not None:
            relay.union(key, via)
        by_speaker[key].append(r)
    if len(by_speaker) < 2:
        return
    grouped: dict[object, list[int]] = defaultdict(list)
    for key, rs in by_speaker.items():
        grouped[relay.find(key)].extend(rs)
    if len(grouped) < 2:
        return
    parties = [_party(story, rs) for rs in grouped.values()]
    ranked = sorted(
        parties,
        key=lambda p: (-len(p.sources), min(story.graph.records[r].source for r in p.records)),
    )
    lead = ranked[0]
    lead_sources = set(lead.sources)
    for other in ranked[1:]:
        mine = set(other.sources)
        if not (mine - lead_sources and lead_sources - mine):
            continue  # every article on one side also gives the other: no source against another
        if _may_be_one(lead.key, other.key):
            continue
        shared = _shared(story, ties, lead, other)
        if shared:
            yield _finding(story, lead, other, len(lead.sources) > len(other.sources), shared)


def _speaker_of(story: Story, recs: list[int]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in recs:
        key = story.credits[r].key
        if key is not None:
            counts[key] += 1
    return max(sorted(counts), key=lambda k: counts[k])


def _credited(story: Story, r: int) -> Evidence:
    """The speaker as record ``r``'s source writes it at the cue."""
    rec, spk = story.graph.records[r], story.quotes[r].speaker
    assert spk is not None
    m = spk.mention
    return Evidence(source=rec.source, start=m.start, end=m.end, text=m.text, role="credited")


def _finding(story: Story, lead: _Party, other: _Party, strict: bool, shared: int) -> Finding:
    lead_key, other_key = lead.key, other.key
    lead_name, other_name = story.speaker_name(lead_key), story.speaker_name(other_key)
    mixed = lead_key.startswith("org:") != other_key.startswith("org:")
    people = lead_key.startswith("person:") and other_key.startswith("person:")
    strong = lead.best.strength == other.best.strength == "strong"
    long_enough = shared >= ERROR_MIN_WORDS
    severity: Severity = "error" if strong and people and long_enough else "warning"
    lead_role, other_role = ("majority", "outlier") if strict else ("disputed", "disputed")
    text = story.quotes[other.records[0]].text
    short = text if len(text) <= 60 else text[:57] + "..."
    reported = any(story.quotes[r].kind == "reported" for r in (*lead.records, *other.records))
    what = "The claim " if reported else ""
    message = (
        f'{what}"{short}" is attributed to {other_name} in {listed(other.sources)} '
        f"but to {lead_name} in {listed(lead.sources)}."
    )
    weaker = [
        f"{listed(p.sources)} gives {story.speaker_name(p.key)} through {p.best.how}"
        for p in (lead, other)
        if p.best.strength != "strong"
    ]
    if weaker:
        message += " The evidence is weaker: " + "; ".join(weaker) + "."
    elif mixed:
        message += " One side is an organisation, the other a person."
    elif not long_enough:
        message += f" The shared words are few ({shared}): both may have said them."
    attributions = {**lead.attributions, **other.attributions}
    evidence = [story.quote_evidence(r, lead_role) for r in lead.records]
    evidence += [story.quote_evidence(r, other_role) for r in other.records]
    evidence += [_credited(story, r) for r in (*lead.records, *other.records)]
    return RULE.finding(
        message=message,
        evidence=evidence,
        severity=severity,
        key="|".join([*sorted((lead_key, other_key)), min(lead.norm, other.norm)]),
        details={
            "speakers": sorted({lead_name, other_name}),
            "majority": lead_name if strict else None,
            "outlier": other_name if strict else None,
            "attributions": [attributions[r] for r in sorted(attributions)],
            "organization_vs_person": mixed,
        },
    )


RULE = Rule(
    code="QC102",
    kind="quote-attribution-conflict",
    severity="error",
    summary="The same words are attributed to different speakers.",
    run=check,
)
