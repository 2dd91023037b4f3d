"""Stanza's model folder: where it is, whether everything quotecheck needs is in it, and
how to fetch it.

The folder is resolved in this order (:func:`resolve_model_dir`):

1. the ``dir`` argument (``--dir`` on the command line),
2. ``QUOTECHECK_STANZA_DIR``,
3. ``STANZA_RESOURCES_DIR`` (stanza's own variable),
4. stanza's default (``~/.cache/stanza/<version>/resources`` on Linux).

:func:`models_status` checks the folder the way stanza itself would load it, using
stanza's own resolution of ``resources.json`` (packages and their dependencies, such
as the pretrained word vectors and character language models), but without loading
anything or touching the network. :func:`require_models` turns a bad status into one
:class:`~quotecheck.errors.ModelError` naming the folder and the command that fixes
it, before stanza gets a chance to raise its own, less helpful, error.

:func:`download_models` is the only function in quotecheck that uses the network.

stanza (and with it torch) is imported inside the functions that need it, never at
module import.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from quotecheck.errors import MissingDependencyError, ModelError

LANG = "en"
REQUIRED_PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
"""What the stanza backend always loads."""
OPTIONAL_PROCESSORS: tuple[str, ...] = ("coref",)
"""Loaded when present (``quotecheck models download --coref``)."""

ENV_DIR = "QUOTECHECK_STANZA_DIR"
STANZA_ENV_DIR = "STANZA_RESOURCES_DIR"
DOWNLOAD_COMMAND = "quotecheck models download"

DirSource = Literal["argument", "QUOTECHECK_STANZA_DIR", "STANZA_RESOURCES_DIR", "stanza default"]


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise MissingDependencyError("the stanza backend", "stanza", "stanza") from exc
    return stanza


def _resolve(dir: str | os.PathLike[str] | None) -> tuple[Path, DirSource]:
    if dir is not None and str(dir).strip():
        return Path(dir).expanduser(), "argument"
    env_sources: tuple[tuple[str, DirSource], ...] = (
        (ENV_DIR, "QUOTECHECK_STANZA_DIR"),
        (STANZA_ENV_DIR, "STANZA_RESOURCES_DIR"),
    )
    for var, source in env_sources:
        value = os.environ.get(var, "").strip()
        if value:
            return Path(value).expanduser(), source
    _import_stanza()
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR).expanduser(), "stanza default"


def resolve_model_dir(dir: str | os.PathLike[str] | None = None) -> Path:
    """The stanza model folder: ``dir``, else ``QUOTECHECK_STANZA_DIR``, else
    ``STANZA_RESOURCES_DIR``, else stanza's default.

    Raises :class:`MissingDependencyError` only when stanza's default is needed and
    stanza is not installed.
    """
    return _resolve(dir)[0]


def download_command(dir: Path | None, *, coref: bool = False) -> str:
    """The command that fetches the models into ``dir``."""
    command = DOWNLOAD_COMMAND
    if dir is not None:
        command += f" --dir {_shell_quote(str(dir))}"
    if coref:
        command += " --coref"
    return command


def _shell_quote(value: str) -> str:
    import shlex

    return shlex.quote(value)


class ModelFile(BaseModel):
    """One file stanza will load: a processor's model or one of its dependencies."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    processor: str
    """``tokenize`` ... ``ner``, ``coref``, or a dependency (``pretrain``, ``forward_charlm`` ...)."""
    package: str
    path: Path
    present: bool


