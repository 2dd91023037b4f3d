"""CPU time of each extraction stage (``python -m quotecheck.bench stages``).

Each stage function is wrapped, where its caller looks it up, with a timer of process
time; a pass extracts every text once with cold speaker caches (like a fresh process),
and the pass with the least total time is reported. Process time is what another
process on a shared machine disturbs least, so stage figures are comparable between
two trees measured one after the other. The wrappers add a few microseconds per call;
the total is a little above the plain ``bench extract`` time.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

#: (module, name looked up there, stage label): each stage where its caller finds it
STAGES: tuple[tuple[str, str, str], ...] = (
    ("quotecheck.api", "ingest_text", "ingestion (ingest_text)"),
    ("quotecheck.extract.pipeline", "CueIndex", "verb index (CueIndex)"),
    ("quotecheck.extract.pipeline", "attribute_quotes", "quote attribution (attribute_quotes)"),
    ("quotecheck.extract.pipeline", "find_reported", "reported speech (find_reported)"),
    ("quotecheck.extract.pipeline", "resolve_speakers", "speakers (resolve_speakers)"),
    ("quotecheck.extract.pipeline", "_speaker", "Speaker models"),
    ("quotecheck.extract.pipeline", "_quote", "Quote models"),
    ("quotecheck.api", "find_figures", "figures (find_figures)"),
    ("quotecheck.api", "to_figure", "Figure models"),
)


@dataclass
class StageRun:
    """CPU seconds per stage of the best pass, and the pass's total."""

    articles: int
    megabytes: float
    total_seconds: float
    mb_per_cpu_s: float
    stages: dict[str, float]
    calls: dict[str, int]
    """How many times each stage ran in a pass."""
    totals: list[float]


@contextmanager
def _timers(acc: dict[str, float], calls: Counter[str]) -> Iterator[None]:
    """Every stage of :data:`STAGES` timed into ``acc`` (and counted into ``calls``)
    while the context is open."""
    saved: list[tuple[Any, str, Any]] = []

    def timed(fn: Callable[..., Any], label: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                acc[label] += time.process_time() - t0
                calls[label] += 1

        return run

    try:
        for mod_name, name, label in STAGES:
            mod = sys.modules[mod_name]
            fn = getattr(mod, name)
            saved.append((mod, name, fn))
            setattr(mod, name, timed(fn, label))
        yield
    finally:
        for mod, name, fn in reversed(saved):
            setattr(mod, name, fn)


def bench_stages(items: Sequence[tuple[str, str]], *, repeat: int = 5) -> StageRun:
    """Extract ``items`` (``(source, text)``) ``repeat`` times with each stage timed."""
    from quotecheck.api import extract
    from quotecheck.extract.speakers import clear_caches

    extract("“Warm-up,” she said.")  # compile patterns, load lexicons
    best: tuple[float, dict[str, float]] | None = None
    totals = []
    calls: Counter[str] = Counter()
    for _ in range(max(1, repeat)):
        acc: dict[str, float] = dict.fromkeys((label for _, _, label in STAGES), 0.0)
        calls.clear()
        clear_caches()
        with _timers(acc, calls):
            t0 = time.process_time()
            for source, text in items:
                extract(text, source=source)
            total = time.process_time() - t0
        totals.append(round(total, 3))
        if best is None or total < best[0]:
            best = (total, acc)
    assert best is not None
    total, acc = best
    size = sum(len(t.encode("utf-8")) for _, t in items) / 1e6
    return StageRun(
        articles=len(items),
        megabytes=round(size, 4),
        total_seconds=round(total, 3),
        mb_per_cpu_s=round(size / total, 3) if total else 0.0,
        stages={label: round(acc[label], 3) for _, _, label in STAGES},
        calls={label: calls[label] for _, _, label in STAGES},
        totals=totals,
    )


def print_stages(run: StageRun) -> None:
    print(
        f"{run.articles} articles, {run.megabytes:.3f} MB: {run.total_seconds:.3f} s CPU "
        f"(best of {len(run.totals)}), {run.mb_per_cpu_s:.2f} MB per CPU second"
    )
    rest = run.total_seconds - sum(run.stages.values())
    rows = [*sorted(run.stages.items(), key=lambda kv: -kv[1]), ("everything else", rest)]
    for label, secs in rows:
        share = secs / run.total_seconds if run.total_seconds else 0.0
        print(f"  {label:<40} {secs:7.3f} s {share:6.1%}")
