"""The stanza backend: stanza's English pipeline turned into quotecheck's linguistic layer.

Two halves:

* :func:`document_to_analysis`, the adapter: a stanza ``Document`` (from a pipeline,
  or read from CoNLL-U) becomes an :class:`~quotecheck.analysis.base.Analysis` with
  character offsets into the text, one :class:`Token` per syntactic *word* (a
  multi-word token such as ``It's`` gives ``It`` + ``'s``), 0-based heads (``-1`` for
  the root), lemmas, UPOS, relations, PERSON/ORG/NORP/GPE entities and coreference
  chains. Paragraphs are the rules backend's (one per non-empty line), so both
  backends hand the extractor the same paragraphs.
* :class:`StanzaAnalyzer`, the :class:`~quotecheck.analysis.base.Analyzer`: loads one
  pipeline per process and folder (always with ``download_method=None``: it never
  touches the network) after :func:`~quotecheck.analysis.models_manager.require_models`
  has checked the folder, and analyses many texts in batches with ``bulk_process``.

:func:`select_backend` decides what ``--backend rules|stanza|auto`` means on this
machine. stanza and torch are imported only inside functions.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotecheck.analysis.base import Analysis, Backend, CorefChain, Entity, Sentence, Token
from quotecheck.analysis.models_manager import (
    ENV_DIR,
    LANG,
    OPTIONAL_PROCESSORS,
    REQUIRED_PROCESSORS,
    download_command,
    models_status,
    require_models,
    resolve_model_dir,
)
from quotecheck.analysis.rules import paragraph_spans
from quotecheck.codes import code_of
from quotecheck.errors import MissingDependencyError, ModelError, UsageError
from quotecheck.models import Diagnostic

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

logger = logging.getLogger("quotecheck")

BACKEND_NAME = "stanza"
FALLBACK_CODE = code_of("stanza-models-missing")
"""``auto`` fell back to the rules backend: stanza's English models are not ready."""
NOT_INSTALLED_CODE = code_of("stanza-not-installed")
"""``auto`` fell back to the rules backend: stanza is not installed."""

ENTITY_LABELS: dict[str, str] = {
    # OntoNotes (stanza's default English NER) already uses PERSON/ORG/NORP/GPE;
    # the CoNLL-2003 and other models spell some of them differently.
    "PER": "PERSON",
    "PERS": "PERSON",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
}


# --------------------------------------------------------------------------- adapter


def document_to_analysis(
    doc: Document, text: str, *, features: Iterable[str] | None = None
) -> Analysis:
    """Turn a stanza ``Document`` whose offsets index ``text`` into an :class:`Analysis`.

    ``features`` says what the pipeline provided (``pos``, ``lemma``, ``parse``,
    ``ner``, ``coref``); by default it is read off the document.
    """
    sentences: list[Sentence] = []
    for sent in doc.sentences:
        tokens = tuple(_word_to_token(word, text) for word in sent.words)
        if not tokens:
            continue
        sentences.append(Sentence(start=tokens[0].start, end=tokens[-1].end, tokens=tokens))
    entities = _entities(doc, text)
    chains = _coref_chains(doc)
    found = _features(doc, sentences, entities, chains) if features is None else frozenset(features)
    return Analysis(
        text=text,
        paragraphs=tuple(paragraph_spans(text)),
        sentences=tuple(sentences),
        entities=entities,
        coref=chains,
        backend=BACKEND_NAME,
        has_parse="parse" in found,
        features=found,
    )


def _span(unit: Any) -> tuple[int, int] | None:
    start, end = unit.start_char, unit.end_char
    if start is None or end is None:
        return None
    return int(start), int(end)


def _word_span(word: Any) -> tuple[int, int]:
    """A word's own offsets; a multi-word token's words that stanza could not place
    inside the token (``del`` -> ``de`` + ``el``) get the whole token's span."""
    span = _span(word)
    if span is None and word.parent is not None:
        span = _span(word.parent)
    if span is None:
        raise UsageError(
            "this stanza Document has no character offsets (start_char/end_char); "
            "analyse the text with a stanza Pipeline, or read CoNLL-U with "
            "CoNLL.conll2doc(..., reconstruct_text=True)"
        )
    return span


def _word_to_token(word: Any, text: str) -> Token:
    start, end = _word_span(word)
    parent = word.parent
    single = parent is None or len(parent.words) == 1
    surface = text[start:end]
    # A word alone in its token is exactly the text at its offsets; a word of a
    # multi-word token keeps stanza's form ("'s"), which may not be in the text.
    token_text = surface if single and surface else str(word.text)
    head = word.head
    return Token(
        start=start,
        end=end,
        text=token_text,
        lemma=word.lemma,
        upos=word.upos,
        head=None if head is None else int(head) - 1,
        deprel=word.deprel,
    )


