"""Ingestion: read one input and produce the canonical text, its offset map and metadata.

Decoding (``decode``), mojibake repair (``repair``), Markdown stripping (``markdown``),
boilerplate removal (``boilerplate`` + the ``boilerplate.txt`` data file), repeated-body
detection (``duplicates``), title and date (``metadata``), HTML through trafilatura
(``webpage``, imported lazily) and the offset map (``offsets``). See docs/ingestion.md.
"""

from __future__ import annotations

from quotecheck.ingest.pipeline import (
    Ingested,
    ingest_bytes,
    ingest_many,
    ingest_path,
    ingest_text,
)

__all__ = ["Ingested", "ingest_bytes", "ingest_many", "ingest_path", "ingest_text"]