class ModelsStatus(BaseModel):
    """What :func:`models_status` found. ``ready`` means the stanza backend can load."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dir: Path | None
    """The resolved folder (``None`` only when stanza is missing and nothing names one)."""
    dir_source: DirSource | None
    stanza_version: str | None
    """``None`` when stanza is not installed."""
    folder_exists: bool = False
    resources_json: bool = False
    english: bool = False
    files: tuple[ModelFile, ...] = ()
    """The files the required processors need, dependencies included."""
    coref_files: tuple[ModelFile, ...] = ()
    unresolved: tuple[str, ...] = ()
    """Required processors for which resources.json names no English model."""
    error: str | None = None
    """Why the folder cannot be used (``None`` when ``ready``)."""
    ready: bool = False
    coref: bool = False
    """Coreference models are present too (used automatically when they are)."""

    @property
    def missing(self) -> tuple[ModelFile, ...]:
        return tuple(f for f in self.files if not f.present)

    @property
    def fix(self) -> str:
        """What to run (or install) to make the folder ready."""
        if self.stanza_version is None:
            return "pip install 'quotecheck[stanza]'"
        return download_command(self.dir)

    def describe(self) -> str:
        """A few lines for people (``quotecheck models status``)."""
        where = str(self.dir) if self.dir is not None else "(unknown)"
        lines = [
            f"stanza model folder: {where}"
            + (f"  [from {self.dir_source}]" if self.dir_source else "")
        ]
        lines.append(
            f"stanza: {self.stanza_version}" if self.stanza_version else "stanza: not installed"
        )
        if self.ready:
            lines.append("English models: ready (" + ", ".join(REQUIRED_PROCESSORS) + ")")
            lines.append(
                "coreference: ready"
                if self.coref
                else f"coreference: not downloaded (optional: {download_command(self.dir, coref=True)})"
            )
            return "\n".join(lines)
        lines.append(f"English models: NOT READY: {self.error}")
        for f in self.missing[:12]:
            lines.append(f"  missing {f.processor}: {f.path}")
        if len(self.missing) > 12:
            lines.append(f"  ... and {len(self.missing) - 12} more")
        lines.append(f"fix: {self.fix}")
        return "\n".join(lines)


def _model_files(
    resources: dict[str, Any], model_dir: Path, processors: Sequence[str]
) -> tuple[list[ModelFile], list[str]]:
    """The files stanza would load for ``processors``, resolved by stanza's own code
    (default packages, then their dependencies), and the processors it cannot resolve."""
    from stanza.pipeline.core import filter_variants
    from stanza.resources.common import (
        add_dependencies,
        flatten_processor_list,
        maintain_processor_list,
        process_pipeline_parameters,
    )

    lang, _, package, wanted = process_pipeline_parameters(
        LANG, str(model_dir), "default", ",".join(processors)
    )
    load_list = maintain_processor_list(resources, lang, package, wanted, maybe_add_mwt=True)
    load_list = add_dependencies(resources, lang, load_list)
    resolved = {item[0] for item in load_list}
    # stanza "loads anyway" a processor its resources.json does not know (as
    # <processor>/default.pt); for quotecheck that is a resources.json without it.
    unresolved = [p for p in processors if p not in resolved or p not in resources[lang]]
    files: list[ModelFile] = []
    seen: set[tuple[str, str]] = set()
    for processor, pkg in flatten_processor_list(filter_variants(load_list)):
        if (processor, pkg) in seen:
            continue
        seen.add((processor, pkg))
        path = model_dir / lang / processor / f"{pkg}.pt"
        present = path.is_file() and path.stat().st_size > 0
        files.append(ModelFile(processor=processor, package=pkg, path=path, present=present))
    return files, unresolved


def models_status(dir: str | os.PathLike[str] | None = None) -> ModelsStatus:
    """Check the model folder without loading a model or using the network."""
    try:
        stanza = _import_stanza()
    except MissingDependencyError:
        try:
            model_dir, source = _resolve(dir)
        except MissingDependencyError:
            return ModelsStatus(
                dir=None,
                dir_source=None,
                stanza_version=None,
                error="stanza is not installed",
            )
        return ModelsStatus(
            dir=model_dir,
            dir_source=source,
            stanza_version=None,
            folder_exists=model_dir.is_dir(),
            error="stanza is not installed",
        )

    model_dir, source = _resolve(dir)
    base: dict[str, Any] = {
        "dir": model_dir,
        "dir_source": source,
        "stanza_version": str(stanza.__version__),
    }
    if not model_dir.is_dir():
        return ModelsStatus(**base, error="the folder does not exist")
    base["folder_exists"] = True
    resources_path = model_dir / "resources.json"
    if not resources_path.is_file():
        return ModelsStatus(**base, error="the folder has no resources.json")
    try:
        resources = json.loads(resources_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return ModelsStatus(**base, error=f"its resources.json cannot be read ({exc})")
    base["resources_json"] = True
    lang_entry = resources.get(LANG) if isinstance(resources, dict) else None
    if not isinstance(lang_entry, dict) or "alias" in lang_entry:
        return ModelsStatus(**base, error="its resources.json lists no English models")
    base["english"] = True
    try:
        files, unresolved = _model_files(resources, model_dir, REQUIRED_PROCESSORS)
        coref_files, coref_unresolved = _model_files(
            resources, model_dir, ("tokenize", "mwt", "coref")
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return ModelsStatus(
            **base, error=f"its resources.json is not in a form stanza reads ({exc!r})"
        )
    coref_only = [f for f in coref_files if f.processor == "coref"]
    missing = [f for f in files if not f.present]
    error: str | None = None
    if unresolved:
        error = "its resources.json names no English model for " + ", ".join(unresolved)
    elif len(missing) == len(files):
        error = "it holds none of the English model files (en/tokenize, en/pos ...)"
    elif missing:
        names = ", ".join(f"en/{f.processor}/{f.package}.pt" for f in missing[:4])
        more = f" and {len(missing) - 4} more" if len(missing) > 4 else ""
        error = f"{len(missing)} of {len(files)} English model files are missing: {names}{more}"
    return ModelsStatus(
        **base,
        files=tuple(files),
        coref_files=tuple(coref_only),
        unresolved=tuple(unresolved),
        error=error,
        ready=error is None,
        coref=error is None
        and not coref_unresolved
        and bool(coref_only)
        and all(f.present for f in coref_only),
    )


def model_error(status: ModelsStatus) -> ModelError:
    """The one error for a folder that is not ready: what is wrong, where, and the fix."""
    return ModelError(
        f"stanza's English models cannot be loaded from {status.dir}: {status.error}. "
        f"On a machine with internet, run: {download_command(status.dir)} "
        f"(then copy that folder here and point --stanza-dir or {ENV_DIR} at it), "
        f"or use --backend rules."
    )


def require_models(dir: str | os.PathLike[str] | None = None) -> ModelsStatus:
    """The status of a ready folder; otherwise raise :class:`MissingDependencyError`
    (stanza not installed) or one :class:`ModelError` naming the folder and the fix."""
    _import_stanza()
    status = models_status(dir)
    if not status.ready:
        raise model_error(status)
    return status


def download_models(dir: str | os.PathLike[str] | None = None, *, coref: bool = False) -> Path:
    """Fetch the English models quotecheck needs into the resolved folder (network!).

    Uses ``stanza.download`` for ``tokenize,mwt,pos,lemma,depparse,ner`` (and
    ``coref`` when asked). With ``coref``, a pipeline is then built once with
    ``download_method=REUSE_RESOURCES`` so the transformer the coreference model
    sits on lands in the Hugging Face cache; later runs load it offline.
    Returns the folder.
    """
    stanza = _import_stanza()
    target = resolve_model_dir(dir)
    target.mkdir(parents=True, exist_ok=True)
    processors = REQUIRED_PROCESSORS + (OPTIONAL_PROCESSORS if coref else ())
    stanza.download(
        LANG,
        model_dir=str(target),
        package="default",
        processors=",".join(processors),
    )
    if coref:
        stanza.Pipeline(
            LANG,
            dir=str(target),
            processors="tokenize,mwt,coref",
            download_method=stanza.DownloadMethod.REUSE_RESOURCES,
        )
    status = models_status(target)
    if not status.ready:
        raise model_error(status)
    return target


__all__ = [
    "DOWNLOAD_COMMAND",
    "ENV_DIR",
    "OPTIONAL_PROCESSORS",
    "REQUIRED_PROCESSORS",
    "ModelFile",
    "ModelsStatus",
    "download_command",
    "download_models",
    "model_error",
    "models_status",
    "require_models",
    "resolve_model_dir",
]
