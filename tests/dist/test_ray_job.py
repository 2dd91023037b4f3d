"""The Ray job on a local Ray instance (loopback): exactly the single-process findings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip(
    "ray", reason="Ray is not installed: pip install 'ray[data]' pyarrow (quotecheck[dist])"
)
pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install pyarrow")

from quotecheck import check  # noqa: E402
from quotecheck.dist import job  # noqa: E402
from quotecheck.devtools.synth import synthesize  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        _node_ip_address="127.0.0.1",
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two fixture stories as written, plus two synthetic retellings."""
    root = tmp_path_factory.mktemp("ray-corpus")
    for story in ("story-navy-alliance", "story-plant-closure"):
        shutil.copytree(FIXTURES / story, root / story, ignore=shutil.ignore_patterns("*.json"))
    synthesize(9, root / "synth", seed=5, fixtures=FIXTURES)
    (root / "story-plant-closure" / "empty.txt").write_text("", encoding="utf-8")
    return root


def _key(row: dict[str, str]) -> tuple[str, str, str]:
    return row["story"], row["code"], row["fingerprint"]


@pytest.mark.slow
def test_ray_job_gives_the_single_process_findings(
    local_ray: None, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "findings"
    job.run([corpus], out, fmt="jsonl", workers=2)
    got = job.read_output(out)
    expected = sorted(job.run_local([corpus]), key=_key)
    assert got == expected
    # and run_local is the public single-process check, story folder by story folder
    stories = sorted({Path(r["story"]) for r in expected if r["code"] != "input-error"})
    assert len(stories) >= 3
    for story in stories:
        files = sorted(str(p) for p in story.iterdir() if p.stat().st_size)
        report = check(files)
        mine = [
            r["finding"] for r in got if r["story"] == str(story) and r["code"] != "input-error"
        ]
        assert sorted(mine) == sorted(f.model_dump_json() for f in report.findings)
    codes = {r["code"] for r in got}
    assert {"QC101", "QC102", "QC104", "input-error"} <= codes
