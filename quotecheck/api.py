"""The public functions: :func:`extract`, :func:`extract_path`, :func:`extract_many`
and :func:`check` (re-exported by the package), and :func:`build_article`, the last
step of every extraction (ingested text and its analysis -> an
:class:`~quotecheck.models.Article`), shared with the distributed runner."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from quotecheck.analysis.base import BACKENDS, Analysis, Analyzer
from quotecheck.codes import code_of
from quotecheck.errors import UsageError
from quotecheck.extract.figures import find_figures, to_figure
from quotecheck.extract.pipeline import extract_quotes
from quotecheck.ingest import Ingested, ingest_many, ingest_path, ingest_text
from quotecheck.models import Article, Diagnostic, InputFailure, Report

__all__ = [
    "ProgressHook",
    "build_article",
    "check",
    "extract",
    "extract_many",
    "extract_path",
    "get_analyzer",
    "iter_inputs",
]

log = logging.getLogger("quotecheck")

INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

ProgressHook = Callable[[int, int, "Article | InputFailure"], None]
"""Called after each input of a batch with ``(done, total, result)``: how many inputs
are finished, how many there are, and the article (or failure) just finished."""


def get_analyzer(
    backend: str | Analyzer = "rules", *, stanza_dir: str | None = None
) -> tuple[Analyzer, Diagnostic | None]:
    """An analyzer by name (``rules``, ``stanza``, ``auto``) or the instance given.

    ``auto`` picks stanza when its English models are installed and otherwise the
    rules analyzer, with a coded warning.
    """
    if not isinstance(backend, str):
        return backend, None
    if backend not in BACKENDS:
        raise UsageError(
            f"unknown backend {backend!r}; use {', '.join(repr(b) for b in BACKENDS[:-1])} "
            f"or {BACKENDS[-1]!r}"
        )
    note = None
    if backend in ("stanza", "auto"):
        from quotecheck.analysis.stanza_backend import select_backend

        backend, note = select_backend(backend, stanza_dir)  # type: ignore[arg-type]
        if note is not None:
            log.warning("%s %s", note.code, note.message)
    if backend == "stanza":
        from quotecheck.analysis.stanza_backend import StanzaAnalyzer

        return StanzaAnalyzer(stanza_dir), note
    from quotecheck.analysis.rules import RulesAnalyzer

    return RulesAnalyzer(), note


def build_article(
    ing: Ingested, analysis: Analysis, backend: str, extra: Sequence[Diagnostic] = ()
) -> Article:
    """The article of an ingested text and its analysis: quotes and figures, with
    offsets mapped to the original input. ``backend`` names the analyzer; ``extra``
    diagnostics (a backend fallback) are added to ingestion's. A failure in figure
    extraction keeps the quotes and adds a ``figures-failed`` diagnostic."""
    quotes = extract_quotes(ing.text, analysis, ing.segments)
    art = Article(
        source=ing.source,
        title=ing.title,
        date=ing.date,
        text=ing.text,
        original_length=ing.original_length,
        segments=ing.segments,
        quotes=tuple(quotes),
        diagnostics=(*ing.diagnostics, *extra),
        backend=backend,
    )
    # a figure inside someone's quoted words is their claim; reported speech ("130 people
    # died, police said") is the writer's account of the fact, compared as the writer's
    speakers = [
        (*art.to_canonical(q.start, q.end), q.speaker.name)
        for q in quotes
        if q.speaker is not None and q.kind in ("direct", "partial")
    ]
    sentences = [(s.start, s.end) for s in analysis.sentences]
    try:
        drafts = find_figures(ing.text, sentences=sentences, speakers=speakers)
        figures = tuple(to_figure(d, art.to_original, ing.text) for d in drafts)
    except Exception as exc:  # a figure bug must not lose the article's quotes
        log.warning("%s: figure extraction failed (%s); quotes are kept", ing.source, exc)
        note = Diagnostic(
            code=code_of("figures-failed"),
            message=f"figure extraction failed ({type(exc).__name__}: {exc}); please report it",
            source=ing.source,
        )
        return art.model_copy(update={"diagnostics": (*art.diagnostics, note)})
    return art.model_copy(update={"figures": figures})


def extract(
    text: str,
    *,
    source: str | None = None,
    backend: str | Analyzer = "rules",
    stanza_dir: str | None = None,
) -> Article:
    """Find every quote in ``text``, attribute it, and find its figures.

    Offsets on the returned quotes, speakers and figures are into ``text`` as
    given, even where ingestion dropped boilerplate or a repeated body.
    """
    analyzer, note = get_analyzer(backend, stanza_dir=stanza_dir)
    ing = ingest_text(text, source=source or "<string>")
    return build_article(ing, analyzer.analyze(ing.text), analyzer.name, [note] if note else [])


def extract_path(
    path: str | os.PathLike[str],
    *,
    backend: str | Analyzer = "rules",
    stanza_dir: str | None = None,
) -> Article:
    """Read one file (``.txt``, ``.md``, ``.html``) and extract it.

    Raises a :class:`~quotecheck.errors.InputError` subclass for an unreadable input.
    """
    analyzer, note = get_analyzer(backend, stanza_dir=stanza_dir)
    ing = ingest_path(path)
    return build_article(ing, analyzer.analyze(ing.text), analyzer.name, [note] if note else [])


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Paths as given; a directory expands to the article files under it, sorted
    (``README*`` files in a folder are documentation, not articles: name one to read it)."""
    for p in paths:
        s = os.fspath(p)
        if os.path.isdir(s):
            found: list[str] = []
            for root, dirs, files in os.walk(s, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, f)
                    for f in files
                    if f.lower().endswith(INPUT_SUFFIXES)
                    and not f.startswith(".")
                    and not f.upper().startswith("README")
                )
            yield from sorted(found)
        else:
            yield s


