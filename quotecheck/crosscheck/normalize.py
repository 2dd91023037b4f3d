"""Compare how articles describe a speaker: nationality, role, organisation.

Roles are compared in a normal form (``data/role_synonyms.tsv``): "Foreign
Minister", "Foreign Affairs Minister" and "minister of foreign affairs" are one
role; "CFO" and "chief operating officer" are not. A role is *compatible* with
another when one's words contain the other's ("minister" and "foreign minister"),
so a shorter description never conflicts with a fuller one.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from quotecheck.crosscheck.identity import org_key
from quotecheck.lexicons import countries, load_map

__all__ = [
    "countries_compatible",
    "normalize_country",
    "normalize_role",
    "orgs_compatible",
    "roles_compatible",
]

_ROLE_DROP = frozenset({"the", "a", "an", "of", "for", "s"})
_ROLE_SPELLING = {"defence": "defense", "organisation": "organization", "centre": "center"}


def normalize_country(value: str) -> str:
    """``France`` for "French", "France's", "france"; unknown values lower-cased."""
    low = value.strip().lower().rstrip(".")
    low = re.sub(r"['’]s$", "", low)
    demonyms = countries()
    return demonyms.get(low) or demonyms.get(low + "'s") or value.strip().title()


def countries_compatible(a: str, b: str) -> bool:
    return normalize_country(a) == normalize_country(b)


@cache
def _role_synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``data/role_synonyms.tsv`` as patterns, longest phrase first."""
    synonyms = load_map("role_synonyms.tsv", lower=True)
    return tuple(
        (re.compile(rf"\b{re.escape(phrase)}\b"), synonyms[phrase])
        for phrase in sorted(synonyms, key=len, reverse=True)
    )


@lru_cache(maxsize=4096)
def normalize_role(value: str) -> str:
    """A role in its comparison form (``foreign minister`` for "Minister of Foreign Affairs")."""
    low = re.sub(r"[^\w\s-]", " ", value.lower())
    low = " ".join(_ROLE_SPELLING.get(w, w) for w in low.replace("-", " ").split())
    for pattern, replacement in _role_synonyms():
        low = pattern.sub(replacement, low)
    return " ".join(w for w in low.split() if w not in _ROLE_DROP)


def roles_compatible(a: str, b: str) -> bool:
    """Whether two roles can describe one person at one time (one's words within the other's)."""
    wa, wb = set(normalize_role(a).split()), set(normalize_role(b).split())
    if not wa or not wb:
        return True
    return wa <= wb or wb <= wa


def orgs_compatible(a: str, b: str) -> bool:
    """Whether two organisation names can be one (``General Staff`` / ``Russia's General Staff``)."""
    wa, wb = set(org_key(a)[4:].split()), set(org_key(b)[4:].split())
    if not wa or not wb:
        return True
    return wa <= wb or wb <= wa
