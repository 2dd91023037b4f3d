"""Pathological inputs through the public API and the CLI: each gives a result or a clear
per-file error, and a bad file never hides the results of the others (issue 8)."""

from __future__ import annotations

import builtins
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import quotecheck
from quotecheck.cli import main
from quotecheck.devtools.bench_adversarial import ZERO_WIDTH_BIDI
from quotecheck.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    UnreadableInputError,
)
from quotecheck.ingest import ingest_many
from quotecheck.models import Article, InputFailure

from .helpers import check_article

GOOD = (
    '"We will keep the plant open until March," said Anna Berg, the chief executive of Acme.\n\n'
    "The company employs 1,200 people in the town, she said.\n"
)


def _extract(text: str) -> Article:
    art = quotecheck.extract(text)
    check_article(art, text)
    return art


# --- big and many-mark strings ------------------------------------------------------------


@pytest.mark.slow
def test_ten_megabyte_single_line_gives_a_result(tmp_path: Path) -> None:
    filler = "constitutionality " * 5000
    quote = '"We will keep going," said Anna Berg. '
    unit = filler + quote
    text = (unit * (10_000_000 // len(unit) + 1))[:10_000_000]
    assert "\n" not in text and len(text) == 10_000_000
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "big.json"
    assert main(["extract", str(path), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    (art,) = data["articles"]
    assert len(art["quotes"]) == text.count(quote)
    for q in art["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"] == "We will keep going,"
        assert q["speaker"]["name"] == "Anna Berg"


@pytest.mark.slow
@pytest.mark.parametrize(
    "marks",
    [
        pytest.param('"' * 100_000, id="straight"),
        pytest.param("\u201c\u201d" * 50_000, id="curly-pairs"),
        pytest.param("\u201c" * 100_000, id="curly-all-opening"),
        pytest.param("\u2018" * 100_000, id="single-all-opening"),
        pytest.param("\u00ab" * 100_000, id="guillemets-all-opening"),
    ],
)
def test_one_hundred_thousand_quote_marks(marks: str) -> None:
    _extract(marks)
    _extract(f"Anna Berg said: {marks} and left.")


def test_unbalanced_marks_are_closed_locally_and_noted() -> None:
    text = (
        "\u201cWe will stay, said Anna Berg.\n\n"
        "She left\u201d early.\n\n"
        '"Fine," Tom Hall said. "And then'
    )
    art = _extract(text)
    notes = {n for q in art.quotes for n in q.notes}
    assert "unbalanced-open-mark" in notes
    assert any(q.text == "Fine," for q in art.quotes)


def test_ten_thousand_levels_of_nested_marks() -> None:
    depth = 10_000
    text = (
        "Anna Berg said: "
        + "\u201c\u2018" * (depth // 2)
        + "we stay"
        + "\u2019\u201d" * (depth // 2)
        + " and left."
    )
    art = _extract(text)
    assert art.quotes, "the outer quote is kept"
    assert "we stay" in art.quotes[0].text


def test_ten_thousand_levels_never_closed() -> None:
    _extract("\u201c\u2018" * 5_000 + "we stay")
    _extract(("\u201c\u2018" * 50 + "a\n\n") * 100)


# --- invisible and mixed-script text --------------------------------------------------------


def test_zero_width_and_bidi_controls_inside_quotes_and_names() -> None:
    z = ZERO_WIDTH_BIDI
    text = (
        f"\u201cWe{z[0]} will{z[5]} keep{z[10]} the\u202e plant\u202c open,\u201d said Anna Berg.\n\n"
        f'"It{z} is over," said Jo\u200bhn Sm\u2066ith\u2069, the mayor.\n\n'
        f"{z * 200}\n\n\u201c{z * 50}\u201d said Tom Hall.\n"
    )
    art = _extract(text)
    first = art.quotes[0]
    assert first.text.startswith("We\u200b will")
    assert first.speaker is not None and first.speaker.name == "Anna Berg"
    assert any(q.text.startswith("It") for q in art.quotes)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\u00abМы не уйдём\u00bb, \u2014 сказал Иван Петров.", id="cyrillic"),
        pytest.param("\u00abلن نغادر\u00bb، قال أحمد علي.", id="arabic"),
        pytest.param("\u300c我们不会离开\u300d王伟说。\u300e引用\u300f", id="cjk"),
        pytest.param(
            '"We stay," said Anna Berg. \u00abМы остаёмся\u00bb, сказал Петров. '
            "\u300c留下\u300d\u738b\u4f1f\u8bf4\u3002 \u201eWir bleiben\u201c, sagte Müller.",
            id="mixed",
        ),
    ],
)
def test_mixed_scripts(text: str) -> None:
    art = _extract(text)
    if "\u00ab" in text:
        assert any(q.text in ("Мы не уйдём", "لن نغادر", "Мы остаёмся") for q in art.quotes)


def test_mixed_scripts_many_lines() -> None:
    text = "\n\n".join(
        [
            "\u00abМы не уйдём\u00bb, \u2014 сказал Иван Петров.",
            "\u300c我们不会离开\u300d王伟说。",
            "\u00abلن نغادر\u00bb، قال أحمد علي.",
            '"We stay," said Anna Berg.',
        ]
        * 200
    )
    art = _extract(text)
    assert any(q.speaker is not None and q.speaker.name == "Anna Berg" for q in art.quotes)


# --- files --------------------------------------------------------------------------------


def _invalid_utf8(p: Path) -> None:
    p.write_bytes(b'"We stay," said Anna Berg.\n' + b"caf\xe9 \x93quoted\x94 \xff\xfe\n")


def _invalid_utf8_cjk(p: Path) -> None:
    p.write_bytes("\u300c我们不会离开\u300d".encode("gb18030") * 50)


def _binary(p: Path) -> None:
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)


def _binary_no_nul(p: Path) -> None:
    p.write_bytes(bytes(b for b in range(1, 32) if b not in b"\t\n\r\f\v") * 300)


def _empty(p: Path) -> None:
    p.write_bytes(b"")


def _whitespace(p: Path) -> None:
    p.write_bytes(b" \n\t\r\n  \n")


def _directory(p: Path) -> None:
    p.mkdir()


def _symlink_loop(p: Path) -> None:
    other = p.with_name("loop-b.txt")
    os.symlink(other.name, p)
    os.symlink(p.name, other)


def _broken_symlink(p: Path) -> None:
    os.symlink("does-not-exist.txt", p)


FILE_CASES: dict[str, tuple[Callable[[Path], None], type[InputError] | None]] = {
    "invalid-utf8": (_invalid_utf8, None),  # decoded as cp1252 with QC-W102
    "invalid-utf8-cjk": (_invalid_utf8_cjk, InputError),
    "binary": (_binary, BinaryInputError),
    "binary-no-nul": (_binary_no_nul, BinaryInputError),
    "empty": (_empty, EmptyInputError),
    "whitespace": (_whitespace, EmptyInputError),
    "directory": (_directory, UnreadableInputError),
    "symlink-loop": (_symlink_loop, UnreadableInputError),
    "broken-symlink": (_broken_symlink, UnreadableInputError),
}


@pytest.mark.parametrize("case", sorted(FILE_CASES))
def test_bad_file_through_the_api(case: str, tmp_path: Path) -> None:
    make, error = FILE_CASES[case]
    path = tmp_path / f"{case}.txt"
    make(path)
    if error is None:
        art = quotecheck.extract_path(path)
        assert any(d.code == "QC-W102" for d in art.diagnostics)
        assert art.quotes[0].text == "We stay,"
        return
    with pytest.raises(error) as info:
        quotecheck.extract_path(path)
    assert info.value.source == str(path)
    assert info.value.message
    if case == "directory":  # a folder in a batch is walked; the ingester refuses one
        (refused,) = ingest_many([path])
        assert isinstance(refused, InputFailure) and refused.code == "QC-E104"
        return
    # in a batch it is a per-file record, and the good file around it is still extracted
    good_a, good_b = tmp_path / "a-good.txt", tmp_path / "z-good.txt"
    good_a.write_text(GOOD, encoding="utf-8")
    good_b.write_text(GOOD, encoding="utf-8")
    results = list(quotecheck.extract_many([good_a, path, good_b]))
    assert [type(r) for r in results] == [Article, InputFailure, Article]
    failure = results[1]
    assert isinstance(failure, InputFailure)
    assert failure.source == str(path)
    assert failure.code == error.code or (error is InputError and failure.code.startswith("QC-E10"))
    report = quotecheck.check([good_a, path, good_b])
    assert len(report.articles) == 2 and len(report.errors) == 1


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _make_unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000; as root (which reads it anyway) ``open`` is made to refuse it instead."""
    path.chmod(0)
    if not _as_root():
        return
    real_open = builtins.open
    target = os.fspath(path)

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    _make_unreadable(locked, monkeypatch)
    try:
        with pytest.raises(UnreadableInputError, match="permission denied"):
            quotecheck.extract_path(locked)
        report = quotecheck.check([locked, good])
        assert [e.code for e in report.errors] == ["QC-E104"]
        assert [a.source for a in report.articles] == [str(good)]
    finally:
        locked.chmod(0o644)


def test_file_that_disappears_between_listing_and_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    vanishing = os.fspath(folder / "b.txt")
    real_stat = os.stat

    def stat_after_delete(path: Any, *args: Any, **kwargs: Any) -> Any:
        # the folder was listed; b.txt goes away just before it is read
        if (
            isinstance(path, (str, os.PathLike))
            and os.fspath(path) == vanishing
            and os.path.lexists(vanishing)
        ):
            os.unlink(vanishing)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_after_delete)
    out = tmp_path / "report.json"
    assert main(["check", str(folder), "--format", "json", "-o", str(out)]) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["source"] for e in data["errors"]] == [vanishing]
    assert data["errors"][0]["code"] == "QC-E104"
    assert "does not exist" in data["errors"][0]["message"]
    assert [a["source"] for a in data["articles"]] == [
        os.fspath(folder / "a.txt"),
        os.fspath(folder / "c.txt"),
    ]
    assert "b.txt" in capsys.readouterr().err


def test_every_bad_file_in_one_cli_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One folder holding every kind of bad file and two good ones: the CLI reports each bad
    file as an error of its own, both good articles in full, exits 2, and writes the file."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z-good.md").write_text("# Title\n\n" + GOOD, encoding="utf-8")
    for case, (make, _) in FILE_CASES.items():
        if case != "directory":  # a folder inside a folder is walked, not read
            make(folder / f"{case}.txt")
    locked = folder / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    _make_unreadable(locked, monkeypatch)
    out = tmp_path / "report.json"
    try:
        assert main(["check", str(folder), "--format", "json", "-o", str(out)]) == 2
    finally:
        locked.chmod(0o644)
    data = json.loads(out.read_text(encoding="utf-8"))
    sources = {os.path.basename(a["source"]) for a in data["articles"]}
    assert {"a-good.txt", "z-good.md", "invalid-utf8.txt"} <= sources
    errors = {os.path.basename(e["source"]): e["code"] for e in data["errors"]}
    expected = {
        "binary.txt": "QC-E102",
        "binary-no-nul.txt": "QC-E102",
        "empty.txt": "QC-E101",
        "whitespace.txt": "QC-E101",
        "symlink-loop.txt": "QC-E104",
        "loop-b.txt": "QC-E104",
        "broken-symlink.txt": "QC-E104",
        "locked.txt": "QC-E104",
    }
    for name, code in expected.items():
        assert errors.get(name) == code, (name, errors)
    assert errors.get("invalid-utf8-cjk.txt", "").startswith("QC-E10")
    good = next(a for a in data["articles"] if a["source"].endswith("a-good.txt"))
    assert good["quotes"][0]["speaker"]["name"] == "Anna Berg"
    err = capsys.readouterr().err
    assert "symlink-loop.txt" in err and "binary.txt" in err


def test_directory_named_as_a_file_on_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.txt").write_text(GOOD, encoding="utf-8")
    # a folder argument is walked, whatever its name
    assert main(["extract", str(tmp_path / "dir.txt"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [os.path.basename(a["source"]) for a in data["articles"]] == ["inner.txt"]


def test_cli_never_writes_inputs(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    raw = b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(raw)
    before = path.stat().st_mtime_ns
    assert main(["check", str(path), "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    assert path.read_bytes() == raw and path.stat().st_mtime_ns == before
