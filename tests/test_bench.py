"""The benchmark script and the synthetic corpus (speed itself is measured, not asserted)."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotecheck.api import extract_path
from quotecheck.devtools import bench
from quotecheck.devtools.synth import load_templates, synthesize

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_synth_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    synthesize(12, tmp_path / "a", seed=4, fixtures=FIXTURES)
    synthesize(12, tmp_path / "b", seed=4, fixtures=FIXTURES)
    synthesize(12, tmp_path / "c", seed=5, fixtures=FIXTURES)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_synth_writes_story_clusters_with_new_people(tmp_path: Path) -> None:
    paths = synthesize(20, tmp_path, seed=1, fixtures=FIXTURES)
    assert len(paths) == 20 and len({p.name for p in paths}) == 20
    folders = sorted({p.parent.name for p in paths})
    assert folders[:3] == ["c00000-navy-alliance", "c00001-plant-closure", "c00002-navy-alliance"]
    originals = {
        name for arts in load_templates(FIXTURES).values() for t in arts for name in t.people
    }
    first = {p.read_text(encoding="utf-8") for p in paths if p.parent.name == folders[0]}
    for text in first:
        for person in originals:
            assert person.split()[1] not in text, person
    # one cluster's articles name the same (new) speakers
    speakers = [
        {q.speaker.name for q in extract_path(p).quotes if q.speaker is not None}
        for p in paths
        if p.parent.name == folders[1]
    ]
    assert len(set.intersection(*speakers)) >= 2


def test_synth_cuts_the_last_cluster(tmp_path: Path) -> None:
    paths = synthesize(7, tmp_path, seed=0, fixtures=FIXTURES)
    assert len(paths) == 7 and len({p.parent for p in paths}) == 2


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "texts.jsonl"
    texts = [
        '"We will keep this up," the minister said on Tuesday. About 300 people came.',
        'Officials said the plant employs 1,200 people. "It is a sad day," said Ana Ruiz.',
    ]
    path.write_text(
        "".join(json.dumps({"id": f"t{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    return path


def test_bench_extract_reads_jsonl_and_paths(jsonl: Path) -> None:
    run = bench.bench_extract([str(jsonl), str(FIXTURES / "story-plant-closure")])
    assert run.articles == 2 + 4
    assert run.quotes > 10 and run.figures > 5
    assert run.mb_per_s > 0 and run.articles_per_s > 0 and run.peak_rss_mb > 0


def test_bench_extract_jobs_counts_the_same(jsonl: Path) -> None:
    one = bench.bench_extract([str(jsonl)], trace_memory=True)
    two = bench.bench_extract([str(jsonl)], jobs=2)
    assert (one.quotes, one.figures) == (two.quotes, two.figures)
    assert one.tracemalloc_peak_mb is not None


def test_bench_cli_json(jsonl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["extract", str(jsonl), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 2 and out["machine"]["cpus"] >= 1


def test_bench_stages_times_every_stage_and_puts_the_functions_back(
    jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quotecheck.devtools import stages

    before = {(m, n): getattr(sys.modules[m], n) for m, n, _ in stages.STAGES}
    assert bench.main(["stages", str(jsonl), "--repeat", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 2 and len(out["totals"]) == 2
    # every stage ran once per text, and the stages fit inside the pass's total
    assert set(out["stages"]) == {label for _, _, label in stages.STAGES}
    assert out["calls"]["quote attribution (attribute_quotes)"] == 2
    assert out["calls"]["figures (find_figures)"] == 2
    assert out["calls"]["Quote models"] >= 2  # a quote in each text at least
    assert sum(out["stages"].values()) <= out["total_seconds"] + 1e-3
    assert {(m, n): getattr(sys.modules[m], n) for m, n, _ in stages.STAGES} == before
    assert bench.main(["stages", str(jsonl), "--repeat", "1"]) == 0
    assert "everything else" in capsys.readouterr().out


def test_bench_check_times_each_size(tmp_path: Path) -> None:
    result = bench.bench_check([4, 9], seed=2, workdir=tmp_path, fixtures=FIXTURES)
    small, large = result["runs"]
    assert (small["articles"], large["articles"]) == (4, 9)
    assert large["size_ratio"] == 2.25 and large["growth"] > 0
    assert large["quotes"] > small["quotes"] and large["findings"] >= 1
    # the corpus is kept and reused
    again = bench.bench_check([9], seed=2, workdir=tmp_path, fixtures=FIXTURES)
    assert again["extract_seconds"] == 0.0 and again["runs"][0]["findings"] == large["findings"]


def test_bench_synth_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["synth", "--articles", "5", "--out", str(tmp_path), "--fixtures", str(FIXTURES)]
    assert bench.main(args) == 0
    assert "5 articles in 1 stories" in capsys.readouterr().out


def test_bench_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["check", "--sizes", "0"]) == 2
    assert "positive" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        bench.main(["check", "--sizes", "ten"])


def test_bench_textacy_without_spacy_is_a_usage_error(
    jsonl: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy -> ImportError
    assert bench.main(["textacy", str(jsonl)]) == 2
    assert "pip install textacy" in capsys.readouterr().err


def test_bench_textacy_counts_quotes_and_survives_textacy_giving_up(
    jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # stand-ins with the two calls the reference makes: nlp.pipe and direct_quotations
    class Doc:
        def __init__(self, text: str) -> None:
            self.text = text

    class Nlp:
        def __call__(self, text: str) -> Doc:
            return Doc(text)

        def pipe(self, texts: Iterator[str]) -> Iterator[Doc]:
            return (Doc(t) for t in texts)

    def direct_quotations(doc: Doc) -> list[str]:
        if "sad day" in doc.text:
            raise ValueError("unclosed quotation")  # what textacy does on odd marks
        return doc.text.split('"')[1::2]

    spacy = types.ModuleType("spacy")
    spacy.__version__ = "0"  # type: ignore[attr-defined]
    spacy.load = lambda name: Nlp()  # type: ignore[attr-defined]
    textacy = types.ModuleType("textacy")
    textacy.__version__ = "0"  # type: ignore[attr-defined]
    extract = types.ModuleType("textacy.extract")
    extract.direct_quotations = direct_quotations  # type: ignore[attr-defined]
    textacy.extract = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "spacy", spacy)
    monkeypatch.setitem(sys.modules, "textacy", textacy)
    monkeypatch.setitem(sys.modules, "textacy.extract", extract)
    run = bench.bench_textacy([str(jsonl)], model="fake", repeat=2)
    assert run.articles == 2 and run.quotes == 1  # the second text counts 0, not a crash
    assert len(run.repeats) == 2 and run.backend.startswith("textacy 0 / spaCy 0 fake")


def test_bench_snapshot_is_byte_identical_between_runs(jsonl: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert bench.main(["snapshot", str(jsonl), "--out", str(first)]) == 0
    assert bench.main(["snapshot", str(jsonl), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["t0", "t1"]
    assert all(json.loads(line)["quotes"] for line in lines)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _cluster_files(tmp_path: Path) -> Path:
    """A clusters file over two fixture articles, their texts in a .jsonl beside it."""
    story = FIXTURES / "story-plant-closure"
    recs = [
        {"id": name, "text": (story / f"{name}.txt").read_text(encoding="utf-8")}
        for name in ("b1-wire", "b4-local-paper")
    ]
    (tmp_path / "texts.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8"
    )
    clusters = tmp_path / "clusters.json"
    clusters.write_text(json.dumps({"clusters": {"plant": [r["id"] for r in recs]}}))
    return clusters


def test_findings_snapshot_is_stable_and_relative(tmp_path: Path) -> None:
    clusters = _cluster_files(tmp_path)
    story = str(FIXTURES / "story-plant-closure")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        assert bench.main(["findings-snapshot", story, str(clusters), "--out", str(out)]) == 0
    assert first.read_bytes() == second.read_bytes()
    folder, cluster = (json.loads(line) for line in first.read_text().splitlines())
    assert folder["story"] == story and cluster["story"] == "plant"
    assert folder["findings"], "the plant-closure story has planted findings"
    sources = {e["source"] for f in folder["findings"] for e in f["evidence"]}
    assert sources <= {p.name for p in (FIXTURES / "story-plant-closure").iterdir()}
    assert "/" not in first.read_text().split('"source": "')[1].split('"')[0]


def test_findings_snapshot_names_a_missing_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clusters = _cluster_files(tmp_path)
    data = json.loads(clusters.read_text())
    data["clusters"]["plant"].append("no-such-id")
    clusters.write_text(json.dumps(data))
    assert bench.main(["findings-snapshot", str(clusters), "--out", str(tmp_path / "o")]) == 2
    assert "no-such-id" in capsys.readouterr().err


def test_gate_marks_judged_false_alarms_known_and_the_rest_new(tmp_path: Path) -> None:
    from quotecheck.devtools.gate import run_gate

    story = FIXTURES / "story-plant-closure"
    names = ("b1-wire", "b4-local-paper")
    recs = [{"id": n, "text": (story / f"{n}.txt").read_text(encoding="utf-8")} for n in names]
    (tmp_path / "texts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    clusters = tmp_path / "clusters.json"
    clusters.write_text(json.dumps({"clusters": {"plant": list(names)}, "judged": []}))
    first = run_gate(clusters)
    raised = [f for f in first.findings if f.severity != "info"]
    assert raised and {f.status for f in raised} == {"new"}
    # a reader judges the first one, naming it by publisher (the id's prefix) and offset
    target = next(f for f in raised)
    from quotecheck.api import check

    found = next(
        f for f in check([story / f"{n}.txt" for n in names]).findings if f.code == target.code
    )
    ev = found.evidence[0]
    pub = Path(ev.source).stem.split("_", 1)[0]
    entry = {
        "cluster": "plant",
        "code": target.code,
        "evidence": f"{pub} {ev.start}: ...",
        "cause": "read and rejected",
    }
    clusters.write_text(json.dumps({"clusters": {"plant": list(names)}, "judged": [entry]}))
    second = run_gate(clusters, together=True)
    marked = {(f.code, f.status, f.cause) for f in second.findings}
    assert (target.code, "known", "read and rejected") in marked
    # an offset nowhere in the finding's evidence does not match
    entry["evidence"] = f"{pub} {ev.start + 500}: ..."
    clusters.write_text(json.dumps({"clusters": {"plant": list(names)}, "judged": [entry]}))
    assert all(f.status != "known" for f in run_gate(clusters).findings)
    # one cluster checked as one batch: nothing crosses stories
    assert second.together and all(f.status != "cross-story" for f in second.together)


def test_bench_startup_times_fresh_processes() -> None:
    runs = bench.bench_startup(repeat=1)
    assert [r.label for r in runs] == [
        "import quotecheck.cli",
        "extract, cache warm",
        "extract, no cache",
    ]
    for r in runs:
        assert r.files == 1 and r.seconds > 0 and r.cpu_seconds >= 0 and len(r.repeats) == 1


def test_bench_startup_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(bench.UsageError, match="not a file"):
        bench.bench_startup(str(tmp_path), repeat=1)


def test_bench_cli_runs_the_command_line_on_every_text(
    jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["cli", str(jsonl), "--repeat", "1", "--jobs", "2", "--json"]) == 0
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    assert run["files"] == 2 and run["jobs"] == 2 and run["mb_per_s"] > 0


def test_bench_cli_reports_a_failing_command_line(tmp_path: Path) -> None:
    path = tmp_path / "texts.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "\x00\x01 binary"}) + "\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="exited 2"):
        bench.bench_cli([str(path)], repeat=1)


@pytest.mark.parametrize(("repair", "lines_repaired"), [(False, 0), (True, 1)])
def test_memory_once_measures_one_long_article(
    jsonl: Path, repair: bool, lines_repaired: int
) -> None:
    run = bench.memory_once([str(jsonl)], 0.01, repair=repair)
    assert run.characters == 10_000 + (len(bench.MOJIBAKE_LINE) if repair else 0)
    assert run.quotes > 50 and run.figures > 50
    assert run.peak_rss_growth_mb >= 0 and run.tracemalloc_peak_mb > 0
    text = bench.long_article([str(jsonl)], 0.01, repair=repair)
    assert text.startswith("Caf\u00c3\u00a9") == bool(lines_repaired)


def test_bench_memory_runs_in_a_fresh_process(
    jsonl: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["memory", str(jsonl), "--megabytes", "0.005", "--repair", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["repair"] is True and out["segments"] > 1 and out["traced_bytes_per_char"] > 0


def test_gate_dated_gives_articles_their_publication_dates(tmp_path: Path) -> None:
    """Two clusters on one running story, two months apart: as one batch their
    attribution conflict crosses the clusters; with the records' publication dates the
    story splitter parts them (more than DAYS_APART apart) and nothing crosses."""
    from quotecheck.devtools.gate import run_gate

    story = FIXTURES / "story-plant-closure"
    days = {"b1-wire": "2026-03-02", "b4-local-paper": "2026-05-04"}
    recs = [
        {"id": n, "publication_date": d, "text": (story / f"{n}.txt").read_text(encoding="utf-8")}
        for n, d in days.items()
    ]
    (tmp_path / "texts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    clusters = tmp_path / "clusters.json"
    spec = {"clusters": {"march": ["b1-wire"], "may": ["b4-local-paper"]}, "judged": []}
    clusters.write_text(json.dumps(spec))
    undated = run_gate(clusters, together=True)
    assert any(f.status == "cross-story" and f.severity == "error" for f in undated.together)
    dated = run_gate(clusters, together=True, dated=True)
    assert not [f for f in dated.together if f.status == "cross-story"]


@pytest.mark.parametrize(
    ("days", "raised"),
    [
        # one calendar week: one batch, and the planted discrepancies between them show
        ({"b1-wire": "2026-03-02", "b4-local-paper": "2026-03-04"}, True),
        # two weeks: two batches of one article each, nothing to compare
        ({"b1-wire": "2026-03-02", "b4-local-paper": "2026-03-17"}, False),
    ],
)
def test_weekly_checks_a_corpus_one_week_per_batch(
    tmp_path: Path, days: dict[str, str], raised: bool
) -> None:
    from quotecheck.devtools.gate import run_weekly

    story = FIXTURES / "story-plant-closure"
    recs = [
        {"id": n, "publication_date": d, "text": (story / f"{n}.txt").read_text(encoding="utf-8")}
        for n, d in days.items()
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    result = run_weekly(corpus)
    weeks = {f.cluster for f in result.findings}
    serious = [f for f in result.findings if f.severity != "info"]
    assert bool(serious) is raised
    assert all(f.status == "new" for f in serious)
    if raised:
        assert weeks == {"2026-W10"}
    out = bench.main(["weekly", str(corpus), "--json"])
    assert out == 0
