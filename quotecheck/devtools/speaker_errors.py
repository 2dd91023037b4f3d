"""The direct-quote errors of a prediction file against PolNeAR-format gold, by class:

    python -m quotecheck.eval GOLD.jsonl --pred-out PRED.jsonl
    python -m quotecheck.devtools.speaker_errors GOLD.jsonl PRED.jsonl [--list CLASS]

It reads only the two files (any version of quotecheck can write the predictions), pairs
gold ``direct`` fragments with predictions as the benchmark's scorer does (overlap of at
least half the longer span, best pairs first), and puts every gold fragment that is not
found as direct with the right speaker in one class:

- ``missed``: no prediction overlaps it;
- ``kind:partial``, ``kind:scare``, ``kind:reported``: found, but not as a direct quote;
- ``gold-quirk``: found, but the gold source is a verb ("said"), so no speaker can match;
- ``no-speaker``: found as direct, with no speaker;
- ``not-a-name``: the speaker mention is no speaker at all (a function word, a day, a
  place, a clause fragment: :func:`quotecheck.extract.names.speaker_problem`);
- ``pronoun``: the mention is a pronoun, resolved wrongly or not at all;
- ``description``: the mention is a nominal ("the senator", "a spokesman");
- ``wrong-name``: another person or organisation.

The counts are what docs/accuracy.md reports per class before and after a change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotecheck import quotemarks
from quotecheck.extract.cues import patterns
from quotecheck.extract.names import speaker_problem

__all__ = ["classify", "main"]

_QUIRK = frozenset({"said", "says", "asked", "told", "added", "wrote", "say", "tells"})
_NOMINAL = frozenset({"the", "a", "an", "one", "another", "his", "her", "their", "its"})


def _inner(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in quotemarks.ALL):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in quotemarks.ALL or text[e - 1] in ",."):
        e -= 1
    return s, e


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _right_speaker(p: dict[str, Any], g: dict[str, Any]) -> bool:
    a, b = p.get("speaker_start"), p.get("speaker_end")
    spans = g.get("speaker_spans") or []
    if a is not None and b is not None and any(_overlap((a, b), (s, e)) > 0 for s, e in spans):
        return True
    words = (p.get("speaker") or "").replace("'s", "").split()
    return bool(words) and words[-1].lower() in (g.get("speaker") or "").lower().split()


def classify(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One record per gold direct fragment not found with the right speaker."""
    pats = patterns()
    by_id = {p["id"]: p for p in pred}
    out: list[dict[str, Any]] = []
    for g in gold:
        text = g["text"]
        gd = [q for q in g["quotes"] if q.get("quote_type") == "direct"]
        ps = []
        for p in by_id.get(g["id"], {"quotes": []})["quotes"]:
            s, e = _inner(text, p["start"], p["end"])
            if e > s:
                ps.append(dict(p, _s=s, _e=e))
        pairs = sorted(
            (
                (_overlap((q["inner_start"], q["inner_end"]), (p["_s"], p["_e"])), i, j)
                for i, q in enumerate(gd)
                for j, p in enumerate(ps)
                if p.get("kind") == "direct"
            ),
            reverse=True,
        )
        found: dict[int, dict[str, Any]] = {}
        used: set[int] = set()
        for o, i, j in pairs:
            q, p = gd[i], ps[j]
            if o < 0.5 * max(q["inner_end"] - q["inner_start"], p["_e"] - p["_s"]):
                continue
            if i not in found and j not in used:
                found[i] = p
                used.add(j)
        for i, q in enumerate(gd):
            p = found.get(i)
            cls = None
            if p is None:
                other = next(
                    (
                        x
                        for x in ps
                        if _overlap((q["inner_start"], q["inner_end"]), (x["_s"], x["_e"]))
                        >= 0.5 * max(q["inner_end"] - q["inner_start"], x["_e"] - x["_s"])
                    ),
                    None,
                )
                cls = f"kind:{other['kind']}" if other is not None else "missed"
            elif q.get("speaker") and not _right_speaker(p, q):
                cls = _speaker_class(text, p, q, pats)
            if cls is not None:
                out.append(
                    {
                        "id": g["id"],
                        "class": cls,
                        "start": q["inner_start"],
                        "end": q["inner_end"],
                        "gold_speaker": q.get("speaker"),
                        "speaker": p.get("speaker") if p else None,
                    }
                )
    return out


def _speaker_class(text: str, p: dict[str, Any], q: dict[str, Any], pats: Any) -> str:
    if (q.get("speaker") or "").strip().lower() in _QUIRK:
        return "gold-quirk"
    if p.get("speaker") is None or p.get("speaker_start") is None:
        return "no-speaker"
    mention = text[p["speaker_start"] : p["speaker_end"]]
    if mention in pats.pronouns:
        return "pronoun"
    if speaker_problem(mention, pats) is not None:
        return "not-a-name"
    if mention.split()[0].lower() in _NOMINAL or mention[:1].islower():
        return "description"
    return "wrong-name"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m quotecheck.devtools.speaker_errors", description=__doc__.split("\n")[0]
    )
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path, help="predictions written by quotecheck.eval --pred-out")
    ap.add_argument("--list", metavar="CLASS", help="also print the errors of this class")
    args = ap.parse_args(argv)
    try:
        gold = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x]
        pred = [json.loads(x) for x in args.pred.read_text(encoding="utf-8").splitlines() if x]
    except (OSError, ValueError) as exc:
        print(f"speaker_errors: cannot read the gold or prediction file: {exc}", file=sys.stderr)
        return 2
    errors = classify(gold, pred)
    counts = Counter(e["class"] for e in errors)
    print(json.dumps(dict(sorted(counts.items())), indent=2))
    if args.list:
        for e in errors:
            if e["class"] == args.list:
                print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