def _entities(doc: Any, text: str) -> tuple[Entity, ...]:
    spans: list[Any] = list(doc.ents or ())
    if not spans and any(t.ner not in (None, "O") for s in doc.sentences for t in s.tokens):
        # A Document assembled by hand (or from CoNLL-U without rebuilding the
        # text) has NER tags on its tokens but no entity list yet.
        from stanza.models.ner.utils import decode_from_bioes

        for sent in doc.sentences:
            for found in decode_from_bioes([t.ner for t in sent.tokens]):
                first, last = sent.tokens[found["start"]], sent.tokens[found["end"]]
                spans.append(_EntitySpan(first.start_char, last.end_char, found["type"]))
    entities: list[Entity] = []
    for ent in spans:
        span = _span(ent)
        if span is None:
            continue
        start, end = span
        entities.append(
            Entity(start=start, end=end, text=text[start:end], label=entity_label(ent.type))
        )
    return tuple(entities)


class _EntitySpan:
    __slots__ = ("end_char", "start_char", "type")

    def __init__(self, start_char: int | None, end_char: int | None, type: str) -> None:
        self.start_char, self.end_char, self.type = start_char, end_char, type


def entity_label(label: str) -> str:
    """quotecheck's label for a stanza NER type (PERSON, ORG, NORP, GPE, or as given)."""
    upper = label.upper()
    return ENTITY_LABELS.get(upper, upper)


def _coref_chains(doc: Any) -> tuple[CorefChain, ...]:
    chains: list[CorefChain] = []
    for chain in getattr(doc, "coref", None) or ():
        kept: list[tuple[tuple[int, int], int]] = []  # (span, index in chain.mentions)
        for index, mention in enumerate(chain.mentions):
            span = _mention_span(doc, mention)
            if span is not None:
                kept.append((span, index))
        if not kept:
            continue
        kept = sorted(set(kept))
        mentions = tuple(span for span, _ in kept)
        rep_index = chain.representative_index
        positions = [pos for pos, (_, index) in enumerate(kept) if index == rep_index]
        if positions:
            representative = positions[0]
        else:  # the representative was a zero anaphor, or unknown: take the longest
            representative = max(
                range(len(mentions)), key=lambda i: mentions[i][1] - mentions[i][0]
            )
        chains.append(CorefChain(mentions=mentions, representative=representative))
    return tuple(chains)


def _mention_span(doc: Any, mention: Any) -> tuple[int, int] | None:
    """Character span of a coref mention (words ``start_word:end_word`` of a sentence);
    ``None`` for zero anaphora, which have no words in the text."""
    start_word, end_word = mention.start_word, mention.end_word
    if isinstance(start_word, tuple) or isinstance(end_word, tuple):
        return None
    if not 0 <= mention.sentence < len(doc.sentences):
        return None
    words = doc.sentences[mention.sentence].words
    if not 0 <= start_word < end_word <= len(words):
        return None
    return _word_span(words[start_word])[0], _word_span(words[end_word - 1])[1]


def _features(
    doc: Any,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    chains: Sequence[CorefChain],
) -> frozenset[str]:
    tokens = [t for s in sentences for t in s.tokens]
    found: set[str] = set()
    if any(t.upos for t in tokens):
        found.add("pos")
    if any(t.lemma for t in tokens):
        found.add("lemma")
    if tokens and all(t.head is not None for t in tokens):
        found.add("parse")
    if entities or any(t.ner is not None for s in doc.sentences for t in s.tokens):
        found.add("ner")
    if chains:
        found.add("coref")
    return frozenset(found)


# --------------------------------------------------------------------------- pipeline

_PipelineKey = tuple[str, bool | None, str | None]  # folder, coref option, device
_PIPELINES: dict[_PipelineKey, tuple[Any, frozenset[str]]] = {}
_PIPELINES_LOCK = threading.Lock()


def load_pipeline(
    dir: str | os.PathLike[str] | None = None,
    *,
    coref: bool | None = None,
    device: str | None = None,
) -> tuple[Any, frozenset[str]]:
    """stanza's English pipeline for ``dir`` (checked and built once per process and
    folder) and the features it provides.

    ``coref``: ``None`` loads coreference when its models are present, ``True``
    requires them, ``False`` leaves it out. Raises
    :class:`~quotecheck.errors.MissingDependencyError` or one :class:`ModelError`
    naming the folder and the fix.
    """
    key = (str(resolve_model_dir(dir).resolve()), coref, device)
    with _PIPELINES_LOCK:
        loaded = _PIPELINES.get(key)
        if loaded is None:
            loaded = _load(dir, coref, device)
            _PIPELINES[key] = loaded
    return loaded


def _load(
    dir: str | os.PathLike[str] | None, coref: bool | None, device: str | None
) -> tuple[Any, frozenset[str]]:
    status = require_models(dir)
    assert status.dir is not None
    if coref and not status.coref:
        raise ModelError(
            f"stanza's coreference model is not in {status.dir}. On a machine with internet, "
            f"run: {download_command(status.dir, coref=True)}"
        )
    use_coref = status.coref if coref is None else coref
    processors = REQUIRED_PROCESSORS + (OPTIONAL_PROCESSORS if use_coref else ())
    features = frozenset({"pos", "lemma", "parse", "ner"} | ({"coref"} if use_coref else set()))
    return _build_pipeline(str(status.dir), processors, device), features


