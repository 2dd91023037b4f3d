"""The public surface of quotecheck.ingest."""

from __future__ import annotations

import dataclasses

import pytest

import quotecheck.ingest as ingest
from quotecheck.ingest.diagnostics import CODES
from quotecheck.models import Article

from .helpers import DATA


def test_public_names() -> None:
    assert sorted(ingest.__all__) == [
        "Ingested",
        "ingest_bytes",
        "ingest_many",
        "ingest_path",
        "ingest_text",
    ]
    for name in ingest.__all__:
        assert getattr(ingest, name).__doc__


def test_ingested_is_frozen_with_the_agreed_fields() -> None:
    fields = [f.name for f in dataclasses.fields(ingest.Ingested)]
    assert fields == [
        "source",
        "text",
        "segments",
        "original_length",
        "title",
        "date",
        "diagnostics",
        "original",
    ]
    ing = ingest.ingest_text("A Headline For Testing\n\nThe body, officials said.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ing.text = "changed"  # type: ignore[misc]


def test_an_article_can_be_built_from_an_ingested_input() -> None:
    ing = ingest.ingest_path(DATA / "repeated_body.txt")
    article = Article(
        source=ing.source,
        title=ing.title,
        date=ing.date,
        text=ing.text,
        original_length=ing.original_length,
        segments=ing.segments,
        diagnostics=ing.diagnostics,
    )
    start = ing.text.index("blank cheque")
    ostart, oend = article.to_original(start, start + len("blank cheque"))
    assert ing.original[ostart:oend] == "blank cheque"


def test_every_diagnostic_code_is_documented() -> None:
    docs = (DATA.parents[2] / "docs" / "ingestion.md").read_text(encoding="utf-8")
    for code, name in CODES.items():
        assert f"`{code}`" in docs and name in docs
