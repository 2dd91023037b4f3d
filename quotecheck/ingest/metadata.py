"""Title and publication date from the article text, distrusting page dates.

Title: the first substantial kept line (date lines skipped) when it looks like a headline
(2-25 words, no final ``,``/``;``/``:``, and no final ``.`` unless it is written in title
case, as some feeds end headlines with one; starts with a capital or a digit); for
Markdown, the first ``# `` heading; for HTML, trafilatura's title.

Date. Candidates, in order of trust:

1. the article's own date: the first full date (``Nov. 17, 2015``, ``17 November 2015``,
   ``Saturday 17 February 2018``, ``2015-11-17``) in the lines before the body begins
   (headline, byline, date line; at most :data:`TOP_LINES`) or at the start of the first
   body paragraph (a dateline), but not a date-only line *above the headline*; for HTML
   also a date printed between the headline and the first paragraph;
2. a date-only line above the headline: sites print the day the page was viewed there
   (the scrape date), so it is used only when a body date from the same year backs it up;
3. the page's metadata date (HTML only).

The chosen date is then checked against the rest of the text. Evidence = the years of the
dates written in the body (``Nov. 5, 2015``, ``March 2015``) and of copyright lines
(``© 2015 ...``, removed ones included). When some evidence is from an earlier year and
no body date is from the candidate's year, the candidate is dropped and the date becomes
the first body date of the latest earlier year, or ``None`` when the body has no full date.
Every date set aside is reported as ``QC-W104 page-date-ignored``.

So a 2018 page stamp on a 2015 story never becomes the article's date: it is dropped when
the text mentions 2015, and a date banner above the headline is dropped unless the text
backs it up. With no trustworthy date the date is ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

TOP_LINES = 10
TIMEOUT = 0.05

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_DATES = (
    regex.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b"),
    regex.compile(rf"\b{_MONTH}\.?\s+{_DAY},?\s+{_YEAR}\b"),
    regex.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
)
_MONTH_YEAR = regex.compile(rf"\b{_MONTH}\.?,?\s+{_YEAR}\b")
_COPYRIGHT = regex.compile(r"(?i)(?:©|\(c\)|\bcopyright)\s*(?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A full date written in the text: where on its line, and how long the mention is."""

    date: dt.date
    start: int
    end: int


def _may_hold_year(line: str) -> bool:
    """Whether ``line`` can hold a year: every date and year pattern here needs a literal
    ``19`` or ``20`` (:data:`_YEAR`). Two substring tests skip most lines cheaply."""
    return "20" in line or "19" in line


def day_dates(line: str) -> list[DateMention]:
    """Every full (day-level) date written on ``line``, in order."""
    found: list[DateMention] = []
    if not _may_hold_year(line):
        return found
    try:
        for pattern in _DAY_DATES:
            for m in pattern.finditer(line, timeout=TIMEOUT):
                month = int(m.group("mnum")) if "mnum" in m.groupdict() else None
                if month is None:
                    month = _MONTHS[m.group("month")[:3].lower()]
                try:
                    date = dt.date(int(m.group("year")), month, int(m.group("day")))
                except ValueError:
                    continue
                found.append(DateMention(date, m.start(), m.end()))
    except TimeoutError:
        return found
    return sorted(found, key=lambda d: d.start)


def _years(pattern: regex.Pattern[str], line: str) -> Iterator[int]:
    if not _may_hold_year(line):
        return
    try:
        for m in pattern.finditer(line, timeout=TIMEOUT):
            yield int(m.group("year"))
    except TimeoutError:
        return


def _is_prose(line: str) -> bool:
    s = line.strip()
    return len(s) > 100 or s.endswith((".", "!", "?", '"', "”", "’"))


def is_date_line(line: str) -> bool:
    """Whether the line is (nearly) only a date, e.g. ``Published: Nov. 17, 2015 10:32 AM``."""
    s = line.strip()
    return any(len(s) - (d.end - d.start) <= 25 for d in day_dates(s))


def looks_like_headline(line: str) -> bool:
    """Whether a line reads like a headline rather than a sentence or a label."""
    s = line.strip()
    words = s.split()
    if not (2 <= len(words) <= 25 and 10 <= len(s) <= 200):
        return False
    if s[-1] in ",;:" or is_date_line(s):
        return False
    if s[-1] == "." and not _title_cased(s):
        return False  # a sentence; a title-cased headline may end with "." in some feeds
    first = s.lstrip("\"“‘'«(")[:1]
    return first.isupper() or first.isdigit()


