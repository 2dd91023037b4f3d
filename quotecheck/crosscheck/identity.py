"""One speaker identity across articles.

Different articles name one person differently: ``Putin``, ``Vladimir Putin``,
``Russia's President Vladimir Putin``, ``Mr Putin``; ``Andrey`` or ``Andrei``
Kartapolov. :func:`parse_name` strips what is not the name (a possessive country,
honorifics and role words from ``data/name_titles.txt``) and :func:`fold` makes the
rest accent-, case- and transliteration-insensitive. :class:`Identities` then gives
every mention a key:

* a full name (given name + surname) is its own identity: ``person:vladimir|putin``;
* a surname alone joins a full name only when exactly one full name with that
  surname exists (first in its own article, then across all articles); otherwise it
  stays apart (``person:|castro``), so two people sharing a surname are never
  merged without evidence;
* an organisation's key is the set of its words with countries and spellings
  normalised, so ``Russia's defence ministry``, ``the Russian defence ministry`` and
  ``Russian Defense Ministry`` are one: ``org:defense ministry russia``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quotecheck.lexicons import countries, load_list, load_map
from quotecheck.models import Article, Speaker

__all__ = [
    "Identities",
    "PersonName",
    "fold",
    "fold_word",
    "is_organization",
    "name_problem",
    "org_key",
    "parse_name",
    "person_key",
    "same_identity",
]

_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "le",
        "la",
        "du",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "abu",
    }
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ORG_WORDS = frozenset(
    {
        "kremlin",
        "ministry",
        "government",
        "office",
        "agency",
        "department",
        "police",
        "army",
        "navy",
        "staff",
        "council",
        "committee",
        "company",
        "corporation",
        "inc",
        "ltd",
        "group",
        "party",
        "union",
        "commission",
        "bank",
        "pentagon",
        "administration",
        "parliament",
        "senate",
        "court",
        "military",
        "forces",
        "service",
        "organization",
        "organisation",
        "coalition",
        "embassy",
        "spokesman",
        "white",
        "house",
        "tass",
        "reuters",
        "news",
    }
)
_SPELLINGS = {
    "defence": "defense",
    "organisation": "organization",
    "programme": "program",
    "centre": "center",
    "labour": "labor",
    "armour": "armor",
}
_ORG_DROP = frozenset({"the", "of", "for", "and", "&"})
_POSSESSIVE = re.compile(r"['’]s$")


def fold_word(word: str) -> str:
    """One word, accent-, case- and transliteration-folded (``Andrey`` -> ``andrei``).

    Drops accents (via Unicode decomposition) and anything not a letter or digit,
    then ``kh`` -> ``h``, ``x`` -> ``ks``, ``y`` -> ``i``, and collapses doubled
    letters (``Raqqa`` -> ``raqa``).
    """
    text = _ascii_lower(word)
    text = text.replace("kh", "h").replace("x", "ks").replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", text)


def _ascii_lower(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return re.sub(
        r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower()
    )


def fold(text: str) -> str:
    """A whole phrase folded word by word (see :func:`fold_word`)."""
    return " ".join(w for w in (fold_word(t) for t in re.split(r"[\s\-]+", text)) if w)


def _plain(token: str) -> str:
    return _POSSESSIVE.sub("", token).strip(".,;:()\"'“”‘’").lower()


def _is_title(token: str) -> bool:
    """A title word, or its plural (``Senators Mitch McConnell and ...``)."""
    titles = load_list("name_titles.txt", lower=True)
    parts = [p.rstrip(".") for p in _plain(token).split("-") if p]
    return bool(parts) and all(p in titles or (p[-1:] == "s" and p[:-1] in titles) for p in parts)


def _is_country(token: str) -> bool:
    return _plain(token).rstrip(".") in countries()


@dataclass(frozen=True)
class PersonName:
    """A person's name as compared across articles."""

    display: str
    """The name as written without titles (``Vladimir Putin``)."""
    given: str | None
    """The folded given name (``vladimir``), ``None`` for a surname alone."""
    surname: str
    """The folded surname (``putin``)."""

    @property
    def is_full(self) -> bool:
        return self.given is not None and len(self.given) > 1

    @property
    def initial(self) -> str | None:
        return self.given[0] if self.given else None


