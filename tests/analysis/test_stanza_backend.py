"""StanzaAnalyzer: one pipeline per process and folder, batches through bulk_process,
the Analyzer protocol; and the real pipeline when models are on this machine."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, ClassVar

import pytest

pytest.importorskip("stanza", reason="the stanza extra is not installed")

from quotecheck.analysis.base import Analyzer
from quotecheck.analysis.models_manager import models_status
from quotecheck.analysis.stanza_backend import StanzaAnalyzer, select_backend
from quotecheck.errors import UsageError

from .conftest import DATA, ModelDir, stanza_doc

# Resolved before the autouse fixture hides the environment: the machine's real folder.
REAL_MODELS = models_status(None)


class FakePipeline:
    """Stands in for stanza.Pipeline: answers bulk_process with CoNLL-U fixture documents."""

    built: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, lang: str, **kwargs: Any) -> None:
        FakePipeline.built.append({"lang": lang, **kwargs})
        self.batches: list[list[str]] = []
        kartapolov = stanza_doc("kartapolov.conllu", reconstruct_text=True)
        self.docs = {
            kartapolov.text: kartapolov,
            (DATA / "who.txt").read_text(encoding="utf-8"): stanza_doc("who.conllu"),
        }

    def bulk_process(self, texts: list[str]) -> list[Any]:
        self.batches.append(list(texts))
        return [self.docs[t] for t in texts]


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> type[FakePipeline]:
    import stanza

    FakePipeline.built = []
    monkeypatch.setattr(stanza, "Pipeline", FakePipeline)
    return FakePipeline


def texts() -> list[str]:
    kartapolov = stanza_doc("kartapolov.conllu", reconstruct_text=True).text
    return [kartapolov, (DATA / "who.txt").read_text(encoding="utf-8"), kartapolov]


def test_is_an_analyzer() -> None:
    analyzer = StanzaAnalyzer()
    assert isinstance(analyzer, Analyzer)
    assert analyzer.name == "stanza"


def test_constructing_loads_nothing(fake_pipeline: type[FakePipeline]) -> None:
    StanzaAnalyzer("/nowhere")
    assert fake_pipeline.built == []


def test_pipeline_is_built_offline_once_per_folder(
    fake_pipeline: type[FakePipeline], model_dir: ModelDir
) -> None:
    folder = model_dir()
    first = StanzaAnalyzer(folder).analyze(texts()[0])
    second = StanzaAnalyzer(str(folder)).analyze_many(texts())
    assert len(fake_pipeline.built) == 1
    (built,) = fake_pipeline.built
    assert built["lang"] == "en"
    assert built["dir"] == str(folder)
    assert built["processors"] == "tokenize,mwt,pos,lemma,depparse,ner"
    assert built["download_method"] is None
    assert first == second[0] == second[2]
    assert first.features == {"pos", "lemma", "parse", "ner"}
    assert second[1].entities[4].text == "Maria Van Kerkhove"


def test_folder_is_checked_once_per_process(
    fake_pipeline: type[FakePipeline], model_dir: ModelDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecheck.analysis import stanza_backend

    calls: list[object] = []
    real = stanza_backend.require_models

    def counting(dir: object = None) -> Any:
        calls.append(dir)
        return real(dir)  # type: ignore[arg-type]

    monkeypatch.setattr(stanza_backend, "require_models", counting)
    folder = model_dir()
    for _ in range(3):  # as quotecheck.extract does: a new analyzer per call
        StanzaAnalyzer(folder).analyze(texts()[0])
    assert len(calls) == 1 and len(fake_pipeline.built) == 1
    # once loaded, choosing the backend again does not re-check the folder either
    (folder / "resources.json").unlink()
    assert select_backend("auto", folder) == ("stanza", None)


def test_coref_is_loaded_when_its_model_is_present(
    fake_pipeline: type[FakePipeline], model_dir: ModelDir
) -> None:
    analysis = StanzaAnalyzer(model_dir(coref=True)).analyze(texts()[0])
    assert fake_pipeline.built[0]["processors"] == "tokenize,mwt,pos,lemma,depparse,ner,coref"
    assert "coref" in analysis.features


def test_coref_can_be_turned_off(fake_pipeline: type[FakePipeline], model_dir: ModelDir) -> None:
    StanzaAnalyzer(model_dir(coref=True), coref=False).load()
    assert "coref" not in fake_pipeline.built[0]["processors"]


def test_analyze_many_batches_through_bulk_process(
    fake_pipeline: type[FakePipeline], model_dir: ModelDir
) -> None:
    analyzer = StanzaAnalyzer(model_dir(), batch_size=2)
    results = analyzer.analyze_many(texts())
    assert [a.text for a in results] == texts()
    pipeline = analyzer._pipeline
    assert pipeline.batches == [texts()[:2], texts()[2:]]
    assert analyzer.analyze_many([]) == []


def test_bad_batch_size() -> None:
    with pytest.raises(UsageError):
        StanzaAnalyzer(batch_size=0)


@pytest.mark.models
@pytest.mark.skipif(
    not REAL_MODELS.ready,
    reason=f"stanza English models not available here ({REAL_MODELS.dir}: {REAL_MODELS.error}); "
    "run `quotecheck models download` to enable",
)
def test_real_pipeline_on_a_news_paragraph() -> None:
    text = (
        "Russian lawmaker Andrei Kartapolov spoke on Tuesday.\n\n"
        "“We will organize joint operations,” Kartapolov said. "
        "“It's necessary to act quickly,” he said."
    )
    analyzer = StanzaAnalyzer(REAL_MODELS.dir)
    analysis, again = analyzer.analyze_many([text, text])
    assert analysis == again
    assert analysis.backend == "stanza" and analysis.has_parse
    assert len(analysis.paragraphs) == 2
    for sentence in analysis.sentences:
        assert sum(t.head == -1 for t in sentence.tokens) == 1
        for tok in sentence.tokens:
            assert 0 <= tok.start <= tok.end <= len(text)
    people = {e.text for e in analysis.entities if e.label == "PERSON"}
    assert "Kartapolov" in people or "Andrei Kartapolov" in people
    said = [
        (s, i)
        for s in analysis.sentences
        for i, t in enumerate(s.tokens)
        if t.lemma == "say" and t.deprel == "root"
    ]
    assert said, "the speech verb should be the root of the quote sentences"
    s, i = said[0]
    assert [t.text for t in s.tokens if t.head == i and (t.deprel or "").startswith("nsubj")] == [
        "Kartapolov"
    ]


def test_importing_quotecheck_does_not_import_stanza_or_torch() -> None:
    root = Path(__file__).resolve().parents[2]
    code = textwrap.dedent(
        """
        import sys
        import quotecheck
        import quotecheck.analysis
        import quotecheck.analysis.models_manager
        import quotecheck.analysis.stanza_backend
        try:
            import quotecheck.cli
        except ImportError:
            pass
        heavy = sorted(m for m in ("stanza", "torch", "transformers") if m in sys.modules)
        print(",".join(heavy))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"imported at import time: {result.stdout.strip()}"
