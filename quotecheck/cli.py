"""The command line: parse, call the library, print.

Results go to stdout (or ``--output FILE``, written atomically), logs and
progress to stderr. Exit status: 0 clean, 1 a finding at or above
``--fail-on``, 2 a usage or input error (the other inputs are still reported).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotecheck.codes import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK
from quotecheck.errors import QuotecheckError
from quotecheck.settings import BACKENDS, FAIL_ON, Settings, fails

if TYPE_CHECKING:
    from quotecheck.models import Article, DraftReport, InputFailure, Report

__all__ = ["Progress", "main", "write_atomic"]

log = logging.getLogger("quotecheck")


def _exit_help() -> str:
    from quotecheck.codes import EXIT_CODES

    return "exit status:\n" + "\n".join(f"  {code:<4} {meaning}" for code, meaning in EXIT_CODES)


_BACKEND_HELP = (
    "rules: built in, no models (default); stanza: the stanza extra and its English models "
    "(quotecheck models download); auto: stanza when its models are ready, else rules "
    "with a warning"
)
_FAIL_ON_HELP = (
    "exit 1 when a finding is at or above this severity (default: error, or the "
    "fail-on setting); never: always exit 0 when every input was read"
)


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    p = argparse.ArgumentParser(
        prog="quotecheck",
        description="Find every quote in news articles, attribute it, and cross-check the sources.",
        epilog=_exit_help(),
        formatter_class=formatter,
    )
    p.add_argument("--version", action="version", version="quotecheck 0.1.0")
    p.add_argument(
        "-v", "--verbose", action="count", default=0, help="more logging on stderr (-vv: debug)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def common(sp: argparse.ArgumentParser, formats: Sequence[str]) -> None:
        sp.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article files or folders (a folder is read for .txt, .md, .markdown, "
            ".html and .htm files)",
        )
        sp.add_argument(
            "--format", "-f", choices=formats, default=None, help="output format (default: text)"
        )
        sp.add_argument("--output", "-o", type=Path, help="write the report here instead of stdout")
        sp.add_argument("--backend", choices=BACKENDS, default=None, help=_BACKEND_HELP)
        sp.add_argument("--stanza-dir", default=None, help="folder of stanza models")
        sp.add_argument(
            "--jobs", "-j", type=int, default=None, metavar="N", help="extract in N processes"
        )
        sp.add_argument(
            "--config",
            type=Path,
            default=None,
            metavar="DIR",
            help="look for quotecheck.toml or pyproject.toml [tool.quotecheck] from DIR "
            "upwards (default: the current folder)",
        )

    ex = sub.add_parser(
        "extract",
        help="list the quotes, speakers and figures of each article",
        description="List the quotes (with speaker, kind and line:col) and the figures of "
        "each article.",
        epilog=_exit_help(),
        formatter_class=formatter,
    )
    common(ex, ["text", "json", "jsonl"])

    ck = sub.add_parser(
        "check",
        help="cross-check articles and report discrepancies",
        description="Cross-check articles on one story (or, with --draft, a draft against "
        "its sources) and report the discrepancies, findings first.",
        epilog=_exit_help(),
        formatter_class=formatter,
    )
    common(ck, _check_formats())
    ck.add_argument("--fail-on", choices=FAIL_ON, default=None, help=_FAIL_ON_HELP)
    ck.add_argument(
        "--ignore",
        action="append",
        default=None,
        metavar="CODE",
        help="skip a check (code or kind); repeatable",
    )
    ck.add_argument("--registry", default=None, help="people registry (YAML or JSON)")
    ck.add_argument(
        "--show-quotes",
        action="store_true",
        help="text format: also list every article's quotes (as -v does)",
    )
    ck.add_argument(
        "--draft",
        type=Path,
        default=None,
        metavar="DRAFT",
        help="check this unpublished article against the sources (PATH... and --sources)",
    )
    ck.add_argument(
        "--sources",
        nargs="+",
        default=None,
        metavar="PATH",
        help="source articles or folders for --draft (default: the sources setting)",
    )

    md = sub.add_parser("models", help="manage stanza models")
    msub = md.add_subparsers(dest="models_command", metavar="ACTION")
    dl = msub.add_parser(
        "download", help="download the English models quotecheck needs (needs internet)"
    )
    dl.add_argument("--dir", default=None)
    dl.add_argument("--coref", action="store_true", help="also the coreference model")
    st = msub.add_parser("status", help="show where models are looked for and what is there")
    st.add_argument("--dir", default=None)

    rg = sub.add_parser("registry", help="people registry tools")
    rsub = rg.add_subparsers(dest="registry_command", metavar="ACTION")
    wd = rsub.add_parser("from-wikidata", help="convert Wikidata entity JSON into a registry")
    wd.add_argument("entities", nargs="+", type=Path)
    wd.add_argument(
        "--labels",
        type=Path,
        default=None,
        help="JSON map of Qid -> label for positions and countries",
    )
    wd.add_argument("--output", "-o", type=Path, default=None)
    return p


def _check_formats() -> list[str]:
    from quotecheck.report import FORMATS

    return sorted(FORMATS)


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else logging.WARNING
        if verbose == 0
        else logging.INFO
        if verbose == 1
        else logging.DEBUG
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("quotecheck: %(levelname)s: %(message)s"))
    root = logging.getLogger("quotecheck")
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.StreamHandler)]
    root.addHandler(handler)
    root.setLevel(level)


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (a string or its pieces) to ``path`` through a temporary file and
    a rename: a reader (or an interrupted run) never sees a partial file. The file gets
    the mode an ordinary write would give it: an existing file's, else 0666 less the
    umask."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for piece in _pieces(text):
                _Interrupt.check()
                fh.write(piece)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _pieces(text: str | Iterable[str]) -> Iterable[str]:
    """A report as pieces: a string is one piece (iterating it would give characters)."""
    return (text,) if isinstance(text, str) else text


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


class _Interrupt:
    """Ctrl-C that cannot be lost. Python raises KeyboardInterrupt wherever the main
    thread is; raised inside a ``__del__`` (the regex module compiling a pattern) it is
    printed and swallowed, and the run would go on to write its report. The handler also
    records the signal, and the run checks the record between articles and before any
    output is written."""

    seen = False

    @classmethod
    def handler(cls, signum: int, frame: object) -> None:
        cls.seen = True
        raise KeyboardInterrupt

    @classmethod
    def check(cls) -> None:
        if cls.seen:
            raise KeyboardInterrupt


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    """Write a report (a string or its pieces, see
    :func:`quotecheck.report.writer_pieces`) to ``output`` or stdout."""
    _Interrupt.check()
    if output is not None:
        write_atomic(output, text)
        return
    for piece in _pieces(text):
        _Interrupt.check()
        sys.stdout.write(piece)
    sys.stdout.flush()


def _use_color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {
        "backend": getattr(args, "backend", None),
        "stanza_dir": getattr(args, "stanza_dir", None),
        "fail_on": getattr(args, "fail_on", None),
        "registry": getattr(args, "registry", None),
        "jobs": getattr(args, "jobs", None),
        "ignore": tuple(getattr(args, "ignore", None) or ()),
        "sources": tuple(getattr(args, "sources", None) or ()),
    }
    return Settings.load(overrides, cwd=getattr(args, "config", None))


class Progress:
    """``extracting 37/120 …`` on stderr, rewritten in place; only when stderr is a
    terminal and the run is not ``-q`` (logs and CI output never see it). A
    :data:`quotecheck.api.ProgressHook`: the library calls it after each input, and
    it also stops the run there if Ctrl-C was pressed."""

    def __init__(self, label: str, total: int = 0, *, quiet: bool = False) -> None:
        self.label, self.total, self.done = label, total, 0
        self.quiet = quiet
        self.enabled = not quiet and sys.stderr.isatty()

    def __call__(self, done: int, total: int, result: Article | InputFailure) -> None:
        self.done, self.total = done, total
        if self.enabled and total > 0:
            sys.stderr.write(f"\r{self.label} {self.done}/{self.total} …")
            sys.stderr.flush()
        _Interrupt.check()

    def close(self) -> None:
        if self.enabled and self.done > 0:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
        self.enabled = False


def _log_failures(report: Report | DraftReport, args: argparse.Namespace) -> None:
    """Each input that could not be read, once: the text report on the terminal lists
    them itself; for any other format or ``-o`` they go to stderr."""
    if (args.format or "text") == "text" and args.output is None:
        return
    for e in report.errors:
        log.error("%s %s: %s", e.code, e.source, e.message)


def _require_inputs(paths: Sequence[str], what: str) -> None:
    """A usage error when ``paths`` hold no article at all (an empty folder, a folder of
    other files): a run that checked nothing must not pass."""
    from quotecheck.api import INPUT_SUFFIXES, iter_inputs

    if not any(True for _ in iter_inputs(paths)):
        raise _Usage(
            f"no {what} in {', '.join(paths)}: a folder is read for "
            f"{', '.join(INPUT_SUFFIXES)} files (README files are skipped)"
        )


def _cmd_extract(args: argparse.Namespace) -> int:
    from quotecheck.api import extract_many
    from quotecheck.models import Article, InputFailure, Report
    from quotecheck.report import writer_pieces

    settings = _settings(args)
    if not args.paths:
        raise _Usage("extract needs at least one PATH (a file or a folder of articles)")
    _require_inputs(args.paths, "articles")
    progress = Progress("extracting", quiet=args.quiet)
    results = list(
        extract_many(
            args.paths,
            backend=settings.backend,
            stanza_dir=settings.stanza_dir,
            jobs=settings.jobs,
            progress=progress,
        )
    )
    progress.close()
    report = Report(
        articles=tuple(r for r in results if isinstance(r, Article)),
        errors=tuple(r for r in results if isinstance(r, InputFailure)),
    )
    _log_failures(report, args)
    fmt = args.format or "text"
    _emit(writer_pieces(fmt)(report, findings=False, color=_use_color(args.output)), args.output)
    return EXIT_ERROR if report.errors else EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from quotecheck.api import check
    from quotecheck.report import writer_pieces

    settings = _settings(args)
    if args.draft is not None:
        return _cmd_draft(args, settings)
    if not args.paths:
        raise _Usage("check needs at least one PATH (files or folders of articles on one story)")
    _require_inputs(args.paths, "articles")
    progress = Progress("extracting", quiet=args.quiet)
    report = check(args.paths, **_run_options(settings, progress))
    progress.close()
    _log_failures(report, args)
    if len(report.articles) == 1:
        log.warning(
            "only one article was read (%s): nothing to compare it against; the "
            "cross-checks need two or more articles on one story%s",
            report.articles[0].source,
            " (its descriptions were checked against the registry)" if settings.registry else "",
        )
    fmt = args.format or "text"
    show_quotes = args.show_quotes or args.verbose > 0
    pieces = writer_pieces(fmt)(
        report, findings=True, color=_use_color(args.output), show_quotes=show_quotes
    )
    _emit(pieces, args.output)
    return _exit_code(report, settings)


def _run_options(settings: Settings, progress: Progress) -> dict[str, Any]:
    """The keyword arguments :func:`~quotecheck.api.check` and
    :func:`~quotecheck.draft.check_draft` take from the settings."""
    return {
        "registry": settings.registry,
        "ignore": settings.ignore,
        "backend": settings.backend,
        "stanza_dir": settings.stanza_dir,
        "jobs": settings.jobs,
        "progress": progress,
    }


def _exit_code(report: Report | DraftReport, settings: Settings) -> int:
    """The one gate: 2 when an input failed, 1 when the worst finding reaches
    ``fail_on``, else 0."""
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if fails(report.worst(), settings.fail_on) else EXIT_OK


def _cmd_draft(args: argparse.Namespace, settings: Settings) -> int:
    """``check --draft DRAFT``: a verdict per draft quote against the sources."""
    from quotecheck.draft import check_draft
    from quotecheck.report.draft import DRAFT_FORMATS

    fmt = args.format or "text"
    if fmt not in DRAFT_FORMATS:
        formats = list(DRAFT_FORMATS)
        raise _Usage(f"--draft writes {', '.join(formats[:-1])} or {formats[-1]}, not {fmt}")
    wanted = [*settings.sources, *args.paths]
    if not wanted:
        raise _Usage("--draft needs sources: --sources PATH..., PATH..., or the sources setting")
    progress = Progress("extracting", quiet=args.quiet)
    report = check_draft(args.draft, wanted, **_run_options(settings, progress))
    progress.close()
    if not report.sources and not report.errors:
        raise _Usage(
            f"no source articles to check the draft against in {', '.join(wanted)} "
            "(the draft is never its own source)"
        )
    _log_failures(report, args)
    _emit(DRAFT_FORMATS[fmt](report, color=_use_color(args.output)), args.output)
    return _exit_code(report, settings)


def _cmd_models(args: argparse.Namespace) -> int:
    from quotecheck.analysis.models_manager import download_models, models_status

    if args.models_command == "download":
        path = download_models(args.dir, coref=args.coref)
        print(f"models ready in {path}")
        return EXIT_OK
    if args.models_command == "status":
        status = models_status(args.dir)
        print(status.describe())
        return EXIT_OK if status.ready else EXIT_ERROR
    raise _Usage("models needs an action: download or status")


def _cmd_registry(args: argparse.Namespace) -> int:
    from quotecheck.crosscheck import convert_wikidata

    if args.registry_command != "from-wikidata":
        raise _Usage("registry needs an action: from-wikidata")
    data = convert_wikidata(args.entities, args.labels)
    _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK


class _Usage(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    _setup_logging(args.verbose, args.quiet)
    handlers = {
        "extract": _cmd_extract,
        "check": _cmd_check,
        "models": _cmd_models,
        "registry": _cmd_registry,
    }
    if args.command not in handlers:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    _Interrupt.seen = False
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _Interrupt.handler)
    try:
        return handlers[args.command](args)
    except _Usage as exc:
        print(f"quotecheck {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except QuotecheckError as exc:
        print(f"quotecheck: error {exc.code}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("quotecheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
