"""Extraction in a local process pool: ``extract_many(..., jobs=N)`` and ``--jobs N``.

Paths are cut into chunks; each worker process runs the ordinary single-process
:func:`quotecheck.api.extract_many` on one chunk (so results are the same by
construction), and chunks come back in input order. At most ``2 * jobs`` chunks are
in flight, so memory stays bounded however many paths are given. Chunks are small
enough that every worker gets about four (:func:`files_per_chunk`): with one chunk per worker
and a remainder, one worker would end up doing most of the work alone.

With the rules backend the parent extracts one short built-in article before the
workers start (:func:`_warm_up`): that loads the compiled cue and reported-speech
patterns (from the user cache, see :mod:`quotecheck.cache`), the lexicons and every
module extraction imports, so a forked worker inherits all of them instead of loading
each on its own, and a spawned one finds the patterns in the cache.

The analyzer is built in each worker: the rules analyzer is cheap; a stanza
pipeline is loaded once per worker process (about 1-2 GB each), so keep ``jobs``
small with ``backend="stanza"``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from quotecheck.analysis.base import Analyzer
from quotecheck.errors import UsageError
from quotecheck.models import Article, InputFailure

__all__ = ["extract_parallel", "files_per_chunk"]

Result = Article | InputFailure


def _extract_chunk(
    paths: list[str], backend: str | Analyzer, stanza_dir: str | None, batch_size: int
) -> list[Result]:
    from quotecheck.api import extract_many

    return list(extract_many(paths, backend=backend, stanza_dir=stanza_dir, batch_size=batch_size))


#: What the parent extracts before forking: a cue, a pronoun, reported speech, an
#: attribution by "according to" and a figure, so every lazily built table is loaded.
_WARM_UP = (
    'Mayor Ana Ruiz said on Monday that 12 homes had been lost. "We will rebuild," she '
    "said. The river rose two metres, according to the regional water authority.\n"
)


def _warm_up() -> None:
    from quotecheck.api import extract

    extract(_WARM_UP, source="<warm-up>")


#: Chunks per worker that :func:`files_per_chunk` aims at.
CHUNKS_PER_JOB = 4


def files_per_chunk(files: int, jobs: int, batch_size: int) -> int:
    """Files per chunk: about :data:`CHUNKS_PER_JOB` chunks per worker, at most
    ``batch_size`` (84 files on 2 workers: chunks of 11, not 32 + 32 + 20)."""
    return max(1, min(batch_size, -(-files // (CHUNKS_PER_JOB * jobs))))


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int,
    backend: str | Analyzer = "rules",
    stanza_dir: str | None = None,
    batch_size: int = 32,
    chunk_size: int | None = None,
) -> Iterator[Result]:
    """Extract ``paths`` (folders expanded) in ``jobs`` processes; results in input order.

    ``chunk_size`` is how many files a worker takes at a time (default: see
    :func:`files_per_chunk`): larger chunks cost less pickling, smaller ones balance better.
    """
    from quotecheck.api import iter_inputs

    if jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    files = list(iter_inputs(paths))
    size = chunk_size or files_per_chunk(len(files), jobs, batch_size)
    if backend == "rules":
        _warm_up()  # inherited by forked workers (patterns from the cache, or compiled once)
    chunks = _chunks(files, size)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_extract_chunk, chunk, backend, stanza_dir, batch_size))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