def _title_cased(line: str) -> bool:
    """Whether a line ending with "." is a headline in title case: one sentence (no
    ". " inside) whose longer words (four letters or more) are nearly all capitalised,
    as in "Only 24 Percent of the Donors Are Small Donors." A sentence of the body
    ("The gates closed at noon, officials said.") has few capitals."""
    if line.endswith("..") or ". " in line.rstrip(".").replace("Mr. ", "").replace("Dr. ", ""):
        return False
    long_words = [w for w in line.split() if len(w.strip("\"“”‘’'.,:;!?()")) >= 4]
    capital = [w for w in long_words if w.lstrip("\"“‘'(")[:1].isupper()]
    return len(long_words) >= 3 and len(capital) >= 0.75 * len(long_words)


def pick_title(kept: Sequence[str]) -> str | None:
    """The first substantial kept line when it looks like a headline, else ``None``."""
    for line in kept:
        s = line.strip()
        if not s or is_date_line(s):
            continue
        if len(s.split()) < 2 or (s.isupper() and len(s.split()) <= 4):
            continue  # a label or a masthead, not a line of the article
        return s if looks_like_headline(s) else None
    return None


def pick_date(
    kept: Sequence[str],
    removed: Sequence[str] = (),
    *,
    title_line: int | None = None,
    page_date: dt.date | None = None,
    byline: dt.date | None = None,
) -> tuple[dt.date | None, str | None]:
    """The article's date and, when a date was set aside, the reason (for ``QC-W104``).

    ``kept`` are the article's lines in order; ``removed`` the boilerplate lines (only
    their copyright years are used); ``title_line`` the index in ``kept`` of the headline;
    ``page_date`` a date from page metadata; ``byline`` a date printed with the article
    but outside ``kept`` (an HTML byline), used when the top lines hold no date.
    """
    own: dt.date | None = None
    banner: dt.date | None = None
    used: set[int] = set()
    for index, line in enumerate(kept[:TOP_LINES]):
        prose = index != title_line and _is_prose(line)
        mentions = [m for m in day_dates(line) if not prose or m.start <= 40]
        if mentions:
            used.add(index)
            if title_line is not None and index < title_line and is_date_line(line):
                banner = banner or mentions[0].date  # a date line above the headline
                continue
            own = mentions[0].date
            break
        if prose:
            break  # the body has begun: dates further down are events, not publication
    own = own or byline
    if own is None and banner is None and page_date is None:
        # No candidate: the evidence below only ever confirms or drops a candidate, so
        # the answer is "no date, no note" without scanning every line for dates.
        return None, None
    body_dates = [d.date for i, line in enumerate(kept) if i not in used for d in day_dates(line)]
    body_years = {d.year for d in body_dates}
    body_years.update(
        y for i, line in enumerate(kept) if i not in used for y in _years(_MONTH_YEAR, line)
    )
    copyright_years = {y for line in (*kept, *removed) for y in _years(_COPYRIGHT, line)}

    notes: list[str] = []
    if banner is not None:
        if own is None and banner.year in body_years:
            own = banner  # a body date from the same year backs it up
        else:
            reason = f"the article text says {own}" if own else "nothing in the text supports it"
            notes.append(f"date line above the headline ({banner}) ignored: {reason}")
    if page_date is not None and page_date != own:
        if own is None:
            own = page_date
        else:
            notes.append(f"page metadata date ({page_date}) ignored: the article text says {own}")
    candidate = own
    if candidate is not None:
        earlier = sorted(y for y in body_years | copyright_years if y < candidate.year)
        if earlier and candidate.year not in body_years:
            older = [d for d in body_dates if d.year < candidate.year]
            latest = max((d.year for d in older), default=None)
            replacement = next((d for d in older if d.year == latest), None)
            notes.append(
                f"date {candidate} ignored: the text refers to {earlier[-1]} and never "
                f"to {candidate.year}; using {replacement or 'no date'}"
            )
            candidate = replacement
    return candidate, "; ".join(notes) or None
