"""The ingestion stage: one input in, one :class:`Ingested` out.

``ingest_path`` / ``ingest_bytes`` / ``ingest_text`` run, in order::

    read -> decode (decode.py) -> per line: Markdown stripping (markdown.py), mojibake
    repair (repair.py) -> boilerplate (boilerplate.py) -> repeated body (duplicates.py)
    -> title and date (metadata.py) -> canonical text + segment map (offsets.py)

HTML (``.html``/``.htm``) goes through trafilatura instead of the line reader
(webpage.py), then through the same repair, boilerplate, duplicate and metadata steps.

The canonical text is the kept lines joined by newlines. Every line ending (``\\n``,
``\\r\\n`` or ``\\r``) becomes ``\\n``; a ``\\r\\n`` is a two-character segment of its own,
so the text of every line keeps an exact one-to-one mapping. Where removed lines stood
between two kept lines, at most one blank line is kept for the paragraph break.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from quotecheck.errors import InputError, QuotecheckError, UnreadableInputError
from quotecheck.ingest.boilerplate import find_boilerplate
from quotecheck.ingest.decode import check_text, decode
from quotecheck.ingest.diagnostics import diagnostic
from quotecheck.ingest.duplicates import Paragraphs
from quotecheck.ingest.markdown import strip_markdown
from quotecheck.ingest.metadata import day_dates, pick_date, pick_title
from quotecheck.ingest.offsets import Mapped, build_segments, concat, join_spans
from quotecheck.ingest.repair import repair, repair_text, repairs_nothing
from quotecheck.models import Diagnostic, InputFailure, Segment

logger = logging.getLogger("quotecheck.ingest")

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_LINE_END = re.compile(r"\r\n|\r|\n")  # literals only: linear, no timeout needed


@dataclass(frozen=True, slots=True)
class Ingested:
    """One input after ingestion: canonical text, its map to the original, metadata.

    Offsets in ``segments`` refer to ``original``: the decoded input *after* any byte-order
    mark was removed (for HTML, the HTML source). For every identity segment,
    ``original[map_offset(s)] ... [map_offset(e)] == text[s:e]``.
    """

    source: str
    text: str
    segments: tuple[Segment, ...]
    original_length: int
    title: str | None
    date: dt.date | None
    diagnostics: tuple[Diagnostic, ...]
    original: str


def _kind(suffix: str) -> str:
    suffix = suffix.lower()
    if not suffix.startswith("."):
        suffix = "." + suffix
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "md"
    return "text"


def ingest_text(text: str, *, source: str = "<string>") -> Ingested:
    """Ingest a string. A ``source`` ending in ``.html``/``.htm``/``.md`` selects that format.

    A leading U+FEFF (a byte-order mark left in the string) is skipped: it is not part of
    the canonical text, and offsets still count it, since they refer to ``text`` as given.
    """
    check_text(text, source)
    return _ingest(text, source, _kind(PurePath(source).suffix), ())


def ingest_bytes(data: bytes, *, source: str, suffix: str = ".txt") -> Ingested:
    """Decode and ingest raw bytes; ``suffix`` (``.txt``, ``.md``, ``.html`` ...) selects the format."""
    decoded = decode(data, source)
    return _ingest(decoded.text, source, _kind(suffix), decoded.diagnostics)


def ingest_path(path: str | os.PathLike[str]) -> Ingested:
    """Read and ingest one file; raises an :class:`~quotecheck.errors.InputError` subclass."""
    source = os.fspath(path)
    return ingest_bytes(_read(source), source=source, suffix=PurePath(source).suffix)


def ingest_many(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Ingested | InputFailure]:
    """Ingest each path in turn; an input that fails yields an :class:`InputFailure`, never raises."""
    for path in paths:
        source = os.fspath(path)
        try:
            yield ingest_path(source)
        except QuotecheckError as exc:
            # the failure is returned, and the caller reports it once (the CLI on stderr)
            logger.info("%s: %s %s", source, exc.code, exc.message)
            yield InputFailure(source=source, code=exc.code, message=exc.message)
        except Exception as exc:  # a bug must not stop the batch; it is logged in full
            logger.exception("%s: unexpected error while ingesting", source)
            yield InputFailure(
                source=source,
                code=InputError.code,
                message=f"unexpected error while ingesting ({exc!r}); please report this bug",
            )


def _read(source: str) -> bytes:
    def fail(what: str) -> UnreadableInputError:
        return UnreadableInputError(what, source=source)

    try:
        info = os.stat(source)
        if stat.S_ISDIR(info.st_mode):
            raise fail("is a directory, not a file; pass the files inside it (e.g. dir/*.txt)")
        if not stat.S_ISREG(info.st_mode):
            raise fail("is not a regular file (a pipe, socket or device); pass a regular file")
        with open(source, "rb") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise fail(
            "does not exist (or is a broken symbolic link); check the path, "
            "relative paths are resolved from the current directory"
        ) from exc
    except PermissionError as exc:
        raise fail("cannot be read: permission denied; check the file's permissions") from exc
    except IsADirectoryError as exc:
        raise fail("is a directory, not a file; pass the files inside it") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail("is a symbolic link loop; point the path at the real file") from exc
        raise fail(f"cannot be read ({exc.strerror or exc}); check the path and the disk") from exc


def _split_lines(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, after_terminator)`` per line; ``\\r\\n``, ``\\r`` and ``\\n`` end lines."""
    lines: list[tuple[int, int, int]] = []
    start = 1 if text.startswith("\ufeff") else 0
    n = len(text)
    if "\r" in text:
        for m in _LINE_END.finditer(text, start):
            lines.append((start, m.start(), m.end()))
            start = m.end()
    else:  # the common case: only \n ends lines, and str.split finds them faster
        for part in text[start:].split("\n")[:-1]:
            end = start + len(part)
            lines.append((start, end, end + 1))
            start = end + 1
    if start < n or not lines:
        lines.append((start, n, n))
    return lines


