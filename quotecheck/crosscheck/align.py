"""Align quotes across articles: the same words, nearly the same, a variant, a fragment.

Pairwise, :func:`match` says how two quotes relate:

``exact``
    equal after normalising quote marks, case, whitespace, punctuation and
    contractions (:func:`tokens`);
``fragment``
    one is contained in the other (score 100 when word for word, otherwise a close
    ``fuzz.partial_ratio``);
``near``
    a few edits apart (``fuzz.ratio`` >= 90);
``variant``
    a translation or paraphrase: high ``token_set_ratio`` and most content words
    shared, or a short partial quote whose content words all occur in the other
    (``"like with allies"``);
``claim``
    the same claim in different words: several content words shared.

``variant`` and ``claim`` only mean something between quotes of one speaker; the
callers (the checks) decide that. Scores come from rapidfuzz, a C implementation of
Levenshtein-based ratios, so that scoring many candidate pairs stays cheap.

At scale, :func:`align` never compares all pairs. Identical wordings are grouped by
hash first; distinct wordings become candidates only when they share a word
3-gram (a *shingle*) or a speaker and a content word, and buckets larger than
``bucket_cap`` (common phrases) are skipped. Candidate pairs are scored in batches
with ``rapidfuzz.process.cpdist`` (``fuzz.ratio``); the costlier partial and
token-set ratios are computed only for pairs that reach that test, with a score
cut-off.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process

from quotecheck import quotemarks
from quotecheck.lexicons import load_list

__all__ = [
    "AlignmentGraph",
    "DiffOp",
    "Link",
    "MarkedTokens",
    "Match",
    "MatchKind",
    "QuoteRecord",
    "Wording",
    "align",
    "content_words",
    "describe_ops",
    "looks_like_title",
    "marked_tokens",
    "match",
    "normalize_quote",
    "tokens",
    "word_diff",
]

MatchKind = Literal["exact", "fragment", "near", "variant", "claim"]

_WHOLE = {
    "can't": "can not",
    "cannot": "can not",
    "won't": "will not",
    "shan't": "shall not",
    "let's": "let us",
}
_SUFFIX = {
    "n't": " not",
    "'re": " are",
    "'ll": " will",
    "'ve": " have",
    "'m": " am",
    "'d": " would",
}
_CONTRACTION = re.compile(
    r"\b(?:can't|cannot|won't|shan't|let's)\b"
    r"|(?<=[^\W\d_])(?:n't|'re|'ll|'ve|'m|'d)\b"
    r"|\b(?:it|that|there|here|what|who|he|she|where|how)'s\b"
)


def _expand(m: re.Match[str]) -> str:
    found = m.group(0)
    if found in _WHOLE:
        return _WHOLE[found]
    if found.endswith("'s"):
        return found[:-2] + " is"
    return _SUFFIX[found]


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['-][^\W\d_]+)*|\d+")
_MIN_SHINGLE = 3


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(quotemarks.FOLD_TABLE).lower()
    return _CONTRACTION.sub(_expand, text)


def _clean(tok: str) -> str:
    if tok[0].isdigit():
        return re.sub(r"(?<=\d),(?=\d{3}\b)", "", tok)
    tok = tok.replace("-", "")
    if tok.endswith("'s"):
        tok = tok[:-2]
    return tok.replace("'", "")


def tokens(text: str) -> tuple[str, ...]:
    """The words of a quote as compared: lower case, quote marks and punctuation
    dropped, contractions expanded (``It's`` -> ``it is``), hyphens and thousands
    separators removed (``co-operate`` -> ``cooperate``, ``1,200`` -> ``1200``)."""
    out: list[str] = []
    for tok in _TOKEN.findall(_prepare(text)):
        tok = _clean(tok)
        if tok:
            out.append(tok)
    return tuple(out)


class MarkedTokens(NamedTuple):
    """A quote's :func:`tokens` with what the dropped punctuation said about them."""

    words: tuple[str, ...]
    gaps: frozenset[int]
    """``i`` when an ellipsis stands before word ``i`` (``len(words)``: at the end):
    words were cut there."""
    breaks: frozenset[int]
    """``i`` when clause punctuation (``, ; : . ! ?``, a dash, an ellipsis) stands
    before word ``i``."""
    inserted: frozenset[int]
    """Words inside square brackets: the writer's, not the speaker's (``[the carrier]``)."""


_ELLIPSIS = re.compile(r"\.\s?\.\s?\.")
_BREAK = re.compile(r"[,;:.!?]|\s[-–—]\s|[–—]|--")


def marked_tokens(text: str) -> MarkedTokens:
    """:func:`tokens` of ``text`` with its ellipses, clause breaks and bracketed words."""
    prepared = _prepare(text)
    words: list[str] = []
    gaps: set[int] = set()
    breaks: set[int] = set()
    inserted: set[int] = set()
    depth = 0
    last = 0

    def between(chunk: str) -> None:
        nonlocal depth
        if _ELLIPSIS.search(chunk):
            gaps.add(len(words))
            breaks.add(len(words))
        elif _BREAK.search(chunk):
            breaks.add(len(words))
        depth = max(0, depth + chunk.count("[") - chunk.count("]"))

    for m in _TOKEN.finditer(prepared):
        tok = _clean(m.group())
        if not tok:
            continue
        between(prepared[last : m.start()])
        if depth:
            inserted.add(len(words))
        words.append(tok)
        last = m.end()
    between(prepared[last:])
    return MarkedTokens(tuple(words), frozenset(gaps), frozenset(breaks), frozenset(inserted))


def normalize_quote(text: str) -> str:
    """The comparison form of a quote: :func:`tokens` joined by single spaces."""
    return " ".join(tokens(text))


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(toks: Iterable[str]) -> frozenset[str]:
    """Stems of the words that carry meaning (not in ``data/stopwords.txt``)."""
    stop = load_list("stopwords.txt", lower=True)
    return frozenset(_stem(t) for t in toks if t not in stop and (len(t) > 2 or t.isdigit()))


_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with"}
)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=65536)
def looks_like_title(text: str) -> bool:
    """Whether quoted words are a title rather than speech: two to six words, each
    capitalised but for small words inside (``This Week``, ``Meet the Press``,
    ``Good Morning Britain``). A programme or book title in quote marks is not a quote."""
    words = _TITLE_WORD.findall(text)
    if not 2 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words[1:])


