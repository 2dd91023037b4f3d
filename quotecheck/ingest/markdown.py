"""Minimal Markdown stripping: only the syntax that would confuse quote detection.

Per line, what is removed: heading markers (``# `` ... and closing ``#``s), blockquote
markers (``> ``), list bullets (``- ``, ``* ``, ``+ ``), images (``![alt](url)``), the
URL part of links (``[text](url)`` keeps ``text``), link reference definitions, code
fence lines and horizontal rules. Emphasis markers (``*``, ``_``) stay: they never look
like quote marks. The result is a list of kept character ranges per line, so the kept
text maps exactly onto the Markdown source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

_FENCE = regex.compile(r"\s{0,3}(?:```|~~~)")
_RULE = regex.compile(r"\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})")
_REFDEF = regex.compile(r"\s{0,3}\[[^\]\n]{1,200}\]:\s*\S+.*")
_PREFIX = regex.compile(r"\s{0,3}(?:(?P<heading>#{1,6})\s+|(?:>\s?){1,6}|[-*+]\s+)")
_CLOSING_HASHES = regex.compile(r"\s+#+\s*$")
_INLINE = regex.compile(
    r"(?P<image>!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\))"
    r"|\[(?P<label>[^\]\n]{0,300})\](?:\((?P<url>[^)\n]{0,500})\)|\[[^\]\n]{0,100}\])"
)
TIMEOUT = 0.05


@dataclass(frozen=True, slots=True)
class MarkdownLine:
    """The character ranges (relative to the line) to keep, and the heading level (0: none)."""

    keep: tuple[tuple[int, int], ...]
    heading: int = 0


def strip_markdown(lines: Sequence[str]) -> list[MarkdownLine]:
    """One :class:`MarkdownLine` per input line (an empty ``keep`` drops the line's text)."""
    out: list[MarkdownLine] = []
    for line in lines:
        try:
            out.append(_strip_line(line))
        except TimeoutError:
            out.append(MarkdownLine(((0, len(line)),)))
    return out


def _strip_line(line: str) -> MarkdownLine:
    if _FENCE.match(line, timeout=TIMEOUT) or _REFDEF.fullmatch(line, timeout=TIMEOUT):
        return MarkdownLine(())
    if line.strip() and _RULE.fullmatch(line, timeout=TIMEOUT):
        return MarkdownLine(())
    start, end, heading = 0, len(line), 0
    prefix = _PREFIX.match(line, timeout=TIMEOUT)
    if prefix:
        start = prefix.end()
        if prefix.group("heading"):
            heading = len(prefix.group("heading"))
            closing = _CLOSING_HASHES.search(line, pos=start, timeout=TIMEOUT)
            if closing:
                end = closing.start()
    keep: list[tuple[int, int]] = []
    pos = start
    for m in _INLINE.finditer(line, start, end, timeout=TIMEOUT):
        if m.start() > pos:
            keep.append((pos, m.start()))
        if m.group("label") is not None:
            keep.append((m.start("label"), m.end("label")))
        pos = m.end()
    if pos < end:
        keep.append((pos, end))
    return MarkdownLine(tuple((a, b) for a, b in keep if b > a), heading)
