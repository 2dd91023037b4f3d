"""The core promise, as a property: canonical spans map back to the same original text.

Random articles are built from article-like paragraphs (quotes straight and curly),
boilerplate lines at the top, in the middle and at the end, a repeated body with the
other quote style, mojibake lines, byte-order marks and LF / CRLF / mixed line endings.
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.ingest import ingest_bytes

from .helpers import assert_span_maps, assert_valid_map, identity_segments

SUBJECTS = ["The harbour council", "Mayor Ines Okafor", "The port authority", "Dock workers"]
VERBS = ["approved", "rejected", "delayed", "questioned", "welcomed"]
OBJECTS = ["the barrier budget", "a new ferry timetable", "the dredging contract"]
SPEAKERS = ["Dev Rana", "Ruth Adeyemi", "Tomas Lindqvist", "a spokeswoman"]
QUOTES = ["We will not wait any longer", "This is the right decision", "Nobody asked us first"]

HEAD = ["Connect with us", "Play Live Radio", "0:00 0:00", "World", "News World News"]
MIDDLE = ["Advertisement", "Read more", "Promoted Links", "AFP", "Share"]
TAIL = [
    "Copyright 2022 Lakeshore Radio. To see more, visit https://example.org.",
    "Jonah Whitfield is a reporter and producer on the Coastal Desk.",
    "Your donation keeps local reporting free.",
    "Also in World News",
]
MOJIBAKE_CLEAN = [
    "“We are ready,” said José Núñez on day {n}.",
    "The café’s owner said it was “a disaster” — again, on day {n}.",
    "‘It’s over,’ she said after meeting {n}.",
]


def curl(text: str) -> str:
    """Straight double quotes to curly ones (alternating)."""
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


@st.composite
def paragraph(draw: st.DrawFn, n: int) -> str:
    subject = draw(st.sampled_from(SUBJECTS))
    verb = draw(st.sampled_from(VERBS))
    obj = draw(st.sampled_from(OBJECTS))
    text = f"{subject} {verb} {obj} at meeting number {n}, officials said on Tuesday."
    if draw(st.booleans()):
        quote = draw(st.sampled_from(QUOTES))
        speaker = draw(st.sampled_from(SPEAKERS))
        text += f' "{quote}," {speaker} said.'
    return text


@st.composite
def article(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(min_value=2, max_value=6))
    body = [draw(paragraph(n)) for n in range(count)]
    mojibake = draw(st.lists(st.integers(min_value=0, max_value=count), max_size=2, unique=True))
    clean_mojibake: list[str] = []
    for n in mojibake:  # insert after paragraph n
        clean = draw(st.sampled_from(MOJIBAKE_CLEAN)).format(n=100 + n)
        clean_mojibake.append(clean)
        body.insert(min(n, len(body)), "\x00MOJIBAKE" + clean)
    head = draw(st.lists(st.sampled_from(HEAD), max_size=3))
    middle = draw(st.lists(st.sampled_from(MIDDLE), max_size=2))
    tail = draw(st.lists(st.sampled_from(TAIL), max_size=3))
    repeated = draw(st.booleans())
    blank = draw(st.booleans())  # a blank line between paragraphs or not

    lines: list[str] = [*head, "Harbour Council Backs Barrier Plan"]
    for i, para in enumerate(body):
        lines.append(para)
        if middle and i == 0:
            lines.extend(middle)
    if repeated:
        # the second copy: curly quotes, and no mojibake (as a second rendering would be)
        lines.extend(p.removeprefix("\x00MOJIBAKE") if p[0] == "\x00" else curl(p) for p in body)
    lines.extend(tail)
    if blank:
        spaced: list[str] = []
        for line in lines:
            spaced.extend([line, ""])
        lines = spaced
    return {
        "lines": lines,
        "body": [p for p in body if not p.startswith("\x00")],
        "mojibake": clean_mojibake,
        "boilerplate": [*head, *middle, *tail],
        "repeated": repeated,
    }


def render(lines: list[str], newline: str, mixed: bool) -> str:
    out = []
    for i, line in enumerate(lines):
        if line.startswith("\x00MOJIBAKE"):
            line = line.removeprefix("\x00MOJIBAKE").encode("utf-8").decode("sloppy-windows-1252")
        out.append(line + (("\r\n" if i % 2 else "\n") if mixed else newline))
    return "".join(out)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    doc=article(),
    newline=st.sampled_from(["\n", "\r\n"]),
    mixed=st.booleans(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    data=st.data(),
)
def test_canonical_spans_map_back_exactly(
    doc: dict[str, object], newline: str, mixed: bool, encoding: str, data: st.DataObject
) -> None:
    text = render(doc["lines"], newline, mixed)  # type: ignore[arg-type]
    ing = ingest_bytes(text.encode(encoding), source="prop.txt")
    assert_valid_map(ing)

    # the property: any span inside one identity segment maps back to the same text
    identity = identity_segments(ing)
    assert identity
    for cs, ce, _, _ in identity:
        start = data.draw(st.integers(min_value=cs, max_value=ce - 1))
        end = data.draw(st.integers(min_value=start + 1, max_value=ce))
        assert_span_maps(ing, start, end)
    # and a whole line of the canonical text maps back to the whole original line
    canon_lines = ing.text.split("\n")
    pos = 0
    for line in canon_lines:
        if line and "\x00" not in line and line.isascii():
            assert_span_maps(ing, pos, pos + len(line))
        pos += len(line) + 1

    # content: the article survives, once; the furniture does not
    for para in doc["body"]:  # type: ignore[attr-defined]
        assert canon_lines.count(para) == 1, para
        if doc["repeated"]:
            assert curl(para) == para or curl(para) not in canon_lines
    if doc["repeated"]:
        assert any(d.code == "QC-W101" for d in ing.diagnostics)
    for clean in doc["mojibake"]:  # type: ignore[attr-defined]
        assert clean in canon_lines, "mojibake repaired, curly quotes kept"
    for line in doc["boilerplate"]:  # type: ignore[attr-defined]
        assert line not in canon_lines
    assert "\r" not in ing.text

    # with LF endings and no repairs, the whole map is identity
    if newline == "\n" and not mixed and not doc["mojibake"]:
        assert len(identity) == len(ing.segments)
