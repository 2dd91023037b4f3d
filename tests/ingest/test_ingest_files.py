"""Reading files: the unreadable ones each give the right error; a batch goes on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quotecheck.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    UnreadableInputError,
)
from quotecheck.ingest import Ingested, ingest_many, ingest_path
from quotecheck.models import InputFailure

from .helpers import DATA

GOOD = "Gates Close Early At Port Alder\n\nThe gates closed at noon, officials said.\n"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(UnreadableInputError, match=r"nope\.txt: does not exist.*check the path"):
        ingest_path(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match=r"is a directory.*pass the files inside it"):
        ingest_path(tmp_path)


def test_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(UnreadableInputError, match="symbolic link loop"):
        ingest_path(a)


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(UnreadableInputError, match="broken symbolic link"):
        ingest_path(link)


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInputError, match="not a regular file"):
        ingest_path(fifo)  # would block forever if it were opened


def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read a chmod 000 file (root)")
        with pytest.raises(UnreadableInputError, match="permission denied"):
            ingest_path(path)
    finally:
        path.chmod(0o644)


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    data = ("\ufeffConnect with us\r\n" + GOOD.replace("\n", "\r\n")).encode("utf-8")
    path.write_bytes(data)
    before = path.stat()
    ing = ingest_path(str(path))
    assert ing.source == str(path)
    assert path.read_bytes() == data
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_a_batch_with_broken_files_still_yields_the_good_ones(tmp_path: Path) -> None:
    good1 = tmp_path / "one.txt"
    good1.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    undecodable = tmp_path / "cyrillic.txt"
    undecodable.write_bytes("Ворота закрыли в полдень".encode("koi8-r"))
    good2 = tmp_path / "two.md"
    shutil.copy(DATA / "cooperation.md", good2)
    paths = [good1, empty, tmp_path / "missing.txt", binary, undecodable, tmp_path, good2]

    results = list(ingest_many(paths))

    assert len(results) == len(paths)
    assert [type(r).__name__ for r in results] == [
        "Ingested",
        "InputFailure",
        "InputFailure",
        "InputFailure",
        "InputFailure",
        "InputFailure",
        "Ingested",
    ]
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert [f.code for f in failures] == [
        EmptyInputError.code,
        UnreadableInputError.code,
        BinaryInputError.code,
        DecodingError.code,
        UnreadableInputError.code,
    ]
    assert [f.source for f in failures] == [str(p) for p in paths[1:6]]
    assert all(f.message for f in failures)
    good = [r for r in results if isinstance(r, Ingested)]
    assert good[0].title == "Gates Close Early At Port Alder"
    assert good[1].title == "Harbour authorities agree on joint patrols"


def test_a_batch_survives_an_unexpected_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotecheck.ingest.pipeline as pipeline

    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Trigger the bug\n\nsome more text here", encoding="utf-8")
    real = pipeline._ingest

    def flaky(original: str, *args: object) -> Ingested:
        if original.startswith("Trigger"):
            raise RuntimeError("boom")
        return real(original, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_ingest", flaky)
    results = list(ingest_many([bad, good]))
    assert isinstance(results[0], InputFailure)
    assert "boom" in results[0].message
    assert isinstance(results[1], Ingested)


def test_permission_denied_message_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotecheck.ingest.pipeline as pipeline

    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pipeline, "open", denied, raising=False)
    with pytest.raises(
        UnreadableInputError, match=r"permission denied.*check the file.s permissions"
    ):
        ingest_path(path)