@lru_cache(maxsize=65536)
def parse_name(name: str) -> PersonName:
    """Split a person's name into given name and surname, without titles.

    >>> parse_name("Russia's President Vladimir Putin")
    PersonName(display='Vladimir Putin', given='vladimir', surname='putin')
    >>> parse_name("Colonel-General Andrey Kartapolov").given
    'andrei'
    """
    tokens = name.split()
    last_possessive = max(
        (i for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t.rstrip(".,"))), default=-1
    )
    tokens = tokens[last_possessive + 1 :]
    while len(tokens) > 1 and (
        _is_title(tokens[0]) or _is_country(tokens[0]) or tokens[0][:1].islower()
    ):
        tokens = tokens[1:]
    while len(tokens) > 1 and _plain(tokens[-1]).rstrip(".") in _SUFFIXES:
        tokens = tokens[:-1]
    display = " ".join(tokens).strip(" ,")
    keyed: list[str] = []
    for token in tokens:
        low = _plain(token)
        low = re.sub(r"^(al|el)[-‐]", "", low)
        if low in _PARTICLES:
            continue
        folded = fold_word(low)
        if folded:
            keyed.append(folded)
    if not keyed:
        keyed = [fold_word(name) or name.lower()]
    if len(keyed) == 1:
        return PersonName(display, None, keyed[0])
    return PersonName(display, keyed[0], keyed[-1])


def person_key(name: PersonName) -> str:
    """The key of a fully named person (or of a surname alone)."""
    return f"person:{name.given or ''}|{name.surname}"


def org_key(name: str) -> str:
    """An organisation's key: its words as a sorted set, countries and spellings normalised.

    >>> org_key("Russia's defence ministry") == org_key("the Russian Defense Ministry")
    True
    """
    demonyms = countries()
    words: set[str] = set()
    for raw in re.split(r"\s+", name.strip()):
        low = raw.strip(".,;:()\"'“”‘’").lower()
        country = demonyms.get(low.rstrip(".")) or demonyms.get(_POSSESSIVE.sub("", low))
        if country:
            words.add(_ascii_lower(country.replace(" ", "")))
            continue
        low = _POSSESSIVE.sub("", low)
        low = _SPELLINGS.get(low, low)
        if low and low not in _ORG_DROP and _ascii_lower(low):
            words.add(_ascii_lower(low))
    return "org:" + " ".join(sorted(words))


def is_organization(name: str, kind: str = "unknown") -> bool:
    """Whether a speaker name is an organisation (``the Kremlin``) rather than a person."""
    if kind in ("organization", "group"):
        return True
    if kind == "person":
        return False
    words = {_plain(t) for t in name.split()}
    return name.lower().startswith("the ") or bool(words & _ORG_WORDS)


def name_problem(name: str, kind: str = "person") -> str | None:
    """Why a speaker name is not a name that can be held against another, or ``None``.

    ``"a pronoun"`` (``he``, ``They``); ``"a description"`` (lower-case words: ``the
    two-term president``, ``Clinton advisers``; an organisation without a capitalised
    word: ``the statement``); ``"not a name"`` (a function word or a title alone:
    ``And``, ``By``, ``Secretary``; a given name alone: ``Donald``). A surname alone
    (``Trump``) is a name; whether the story ties it to one person is
    :class:`Identities`' business.
    """
    words = name.split()
    if not words:
        return "not a name"
    low = [_plain(w).rstrip(".") for w in words]
    stop = load_list("stopwords.txt", lower=True)
    if len(words) == 1 and low[0] in {p.lower() for p in load_map("pronouns.tsv")}:
        return "a pronoun"
    if kind in ("organization", "group"):
        # "the Kremlin", "the Russian defence ministry"; not "a charge that Colorado
        # Republican leaders" or "the statement"
        plain = {"the", "of", "for", "and", "on", "&"} | _organization_words()
        named = any(w[:1].isupper() and lw not in stop for w, lw in zip(words, low, strict=True))
        if named and all(w[:1].isupper() or lw in plain for w, lw in zip(words, low, strict=True)):
            return None
        return "a description"
    if len(words) == 1:
        given = load_list("male_names.txt", lower=True) | load_list("female_names.txt", lower=True)
        if low[0] in stop or _is_title(words[0]) or low[0] in given:
            return "not a name"
        return None
    if low[0] in stop or any(
        w[:1].islower() and lw not in _PARTICLES for w, lw in zip(words, low, strict=True)
    ):
        return "a description"
    return None


