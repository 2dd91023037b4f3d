"""Word lists the cross-check reads, kept as data files in ``crosscheck/data``.

Same format as :mod:`quotecheck.lexicons`: one entry per line, ``#`` comments,
``key<TAB>value`` for mappings. Extra folders named by ``QUOTECHECK_LEXICON_DIR``
add entries to these lists, as they do for the lexicons.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from quotecheck.errors import ConfigError
from quotecheck.lexicons import lexicon_dirs


def _lines(name: str) -> list[tuple[str, int, str]]:
    texts = [
        (
            f"quotecheck/crosscheck/data/{name}",
            resources.files("quotecheck.crosscheck").joinpath("data", name).read_text("utf-8"),
        )
    ]
    for folder in lexicon_dirs():
        path = folder / name
        if path.is_file():
            try:
                texts.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read word list ({exc})", source=str(path)) from exc
    out: list[tuple[str, int, str]] = []
    for where, text in texts:
        for n, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if line:
                out.append((where, n, line))
    return out


@cache
def words(name: str) -> frozenset[str]:
    """A set word list, lower-cased."""
    return frozenset(line.lower() for _, _, line in _lines(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """A ``key<TAB>value`` list; keys lower-cased."""
    out: dict[str, str] = {}
    for where, n, line in _lines(name):
        key, tab, value = line.partition("\t")
        if not tab:
            raise ConfigError(f"line {n} has no tab between key and value: {line!r}", source=where)
        out[key.strip().lower()] = value.strip()
    return out


@cache
def pairs(name: str) -> frozenset[frozenset[str]]:
    """A list of unordered word pairs (``a<TAB>b``)."""
    return frozenset(frozenset((k, v.lower())) for k, v in _pairs_raw(name))


def _pairs_raw(name: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for where, n, line in _lines(name):
        key, tab, value = line.partition("\t")
        if not tab:
            raise ConfigError(f"line {n} has no tab between the two words: {line!r}", source=where)
        out.append((key.strip().lower(), value.strip()))
    return out
