"""Compare how articles describe a speaker: nationality, role, organisation.

Roles are compared in a normal form (lexicon ``role_synonyms.tsv``): "Foreign
Minister", "Foreign Affairs Minister" and "minister of foreign affairs" are one role,
"Sen." is "senator", "spokeswoman" is "spokesman". A role's words are split into its
**core** (what the office is) and its **qualifiers** (``role_qualifiers.tsv``: a state,
a party; "Florida Sen." is a senator qualified by Florida).

Two roles **match** (one can be written for the other) when their cores are equal, one
contains the other ("minister" and "foreign minister"), or one office is a kind of the
other (``role_compatibility.tsv``: a press secretary is a spokesman), and no state,
party or rank differs. Two roles **conflict** only when they cannot describe one person
at one time: offices of one kind (``role_kinds.tsv``: company officers, public offices,
campaign or press staff) that do not match. CFO and COO, a campaign manager and a
spokesman, a transport minister and a deputy mayor, a Florida senator and an Ohio
senator conflict. Anything else is compatible: a person is often a senator *and* a
presidential candidate. A role that is not a role at all ("to", a name, a bare adjective) or that is
not the current one ("former governor") is never compared.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from quotecheck.crosscheck.identity import fold, org_key
from quotecheck.lexicons import countries, load_list, load_map

__all__ = [
    "RoleParts",
    "countries_compatible",
    "is_qualifier",
    "is_role_noun",
    "normalize_country",
    "normalize_role",
    "orgs_compatible",
    "role_is_comparable",
    "role_parts",
    "roles_compatible",
    "roles_conflict",
    "roles_match",
]

_ROLE_DROP = frozenset({"the", "a", "an", "of", "for", "s", "and"})
_ROLE_SPELLING = {"defence": "defense", "organisation": "organization", "centre": "center"}


def normalize_country(value: str) -> str:
    """``France`` for "French", "France's", "france"; unknown values lower-cased."""
    low = value.strip().lower().rstrip(".")
    low = re.sub(r"['’]s$", "", low)
    demonyms = countries()
    return demonyms.get(low) or demonyms.get(low + "'s") or value.strip().title()


def countries_compatible(a: str, b: str) -> bool:
    return normalize_country(a) == normalize_country(b)


def _phrase_patterns(table: dict[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w-])({re.escape(phrase)})(?![\w-])"), table[phrase])
        for phrase in sorted(table, key=lambda p: (-len(p), p))
    )


@cache
def _role_synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``role_synonyms.tsv`` as patterns, longest phrase first."""
    return _phrase_patterns(load_map("role_synonyms.tsv", lower=True))


def _words(value: str) -> str:
    low = re.sub(r"[^\w\s-]", " ", value.lower()).replace("_", " ")
    return " ".join(_ROLE_SPELLING.get(w, w) for w in low.replace("-", " ").split())


@lru_cache(maxsize=4096)
def normalize_role(value: str) -> str:
    """A role in its comparison form (``foreign minister`` for "Minister of Foreign
    Affairs", ``florida senator`` for "Florida Sen.")."""
    low = _words(value)
    for pattern, replacement in _role_synonyms():
        low = pattern.sub(replacement, low)
    return " ".join(w for w in low.split() if w not in _ROLE_DROP)


@cache
def _qualifiers() -> dict[str, str]:
    """Qualifier phrase (in :func:`_words` form) -> ``kind:value``, countries included."""
    out = {_words(k): v for k, v in load_map("role_qualifiers.tsv", lower=True).items()}
    for name, country in countries().items():
        out.setdefault(_words(name), f"country:{country.lower()}")
    return out


def is_qualifier(word: str) -> bool:
    """Whether one written word may stand in a role as (part of) a qualifier: a
    one-word qualifier (``Florida``, ``GOP``, ``Fla.``, ``N.H.``) or a longer word of a
    longer one (``Hampshire``, ``Carolina``)."""
    low = _words(word)
    return low in _qualifiers() or low in _qualifier_words()


@cache
def _qualifier_words() -> frozenset[str]:
    stop = load_list("stopwords.txt", lower=True)
    return frozenset(
        w
        for phrase in _qualifiers()
        for w in phrase.split()
        if " " not in phrase or (len(w) > 2 and w not in stop)
    )


@cache
def _qualifier_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return _phrase_patterns(_qualifiers())


def _table(name: str) -> dict[str, str]:
    return {normalize_role(k): v for k, v in load_map(name, lower=True).items()}


@cache
def _kinds() -> dict[str, str]:
    return _table("role_kinds.tsv")


@cache
def _compatible_pairs() -> frozenset[frozenset[str]]:
    return frozenset(
        frozenset((normalize_role(k), normalize_role(v)))
        for k, v in load_map("role_compatibility.tsv", lower=True).items()
    )


