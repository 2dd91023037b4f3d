"""One catalogue of codes: every diagnostic code the package writes is in
quotecheck.codes, once, and the modules that issue them take them from there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quotecheck.analysis.stanza_backend import FALLBACK_CODE, NOT_INSTALLED_CODE
from quotecheck.codes import DIAGNOSTICS, QUOTE_NOTES, code_of, diagnostic_code
from quotecheck.ingest.diagnostics import CODES, diagnostic

PACKAGE = Path(__file__).resolve().parents[1] / "quotecheck"


def test_codes_and_names_are_unique() -> None:
    assert len({d.code for d in DIAGNOSTICS}) == len(DIAGNOSTICS)
    assert len({d.name for d in DIAGNOSTICS}) == len(DIAGNOSTICS)
    assert len({n for n, _ in QUOTE_NOTES}) == len(QUOTE_NOTES)


def test_every_code_written_in_the_package_is_catalogued() -> None:
    known = {d.code for d in DIAGNOSTICS}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "codes.py":
            continue
        for code in re.findall(r"QC-W\d{3}", path.read_text(encoding="utf-8")):
            assert code in known, f"{path.relative_to(PACKAGE)} writes {code}, not in codes.py"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("duplicate-body-removed", "QC-W101"),
        ("stanza-models-missing", FALLBACK_CODE),
        ("stanza-not-installed", NOT_INSTALLED_CODE),
        ("figures-failed", "QC-W501"),
    ],
)
def test_modules_take_their_codes_from_the_catalogue(name: str, code: str) -> None:
    assert code_of(name) == code
    assert diagnostic_code(code).name == name


def test_ingestion_issues_catalogued_codes_with_their_names() -> None:
    assert {d.code: d.name for d in DIAGNOSTICS if d.stage == "ingest"} == CODES
    note = diagnostic("QC-W102", "decoded as Windows-1252", "old.txt")
    assert note.message == "decoding-fallback: decoded as Windows-1252"
    assert note.source == "old.txt"
