"""Lexicons as data: every word list quotecheck reads, for extraction and the cross-check.

Each lexicon is a plain text file in this folder, one entry per line, ``#`` for
comments; mapping lexicons use ``key<TAB>value`` (or `` = ``), pair lists ``a<TAB>b``.
A newsroom can extend them without editing Python: set ``QUOTECHECK_LEXICON_DIR`` (or
pass ``extra_dirs``) to a folder holding files of the same names, whose entries are
added to the packaged ones. This module is the one loader; ``lower=True`` gives the
case-folded form the cross-check compares in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

from quotecheck.errors import ConfigError

__all__ = ["countries", "lexicon_dirs", "load_list", "load_map", "load_pairs", "pinned"]


_PINNED: tuple[Path, ...] | None = None


def lexicon_dirs() -> tuple[Path, ...]:
    """Extra lexicon folders from ``QUOTECHECK_LEXICON_DIR`` (``os.pathsep``-separated),
    or those :func:`pinned` holds."""
    if _PINNED is not None:
        return _PINNED
    return _dirs(os.environ.get("QUOTECHECK_LEXICON_DIR", ""))


@contextmanager
def pinned() -> Iterator[tuple[Path, ...]]:
    """Hold the current lexicon folders for the length of a ``with`` block, so the table
    look-ups inside do not read the environment again: a large cross-check asks millions
    of times (a 10,000-article check: 7 million, about 5 s)."""
    global _PINNED
    before = _PINNED
    _PINNED = lexicon_dirs()
    try:
        yield _PINNED
    finally:
        _PINNED = before


@lru_cache(maxsize=8)
def _dirs(raw: str) -> tuple[Path, ...]:
    # read on every table look-up (millions of times in a large check): parsed once
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


def _lines(name: str, extra_dirs: tuple[Path, ...]) -> list[tuple[str, int, str]]:
    out: list[tuple[str, int, str]] = []
    pkg = resources.files("quotecheck.lexicons").joinpath(name)
    texts: list[tuple[str, str]] = []
    if not pkg.is_file():
        raise ConfigError(f"no packaged lexicon named {name!r}", source=name)
    texts.append((f"quotecheck/lexicons/{name}", pkg.read_text(encoding="utf-8")))
    for d in extra_dirs:
        p = d / name
        if p.is_file():
            try:
                texts.append((str(p), p.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"cannot read lexicon file ({exc}); fix or remove it", source=str(p)
                ) from exc
    for where, text in texts:
        for n, line in enumerate(text.splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if line:
                out.append((where, n, line))
    return out


@lru_cache(maxsize=64)
def load_list(
    name: str, extra_dirs: tuple[Path, ...] | None = None, *, lower: bool = False
) -> frozenset[str]:
    """A set lexicon (one entry per line); ``lower``: every entry lower-cased."""
    dirs = lexicon_dirs() if extra_dirs is None else extra_dirs
    return frozenset(line.lower() if lower else line for _, _, line in _lines(name, dirs))


def _split(where: str, n: int, line: str) -> tuple[str, str]:
    if "\t" in line:
        key, _, value = line.partition("\t")
    elif " = " in line:
        key, _, value = line.partition(" = ")
    else:
        raise ConfigError(
            f"line {n} has no tab or ' = ' between key and value: {line!r}", source=where
        )
    return key.strip(), value.strip()


@lru_cache(maxsize=64)
def load_map(
    name: str, extra_dirs: tuple[Path, ...] | None = None, *, lower: bool = False
) -> dict[str, str]:
    """A mapping lexicon (``key<TAB>value`` or ``key = value`` per line); ``lower``: keys
    lower-cased (values as written)."""
    dirs = lexicon_dirs() if extra_dirs is None else extra_dirs
    out: dict[str, str] = {}
    for where, n, line in _lines(name, dirs):
        key, value = _split(where, n, line)
        out[key.lower() if lower else key] = value
    return out


@lru_cache(maxsize=16)
def load_pairs(name: str, extra_dirs: tuple[Path, ...] | None = None) -> frozenset[frozenset[str]]:
    """A list of unordered pairs (``a<TAB>b`` per line), lower-cased."""
    dirs = lexicon_dirs() if extra_dirs is None else extra_dirs
    return frozenset(
        frozenset(w.lower() for w in _split(where, n, line))
        for where, n, line in _lines(name, dirs)
    )


@lru_cache(maxsize=4)
def countries(extra_dirs: tuple[Path, ...] | None = None) -> dict[str, str]:
    """Every way an article names a country (``countries.tsv``: its name; ``demonyms.tsv``:
    demonym, adjective, possessive) lower-cased -> the country. A key with a final dot is
    also there without it (``u.s.`` and ``u.s``), as words reach the look-up stripped."""
    out: dict[str, str] = {}
    for table in ("demonyms.tsv", "countries.tsv"):
        for key, value in load_map(table, extra_dirs, lower=True).items():
            out[key] = value
            out.setdefault(key.rstrip("."), value)
    return out
