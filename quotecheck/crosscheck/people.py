"""An optional people registry: who holds which role, with which citizenship, when.

A YAML or JSON file::

    people:
      - name: Laurent Fabius
        aliases: [Fabius]
        citizenship: [France]
        roles:
          - role: Minister of Foreign Affairs
            organization: Government of France
            country: France
            start: 2012-05-16
            end: 2016-02-11

``start``/``end`` are ISO dates (``2012``, ``2012-05`` and ``2012-05-16`` all
work; a missing end means the role is still held). :meth:`Registry.check` compares
how an article describes a speaker with the registry at the article's date, which
catches a mislabel that only one article makes. Errors in the file are
:class:`~quotecheck.errors.ConfigError` naming the file, the field and the line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from quotecheck.crosscheck.identity import parse_name, person_key
from quotecheck.crosscheck.normalize import (
    normalize_country,
    orgs_compatible,
    role_is_comparable,
    roles_match,
)
from quotecheck.errors import ConfigError
from quotecheck.lexicons import load_list
from quotecheck.models import Attribute, Evidence, Speaker

__all__ = [
    "Registry",
    "RegistryPerson",
    "RegistryProblem",
    "RegistryRole",
    "load_registry",
    "parse_date",
]

_PERSON_KEYS = frozenset(
    {"name", "aliases", "citizenship", "roles", "id", "wikidata", "description", "notes"}
)
_ROLE_KEYS = frozenset({"role", "organization", "country", "start", "end", "notes"})
_LINE = "__line__"
_SPAN = "__span__"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers where each mapping starts and ends."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = dict(loader.construct_mapping(node, deep=True))
    mapping[_LINE] = node.start_mark.line + 1
    mapping[_SPAN] = (node.start_mark.index, node.end_mark.index)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_date(value: object, *, end: bool = False) -> dt.date | None:
    """``2012``, ``2012-05``, ``2012-05-16`` (or a date) as a date; a bare year or month
    is its first day, or its last day when ``end`` is true. ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and 0 < value < 10000:
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date like 2012-05-16, got {value!r}")
    m = re.fullmatch(r"\+?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if m is None:
        raise ValueError(f"expected a date like 2012-05-16, got {value!r}")
    year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if not month:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    if not day:
        if end:
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(year, month, 1)
    return dt.date(year, month, day)


@dataclass(frozen=True)
class RegistryRole:
    """A position held, with its dates (``None``: open)."""

    role: str
    organization: str | None = None
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, day: dt.date | None) -> bool:
        """Held on ``day`` (any period counts when ``day`` is ``None``)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        where = ", ".join(p for p in (self.organization, self.country) if p)
        when = f"{self.start or '?'} to {self.end or 'present'}"
        return f"{self.role}{f' ({where})' if where else ''}, {when}"


@dataclass(frozen=True)
class RegistryPerson:
    """One person in the registry."""

    name: str
    aliases: tuple[str, ...] = ()
    citizenship: tuple[str, ...] = ()
    roles: tuple[RegistryRole, ...] = ()
    line: int | None = None
    span: tuple[int, int] | None = None
    """Where the entry is written in the registry file (character offsets)."""

    def describe(self) -> str:
        parts = [self.name]
        if self.citizenship:
            parts.append("citizenship " + ", ".join(self.citizenship))
        parts += [r.describe() for r in self.roles]
        return "; ".join(parts)


@dataclass(frozen=True)
class RegistryProblem:
    """A description that contradicts the registry."""

    facet: str
    """``nationality``, ``role`` or ``organization`` (how severe each is, is the
    check's decision: :mod:`quotecheck.checks.qc105_registry`)."""
    written: Attribute
    expected: tuple[str, ...]
    message: str
    person: RegistryPerson


@dataclass
class Registry:
    """People by name; build with :func:`load_registry` or :meth:`from_data`."""

    people: list[RegistryPerson]
    source: str = "<registry>"
    text: str | None = None
    _by_key: dict[str, list[RegistryPerson]] = field(default_factory=dict, repr=False)
    _by_surname: dict[str, list[RegistryPerson]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_key: dict[str, list[RegistryPerson]] = defaultdict(list)
        by_surname: dict[str, list[RegistryPerson]] = defaultdict(list)
        for person in self.people:
            for name in (person.name, *person.aliases):
                parsed = parse_name(name)
                if parsed.is_full and person not in by_key[person_key(parsed)]:
                    by_key[person_key(parsed)].append(person)
                if person not in by_surname[parsed.surname]:
                    by_surname[parsed.surname].append(person)
        self._by_key, self._by_surname = dict(by_key), dict(by_surname)

    @classmethod
    def from_data(
        cls, data: object, source: str = "<registry>", text: str | None = None
    ) -> Registry:
        """A registry from already-parsed YAML/JSON data (validated like a file)."""
        return cls(_people(data, source, text), source, text)

    def lookup(self, name: str) -> RegistryPerson | None:
        """The person a name refers to: full name or alias; a surname alone only when
        exactly one person in the registry has it."""
        parsed = parse_name(name)
        if parsed.is_full:
            found = self._by_key.get(person_key(parsed), [])
        else:
            found = self._by_surname.get(parsed.surname, [])
        return found[0] if len(found) == 1 else None

    def check(self, speaker: Speaker, date: dt.date | None) -> list[RegistryProblem]:
        """How ``speaker``'s description contradicts the registry on ``date``."""
        person = self.lookup(speaker.name)
        if person is None:
            return []
        current = [r for r in person.roles if r.active(date)]
        when = f"on {date}" if date else "at any time"
        problems: list[RegistryProblem] = []
        if speaker.nationality is not None:
            allowed = {normalize_country(c) for c in person.citizenship}
            allowed |= {normalize_country(r.country) for r in current if r.country}
            written = normalize_country(speaker.nationality.value)
            if allowed and written not in allowed:
                problems.append(
                    RegistryProblem(
                        "nationality",
                        speaker.nationality,
                        tuple(sorted(allowed)),
                        f"{person.name} is described as {speaker.nationality.span.text} ({written}) "
                        "but the registry has citizenship or a role in "
                        f"{' / '.join(sorted(allowed))}",
                        person,
                    )
                )
        if (
            speaker.role is not None
            and person.roles
            and not _is_rank(speaker.role.value)
            and role_is_comparable(speaker.role.value, person.name)
        ):
            value = speaker.role.value
            if not any(roles_match(value, r.role) for r in current):
                held = [r for r in person.roles if roles_match(value, r.role)]
                why = (
                    f"held {held[0].describe()}, not {when}"
                    if held
                    else f"the registry lists {'; '.join(r.role for r in current) or 'no role'} {when}"
                )
                problems.append(
                    RegistryProblem(
                        "role",
                        speaker.role,
                        tuple(r.role for r in current),
                        f"{person.name} is described as {value}: {why}",
                        person,
                    )
                )
        if speaker.organization is not None:
            orgs = [r.organization for r in current if r.organization]
            if orgs and not any(orgs_compatible(speaker.organization.value, o) for o in orgs):
                problems.append(
                    RegistryProblem(
                        "organization",
                        speaker.organization,
                        tuple(orgs),
                        f"{person.name} is described as of {speaker.organization.value}, "
                        f"the registry has {' / '.join(orgs)} {when}",
                        person,
                    )
                )
        return problems

    def evidence(self, person: RegistryPerson) -> Evidence:
        """The person's entry as evidence (its span in the registry file when known)."""
        if person.span is not None and self.text is not None:
            start, end = person.span
            end = start + len(self.text[start:end].rstrip())
            return Evidence(
                source=self.source, start=start, end=end, text=self.text[start:end], role="registry"
            )
        return Evidence(source=self.source, start=0, end=0, text=person.describe(), role="registry")


def _fail(source: str, where: str, line: int | None, problem: str) -> ConfigError:
    at = f" (line {line})" if line else ""
    return ConfigError(f"{where}{at}: {problem}; fix the registry file", source=source)


def _str_list(value: object, source: str, where: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise _fail(source, where, line, f"expected a list of names, got {value!r}")


def _find_line(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    pos = text.find(json.dumps(name))
    return text.count("\n", 0, pos) + 1 if pos >= 0 else None


def _people(data: object, source: str, text: str | None) -> list[RegistryPerson]:
    if not isinstance(data, Mapping) or not isinstance(data.get("people"), list):
        raise _fail(source, "people", None, "the file must be a mapping with a 'people' list")
    out: list[RegistryPerson] = []
    for i, entry in enumerate(data["people"]):
        where = f"people[{i}]"
        if not isinstance(entry, Mapping):
            raise _fail(source, where, None, f"expected a mapping, got {entry!r}")
        name = entry.get("name")
        line = entry.get(_LINE) or (_find_line(text, name) if isinstance(name, str) else None)
        if not isinstance(name, str) or not name.strip():
            raise _fail(source, f"{where}.name", line, "every person needs a name")
        unknown = set(entry) - _PERSON_KEYS - {_LINE, _SPAN}
        if unknown:
            raise _fail(
                source,
                f"{where}.{sorted(unknown)[0]}",
                line,
                f"unknown field (allowed: {', '.join(sorted(_PERSON_KEYS))})",
            )
        roles_raw = entry.get("roles") or []
        if not isinstance(roles_raw, list):
            raise _fail(source, f"{where}.roles", line, "expected a list of roles")
        roles: list[RegistryRole] = []
        for j, raw in enumerate(roles_raw):
            rwhere = f"{where}.roles[{j}]"
            rline = raw.get(_LINE, line) if isinstance(raw, Mapping) else line
            if not isinstance(raw, Mapping) or not isinstance(raw.get("role"), str):
                raise _fail(source, f"{rwhere}.role", rline, "every role needs a 'role' name")
            unknown = set(raw) - _ROLE_KEYS - {_LINE, _SPAN}
            if unknown:
                raise _fail(
                    source,
                    f"{rwhere}.{sorted(unknown)[0]}",
                    rline,
                    f"unknown field (allowed: {', '.join(sorted(_ROLE_KEYS))})",
                )
            dates: dict[str, dt.date | None] = {}
            for key in ("start", "end"):
                try:
                    dates[key] = parse_date(raw.get(key), end=key == "end")
                except ValueError as exc:
                    raise _fail(source, f"{rwhere}.{key}", rline, str(exc)) from exc
            for key in ("organization", "country"):
                if raw.get(key) is not None and not isinstance(raw.get(key), str):
                    raise _fail(source, f"{rwhere}.{key}", rline, "expected text")
            roles.append(
                RegistryRole(
                    raw["role"],
                    raw.get("organization"),
                    raw.get("country"),
                    dates["start"],
                    dates["end"],
                )
            )
        span = entry.get(_SPAN)
        out.append(
            RegistryPerson(
                name=name.strip(),
                aliases=_str_list(entry.get("aliases"), source, f"{where}.aliases", line),
                citizenship=_str_list(
                    entry.get("citizenship"), source, f"{where}.citizenship", line
                ),
                roles=tuple(roles),
                line=line,
                span=tuple(span) if span else None,
            )
        )
    return out


def load_registry(path: str | Path) -> Registry:
    """Read a registry file (``.json`` as JSON, anything else as YAML)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the registry ({exc})", source=str(p)) from exc
    try:
        if p.suffix.lower() == ".json":
            data: object = json.loads(text)
        else:
            data = yaml.load(text, Loader=_LineLoader)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"line {exc.lineno}: invalid JSON ({exc.msg})", source=str(p)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise ConfigError(f"{line}invalid YAML ({exc})", source=str(p)) from exc
    return Registry.from_data(data, str(p), text)


def registry_from(
    value: Registry | str | Path | Mapping[str, Any] | Iterable[RegistryPerson] | None,
) -> Registry | None:
    """Accept a registry, a path to one, parsed data or ``None``."""
    if value is None or isinstance(value, Registry):
        return value
    if isinstance(value, (str, Path)):
        return load_registry(value)
    if isinstance(value, Mapping):
        return Registry.from_data(value)
    return Registry(list(value))


def _is_rank(role: str) -> bool:
    """A military rank (``Colonel-General``) says nothing about the post a person holds."""
    return role.strip().lower() in _ranks()


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    return frozenset(r.lower() for r in load_list("military_ranks.txt"))
