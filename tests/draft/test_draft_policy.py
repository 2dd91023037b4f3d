"""Draft verdicts follow the cross-check's severity policy (QC101): inside quote marks
a changed negation or figure is an error, a changed content word a warning; reported
speech, a paraphrase by nature, is one step lower. Run through the command line, as
an editor would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.cli import main

SOURCE = """Navy to send two frigates to the eastern exercise

By Lena Marsh, Harbour Post

Defence Secretary Joan Whitaker said on Thursday that the navy would send 12 ships to the exercise.

"We believe that is a fundamental mistake, and we will work with them as allies," Whitaker told reporters in Portsmouth.

"The fleet will sail on the first of June," she said.
"""

DRAFT = """Navy joins the eastern exercise

{sentence}
"""


@pytest.mark.parametrize(
    ("sentence", "severity", "reason", "change"),
    [
        (
            '"We believe that is not a fundamental mistake, and we will work with them '
            'as allies," Defence Secretary Joan Whitaker said.',
            "error",
            "negation",
            "+not",
        ),
        (
            '"We believe that is a fundamental mistake, and we will work with them as '
            'partners," Defence Secretary Joan Whitaker said.',
            "warning",
            "content-words",
            "allies -> partners",
        ),
        (
            '"We believe that is a fundamental mistake, and we will work with them as '
            'our allies," Defence Secretary Joan Whitaker said.',
            "info",
            "function-words",
            "+our",
        ),
        (
            "Defence Secretary Joan Whitaker said that the navy would not send 12 ships "
            "to the exercise.",
            "warning",
            "negation",
            "+not",
        ),
    ],
    ids=["negation", "content-word", "function-word", "reported-negation"],
)
def test_a_changed_quote_is_rated_as_the_cross_check_rates_it(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sentence: str,
    severity: str,
    reason: str,
    change: str,
) -> None:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT.format(sentence=sentence), encoding="utf-8")
    argv = ["check", "--draft", str(draft), "--sources", str(tmp_path / "source.txt")]
    code = main([*argv, "--format", "json", "--fail-on", "warning"])
    (verdict,) = json.loads(capsys.readouterr().out)["verdicts"]
    assert verdict["verdict"] == "variant"
    assert verdict["severity"] == severity
    assert reason in verdict["message"] and change in verdict["diff"]
    assert code == (0 if severity == "info" else 1)
    # the default gate (error) blocks only the reversed quote
    assert main(argv) == (1 if severity == "error" else 0)
    assert f"{severity.upper()}" in capsys.readouterr().out