@cache
def _role_nouns() -> frozenset[str]:
    words = {w.lower().rstrip(".") for w in load_list("role_heads.txt")}
    words |= {w.lower() for w in load_list("role_nouns.txt")}
    words |= {normalize_role(w).split()[-1] for w in words if normalize_role(w)}
    words |= {office.split()[-1] for office in _kinds()}
    return frozenset(words)


def is_role_noun(word: str) -> bool:
    """Whether a written word can end a role (``Secretary``, ``spokesman``, ``Sen.``)."""
    words = _words(word).split()
    return bool(words) and words[-1] in _role_nouns()


class RoleParts(NamedTuple):
    """A role split for comparison (see the module docstring)."""

    core: tuple[str, ...]
    """The office's words in normal form, qualifiers removed (``("senator",)``)."""
    qualifiers: tuple[tuple[str, str], ...]
    """``(kind, value)`` pairs: ``("state", "florida")``, ``("rank", "deputy")``."""
    office: str | None
    """The office of ``role_kinds.tsv`` the core ends in (``press secretary`` for
    "Clinton press secretary", ``minister`` for "transport minister")."""

    @property
    def kind(self) -> str | None:
        return _kinds()[self.office] if self.office else None


@lru_cache(maxsize=4096)
def role_parts(value: str) -> RoleParts:
    """The core, qualifiers and office of a role as written."""
    low = _words(value)
    quals: list[tuple[str, str]] = []
    for pattern, meaning in _qualifier_patterns():
        if pattern.search(low):
            kind, _, what = meaning.partition(":")
            quals.append((kind, what))
            low = pattern.sub(" ", low)
    core = tuple(normalize_role(low).split())
    office = next(
        (" ".join(core[i:]) for i in range(len(core)) if " ".join(core[i:]) in _kinds()), None
    )
    return RoleParts(core, tuple(sorted(set(quals))), office)


@lru_cache(maxsize=65536)
def role_is_comparable(value: str, name: str | None = None) -> bool:
    """Whether a described role can be compared at all: its core ends in a role noun
    (``role_heads.txt``, ``role_nouns.txt``), it is the current role (no ``former``,
    ``then``, ``incoming`` ...), and it is not made of the person's own ``name``."""
    parts = role_parts(value)
    if not parts.core or parts.core[-1] not in _role_nouns():
        return False
    if any(kind == "time" for kind, _ in parts.qualifiers):
        return False
    if name:
        own = set(fold(name).split())
        if own & {fold(w) for w in parts.core}:
            return False
    return True


def _related(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and frozenset((a, b)) in _compatible_pairs()


def _same_office(pa: RoleParts, pb: RoleParts) -> bool:
    """One office written two ways: one core within the other ("minister" and "foreign
    minister"), or one office a kind of the other (a press secretary is a spokesman)."""
    wa, wb = set(pa.core), set(pb.core)
    if not wa or not wb or wa <= wb or wb <= wa:
        return True
    return _related(pa.office, pb.office) or _related(" ".join(pa.core), " ".join(pb.core))


def _qualifiers_differ(pa: RoleParts, pb: RoleParts) -> bool:
    """Two states or two parties that differ, or a rank (deputy, vice) on one side only."""
    qa, qb = dict(pa.qualifiers), dict(pb.qualifiers)
    if qa.get("rank") != qb.get("rank"):
        return True
    return any(qa[k] != qb[k] for k in qa.keys() & qb.keys() if k in ("state", "party"))


def roles_match(a: str, b: str) -> bool:
    """Whether role ``b`` can be written for role ``a``: one office (equal once
    normalised, one fuller than the other, or one a kind of the other) with no state,
    party or rank that differs. The registry (QC105) asks this of every role it lists."""
    pa, pb = role_parts(a), role_parts(b)
    return _same_office(pa, pb) and not _qualifiers_differ(pa, pb)


def roles_conflict(a: str, b: str) -> bool:
    """Whether two roles cannot describe one person at one time: both comparable
    (:func:`role_is_comparable`), offices of one kind (``role_kinds.tsv``), and not one
    office (:func:`roles_match`)."""
    if not (role_is_comparable(a) and role_is_comparable(b)):
        return False
    pa, pb = role_parts(a), role_parts(b)
    if pa.kind is None or pa.kind != pb.kind:
        return False
    return not roles_match(a, b)


def roles_compatible(a: str, b: str) -> bool:
    """Whether two roles can describe one person at one time (not :func:`roles_conflict`)."""
    return not roles_conflict(a, b)


def orgs_compatible(a: str, b: str) -> bool:
    """Whether two organisation names can be one (``General Staff`` / ``Russia's General Staff``)."""
    wa, wb = set(org_key(a)[4:].split()), set(org_key(b)[4:].split())
    if not wa or not wb:
        return True
    return wa <= wb or wb <= wa
