"""Model folders: resolution order, status, the one clear error, ``auto`` falling back,
and the download command (with stanza.download monkeypatched: never the network)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("stanza", reason="the stanza extra is not installed")

from quotecheck.analysis import models_manager
from quotecheck.analysis.models_manager import (
    download_models,
    models_status,
    require_models,
    resolve_model_dir,
)
from quotecheck.analysis.stanza_backend import (
    StanzaAnalyzer,
    load_pipeline,
    select_backend,
    stanza_available,
)
from quotecheck.errors import MissingDependencyError, ModelError

from .conftest import COREF_FILE, DATA, EN_FILES, ModelDir

# --------------------------------------------------------------------------- resolution


def test_resolution_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import stanza.resources.common as common

    assert resolve_model_dir(None) == Path(common.DEFAULT_MODEL_DIR)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "stanza_env"))
    assert resolve_model_dir(None) == tmp_path / "stanza_env"
    monkeypatch.setenv("QUOTECHECK_STANZA_DIR", str(tmp_path / "ours"))
    assert resolve_model_dir(None) == tmp_path / "ours"
    assert resolve_model_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_model_dir(str(tmp_path / "arg")) == tmp_path / "arg"
    assert models_status(None).dir_source == "QUOTECHECK_STANZA_DIR"


def test_resolution_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_model_dir("~/models") == tmp_path / "models"


def test_empty_variables_are_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUOTECHECK_STANZA_DIR", "  ")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert resolve_model_dir(None) == tmp_path


# --------------------------------------------------------------------------- status


def test_complete_folder_is_ready(model_dir: ModelDir) -> None:
    folder = model_dir()
    status = models_status(folder)
    assert status.ready and status.error is None
    assert not status.coref
    assert {f"{f.processor}/{f.package}.pt" for f in status.files} == set(EN_FILES)
    assert stanza_available(folder)
    assert "ready" in status.describe()
    assert "--coref" in status.describe()


def test_coref_is_reported_when_present(model_dir: ModelDir) -> None:
    status = models_status(model_dir(coref=True))
    assert status.ready and status.coref
    assert [f.processor for f in status.coref_files] == ["coref"]


def _without_english() -> dict[str, Any]:
    resources: dict[str, Any] = json.loads((DATA / "resources_en.json").read_text(encoding="utf-8"))
    del resources["en"]
    return resources


BROKEN = {
    "missing": {"create": False},
    "empty": {"resources": False, "files": ()},
    "no English": {"resources": _without_english(), "files": ()},
    "partial": {
        "files": tuple(f for f in EN_FILES if not f.startswith(("ner/", "pretrain/fasttext")))
    },
    "none downloaded": {"files": ()},
    "zero-byte file": {"files": EN_FILES},
}
EXPECTED_ERROR = {
    "missing": "the folder does not exist",
    "empty": "no resources.json",
    "no English": "lists no English models",
    "partial": "2 of 10 English model files are missing: en/ner/ontonotes-ww-multi_charlm.pt, en/pretrain/fasttextcrawl.pt",
    "none downloaded": "holds none of the English model files",
    "zero-byte file": "1 of 10 English model files are missing: en/depparse/combined_charlm.pt",
}


def broken_folder(kind: str, model_dir: ModelDir, tmp_path: Path) -> Path:
    options: dict[str, Any] = dict(BROKEN[kind])
    if options.pop("create", True) is False:
        return tmp_path / "never_made"
    folder = model_dir(**options)
    if kind == "zero-byte file":
        (folder / "en" / "depparse" / "combined_charlm.pt").write_bytes(b"")
    return folder


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_folder_status(kind: str, model_dir: ModelDir, tmp_path: Path) -> None:
    folder = broken_folder(kind, model_dir, tmp_path)
    status = models_status(folder)
    assert not status.ready
    assert status.error is not None and EXPECTED_ERROR[kind] in status.error
    assert not stanza_available(folder)
    text = status.describe()
    assert str(folder) in text and f"quotecheck models download --dir {folder}" in text


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_folder_is_one_model_error_naming_folder_and_fix(
    kind: str, model_dir: ModelDir, tmp_path: Path
) -> None:
    folder = broken_folder(kind, model_dir, tmp_path)
    for attempt in (
        lambda: require_models(folder),
        lambda: load_pipeline(folder),
        lambda: StanzaAnalyzer(folder).analyze("“We will,” he said."),
        lambda: select_backend("stanza", folder),
    ):
        with pytest.raises(ModelError) as info:
            attempt()
        message = str(info.value)
        assert str(folder) in message
        assert f"quotecheck models download --dir {folder}" in message
        assert EXPECTED_ERROR[kind] in message
        assert info.value.code == "QC-E300"


@pytest.mark.parametrize("kind", list(BROKEN))
def test_auto_falls_back_to_rules_with_a_coded_warning(
    kind: str, model_dir: ModelDir, tmp_path: Path
) -> None:
    folder = broken_folder(kind, model_dir, tmp_path)
    backend, warning = select_backend("auto", folder)
    assert backend == "rules"
    assert warning is not None and warning.code == "QC-W301"
    assert str(folder) in warning.message
    assert "quotecheck models download" in warning.message


def test_auto_and_rules_on_a_ready_folder(model_dir: ModelDir) -> None:
    folder = model_dir()
    assert select_backend("auto", folder) == ("stanza", None)
    assert select_backend("stanza", folder) == ("stanza", None)
    assert select_backend("rules", folder) == ("rules", None)


def test_auto_follows_the_environment(monkeypatch: pytest.MonkeyPatch, model_dir: ModelDir) -> None:
    monkeypatch.setenv("QUOTECHECK_STANZA_DIR", str(model_dir()))
    assert select_backend("auto", None) == ("stanza", None)


def test_unreadable_resources_json(model_dir: ModelDir) -> None:
    folder = model_dir()
    (folder / "resources.json").write_text("{not json", encoding="utf-8")
    status = models_status(folder)
    assert not status.ready and "resources.json cannot be read" in (status.error or "")


def test_resources_without_a_processor(model_dir: ModelDir) -> None:
    resources = json.loads((DATA / "resources_en.json").read_text(encoding="utf-8"))
    del resources["en"]["ner"]
    del resources["en"]["packages"]["default"]["ner"]
    status = models_status(model_dir(resources=resources))
    assert not status.ready
    assert status.unresolved == ("ner",)
    assert "names no English model for ner" in (status.error or "")


def test_damaged_model_files_fail_in_real_stanza_as_our_error(model_dir: ModelDir) -> None:
    """The status check passes (files are there); real stanza.Pipeline, offline, cannot
    load them: quotecheck still raises one ModelError with the folder and the fix."""
    folder = model_dir()
    with pytest.raises(ModelError) as info:
        StanzaAnalyzer(folder).load()
    message = str(info.value)
    assert str(folder) in message and "quotecheck models download --dir" in message
    assert "could not load" in message


def test_coref_required_but_absent(model_dir: ModelDir) -> None:
    folder = model_dir()
    with pytest.raises(ModelError, match="--coref"):
        load_pipeline(folder, coref=True)


# --------------------------------------------------------------------------- stanza missing


def test_stanza_not_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza -> ImportError
    status = models_status(None)
    assert status.stanza_version is None and status.dir is None and not status.ready
    assert "pip install 'quotecheck[stanza]'" in status.describe()
    assert models_status(tmp_path).dir == tmp_path
    with pytest.raises(MissingDependencyError, match=r"pip install 'quotecheck\[stanza\]'"):
        require_models(tmp_path)
    with pytest.raises(MissingDependencyError):
        resolve_model_dir(None)
    with pytest.raises(MissingDependencyError):
        download_models(tmp_path)
    with pytest.raises(MissingDependencyError):
        select_backend("stanza", tmp_path)
    backend, warning = select_backend("auto", tmp_path)
    assert backend == "rules" and warning is not None and warning.code == "QC-W302"
    assert "pip install 'quotecheck[stanza]'" in warning.message


# --------------------------------------------------------------------------- download


class FakeStanzaDownload:
    """Records stanza.download/Pipeline calls and writes what a download would."""

    def __init__(self, *, complete: bool = True) -> None:
        self.downloads: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self.pipelines: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self.complete = complete

    def download(self, *args: Any, **kwargs: Any) -> list[list[str]]:
        self.downloads.append((args, kwargs))
        root = Path(kwargs["model_dir"])
        (root / "resources.json").write_text(
            (DATA / "resources_en.json").read_text(encoding="utf-8"), encoding="utf-8"
        )
        files = EN_FILES if self.complete else EN_FILES[:3]
        if "coref" in kwargs["processors"]:
            files = (*files, COREF_FILE)
        for rel in files:
            (root / "en" / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / "en" / rel).write_bytes(b"x")
        return []

    def pipeline(self, *args: Any, **kwargs: Any) -> object:
        self.pipelines.append((args, kwargs))
        return object()


@pytest.fixture
def fake_stanza(monkeypatch: pytest.MonkeyPatch) -> FakeStanzaDownload:
    import stanza

    fake = FakeStanzaDownload()
    monkeypatch.setattr(stanza, "download", fake.download)
    monkeypatch.setattr(stanza, "Pipeline", fake.pipeline)
    return fake


def test_download_passes_processors_and_folder(
    fake_stanza: FakeStanzaDownload, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "models"
    assert download_models(target) == target
    ((args, kwargs),) = fake_stanza.downloads
    assert args == ("en",)
    assert kwargs["model_dir"] == str(target)
    assert kwargs["processors"] == "tokenize,mwt,pos,lemma,depparse,ner"
    assert kwargs["package"] == "default"
    assert fake_stanza.pipelines == []  # no warm-up without coref
    assert models_status(target).ready


def test_download_with_coref_warms_the_transformer_cache(
    fake_stanza: FakeStanzaDownload, tmp_path: Path
) -> None:
    import stanza

    download_models(tmp_path, coref=True)
    ((_, kwargs),) = fake_stanza.downloads
    assert kwargs["processors"] == "tokenize,mwt,pos,lemma,depparse,ner,coref"
    ((pargs, pkw),) = fake_stanza.pipelines
    assert pargs == ("en",) and pkw["dir"] == str(tmp_path)
    assert "coref" in pkw["processors"]
    assert pkw["download_method"] is stanza.DownloadMethod.REUSE_RESOURCES
    status = models_status(tmp_path)
    assert status.ready and status.coref


def test_download_uses_the_resolved_folder(
    fake_stanza: FakeStanzaDownload, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("QUOTECHECK_STANZA_DIR", str(tmp_path / "env"))
    assert download_models(None) == tmp_path / "env"
    assert fake_stanza.downloads[0][1]["model_dir"] == str(tmp_path / "env")


def test_incomplete_download_is_a_model_error(
    fake_stanza: FakeStanzaDownload, tmp_path: Path
) -> None:
    fake_stanza.complete = False
    with pytest.raises(ModelError, match="missing"):
        download_models(tmp_path)


def test_download_command_quotes_paths() -> None:
    assert (
        models_manager.download_command(Path("/a b")) == "quotecheck models download --dir '/a b'"
    )
    assert models_manager.download_command(None, coref=True) == "quotecheck models download --coref"
