"""Adversarial inputs and how extract/check time grows with their size.

``python -m quotecheck.bench_adversarial [--scale S] [--cases a,b] [--factors 1,2,4,8]
[--json]`` builds each adversarial input (:data:`CASES`) at sizes 1x, 2x, 4x and 8x (the
factors) of its base size, times
:func:`quotecheck.extract` (or :func:`quotecheck.check` for the ``check-*`` cases) on it,
and prints the time per size and the growth ratio from one size to the next: about 2 is
linear, about 4 quadratic. The generators are also used by ``tests/reliability``.

Timings are wall-clock on whatever else the machine is doing; the ratios are what matter.
docs/reliability.md records a run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

__all__ = ["CASES", "Case", "CaseRun", "check_articles", "main", "run_case"]

ZERO_WIDTH_BIDI = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _straight(n: int) -> str:
    return '"' * n


def _curly_open(n: int) -> str:
    return "\u201c" * n


def _mixed_marks(n: int) -> str:
    marks = "\"\u201c\u201d\u2018\u2019'\u00ab\u00bb\u300c\u300d\u201e"
    return "".join(marks[(i * 7) % len(marks)] for i in range(n))


def _nested(n: int) -> str:
    return "\u201c\u2018" * (n // 2) + " deep " + "\u2019\u201d" * (n // 2)


def _unbalanced_words(n: int) -> str:
    return "\u201cword " * (n // 6)


def _cue_chain(n: int) -> str:
    unit = '"Yes," said John Smith, the minister of state, '
    return unit * (n // len(unit))


def _capitalised(n: int) -> str:
    return "Big " * (n // 4)


def _commas(n: int) -> str:
    # appositive- and tail-shaped: ", word word," without an end, after a quote
    return '"It is," ' + ", the Very Big Official of the State" * (n // 35)


def _prose_line(n: int) -> str:
    unit = (
        'The minister said on Monday that "the plant will close," adding that 1,200 '
        "jobs, or about 15 per cent, would go by 2025. "
    )
    return (unit * (n // len(unit) + 1))[:n]


def _zero_width(n: int) -> str:
    unit = (
        f"\u201cWe{ZERO_WIDTH_BIDI[:4]} will\u202e stay,\u202c\u201d said Jo\u200bhn Sm\u2066ith. "
    )
    return unit * (n // len(unit))


def _identical_lines(n: int) -> str:
    return '"We will go," Smith said.\n' * (n // 26)


def _crlf_lines(n: int) -> str:
    return '"We will go," Smith said.\r\n' * (n // 27)


def _mixed_scripts(n: int) -> str:
    unit = (
        "\u00abМы не уйдём\u00bb, \u2014 сказал Иван Петров. "
        "\u300c我们不会离开\u300d王伟说。 "
        "\u00abلن نغادر\u00bb، قال أحمد علي. "
    )
    return unit * (n // len(unit))


def _he_said(n: int) -> str:
    # one line of pronoun-attributed quotes: every "He" must be resolved to a person,
    # and there is none to find (the worst case for a scan over earlier speakers)
    unit = 'He said "yes" and '
    return unit * (n // len(unit))


def check_articles(n: int) -> list[str]:
    """``n`` short articles quoting the same words, each with its own speaker and count
    (the worst case for cross-article grouping: every quote aligns with every other)."""
    texts = []
    for i in range(n):
        texts.append(
            f'"We will not close the plant this year," said Minister Anna Berg{i % 7}.\n\n'
            f"The company employs {1000 + i} people, a spokesman for Acme said.\n\n"
            f'"It is a sad day for the town," said Mayor John Smith{i % 5}, who met workers.\n'
        )
    return texts


def _check_one_long(n: int) -> list[str]:
    a = "".join(f'"Line {i} of what was said," Anna Berg said. ' for i in range(n // 40))
    b = "".join(f'"Line {i} of what was said," John Smith said. ' for i in range(n // 40))
    return [a, b]


@dataclass(frozen=True, slots=True)
class Case:
    """One adversarial input family: ``make(size)`` builds it; ``base`` is the 1x size
    (characters for extract cases, articles for ``check-many``)."""

    name: str
    base: int
    what: str
    make: Callable[[int], str | list[str]]


CASES: tuple[Case, ...] = (
    Case("straight-marks", 25_000, '25,000 straight " marks, nothing else', _straight),
    Case("curly-opening", 25_000, "25,000 opening \u201c marks", _curly_open),
    Case("mixed-marks", 25_000, "straight, curly, guillemets, corner brackets mixed", _mixed_marks),
    Case(
        "nested", 25_000, "\u201c\u2018\u201c\u2018... nested 12,500 levels, then closed", _nested
    ),
    Case("unbalanced", 25_000, "\u201cword \u201cword ... every mark opening", _unbalanced_words),
    Case(
        "cue-chain",
        25_000,
        '"Yes," said John Smith, the minister of state, ... one line',
        _cue_chain,
    ),
    Case("capitalised", 25_000, "Big Big Big ... one capitalised name run", _capitalised),
    Case("commas", 25_000, "a quote then an endless appositive , the Very Big Official", _commas),
    Case("prose-line", 100_000, "article prose with quotes and figures on one line", _prose_line),
    Case("zero-width", 25_000, "zero-width and bidi controls inside quotes and names", _zero_width),
    Case(
        "mixed-scripts",
        25_000,
        "Cyrillic, CJK and Arabic quotes with \u00ab\u00bb and \u300c\u300d",
        _mixed_scripts,
    ),
    Case(
        "identical-lines",
        25_000,
        "the same quote line repeated (repeated-body detection)",
        _identical_lines,
    ),
    Case("crlf-lines", 12_500, "quote lines with CRLF endings (one segment per line)", _crlf_lines),
    Case(
        "he-said",
        25_000,
        'He said "yes" and He said "yes" and ... one line of pronoun cues',
        _he_said,
    ),
    Case("check-many", 25, "check(): N articles quoting the same words", check_articles),
    Case(
        "check-long",
        25_000,
        "check(): two long articles with the same 600+ quotes",
        _check_one_long,
    ),
)


@dataclass(frozen=True, slots=True)
class CaseRun:
    """One case at sizes 1x..8x: seconds per size and the growth ratio between sizes."""

    name: str
    what: str
    sizes: list[int]
    seconds: list[float]
    ratios: list[float]
    results: list[str]


def _run_once(case: Case, size: int) -> tuple[float, str]:
    import quotecheck

    made = case.make(size)
    t0 = time.perf_counter()
    if isinstance(made, list):
        arts = [quotecheck.extract(t, source=f"a{i}.txt") for i, t in enumerate(made)]
        report = quotecheck.check(arts)
        what = f"{sum(len(a.quotes) for a in arts)} quotes, {len(report.findings)} findings"
    else:
        art = quotecheck.extract(made)
        what = f"{len(art.quotes)} quotes, {len(art.figures)} figures"
    return time.perf_counter() - t0, what


def run_case(case: Case, *, scale: float = 1.0, factors: Sequence[int] = (1, 2, 4, 8)) -> CaseRun:
    """Time ``case`` at ``base * scale * factor`` for each factor."""
    _run_once(case, max(1, int(case.base * scale / 8)))  # warm-up: imports, compiled patterns
    sizes = [max(1, int(case.base * scale * f)) for f in factors]
    seconds: list[float] = []
    results: list[str] = []
    for size in sizes:
        secs, what = _run_once(case, size)
        seconds.append(round(secs, 3))
        results.append(what)
    ratios = [round(b / a, 2) if a > 0 else float("inf") for a, b in itertools.pairwise(seconds)]
    return CaseRun(case.name, case.what, sizes, seconds, ratios, results)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m quotecheck.bench_adversarial", description=__doc__)
    p.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    p.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    p.add_argument("--json", action="store_true", help="one JSON object per case")
    p.add_argument(
        "--factors",
        default="1,2,4,8",
        help="sizes as multiples of the scaled base (e.g. --cases he-said --scale 400 "
        "--factors 1: the 10 MB line)",
    )
    args = p.parse_args(argv)
    try:
        factors = [int(f) for f in args.factors.split(",") if f.strip()]
    except ValueError:
        factors = []
    if not factors or min(factors) < 1:
        print(f"--factors needs positive whole numbers, not {args.factors!r}", file=sys.stderr)
        return 2
    wanted = {c for c in args.cases.split(",") if c}
    unknown = wanted - {c.name for c in CASES}
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    if not args.json:
        print(f"{'case':16} {'sizes':>34} {'seconds':>36} {'growth':>18}")
    for case in CASES:
        if wanted and case.name not in wanted:
            continue
        run = run_case(case, scale=args.scale, factors=factors)
        if args.json:
            print(json.dumps(asdict(run)), flush=True)
        else:
            sizes = "/".join(str(s) for s in run.sizes)
            secs = "/".join(f"{s:.2f}" for s in run.seconds)
            ratios = "/".join(f"{r:.1f}" for r in run.ratios)
            print(
                f"{case.name:16} {sizes:>34} {secs:>36} {ratios:>18}  {run.results[-1]}", flush=True
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
