"""The shortcuts taken for speed give exactly what the long way gives."""

from __future__ import annotations

import random
import unicodedata

import ftfy
import pytest
from ftfy.badness import is_bad

from quotecheck.errors import BinaryInputError
from quotecheck.ingest.boilerplate import (
    TIMEOUT,
    _combinable,
    _Matcher,
    _matchers,
    default_rules,
    find_boilerplate,
    parse_rules,
)
from quotecheck.ingest.decode import check_text
from quotecheck.ingest.duplicates import normalise
from quotecheck.ingest.pipeline import _split_lines
from quotecheck.ingest.repair import CONFIG, SAFE_PUNCTUATION, repair_text

PRINTABLE_ASCII = "".join(chr(c) for c in range(0x20, 0x7F))


def _de_bruijn(alphabet: str, n: int) -> str:
    """A string holding every string of length ``n`` over ``alphabet`` as a substring."""
    k = len(alphabet)
    a = [0] * k * n
    seq: list[int] = []

    def db(t: int, p: int) -> None:
        if t > n:
            if n % p == 0:
                seq.extend(a[1 : p + 1])
        else:
            a[t] = a[t - p]
            db(t + 1, p)
            for j in range(a[t - p] + 1, k):
                a[t] = j
                db(t + 1, t)

    db(1, 1)
    return "".join(alphabet[i] for i in seq)


# -- repair: text of safe characters never reaches ftfy, since ftfy would not change it


@pytest.mark.parametrize(
    ("alphabet", "n"),
    [
        # every ASCII character with every safe mark, in all runs of three
        pytest.param("\t" + PRINTABLE_ASCII + SAFE_PUNCTUATION, 3, id="all-ascii-3"),
        # one character of each ASCII class BADNESS_RE tells apart, in all runs of five
        pytest.param("aA0 \t.-" + SAFE_PUNCTUATION, 5, id="ascii-classes-5"),
    ],
)
def test_ftfy_leaves_safe_text_alone(alphabet: str, n: int) -> None:
    text = _de_bruijn(alphabet, n)
    assert not is_bad(text)
    assert unicodedata.is_normalized("NFC", text)
    assert ftfy.fix_text(text, CONFIG) == text


def test_the_safe_set_check_would_notice_a_bad_character() -> None:
    # the de Bruijn check is not vacuous: one accented letter makes it fail
    assert is_bad(_de_bruijn("aA0 \t.-é" + SAFE_PUNCTUATION, 3))


def test_repair_text_matches_ftfy_on_random_text() -> None:
    rng = random.Random(7)
    pool = "\t\n\r\x1b\x85\x93ÃÂé€â©" + PRINTABLE_ASCII + SAFE_PUNCTUATION
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert repair_text(text) == ftfy.fix_text(text, CONFIG)


# -- boilerplate: one alternation per place answers as the rules one by one


def test_every_shipped_rule_joins_the_alternation() -> None:
    assert all(_combinable(r.source) is not None for r in default_rules())


@pytest.mark.parametrize(
    ("source", "combinable"),
    [
        ("(?i)read more", True),
        ("plain (?:text)", True),
        ("(?x)a # comment", False),
        ("(a)\\1", False),
        ("a(?i)b", False),
        ("(?<=x)y", False),
        ("(?P<name>x)", False),
    ],
)
def test_which_rules_can_be_branches(source: str, combinable: bool) -> None:
    assert (_combinable(source) is not None) is combinable


def test_alternation_agrees_with_the_rules_one_by_one() -> None:
    lines = [
        "Read More",
        "Share on Facebook and Twitter",
        "Home | World | Politics | Business",
        "Home » World » Middle East",
        "© 2015 Lakeshore Radio. All rights reserved.",
        "0:00 / 3:12",
        "-----",
        "Reporting by Jane Doe; editing by John Roe",
        "The council met on Monday and agreed the budget.",
        "Advertisement",
        "ADVERTISEMENT",
        "advertisement here",
        "Reuters",
        "reuters",
        "World News",
        "world news",
        "THE LAKESHORE COURIER",
        "Jane Doe is a reporter for the Courier.",
        "Topics: flood, council",
        "You may also like:",
        "Sign up for our daily newsletter",
    ]
    for where, matcher in _matchers(default_rules()).items():
        assert matcher.combined is not None
        one_by_one = _Matcher(matcher.rules, None)
        for line in lines:
            got = matcher.match(line, TIMEOUT, lambda: None)
            assert got == one_by_one.match(line, TIMEOUT, lambda: None), (where, line)


def test_a_rule_that_cannot_be_a_branch_is_still_applied() -> None:
    rules = (*default_rules(), *parse_rules("(Lakeshore) Ledger \\1"))
    found = find_boilerplate(["A headline about the flood", "Lakeshore Ledger Lakeshore"], rules)
    assert found.removed == {1}


# -- small helpers rewritten for speed


@pytest.mark.parametrize(
    "text",
    [
        *("", "\ufeff", "a", "a\n", "\n", "\ufeff\n", "a\n\nb", "\n\nb\n\n"),
        *("a\r\nb\rc\n\nd", "\r\r\n\n", "\ufeffx\r", "x\n\r"),
        *("".join(random.Random(n).choices("ab\r\n\ufeff", k=n)) for n in range(1, 40)),
    ],
)
def test_split_lines(text: str) -> None:
    # the character loop _split_lines replaced
    lines = []
    start = 1 if text.startswith("\ufeff") else 0
    i, n = start, len(text)
    while i < n:
        if text[i] in "\r\n":
            after = i + 2 if text.startswith("\r\n", i) else i + 1
            lines.append((start, i, after))
            start = i = after
        else:
            i += 1
    if start < n or not lines:
        lines.append((start, n, n))
    assert _split_lines(text) == lines


def test_control_characters_are_counted_as_before() -> None:
    allowed = "\t\n\r\f\v"
    text = "".join(chr(c) for c in range(0x80)) * 2
    expected = sum(1 for ch in text if (ch < " " or ch == "\x7f") and ch not in allowed)
    assert expected == 2 * 28
    with pytest.raises(BinaryInputError, match=f"{expected} control characters"):
        check_text(text, "x")


def test_normalise_matches_a_translation_table() -> None:
    table = str.maketrans(
        {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'"}
        | {"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'}
        | {"–": "-", "—": "-", "\u00a0": " "}
    )
    text = "‘’‚‛′`´“”„‟″«»–—\u00a0 x  y\t"
    assert normalise(text) == " ".join(text.translate(table).split())