class Match(NamedTuple):
    """How two quotes relate; ``score`` is 0..100."""

    kind: MatchKind
    score: float

    @property
    def same_words(self) -> bool:
        """Exact, or a word-for-word fragment: nothing to report, only corroboration."""
        return self.kind == "exact" or (self.kind == "fragment" and self.score >= 100.0)


def classify(
    a: str, b: str, ca: frozenset[str], cb: frozenset[str], ratio: float | None = None
) -> Match | None:
    """How two normalised quotes relate (see the module docstring), or ``None``.

    ``a`` and ``b`` are :func:`normalize_quote` forms and ``ca``/``cb`` their
    :func:`content_words`, so callers that compare one quote with many (the aligner,
    draft mode) prepare each quote once. Symmetric: the inputs are ordered (shorter
    first) before anything is scored. ``ratio`` (``fuzz.ratio`` of the two) may be given
    precomputed; the other scores are computed only when needed."""
    if a == b:
        return Match("exact", 100.0)
    short, long_ = (a, b) if (len(a), a) <= (len(b), b) else (b, a)
    cshort = ca if short == a else cb
    n_short = short.count(" ") + 1
    if short and f" {short} " in f" {long_} ":
        return Match("fragment", 100.0)
    r = fuzz.ratio(short, long_) if ratio is None else ratio
    if r >= 90.0:
        return Match("near", round(r, 1))
    if n_short >= 4 and len(short) <= 0.8 * len(long_):
        pr = fuzz.partial_ratio(short, long_, score_cutoff=90.0)
        if pr:
            return Match("fragment", round(pr, 1))
    shared = ca & cb
    smaller = min(len(ca), len(cb)) or 1
    if len(shared) / smaller >= 0.6:
        ts = fuzz.token_set_ratio(short, long_, score_cutoff=80.0)
        if ts:
            return Match("variant", round(ts, 1))
    if shared and n_short <= 6 and cshort <= shared:
        pr = fuzz.partial_ratio(short, long_, score_cutoff=60.0)
        if pr:
            return Match("variant", round(pr, 1))
    union = len(ca | cb) or 1
    if len(shared) >= 3 and len(shared) / union >= 0.4:
        return Match("claim", round(100.0 * len(shared) / union, 1))
    return None


