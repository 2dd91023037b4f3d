"""Splitting a batch of articles into stories, from their content.

A day's copy arrives as one batch: several stories, each carried by a few outlets. The
checks compare articles of one story only (:func:`quotecheck.checks.cross_check` runs
them per story), so that a figure, a quote or a title of one story is never held against
another. What ties articles to one story:

* the same quoted words (a run of :data:`SHINGLE` words in quotes of both): one story
  from the start;
* rare terms: names (capitalised words not starting a sentence) and content words, each
  weighted by how rare it is in the batch (inverse document frequency, smoothed so that
  a small batch of one story still links). Groups of articles merge, most alike first,
  while the average cosine similarity of their articles reaches :data:`LINK`
  (average linkage: one article alike to one of a group is not enough);
* a date, where both articles have one: more than :data:`DAYS_APART` days apart, never
  one story.

The split is conservative: a short article (fewer than :data:`MIN_TERMS` content words)
joins the story it is most like, and the threshold keeps every real multi-outlet cluster
of the benchmark one story when it is checked alone (docs/accuracy.md). Content alone
cannot part stories on one running topic (the primaries of one campaign): such a batch
stays one story more often than it splits wrongly.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from quotecheck.crosscheck.story import UnionFind
from quotecheck.lexicons import load_list
from quotecheck.models import Article

__all__ = ["DAYS_APART", "LINK", "MIN_TERMS", "POSTINGS", "SHINGLE", "split_stories"]

LINK = 0.06
"""The least cosine similarity of two articles' weighted terms that links them."""
SHINGLE = 8
"""Quoted words shared in a run of this many link two articles."""
DAYS_APART = 10
"""Dated articles further apart than this are never one story."""
MIN_TERMS = 40
"""An article with fewer content words than this is short (see :func:`split_stories`)."""
POSTINGS = 200
"""The most articles a term may be in to count towards their similarity (batches of up
to 1,000 articles are not affected: there a fifth of the batch is the lower cap)."""
FAR = -1000.0
"""The similarity given to two articles dated too far apart: it keeps their groups apart."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTED = re.compile(r"[^\W_]+")
_MIN_LEN = 4


def _stopwords() -> frozenset[str]:
    return load_list("stopwords.txt", lower=True) | load_list("figures_stopwords.txt", lower=True)


def _terms(article: Article, stop: frozenset[str]) -> Counter[str]:
    """Content words (lower case) and names (``name:`` + the word) of an article."""
    text = article.text
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        word = m.group().removesuffix("'s").removesuffix("’s")
        low = word.lower()
        if len(low) < _MIN_LEN or low in stop:
            continue
        if word[:1].isupper():
            before = text[max(0, m.start() - 2) : m.start()].rstrip(" ")
            if before and before[-1] not in '.!?\n"“‘(':
                out["name:" + low] += 1
                continue
        out[low] += 1
    return out


def _shingles(article: Article) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for quote in article.quotes:
        if quote.kind == "scare":
            continue
        words = _QUOTED.findall(quote.text.lower())
        out.update(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    return out


def split_stories(articles: Sequence[Article]) -> list[list[int]]:
    """The stories of a batch: lists of article indices, each in order, ordered by their
    first article. A single article, or articles that all link, give one story."""
    n = len(articles)
    if n < 2:
        return [list(range(n))]
    stop = _stopwords()
    terms = [_terms(a, stop) for a in articles]
    df: Counter[str] = Counter()
    for t in terms:
        df.update(t.keys())
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
    vectors: list[dict[str, float]] = []
    for t in terms:
        vec = {w: (1.0 + math.log(c)) * idf[w] for w, c in t.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})

    def close_in_time(a: int, b: int) -> bool:
        da, db = articles[a].date, articles[b].date
        return da is None or db is None or abs((da - db).days) <= DAYS_APART

    # pair similarities: dot products through an index of terms; a term in very many
    # articles adds little and would make this quadratic, so it is left out (in a
    # fifth of the batch, and never in more than POSTINGS articles: in a batch of
    # 10,000 a story's common words would otherwise pair thousands of articles each)
    cap = max(50, min(n // 5, POSTINGS))
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for a, vec in enumerate(vectors):
        for w, v in vec.items():
            if df[w] <= cap:
                postings[w].append((a, v))
    sims: dict[int, dict[int, float]] = defaultdict(dict)
    for a, vec in enumerate(vectors):
        dots: dict[int, float] = defaultdict(float)
        for w, v in vec.items():
            for b, u in postings.get(w, ()):
                if b > a:
                    dots[b] += v * u
        for b, dot in dots.items():
            sims[a][b] = sims[b][a] = dot if close_in_time(a, b) else FAR
    # articles carrying the same quoted words are one story from the start
    uf = UnionFind()
    first_with: dict[tuple[str, ...], int] = {}
    for a, article in enumerate(articles):
        uf.find(a)
        for sh in _shingles(article):
            b = first_with.setdefault(sh, a)
            if b != a and close_in_time(a, b):
                uf.union(a, b)
    # a short article says too little to stand apart: it joins the story it is most
    # like, and a batch of short articles is one story
    short = {a for a, t in enumerate(terms) if sum(t.values()) < MIN_TERMS}
    groups: dict[object, list[int]] = defaultdict(list)
    for a in range(n):
        if a not in short:
            groups[uf.find(a)].append(a)
    stories = _average_linkage(list(groups.values()), sims)
    if not stories:
        return [list(range(n))]
    for a in sorted(short):
        row = sims.get(a, {})
        best = max(
            range(len(stories)), key=lambda k: (sum(row.get(b, 0.0) for b in stories[k]), -k)
        )
        stories[best].append(a)
    return sorted((sorted(s) for s in stories), key=lambda s: s[0])


def _average_linkage(start: list[list[int]], sims: dict[int, dict[int, float]]) -> list[list[int]]:
    """Groups merged, most similar first, while the average similarity of the pairs of
    articles between two groups reaches :data:`LINK` (a pair with no shared term counts
    0, a pair dated too far apart :data:`FAR`). ``start`` are the groups to begin with."""
    members = dict(enumerate(start))
    group_of = {a: g for g, m in members.items() for a in m}
    totals: dict[int, dict[int, float]] = {g: {} for g in members}
    for a, row in sims.items():
        for b, sim in row.items():
            ga, gb = group_of.get(a), group_of.get(b)
            if ga is not None and gb is not None and ga != gb:
                totals[ga][gb] = totals[ga].get(gb, 0.0) + sim

    def average(a: int, b: int) -> float:
        return totals[a].get(b, 0.0) / (len(members[a]) * len(members[b]))

    heap = [(-average(a, b), a, b) for a, row in totals.items() for b in row if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or -neg != average(a, b):
            continue  # stale: one of the groups changed since
        if -neg < LINK:
            break  # the best remaining pair is below the link: done
        members[a] += members.pop(b)
        row_b = totals.pop(b)
        totals[a].pop(b, None)
        for c, t in row_b.items():
            if c != a:
                totals[a][c] = totals[c][a] = totals[a].get(c, 0.0) + t
                totals[c].pop(b, None)
        for c in totals[a]:
            heapq.heappush(heap, (-average(a, c), min(a, c), max(a, c)))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
