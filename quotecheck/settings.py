"""One typed settings object, layered: defaults -> ``[tool.quotecheck]`` in
``pyproject.toml`` (or a ``quotecheck.toml``) -> ``QUOTECHECK_*`` environment
variables -> explicit overrides (CLI flags). Later layers win.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quotecheck.analysis.base import BACKENDS, Backend
from quotecheck.errors import ConfigError
from quotecheck.models import SEVERITY_RANK

__all__ = ["BACKENDS", "FAIL_ON", "Backend", "FailOn", "Settings", "fails", "find_config"]

FailOn = Literal["error", "warning", "info", "never"]
FAIL_ON: tuple[str, ...] = get_args(FailOn)
"""The lowest severity that fails a run, or ``never``."""


def fails(worst: str | None, fail_on: str) -> bool:
    """Whether a run whose worst finding is ``worst`` (``None``: no finding) fails the
    gate ``fail_on``: the finding is at or above it, and the gate is not ``never``."""
    if worst is None or fail_on == "never":
        return False
    return SEVERITY_RANK[worst] >= SEVERITY_RANK[fail_on]


class Settings(BaseModel):
    """Everything a run can be configured with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    backend: Backend = "rules"
    fail_on: FailOn = "error"
    ignore: tuple[str, ...] = ()
    """Check codes or kinds to skip (``QC104``, ``number-conflict``)."""
    registry: str | None = None
    """Path to a people registry (YAML or JSON)."""
    stanza_dir: str | None = None
    jobs: int = Field(default=1, ge=1)
    sources: tuple[str, ...] = ()
    """Default source paths for ``check --draft``."""
    config_file: str | None = None

    @classmethod
    def load(
        cls,
        overrides: Mapping[str, Any] | None = None,
        *,
        cwd: str | Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Settings:
        """Settings from every layer; ``overrides`` with value ``None`` are ignored."""
        data: dict[str, Any] = {}
        origin: dict[str, str] = {}
        path = find_config(Path(cwd) if cwd else Path.cwd())
        if path is not None:
            from_file = _from_file(path)
            data.update(from_file)
            origin.update(dict.fromkeys(from_file, str(path)))
            data["config_file"] = str(path)
        from_env = _from_env(os.environ if env is None else env)
        data.update(from_env)
        origin.update({k: f"QUOTECHECK_{k.upper()}" for k in from_env})
        for key, value in (overrides or {}).items():
            if value is not None and value != ():
                data[key] = value
                origin[key] = "command line"
        try:
            settings = cls(**data)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else ""
            where = origin.get(field) or str(path or "QUOTECHECK_* environment / command line")
            raise ConfigError(f"invalid setting {field}: {first['msg']}", source=where) from exc
        if settings.ignore:
            _check_ignore(settings.ignore, origin.get("ignore", "ignore"))
        return settings


def _check_ignore(ignore: tuple[str, ...], where: str) -> None:
    """Every code or kind in ``ignore`` names a check; else a :class:`ConfigError`
    naming where the list came from (the file, ``QUOTECHECK_IGNORE``, ``--ignore``)."""
    from quotecheck.checks import CHECKS

    known = set(CHECKS) | {rule.kind for rule in CHECKS.values()}
    unknown = [code for code in ignore if code.strip() and code.strip() not in known]
    if unknown:
        where = "--ignore" if where == "command line" else where
        raise ConfigError(
            f"unknown check {unknown[0]!r} in ignore; use codes or kinds: "
            f"{', '.join(sorted(CHECKS))} or {', '.join(sorted(r.kind for r in CHECKS.values()))}",
            source=where,
        )


def find_config(start: Path) -> Path | None:
    """The nearest ``quotecheck.toml`` or ``pyproject.toml`` with ``[tool.quotecheck]``."""
    for folder in (start, *start.parents):
        qc = folder / "quotecheck.toml"
        if qc.is_file():
            return qc
        pp = folder / "pyproject.toml"
        if pp.is_file():
            doc = _read_toml(pp)
            if "quotecheck" in doc.get("tool", {}):
                return pp
        if (folder / ".git").exists():
            break
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file on the settings path. A broken one is an error even when it may not
    hold ``[tool.quotecheck]``: skipping it would drop settings such as ``fail-on``."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"cannot read settings: {exc}; fix the file (quotecheck reads its "
            f"[tool.quotecheck] table) or run from a folder outside it",
            source=str(path),
        ) from exc


_LISTS = {"ignore": ("codes", '["QC104"]'), "sources": ("paths", '["wires/"]')}


def _from_file(path: Path) -> dict[str, Any]:
    doc = _read_toml(path)
    table = doc.get("tool", {}).get("quotecheck", {}) if path.name == "pyproject.toml" else doc
    out = {k.replace("-", "_"): v for k, v in table.items()}
    for key, (what, example) in _LISTS.items():
        if key not in out:
            continue
        if not isinstance(out[key], list) or not all(isinstance(x, str) for x in out[key]):
            raise ConfigError(
                f"{key} must be a list of {what}, e.g. {key} = {example}", source=str(path)
            )
        out[key] = tuple(out[key])
    return out


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in Settings.model_fields:
        raw = env.get(f"QUOTECHECK_{field.upper()}")
        if raw is None or field == "config_file":
            continue
        if field in ("ignore", "sources"):
            out[field] = tuple(p.strip() for p in raw.split(",") if p.strip())
        else:
            out[field] = raw
    return out
