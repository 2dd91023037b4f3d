"""The error classes of python -m quotecheck.devtools.speaker_errors, on gold and
predictions we wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.devtools.speaker_errors import classify, main

TEXT = (
    '"We will win," Tuesday said. "Taxes stay," he said. "Not now," said Ann Lee. '
    'The senator called it "a sad day for the town." "Go home," the crowd said.'
)


def _gold_quote(words: str, speaker: str) -> dict[str, object]:
    s = TEXT.index(words)
    e = s + len(words)
    ss = TEXT.find(speaker)
    spans = [[ss, ss + len(speaker)]] if ss >= 0 else []
    return {
        "inner_start": s,
        "inner_end": e,
        "quote_type": "direct",
        "speaker": speaker,
        "speaker_spans": spans,
    }


def _pred(words: str, kind: str, mention: str | None, name: str | None = None) -> dict[str, object]:
    s = TEXT.index(words)
    ms = TEXT.find(mention) if mention else None
    return {
        "start": s,
        "end": s + len(words),
        "kind": kind,
        "speaker": name or mention,
        "speaker_start": ms,
        "speaker_end": ms + len(mention) if mention and ms is not None else None,
    }


GOLD = [
    {
        "id": "a",
        "text": TEXT,
        "quotes": [
            _gold_quote("We will win", "Ann Lee"),
            _gold_quote("Taxes stay", "Ann Lee"),
            _gold_quote("Not now", "said"),
            _gold_quote("a sad day for the town.", "The senator"),
            _gold_quote("Go home", "Bo Reed"),
        ],
    }
]
PRED = [
    {
        "id": "a",
        "quotes": [
            _pred("We will win", "direct", "Tuesday"),
            _pred("Taxes stay", "direct", "he", "he"),
            _pred("Not now", "direct", "Ann Lee"),
            _pred("a sad day for the town.", "partial", "The senator"),
            _pred("Go home", "direct", "the crowd"),
        ],
    }
]


def test_every_error_gets_its_class() -> None:
    got = {e["start"]: e["class"] for e in classify(GOLD, PRED)}
    assert got == {
        TEXT.index("We will win"): "not-a-name",
        TEXT.index("Taxes stay"): "pronoun",
        TEXT.index("Not now"): "gold-quirk",
        TEXT.index("a sad day"): "kind:partial",
        TEXT.index("Go home"): "description",
    }


def test_main_prints_counts_and_refuses_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    g, p = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    g.write_text("\n".join(json.dumps(x) for x in GOLD), encoding="utf-8")
    p.write_text("\n".join(json.dumps(x) for x in PRED), encoding="utf-8")
    assert main([str(g), str(p)]) == 0
    assert json.loads(capsys.readouterr().out)["pronoun"] == 1
    assert main([str(g), str(tmp_path / "missing.jsonl")]) == 2
