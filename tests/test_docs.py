"""Documentation stays true: the published schema, the generated pages (docs/checks.md,
docs/errors.md), the package docstring example, and the CLI's JSON validating against
the schema."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import jsonschema
import pytest

import quotecheck
from quotecheck import errors
from quotecheck.checks import CHECKS
from quotecheck.cli import main
from quotecheck.codes import DIAGNOSTICS, EXIT_CODES
from quotecheck.docgen import PAGES, checks_page, errors_page, rst_to_markdown
from quotecheck.docgen import main as docgen_main
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


@pytest.mark.parametrize("page", sorted(PAGES))
def test_generated_pages_are_current(page: str) -> None:
    published = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert published == PAGES[page](), f"regenerate: python -m quotecheck.docgen ({page})"


def test_docgen_check_mode_reports_a_stale_page(tmp_path: Path) -> None:
    for page, render in PAGES.items():
        (tmp_path / page).write_text(render(), encoding="utf-8")
    assert docgen_main(["--check", "--docs", str(tmp_path)]) == 0
    (tmp_path / "errors.md").write_text("# hand-edited\n", encoding="utf-8")
    assert docgen_main(["--check", "--docs", str(tmp_path)]) == 1
    assert (tmp_path / "errors.md").read_text(encoding="utf-8") == "# hand-edited\n"


@pytest.mark.parametrize(
    ("rst", "markdown"),
    [
        ("Uses ``ignore`` codes.", "Uses `ignore` codes.\n"),
        ("See :mod:`quotecheck.checks.qc104_numbers`.", "See `quotecheck.checks.qc104_numbers`.\n"),
        ("Calls :func:`~quotecheck.crosscheck.align.tokens`.", "Calls `tokens`.\n"),
        (
            "Severity:\n\n* ``error`` when a negation changed;\n* ``info`` otherwise.",
            "Severity:\n\n- `error` when a negation changed;\n- `info` otherwise.\n",
        ),
        (
            "=====  =======\ncode   default\n=====  =======\nQC101  warning\n=====  =======",
            "| code | default |\n|---|---|\n| QC101 | warning |\n",
        ),
        (
            "The tree::\n\n    Base\n    └── Child\n\nAfter.",
            "The tree:\n\n```\nBase\n└── Child\n```\n\nAfter.\n",
        ),
    ],
)
def test_docstrings_become_markdown(rst: str, markdown: str) -> None:
    assert rst_to_markdown(rst) == markdown


def test_a_check_the_template_leaves_out_is_still_documented() -> None:
    page = checks_page("# Checks\n\n{{package}}\n\n{{rule QC101}}\n")
    for code, rule in CHECKS.items():
        assert page.count(f"## {code} `{rule.kind}`") == 1
        assert f"**default severity**: {rule.severity}" in page


def test_an_unknown_placeholder_is_an_error() -> None:
    with pytest.raises(KeyError, match="rule QC999"):
        checks_page("{{rule QC999}}")


def test_errors_page_lists_every_error_class_and_code() -> None:
    page = errors_page()
    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.QuotecheckError)
    ]
    for cls in classes:
        assert re.search(rf"{cls.__name__}\s+{cls.code}  \S", page), cls.__name__
    for d in DIAGNOSTICS:
        assert f"| `{d.code}` | {d.name} | {d.level} |" in page
    for status, _ in EXIT_CODES:
        assert f"| {status} |" in page