def match(a: str, b: str) -> Match | None:
    """How quote ``a`` relates to quote ``b`` (symmetric), or ``None`` if unrelated."""
    na, nb = normalize_quote(a), normalize_quote(b)
    if not na or not nb:
        return None
    return classify(na, nb, content_words(na.split()), content_words(nb.split()))


class DiffOp(NamedTuple):
    """One step of a word-level diff: ``equal``, ``replace``, ``delete`` or ``insert``."""

    tag: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    i: int = 0
    """Where ``a``'s words start in the first sequence."""
    j: int = 0
    """Where ``b``'s words start in the second sequence."""


def word_diff(a: Sequence[str] | str, b: Sequence[str] | str) -> list[DiffOp]:
    """A word-level diff of two quotes (strings are tokenised with :func:`tokens`)."""
    ta = tokens(a) if isinstance(a, str) else tuple(a)
    tb = tokens(b) if isinstance(b, str) else tuple(b)
    matcher = difflib.SequenceMatcher(a=ta, b=tb, autojunk=False)
    return [
        DiffOp(tag, ta[i1:i2], tb[j1:j2], i1, j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def describe_ops(ops: Iterable[DiffOp]) -> list[str]:
    """The changes of a diff as short strings: ``"need -> necessary"``, ``"-the"``, ``"+very"``."""
    out: list[str] = []
    for op in ops:
        if op.tag == "replace":
            out.append(f"{' '.join(op.a)} -> {' '.join(op.b)}")
        elif op.tag == "delete":
            out.append(f"-{' '.join(op.a)}")
        elif op.tag == "insert":
            out.append(f"+{' '.join(op.b)}")
    return out


def aligned_range(short: str, long_: str) -> tuple[int, int]:
    """Where the words of ``short`` stand in ``long_`` (both normalised): the word
    indices ``(start, end)`` of ``long_`` that best match ``short``, found word for word
    when it is a literal part, otherwise by ``fuzz.partial_ratio_alignment``."""
    words = long_.split()
    pos = f" {long_} ".find(f" {short} ")
    if pos >= 0:
        start = long_[:pos].count(" ") if pos else 0
        return start, start + len(short.split())
    found = fuzz.partial_ratio_alignment(short, long_)
    if found is None:
        return 0, len(words)
    start = long_.count(" ", 0, found.dest_start)
    end = long_.count(" ", 0, found.dest_end) + 1
    return start, max(end, start + 1)


def aligned_window(short: str, long_: str) -> tuple[str, ...]:
    """The words of ``long_`` (normalised) that best match ``short``: the part to diff
    a fragment against."""
    ns, nl = normalize_quote(short), normalize_quote(long_)
    found = fuzz.partial_ratio_alignment(ns, nl)
    if found is None:
        return tuple(nl.split())
    start = nl.rfind(" ", 0, found.dest_start) + 1
    end = nl.find(" ", found.dest_end)
    return tuple(nl[start : len(nl) if end < 0 else end].split())


@dataclass(frozen=True)
class QuoteRecord:
    """One quote in one article, as the aligner sees it."""

    index: int
    """Position in the list given to :func:`align`."""
    article: int
    quote_index: int
    source: str
    speaker: str | None
    """The speaker's identity key (see :mod:`quotecheck.crosscheck.identity`)."""
    norm: str


@dataclass
class Wording:
    """One distinct normalised wording and the quotes that carry it."""

    norm: str
    records: list[int] = field(default_factory=list)
    content: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Link:
    """Two distinct wordings that align (``a < b`` index :attr:`AlignmentGraph.wordings`)."""

    a: int
    b: int
    match: Match


@dataclass
class AlignmentGraph:
    """Wordings (identical quotes grouped) and the links between distinct wordings."""

    records: list[QuoteRecord]
    wordings: list[Wording]
    wording_of: list[int]
    links: list[Link]

    def linked(self, min_kinds: frozenset[str] | None = None) -> dict[int, list[Link]]:
        """Links by wording, optionally only of some kinds."""
        out: dict[int, list[Link]] = defaultdict(list)
        for link in self.links:
            if min_kinds is None or link.match.kind in min_kinds:
                out[link.a].append(link)
                out[link.b].append(link)
        return out


_SHORT = 4
"""Quotes of at most this many words become candidates on one shared key; longer
ones need two (two shingles, or a speaker and two content words)."""


def _candidates(
    wordings: Sequence[Wording], records: Sequence[QuoteRecord], cap: int
) -> set[tuple[int, int]]:
    index: dict[object, list[int]] = defaultdict(list)
    for w, wording in enumerate(wordings):
        words = wording.norm.split()
        keys: set[object] = {
            tuple(words[i : i + _MIN_SHINGLE]) for i in range(len(words) - _MIN_SHINGLE + 1)
        }
        for speaker in {records[r].speaker for r in wording.records}:
            if speaker is not None:
                keys.update((speaker, word) for word in wording.content)
        for key in keys:
            index[key].append(w)
    shared: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if len(members) < 2 or len(members) > cap:
            continue
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                shared[(x, y)] += 1
    sizes = [wording.norm.count(" ") + 1 for wording in wordings]
    return {
        pair
        for pair, n in shared.items()
        if n >= 2 or min(sizes[pair[0]], sizes[pair[1]]) <= _SHORT
    }


def align(
    records: Sequence[QuoteRecord],
    *,
    bucket_cap: int = 64,
    workers: int = 1,
) -> AlignmentGraph:
    """Group identical wordings and link distinct wordings that align.

    Only pairs drawn from shared buckets are scored; a pair whose quotes all come
    from one article is skipped (an article is never compared with itself).
    """
    by_norm: dict[str, int] = {}
    wordings: list[Wording] = []
    wording_of: list[int] = []
    for rec in records:
        w = by_norm.get(rec.norm)
        if w is None:
            w = by_norm[rec.norm] = len(wordings)
            wordings.append(Wording(rec.norm, [], content_words(rec.norm.split())))
        wordings[w].records.append(rec.index)
        wording_of.append(w)
    articles = [{records[r].article for r in w.records} for w in wordings]
    pairs = sorted(
        (x, y)
        for x, y in _candidates(wordings, records, bucket_cap)
        if len(articles[x] | articles[y]) > 1 and wordings[x].norm and wordings[y].norm
    )
    links: list[Link] = []
    if pairs:
        ratios = process.cpdist(
            [wordings[x].norm for x, _ in pairs],
            [wordings[y].norm for _, y in pairs],
            scorer=fuzz.ratio,
            workers=workers,
        )
        for (x, y), ratio in zip(pairs, ratios, strict=True):
            wx, wy = wordings[x], wordings[y]
            found = classify(wx.norm, wy.norm, wx.content, wy.content, float(ratio))
            if found is not None:
                links.append(Link(x, y, found))
    return AlignmentGraph(list(records), wordings, wording_of, links)