_Piece = tuple[int, int] | Mapped
"""Part of the canonical text: ``(start, end)`` for ``original[start:end]`` unchanged."""


def _newline(original: str, end: int, after: int) -> _Piece:
    if original[end:after] == "\n":
        return (end, after)
    return Mapped.replacement("\n", end, after)


def _joined(original: str, pieces: list[_Piece]) -> tuple[str, tuple[Segment, ...]]:
    """The canonical text made of ``pieces`` and its segment map onto ``original``."""
    spans = [p for p in pieces if isinstance(p, tuple)]
    if len(spans) == len(pieces):  # nothing repaired, only \n line ends: no lists needed
        return join_spans(original, spans)
    out = concat(p if isinstance(p, Mapped) else Mapped.identity(original, *p) for p in pieces)
    return out.text, build_segments(out, original)


def _ingest(original: str, source: str, kind: str, diags: Sequence[Diagnostic]) -> Ingested:
    if kind == "html":
        return _ingest_html(original, source, list(diags))
    diagnostics = list(diags)
    lines = _split_lines(original)
    raw = [original[s:e] for s, e, _ in lines]
    md = strip_markdown(raw) if kind == "md" else None
    # None: the line exactly as it stands in ``original`` (its Mapped is made only if kept)
    mapped: list[Mapped | None] = []
    texts: list[str] = []
    repaired: list[int] = []
    if md is None and repairs_nothing(original):  # one scan instead of one per line
        mapped, texts = [None] * len(lines), raw
        lines_to_repair: Sequence[tuple[int, int, int]] = ()
    else:
        lines_to_repair = lines
    for index, (start, end, _) in enumerate(lines_to_repair):
        if md is None:
            fixed_text = repair_text(raw[index])
            if fixed_text == raw[index]:
                mapped.append(None)
                texts.append(fixed_text)
                continue
            line = Mapped.identity(original, start, end)
            fixed = line.retext(fixed_text)
        else:
            line = concat(
                Mapped.identity(original, start + a, start + b) for a, b in md[index].keep
            )
            fixed = repair(line)
        if fixed.text != line.text:
            repaired.append(index)
        mapped.append(fixed)
        texts.append(fixed.text)
    if repaired:
        diagnostics.append(
            diagnostic(
                "QC-W107",
                f"repaired mis-decoded characters (mojibake) on {len(repaired)} line(s), "
                f"first on line {repaired[0] + 1}; curly quotes were kept",
                source,
            )
        )
    removed = _boilerplate(texts, source, diagnostics)
    if md is not None:  # lines that were only Markdown syntax (rules, images, fences)
        removed |= {i for i, line in enumerate(md) if not line.keep and raw[i].strip()}
    content = [i for i, t in enumerate(texts) if t.strip() and i not in removed]
    dropped = _repeated_body(content, texts, source, diagnostics)
    kept = [i for i in content if i not in dropped]

    title = None
    if md is not None:
        title = next((texts[i].strip() for i in kept if md[i].heading == 1), None)
    if title is None:
        title = pick_title([texts[i] for i in kept])
    kept_texts = [texts[i] for i in kept]
    date, note = pick_date(
        kept_texts,
        [texts[i] for i in sorted(removed)],
        title_line=_line_of(kept_texts, title),
    )
    if note:
        diagnostics.append(diagnostic("QC-W104", note, source))

    pieces: list[_Piece] = []
    prev: int | None = None
    for i in kept:
        if prev is not None:
            pieces.append(_newline(original, lines[prev][1], lines[prev][2]))
            gap = range(prev + 1, i)
            blanks = [k for k in gap if not texts[k].strip() and k not in removed]
            if any(k in removed or k in dropped for k in gap):
                blanks = blanks[-1:]
            for k in blanks:
                pieces.append(_newline(original, lines[k][1], lines[k][2]))
        line_i = mapped[i]
        pieces.append(line_i if line_i is not None else (lines[i][0], lines[i][1]))
        prev = i
    text, segments = _joined(original, pieces)
    return _finish(source, original, text, segments, title, date, diagnostics)


