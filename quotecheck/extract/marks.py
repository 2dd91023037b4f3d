"""Quote spans from quote marks, in one linear pass per paragraph.

Handles straight and curly double marks, ``« »``, ``„ “``, the ```` `` '' ````
pair of some feeds, single marks (headlines, British style, nesting) with the
apostrophe told apart from a closing single mark, quotes that run over
paragraphs (an opening mark on each paragraph, a closing one only at the end),
and unbalanced marks, which are recovered locally and noted, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quotecheck import quotemarks

__all__ = ["MarkSpan", "find_quote_spans"]

_DOUBLE_OPEN = quotemarks.DOUBLE_OPEN
_DOUBLE_CLOSE = quotemarks.DOUBLE_CLOSE
_SINGLE_OPEN = quotemarks.SINGLE_OPEN
_SINGLE_CLOSE = quotemarks.SINGLE_CLOSE
_OPEN_BEFORE = set(" \t\n([{—–-/:;,")
_CLOSE_AFTER = set(" \t\n)]}.,;:!?—–-/")


def _one_of(chars: set[str]) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"


# the scans below jump from one candidate to the next instead of looking at every character
# (a single character class or a two-character literal: linear, no timeout needed)
_DOUBLE_CANDIDATE = regex.compile(r"``|''|" + _one_of({'"', *_DOUBLE_OPEN, *_DOUBLE_CLOSE}))
_SINGLE_CANDIDATE = regex.compile(_one_of({"'", *_SINGLE_OPEN, *_SINGLE_CLOSE}))


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """A quotation: ``open_at`` is the opening mark, ``start``/``end`` the words inside.

    ``close_at`` is the index of the closing mark (``-1`` when none was found).
    """

    open_at: int
    start: int
    end: int
    close_at: int
    paragraphs: int = 1
    single: bool = False
    notes: tuple[str, ...] = ()
    inner_opens: tuple[int, ...] = ()
    """Re-opening marks at the start of continued paragraphs (inside the span)."""
    close_width: int = 1

    @property
    def outer_end(self) -> int:
        """The end including the closing mark (``''`` counts as one mark of two characters)."""
        return self.end if self.close_at < 0 else self.close_at + self.close_width


@dataclass(slots=True)
class _Mark:
    pos: int
    width: int
    role: str  # "open", "close", "either"


def _double_marks(text: str, start: int, end: int) -> list[_Mark]:
    marks: list[_Mark] = []
    for found in _DOUBLE_CANDIDATE.finditer(text, start, end):
        i = found.start()
        c = text[i]
        if c == "`":  # ``
            marks.append(_Mark(i, 2, "open"))
            continue
        if found.end() - i == 2:  # ''
            # '' is a closing mark after ``, and both marks in feeds that use it alone
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 2] if i + 2 < end else " "
            if (prev.isspace() or prev in _OPEN_BEFORE or i == start) and not nxt.isspace():
                role = "open"
            elif nxt.isspace() or nxt in _CLOSE_AFTER or i + 2 == end:
                role = "close"
            else:
                role = "either"
            marks.append(_Mark(i, 2, role))
            continue
        # a one-character double mark
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        open_ctx = (prev.isspace() or prev in _OPEN_BEFORE or i == start) and not nxt.isspace()
        close_ctx = (nxt.isspace() or nxt in _CLOSE_AFTER or i + 1 == end) and not (
            prev.isspace() and i > start
        )
        if c in _DOUBLE_OPEN:
            role = "close" if close_ctx and not open_ctx and c == "“" else "open"
        elif c in _DOUBLE_CLOSE:
            role = "open" if open_ctx and not close_ctx and c == "”" else "close"
        elif open_ctx and not close_ctx:
            role = "open"
        elif close_ctx and not open_ctx:
            role = "close"
        else:
            role = "either"
        marks.append(_Mark(i, 1, role))
    return marks


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # it's, O'Reilly, Russia's
    # '90s, 'em, 'n'
    return bool(prev.isspace() and nxt.isdigit())


def _single_marks(text: str, start: int, end: int) -> list[_Mark]:
    marks: list[_Mark] = []
    for found in _SINGLE_CANDIDATE.finditer(text, start, end):
        i = found.start()
        c = text[i]
        if i + 1 < end and c == "'" and text[i + 1] == "'":
            continue
        if i > start and c == "'" and text[i - 1] == "'":
            continue
        if _is_apostrophe(text, i, start, end):
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        open_ctx = (i == start or prev.isspace() or prev in _OPEN_BEFORE or prev in '"“') and (
            nxt.isalnum() or nxt in '"“….'
        )
        close_ctx = (i + 1 == end or nxt.isspace() or nxt in _CLOSE_AFTER or nxt in '"”') and (
            not prev.isspace()
        )
        if open_ctx and not close_ctx:
            marks.append(_Mark(i, 1, "open"))
        elif close_ctx and not open_ctx:
            marks.append(_Mark(i, 1, "close"))
    return marks


def _pair(
    marks: list[_Mark],
) -> tuple[list[tuple[_Mark, _Mark, tuple[str, ...]]], _Mark | None, list[str]]:
    """Pair open and close marks left to right.

    Returns the pairs, each with the notes about stray marks since the previous pair (so a
    quote carries only what happened next to it), a dangling open, and the notes after the
    last pair.
    """
    pairs: list[tuple[_Mark, _Mark, tuple[str, ...]]] = []
    notes: list[str] = []
    open_mark: _Mark | None = None
    for m in marks:
        if open_mark is None:
            if m.role in ("open", "either"):
                open_mark = m
            else:
                notes.append("unbalanced-close-mark")
        elif m.role in ("close", "either"):
            pairs.append((open_mark, m, tuple(dict.fromkeys(notes))))
            notes = []
            open_mark = None
        else:
            # two opens in a row: the first never closed; restart at the second
            notes.append("unbalanced-open-mark")
            open_mark = m
    return pairs, open_mark, list(dict.fromkeys(notes))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quote_spans(
    text: str,
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    *,
    single_quotes: bool | None = None,
) -> list[MarkSpan]:
    """All quotations in ``text``; ``paragraphs`` are (start, end) spans in order.

    Single marks are used as primary quote marks in a paragraph that has no
    double marks (headlines, British style) unless ``single_quotes`` is False.
    """
    out: list[MarkSpan] = []
    carry: MarkSpan | None = None  # a quote running on into the next paragraph
    for idx, (ps, pe) in enumerate(paragraphs):
        marks = _double_marks(text, ps, pe)
        single = False
        if not marks and single_quotes is not False:
            marks = _single_marks(text, ps, pe)
            single = bool(marks)
        if carry is not None:
            if marks and marks[0].pos == ps and marks[0].role in ("open", "either"):
                # the continuation's own opening mark: the quote goes on
                first = marks.pop(0)
                carry = MarkSpan(
                    carry.open_at,
                    carry.start,
                    carry.end,
                    -1,
                    carry.paragraphs + 1,
                    carry.single,
                    carry.notes,
                    (*carry.inner_opens, first.pos),
                )
                pairs, dangling, notes = _pair([_Mark(first.pos, first.width, "open"), *marks])
                if pairs and pairs[0][0].pos == first.pos:
                    close = pairs.pop(0)[1]
                    s, e = _trim(text, carry.start, close.pos)
                    out.append(
                        MarkSpan(
                            carry.open_at,
                            s,
                            e,
                            close.pos,
                            carry.paragraphs,
                            carry.single,
                            carry.notes,
                            carry.inner_opens,
                            close.width,
                        )
                    )
                    carry = None
                elif dangling is not None and dangling.pos == first.pos:
                    carry = MarkSpan(
                        carry.open_at,
                        carry.start,
                        pe,
                        -1,
                        carry.paragraphs,
                        carry.single,
                        carry.notes,
                        carry.inner_opens,
                    )
                    continue
                for o, c, pn in pairs:
                    s, e = _trim(text, o.pos + o.width, c.pos)
                    if e > s:
                        out.append(MarkSpan(o.pos, s, e, c.pos, 1, single, pn, (), c.width))
                carry = _dangling(text, dangling, pe, single, notes, paragraphs, idx, out)
                continue
            # no continuation: the carried quote ends where its paragraph ended
            out.append(_close_unbalanced(carry))
            carry = None
        pairs, dangling, notes = _pair(marks)
        for o, c, pn in pairs:
            s, e = _trim(text, o.pos + o.width, c.pos)
            if e > s:
                out.append(MarkSpan(o.pos, s, e, c.pos, 1, single, pn, (), c.width))
        carry = _dangling(text, dangling, pe, single, notes, paragraphs, idx, out)
    if carry is not None:
        out.append(_close_unbalanced(carry))
    out.sort(key=lambda q: q.start)
    return out


def _close_unbalanced(carry: MarkSpan) -> MarkSpan:
    return MarkSpan(
        carry.open_at,
        carry.start,
        carry.end,
        -1,
        carry.paragraphs,
        carry.single,
        (*carry.notes, "unbalanced-open-mark"),
        carry.inner_opens,
    )


def _dangling(
    text: str,
    dangling: _Mark | None,
    pe: int,
    single: bool,
    notes: list[str],
    paragraphs: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    idx: int,
    out: list[MarkSpan],
) -> MarkSpan | None:
    """An opening mark left open at the end of a paragraph: carry it on when the
    next paragraph re-opens (a multi-paragraph quote), else close it locally."""
    if dangling is None:
        return None
    s, e = _trim(text, dangling.pos + dangling.width, pe)
    if e <= s:
        return None
    span = MarkSpan(dangling.pos, s, e, -1, 1, single, tuple(notes))
    if idx + 1 < len(paragraphs):
        ns, _ = paragraphs[idx + 1]
        nc = text[ns]
        if (
            nc == '"'
            or nc in _DOUBLE_OPEN
            or text.startswith(("``", "''"), ns)
            or (single and (nc in _SINGLE_OPEN or nc == "'"))
        ):
            return span
    out.append(_close_unbalanced(span))
    return None
