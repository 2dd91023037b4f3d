"""Quality gate on the external gold standard: PolNeAR dev, read from the benchmarks folder
(``QUOTECHECK_BENCHMARKS``, by default ../shared/benchmarks) at run time (never copied into the repository), scored with the benchmark's rules.

Floors sit a little below the figures measured when they were set (docs/accuracy.md);
lowering one is a decision to record there.
"""

from __future__ import annotations

import json

import pytest
from shared_data import BENCHMARKS, missing

from quotecheck.devtools.eval import predict, score

GOLD = BENCHMARKS / "polnear_dev.jsonl"

# measured 2026-12-05 (rules backend, issue 14): precision 0.983, recall 0.934, F1 0.958,
# speaker accuracy 0.972, e2e F1 0.897 (before: F1 0.944, speaker 0.956, e2e 0.871)
FLOORS = {"precision": 0.975, "recall": 0.925, "f1": 0.95, "speaker_acc": 0.965, "e2e_f1": 0.888}


@pytest.mark.skipif(
    not GOLD.is_file(), reason=missing("PolNeAR dev split", GOLD, "QUOTECHECK_BENCHMARKS")
)
def test_polnear_dev_direct_quotes_meet_the_floors() -> None:
    with GOLD.open(encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    scores = score(gold, predict(gold), gold_types=("direct",), pred_kinds=("direct",))
    assert scores["gold"] == 579
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, f"{key} {scores[key]} fell below its floor {floor}"