def _boilerplate(texts: list[str], source: str, diagnostics: list[Diagnostic]) -> set[int]:
    found = find_boilerplate(texts)
    shown = [texts[i].strip() for i in sorted(found.removed) if texts[i].strip()]
    if shown:
        examples = ", ".join(repr(s[:40]) for s in list(dict.fromkeys(shown))[:3])
        diagnostics.append(
            diagnostic(
                "QC-W103",
                f"removed {len(shown)} line(s) of page furniture, e.g. {examples}",
                source,
            )
        )
    if found.timed_out:
        diagnostics.append(
            diagnostic(
                "QC-W108",
                f"a boilerplate pattern timed out on {len(found.timed_out)} line(s) "
                f"(first: line {min(found.timed_out) + 1}); those lines were kept",
                source,
            )
        )
    return found.removed


def _repeated_body(
    content: list[int], texts: list[str], source: str, diagnostics: list[Diagnostic]
) -> set[int]:
    """Indexes of the lines of a second copy of the body (lines first, then blank-line blocks)."""
    paragraphs = Paragraphs([texts[i] for i in content])
    units: list[list[int]] = [[k] for k in range(len(content))]  # indexes into content
    repeat = paragraphs.find_repeat(units)
    if repeat is None:
        blocks: list[list[int]] = []
        for k, i in enumerate(content):
            # no blank line since the previous content line (removed lines may stand there)
            if blocks and all(map(str.strip, texts[content[k - 1] + 1 : i])):
                blocks[-1].append(k)
            else:
                blocks.append([k])
        if len(blocks) < len(units):  # else the blocks are the lines: the same answer again
            units = blocks
            repeat = paragraphs.find_repeat(units)
    if repeat is None:
        return set()
    second = [
        [content[k] for k in unit] for unit in units[repeat.second : repeat.second + repeat.length]
    ]
    first = [content[k] for k in units[repeat.first]]
    drop = {i for unit in second for i in unit}
    diagnostics.append(
        diagnostic(
            "QC-W101",
            f"the article body appears twice; kept the copy starting on line {first[0] + 1}, "
            f"dropped {len(drop)} repeated line(s) from line {second[0][0] + 1} "
            f"to line {second[-1][-1] + 1}",
            source,
        )
    )
    return drop


def _ingest_html(original: str, source: str, diagnostics: list[Diagnostic]) -> Ingested:
    from quotecheck.ingest.webpage import extract_html

    extracted = extract_html(original)
    if extracted.unmapped:
        diagnostics.append(
            diagnostic(
                "QC-W105",
                f"{len(extracted.unmapped)} extracted paragraph(s) could not be found in the "
                "HTML source; their offsets point at the end of the previous paragraph",
                source,
            )
        )
    paragraphs = [repair(p) for p in extracted.paragraphs]
    texts = [p.text for p in paragraphs]
    removed = _boilerplate(texts, source, diagnostics)
    content = [i for i, t in enumerate(texts) if t.strip() and i not in removed]
    dropped = _repeated_body(content, texts, source, diagnostics)
    kept = [i for i in content if i not in dropped]
    title = extracted.title or pick_title([texts[i] for i in kept])
    byline = day_dates(extracted.byline_date_text)
    kept_texts = [texts[i] for i in kept]
    date, note = pick_date(
        kept_texts,
        title_line=_line_of(kept_texts, title),
        page_date=extracted.page_date,
        byline=byline[0].date if byline else None,
    )
    if note:
        diagnostics.append(diagnostic("QC-W104", note, source))
    parts: list[Mapped] = []
    at = 0  # where the last character so far ends in the original
    for i in kept:
        if parts:
            parts.append(Mapped.replacement("\n\n", at, at))
        parts.append(paragraphs[i])
        if paragraphs[i].text:
            at = paragraphs[i].end_at(len(paragraphs[i].text) - 1)
    out = concat(parts)
    segments = build_segments(out, original)
    return _finish(source, original, out.text, segments, title, date, diagnostics)


def _line_of(lines: list[str], title: str | None) -> int | None:
    if title is None:
        return None
    return next((i for i, line in enumerate(lines) if line.strip() == title), None)


def _finish(
    source: str,
    original: str,
    text: str,
    segments: tuple[Segment, ...],
    title: str | None,
    date: dt.date | None,
    diagnostics: list[Diagnostic],
) -> Ingested:
    if not text.strip():
        diagnostics.append(
            diagnostic(
                "QC-W106",
                "no article text was left after extraction and boilerplate removal; "
                "check that the input is an article",
                source,
            )
        )
    return Ingested(
        source=source,
        text=text,
        segments=segments,
        original_length=len(original),
        title=title,
        date=date,
        diagnostics=tuple(diagnostics),
        original=original,
    )
