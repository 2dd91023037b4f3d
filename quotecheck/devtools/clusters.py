"""Real story clusters (``crosscheck_real_dev.json``): each cluster's articles as files.

The clusters file names article ids; their texts are in the PolNeAR ``.jsonl`` files
beside it. :func:`story_folders` writes each cluster's articles, exact text, to
``<workdir>/<cluster>/<id>.txt`` (the way a desk would run ``quotecheck check`` on them)
and yields the cluster name with its files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quotecheck.errors import UsageError

__all__ = ["load_clusters", "publication_dates", "story_folders"]


def load_clusters(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The clusters file's content and the text of every article it names, by id
    (read from the ``*.jsonl`` files in the same folder)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        wanted = {i for ids in data["clusters"].values() for i in ids}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"cannot read story clusters from {path}: {exc}") from exc
    texts: dict[str, str] = {}
    for jsonl in sorted(Path(path).parent.glob("*.jsonl")):
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if rec.get("id") in wanted:
                        texts[rec["id"]] = rec["text"]
    missing = sorted(wanted - texts.keys())
    if missing:
        raise UsageError(
            f"{path}: {len(missing)} article(s) not in the .jsonl files beside it "
            f"(first: {missing[0]})"
        )
    return data, texts


def story_folders(path: Path, workdir: Path) -> Iterator[tuple[str, list[Path]]]:
    """``(cluster name, article files)`` for every cluster of ``path``, in file order."""
    data, texts = load_clusters(path)
    for name, ids in data["clusters"].items():
        folder = Path(workdir) / name
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for i in ids:
            f = folder / f"{i}.txt"
            with open(f, "w", encoding="utf-8", newline="") as fh:
                fh.write(texts[i])
            files.append(f)
        yield name, files


def publication_dates(path: Path) -> dict[str, dt.date]:
    """The ``publication_date`` of every article the clusters file names that has one,
    by id (the metadata a newsroom's system gives with its copy)."""
    data, _ = load_clusters(path)
    wanted = {i for ids in data["clusters"].values() for i in ids}
    out: dict[str, dt.date] = {}
    for jsonl in sorted(Path(path).parent.glob("*.jsonl")):
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    day = rec.get("publication_date")
                    if rec.get("id") in wanted and isinstance(day, str):
                        try:
                            out[rec["id"]] = dt.date.fromisoformat(day[:10])
                        except ValueError:
                            continue
    return out
