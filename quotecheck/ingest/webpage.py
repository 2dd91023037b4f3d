"""HTML input: trafilatura extracts the article, then every paragraph is found in the source.

trafilatura (the optional extra ``quotecheck[html]``) is imported inside
:func:`extract_html` only, so ``import quotecheck`` never imports it.

Offsets map back into the *HTML source*. The source's visible text is rebuilt with a
position map (tags, comments, ``<script>``/``<style>``/``<title>`` skipped; entities
unescaped, each standing for its whole ``&...;``). Each extracted paragraph is then
searched for, in order, in that visible text with all whitespace ignored (trafilatura
collapses whitespace and may break lines at ``<br>``). Found characters map to their
exact source characters (an entity maps to the entity); whitespace maps to the source
stretch between its neighbours. A paragraph that cannot be found maps to an empty range
at the position where the previous paragraph ended, with ``QC-W105``.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

import regex

from quotecheck.errors import MissingDependencyError
from quotecheck.ingest.offsets import Mapped, Run, add_run, concat

TIMEOUT = 2.0
_TOKEN = regex.compile(
    r"(?P<skip><!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|noscript|template|title|textarea)\b[^>]*>.*?</(?P=raw)\s*>"
    r"|</?[A-Za-z!?][^>]*>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)",
    regex.DOTALL | regex.IGNORECASE,
)
_BLOCKS = frozenset({"list", "table", "row", "quote", "div", "body"})


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found: paragraphs (mapped to the source) and page metadata."""

    paragraphs: tuple[Mapped, ...]
    title: str | None
    page_date: dt.date | None
    byline_date_text: str
    unmapped: tuple[int, ...]


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingDependencyError("HTML input", "html", "trafilatura") from exc
    return trafilatura


def visible_text(source: str) -> Mapped:
    """The text a browser would show (roughly), each character mapped into ``source``."""
    parts: list[Mapped] = []
    pos = 0
    try:
        tokens = list(_TOKEN.finditer(source, timeout=TIMEOUT))
    except TimeoutError:
        tokens = []
    for m in tokens:
        if m.start() > pos:
            parts.append(Mapped.identity(source, pos, m.start()))
        if m.group("entity"):
            char = html.unescape(m.group("entity"))
            parts.append(Mapped.replacement(char, m.start(), m.end()))
        pos = m.end()
    if pos < len(source):
        parts.append(Mapped.identity(source, pos, len(source)))
    return concat(parts)


def _block_texts(element: Any) -> list[str]:
    out: list[str] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _BLOCKS and any(isinstance(c.tag, str) and c.tag != "lb" for c in child):
            out.extend(_block_texts(child))
            continue
        text = _inline_text(child).strip()
        if text:
            out.append(text)
    return out


def _inline_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Locator:
    """Finds extracted paragraphs, in order, in the visible text of the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.visible = visible_text(source)
        # per visible character: looked up once per located character
        self.starts, self.ends = self.visible.starts, self.visible.ends
        keep = [i for i, ch in enumerate(self.visible.text) if not ch.isspace()]
        self.index = keep
        self.dense = "".join(self.visible.text[i] for i in keep)
        self.cursor = 0  # in ``dense``
        self.orig_cursor = 0  # in ``source``

    def locate(self, paragraph: str) -> Mapped | None:
        """``paragraph`` mapped into the source, or ``None`` when it is not found."""
        dense_chars = [i for i, ch in enumerate(paragraph) if not ch.isspace()]
        dense = "".join(paragraph[i] for i in dense_chars)
        if not dense:
            return None
        at = self.dense.find(dense, self.cursor)
        if at < 0:
            return None
        # the runs of concat(identity or replacement per character and per gap), made
        # directly: one Mapped per character would cost more than the whole search
        runs: list[Run] = []
        prev_end: int | None = None
        prev_p = 0
        for t, p in enumerate(dense_chars):
            vi = self.index[at + t]
            start, end = self.starts[vi], self.ends[vi]
            if p > prev_p and prev_end is not None:  # whitespace between two characters
                gap = paragraph[prev_p:p]
                if self.source[prev_end:start] == gap:
                    add_run(runs, (start - prev_end, prev_end, start, True))
                else:
                    add_run(runs, (len(gap), prev_end, max(start, prev_end), False))
            identity = end - start == 1 and self.source[start] == paragraph[p]
            add_run(runs, (1, start, end, identity))
            prev_end, prev_p = end, p + 1
        self.cursor = at + len(dense)
        self.orig_cursor = prev_end if prev_end is not None else self.orig_cursor
        return Mapped(paragraph[dense_chars[0] : dense_chars[-1] + 1], runs)

    def between(self, start: int, end: int) -> str:
        """Visible text of ``source[start:end]``."""
        return "".join(
            ch for ch, s in zip(self.visible.text, self.starts, strict=True) if start <= s < end
        )


def extract_html(source: str) -> Extracted:
    """Run trafilatura on the HTML ``source`` and map its paragraphs back into it."""
    trafilatura = _trafilatura()
    doc = trafilatura.bare_extraction(
        source, with_metadata=True, include_comments=False, include_tables=True
    )
    if doc is None:
        return Extracted((), None, None, "", ())

    def get(key: str) -> Any:  # trafilatura >= 2 returns a Document, 1.x a dict
        return doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)

    body = get("body")
    texts = _block_texts(body) if body is not None else (get("text") or "").splitlines()
    locator = _Locator(source)
    mapped: list[Mapped] = []
    unmapped: list[int] = []
    for i, text in enumerate(t.strip() for t in texts):
        if not text:
            continue
        found = locator.locate(text)
        if found is None:
            unmapped.append(i)
            found = Mapped.replacement(text, locator.orig_cursor, locator.orig_cursor)
        mapped.append(found)
    byline = ""
    if len(mapped) >= 2 and mapped[0].text and mapped[1].text:
        first_end = mapped[0].end_at(len(mapped[0].text) - 1)
        byline = locator.between(first_end, mapped[1].start_at(0))[:300]
    page_date = _as_date(get("date"))
    title = get("title")
    return Extracted(
        tuple(mapped), str(title) if title else None, page_date, byline, tuple(unmapped)
    )


def _as_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
