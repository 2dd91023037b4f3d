"""A private on-disk cache for objects that are slow to build and cheap to load.

Compiling the attribution cue patterns takes about half a second (thirteen of them embed
the whole speaker alternation), while loading the compiled patterns from a pickle takes
about ten milliseconds; a pre-commit hook that checks one article would spend most of its
time compiling. :func:`cached_build` runs a build function once per *key* and keeps what
it returns in the user's cache folder.

The key is a hash of everything the result depends on, so a stale entry is never used:

* the name, the build function (module and qualified name) and its arguments (``repr``);
* the source of the build function's module and of any ``files`` the caller adds (so a
  change to a pattern or a data file invalidates the entry by itself);
* every lexicon file: the packaged ones (with their loader) and those of the lexicon
  folders given (``QUOTECHECK_LEXICON_DIR``), names and contents;
* the versions of Python, quotecheck and the ``regex`` module (compiled patterns are
  pickled as the engine's code, which only the same version may read).

Where: ``QUOTECHECK_CACHE_DIR`` if set, else the platform's user cache folder
(``~/.cache/quotecheck`` on Linux, honouring ``XDG_CACHE_HOME``; found with
``platformdirs``). ``QUOTECHECK_NO_CACHE=1`` turns the cache off (every run builds).

Loading a pickle runs code, so an entry is loaded only when nobody else could have
written it: on POSIX the folder must belong to the current user (it is created 0700 and
tightened to 0700 if it is more open) and the file must be a regular file of the current
user with no permission for group or others (written 0600); it is opened without
following a symbolic link, and checked on the open descriptor. An entry is written to a
temporary file in the same folder and renamed into place, so a reader never sees half a
file; it starts with a header that repeats the key and a SHA-256 of the pickle, so a
truncated or foreign file is recognised and ignored. Any problem (unreadable, stale,
corrupt, a read-only disk) falls back to building, and is logged at debug level: the
cache can make a run faster, never make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["CACHE_DIR_ENV", "NO_CACHE_ENV", "cache_dir", "cache_key", "cached_build"]

log = logging.getLogger("quotecheck.cache")

CACHE_DIR_ENV = "QUOTECHECK_CACHE_DIR"
NO_CACHE_ENV = "QUOTECHECK_NO_CACHE"
_FORMAT = b"quotecheck-cache 1\n"
#: Entries of one name kept besides the newest (another lexicon folder, another version).
KEEP_OTHERS = 3

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when ``QUOTECHECK_NO_CACHE`` turns the cache off."""
    if os.environ.get(NO_CACHE_ENV, "").strip().lower() not in ("", "0", "false", "no"):
        return None
    raw = os.environ.get(CACHE_DIR_ENV, "")
    if raw:
        return Path(raw).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("quotecheck", appauthor=False))


def _lexicon_files(dirs: Sequence[Path]) -> Iterable[tuple[str, bytes]]:
    """``(name, content)`` of every packaged lexicon file, then of each extra folder's."""
    pkg = resources.files("quotecheck.lexicons")
    for entry in sorted(pkg.iterdir(), key=lambda e: e.name):
        if entry.is_file():  # the word lists and their loader (__init__.py)
            yield f"lexicons/{entry.name}", entry.read_bytes()
    for d in dirs:
        try:
            names = sorted(os.listdir(d))
        except OSError:
            yield f"{d}/", b"(not a readable folder)"
            continue
        for name in names:
            path = Path(d) / name
            if path.is_file():
                try:
                    yield str(path), path.read_bytes()
                except OSError:
                    yield str(path), b"(unreadable)"


def cache_key(
    name: str,
    build: Callable[..., object],
    args: Sequence[object] = (),
    *,
    lexicon_dirs: Sequence[Path] = (),
    files: Sequence[Path | Traversable] = (),
) -> str:
    """The hex SHA-256 of everything an entry built by ``build(*args)`` depends on."""
    import regex

    from quotecheck import __version__

    h = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        h.update(f"{label}\0{len(data)}\0".encode())
        h.update(data)

    part("format", _FORMAT)
    part("name", name.encode())
    part("python", sys.version.encode())
    part("quotecheck", __version__.encode())
    part("regex", str(regex.__version__).encode())
    part("build", f"{build.__module__}.{build.__qualname__}".encode())
    part("args", repr(tuple(args)).encode())
    module = sys.modules.get(build.__module__)
    sources: list[Path | Traversable] = []
    if module is not None and module.__file__:
        sources.append(Path(module.__file__))
    for path in [*sources, *files]:
        try:
            part(f"file:{path.name}", path.read_bytes())
        except OSError:
            part(f"file:{path.name}", b"(unreadable)")
    for label, data in _lexicon_files(lexicon_dirs):
        part(label, data)
    return h.hexdigest()


