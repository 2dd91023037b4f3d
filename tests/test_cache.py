"""The private on-disk cache of built objects (quotecheck.cache) and its use for the patterns."""

from __future__ import annotations

import os
import pickle
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import quotecheck
from quotecheck import cache
from quotecheck.cache import cache_dir, cache_key, cached_build
from quotecheck.extract import cues, reported

BUILDS: list[tuple[str, ...]] = []


@dataclass(frozen=True)
class Built:
    """What the test build function returns (picklable: a module-level class)."""

    words: tuple[str, ...]


def build_words(*words: str) -> Built:
    BUILDS.append(words)
    return Built(words)


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(where))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    BUILDS.clear()
    return where


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_the_test_session_never_uses_the_real_cache_folder() -> None:
    # tests/conftest.py spells the two names out; they must be the module's
    assert (cache.CACHE_DIR_ENV, cache.NO_CACHE_ENV) == (
        "QUOTECHECK_CACHE_DIR",
        "QUOTECHECK_NO_CACHE",
    )
    assert "quotecheck-test-cache-" in os.environ[cache.CACHE_DIR_ENV]


def test_builds_once_then_loads(folder: Path) -> None:
    first = cached_build("words", build_words, "a", "b")
    second = cached_build("words", build_words, "a", "b")
    assert first == second == Built(("a", "b"))
    assert BUILDS == [("a", "b")]
    (entry,) = _entries(folder)
    assert entry.name.startswith("words-")


def test_entries_are_private(folder: Path) -> None:
    cached_build("words", build_words, "a")
    (entry,) = _entries(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert not list(folder.glob("*.tmp")), "the temporary file was renamed into place"


def test_an_open_folder_of_the_user_is_made_private(folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o755)
    cached_build("words", build_words, "a")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("args", "other"),
    [
        (("a",), ("b",)),  # another argument
        (("a",), ("a", "b")),
    ],
)
def test_different_arguments_are_different_entries(
    folder: Path, args: tuple[str, ...], other: tuple[str, ...]
) -> None:
    assert cached_build("words", build_words, *args) == Built(args)
    assert cached_build("words", build_words, *other) == Built(other)
    assert cached_build("words", build_words, *args) == Built(args)
    assert [args, other] == BUILDS


