"""The adversarial timing harness (quotecheck.bench_adversarial): its cases and options.

Timings are measured by running it, never asserted; these tests check that every case
builds an input of the size asked and that the command line options work.
"""

from __future__ import annotations

import json

import pytest

from quotecheck.devtools.bench_adversarial import CASES, Case, main, run_case

TEXT_CASES = [c for c in CASES if not c.name.startswith("check-")]


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.name for c in TEXT_CASES])
def test_each_text_case_grows_with_the_size_asked(case: Case) -> None:
    small, big = case.make(2_000), case.make(8_000)
    assert isinstance(small, str) and isinstance(big, str) and small
    assert 3.6 <= len(big) / len(small) <= 4.4  # the growth ratios compare like with like


def test_the_he_said_case_is_one_line_of_pronoun_cues() -> None:
    (case,) = [c for c in CASES if c.name == "he-said"]
    text = case.make(1_000)
    assert "\n" not in text and text.startswith('He said "yes" and He said "yes"')
    run = run_case(case, scale=0.01, factors=(1, 2))
    assert run.sizes == [250, 500] and len(run.seconds) == 2
    assert run.results[-1].startswith("27 quotes")


def test_factors_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", "he-said", "--scale", "0.01", "--factors", "1,3", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["name"] == "he-said" and row["sizes"] == [250, 750]


@pytest.mark.parametrize("bad", ["0", "x", ""])
def test_bad_factors_are_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", "he-said", "--factors", bad]) == 2
    assert "--factors" in capsys.readouterr().err
