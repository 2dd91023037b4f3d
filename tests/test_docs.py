"""Documentation stays true: the published schema, the package docstring example, and
the CLI's JSON validating against the schema."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import jsonschema
import pytest

import quotecheck
from quotecheck.cli import main
from quotecheck.schema import report_schema

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_current() -> None:
    published = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert published == report_schema(), (
        "regenerate: python -m quotecheck.schema > docs/schema.json"
    )


def test_package_docstring_example_runs() -> None:
    result = doctest.testmod(quotecheck, verbose=False)
    assert result.attempted > 0 and result.failed == 0


def test_cli_json_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "check",
            str(ROOT / "fixtures" / "story-plant-closure"),
            "--format",
            "json",
            "--fail-on",
            "never",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    schema = report_schema()
    # the CLI leaves out each article's text and offset map: drop them from "required"
    art = schema["$defs"]["Article"]
    art["required"] = [
        r for r in art.get("required", []) if r not in ("text", "segments", "original_length")
    ]
    jsonschema.validate(data, schema)
    assert data["findings"], "the fixture story has planted findings"