def _posix_owner_checks() -> bool:
    return hasattr(os, "getuid")


def _usable_dir(folder: Path) -> bool:
    """Create ``folder`` (0700) if needed; whether it is the current user's and private."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
    except OSError as exc:
        log.debug("cache folder %s unusable: %s", folder, exc)
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not _posix_owner_checks():
        return True  # Windows: the per-user cache folder is private by its ACL
    if info.st_uid != os.getuid():
        log.debug("cache folder %s belongs to another user; not used", folder)
        return False
    if info.st_mode & 0o077:
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            log.debug("cannot make cache folder %s private: %s", folder, exc)
            return False
    return True


def _header(key: str, payload: bytes) -> bytes:
    return _FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"


def _entry(folder: Path, name: str, key: str) -> Path:
    return folder / f"{name}-{key[:32]}.pickle"


_MISS = object()


def _load(path: Path, key: str) -> object:
    """The object stored at ``path`` for ``key``, or ``_MISS``."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return _MISS  # not there yet (or a symbolic link: refused)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            return _MISS
        if _posix_owner_checks() and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            log.debug("cache entry %s is not private to this user; ignored", path)
            return _MISS
        data = fh.read()
    head_len = len(_FORMAT) + len(key) + 1 + 64 + 1
    payload = data[head_len:]
    if data[:head_len] != _header(key, payload):
        log.debug("cache entry %s is stale or damaged; rebuilding", path)
        return _MISS
    try:
        return pickle.loads(payload)
    except Exception as exc:  # a damaged pickle, a class that moved: build instead
        log.debug("cache entry %s cannot be loaded (%r); rebuilding", path, exc)
        return _MISS


def _store(folder: Path, name: str, key: str, obj: object) -> None:
    """Write ``obj`` atomically (temporary file + rename) and prune older entries."""
    path = _entry(folder, name, key)
    try:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        log.debug("cannot pickle %s for the cache: %r", name, exc)
        return
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)  # 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(_header(key, payload))
            fh.write(payload)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        log.debug("cannot write cache entry %s: %s", path, exc)
        return
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _prune(folder, name, keep=path)


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Remove the entries of ``name`` beyond the newest :data:`KEEP_OTHERS` others."""
    try:
        others = [p for p in folder.glob(f"{name}-*.pickle") if p != keep]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_OTHERS:]:
            old.unlink()
    except OSError as exc:  # a concurrent run pruned first, a read-only folder: harmless
        log.debug("cache pruning in %s: %s", folder, exc)


def cached_build(
    name: str,
    build: Callable[..., T],
    *args: Any,
    lexicon_dirs: Sequence[Path] = (),
    files: Sequence[Path | Traversable] = (),
) -> T:
    """``build(*args)``, loaded from the cache when an entry with the same key exists.

    ``name`` names the entry's file (letters, digits and dashes); ``lexicon_dirs`` are the
    extra lexicon folders ``build`` reads (the packaged lexicons always count); ``files``
    are data files it reads besides its own module's source. A class given as ``build``
    must be what is loaded back (an entry of another type is rebuilt).
    """
    folder = cache_dir()
    if folder is None or not _usable_dir(folder):
        return build(*args)
    try:
        key = cache_key(name, build, args, lexicon_dirs=lexicon_dirs, files=files)
    except Exception as exc:  # e.g. an argument whose repr fails: no caching
        log.debug("no cache key for %s: %r", name, exc)
        return build(*args)
    path = _entry(folder, name, key)
    found = _load(path, key)
    if found is not _MISS and (not isinstance(build, type) or isinstance(found, build)):
        return found  # type: ignore[return-value]
    obj = build(*args)
    _store(folder, name, key, obj)
    return obj
