"""Lexicons as data: reporting verbs, titles and roles, demonyms, organisation cues.

Each lexicon is a plain text file in this folder, one entry per line, ``#`` for
comments; mapping lexicons use ``key<TAB>value`` (or `` = ``). A newsroom can
extend them without editing Python: set ``QUOTECHECK_LEXICON_DIR`` (or pass
``extra_dirs``) to a folder holding files of the same names, whose entries are
added to the packaged ones.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from quotecheck.errors import ConfigError

__all__ = ["lexicon_dirs", "load_list", "load_map"]


def lexicon_dirs() -> tuple[Path, ...]:
    """Extra lexicon folders from ``QUOTECHECK_LEXICON_DIR`` (``os.pathsep``-separated)."""
    raw = os.environ.get("QUOTECHECK_LEXICON_DIR", "")
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
def load_list(name: str, extra_dirs: tuple[Path, ...] | None = None) -> frozenset[str]:
    """A set lexicon (one entry per line)."""
    dirs = lexicon_dirs() if extra_dirs is None else extra_dirs
    return frozenset(line for _, _, line in _lines(name, dirs))


@lru_cache(maxsize=64)
def load_map(name: str, extra_dirs: tuple[Path, ...] | None = None) -> dict[str, str]:
    """A mapping lexicon (``key<TAB>value`` or ``key = value`` per line)."""
    dirs = lexicon_dirs() if extra_dirs is None else extra_dirs
    out: dict[str, str] = {}
    for where, n, line in _lines(name, dirs):
        if "\t" in line:
            key, _, value = line.partition("\t")
        elif " = " in line:
            key, _, value = line.partition(" = ")
        else:
            raise ConfigError(
                f"line {n} has no tab or ' = ' between key and value: {line!r}", source=where
            )
        out[key.strip()] = value.strip()
    return out
