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
            # any word added inside quote marks is a misquote an editor should see
            # (QC101: "a couple of clicks" / "a couple clicks" is a warning too)
            "warning",
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


REGISTRY = """people:
  - name: Laurent Fabius
    aliases: [Fabius]
    citizenship: [France]
    roles:
      - {role: Minister of Foreign Affairs, organization: Government of France,
         country: France, start: 2012-05-16, end: 2016-02-11}
"""

WRONG_SOURCE = """Talks on the naval mission resume in Paris

PARIS, Nov. 18, 2015 - Russian Foreign Minister Laurent Fabius said on Wednesday that the talks would resume.

"The door is open and it will stay open," Fabius told reporters.
"""

RIGHT_SOURCE = WRONG_SOURCE.replace("Russian Foreign", "French Foreign")

DRAFT_FABIUS = """Paris reopens naval talks

French Foreign Minister Laurent Fabius said on Wednesday, Nov. 18, 2015, that talks would resume.

"The door is open and it will stay open," Fabius said.
"""


@pytest.mark.parametrize(
    ("sources", "registry", "severity", "side", "blamed"),
    [
        (["wrong.txt"], False, "error", None, None),
        (["wrong.txt"], True, "warning", "registry", "the people registry: check wrong.txt"),
        (
            ["wrong.txt", "right.txt"],
            False,
            "warning",
            "majority",
            "most sources: check wrong.txt",
        ),
    ],
    ids=["one-source-alone", "registry-backs-the-draft", "majority-backs-the-draft"],
)
def test_a_correct_draft_is_not_blocked_by_a_wrong_source(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sources: list[str],
    registry: bool,
    severity: str,
    side: str | None,
    blamed: str | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wrong.txt").write_text(WRONG_SOURCE, encoding="utf-8")
    (tmp_path / "right.txt").write_text(RIGHT_SOURCE, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT_FABIUS, encoding="utf-8")
    argv = ["check", "--draft", "draft.md", "--sources", *sources, "--format", "json"]
    code = main([*argv, "--registry", "people.yaml"] if registry else argv)
    data = json.loads(capsys.readouterr().out)
    (nationality,) = [f for f in data["findings"] if f["code"] == "QC103"]
    assert nationality["severity"] == severity
    assert nationality["details"].get("draft_side") == side
    if blamed is not None:
        assert f"The draft agrees with {blamed}, not the draft." in nationality["message"]
    assert code == (1 if severity == "error" else 0)
