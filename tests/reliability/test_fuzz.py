"""A bounded, deterministic fuzz run of extract, check and ingestion (issue 8).

Article-like text with random quote marks, cues, names, numbers and invisible characters;
random bytes for ingestion. Properties: nothing but a QuotecheckError subclass is ever
raised, every reported span lies in the original and equals it where ingestion copied
the text unchanged, and check() on random article sets never raises.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotecheck
from quotecheck.devtools.bench_adversarial import ZERO_WIDTH_BIDI
from quotecheck.errors import InputError, QuotecheckError
from quotecheck.ingest import ingest_bytes
from quotecheck.models import Article

from .helpers import check_article

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

MARKS = [*"\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u300c\u300d`", "``", "''"]
NAMES = ["Anna Berg", "Mr Smith", "he", "she", "The minister", "Владимир Путин", "O'Neil", "Acme"]
CUES = ["said", "told reporters", "according to", "added", "warned", ":", ",", "\u2014", "says"]
NUMBERS = ["1,200", "3.5 million", "15 per cent", "$40bn", "about 300", "2025", "12-15", "one"]
WORDS = ["the", "plant", "will", "close", "we", "jobs", "in", "March", "not", "x", "Ã©", "â€œ"]
JUNK = [
    *ZERO_WIDTH_BIDI,
    "\r\n",
    "\n",
    "\n\n",
    "\r",
    "\t",
    "\u00a0",
    "\u2028",
    "#",
    "*",
    "<b>",
    "&amp;",
]

token = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(NAMES),
    st.sampled_from(CUES),
    st.sampled_from(NUMBERS),
    st.sampled_from(WORDS),
    st.sampled_from(JUNK),
    st.text(max_size=6),
)
article_text = st.lists(token, min_size=1, max_size=80).map(" ".join)


def _extract_or_input_error(text: str, source: str = "<string>") -> Article | None:
    try:
        art = quotecheck.extract(text, source=source)
    except InputError:
        return None  # empty, binary: a clear per-input error is an allowed outcome
    check_article(art, text)
    return art


@FUZZ
@given(article_text)
def test_extract_never_raises_and_spans_point_into_the_original(text: str) -> None:
    _extract_or_input_error(text)


@FUZZ
@given(article_text, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_extract_as_markdown_or_html_never_raises(text: str, source: str) -> None:
    try:
        art = quotecheck.extract(text, source=source)
    except InputError:
        return
    assert 0 <= art.original_length == len(text)
    for q in art.quotes:
        assert 0 <= q.start <= q.end <= len(text)
    for f in art.figures:
        assert 0 <= f.span.start <= f.span.end <= len(text)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html"]))
def test_random_bytes_give_a_result_or_an_input_error(data: bytes, suffix: str) -> None:
    try:
        ing = ingest_bytes(data, source="fuzz" + suffix, suffix=suffix)
    except QuotecheckError as exc:
        assert isinstance(exc, InputError) and exc.code.startswith("QC-E10")
        return
    assert len(ing.original) == ing.original_length
    if suffix == ".txt":
        quotecheck.extract(ing.original)  # the decoded text extracts too


@FUZZ
@given(st.lists(article_text, min_size=1, max_size=5))
def test_check_on_random_article_sets_never_raises(texts: list[str]) -> None:
    arts = [a for i, t in enumerate(texts) if (a := _extract_or_input_error(t, f"{i}.txt"))]
    report = quotecheck.check(arts)
    by_source = {a.source: a for a in arts}
    for f in report.findings:
        for ev in f.evidence:
            if ev.source in by_source:
                assert 0 <= ev.start <= ev.end <= by_source[ev.source].original_length


@FUZZ
@given(st.lists(article_text, min_size=2, max_size=4), st.data())
def test_check_on_variants_of_one_article(texts: list[str], data: st.DataObject) -> None:
    """The same article retold with small random edits: the alignment paths are exercised."""
    base = texts[0]
    variants = [base]
    for t in texts[1:]:
        cut = data.draw(st.integers(0, len(base)))
        variants.append(base[:cut] + t + base[cut:])
    arts = [a for i, t in enumerate(variants) if (a := _extract_or_input_error(t, f"v{i}.txt"))]
    quotecheck.check(arts)
