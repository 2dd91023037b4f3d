"""Test-session settings shared by every test.

The compiled-pattern cache (:mod:`quotecheck.cache`) must never write into the user's real
cache folder while the tests run: the whole session, and every command-line subprocess a
test starts (they inherit the environment), uses a temporary folder of its own, removed at
the end. Tests of the cache itself point it elsewhere with ``monkeypatch``.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

# quotecheck.cache.CACHE_DIR_ENV and NO_CACHE_ENV (tests/test_cache.py checks they agree);
# spelled out so that this file imports nothing of quotecheck before the session starts
CACHE_DIR_ENV = "QUOTECHECK_CACHE_DIR"
NO_CACHE_ENV = "QUOTECHECK_NO_CACHE"

_SESSION_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    # before collection, so even a module that extracts at import time is covered
    folder = tempfile.mkdtemp(prefix="quotecheck-test-cache-")
    _SESSION_CACHE.append(folder)
    os.environ[CACHE_DIR_ENV] = folder
    os.environ.pop(NO_CACHE_ENV, None)


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _SESSION_CACHE:
        shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop(CACHE_DIR_ENV, None)
