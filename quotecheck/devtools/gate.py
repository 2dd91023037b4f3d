"""The gate on real copy: ``python -m quotecheck.bench gate CLUSTERS.json``.

Runs ``quotecheck check`` on every story cluster of a clusters file (such as
``../shared/benchmarks/crosscheck_real_dev.json``: real multi-outlet stories in which a
person found no real discrepancy), prints per cluster and per severity the findings
raised, and marks each warning and error either as a **known** false alarm (it matches a
finding the file's ``judged`` list read and rejected: same cluster, same code, an evidence
offset the judged text names) or as **new** (nobody has read it yet: read it against the
texts). ``--together`` also checks every cluster's articles as one batch, the way a day's
copy arrives, and counts the findings whose evidence joins articles of different clusters:
those are false by construction.

``python -m quotecheck.bench weekly GOLD.jsonl`` is the harsher test: every article of a
JSON-lines corpus (PolNeAR train) checked one calendar week of publication per batch, no
story given, the way a desk that checks a week's copy at once would run it. Nobody has
judged these findings: every warning and error is listed to be read against the texts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotecheck.devtools.clusters import load_clusters, publication_dates, story_folders
from quotecheck.models import Finding
from quotecheck.report.style import shorten

__all__ = ["GateFinding", "GateResult", "judge", "run_gate", "run_weekly"]

_SLACK = 3
"""How far (characters) a finding's evidence may start from the offset a judged entry names."""


@dataclass(frozen=True)
class GateFinding:
    cluster: str
    code: str
    severity: str
    message: str
    status: str
    """``known``: a judged false alarm; ``new``: unread; ``info``: not a warning or error;
    ``cross-story``: evidence from articles of different clusters (``--together``)."""
    cause: str | None = None


@dataclass
class GateResult:
    findings: list[GateFinding] = field(default_factory=list)
    together: list[GateFinding] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        c = Counter(f"{f.severity}/{f.status}" for f in self.findings)
        c.update(f"together {f.severity}/{f.status}" for f in self.together)
        return dict(sorted(c.items()))


def _pairs(evidence: str, publishers: set[str]) -> list[tuple[str, int]]:
    """``(publisher, offset)`` for every ``publisher[_date...] 1234`` a judged text names."""
    out = []
    for m in re.finditer(r"([a-z0-9][a-z0-9\-]+)(?:_[0-9][^\s:]*)? (\d+)", evidence):
        if m.group(1) in publishers:
            out.append((m.group(1), int(m.group(2))))
    return out


def judge(
    cluster: str, finding: Finding, judged: Sequence[dict[str, Any]], publishers: set[str]
) -> tuple[str, str | None]:
    """``(status, cause)`` of one finding against the judged list."""
    if finding.severity == "info":
        return "info", None
    for j in judged:
        if j.get("cluster") != cluster or j.get("code") != finding.code:
            continue
        pairs = _pairs(str(j.get("evidence", "")), publishers)
        hit = not pairs or any(
            Path(ev.source).name.startswith(pub) and abs(ev.start - off) <= _SLACK
            for pub, off in pairs
            for ev in finding.evidence
        )
        if hit:
            return "known", str(j.get("cause") or "")
    return "new", None


def run_gate(clusters: Path, *, together: bool = False, dated: bool = False) -> GateResult:
    """Check every cluster (and, with ``together``, all of them as one batch). With
    ``dated``, each article carries the publication date its record gives (as a
    newsroom's system supplies it), which the story splitter uses."""
    from quotecheck.api import check, extract
    from quotecheck.models import Article

    days = publication_dates(clusters) if dated else {}

    def articles(files: Sequence[Path]) -> list[Article] | list[Path]:
        if not days:
            return list(files)
        out = []
        for f in files:
            art = extract(f.read_text(encoding="utf-8"), source=str(f))
            out.append(art.model_copy(update={"date": days.get(f.stem, art.date)}))
        return out

    data, _ = load_clusters(clusters)
    judged = data.get("judged", [])
    publishers = {i.split("_", 1)[0] for ids in data["clusters"].values() for i in ids}
    result = GateResult()
    with tempfile.TemporaryDirectory() as tmp:
        owner: dict[str, str] = {}
        every: list[Path] = []
        for name, files in story_folders(clusters, Path(tmp)):
            owner.update({f.name: name for f in files})
            every.extend(files)
            for f in check(articles(files)).findings:
                status, cause = judge(name, f, judged, publishers)
                result.findings.append(
                    GateFinding(name, f.code, f.severity, f.message, status, cause)
                )
        if together:
            for f in check(articles(every)).findings:
                stories = {owner[Path(ev.source).name] for ev in f.evidence}
                if len(stories) > 1:
                    status, name = "cross-story", "+".join(sorted(stories))
                else:
                    name = stories.pop() if stories else "?"
                    status, _ = judge(name, f, judged, publishers)
                result.together.append(GateFinding(name, f.code, f.severity, f.message, status))
    return result


def _week(record: dict[str, Any]) -> str:
    """``2016-W05``: the ISO week of the record's publication date (``publication_date``,
    else a ``_YYYY-MM-DD_`` in its id), or ``undated``."""
    raw = record.get("publication_date")
    if not raw and (m := re.search(r"_(\d{4}-\d\d-\d\d)_", str(record.get("id", "")))):
        raw = m.group(1)
    try:
        year, week, _ = dt.date.fromisoformat(str(raw)).isocalendar()
    except ValueError:
        return "undated"
    return f"{year}-W{week:02d}"


def run_weekly(corpus: Path, *, dated: bool = False) -> GateResult:
    """Check the records of a JSON-lines corpus (``id``, ``text``, ``publication_date``)
    one calendar week per batch. With ``dated`` each article carries its record's date."""
    from quotecheck.api import check, extract

    weeks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                weeks[_week(record)].append(record)
    result = GateResult()
    for week, records in sorted(weeks.items()):
        articles = []
        for r in records:
            art = extract(r["text"], source=str(r.get("id", "?")))
            if dated and r.get("publication_date"):
                day = dt.date.fromisoformat(r["publication_date"])
                art = art.model_copy(update={"date": day})
            articles.append(art)
        for f in check(articles).findings:
            status = "info" if f.severity == "info" else "new"
            result.findings.append(GateFinding(week, f.code, f.severity, f.message, status))
    return result


def print_gate(result: GateResult) -> None:
    clusters: dict[str, list[GateFinding]] = {}
    for f in result.findings:
        clusters.setdefault(f.cluster, []).append(f)
    for name, found in clusters.items():
        by = Counter(f.severity for f in found)
        print(f"{name}: " + ", ".join(f"{by[s]} {s}" for s in ("error", "warning", "info")))
        for f in found:
            if f.status != "info":
                why = f" ({f.cause})" if f.cause else ""
                print(f"  {f.severity:<7} {f.code} [{f.status}{why}] {shorten(f.message, 150)}")
    if result.together:
        print("all clusters as one batch:")
        for f in result.together:
            if f.status != "info":
                print(
                    f"  {f.severity:<7} {f.code} [{f.status}] {f.cluster}: {shorten(f.message, 150)}"
                )
    print("totals: " + ", ".join(f"{k} {v}" for k, v in result.counts().items()))
