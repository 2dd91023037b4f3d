"""Ctrl-C: an interrupted run exits 130 and leaves no output file, partial or temporary."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotecheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures" / "story-plant-closure").glob("*.txt"))


def _corpus(folder: Path, copies: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    assert texts, "the plant-closure fixture story is missing"
    for i in range(copies):
        text = texts[i % len(texts)].replace("Valls", f"Valls{i}")
        (folder / f"a{i:05d}.txt").write_text(f"Copy {i}.\n\n{text}", encoding="utf-8")


def _leftovers(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if name in p.name)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_sigint_exits_130_and_leaves_no_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus, 3000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "report.json"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotecheck", "check", str(corpus), "-f", "json", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    try:
        time.sleep(3.0)  # past the imports, inside the run
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err.decode(errors="replace")[-2000:]
    assert b"interrupted" in err
    assert not out.exists()
    assert _leftovers(out_dir, "report.json") == []
    assert _leftovers(tmp_path, ".tmp") == []


def test_interrupt_while_writing_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"We stay," said Anna Berg.\n', encoding="utf-8")
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()

    def interrupted_replace(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted_replace)
    assert main(["check", str(article), "--format", "json", "-o", str(out)]) == 130
    assert list(out.parent.iterdir()) == []

    # an earlier report at that path is left as it was, never half-written
    out.write_text("earlier report\n", encoding="utf-8")
    assert main(["check", str(article), "--format", "json", "-o", str(out)]) == 130
    assert out.read_text(encoding="utf-8") == "earlier report\n"
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]