def _build_pipeline(model_dir: str, processors: tuple[str, ...], device: str | None) -> Any:
    import stanza

    logger.info("loading stanza (%s) from %s", ",".join(processors), model_dir)
    try:
        return stanza.Pipeline(
            LANG,
            dir=model_dir,
            processors=",".join(processors),
            download_method=None,
            verbose=False,
            device=device,
        )
    except Exception as exc:  # stanza and torch raise many kinds; the fix is the same
        raise ModelError(
            f"stanza could not load its English models from {model_dir} "
            f"({type(exc).__name__}: {_first_line(exc)}). A file may be damaged or from "
            f"another stanza version; fetch them again on a machine with internet: "
            f"{download_command(Path(model_dir), coref='coref' in processors)}"
        ) from exc


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else "no message"


def clear_pipelines() -> None:
    """Forget the loaded pipelines (tests; freeing memory in a long-lived process)."""
    with _PIPELINES_LOCK:
        _PIPELINES.clear()


class StanzaAnalyzer:
    """The stanza :class:`~quotecheck.analysis.base.Analyzer`.

    Cheap to construct; the pipeline is loaded on first use (or by :meth:`load`) and
    shared by every analyzer for the same folder in the process.
    """

    name = BACKEND_NAME

    def __init__(
        self,
        dir: str | os.PathLike[str] | None = None,
        *,
        coref: bool | None = None,
        batch_size: int = 32,
        device: str | None = None,
    ) -> None:
        if batch_size < 1:
            raise UsageError(f"batch_size must be at least 1, not {batch_size}")
        self.dir = dir
        self.coref = coref
        self.batch_size = batch_size
        self.device = device
        self._pipeline: Any = None
        self._features: frozenset[str] = frozenset()

    def load(self) -> None:
        """Load (or reuse) the pipeline now, so a missing model fails early."""
        if self._pipeline is None:
            self._pipeline, self._features = load_pipeline(
                self.dir, coref=self.coref, device=self.device
            )

    def analyze(self, text: str) -> Analysis:
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]:
        self.load()
        results: list[Analysis] = []
        for first in range(0, len(texts), self.batch_size):
            batch = list(texts[first : first + self.batch_size])
            docs = self._pipeline.bulk_process(batch)
            results.extend(
                document_to_analysis(doc, text, features=self._features)
                for doc, text in zip(docs, batch, strict=True)
            )
        return results


# --------------------------------------------------------------------------- selection


def stanza_available(dir: str | os.PathLike[str] | None = None) -> bool:
    """stanza is installed and its English models are complete in the resolved folder."""
    return models_status(dir).ready


def _already_loaded(dir: str | os.PathLike[str] | None) -> bool:
    """A pipeline for this folder is loaded in this process (no need to check again)."""
    with _PIPELINES_LOCK:
        if not _PIPELINES:
            return False
        folders = {key[0] for key in _PIPELINES}
    try:
        return str(resolve_model_dir(dir).resolve()) in folders
    except MissingDependencyError:
        return False


def select_backend(
    name: Backend, dir: str | os.PathLike[str] | None = None
) -> tuple[str, Diagnostic | None]:
    """The backend to use for ``--backend NAME``, and a warning when ``auto`` fell back.

    ``stanza`` insists: it raises :class:`~quotecheck.errors.MissingDependencyError` or :class:`ModelError`.
    ``auto`` uses stanza when its English models are ready, otherwise ``rules`` with a
    ``QC-W301`` (models not ready) or ``QC-W302`` (stanza not installed) diagnostic.
    """
    if name == "rules":
        return "rules", None
    if name in ("stanza", "auto") and _already_loaded(dir):
        return "stanza", None
    if name == "stanza":
        require_models(dir)
        return "stanza", None
    if name != "auto":
        raise UsageError(f"unknown backend {name!r}: choose rules, stanza or auto")
    status = models_status(dir)
    if status.ready:
        return "stanza", None
    if status.stanza_version is None:
        return "rules", Diagnostic(
            code=NOT_INSTALLED_CODE,
            message=(
                "backend auto: using the rules backend because stanza is not installed "
                "(install it with: pip install 'quotecheck[stanza]', then run: "
                "quotecheck models download)"
            ),
        )
    return "rules", Diagnostic(
        code=FALLBACK_CODE,
        message=(
            f"backend auto: using the rules backend because stanza's English models are "
            f"not ready in {status.dir} ({status.error}); fetch them with: "
            f"{download_command(status.dir)} (or set {ENV_DIR} to a folder that has them)"
        ),
    )


__all__ = [
    "BACKEND_NAME",
    "FALLBACK_CODE",
    "NOT_INSTALLED_CODE",
    "StanzaAnalyzer",
    "clear_pipelines",
    "document_to_analysis",
    "entity_label",
    "load_pipeline",
    "select_backend",
    "stanza_available",
]
