"""The command line as an editor meets it: no silent passes, reports that say where
(``file:line:col``) and whom, findings first, clear configuration errors, and the small
things (umask, plurals, help) right. Every story here is written for these tests."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotecheck.cli import main

# the wire counts three quotes: its opening sentence is reported speech ("..., the
# harbour authority said"), then two direct quotes
WIRE = """Harbour crane collapses at Port Ellery

By Nadia Okafor, Coastline Wire

A crane collapsed at the Port Ellery container terminal on Friday, injuring 3 workers, the harbour authority said.

"The crane was inspected in March and passed every test," Harbour Master Ingrid Solberg said.

"We will find out what went wrong and we will tell the families first," Solberg said.
"""

GAZETTE = """Crane collapse injures workers at the docks

By Tom Penhale, The Ellery Gazette

A crane fell at the container terminal on Friday and 3 workers were taken to hospital.

"We will find out what went wrong and we will tell the families first," Port Manager Colin Frey said.

"The crane was inspected in March and passed every test," said Harbour Master Ingrid Solberg.
"""


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A repository root (settings are looked for up to here) as the current folder."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTECHECK_IGNORE", raising=False)
    monkeypatch.delenv("QUOTECHECK_FAIL_ON", raising=False)
    yield tmp_path


@pytest.fixture
def story(newsroom: Path) -> Path:
    folder = newsroom / "stories"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    return folder


def _line_col(path: Path, needle: str) -> str:
    text = path.read_text(encoding="utf-8")
    offset = text.index(needle)
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{path}:{line}:{col}"


# --- item 2: nothing checked is never a pass ------------------------------------------


def _empty(newsroom: Path) -> list[str]:
    (newsroom / "empty").mkdir()
    return ["empty"]


def _not_articles(newsroom: Path) -> list[str]:
    folder = newsroom / "people"
    folder.mkdir()
    (folder / "people.yaml").write_text('people:\n  - name: "Ingrid Solberg"\n')
    (folder / "notes.json").write_text('{"said": "nothing"}\n')
    return ["people"]


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("make", [_empty, _not_articles], ids=["empty", "no-articles"])
def test_a_folder_without_articles_exits_2_and_says_so(
    newsroom: Path, capsys: pytest.CaptureFixture[str], command: str, make: object
) -> None:
    paths = make(newsroom)  # type: ignore[operator]
    assert main([command, *paths]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"no articles in {paths[0]}" in captured.err and ".html" in captured.err


def test_a_draft_with_no_sources_exits_2(
    story: Path, newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "sources").mkdir()
    argv = ["check", "--draft", str(story / "wire.txt"), "--sources", "sources"]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "no source articles" in captured.err and captured.out == ""
    # the draft alone in its folder is not its own source either
    assert main(["check", "--draft", str(story / "wire.txt"), str(story / "wire.txt")]) == 2


def test_a_single_article_gets_a_visible_note(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(story / "wire.txt")]) == 0
    err = capsys.readouterr().err
    assert "only one article" in err and "nothing to compare it against" in err
    assert main(["check", str(story)]) == 1
    assert "only one article" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("pyproject", "message"),
    [
        (
            '[tool.quotecheck]\nfail-on = "info"\nignore = ["QC104"\n',
            "cannot read settings",
        ),
        ('[project\nname = "desk"\n', "cannot read settings"),
        ('[tool.quotecheck]\nignore = "QC104"\n', "ignore must be a list of codes"),
        ('[tool.quotecheck]\nsources = "wires/"\n', "sources must be a list of paths"),
        ('[tool.quotecheck]\nignore = ["QC999"]\n', "unknown check 'QC999' in ignore"),
    ],
    ids=["broken-quotecheck-table", "broken-elsewhere", "ignore-string", "sources-string", "bad"],
)
def test_broken_configuration_exits_2_naming_the_file(
    story: Path, newsroom: Path, capsys: pytest.CaptureFixture[str], pyproject: str, message: str
) -> None:
    (newsroom / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    assert main(["check", str(story), "--fail-on", "never"]) == 2
    err = capsys.readouterr().err
    assert message in err and "pyproject.toml" in err


@pytest.mark.parametrize(
    ("env", "argv", "where"),
    [
        ({"QUOTECHECK_IGNORE": "QC101, QC1O4"}, [], "QUOTECHECK_IGNORE"),
        ({}, ["--ignore", "number-conflicts"], "--ignore"),
    ],
)
def test_an_unknown_check_names_where_it_was_set(
    story: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    argv: list[str],
    where: str,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main(["check", str(story), *argv]) == 2
    err = capsys.readouterr().err
    assert where in err and "unknown check" in err and "QC104" in err


# --- item 5: reports an editor can act on ---------------------------------------------


def test_check_text_gives_findings_first_with_file_line_col_and_credits(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(story)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Findings (")
    assert (
        "Harbour Master Ingrid Solberg or Port Manager Colin Frey — quote-attribution-conflict"
        in lines
    )
    assert "(general)" not in out
    wire, gazette = story / "wire.txt", story / "gazette.txt"
    families = "We will find out what went wrong"
    for path, who in (
        (wire, "Harbour Master Ingrid Solberg"),
        (gazette, "Port Manager Colin Frey"),
    ):
        # the row names the place, the credited person, how the cue credits them, and the words
        row = rf"^    {re.escape(_line_col(path, families))} \[disputed\] credits {who} \('[^']+': a name at the cue 'said', confidence 0\.9\) “We will find out"
        assert re.search(row, out, re.M), row
    # the quotes are not listed unless asked for
    assert "direct" not in out
    assert lines[-1].startswith("2 articles, 5 quotes, 1 error, 0 warnings, 0 notes")


@pytest.mark.parametrize("flag", ["-v", "--show-quotes"])
def test_quotes_are_listed_after_the_findings_when_asked(
    story: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    argv = [flag, "check", str(story)] if flag == "-v" else ["check", flag, str(story)]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert out.index("Findings (") < out.index(str(story / "gazette.txt") + " —")
    wire = story / "wire.txt"
    crane = _line_col(wire, "The crane was inspected").split(":", 1)[1]
    assert re.search(rf"^  {re.escape(crane)}\s+direct\s+Harbour Master Ingrid Solberg", out, re.M)


def test_extract_text_shows_figures(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(story / "wire.txt")]) == 0
    out = capsys.readouterr().out
    pos = _line_col(story / "wire.txt", "3 workers").split(":", 1)[1]
    assert re.search(rf"^  {re.escape(pos)}\s+figure\s+workers", out, re.M)


def test_draft_text_gives_file_line_col_and_severity(
    story: Path, newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = newsroom / "draft.md"
    draft.write_text(
        "# Crane collapse\n\n"
        '"The crane was not inspected in March," Harbour Master Ingrid Solberg said.\n',
        encoding="utf-8",
    )
    assert main(["check", "--draft", str(draft), str(story)]) == 1
    out = capsys.readouterr().out
    variant = next(line for line in out.splitlines() if line.startswith("VARIANT"))
    assert "ERROR" in variant and f"{draft}:3:2 Harbour Master Ingrid Solberg" in variant
    assert f"{_line_col(story / 'wire.txt', 'The crane was inspected')} “The crane" in out
    assert "checked against 2 sources" in out and out.rstrip().endswith("0 findings")


# --- item 6: small defects -------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_output_file_mode_follows_the_umask(
    story: Path, newsroom: Path, capsys: pytest.CaptureFixture[str], umask: int, mode: int
) -> None:
    old = os.umask(umask)
    try:
        assert main(["check", str(story), "-f", "json", "-o", "report.json"]) == 1
    finally:
        os.umask(old)
    assert (newsroom / "report.json").stat().st_mode & 0o777 == mode
    assert json.loads((newsroom / "report.json").read_text(encoding="utf-8"))["findings"]


def test_rewriting_a_report_keeps_its_mode(
    story: Path, newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = newsroom / "report.txt"
    report.write_text("old\n", encoding="utf-8")
    report.chmod(0o640)
    assert main(["check", str(story), "-o", str(report)]) == 1
    assert report.stat().st_mode & 0o777 == 0o640 and "Findings" in report.read_text()


@pytest.mark.parametrize(
    ("argv", "on_stderr"),
    [([], 0), (["-f", "json"], 1), (["-o", "report.txt"], 1)],
    ids=["text", "json", "output-file"],
)
def test_each_input_error_is_printed_once(
    story: Path, newsroom: Path, capsys: pytest.CaptureFixture[str], argv: list[str], on_stderr: int
) -> None:
    (story / "blank.txt").write_text("   \n", encoding="utf-8")
    assert main(["check", str(story), *argv]) == 2
    captured = capsys.readouterr()
    needle = str(story / "blank.txt")
    assert captured.err.count(needle) == on_stderr
    if not argv:  # the text report on the terminal lists it, at the end
        assert captured.out.count(needle) == 1
        assert captured.out.rstrip().splitlines()[-1].startswith(f"error QC-E101 {needle}:")
    elif argv[0] == "-f":  # JSON carries it as data
        assert [e["source"] for e in json.loads(captured.out)["errors"]] == [needle]
    else:
        assert captured.out == "" and needle in (newsroom / "report.txt").read_text()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "--help"], ["--backend", "stanza when its models are ready", "--fail-on"]),
        (["check", "--help"], ["exit status", "130", "nothing to check"]),
        (["extract", "--help"], ["exit status", "--jobs", "--config"]),
        (["--help"], ["exit status", "a finding (or draft verdict) at or above"]),
    ],
)
def test_help_explains_backends_fail_on_and_exit_statuses(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: list[str]
) -> None:
    assert main(argv) == 0
    out = " ".join(capsys.readouterr().out.split())
    for words in expected:
        assert words in out


@pytest.mark.parametrize(
    ("files", "summary"),
    [
        (["wire.txt"], "1 article, 3 quotes, 0 errors, 0 warnings, 0 notes"),
        (["wire.txt", "gazette.txt"], "2 articles, 5 quotes, 1 error, 0 warnings, 0 notes"),
    ],
)
def test_counts_are_plural_only_when_plural(
    story: Path, capsys: pytest.CaptureFixture[str], files: list[str], summary: str
) -> None:
    main(["check", *(str(story / f) for f in files)])
    assert summary in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("github", "quotecheck: 1 article, 0 errors, 0 warnings, 0 notes"),
        ("html", "<p>1 article · 3 quotes · 0 errors · 0 warnings · 0 notes</p>"),
        ("junit", "3 quotes, no findings"),
    ],
)
def test_other_formats_count_in_the_singular_too(
    story: Path, capsys: pytest.CaptureFixture[str], fmt: str, expected: str
) -> None:
    main(["check", str(story / "wire.txt"), "--format", fmt])
    assert expected in capsys.readouterr().out
