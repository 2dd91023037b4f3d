"""Several articles on one story, seen together: identities, aligned quotes, groups.

A :class:`Story` is built once from the articles and shared by every check and by
:func:`quotecheck.crosscheck.corroborate`. It holds:

* ``identities``: one key per speaker across articles (:mod:`.identity`);
* ``graph``: identical quotes grouped into wordings, distinct wordings linked
  (:mod:`.align`);
* ``source_of``: the independent source of each article. Articles with the same
  ``source`` name, or with the same normalised text (a copy), count as one;
* ``quote_groups``: one speaker's quote as carried by several sources, in one or
  more wordings (``clusters``, largest support first).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from quotecheck.crosscheck.align import AlignmentGraph, Link, QuoteRecord, align, normalize_quote
from quotecheck.crosscheck.credit import Credit, credit_of
from quotecheck.crosscheck.identity import Identities
from quotecheck.crosscheck.mentions import Description, person_descriptions
from quotecheck.models import Article, Evidence, Quote, Span

if TYPE_CHECKING:
    from quotecheck.crosscheck.people import Registry
    from quotecheck.extract.figures import ArticleWords

__all__ = ["MIN_SUPPORT_WORDS", "QuoteGroup", "Story", "UnionFind", "majority"]

MIN_SUPPORT_WORDS = 4
"""Shorter quotes ("as allies") are corroboration but not a vote for one wording."""

_GROUP_KINDS = frozenset({"exact", "fragment", "near", "variant"})


class UnionFind:
    """Plain union-find over hashable items.

    :meth:`find` names a set by its least item (by ``repr``), whatever the order of the
    unions. Sets are joined by size and paths are compressed, so a set of many items
    stays shallow.
    """

    def __init__(self) -> None:
        self.parent: dict[object, object] = {}
        self._size: dict[object, int] = {}
        self._least: dict[object, object] = {}

    def _root(self, x: object) -> object:
        parent = self.parent
        if x not in parent:
            parent[x] = x
            self._size[x] = 1
            self._least[x] = x
            return x
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def find(self, x: object) -> object:
        return self._least[self._root(x)]

    def union(self, a: object, b: object) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra == rb:
            return
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self._size[ra] += self._size.pop(rb)
        self._least[ra] = min(self._least[ra], self._least.pop(rb), key=repr)


@dataclass
class QuoteGroup:
    """One speaker's quote across sources: ``clusters`` of records in one wording each."""

    speaker: str | None
    clusters: list[list[int]]
    """Record indices per consistent wording (exact or word-for-word fragment),
    most independent sources first, then the fullest wording."""
    links: list[Link] = field(default_factory=list)
    """Links between the group's distinct wordings."""

    @property
    def records(self) -> list[int]:
        return [r for c in self.clusters for r in c]


def majority(support: Sequence[int]) -> bool:
    """Whether the first of ``support`` (sorted descending) is a strict majority leader."""
    return len(support) < 2 or support[0] > support[1]


