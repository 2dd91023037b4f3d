"""What a command does not use is not imported (start-up time of `quotecheck extract`)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import quotecheck

NOT_FOR_EXTRACT = ("quotecheck.draft", "quotecheck.crosscheck", "quotecheck.settings", "ftfy")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    ("code", "absent"),
    [
        ("import quotecheck", NOT_FOR_EXTRACT),
        ("import quotecheck; quotecheck.extract('\"We will stay,\" she said.')", NOT_FOR_EXTRACT),
        # a plain-text article with nothing to repair never needs ftfy
        ("import quotecheck; quotecheck.extract('\u201cWe will stay,\u201d she said.')", ("ftfy",)),
    ],
)
def test_extract_imports_only_what_it_uses(code: str, absent: tuple[str, ...]) -> None:
    loaded = _modules_after(code)
    assert [m for m in absent if m in loaded] == []


def test_mojibake_still_gets_repaired_with_ftfy_imported_on_use() -> None:
    loaded = _modules_after(
        "import quotecheck; a = quotecheck.extract('\u00e2\u20ac\u0153We will stay,"
        "\u00e2\u20ac\u009d she said.'); assert a.text.startswith('\u201cWe'), a.text"
    )
    assert "ftfy" in loaded


@pytest.mark.parametrize("name", ["check_draft", "Settings"])
def test_lazy_public_names_resolve(name: str) -> None:
    assert getattr(quotecheck, name).__name__ == name
    assert name in dir(quotecheck) or name in quotecheck.__all__


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = quotecheck.no_such_name  # type: ignore[attr-defined]


def test_extract_is_the_function_not_the_subpackage() -> None:
    import quotecheck.extract.cues  # importing a submodule must not rebind the name

    assert callable(quotecheck.extract)
    assert quotecheck.extract.__module__ == "quotecheck.api"
