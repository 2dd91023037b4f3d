"""Where a span is in its file: lines and columns from character offsets.

Offsets in quotecheck's results are code points into each decoded original input;
editors, terminals and CI annotations want ``file:line:col``. :class:`Locator`
re-reads each source once (with ingestion's decoding) to turn one into the other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from quotecheck.models import Evidence

__all__ = ["LineIndex", "Locator", "Position"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Position:
    """A span as lines and columns: 1-based, columns in code points, end column exclusive."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


class LineIndex:
    """Line starts of one text (``\\n``, ``\\r\\n`` and ``\\r`` all end a line, as in ingestion)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def position(self, start: int, end: int) -> Position:
        sl, sc = self.line_col(start)
        el, ec = self.line_col(max(start, end))
        return Position(sl, sc, el, ec)


@dataclass
class Locator:
    """Turns evidence offsets into lines and columns by re-reading (and caching) sources."""

    root: Path | None = None
    _cache: dict[str, LineIndex | None] = field(default_factory=dict)

    def index(self, source: str) -> LineIndex | None:
        if source not in self._cache:
            self._cache[source] = self._load(source)
        return self._cache[source]

    @staticmethod
    def _load(source: str) -> LineIndex | None:
        from quotecheck.ingest.decode import decode

        try:
            data = Path(source).read_bytes()
            return LineIndex(decode(data, source).text)
        except Exception:  # unreadable, a string source, or no longer decodable
            return None

    def position(self, ev: Evidence) -> Position | None:
        idx = self.index(ev.source)
        if idx is None or ev.end > idx.length:
            return None
        return idx.position(ev.start, ev.end)

    def uri(self, source: str) -> str:
        """The source as a URI: relative to ``root`` (default: the current folder) if inside it."""
        path = Path(source)
        root = (self.root or Path.cwd()).resolve()
        try:
            resolved = path.resolve()
        except OSError:  # pragma: no cover
            return path.as_posix()
        try:
            return resolved.relative_to(root).as_posix()
        except ValueError:
            return resolved.as_uri() if path.is_absolute() or path.exists() else path.as_posix()

    def where(self, source: str, start: int, end: int | None = None) -> str:
        """``source:line:col`` of ``start`` (1-based), or ``source:start-end`` in
        characters when the source cannot be re-read (a string, a moved file)."""
        idx = self.index(source)
        if idx is None or start > idx.length:
            return f"{source}:{start}-{end if end is not None else start}"
        line, col = idx.line_col(start)
        return f"{source}:{line}:{col}"