class Story:
    """The articles of one story, cross-referenced (see the module docstring)."""

    def __init__(
        self,
        articles: Sequence[Article],
        registry: Registry | None = None,
        *,
        bucket_cap: int = 64,
        workers: int = 1,
    ) -> None:
        self.articles = tuple(articles)
        self.registry = registry
        self.identities = Identities.from_articles(self.articles)
        self.source_of = self._independent_sources()
        records: list[QuoteRecord] = []
        self.quotes: list[Quote] = []
        norms: dict[str, str] = {}  # a quote carried by many articles is normalised once
        for a, article in enumerate(self.articles):
            for q, quote in enumerate(article.quotes):
                if quote.kind == "scare":
                    continue
                norm = norms.get(quote.text)
                if norm is None:
                    norm = norms[quote.text] = normalize_quote(quote.text)
                if not norm:
                    continue
                sp = quote.speaker  # an unresolved "he" or "the senator" names no one
                key = (
                    None
                    if sp and sp.resolution == "unresolved"
                    else self.identities.speaker_key(a, sp)
                )
                records.append(QuoteRecord(len(records), a, q, article.source, key, norm))
                self.quotes.append(quote)
        self.graph: AlignmentGraph = align(records, bucket_cap=bucket_cap, workers=workers)
        self._evidence: dict[tuple[int, str | None], Evidence] = {}
        #: What the checks read of one article or description again and again, worked
        #: out once per story: the words of each article's text (by article index, see
        #: ``extract.figures.article_words``) and the one person a description fits
        #: (``crosscheck.credit``).
        self.article_words: dict[int, ArticleWords] = {}
        self.described_person: dict[str, str | None] = {}

    def _independent_sources(self) -> list[str]:
        by_text: dict[str, str] = {}
        by_name: dict[str, str] = {}
        out: list[str] = []
        for article in self.articles:
            digest = hashlib.sha1(" ".join(article.text.lower().split()).encode()).hexdigest()
            name = by_name.get(article.source) or by_text.get(digest) or article.source
            by_name.setdefault(article.source, name)
            by_text.setdefault(digest, name)
            out.append(name)
        return out

    # -- small helpers shared by the checks -------------------------------------------

    @property
    def records(self) -> list[QuoteRecord]:
        return self.graph.records

    def record_source(self, r: int) -> str:
        """The independent source of record ``r``."""
        return self.source_of[self.graph.records[r].article]

    def sources(self, records: Iterable[int]) -> list[str]:
        """The distinct independent sources of some records, sorted."""
        return sorted({self.record_source(r) for r in records})

    def quote_evidence(self, r: int, role: str | None) -> Evidence:
        """The span of record ``r``'s quote in its original input.

        Made once per record and role (evidence is immutable): a quote carried by many
        sources is evidence in many findings."""
        found = self._evidence.get((r, role))
        if found is None:
            rec, quote = self.graph.records[r], self.quotes[r]
            found = self._evidence[(r, role)] = Evidence(
                source=rec.source, start=quote.start, end=quote.end, text=quote.text, role=role
            )
        return found

    @staticmethod
    def span_evidence(source: str, span: Span, role: str | None) -> Evidence:
        return Evidence(source=source, start=span.start, end=span.end, text=span.text, role=role)

    def speaker_name(self, key: str | None) -> str:
        return "an unnamed speaker" if key is None else self.identities.name(key)

    @cached_property
    def descriptions(self) -> dict[str, list[Description]]:
        """Every description of every person quoted by full name, by identity key: at
        the quotes' cues and at the other mentions of the name
        (:func:`~quotecheck.crosscheck.mentions.person_descriptions`)."""
        return person_descriptions(self)

    @cached_property
    def credits(self) -> list[Credit]:
        """How strongly each record's article credits its quote to its speaker
        (:func:`~quotecheck.crosscheck.credit.credit_of`), by record."""
        return [credit_of(self, r) for r in range(len(self.graph.records))]

    # -- groups -----------------------------------------------------------------------

    def _wording_speakers(self) -> list[set[str | None]]:
        out: list[set[str | None]] = [set() for _ in self.graph.wordings]
        for rec in self.graph.records:
            out[self.graph.wording_of[rec.index]].add(rec.speaker)
        return out

    @cached_property
    def wording_clusters(self) -> UnionFind:
        """Wordings joined when word for word the same: a literal fragment joins the
        longest wording that contains it, and only that one, so a short fragment ("as
        allies") found inside two different wordings never makes them agree."""
        wordings = self.graph.wordings
        # reported speech is the writer's paraphrase: it holds a quote's words without
        # being a wording of the quote, so it joins no cluster
        quoted = {
            self.graph.wording_of[rec.index]
            for rec in self.graph.records
            if self.quotes[rec.index].kind != "reported"
        }
        parent: dict[int, int] = {}
        for link in self.graph.links:
            if not link.match.same_words or link.a not in quoted or link.b not in quoted:
                continue
            short, long_ = sorted((link.a, link.b), key=lambda w: (len(wordings[w].norm), w))
            best = parent.get(short)
            if best is None or (len(wordings[long_].norm), -long_) > (
                len(wordings[best].norm),
                -best,
            ):
                parent[short] = long_
        uf = UnionFind()
        for short, long_ in parent.items():
            uf.union(short, long_)
        return uf

    def voting_sources(self, records: Iterable[int]) -> list[str]:
        """The sources behind some records, not counting short fragments (all sources
        when there are only short fragments)."""
        recs = list(records)
        long_ = [r for r in recs if self.graph.records[r].norm.count(" ") + 1 >= MIN_SUPPORT_WORDS]
        return self.sources(long_ or recs)

    def support(self, records: Iterable[int]) -> int:
        """Independent sources behind some records; a fragment shorter than
        :data:`MIN_SUPPORT_WORDS` words does not count as support."""
        return len(
            {
                self.record_source(r)
                for r in records
                if self.graph.records[r].norm.count(" ") + 1 >= MIN_SUPPORT_WORDS
            }
        )

    @cached_property
    def article_clusters(self) -> list[int | None]:
        """A story id per article: articles join when they quote the same person or carry
        aligned quotes. Checks that compare whole articles (figures) stay inside one story,
        so unrelated stories in one batch neither clash nor cost quadratic time. An article
        with nothing to join on (no quoted person, no shared quote) gets ``None``: it may
        belong to any story."""
        uf = UnionFind()
        owner: dict[str, int] = {}
        joined: set[int] = set()
        for rec, quote in zip(self.graph.records, self.quotes, strict=True):
            sp = quote.speaker
            if rec.speaker is None or sp is None or sp.kind != "person":
                continue
            joined.add(rec.article)
            uf.union(owner.setdefault(rec.speaker, rec.article), rec.article)
        for link in self.graph.links:
            if link.match.kind in _GROUP_KINDS:
                a = self.graph.records[self.graph.wordings[link.a].records[0]].article
                b = self.graph.records[self.graph.wordings[link.b].records[0]].article
                joined.update((a, b))
                uf.union(a, b)
        roots: dict[object, int] = {}
        return [
            roots.setdefault(uf.find(a), len(roots)) if a in joined else None
            for a in range(len(self.articles))
        ]

    @cached_property
    def quote_groups(self) -> list[QuoteGroup]:
        """Groups of one speaker's aligned quotes spanning at least two sources."""
        graph = self.graph
        speakers = self._wording_speakers()
        uf = UnionFind()
        for w, spk in enumerate(speakers):
            named = [s for s in spk if s is not None]
            for s in spk:
                uf.find((w, s))
            if None in spk and len(named) == 1:
                uf.union((w, None), (w, named[0]))
        for link in graph.links:
            if link.match.kind not in _GROUP_KINDS:
                continue
            for s in speakers[link.a] & speakers[link.b]:
                if s is not None or link.match.same_words:
                    uf.union((link.a, s), (link.b, s))
        members: dict[object, list[int]] = defaultdict(list)
        for rec in graph.records:
            members[uf.find((graph.wording_of[rec.index], rec.speaker))].append(rec.index)
        links_from: dict[int, list[int]] = defaultdict(list)  # wording -> link indices
        for i, ln in enumerate(graph.links):
            links_from[ln.a].append(i)
        groups: list[QuoteGroup] = []
        for recs in members.values():
            if len(set(self.sources(recs))) < 2:
                continue
            wordings = {graph.wording_of[r] for r in recs}
            by_cluster: dict[object, list[int]] = defaultdict(list)
            for r in recs:
                by_cluster[self.wording_clusters.find(graph.wording_of[r])].append(r)
            clusters = sorted(
                by_cluster.values(),
                key=lambda c: (
                    -self.support(c),
                    -max(len(graph.records[r].norm) for r in c),
                    min(graph.records[r].source for r in c),
                ),
            )
            keys = [graph.records[r].speaker for r in recs]
            named = sorted({k for k in keys if k is not None})
            inside = sorted(
                i for w in wordings for i in links_from[w] if graph.links[i].b in wordings
            )
            links = [graph.links[i] for i in inside]
            groups.append(QuoteGroup(named[0] if named else None, clusters, links))
        groups.sort(key=lambda g: (g.speaker or "", min(g.records)))
        return groups

    def best_link(
        self, links: Iterable[Link], left: Iterable[int], right: Iterable[int]
    ) -> Link | None:
        """The strongest of ``links`` between the wordings of two sets of records."""
        wl = {self.graph.wording_of[r] for r in left}
        wr = {self.graph.wording_of[r] for r in right}
        candidates = [
            ln for ln in links if (ln.a in wl and ln.b in wr) or (ln.a in wr and ln.b in wl)
        ]
        return max(candidates, key=lambda ln: ln.match.score, default=None)
