"""The corpus job on a Ray cluster: extract everywhere, cross-check story by story.

    pip install 'quotecheck[dist]'          # ray[data], pyarrow
    python -m quotecheck.dist.job CORPUS/ --output findings/ --format jsonl

1. **Read**: the article files with Ray Data (``read_binary_files``), so inputs on a
   shared file system or object store are read by the workers, not the driver.
2. **Extract**: ``map_batches`` with :class:`Extractor`, a class holding one analyzer
   per worker (one stanza pipeline per worker with ``--backend stanza``); each row
   becomes the article as JSON plus its story key.
3. **Group**: by story key (by default the article's folder: one folder, one story;
   ``--story all`` makes the whole corpus one story, i.e. ``quotecheck check CORPUS``).
   Inside a story the :class:`~quotecheck.crosscheck.Story` indexes quotes by speaker
   key and shingles itself; a story is not split further, because a misattribution
   (QC102) is by definition a quote under two different speaker keys.
4. **Check**: each story group on one worker, the ordinary
   :func:`quotecheck.crosscheck.cross_check`, articles in path order. Findings are
   therefore exactly those of the single-process run (:func:`run_local`).
5. **Write**: findings as JSON Lines or Parquet (one file per block), one row per
   finding: ``story``, ``code``, ``severity``, ``fingerprint``, ``finding`` (the
   :class:`~quotecheck.models.Finding` as JSON); unreadable inputs as rows with code
   ``input-error``.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

from quotecheck.errors import MissingDependencyError, QuotecheckError, UsageError
from quotecheck.models import Article, Finding, InputFailure

__all__ = ["Extractor", "check_story", "finding_rows", "run", "run_local", "story_key"]

COLUMNS = ("story", "code", "severity", "fingerprint", "finding")


def story_key(path: str, mode: str) -> str:
    """The story a file belongs to: its folder (``folder``) or one for all (``all``)."""
    if mode == "all":
        return "all"
    if mode == "folder":
        return str(PurePath(path).parent)
    raise UsageError(f"unknown story mode {mode!r}; use 'folder' or 'all'")


def finding_rows(story: str, findings: Iterable[Finding]) -> list[dict[str, str]]:
    """One output row per finding."""
    return [
        {
            "story": story,
            "code": f.code,
            "severity": f.severity,
            "fingerprint": f.fingerprint,
            "finding": f.model_dump_json(),
        }
        for f in findings
    ]


def check_story(
    story: str,
    articles: Sequence[Article],
    *,
    registry: str | None = None,
    ignore: Sequence[str] = (),
) -> list[dict[str, str]]:
    """Cross-check one story's articles (sorted by source) into output rows."""
    from quotecheck.checks import cross_check

    ordered = sorted(articles, key=lambda a: a.source)
    findings, _ = cross_check(ordered, registry=registry, ignore=ignore)
    return finding_rows(story, findings)


def _failure_row(story: str, failure: InputFailure) -> dict[str, str]:
    return {
        "story": story,
        "code": "input-error",
        "severity": "error",
        "fingerprint": failure.code,
        "finding": failure.model_dump_json(),
    }


def run_local(
    paths: Iterable[str | os.PathLike[str]],
    *,
    story: str = "folder",
    backend: str = "rules",
    registry: str | None = None,
    ignore: Sequence[str] = (),
    jobs: int = 1,
) -> list[dict[str, str]]:
    """The same job in this process (the reference the Ray run must equal)."""
    from quotecheck.api import extract_many, iter_inputs

    files = [os.path.abspath(p) for p in iter_inputs(paths)]
    by_story: dict[str, list[Article]] = defaultdict(list)
    rows: list[dict[str, str]] = []
    for res in extract_many(files, backend=backend, jobs=jobs):
        key = story_key(res.source, story)
        if isinstance(res, InputFailure):
            rows.append(_failure_row(key, res))
        else:
            by_story[key].append(res)
    for key in sorted(by_story):
        rows += check_story(key, by_story[key], registry=registry, ignore=ignore)
    return rows


class Extractor:
    """A Ray Data ``map_batches`` callable: one analyzer per worker, built once."""

    def __init__(
        self, backend: str = "rules", stanza_dir: str | None = None, story: str = "folder"
    ):
        from quotecheck.api import get_analyzer

        self.analyzer, note = get_analyzer(backend, stanza_dir=stanza_dir)
        self.extra = [note] if note else []
        self.story = story

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        # ``build_article`` is the last step of quotecheck.api.extract_path, reused so that
        # bytes read by Ray give exactly the single-process article.
        from quotecheck.api import build_article
        from quotecheck.ingest import ingest_bytes

        out: dict[str, list[str]] = {"story": [], "source": [], "article": [], "failure": []}
        for path, data in zip(batch["path"], batch["bytes"], strict=True):
            source = str(path)
            out["story"].append(story_key(source, self.story))
            out["source"].append(source)
            try:
                ing = ingest_bytes(bytes(data), source=source, suffix=PurePath(source).suffix)
            except QuotecheckError as exc:
                fail = InputFailure(source=source, code=exc.code, message=exc.message)
                out["article"].append("")
                out["failure"].append(fail.model_dump_json())
                continue
            art = build_article(ing, self.analyzer.analyze(ing.text), self.analyzer.name, self.extra)
            out["article"].append(art.model_dump_json())
            out["failure"].append("")
        return out


