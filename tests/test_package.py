"""Package-level promises: a small public API, light imports, the CLI entry points."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import quotecheck

ROOT = Path(__file__).resolve().parents[1]


def test_public_api_is_small_and_complete() -> None:
    assert sorted(quotecheck.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "Article",
            "Attribute",
            "BinaryInputError",
            "ConfigError",
            "Corroboration",
            "DecodingError",
            "Diagnostic",
            "DraftReport",
            "DraftVerdict",
            "EmptyInputError",
            "Evidence",
            "Figure",
            "Finding",
            "InputError",
            "InputFailure",
            "MissingDependencyError",
            "ModelError",
            "Quote",
            "QuotecheckError",
            "Report",
            "Settings",
            "Span",
            "Speaker",
            "UnreadableInputError",
            "UsageError",
            "__version__",
            "check",
            "check_draft",
            "extract",
            "extract_many",
            "extract_path",
        ]
    )
    for name in quotecheck.__all__:
        assert hasattr(quotecheck, name), name


def test_import_does_not_load_heavy_optional_packages() -> None:
    code = (
        "import sys, quotecheck; quotecheck.extract('\"Hi,\" he said.');"
        "print([m for m in ('stanza', 'torch', 'trafilatura') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_submodules_of_extract_import_with_an_alias() -> None:
    # the package binds the function quotecheck.extract over the subpackage's name; the
    # aliased form of import must still reach the subpackage's modules
    code = (
        "import quotecheck.extract.quotes as q, quotecheck.extract.cues as c, quotecheck;"
        "print(q.__name__, c.__name__, callable(quotecheck.extract))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["quotecheck.extract.quotes", "quotecheck.extract.cues", "True"]


def test_every_error_derives_from_the_base_and_has_a_code() -> None:
    errors = [getattr(quotecheck, n) for n in quotecheck.__all__ if n.endswith("Error")]
    codes = set()
    for cls in errors:
        assert issubclass(cls, quotecheck.QuotecheckError)
        codes.add(cls.code)
    assert len(codes) == len(errors)


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(
        '"We will keep this up," the prime minister said on Tuesday.\n', encoding="utf-8"
    )
    out = subprocess.run(
        [sys.executable, "-m", "quotecheck", "extract", "--format", "json", str(art)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema_version"] == quotecheck.SCHEMA_VERSION
    (a,) = data["articles"]
    assert a["source"] == str(art)
    (q,) = [q for q in a["quotes"] if q["kind"] == "direct"]
    assert {"start", "end", "text", "kind", "speaker"} <= set(q)
    assert q["speaker"]["mention"]["text"] == "the prime minister"
    assert art.read_text(encoding="utf-8")[q["start"] : q["end"]] == q["text"]
