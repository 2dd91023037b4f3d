"""Every speaker case of the seed articles is right (issue 14).

The articles are read at run time from ``QUOTECHECK_SEEDS`` when set, else from
``../shared/seeds`` beside the repository, and never copied here: the expected file
(``data/seed_speakers.json``) holds each direct and partial quote's original offsets and
the speaker a reader gives it, judged by reading the article (among them the outer
speakers of seed 004 and Putin's "bloodiest crimes" in seed 001).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import quotecheck

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("QUOTECHECK_SEEDS") or ROOT.parent / "shared" / "seeds")
EXPECTED = json.loads((Path(__file__).parent / "data" / "seed_speakers.json").read_text("utf-8"))

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"seed articles not found at {SEEDS} (set QUOTECHECK_SEEDS to their folder)",
)


@pytest.mark.parametrize("name", sorted(EXPECTED["cases"]))
def test_every_seed_speaker_case_is_right(name: str) -> None:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed article {name} not found in {SEEDS}")
    art = quotecheck.extract(path.read_text(encoding="utf-8"), source=str(path))
    found = {
        (q.start, q.end): q.speaker.name if q.speaker else None
        for q in art.quotes
        if q.kind in ("direct", "partial")
    }
    expected = {(c["start"], c["end"]): c["speaker"] for c in EXPECTED["cases"][name]}
    assert set(found) == set(expected), "the seed's direct and partial quotes changed"
    wrong = {
        span: (found[span], speaker)
        for span, speaker in expected.items()
        if (found[span] or "").casefold() != (speaker or "").casefold()
    }
    assert not wrong, f"(found, expected) speakers at these offsets: {wrong}"