def _check_group(group: Any, registry: str | None = None, ignore: Sequence[str] = ()) -> Any:
    """``map_groups``: one story's rows (a pyarrow table) -> its finding rows."""
    import pyarrow as pa

    rows: list[dict[str, str]] = []
    story = str(group.column("story")[0]) if group.num_rows else ""
    arts = []
    for art_json, fail_json in zip(
        group.column("article").to_pylist(), group.column("failure").to_pylist(), strict=True
    ):
        if fail_json:
            rows.append(_failure_row(story, InputFailure.model_validate_json(fail_json)))
        else:
            arts.append(Article.model_validate_json(art_json))
    rows += check_story(story, arts, registry=registry, ignore=ignore)
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise MissingDependencyError("the Ray job", "dist", "ray") from exc
    return ray


def run(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    fmt: str = "jsonl",
    story: str = "folder",
    backend: str = "rules",
    stanza_dir: str | None = None,
    registry: str | None = None,
    ignore: Sequence[str] = (),
    workers: int | None = None,
    batch_size: int = 16,
    address: str | None = None,
) -> None:
    """Run the job on Ray (connecting to ``address``, or the running/local instance)
    and write the findings under the folder ``output``."""
    from quotecheck.api import iter_inputs

    ray = _import_ray()
    if fmt not in ("jsonl", "parquet"):
        raise UsageError(f"unknown output format {fmt!r}; use 'jsonl' or 'parquet'")
    files = [os.path.abspath(p) for p in iter_inputs(paths)]
    if not files:
        raise UsageError("no article files found in the paths given")
    story_key(files[0], story)  # validate the mode before starting the cluster work
    if not ray.is_initialized():
        ray.init(address=address)
    if workers is None:
        workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
    # reading is I/O: it must not wait for a CPU that the extraction actors hold
    read = ray.data.read_binary_files
    light = {"num_cpus": 0.1}
    if "num_cpus" in inspect.signature(read).parameters:
        ds = read(files, include_paths=True, **light)
    else:  # Ray before 2.5x
        ds = read(files, include_paths=True, ray_remote_args=light)
    articles = ds.map_batches(
        Extractor,
        fn_constructor_kwargs={"backend": backend, "stanza_dir": stanza_dir, "story": story},
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
    )
    stories = len({story_key(f, story) for f in files})
    findings = articles.groupby(
        "story", num_partitions=max(1, min(stories, 4 * workers))
    ).map_groups(
        _check_group,
        fn_kwargs={"registry": registry, "ignore": list(ignore)},
        batch_format="pyarrow",
    )
    out = os.fspath(output)
    if fmt == "parquet":
        findings.write_parquet(out)
    else:
        findings.write_json(out)


def read_output(folder: str | os.PathLike[str]) -> list[dict[str, str]]:
    """All rows a run wrote (JSON Lines or Parquet), sorted by story then fingerprint."""
    import json

    rows: list[dict[str, str]] = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            rows += pq.read_table(path).to_pylist()
        elif path.suffix == ".json" or path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as fh:
                rows += [json.loads(line) for line in fh if line.strip()]
    return sorted(rows, key=lambda r: (r["story"], r["code"], r["fingerprint"]))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m quotecheck.dist.job", description=__doc__.split("\n")[0]
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--output", "-o", required=True, help="output folder")
    p.add_argument("--format", dest="fmt", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument("--story", choices=["folder", "all"], default="folder")
    p.add_argument("--backend", choices=["rules", "stanza", "auto"], default="rules")
    p.add_argument("--stanza-dir", default=None)
    p.add_argument("--registry", default=None)
    p.add_argument("--ignore", action="append", default=[])
    p.add_argument("--workers", type=int, default=None, help="extraction actors (default: CPUs)")
    p.add_argument("--address", default=None, help="Ray address (default: RAY_ADDRESS or local)")
    args = p.parse_args(argv)
    try:
        run(
            args.paths,
            args.output,
            fmt=args.fmt,
            story=args.story,
            backend=args.backend,
            stanza_dir=args.stanza_dir,
            registry=args.registry,
            ignore=args.ignore,
            workers=args.workers,
            address=args.address,
        )
    except QuotecheckError as exc:
        print(f"quotecheck.dist.job: error {exc.code}: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
