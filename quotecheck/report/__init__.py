"""Report writers, one module per format. :data:`FORMATS` maps a name to a writer
``(report, *, findings, color) -> str``; ``extract`` output uses the
``json``/``jsonl``/``text`` ones, ``check --draft`` those of
:data:`quotecheck.report.draft.DRAFT_FORMATS`.

A writer's module is imported when the writer is first looked up, so a run that
writes text never imports the SARIF, JUnit or HTML writers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

__all__ = [
    "FORMATS",
    "Writer",
    "render_github",
    "render_html",
    "render_json",
    "render_jsonl",
    "render_junit",
    "render_sarif",
    "render_text",
    "writer_pieces",
]

Writer = Callable[..., str]

_WRITERS: dict[str, tuple[str, str]] = {
    "text": ("text_report", "render_text"),
    "json": ("json_report", "render_json"),
    "jsonl": ("json_report", "render_jsonl"),
    "sarif": ("sarif", "render_sarif"),
    "junit": ("junit", "render_junit"),
    "github": ("github", "render_github"),
    "html": ("html_report", "render_html"),
}


def _load(module: str, name: str) -> Writer:
    writer: Writer = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return writer


class _LazyWriters(Mapping[str, Writer]):
    """A read-only map of format name -> writer that imports a writer on first use."""

    def __init__(self, table: dict[str, tuple[str, str]]) -> None:
        self._table = table

    def __getitem__(self, name: str) -> Writer:
        return _load(*self._table[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


FORMATS: Mapping[str, Writer] = _LazyWriters(_WRITERS)
"""Every ``check`` output format by name."""

_BY_FUNCTION = {fn: (module, fn) for module, fn in _WRITERS.values()}

#: Formats whose writer also comes a piece at a time (a large report is written without
#: holding all of it): name -> (module, function yielding the pieces).
_PIECEWISE: dict[str, tuple[str, str]] = {
    "text": ("text_report", "iter_text"),
    "json": ("json_report", "iter_json"),
    "jsonl": ("json_report", "iter_jsonl"),
}


def writer_pieces(name: str) -> Callable[..., Iterable[str]]:
    """The writer of format ``name`` as pieces of text that join to what
    ``FORMATS[name]`` returns: one piece per article, finding and error for the JSON
    formats, per line for text, the whole text as one piece for the others."""
    if name in _PIECEWISE:
        module, fn = _PIECEWISE[name]
        pieces: Callable[..., Iterable[str]] = getattr(
            importlib.import_module(f"{__name__}.{module}"), fn
        )
        return pieces
    whole = FORMATS[name]
    return lambda report, **options: (whole(report, **options),)


def __getattr__(name: str) -> Any:
    if name in _BY_FUNCTION:
        return _load(*_BY_FUNCTION[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
