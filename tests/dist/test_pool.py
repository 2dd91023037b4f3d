"""``extract_many(..., jobs=N)`` and ``--jobs N``: the same results, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.api import extract_many
from quotecheck.cli import main
from quotecheck.dist.pool import extract_parallel, files_per_chunk
from quotecheck.errors import UsageError
from quotecheck.devtools.synth import synthesize

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("corpus")
    paths = synthesize(14, out, seed=3, fixtures=FIXTURES)
    (out / "broken.txt").write_bytes(b"")  # an input failure keeps its place
    return [*paths[:7], out / "broken.txt", *paths[7:]]


@pytest.mark.parametrize(("jobs", "chunk"), [(2, 1), (2, 4), (3, 32)])
def test_parallel_extraction_equals_one_process(corpus: list[Path], jobs: int, chunk: int) -> None:
    one = list(extract_many(corpus))
    many = list(extract_parallel(corpus, jobs=jobs, chunk_size=chunk))
    assert [r.source for r in many] == [str(p) for p in corpus]
    assert many == one


def test_jobs_parameter_and_folders(corpus: list[Path]) -> None:
    folder = corpus[0].parent.parent
    assert list(extract_many([folder], jobs=2, batch_size=3)) == list(extract_many([folder]))


def test_jobs_must_be_positive(corpus: list[Path]) -> None:
    with pytest.raises(UsageError):
        list(extract_many(corpus, jobs=0))


def test_cli_jobs_gives_the_same_report(
    corpus: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(p) for p in corpus if p.name != "broken.txt"]
    assert main(["extract", "--format", "json", *paths]) == 0
    one = json.loads(capsys.readouterr().out)
    assert main(["extract", "--format", "json", "--jobs", "2", *paths]) == 0
    two = json.loads(capsys.readouterr().out)
    assert one == two and len(one["articles"]) == len(paths)


@pytest.mark.parametrize(
    ("files", "jobs", "batch", "expected"),
    [
        (84, 2, 32, 11),  # four chunks a worker: 11 x 7 + 7, not 32 + 32 + 20
        (10_000, 2, 32, 32),  # never more than a batch
        (3, 2, 32, 1),
        (0, 4, 32, 1),
        (100, 1, 16, 16),
    ],
)
def test_files_per_chunk_balances_the_workers(
    files: int, jobs: int, batch: int, expected: int
) -> None:
    assert files_per_chunk(files, jobs, batch) == expected


def test_default_chunks_share_the_files_between_workers(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotecheck.dist.pool as pool

    sizes: list[int] = []
    real = pool._chunks

    def recording(items: list[str], size: int):  # type: ignore[no-untyped-def]
        sizes.append(size)
        return real(items, size)

    monkeypatch.setattr(pool, "_chunks", recording)
    assert list(extract_parallel(corpus, jobs=2)) == list(extract_many(corpus))
    assert sizes == [2]  # 15 files, 2 workers: chunks of 2, eight of them


def test_the_warm_up_loads_what_every_stage_builds_lazily() -> None:
    # what the parent loads before forking: the warm-up text must reach each lazily
    # built table (cue patterns, reported-speech patterns), or workers build their own
    from quotecheck import api
    from quotecheck.dist.pool import _WARM_UP, _warm_up
    from quotecheck.extract import cues, reported

    cues._patterns.cache_clear()
    reported._patterns.cache_clear()
    _warm_up()
    assert cues._patterns.cache_info().currsize >= 1
    assert reported._patterns.cache_info().currsize >= 1
    kinds = {q.kind for q in api.extract(_WARM_UP).quotes}
    assert {"direct", "reported"} <= kinds
    assert api.extract(_WARM_UP).figures