def test_a_changed_data_file_or_lexicon_invalidates(folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "rules.txt"
    data.write_text("one\n", encoding="utf-8")
    lex = tmp_path / "lexicons"
    lex.mkdir()
    kw = {"files": [data], "lexicon_dirs": (lex,)}
    cached_build("words", build_words, "a", **kw)
    cached_build("words", build_words, "a", **kw)
    assert len(BUILDS) == 1
    data.write_text("two\n", encoding="utf-8")
    cached_build("words", build_words, "a", **kw)
    assert len(BUILDS) == 2
    (lex / "titles.txt").write_text("Harbourmaster\n", encoding="utf-8")
    cached_build("words", build_words, "a", **kw)
    assert len(BUILDS) == 3
    cached_build("words", build_words, "a", **kw)
    assert len(BUILDS) == 3


def test_the_key_covers_versions_and_the_build_source(tmp_path: Path) -> None:
    base = cache_key("words", build_words, ("a",))
    assert cache_key("words", build_words, ("a",)) == base
    assert cache_key("other", build_words, ("a",)) != base
    assert cache_key("words", Built, ("a",)) != base
    extra = tmp_path / "x.txt"
    extra.write_text("x", encoding="utf-8")
    assert cache_key("words", build_words, ("a",), files=[extra]) != base


def _damage(entry: Path, how: str) -> None:
    data = entry.read_bytes()
    if how == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        entry.write_bytes(data[:-3] + bytes([data[-3] ^ 0xFF]) + data[-2:])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "foreign pickle":
        entry.write_bytes(pickle.dumps(Built(("planted",))))


@pytest.mark.parametrize("how", ["truncated", "flipped", "empty", "foreign pickle"])
def test_a_damaged_entry_is_rebuilt_and_replaced(folder: Path, how: str) -> None:
    cached_build("words", build_words, "a")
    (entry,) = _entries(folder)
    _damage(entry, how)
    assert cached_build("words", build_words, "a") == Built(("a",))
    assert len(BUILDS) == 2
    assert cached_build("words", build_words, "a") == Built(("a",))
    assert len(BUILDS) == 2, "the rebuilt entry was written back"


def _plant(folder: Path, how: str) -> None:
    """Make the one entry in ``folder`` something another user could have written."""
    (entry,) = _entries(folder)
    if how == "group-writable file":
        entry.chmod(0o660)
    elif how == "world-readable file":
        entry.chmod(0o644)
    elif how == "file of another user":
        os.chown(entry, 12345, 12345)
    elif how == "symbolic link":
        real = folder.parent / "elsewhere.pickle"
        entry.rename(real)
        entry.symlink_to(real)


@pytest.mark.parametrize(
    "how",
    ["group-writable file", "world-readable file", "file of another user", "symbolic link"],
)
def test_an_entry_another_user_could_have_written_is_never_loaded(
    folder: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "file of another user" and os.getuid() != 0:
        pytest.skip("changing a file's owner needs root")
    cached_build("words", build_words, "a")
    _plant(folder, how)
    loaded: list[bytes] = []
    real_loads = pickle.loads
    monkeypatch.setattr(pickle, "loads", lambda data: loaded.append(data) or real_loads(data))
    assert cached_build("words", build_words, "a") == Built(("a",))
    assert loaded == [], "the pickle was not even unpickled"
    assert len(BUILDS) == 2


def test_a_folder_of_another_user_is_not_used(folder: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("changing a folder's owner needs root")
    folder.mkdir(mode=0o700)
    os.chown(folder, 12345, 12345)
    cached_build("words", build_words, "a")
    cached_build("words", build_words, "a")
    assert len(BUILDS) == 2
    assert _entries(folder) == []


@pytest.mark.parametrize(("value", "off"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_no_cache_variable(
    folder: Path, monkeypatch: pytest.MonkeyPatch, value: str, off: bool
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, value)
    assert (cache_dir() is None) == off
    cached_build("words", build_words, "a")
    cached_build("words", build_words, "a")
    assert len(BUILDS) == (2 if off else 1)
    assert (not folder.exists()) == off


def test_default_folder_is_the_platform_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "quotecheck"
    else:
        assert cache_dir() is not None


def test_an_unwritable_folder_still_builds(folder: Path) -> None:
    folder.write_text("a file where the folder should be", encoding="utf-8")
    assert cached_build("words", build_words, "a") == Built(("a",))
    assert cached_build("words", build_words, "a") == Built(("a",))
    assert len(BUILDS) == 2


def test_old_entries_of_a_name_are_pruned(folder: Path) -> None:
    for n in range(cache.KEEP_OTHERS + 3):
        cached_build("words", build_words, str(n))
    assert len(_entries(folder)) == cache.KEEP_OTHERS + 1


ARTICLE = (
    '"We will keep the ferry running through the winter," council leader Maria Okafor said '
    "on Tuesday. The harbourmaster, Tom Reilly, said the crossing was safe.\n\n"
    '"It is a lifeline," said Reilly.\n'
)


def test_cue_patterns_from_the_cache_extract_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    cues._patterns.cache_clear()
    compiled = quotecheck.extract(ARTICLE).model_dump_json()
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    cues._patterns.cache_clear()
    quotecheck.extract(ARTICLE)  # compiles and writes the entry
    assert [p.name.split("-")[0] for p in _entries(folder)].count("cue") == 1
    cues._patterns.cache_clear()

    def no_compiling(self: cues.CuePatterns, dirs: object = ()) -> None:
        raise AssertionError("the patterns should come from the cache")

    with monkeypatch.context() as m:
        m.setattr(cues.CuePatterns, "__init__", no_compiling)
        assert quotecheck.extract(ARTICLE).model_dump_json() == compiled
    cues._patterns.cache_clear()


def test_a_lexicon_folder_gets_its_own_cue_patterns(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lex = tmp_path / "newsroom"
    lex.mkdir()
    (lex / "titles.txt").write_text("Harbourmaster\n", encoding="utf-8")
    cues._patterns.cache_clear()
    cues.patterns()
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(lex))
    with_lex = cues.patterns()
    assert "Harbourmaster" in with_lex.titles
    assert len([p for p in _entries(folder) if p.name.startswith("cue-patterns-")]) == 2
    cues._patterns.cache_clear()


def _clear_pattern_caches() -> None:
    cues._patterns.cache_clear()
    reported._patterns.cache_clear()


def test_reported_patterns_from_the_cache_extract_the_same(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    _clear_pattern_caches()
    compiled = quotecheck.extract(ARTICLE).model_dump_json()
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    _clear_pattern_caches()
    quotecheck.extract(ARTICLE)  # compiles and writes both entries
    names = [p.name for p in _entries(folder)]
    assert len([n for n in names if n.startswith("reported-patterns-")]) == 1
    _clear_pattern_caches()

    def no_compiling(self: object, *args: object) -> None:
        raise AssertionError("the patterns should come from the cache")

    with monkeypatch.context() as m:
        m.setattr(reported._Patterns, "__init__", no_compiling)
        assert quotecheck.extract(ARTICLE).model_dump_json() == compiled
    _clear_pattern_caches()


def test_reported_patterns_on_other_cue_patterns_are_built_not_cached(folder: Path) -> None:
    _clear_pattern_caches()
    own = cues.CuePatterns()  # not the shared object: its patterns may differ
    lex = reported._lexicon(())
    built = reported._patterns(own, lex)
    assert built.after_verb_speaker is own.after_verb_name
    assert not [p for p in _entries(folder) if p.name.startswith("reported-patterns-")]
    _clear_pattern_caches()
