from __future__ import annotations

import random
import string
from typing import Any

import pytest

from quotecheck.checks import cross_check
from quotecheck.crosscheck import align, corroborate
from quotecheck.crosscheck.story import UnionFind
from quotecheck.models import Corroboration, Report

from .factories import ArticleBuilder, quoted
from .stories import ORDER_A, ORDER_B, SINCERE, STAFF, story


def _by_text(corr: list[Corroboration], text: str) -> Corroboration:
    return next(c for c in corr if c.text == text)


def test_cross_check_returns_findings_and_corroboration() -> None:
    findings, corr = cross_check(story())
    assert {f.code for f in findings} == {"QC101", "QC103", "QC104"}
    assert all(f.severity != "error" for f in findings if f.code == "QC101")
    staff = _by_text(corr, STAFF)
    assert staff.speaker == "Andrey Kartapolov"
    assert staff.sources == ("daily.txt", "wire.txt") and staff.outliers == ()
    assert {e.role for e in staff.evidence} == {"carrier"}
    assert _by_text(corr, SINCERE).sources == ("daily.txt", "site.txt", "wire.txt")


def test_putin_order_is_aligned_across_three_wordings() -> None:
    putin = next(c for c in corroborate(story()) if c.speaker == "Vladimir Putin")
    assert putin.sources == ("daily.txt", "site.txt", "wire.txt")
    assert {e.text for e in putin.evidence} == {ORDER_A, ORDER_B, "like with allies"}
    assert "variant" in putin.matches


def test_majority_and_outlier_in_corroboration() -> None:
    words = "The ceasefire holds in the north of the country"
    arts = [
        quoted("a.txt", "Staffan de Mistura", words),
        quoted("b.txt", "Staffan de Mistura", words),
        quoted("c.txt", "Mr de Mistura", "The ceasefire holds in the south of the country"),
    ]
    [c] = corroborate(arts)
    assert c.agreeing == ("a.txt", "b.txt") and c.outliers == ("c.txt",)
    assert c.sources == ("a.txt", "b.txt", "c.txt")


def test_same_source_name_counts_once() -> None:
    words = "We will keep the embassy open"
    arts = [quoted("a.txt", "Jane Doe", words), quoted("b.txt", "Jane Doe", words)]
    other = ArticleBuilder("a.txt", f'Jane Doe repeated: "{words}"')
    other.quote(words, other.speaker("Jane Doe"))
    [c] = corroborate([*arts, other.build()])
    assert c.sources == ("a.txt", "b.txt")


def test_report_carries_corroboration() -> None:
    _, corr = cross_check(story())
    report = Report(corroboration=tuple(corr))
    assert Report.model_validate_json(report.model_dump_json()) == report
    assert Report().corroboration == ()


def test_scale_blocking_keeps_many_articles_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,500 articles, 9,000 quotes over a Zipf-distributed vocabulary: blocking scores
    only pairs that share words, a small share of all pairs (the time it takes is
    measured by ``python -m quotecheck.bench check``, not asserted here)."""
    rng = random.Random(7)
    vocab = [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(20000)
    ]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    speakers = [f"Speaker{chr(97 + i % 26)}{i} Surname{i}" for i in range(400)]
    shared = " ".join(rng.choices(vocab, weights, k=12))
    arts = []
    for n in range(1500):
        pairs = [
            (rng.choice(speakers), " ".join(rng.choices(vocab, weights, k=rng.randint(6, 30))))
            for _ in range(5)
        ]
        pairs.append(("Common Speaker", shared))
        b = ArticleBuilder(f"n{n}.txt", " ".join(f'{s} said: "{q}".' for s, q in pairs))
        for name, words in pairs:
            b.quote(words, b.speaker(name))
        arts.append(b.build())
    scored = []
    classify = align.classify

    def counted(*args: Any) -> Any:
        scored.append(1)
        return classify(*args)

    monkeypatch.setattr(align, "classify", counted)
    _, corr = cross_check(arts)
    common = next(c for c in corr if c.speaker == "Common Speaker")
    assert len(common.sources) == 1500
    # 7,501 distinct wordings (the shared quote is one) would make 28 million pairs
    assert 0 < len(scored) < 100_000, len(scored)


def test_union_find_names_a_set_by_its_least_item_whatever_the_order() -> None:
    rng = random.Random(7)
    for _ in range(200):
        pairs = [(rng.randrange(30), rng.randrange(30)) for _ in range(rng.randrange(40))]
        uf = UnionFind()
        sets: dict[int, set[int]] = {i: {i} for i in range(30)}
        for a, b in pairs:
            uf.union(a, b)
            joined = sets[a] | sets[b]
            for x in joined:
                sets[x] = joined
        assert [uf.find(i) for i in range(30)] == [min(sets[i], key=repr) for i in range(30)]
