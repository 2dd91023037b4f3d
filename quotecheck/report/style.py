"""What the plain-text writers share: terminal colours and shortening a span for one line."""

from __future__ import annotations

__all__ = ["paint", "plural", "shorten"]

_COLORS = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "info": "\033[36m",
    "bold": "\033[1m",
    "dim": "\033[2m",
}
_RESET = "\033[0m"


def paint(text: str, key: str, color: bool) -> str:
    """``text`` in the colour of ``key`` (a severity, ``bold`` or ``dim``) when ``color``."""
    return f"{_COLORS[key]}{text}{_RESET}" if color else text


def shorten(text: str, n: int = 90, ellipsis: str = "…") -> str:
    """``text`` on one line (runs of whitespace folded) and at most ``n`` characters,
    cut with ``ellipsis``."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - len(ellipsis)] + ellipsis


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles`` (``many`` for an irregular plural)."""
    return f"{n} {word if n == 1 else many or word + 's'}"
