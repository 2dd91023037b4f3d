"""Accuracy against a gold file in PolNeAR's JSONL format, given by path.

    python -m quotecheck.eval GOLD.jsonl [--pred-out PRED.jsonl] [--report REPORT.json]
        [--backend rules] [--kinds direct,partial]

Writes predictions in the scorer's format (one record per article:
``{"id", "quotes": [{"start", "end", "kind", "speaker", "speaker_start",
"speaker_end"}]}``) and scores them with the same rules as the benchmark's
``score.py``: direct quotes (precision, recall, F1, speaker accuracy,
end-to-end F1), and mixed and indirect attributions. The gold text is read at
run time and never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import regex

from quotecheck import quotemarks
from quotecheck.api import extract

__all__ = ["main", "predict", "score"]

_MARKS = quotemarks.ALL
_WORD = regex.compile(r"\w+")


def predict(records: Iterable[dict[str, Any]], *, backend: str = "rules") -> list[dict[str, Any]]:
    """Predictions for gold records (each with ``id`` and ``text``)."""
    out = []
    for rec in records:
        art = extract(rec["text"], source=rec["id"], backend=backend)
        quotes = []
        for q in art.quotes:
            sp = q.speaker
            # a mixed quote is scored on its whole attributed clause, as the gold marks it
            span = q.content if q.content is not None and q.kind == "partial" else q
            quotes.append(
                {
                    "start": span.start,
                    "end": span.end,
                    "kind": q.kind,
                    "rule": q.rule,
                    "cue": q.cue.text if q.cue else None,
                    "speaker": sp.name if sp else None,
                    "speaker_start": sp.mention.start if sp else None,
                    "speaker_end": sp.mention.end if sp else None,
                }
            )
        out.append({"id": rec["id"], "quotes": quotes})
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _MARKS):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _MARKS or text[e - 1] in ",."):
        e -= 1
    return s, e


def _ov(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _toks(s: str | None) -> list[str]:
    return [w.lower() for w in _WORD.findall(s or "") if w.lower() != "s"]


def _speaker_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    if p.get("speaker_start") is not None and p.get("speaker_end") is not None:
        for s, e in g.get("speaker_spans") or []:
            if _ov((p["speaker_start"], p["speaker_end"]), (s, e)) > 0:
                return True
    pt = _toks(p.get("speaker"))
    return bool(pt) and pt[-1] in set(_toks(g.get("speaker")))


def score(
    gold: Sequence[dict[str, Any]],
    pred: Sequence[dict[str, Any]],
    *,
    gold_types: Sequence[str] = ("direct",),
    pred_kinds: Sequence[str] | None = None,
) -> dict[str, float | int]:
    """The benchmark's scoring rules (see the module docstring)."""
    by_id = {p["id"]: p for p in pred}
    n_gold = n_pred = tp_det = tp_prec = spk_n = spk_ok = e2e = 0
    for g in gold:
        text = g["text"]
        gd = [q for q in g["quotes"] if q.get("quote_type") in gold_types]
        gall = [(q["inner_start"], q["inner_end"]) for q in g["quotes"]]
        ps = []
        for p in by_id.get(g["id"], {"quotes": []})["quotes"]:
            s, e = _strip(text, p["start"], p["end"])
            if e <= s or (pred_kinds and p.get("kind") not in pred_kinds):
                continue
            ps.append(dict(p, _s=s, _e=e))
        n_gold += len(gd)
        n_pred += len(ps)
        for p in ps:
            if any(_ov((p["_s"], p["_e"]), ga) >= 0.5 * (p["_e"] - p["_s"]) for ga in gall):
                tp_prec += 1
        pairs = []
        for i, q in enumerate(gd):
            gs, ge = q["inner_start"], q["inner_end"]
            for j, p in enumerate(ps):
                o = _ov((gs, ge), (p["_s"], p["_e"]))
                if o >= 0.5 * max(ge - gs, p["_e"] - p["_s"]):
                    pairs.append((o, i, j))
        pairs.sort(reverse=True)
        ug: set[int] = set()
        up: set[int] = set()
        for _, i, j in pairs:
            if i in ug or j in up:
                continue
            ug.add(i)
            up.add(j)
            tp_det += 1
            if gd[i].get("speaker"):
                spk_n += 1
                if _speaker_ok(ps[j], gd[i]):
                    spk_ok += 1
                    e2e += 1
    prec = tp_prec / n_pred if n_pred else 0.0
    rec = tp_det / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    pe = e2e / n_pred if n_pred else 0.0
    re_ = e2e / n_gold if n_gold else 0.0
    fe = 2 * pe * re_ / (pe + re_) if pe + re_ else 0.0
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "speaker_acc": round(spk_ok / spk_n, 4) if spk_n else 0.0,
        "speaker_n": spk_n,
        "e2e_f1": round(fe, 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m quotecheck.eval", description=__doc__.split("\n")[0]
    )
    ap.add_argument("gold", type=Path, help="gold JSONL (PolNeAR format), e.g. polnear_dev.jsonl")
    ap.add_argument("--pred-out", type=Path, help="write predictions here (JSONL)")
    ap.add_argument("--report", type=Path, help="write the scores here (JSON)")
    ap.add_argument("--backend", default="rules")
    ap.add_argument("--kinds", default="direct", help="predicted kinds scored against direct gold")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args(argv)
    try:
        with args.gold.open(encoding="utf-8") as fh:
            gold = [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"quotecheck.eval: cannot read gold file {args.gold}: {exc}", file=sys.stderr)
        return 2
    if args.limit:
        gold = gold[: args.limit]
    t0 = time.perf_counter()
    pred = predict(gold, backend=args.backend)
    secs = time.perf_counter() - t0
    if args.pred_out:
        with args.pred_out.open("w", encoding="utf-8") as fh:
            for p in pred:
                fh.write(json.dumps(p) + "\n")
    kinds = [k for k in args.kinds.split(",") if k]
    report = {
        "gold_file": str(args.gold),
        "articles": len(gold),
        "backend": args.backend,
        "seconds": round(secs, 2),
        "direct": score(gold, pred, gold_types=("direct",), pred_kinds=kinds),
        "direct_any_kind": score(gold, pred, gold_types=("direct",)),
        "mixed": score(gold, pred, gold_types=("mixed",), pred_kinds=["partial", "direct"]),
        "indirect": score(gold, pred, gold_types=("indirect",), pred_kinds=["reported"]),
        "all": score(gold, pred, gold_types=("direct", "mixed", "indirect")),
    }
    text = json.dumps(report, indent=2)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
