"""Shared helpers for the analysis tests: CoNLL-U fixtures read through stanza's real
Document API, and model folders in every state of repair.

Nothing here uses the network: model folders are built in tmp_path, and the only
stanza calls are the CoNLL reader, resources.json resolution and, for a damaged
folder, ``stanza.Pipeline(download_method=None)``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"

# What stanza loads for tokenize,mwt,pos,lemma,depparse,ner with resources_en.json:
# the processors' models and their dependencies (word vectors, character LMs).
EN_FILES = (
    "tokenize/combined.pt",
    "mwt/combined.pt",
    "pos/combined_charlm.pt",
    "lemma/combined_nocharlm.pt",
    "depparse/combined_charlm.pt",
    "ner/ontonotes-ww-multi_charlm.pt",
    "pretrain/conll17.pt",
    "pretrain/fasttextcrawl.pt",
    "forward_charlm/1billion.pt",
    "backward_charlm/1billion.pt",
)
COREF_FILE = "coref/udcoref_xlm-roberta-lora.pt"


@pytest.fixture(autouse=True)
def _isolated_model_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test sees the machine's model folder settings or another test's pipeline."""
    monkeypatch.delenv("QUOTECHECK_STANZA_DIR", raising=False)
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    yield
    from quotecheck.analysis.stanza_backend import clear_pipelines

    clear_pipelines()


def stanza_doc(name: str, *, reconstruct_text: bool = False) -> Any:
    """A fixture read by stanza's own CoNLL-U reader into a stanza Document."""
    from stanza.utils.conll import CoNLL

    return CoNLL.conll2doc(str(DATA / name), reconstruct_text=reconstruct_text)


def add_coref(doc: Any, chains: list[tuple[list[tuple[int, int, int]], int]]) -> None:
    """Attach coref chains the way stanza's coref processor does:
    mentions are (sentence, start_word, end_word) with 0-based, end-exclusive words."""
    from stanza.models.coref.coref_chain import CorefChain, CorefMention

    built = []
    for index, (mentions, representative) in enumerate(chains):
        objs = [CorefMention(s, a, b) for s, a, b in mentions]
        sent, start, end = mentions[representative]
        words = doc.sentences[sent].words[start:end]
        rep_text = " ".join(w.text for w in words)
        built.append(CorefChain(index, objs, rep_text, representative))
    doc.coref = built


ModelDir = Callable[..., Path]


@pytest.fixture
def model_dir(tmp_path: Path) -> ModelDir:
    """Build a model folder: ``model_dir(resources=True, files=EN_FILES, coref=False)``.

    Model files hold a few bytes of junk: enough for the status check (which never
    loads them), and a real stanza.Pipeline fails on them as on a damaged download.
    """

    def build(
        *,
        resources: bool | dict[str, Any] = True,
        files: tuple[str, ...] = EN_FILES,
        coref: bool = False,
        name: str = "stanza_resources",
    ) -> Path:
        root = tmp_path / name
        root.mkdir()
        if resources is True:
            shutil.copy(DATA / "resources_en.json", root / "resources.json")
        elif isinstance(resources, dict):
            (root / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
        for rel in files + ((COREF_FILE,) if coref else ()):
            path = root / "en" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"not a torch file\n")
        return root

    return build


# --------------------------------------------------------------------------- the fixtures
# Each returns (stanza Document, the text its offsets index), with the coreference
# chains stanza's coref processor would add (mentions: sentence, start_word, end_word).


def kartapolov_doc(*, coref: bool = True) -> tuple[Any, str]:
    doc = stanza_doc("kartapolov.conllu", reconstruct_text=True)
    if coref:
        # Andrei Kartapolov (sentence 0, words 2-3) = Kartapolov (1, 8) = he (2, 9)
        add_coref(doc, [([(0, 2, 4), (1, 8, 9), (2, 9, 10)], 0)])
    return doc, doc.text


def who_doc() -> tuple[Any, str]:
    text = (DATA / "who.txt").read_text(encoding="utf-8")
    doc = stanza_doc("who.conllu")  # offsets from the MISC column, as stanza writes them
    # The World Health Organization (0, 5-8) = the WHO (1, 6-7) = We (2, 1);
    # Maria Van Kerkhove (1, 2-4) = she (2, 8)
    add_coref(doc, [([(0, 5, 9), (1, 6, 8), (2, 1, 2)], 0), ([(1, 2, 5), (2, 8, 9)], 0)])
    return doc, text


def shoigu_doc() -> tuple[Any, str]:
    doc = stanza_doc("shoigu.conllu", reconstruct_text=True)
    # Sergei Shoigu (0, 2-3) = he (1, 7): not the nearer Andrei Kartapolov
    add_coref(doc, [([(0, 2, 4), (1, 7, 8)], 0)])
    return doc, doc.text
