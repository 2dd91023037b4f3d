"""Speed and scaling benchmarks (``python -m quotecheck.bench``).

``extract PATH_OR_JSONL...``
    extraction throughput of one backend: MB of article text (UTF-8) per second,
    articles per second, peak memory. A ``.jsonl`` argument is read as PolNeAR-style
    records (their ``text`` fields); anything else as article files or folders.
``check --sizes 10,100,1000,10000``
    writes a clustered corpus (:mod:`quotecheck.devtools.synth`), extracts it once, then times
    the cross-check of the first N articles for each size, each in a fresh process
    (so its peak memory is its own), and the growth from one size to the next.
``synth --articles N --out DIR``
    just writes the corpus.
``snapshot PATH_OR_JSONL... --out FILE``
    every extracted article as one JSON line, in input order: run it before and after
    a speed change and compare the files byte for byte (``cmp``), the check every
    speed-up of 2026-11-22 passed on PolNeAR train+dev and the fixtures.
``findings-snapshot STORY... --out FILE``
    the cross-check's findings and corroboration for each story, one JSON line per
    story: a folder is one story, a clusters file (``crosscheck_real_dev.json``) one
    story per cluster. Source paths are written relative to their story, so two runs
    compare byte for byte; run it before and after a change to the checks.
``weekly GOLD.jsonl [--dated] [--json]``
    a JSON-lines corpus checked one calendar week of publication per batch, no story
    given (:func:`quotecheck.devtools.gate.run_weekly`): every warning and error listed.
``gate CLUSTERS.json [--together] [--dated] [--json]``
    the gate on real copy (:mod:`quotecheck.devtools.gate`): the findings on each real
    story cluster by severity, each warning and error marked as a known false alarm or
    as new.
``startup [FILE] [--repeat N]``
    start-up: the wall-clock and CPU time of fresh ``quotecheck extract FILE`` processes
    (a short built-in article when no file is given), with the compiled-pattern cache
    warm, and once with the cache off (``QUOTECHECK_NO_CACHE``), plus ``import
    quotecheck.cli`` alone.
``cli PATH_OR_JSONL... [--jobs N] [--repeat N]``
    the command line on many files, start-up included: fresh ``quotecheck extract
    FOLDER`` processes (``.jsonl`` texts are first written out as ``.txt`` files), MB/s.
``memory PATH_OR_JSONL... [--megabytes N] [--repair]``
    peak memory of extracting one long article made of the given texts (joined by blank
    lines and repeated up to N MB), in a fresh process: the growth of peak RSS and the
    tracemalloc peak, in bytes per input character. ``--repair`` puts a line of
    mojibake first, so that ingestion repairs something.
``textacy PATH_OR_JSONL... [--model en_core_web_sm]``
    the reference: the same texts through spaCy and textacy's ``direct_quotations``
    (needs ``pip install textacy`` and a spaCy English model; not a quotecheck
    dependency), timed the same way.

``--json`` prints one JSON object instead of the table. Timings are wall-clock on
whatever else the machine is doing: use ``--repeat`` and read the best.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from quotecheck.errors import QuotecheckError, UsageError

__all__ = [
    "CheckRun",
    "CliRun",
    "ExtractRun",
    "MemoryRun",
    "bench_check",
    "bench_cli",
    "bench_extract",
    "bench_memory",
    "bench_startup",
    "bench_textacy",
    "check_once",
    "findings_snapshot",
    "main",
    "read_texts",
    "snapshot",
]


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
    }


# ------------------------------------------------------------------------ extraction


def read_texts(inputs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """``(source, text)`` from ``.jsonl`` files (their ``text`` records, id as source)."""
    for path in inputs:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if line.strip():
                    rec = json.loads(line)
                    yield str(rec.get("id", f"{path}:{n + 1}")), rec["text"]


def _extract_texts(items: list[tuple[str, str]], backend: str) -> list[tuple[int, int]]:
    """Extract texts; per text its (quotes, figures) count (all a benchmark needs back)."""
    from quotecheck.api import extract

    out = []
    for source, text in items:
        art = extract(text, source=source, backend=backend)
        out.append((len(art.quotes), len(art.figures)))
    return out


@dataclass
class ExtractRun:
    """One extraction benchmark result."""

    backend: str
    jobs: int
    articles: int
    megabytes: float
    seconds: float
    mb_per_s: float
    articles_per_s: float
    quotes: int
    figures: int
    peak_rss_mb: float
    tracemalloc_peak_mb: float | None
    repeats: list[float]


def bench_extract(
    inputs: Sequence[str],
    *,
    backend: str = "rules",
    jobs: int = 1,
    repeat: int = 1,
    trace_memory: bool = False,
    profile: int = 0,
) -> ExtractRun:
    """Time extraction of ``inputs`` (``.jsonl`` files or article paths/folders).

    Texts are read into memory before the clock starts, so the time is extraction
    (ingestion included) and not disk. ``profile > 0`` prints that many cProfile
    hotspots to stderr (one extra single-process pass).
    """
    from quotecheck.api import extract
    from quotecheck.extract.speakers import clear_caches

    items = _texts(inputs)
    extract("“Warm-up,” she said.", backend=backend)  # compile patterns, load lexicons

    def run() -> list[tuple[int, int]]:
        clear_caches()  # every pass starts with no phrase seen, like a fresh process
        if jobs == 1:
            return _extract_texts(items, backend)
        step = max(1, len(items) // (jobs * 8))
        chunks = [items[i : i + step] for i in range(0, len(items), step)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return [
                r
                for part in pool.map(_extract_texts, chunks, [backend] * len(chunks))
                for r in part
            ]

    counts, times = _timed(run, repeat)
    traced = None
    if trace_memory:
        tracemalloc.start()
        _extract_texts(items, backend)
        traced = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    if profile:
        prof = cProfile.Profile()
        prof.runcall(_extract_texts, items, backend)
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(profile)
        buf.write("\n")
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(profile)
        print(buf.getvalue(), file=sys.stderr)
    return _extract_run(
        backend,
        jobs,
        items,
        times,
        quotes=sum(q for q, _ in counts),
        figures=sum(f for _, f in counts),
        traced=traced,
    )


_T = TypeVar("_T")


def _timed(run: Callable[[], _T], repeat: int) -> tuple[_T, list[float]]:
    """``run()`` ``repeat`` times (at least once): the last result and every time taken."""
    times = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t0)
    return result, times


def _extract_run(
    backend: str,
    jobs: int,
    items: list[tuple[str, str]],
    times: list[float],
    *,
    quotes: int,
    figures: int,
    traced: float | None = None,
) -> ExtractRun:
    """The :class:`ExtractRun` of timed passes over ``items`` (the best pass counts)."""
    size = sum(len(t.encode("utf-8")) for _, t in items) / 1e6
    best = min(times)
    return ExtractRun(
        backend=backend,
        jobs=jobs,
        articles=len(items),
        megabytes=round(size, 4),
        seconds=round(best, 3),
        mb_per_s=round(size / best, 4),
        articles_per_s=round(len(items) / best, 2),
        quotes=quotes,
        figures=figures,
        peak_rss_mb=round(_maxrss_mb(), 1),
        tracemalloc_peak_mb=None if traced is None else round(traced, 1),
        repeats=[round(t, 3) for t in times],
    )


def _texts(inputs: Sequence[str]) -> list[tuple[str, str]]:
    from quotecheck.api import iter_inputs

    items = list(read_texts([p for p in inputs if p.endswith(".jsonl")]))
    for path in iter_inputs([p for p in inputs if not p.endswith(".jsonl")]):
        items.append((path, Path(path).read_text(encoding="utf-8", errors="replace")))
    if not items:
        raise UsageError("no texts to extract: give .jsonl files or article paths")
    return items


def snapshot(inputs: Sequence[str], out: Path, *, backend: str = "rules") -> int:
    """Write every extracted article of ``inputs`` to ``out`` as JSON lines; the count."""
    from quotecheck.api import extract

    items = _texts(inputs)
    with open(out, "w", encoding="utf-8") as fh:
        for source, text in items:
            fh.write(extract(text, source=source, backend=backend).model_dump_json() + "\n")
    return len(items)


def findings_snapshot(stories: Sequence[str], out: Path) -> int:
    """Write the findings and corroboration of every story in ``stories`` to ``out``
    (one JSON line per story, sources relative to the story); the number of stories."""
    from quotecheck.api import check, iter_inputs
    from quotecheck.devtools.clusters import story_folders

    def runs(tmp: Path) -> Iterator[tuple[str, Path, list[Path]]]:
        for story in stories:
            if story.endswith(".json"):
                for name, files in story_folders(Path(story), tmp):
                    yield name, tmp / name, files
            else:
                yield story, Path(story), [Path(p) for p in iter_inputs([story])]

    count = 0
    with tempfile.TemporaryDirectory() as tmp, open(out, "w", encoding="utf-8") as fh:
        for name, folder, files in runs(Path(tmp)):
            report = check(files)
            line = json.dumps(
                {
                    "story": name,
                    "findings": [f.model_dump(mode="json") for f in report.findings],
                    "corroboration": [c.model_dump(mode="json") for c in report.corroboration],
                },
                sort_keys=True,
                ensure_ascii=False,
            )
            fh.write(line.replace(json.dumps(str(folder))[1:-1] + "/", "") + "\n")
            count += 1
    return count


def bench_textacy(
    inputs: Sequence[str], *, model: str = "en_core_web_sm", repeat: int = 1
) -> ExtractRun:
    """The reference: spaCy ``model`` plus textacy's ``direct_quotations`` on the same texts
    (raw text: no ingestion, no figures), timed like :func:`bench_extract`."""
    try:
        import spacy  # type: ignore[import-not-found, unused-ignore]
        import textacy.extract  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise UsageError(
            f"the textacy reference needs textacy and spaCy ({exc}): "
            f"pip install textacy, then a spaCy English model such as {model}"
        ) from exc
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise UsageError(f"spaCy model {model!r} is not installed ({exc})") from exc
    items = _texts(inputs)
    list(textacy.extract.direct_quotations(nlp("“Warm-up,” she said.")))

    def quotes_of(doc: Any) -> int:
        try:
            return len(list(textacy.extract.direct_quotations(doc)))
        except ValueError:  # textacy gives up on a text with an unclosed quotation
            return 0

    def run() -> int:
        return sum(quotes_of(doc) for doc in nlp.pipe(t for _, t in items))

    quotes, times = _timed(run, repeat)
    backend = f"textacy {textacy.__version__} / spaCy {spacy.__version__} {model}"
    return _extract_run(backend, 1, items, times, quotes=quotes, figures=0)


# ------------------------------------------------------------------------ start-up and CLI

#: The article ``startup`` runs on when no file is given: a short news paragraph.
STARTUP_ARTICLE = (
    "Harbour Council Votes To Keep Ferry Running\n\n"
    '"We will keep the ferry running through the winter," council leader Maria Okafor '
    "said on Tuesday, after a vote of 9 to 4.\n\n"
    "About 1,200 people use the crossing every day, according to the operator.\n"
)


@dataclass
class CliRun:
    """Fresh ``quotecheck extract`` processes: wall-clock and CPU seconds per run."""

    label: str
    files: int
    megabytes: float
    jobs: int
    seconds: float
    median_seconds: float
    cpu_seconds: float
    mb_per_s: float
    repeats: list[float]


def _cli_runs(
    label: str,
    argv: list[str],
    *,
    files: int,
    megabytes: float,
    jobs: int,
    repeat: int,
    env: dict[str, str],
) -> CliRun:
    """Run ``argv`` ``repeat`` times (output discarded); the best and median times.

    CPU time is the children's user + system time of each run (``getrusage``), which
    the other work on a shared machine disturbs far less than the wall clock."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(max(1, repeat)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            err = done.stderr.decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(argv)} exited {done.returncode}:\n{err}")
    best = min(walls)
    return CliRun(
        label=label,
        files=files,
        megabytes=round(megabytes, 4),
        jobs=jobs,
        seconds=round(best, 3),
        median_seconds=round(sorted(walls)[len(walls) // 2], 3),
        cpu_seconds=round(min(cpus), 3),
        mb_per_s=round(megabytes / best, 6),
        repeats=[round(w, 3) for w in walls],
    )


def _cli_env(cache: Path, *, use_cache: bool = True) -> dict[str, str]:
    """The child environment: pattern cache in ``cache`` (or off), and Python's bytecode
    written and read under ``cache/pycache``, as an installed package has it compiled
    (``PYTHONDONTWRITEBYTECODE`` would make every run compile quotecheck's source)."""
    from quotecheck.cache import CACHE_DIR_ENV, NO_CACHE_ENV

    drop = {NO_CACHE_ENV, "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env[CACHE_DIR_ENV] = str(cache)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    if not use_cache:
        env[NO_CACHE_ENV] = "1"
    return env


def bench_startup(file: str | None = None, *, repeat: int = 5) -> list[CliRun]:
    """Start-up of the command line on one article, in fresh processes.

    Rows: ``import quotecheck.cli``; ``extract`` with a warm pattern cache (a private
    temporary cache folder, filled by one run before timing); ``extract`` with the cache
    off (every run compiles the patterns).
    """
    with tempfile.TemporaryDirectory(prefix="qc-startup-") as tmp:
        root = Path(tmp)
        if file is None:
            path = root / "article.txt"
            path.write_text(STARTUP_ARTICLE, encoding="utf-8")
        else:
            path = Path(file)
            if not path.is_file():
                raise UsageError(f"{file}: not a file; give one article file")
        size = len(path.read_text(encoding="utf-8", errors="replace").encode("utf-8")) / 1e6
        cache = root / "cache"
        env = _cli_env(cache)
        extract = [sys.executable, "-m", "quotecheck", "extract", str(path)]
        subprocess.run(extract, env=env, capture_output=True, check=False)  # fills the cache
        importing = [sys.executable, "-c", "import quotecheck.cli"]
        no_cache = _cli_env(cache, use_cache=False)
        rows = [
            ("import quotecheck.cli", importing, env),
            ("extract, cache warm", extract, env),
            ("extract, no cache", extract, no_cache),
        ]
        return [
            _cli_runs(label, argv, files=1, megabytes=size, jobs=1, repeat=repeat, env=e)
            for label, argv, e in rows
        ]


def bench_cli(inputs: Sequence[str], *, jobs: int = 1, repeat: int = 3) -> CliRun:
    """``quotecheck extract`` over all ``inputs`` in one fresh process per run (``--jobs``),
    start-up included, with a warm pattern cache: MB/s as a user sees them."""
    items = _texts(inputs)
    size = sum(len(t.encode("utf-8")) for _, t in items) / 1e6
    with tempfile.TemporaryDirectory(prefix="qc-cli-") as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        for n, (_, text) in enumerate(items):
            (folder / f"{n:06d}.txt").write_text(text, encoding="utf-8")
        env = _cli_env(root / "cache")
        argv = [sys.executable, "-m", "quotecheck", "extract", str(folder), "-f", "jsonl"]
        argv += ["--jobs", str(jobs)]
        subprocess.run(argv[:5], env=env, capture_output=True, check=False)  # fills the cache
        return _cli_runs(
            f"extract {len(items)} files",
            argv,
            files=len(items),
            megabytes=size,
            jobs=jobs,
            repeat=repeat,
            env=env,
        )


def _print_cli(runs: Sequence[CliRun]) -> None:
    print(
        f"{'run':28} {'files':>6} {'jobs':>4} {'best s':>7} {'median s':>8} {'CPU s':>6} {'MB/s':>7}"
    )
    for r in runs:
        print(
            f"{r.label:28} {r.files:>6} {r.jobs:>4} {r.seconds:>7.3f} {r.median_seconds:>8.3f} "
            f"{r.cpu_seconds:>6.3f} {r.mb_per_s:>7.3f}"
        )


# ------------------------------------------------------------------------ memory

#: A line of double-decoded UTF-8 ("Café “ok”" read as cp1252) that ingestion repairs.
MOJIBAKE_LINE = "Caf\u00c3\u00a9 \u00e2\u20ac\u0153ok\u00e2\u20ac\u009d\n"


def long_article(inputs: Sequence[str], megabytes: float, *, repair: bool = False) -> str:
    """The texts of ``inputs`` joined by blank lines, repeated and cut to ``megabytes``
    million characters; with ``repair``, a line of mojibake first."""
    body = "\n\n".join(t for _, t in _texts(inputs))
    n = max(1, int(megabytes * 1e6))
    text = (body * (n // max(1, len(body)) + 1))[:n]
    return MOJIBAKE_LINE + text if repair else text


@dataclass
class MemoryRun:
    """Peak memory of extracting one long article, per input character."""

    characters: int
    repair: bool
    seconds: float
    quotes: int
    figures: int
    segments: int
    peak_rss_growth_mb: float
    rss_bytes_per_char: float
    tracemalloc_peak_mb: float
    traced_bytes_per_char: float


def memory_once(inputs: Sequence[str], megabytes: float, *, repair: bool = False) -> MemoryRun:
    """Extract one long article in this process (call it in a fresh one: peak RSS only
    grows) and measure its peak memory; then once more under tracemalloc."""
    from quotecheck.api import extract

    extract("\u201cWarm-up,\u201d she said.")  # imports, patterns: not part of the article
    text = long_article(inputs, megabytes, repair=repair)
    gc.collect()
    before = _maxrss_mb()
    t0 = time.perf_counter()
    art = extract(text)
    seconds = time.perf_counter() - t0
    growth = _maxrss_mb() - before
    counts = (len(art.quotes), len(art.figures), len(art.segments))
    del art
    gc.collect()
    tracemalloc.start()
    extract(text)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return MemoryRun(
        characters=len(text),
        repair=repair,
        seconds=round(seconds, 2),
        quotes=counts[0],
        figures=counts[1],
        segments=counts[2],
        peak_rss_growth_mb=round(growth, 1),
        rss_bytes_per_char=round(growth * 1024 * 1024 / len(text), 1),
        tracemalloc_peak_mb=round(traced / 1e6, 1),
        traced_bytes_per_char=round(traced / len(text), 1),
    )


def bench_memory(inputs: Sequence[str], megabytes: float, *, repair: bool = False) -> MemoryRun:
    """:func:`memory_once` in a fresh process."""
    cmd = [sys.executable, "-m", "quotecheck.bench", "_memory-one", *inputs]
    cmd += ["--megabytes", str(megabytes)] + (["--repair"] if repair else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"memory run failed:\n{done.stderr}")
    return MemoryRun(**json.loads(done.stdout))


# ------------------------------------------------------------------------ cross-check


@dataclass
class CheckRun:
    """The cross-check of the first ``articles`` articles of a corpus."""

    articles: int
    quotes: int
    findings: int
    seconds: float
    rss_before_mb: float
    peak_rss_mb: float
    repeats: list[float]

    @property
    def check_mb(self) -> float:
        """Memory the cross-check added on top of the loaded articles."""
        return round(self.peak_rss_mb - self.rss_before_mb, 1)


def check_once(articles_jsonl: Path, n: int, repeat: int = 1) -> CheckRun:
    """Load the first ``n`` articles and time :func:`quotecheck.crosscheck.cross_check`."""
    from quotecheck.checks import cross_check
    from quotecheck.models import Article

    arts: list[Article] = []
    with open(articles_jsonl, encoding="utf-8") as fh:
        for line in fh:
            if len(arts) == n:
                break
            arts.append(Article.model_validate_json(line))
    gc.collect()
    before = _maxrss_mb()
    times = []
    findings = 0
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        found, _corr = cross_check(arts)
        times.append(time.perf_counter() - t0)
        findings = len(found)
    quotes = sum(1 for a in arts for q in a.quotes if q.kind != "scare")
    return CheckRun(
        articles=len(arts),
        quotes=quotes,
        findings=findings,
        seconds=round(min(times), 3),
        rss_before_mb=round(before, 1),
        peak_rss_mb=round(_maxrss_mb(), 1),
        repeats=[round(t, 3) for t in times],
    )


def prepare_corpus(
    workdir: Path, articles: int, *, seed: int, jobs: int, fixtures: Path | None = None
) -> tuple[Path, float]:
    """Synthesize ``articles`` and extract them into ``workdir/articles.jsonl`` (kept and
    reused when the same size and seed are asked for again); the extraction seconds."""
    from quotecheck.api import extract_many
    from quotecheck.devtools.synth import synthesize
    from quotecheck.models import Article

    out = workdir / "articles.jsonl"
    meta_path = workdir / "meta.json"
    meta = {"articles": articles, "seed": seed}
    if (
        out.is_file()
        and meta_path.is_file()
        and json.loads(meta_path.read_text(encoding="utf-8")) == meta
    ):
        return out, 0.0
    paths = synthesize(articles, workdir / "corpus", seed=seed, fixtures=fixtures)
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as fh:
        for res in extract_many(paths, jobs=jobs):
            if isinstance(res, Article):
                fh.write(res.model_dump_json() + "\n")
    seconds = time.perf_counter() - t0
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return out, seconds


def bench_check(
    sizes: Sequence[int],
    *,
    seed: int = 0,
    jobs: int = 1,
    repeat: int = 1,
    workdir: Path | None = None,
    fixtures: Path | None = None,
) -> dict[str, Any]:
    """Cross-check timings for each size (each in a fresh process) and their growth."""
    if not sizes or min(sizes) < 1:
        raise UsageError("--sizes needs positive article counts, e.g. 10,100,1000")
    with tempfile.TemporaryDirectory(prefix="qc-bench-") as tmp:
        root = workdir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        corpus, extract_s = prepare_corpus(
            root, max(sizes), seed=seed, jobs=jobs, fixtures=fixtures
        )
        runs: list[dict[str, Any]] = []
        for n in sorted(sizes):
            cmd = [sys.executable, "-m", "quotecheck.bench", "_check-one", str(corpus), str(n)]
            cmd += ["--repeat", str(repeat)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"check of {n} articles failed:\n{done.stderr}")
            row = json.loads(done.stdout)
            if runs:
                prev = runs[-1]
                row["growth"] = round(row["seconds"] / max(prev["seconds"], 1e-6), 2)
                row["size_ratio"] = round(row["articles"] / prev["articles"], 2)
            runs.append(row)
    return {
        "machine": machine(),
        "seed": seed,
        "extract_seconds": round(extract_s, 1),
        "runs": runs,
    }


# ------------------------------------------------------------------------ CLI


def _sizes(text: str) -> list[int]:
    try:
        return [int(s.replace("_", "")) for s in text.split(",") if s.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"sizes are numbers separated by commas: {text}") from exc


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m quotecheck.bench", description=__doc__.split("\n")[0]
    )
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extraction throughput and memory")
    ex.add_argument("inputs", nargs="+", metavar="PATH_OR_JSONL")
    ex.add_argument("--backend", default="rules", choices=["rules", "stanza", "auto"])
    ex.add_argument("--jobs", "-j", type=int, default=1)
    ex.add_argument("--repeat", type=int, default=1, help="runs; the best is reported")
    ex.add_argument("--trace-memory", action="store_true", help="also a tracemalloc pass")
    ex.add_argument("--profile", type=int, default=0, metavar="N", help="top N cProfile rows")
    ex.add_argument("--json", action="store_true")
    st = sub.add_parser("stages", help="CPU time of each extraction stage")
    st.add_argument("inputs", nargs="+", metavar="PATH_OR_JSONL")
    st.add_argument("--repeat", type=int, default=5, help="passes; the fastest is reported")
    st.add_argument("--json", action="store_true")
    ck = sub.add_parser("check", help="cross-check time and memory by corpus size")
    ck.add_argument("--sizes", type=_sizes, default=[10, 100, 1000, 10000])
    ck.add_argument("--seed", type=int, default=0)
    ck.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="for extraction")
    ck.add_argument("--repeat", type=int, default=1)
    ck.add_argument("--workdir", type=Path, default=None, help="keep (and reuse) the corpus here")
    ck.add_argument("--fixtures", type=Path, default=None)
    ck.add_argument("--json", action="store_true")
    sy = sub.add_parser("synth", help="write a clustered corpus of fixture variants")
    sy.add_argument("--articles", type=int, required=True)
    sy.add_argument("--out", type=Path, required=True)
    sy.add_argument("--seed", type=int, default=0)
    sy.add_argument("--fixtures", type=Path, default=None)
    sn = sub.add_parser("snapshot", help="every extracted article as JSON lines, to compare")
    sn.add_argument("inputs", nargs="+", metavar="PATH_OR_JSONL")
    sn.add_argument("--out", type=Path, required=True)
    sn.add_argument("--backend", default="rules", choices=["rules", "stanza", "auto"])
    fs = sub.add_parser(
        "findings-snapshot", help="every story's findings as JSON lines, to compare"
    )
    fs.add_argument("stories", nargs="+", metavar="FOLDER_OR_CLUSTERS_JSON")
    fs.add_argument("--out", type=Path, required=True)
    gt = sub.add_parser("gate", help="findings on real story clusters, known or new")
    gt.add_argument("clusters", type=Path, metavar="CLUSTERS_JSON")
    gt.add_argument("--together", action="store_true", help="also all clusters as one batch")
    gt.add_argument(
        "--dated", action="store_true", help="give each article its record's publication date"
    )
    gt.add_argument("--json", action="store_true")
    wk = sub.add_parser("weekly", help="findings on a corpus checked a week at a time")
    wk.add_argument("corpus", type=Path, metavar="GOLD_JSONL")
    wk.add_argument(
        "--dated", action="store_true", help="give each article its record's publication date"
    )
    wk.add_argument("--json", action="store_true")
    su = sub.add_parser("startup", help="start-up of the command line on one article")
    su.add_argument("file", nargs="?", default=None, metavar="FILE")
    su.add_argument("--repeat", type=int, default=7, help="runs; best and median reported")
    su.add_argument("--json", action="store_true")
    cl = sub.add_parser("cli", help="the command line on many files, start-up included")
    cl.add_argument("inputs", nargs="+", metavar="PATH_OR_JSONL")
    cl.add_argument("--jobs", "-j", type=int, default=1)
    cl.add_argument("--repeat", type=int, default=3, help="runs; best and median reported")
    cl.add_argument("--json", action="store_true")
    for name in ("memory", "_memory-one"):
        me = sub.add_parser(
            name,
            help="peak memory per input character of one long article"
            if name == "memory"
            else argparse.SUPPRESS,
        )
        me.add_argument("inputs", nargs="+", metavar="PATH_OR_JSONL")
        me.add_argument("--megabytes", type=float, default=2.0)
        me.add_argument("--repair", action="store_true", help="a line of mojibake first")
        me.add_argument("--json", action="store_true")
    tx = sub.add_parser("textacy", help="the textacy/spaCy reference on the same texts")
    tx.add_argument("inputs", nargs="+", metavar="PATH_OR_JSONL")
    tx.add_argument("--model", default="en_core_web_sm")
    tx.add_argument("--repeat", type=int, default=1, help="runs; the best is reported")
    tx.add_argument("--json", action="store_true")
    one = sub.add_parser("_check-one", help=argparse.SUPPRESS)
    one.add_argument("articles_jsonl", type=Path)
    one.add_argument("n", type=int)
    one.add_argument("--repeat", type=int, default=1)
    return p


def _print_extract(run: ExtractRun) -> None:
    print(f"backend {run.backend}, {run.jobs} process(es), best of {len(run.repeats)}")
    print(f"  {run.articles} articles, {run.megabytes:.3f} MB in {run.seconds:.2f} s")
    print(f"  {run.mb_per_s:.3f} MB/s, {run.articles_per_s:.1f} articles/s")
    print(f"  {run.quotes} quotes, {run.figures} figures; peak RSS {run.peak_rss_mb:.0f} MB")
    if run.tracemalloc_peak_mb is not None:
        print(f"  tracemalloc peak {run.tracemalloc_peak_mb:.1f} MB")


def _report_extract(run: ExtractRun, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"machine": machine(), **asdict(run)}))
    else:
        _print_extract(run)


def _print_check(result: dict[str, Any]) -> None:
    if result["extract_seconds"]:
        print(f"corpus extracted in {result['extract_seconds']} s")
    print(
        f"{'articles':>9} {'quotes':>8} {'findings':>9} {'seconds':>9} {'growth':>7} "
        f"{'check MB':>9} {'peak MB':>8}"
    )
    for r in result["runs"]:
        growth = f"{r['growth']:.2f}x" if "growth" in r else "-"
        print(
            f"{r['articles']:>9} {r['quotes']:>8} {r['findings']:>9} {r['seconds']:>9.3f} "
            f"{growth:>7} {r['peak_rss_mb'] - r['rss_before_mb']:>9.1f} {r['peak_rss_mb']:>8.1f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            run = bench_extract(
                args.inputs,
                backend=args.backend,
                jobs=args.jobs,
                repeat=args.repeat,
                trace_memory=args.trace_memory,
                profile=args.profile,
            )
            _report_extract(run, args.json)
        elif args.command == "stages":
            from quotecheck.devtools.stages import bench_stages, print_stages

            stages = bench_stages(_texts(args.inputs), repeat=args.repeat)
            if args.json:
                print(json.dumps({"machine": machine(), **asdict(stages)}))
            else:
                print_stages(stages)
        elif args.command == "check":
            result = bench_check(
                args.sizes,
                seed=args.seed,
                jobs=args.jobs,
                repeat=args.repeat,
                workdir=args.workdir,
                fixtures=args.fixtures,
            )
            print(json.dumps(result) if args.json else "", end="\n" if args.json else "")
            if not args.json:
                _print_check(result)
        elif args.command == "snapshot":
            n = snapshot(args.inputs, args.out, backend=args.backend)
            print(f"{n} articles written to {args.out}")
        elif args.command == "findings-snapshot":
            n = findings_snapshot(args.stories, args.out)
            print(f"{n} stories written to {args.out}")
        elif args.command == "gate":
            from quotecheck.devtools.gate import print_gate, run_gate

            gate = run_gate(args.clusters, together=args.together, dated=args.dated)
            if args.json:
                print(json.dumps({"counts": gate.counts(), **asdict(gate)}))
            else:
                print_gate(gate)
        elif args.command == "weekly":
            from quotecheck.devtools.gate import print_gate, run_weekly

            weekly = run_weekly(args.corpus, dated=args.dated)
            if args.json:
                print(json.dumps({"counts": weekly.counts(), **asdict(weekly)}))
            else:
                print_gate(weekly)
        elif args.command in ("startup", "cli"):
            if args.command == "startup":
                cli_runs = bench_startup(args.file, repeat=args.repeat)
            else:
                cli_runs = [bench_cli(args.inputs, jobs=args.jobs, repeat=args.repeat)]
            if args.json:
                print(json.dumps({"machine": machine(), "runs": [asdict(r) for r in cli_runs]}))
            else:
                _print_cli(cli_runs)
        elif args.command == "_memory-one":
            one = memory_once(args.inputs, args.megabytes, repair=args.repair)
            print(json.dumps(asdict(one)))
        elif args.command == "memory":
            mem = bench_memory(args.inputs, args.megabytes, repair=args.repair)
            if args.json:
                print(json.dumps({"machine": machine(), **asdict(mem)}))
            else:
                print(
                    f"{mem.characters} characters{' (one line repaired)' if mem.repair else ''}"
                    f" in {mem.seconds:.2f} s: {mem.quotes} quotes, {mem.figures} figures, "
                    f"{mem.segments} segments\n"
                    f"  peak RSS growth {mem.peak_rss_growth_mb:.0f} MB = "
                    f"{mem.rss_bytes_per_char:.1f} bytes/char; tracemalloc peak "
                    f"{mem.tracemalloc_peak_mb:.0f} MB = {mem.traced_bytes_per_char:.1f} bytes/char"
                )
        elif args.command == "textacy":
            run = bench_textacy(args.inputs, model=args.model, repeat=args.repeat)
            _report_extract(run, args.json)
        elif args.command == "synth":
            from quotecheck.devtools.synth import synthesize

            paths = synthesize(args.articles, args.out, seed=args.seed, fixtures=args.fixtures)
            print(
                f"{len(paths)} articles in {len({p.parent for p in paths})} stories under {args.out}"
            )
        else:
            run1 = check_once(args.articles_jsonl, args.n, args.repeat)
            print(json.dumps({**asdict(run1), "check_mb": run1.check_mb}))
    except QuotecheckError as exc:
        print(f"quotecheck.bench: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
