"""Convert Wikidata entity JSON into people-registry entries.

Input is Wikidata's ``Special:EntityData/Q….json`` format: ``entities -> Qid ->
labels / aliases / claims``. Used claims:

* ``P39`` position held, with qualifiers ``P580`` start time, ``P582`` end time and
  ``P642`` "of" (the organisation);
* ``P27`` country of citizenship.

Positions and countries are items (``Q…``); their names come from a label map: a
flat JSON ``{"Q142": "France", ...}`` or entity JSON of those items (then a
position's ``P1001`` applies-to-jurisdiction or ``P17`` country gives the role's
country). Labels of items in the input files are used too. Deprecated statements
are skipped; an item without a label keeps its Qid. Times keep their precision:
``+2012-05-16T00:00:00Z`` at day precision is ``2012-05-16``, at year precision
``2012``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from quotecheck.errors import ConfigError

__all__ = ["convert_entities", "convert_wikidata", "load_labels", "wikidata_time"]

_LANG = "en"
_PRECISION_DAY, _PRECISION_MONTH, _PRECISION_YEAR = 11, 10, 9


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read Wikidata JSON ({exc})", source=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"line {exc.lineno}: invalid JSON ({exc.msg})", source=str(path)) from exc


def _label(entity: Mapping[str, Any]) -> str | None:
    labels = entity.get("labels") or {}
    found = labels.get(_LANG) or next(iter(labels.values()), None)
    return found.get("value") if isinstance(found, Mapping) else None


def _item_ids(claims: Mapping[str, Any], prop: str) -> list[str]:
    out = []
    for st in claims.get(prop, []):
        snak = st.get("mainsnak", {}) if isinstance(st, Mapping) else {}
        value = (snak.get("datavalue") or {}).get("value")
        if st.get("rank") != "deprecated" and isinstance(value, Mapping) and "id" in value:
            out.append(str(value["id"]))
    return out


def load_labels(path: str | Path) -> tuple[dict[str, str], dict[str, str]]:
    """Labels (Qid -> name) and, for entity JSON, countries of positions (Qid -> Qid)."""
    data = _read_json(Path(path))
    labels: dict[str, str] = {}
    countries: dict[str, str] = {}
    if isinstance(data, Mapping) and isinstance(data.get("entities"), Mapping):
        for qid, entity in data["entities"].items():
            if not isinstance(entity, Mapping):
                continue
            label = _label(entity)
            if label:
                labels[qid] = label
            claims = entity.get("claims") or {}
            where = _item_ids(claims, "P1001") or _item_ids(claims, "P17")
            if where:
                countries[qid] = where[0]
        return labels, countries
    if isinstance(data, Mapping) and all(isinstance(v, str) for v in data.values()):
        return {str(k): v for k, v in data.items()}, countries
    raise ConfigError(
        'expected a label map {"Q142": "France"} or Wikidata entity JSON', source=str(path)
    )


def wikidata_time(value: Mapping[str, Any], where: str, source: str) -> str:
    """A Wikidata time value as an ISO date, as precise as the value is."""
    raw = value.get("time")
    m = re.fullmatch(r"\+(\d{4,})-(\d\d)-(\d\d)T[\d:]+Z", str(raw))
    if m is None:
        raise ConfigError(
            f"{where}: expected a time like +2012-05-16T00:00:00Z, got {raw!r}", source=source
        )
    precision = int(value.get("precision", _PRECISION_DAY))
    year, month, day = m[1].lstrip("0").zfill(4), m[2], m[3]
    if precision <= _PRECISION_YEAR or month == "00":
        return year
    if precision == _PRECISION_MONTH or day == "00":
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def _qualifier(statement: Mapping[str, Any], prop: str) -> Mapping[str, Any] | None:
    for snak in (statement.get("qualifiers") or {}).get(prop, []):
        if isinstance(snak, Mapping) and snak.get("snaktype") == "value":
            value = (snak.get("datavalue") or {}).get("value")
            if isinstance(value, Mapping):
                return value
    return None


def convert_entities(
    data: Mapping[str, Any],
    labels: Mapping[str, str],
    countries: Mapping[str, str] | None = None,
    *,
    source: str = "<wikidata>",
) -> list[dict[str, Any]]:
    """Registry entries (``{"name", "aliases", "citizenship", "roles", "wikidata"}``) for
    every item in one entity document."""
    entities = data.get("entities")
    if not isinstance(entities, Mapping):
        raise ConfigError(
            "entities: expected Special:EntityData JSON with an 'entities' object", source=source
        )
    countries = countries or {}
    people: list[dict[str, Any]] = []
    for qid, entity in entities.items():
        where = f"entities.{qid}"
        if not isinstance(entity, Mapping):
            raise ConfigError(f"{where}: expected an object", source=source)
        name = _label(entity)
        if not name:
            raise ConfigError(f"{where}.labels: the item has no label", source=source)
        claims = entity.get("claims") or {}
        aliases = [
            a["value"]
            for a in (entity.get("aliases") or {}).get(_LANG, [])
            if isinstance(a, Mapping)
        ]
        roles: list[dict[str, Any]] = []
        for n, st in enumerate(claims.get("P39", [])):
            swhere = f"{where}.claims.P39[{n}]"
            if not isinstance(st, Mapping) or st.get("rank") == "deprecated":
                continue
            snak = st.get("mainsnak") or {}
            if snak.get("snaktype") != "value":
                continue
            value = (snak.get("datavalue") or {}).get("value")
            if not isinstance(value, Mapping) or "id" not in value:
                raise ConfigError(f"{swhere}.mainsnak: expected an item value", source=source)
            position = str(value["id"])
            role: dict[str, Any] = {"role": labels.get(position, position)}
            of = _qualifier(st, "P642")
            if of is not None and "id" in of:
                role["organization"] = labels.get(str(of["id"]), str(of["id"]))
            if position in countries:
                role["country"] = labels.get(countries[position], countries[position])
            for prop, key in (("P580", "start"), ("P582", "end")):
                time = _qualifier(st, prop)
                if time is not None:
                    role[key] = wikidata_time(time, f"{swhere}.qualifiers.{prop}", source)
            roles.append(role)
        citizenship = [labels.get(q, q) for q in _item_ids(claims, "P27")]
        people.append(
            {
                "name": name,
                "aliases": aliases,
                "citizenship": citizenship,
                "roles": roles,
                "wikidata": qid,
            }
        )
    return people


def convert_wikidata(
    entity_json_paths: Iterable[str | Path] | str | Path, labels_path: str | Path | None = None
) -> dict[str, Any]:
    """A registry (``{"people": [...]}``, JSON-ready) from Wikidata entity files.

    ``labels_path`` names the positions and countries the entities refer to; without
    it, labels of items inside the entity files are used and other items keep their Qid.
    """
    paths = (
        [entity_json_paths]
        if isinstance(entity_json_paths, (str, Path))
        else list(entity_json_paths)
    )
    documents = [(Path(p), _read_json(Path(p))) for p in paths]
    labels: dict[str, str] = {}
    countries: dict[str, str] = {}
    for _, doc in documents:
        for qid, entity in (doc.get("entities") or {}).items() if isinstance(doc, Mapping) else ():
            label = _label(entity) if isinstance(entity, Mapping) else None
            if label:
                labels.setdefault(qid, label)
    if labels_path is not None:
        extra, countries = load_labels(labels_path)
        labels.update(extra)
    people: list[dict[str, Any]] = []
    for path, doc in documents:
        if not isinstance(doc, Mapping):
            raise ConfigError("expected Special:EntityData JSON (an object)", source=str(path))
        people += convert_entities(doc, labels, countries, source=str(path))
    return {"people": people}