def _organization_words() -> frozenset[str]:
    """Lower-case words an organisation's name may hold: its head words (``ministry``)
    and title words (``defence``, ``foreign``)."""
    return load_list("organization_cues.txt", lower=True) | load_list("titles.txt", lower=True)


def _prefer(current: str | None, candidate: str) -> str:
    if current is None or len(candidate) > len(current):
        return candidate
    return current


class Identities:
    """Speaker keys for every name used in a set of articles.

    Build with :meth:`from_articles` (every quote speaker and relay) or directly
    from ``(article index, name, kind)`` triples.
    """

    def __init__(self, mentions: Iterable[tuple[int, str, str]]) -> None:
        self._keys: dict[tuple[int, str], str] = {}
        self._names: dict[str, str] = {}
        parsed: list[tuple[int, str, str, PersonName | None]] = []
        full_by_surname: dict[str, set[str]] = defaultdict(set)
        local_by_surname: dict[tuple[int, str], set[str]] = defaultdict(set)
        # names recur across articles: each distinct one is parsed once
        names: dict[tuple[str, str], PersonName | None] = {}
        org_keys: dict[str, str] = {}
        for art, name, kind in mentions:
            if (name, kind) not in names:
                names[(name, kind)] = None if is_organization(name, kind) else parse_name(name)
            parsed_name = names[(name, kind)]
            parsed.append((art, name, kind, parsed_name))
            if parsed_name is None:
                continue
            if parsed_name.is_full:
                full_by_surname[parsed_name.surname].add(person_key(parsed_name))
                local_by_surname[(art, parsed_name.surname)].add(person_key(parsed_name))
        for art, name, _kind, person in parsed:
            if person is None:
                if name not in org_keys:
                    org_keys[name] = org_key(name)
                key = org_keys[name]
                self._names[key] = _prefer(self._names.get(key), name.strip())
            elif person.is_full:
                key = person_key(person)
                self._names[key] = _prefer(self._names.get(key), person.display)
            else:
                key = self._resolve_short(
                    person, local_by_surname[(art, person.surname)], full_by_surname[person.surname]
                )
                self._names.setdefault(key, person.display)
            self._keys[(art, name)] = key

    @staticmethod
    def _resolve_short(person: PersonName, local: set[str], everywhere: set[str]) -> str:
        for pool in (local, everywhere):
            options = sorted(pool)
            if person.initial:
                options = [k for k in options if k.split(":", 1)[1].startswith(person.initial)]
            if len(options) == 1:
                return options[0]
            if len(options) > 1:
                break
        return person_key(PersonName(person.display, person.given, person.surname))

    @classmethod
    def from_articles(cls, articles: Sequence[Article]) -> Identities:
        """Every quote speaker (and every relay named in ``Speaker.via``) in ``articles``."""
        mentions: list[tuple[int, str, str]] = []
        for i, article in enumerate(articles):
            for quote in article.quotes:
                if quote.speaker is not None:
                    mentions.append((i, quote.speaker.name, quote.speaker.kind))
                    if quote.speaker.via:
                        mentions.append((i, quote.speaker.via, "unknown"))
        return cls(mentions)

    def key(self, article: int, name: str, kind: str = "unknown") -> str:
        """The identity key of ``name`` as used in article number ``article``."""
        found = self._keys.get((article, name))
        if found is not None:
            return found
        if is_organization(name, kind):
            return org_key(name)
        return person_key(parse_name(name))

    def speaker_key(self, article: int, speaker: Speaker | None) -> str | None:
        """The identity key of a quote's speaker, or ``None`` when the quote has none."""
        if speaker is None:
            return None
        return self.key(article, speaker.name, speaker.kind)

    def via_key(self, article: int, speaker: Speaker | None) -> str | None:
        """The identity key of the relay (``Tass``) of a quote's speaker, if any."""
        if speaker is None or not speaker.via:
            return None
        return self.key(article, speaker.via)

    def name(self, key: str) -> str:
        """The fullest name seen for an identity (``Vladimir Putin``)."""
        return self._names.get(key, key.split(":", 1)[-1])

    def counts(self) -> Counter[str]:
        """How many mentions each identity has."""
        return Counter(self._keys.values())


def same_identity(a: str, b: str, *, kind_a: str = "unknown", kind_b: str = "unknown") -> bool:
    """Whether two names, seen together in one set, are one speaker."""
    ids = Identities([(0, a, kind_a), (1, b, kind_b)])
    return ids.key(0, a, kind_a) == ids.key(1, b, kind_b)