def extract_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    backend: str | Analyzer = "rules",
    stanza_dir: str | None = None,
    batch_size: int = 32,
    jobs: int = 1,
    progress: ProgressHook | None = None,
) -> Iterator[Article | InputFailure]:
    """Extract many files in order; an unreadable one yields an :class:`InputFailure`.

    Folders expand to the article files under them (:func:`iter_inputs`). Texts go to
    the analyzer in batches (stanza's ``bulk_process``). ``jobs > 1`` extracts in that
    many processes (:mod:`quotecheck.dist.pool`), same results, same order.
    ``progress`` is called after each input (:data:`ProgressHook`).
    """
    files = list(iter_inputs(paths))
    results = _extract_files(
        files, backend=backend, stanza_dir=stanza_dir, batch_size=batch_size, jobs=jobs
    )
    for done, res in enumerate(results, 1):
        if progress is not None:
            progress(done, len(files), res)
        yield res


def _extract_files(
    files: list[str],
    *,
    backend: str | Analyzer,
    stanza_dir: str | None,
    batch_size: int,
    jobs: int,
) -> Iterator[Article | InputFailure]:
    if jobs != 1:
        from quotecheck.dist.pool import extract_parallel

        yield from extract_parallel(
            files, jobs=jobs, backend=backend, stanza_dir=stanza_dir, batch_size=batch_size
        )
        return
    analyzer, note = get_analyzer(backend, stanza_dir=stanza_dir)
    extra = [note] if note else []
    batch: list[Ingested | InputFailure] = []

    def flush() -> Iterator[Article | InputFailure]:
        good = [b for b in batch if isinstance(b, Ingested)]
        analyses = iter(analyzer.analyze_many([g.text for g in good]))
        for b in batch:
            if isinstance(b, InputFailure):
                yield b
            else:
                yield build_article(b, next(analyses), analyzer.name, extra)
        batch.clear()

    for item in ingest_many(files):
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
    yield from flush()


def split_inputs(
    items: Iterable[Article | str | os.PathLike[str]], caller: str
) -> tuple[list[Article], list[str | os.PathLike[str]]]:
    """Articles and paths of a mixed argument, in order; anything else is a
    :class:`~quotecheck.errors.UsageError` naming ``caller``."""
    articles: list[Article] = []
    paths: list[str | os.PathLike[str]] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, (str, os.PathLike)):
            paths.append(item)
        else:
            raise UsageError(f"{caller} takes Article objects or paths, not {type(item).__name__}")
    return articles, paths


def check(
    articles_or_paths: Iterable[Article | str | os.PathLike[str]],
    *,
    registry: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] = (),
    backend: str | Analyzer = "rules",
    stanza_dir: str | None = None,
    jobs: int = 1,
    progress: ProgressHook | None = None,
) -> Report:
    """Cross-check articles (or files and folders, extracted first) and report the
    discrepancies. An unreadable file is listed in ``errors`` and the others are still
    checked. ``jobs`` and ``progress`` are as for :func:`extract_many`."""
    from quotecheck.checks import cross_check

    articles, paths = split_inputs(articles_or_paths, "check()")
    errors: list[InputFailure] = []
    for res in extract_many(
        paths, backend=backend, stanza_dir=stanza_dir, jobs=jobs, progress=progress
    ):
        if isinstance(res, InputFailure):
            errors.append(res)
        else:
            articles.append(res)
    reg = Path(registry) if registry is not None else None
    findings, corroboration = cross_check(articles, registry=reg, ignore=ignore)
    return Report(
        articles=tuple(articles),
        findings=tuple(findings),
        errors=tuple(errors),
        corroboration=tuple(corroboration),
    )
