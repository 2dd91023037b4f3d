"""Pronoun resolution stays linear (issue 16): a ``he`` finds the persons and earlier
speakers in its window by bisection, never by a scan of all of them. The texts below took
6 s and more before (a 1 MB line of them, 72 s); no timing asserts here: a regression
shows as a slow run and in ``python -m quotecheck.bench_adversarial``."""

from __future__ import annotations

import random

import pytest

import quotecheck
from quotecheck.extract import speakers
from quotecheck.extract.speakers import ResolvedSpeaker, _History


@pytest.mark.slow
def test_a_long_line_of_pronoun_quotes() -> None:
    unit = 'He said "yes" and '
    text = unit * 14_000  # 250 KB
    art = quotecheck.extract(text)
    assert len(art.quotes) == 14_000
    assert all(q.speaker is not None and q.speaker.mention.text == "He" for q in art.quotes)


@pytest.mark.slow
def test_many_persons_out_of_order_and_pronouns() -> None:
    # the pre-modifier of "Lavrov" reaches back before the run "S.": persons out of order
    unit = 'Ann Lee met Bob Park. He said "yes" and '
    text = "U.S. former minister Lavrov said. " + unit * 6_000
    art = quotecheck.extract(text)
    assert len(art.quotes) == 6_000
    assert all(q.speaker is not None for q in art.quotes)


def _speaker(kind: str, resolution: str) -> ResolvedSpeaker:
    return ResolvedSpeaker("X", kind, (0, 1), resolution)


def test_history_keeps_what_the_plain_filter_keeps() -> None:
    rng = random.Random(7)
    history = _History()
    plain: list[tuple[int, ResolvedSpeaker]] = []
    for _ in range(400):
        pos = rng.randrange(0, 20_000)
        r = _speaker(
            rng.choice(["person", "person", "group"]), rng.choice(["explicit", "unresolved"])
        )
        history.add(pos, r)
        plain.append((pos, r))
    assert history.spoken == plain
    for pos in range(-10, 20_010, 37):
        expected = sorted(
            (
                (at, i, r)
                for i, (at, r) in enumerate(plain)
                if at < pos
                and pos - at <= speakers._WINDOW
                and r.kind == "person"
                and r.resolution != "unresolved"
            ),
            key=lambda t: (t[0], t[1]),
        )
        got = history.persons_near(pos)
        assert [(at, id(r)) for at, r in got] == [(at, id(r)) for at, _, r in expected]


@pytest.mark.slow
def test_many_descriptions_and_names() -> None:
    # a definite description reads a word -> persons map built once, not every person
    unit = 'Senator Ann Lee{i} met Governor Bo Park{i}. "Yes," the senator said. '
    text = "".join(unit.format(i=i) for i in range(3_000))
    art = quotecheck.extract(text)
    assert len(art.quotes) == 3_000
    assert all(
        q.speaker is not None and q.speaker.mention.text == "the senator" for q in art.quotes
    )
