"""Speaker resolution: who a cue's speaker phrase refers to.

- full names are kept, stripped of descriptors (``Russia's President Vladimir
  Putin`` -> ``Vladimir Putin``);
- short names and honorific forms resolve to the full name used in the
  article (``Kartapolov``, ``General Kartapolov`` -> ``Andrey Kartapolov``;
  ``Mr Carter`` -> ``Ash Carter``) when exactly one full name fits;
- pronouns resolve to the nearest compatible named person (gender from
  honorifics, first names and earlier pronouns; a coreference chain from the
  backend wins when there is one), and stay explicitly *unresolved* when two
  candidates fit equally;
- organisations and nominal speakers (``the Kremlin``, ``a senior official``)
  are kept as written, with their kind.
"""

from __future__ import annotations

import functools
import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import regex

from quotecheck.analysis.base import Analysis
from quotecheck.extract.cues import CuePatterns, alternation
from quotecheck.extract.descriptions import (
    Described,
    PhraseParts,
    appositive_after,
    describe_context,
    phrase_parts,
    strip_leading_adverbs,
)
from quotecheck.extract.names import person_problem, span_problem, strip_possessive
from quotecheck.extract.quotes import Draft
from quotecheck.extract.syntax import entity_kind
from quotecheck.lexicons import lexicon_dirs, load_list
from quotecheck.models import SpeakerKind

__all__ = ["ResolvedSpeaker", "clear_caches", "resolve_speakers"]

_WINDOW = 2500
_RIVAL_GAP = 200  # a rival antecedent this close to the nearest one makes a pronoun ambiguous
_DET = regex.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+")
_ORG_WORD = regex.compile(r"[\p{L}\.&]+")
_ORG_WORD_ASCII = re.compile(r"[A-Za-z.&]+")
# a determiner and lower-case words: a description, never a name ("Its former chief")
_NOMINAL = regex.compile(
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)(?:\s+[\p{Ll}\p{N}][\p{L}\p{N}'’\-]*)+"
)


@dataclass(slots=True)
class ResolvedSpeaker:
    name: str
    kind: str
    mention: tuple[int, int]
    resolution: str
    antecedent: tuple[int, int] | None = None
    described: Described | None = None
    via: tuple[int, int] | None = None
    via_name: str | None = None


class _Person:
    """A named person mentioned at ``[start, end)``.

    ``evidence`` (honorific, role, first name or used as a speaker) and ``described``
    are filled in only when resolution consults them (see :meth:`_Index.evidence` and
    :meth:`_Index.described`): most mentions are never consulted, and their description
    (an appositive and an ``of ORG`` after the name) costs more than finding them.
    """

    __slots__ = ("_described", "_evidence", "_words", "end", "gender", "name", "start")

    def __init__(self, start: int, end: int, name: str, gender: str | None, evidence: bool) -> None:
        self.start = start
        self.end = end
        self.name = name
        self.gender = gender
        # True when the phrase alone shows it; otherwise None until looked up
        self._evidence: bool | None = True if evidence else None
        self._described: Described | None = None
        self._words: frozenset[str] | None = None  # _description_words, once looked up


@dataclass(slots=True)
class _Index:
    text: str
    pats: CuePatterns
    cache: _LexiconCache
    speaker_starts: set[int]
    persons: list[_Person] = field(default_factory=list)
    by_surname: dict[str, set[str]] = field(default_factory=dict)
    first_mention: dict[str, tuple[int, int]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    first_person: dict[str, _Person] = field(default_factory=dict)  # name -> earliest in persons
    full_names: dict[str, str] = field(default_factory=dict)  # memo of _full_name
    _starts: list[int] | None = None  # the persons' starts, ascending (near_persons)
    _order: list[int] | None = None  # persons' indices in that order, unless it is theirs
    _named: dict[str, list[_Person]] | None = None  # full name -> appositive_mentions
    _by_word: dict[str, dict[str, list[tuple[_Person, frozenset[str]]]]] = field(
        default_factory=dict
    )  # a word -> described_with(word)

    def near_persons(self, pos: int) -> list[_Person]:
        """The persons with ``pos - _WINDOW <= start < pos``, in index order.

        Two bisections over the sorted starts find them, so a text with a pronoun every few
        words stays linear. Persons follow the name runs, so their starts ascend (and the
        answer is a slice of ``persons``) unless a pre-modifier reached back over an
        earlier run; then the indices in the window are put back in index order.
        """
        if self._starts is None:
            persons = self.persons
            order = sorted(range(len(persons)), key=lambda i: persons[i].start)
            self._starts = [persons[i].start for i in order]
            if any(i != k for k, i in enumerate(order)):
                self._order = order
        starts = self._starts
        lo, hi = bisect_left(starts, pos - _WINDOW), bisect_left(starts, pos)
        if self._order is None:
            return self.persons[lo:hi]
        return [self.persons[i] for i in sorted(self._order[lo:hi])]

    def described_with(self, word: str) -> dict[str, list[tuple[_Person, frozenset[str]]]]:
        """Full name -> the person's mentions whose description holds ``word``, with those
        words, in index order, at most ``_MAX_DESCRIBED`` per name (a mention is described
        once, on first use; the answer for a word is kept).

        A mention whose surroundings cannot hold the word is not described: see
        :func:`_may_describe`.
        """
        found = self._by_word.get(word)
        if found is None:
            found = self._by_word[word] = {}
            sources = _word_sources(word)
            for p in self.persons:
                if not p.name or (len(p.name.split()) < 2 and _full_name(self, p.name) == p.name):
                    continue
                if sources is not None and not _may_describe(self.text, p, sources):
                    continue
                if p._words is None:
                    p._words = frozenset(_description_words(self.text, p, self))
                if word in p._words:
                    seen = found.setdefault(_full_name(self, p.name), [])
                    if len(seen) < _MAX_DESCRIBED:
                        seen.append((p, p._words))
        return found

    def appositive_mentions(self, full: str) -> list[_Person]:
        """Mentions of the person whose full name is ``full`` that a comma follows (where an
        appositive may describe them), in index order, at most ``_MAX_DESCRIBED`` (the map
        is built on first use, once per article)."""
        if self._named is None:
            named: dict[str, list[_Person]] = {}
            for p in self.persons:
                if p.name and self.text.startswith(",", p.end):
                    found = named.setdefault(_full_name(self, p.name), [])
                    if len(found) < _MAX_DESCRIBED:
                        found.append(p)
            self._named = named
        return self._named.get(full, [])

    def described(self, p: _Person) -> Described:
        """The person's description at this mention, with what follows the name."""
        if p._described is None:
            p._described = self.describe(p.start, p.end, appositive_after(self.text, p.end))
        return p._described

    def describe(self, s: int, e: int, appositive: tuple[int, int] | None) -> Described:
        """``describe(text, s, e, pats, appositive=appositive)``, with the phrase's own
        parts from the cache."""
        parts = self.cache.parts(self.text[s:e]).shifted(s)
        return describe_context(self.text, parts, self.pats, appositive=appositive)

    def evidence(self, p: _Person) -> bool:
        """Honorific, role, first name, a relative ``who`` after it, or the mention is a
        speaker's."""
        if p._evidence is None:
            # the phrase itself had no honorific, role or known first name: a role can
            # still come from an appositive, which starts with a comma right after the name
            # and "Sanders, who has represented ..." is a person: a relative "who"
            p._evidence = (
                p.start in self.speaker_starts
                or self.text.startswith((", who ", ", whose "), p.end)
                or (self.text.startswith(",", p.end) and self.described(p).role is not None)
            )
        return p._evidence


class _Template(NamedTuple):
    """What one phrase contributes to the index wherever it occurs: the parts of
    :func:`describe` that read only the phrase. Offsets are relative to the phrase."""

    name: str  # without a possessive 's
    name_start: int
    name_end: int
    surname: str
    multiword: bool
    gender: str | None
    evidence: bool  # an honorific, a role before the name or a known first name


class _LexiconCache:
    """What :func:`_build_index` can reuse across texts with one set of patterns.

    ``by_parts`` holds the :func:`phrase_parts` of a phrase on its own (they do not
    depend on where it occurs); ``by_phrase`` its :class:`_Template` (``None``: not a
    person); ``by_run`` a raw name match's count of leading sentence-adverb characters
    and the template of the rest (the phrase when no pre-modifier precedes it). Each
    map is emptied when full, so memory stays bounded (a few MB).
    """

    MAX = 20_000  # entries per map; PolNeAR dev (0.4 MB of text) has about 2,600 phrases

    def __init__(self, pats: CuePatterns) -> None:
        self.pats = pats
        self.by_parts: dict[str, PhraseParts] = {}
        self.by_phrase: dict[str, _Template | None] = {}
        self.by_run: dict[str, tuple[int, _Template | None]] = {}
        self.premod = _PremodFilter.build(pats)

    def parts(self, phrase: str) -> PhraseParts:
        """``phrase_parts`` of the phrase on its own (offsets from its start)."""
        r = self.by_parts.get(phrase)
        if r is None:
            if len(self.by_parts) >= self.MAX:
                self.by_parts.clear()
            r = self.by_parts[phrase] = phrase_parts(phrase, 0, len(phrase), self.pats)
        return r

    def template(self, phrase: str) -> _Template | None:
        if phrase in self.by_phrase:
            return self.by_phrase[phrase]
        if len(self.by_phrase) >= self.MAX:
            self.by_phrase.clear()
        t = self.by_phrase[phrase] = _template(self.parts(phrase), self.pats)
        return t

    def run(self, run: str) -> tuple[int, _Template | None]:
        r = self.by_run.get(run)
        if r is None:
            if len(self.by_run) >= self.MAX:
                self.by_run.clear()
            skip = strip_leading_adverbs(run, 0, len(run))
            r = self.by_run[run] = (skip, self.template(run[skip:]))
        return r


_CACHES: weakref.WeakKeyDictionary[CuePatterns, _LexiconCache] = weakref.WeakKeyDictionary()


def clear_caches() -> None:
    """Forget the per-phrase caches (benchmarks use it so every timed pass starts cold)."""
    _CACHES.clear()


def _lexicon_cache(pats: CuePatterns) -> _LexiconCache:
    c = _CACHES.get(pats)
    if c is None:
        c = _CACHES[pats] = _LexiconCache(pats)
    return c


@dataclass(frozen=True, slots=True)
class _PremodFilter:
    r"""A cheap necessary condition for ``pats.premod_tail`` to match before a name.

    The pattern is ``(?:(?:DEMONYM|lower-case title)\s+){1,4}$`` run backwards from the
    name: its last repetition is a lexicon entry, then whitespace up to the name. No
    entry ends in whitespace and every ``\s`` character is ``str.isspace`` (see
    tests/extract/test_speakers_speed.py), so in a match the entry ends exactly where
    ``text[lo:s].rstrip()`` does, and the entry's last whitespace-free word is a suffix
    of it. Most names follow a word that ends no entry, and this test costs a third of
    the failed match.
    """

    key_len: int  # the entries' last words are bucketed by their last key_len characters
    tails: dict[str, tuple[str, ...]]

    @staticmethod
    def build(pats: CuePatterns) -> _PremodFilter | None:
        """The filter for these patterns; ``None`` (always run the pattern) unless
        ``premod_tail`` is exactly the pattern described above."""
        demonyms, lower_titles = list(pats.demonyms), list(pats.lower_titles)
        demo, lower = (
            alternation(demonyms, backwards=True),
            alternation(lower_titles, backwards=True),
        )
        expected = rf"(?:(?:{demo}|{lower})\s+){{1,4}}$"
        entries = demonyms + lower_titles
        if (
            pats.premod_tail.pattern != expected
            or not pats.premod_tail.flags & regex.REVERSE
            or not all(e and not e[-1].isspace() for e in entries)
        ):
            return None
        last_words = {e.split()[-1] for e in entries}
        key_len = min(2, *(len(w) for w in last_words))
        tails: dict[str, list[str]] = {}
        for w in last_words:
            tails.setdefault(w[-key_len:], []).append(w)
        return _PremodFilter(key_len, {k: tuple(v) for k, v in tails.items()})

    def may_match(self, text: str, lo: int, s: int) -> bool:
        before = text[lo:s]
        word_end = before.rstrip()
        if len(word_end) == len(before) or not word_end:
            return False  # no whitespace before the name, or nothing before that
        tails = self.tails.get(word_end[-self.key_len :])
        return tails is not None and word_end.endswith(tails)


def _template(parts: PhraseParts, pats: CuePatterns) -> _Template | None:
    if parts.name is None:
        return None
    ns, ne, raw = parts.name
    name = raw[:-2] if raw.endswith(("'s", "’s")) else raw  # "Putin's": a possessive 's only
    words = name.split()
    if not words or len(words) > 4 or _is_org(raw, pats) or person_problem(name, pats):
        return None
    first = words[0]
    male, female = first in pats.male_names, first in pats.female_names
    evidence = bool(parts.honorific or parts.role) or male or female
    g = _gender_of(parts.honorific, male, female, pats)
    surname = strip_possessive(words[-1])  # _surname(name)
    return _Template(name, ns, ne, surname, len(words) >= 2, g, evidence)


def _surname(name: str) -> str:
    last = name.split()[-1] if name.split() else name
    return strip_possessive(last)


def _gender_of(honorific: str | None, male: bool, female: bool, pats: CuePatterns) -> str | None:
    """From the honorific, else from the first name (``male``, ``female``: it is a
    known male, female first name)."""
    if honorific:
        g = pats.honorifics.get(honorific, "-")
        if g in ("m", "f"):
            return g
    return "m" if male else "f" if female else None


def _is_org(phrase: str, pats: CuePatterns) -> bool:
    # in ASCII text \p{L} is [A-Za-z], and the stdlib engine is faster at this
    words = _ORG_WORD_ASCII.findall(phrase) if phrase.isascii() else _ORG_WORD.findall(phrase)
    return not pats.org_cues.isdisjoint(words)


def _build_index(text: str, pats: CuePatterns, speaker_spans: list[tuple[int, int]]) -> _Index:
    """Every named person of the text, with the article-wide tables resolution reads.

    The loop runs once per capitalised run (about 100 per article), so what it reads
    is bound to local names first.
    """
    cache = _lexicon_cache(pats)
    idx = _Index(text, pats, cache, {s for s, _ in speaker_spans})
    by_run, premod = cache.by_run, pats.premod_tail
    may_match = None if cache.premod is None else cache.premod.may_match
    persons, first_person, by_surname = idx.persons, idx.first_person, idx.by_surname
    first_mention, gender = idx.first_mention, idx.gender
    for m in pats.name.finditer(text):
        run = m.group()
        r = by_run.get(run)
        skip, tpl = r if r is not None else cache.run(run)
        s = m.start() + skip
        e = m.end()
        lo = s - 60 if s > 60 else 0
        if may_match is None or may_match(text, lo, s):
            # a REVERSE pattern: match() anchors it at ``s`` (search() also tried every earlier end)
            pm = premod.match(text, lo, s)
            if pm is not None:
                s = pm.start()
                tpl = cache.template(text[s:e])
        if tpl is None:
            continue
        name, name_start, name_end, surname, multiword, g, evidence = tpl
        p = _Person(s, e, name, g, evidence)
        persons.append(p)
        if name not in first_person:
            first_person[name] = p
        if multiword:
            if surname in by_surname:
                by_surname[surname].add(name)
            else:
                by_surname[surname] = {name}
            if name not in first_mention:
                first_mention[name] = (s + name_start, s + name_end)
        if g:
            full = _full_name_of(idx, name, multiword, surname)
            if full not in gender:
                gender[full] = g
    return idx


def _full_name(idx: _Index, name: str) -> str:
    """:func:`_full_name_of` the name, once per name and index: ``by_surname`` is complete
    and never changes once :func:`_build_index` returns, so neither does the answer."""
    full = idx.full_names.get(name)
    if full is None:
        full = idx.full_names[name] = _full_name_of(
            idx, name, len(name.split()) >= 2, _surname(name)
        )
    return full


def _full_name_of(idx: _Index, name: str, multiword: bool, surname: str) -> str:
    """A one-word name as the article's only full name with that surname, if there is one."""
    if multiword:
        return name
    cands = idx.by_surname.get(surname)
    if cands is not None and len(cands) == 1:
        return next(iter(cands))
    return name


class _History:
    """The speakers resolved so far, each with the start of its mention.

    ``spoken`` is in resolution order (``they`` and ``it`` look back through it); the
    resolved persons are also kept sorted by position, so a ``he`` or ``she`` finds the
    ones in its window by bisection rather than by a scan of every earlier speaker.
    """

    __slots__ = ("_keys", "_persons", "spoken")

    def __init__(self) -> None:
        self.spoken: list[tuple[int, ResolvedSpeaker]] = []
        self._keys: list[tuple[int, int]] = []  # (position, resolution order), ascending
        self._persons: list[ResolvedSpeaker] = []

    def add(self, pos: int, r: ResolvedSpeaker) -> None:
        self.spoken.append((pos, r))
        if r.kind == "person" and r.resolution != "unresolved":
            key = (pos, len(self.spoken))
            i = bisect_right(self._keys, key)  # the end, unless mentions came out of order
            self._keys.insert(i, key)
            self._persons.insert(i, r)

    def persons_near(self, pos: int) -> list[tuple[int, ResolvedSpeaker]]:
        """The resolved persons with ``pos - _WINDOW <= position < pos``, by position
        (mentions at one position in resolution order)."""
        keys = self._keys
        lo, hi = bisect_left(keys, (pos - _WINDOW, -1)), bisect_left(keys, (pos, -1))
        return [(keys[i][0], self._persons[i]) for i in range(lo, hi)]


def resolve_speakers(
    text: str, drafts: list[Draft], pats: CuePatterns, analysis: Analysis | None = None
) -> list[ResolvedSpeaker | None]:
    """One resolved speaker (or ``None``) per draft, in order."""
    spans = [d.spk for d in drafts if d.spk is not None]
    idx = _build_index(text, pats, spans)
    coref = _coref_map(analysis)
    out: list[ResolvedSpeaker | None] = []
    resolved_by_span: dict[tuple[int, int], ResolvedSpeaker] = {}
    history = _History()
    for d in drafts:
        if d.spk is None:
            out.append(None)
            continue
        if d.spk in resolved_by_span:
            prev = resolved_by_span[d.spk]
            if d.inherited is not None:
                r = ResolvedSpeaker(
                    prev.name,
                    prev.kind,
                    prev.mention,
                    "inherited",
                    prev.mention,
                    prev.described,
                    prev.via,
                    prev.via_name,
                )
            else:
                r = prev
            out.append(r)
            continue
        s0 = strip_leading_adverbs(text, *d.spk)
        owner = _OWNER_PRONOUNS.get(text[s0 : d.spk[1]]) if d.rule in _OWNER_RULES else None
        if owner is not None:
            # "In her words, ...", "his claim that ...": the owner is a pronoun's referent
            r = _resolve_pronoun(text, d.spk, owner, pats, idx, history, coref, None, None)
            if r.resolution == "unresolved":
                r.name = text[d.spk[0] : d.spk[1]]
            resolved_by_span[d.spk] = r
            history.add(d.spk[0], r)
            out.append(r)
            continue
        problem = span_problem(text, s0, d.spk[1], pats)
        if problem is not None:
            # a phrase no cue pattern should have offered (reported speech is found
            # elsewhere): no speaker, and the quote says why
            d.notes = (*d.notes, f"no-speaker:{problem}")
            out.append(None)
            continue
        r = _resolve_one(text, d, s0, pats, idx, history, coref)
        kind = entity_kind(analysis, r.mention)
        if kind is not None and r.resolution != "unresolved" and kind != r.kind:
            r = ResolvedSpeaker(
                r.name, kind, r.mention, r.resolution, r.antecedent, r.described, r.via, r.via_name
            )
        resolved_by_span[d.spk] = r
        if not d.source_phrase:
            history.add(d.spk[0], r)
        out.append(r)
    return out


def _coref_map(analysis: Analysis | None) -> dict[tuple[int, int], tuple[int, int]]:
    out: dict[tuple[int, int], tuple[int, int]] = {}
    if analysis is None:
        return out
    for chain in analysis.coref:
        if not chain.mentions:
            continue
        rep = chain.mentions[min(chain.representative, len(chain.mentions) - 1)]
        for m in chain.mentions:
            out[m] = rep
    return out


def _resolve_one(
    text: str,
    d: Draft,
    s: int,
    pats: CuePatterns,
    idx: _Index,
    history: _History,
    coref: dict[tuple[int, int], tuple[int, int]],
) -> ResolvedSpeaker:
    """The speaker of ``d``, whose phrase starts at ``s`` (after any leading adverb)."""
    assert d.spk is not None
    e = d.spk[1]
    phrase = text[s:e]
    via = None
    via_name = None
    if d.via is not None:
        via = d.via
        via_name = text[via[0] : via[1]]
    if phrase == "who":
        # "Patti LaBelle and Stevie Wonder, who joked, "..."": the name before the comma
        found = [
            n
            for n in pats.name.finditer(text, max(0, s - 80), s)
            if not text[n.end() : s].strip(", ")
        ]
        if not found:
            return ResolvedSpeaker(
                phrase, "unknown", (s, e), "unresolved", None, None, via, via_name
            )
        a, b = found[-1].span()
        a = strip_leading_adverbs(text, a, b)
        dsc = idx.describe(a, b, None)
        name = dsc.name[2] if dsc.name else text[a:b]
        full = _full_name(idx, name)
        merged = _merge_description(dsc, idx, full)
        return ResolvedSpeaker(full, "person", (s, e), "pronoun", (a, b), merged, via, via_name)
    if phrase in pats.pronouns:
        return _resolve_pronoun(text, (s, e), phrase, pats, idx, history, coref, via, via_name)
    appos = d.app or appositive_after(text, e)
    dsc = idx.describe(s, e, appos)
    if (
        (dsc.name is None or _NOMINAL.fullmatch(phrase))
        and d.app is not None
        and pats.name.fullmatch(text, *d.app)
    ):
        # "The mayor, Tom Lee, said": the appositive names the person the nominal describes
        a0, a1 = d.app
        name = text[a0:a1]
        full = _full_name(idx, name)
        role_s = strip_determiner(text, s, e)
        role = (role_s, e, text[role_s:e]) if role_s < e else None
        merged = _merge_description(Described((a0, a1, name), role), idx, full)
        return ResolvedSpeaker(full, "person", (s, a1), "explicit", None, merged, via, via_name)
    company = _company_antecedent(text, s, phrase)
    if company is not None:
        cs, ce, cname = company
        return ResolvedSpeaker(
            cname, "organization", (s, e), "nominal", (cs, ce), dsc, via, via_name
        )
    is_org = _is_org(dsc.name[2] if dsc.name else phrase, pats)
    if not is_org and _DEFINITE.fullmatch(phrase):
        linked = _described_person(text, s, phrase, pats, idx)
        if linked is not None:
            who, full = linked
            desc = _merge_description(dsc, idx, full) if dsc.role else idx.described(who)
            return ResolvedSpeaker(
                full, "person", (s, e), "nominal", (who.start, who.end), desc, via, via_name
            )
        if _person_head(phrase.split()[-1], pats):
            # "the senator" with no one, or several, so described: no safe antecedent
            return ResolvedSpeaker(phrase, "person", (s, e), "unresolved", None, dsc, via, via_name)
    described_name = None if is_org else _described_name(text, s, e, dsc, pats)
    if described_name is not None:
        # "the folk singer Ann Lee", "an angry Ann Lee": the person is the name
        dsc = described_name
    elif is_org or dsc.name is None or phrase.split()[0].lower() in _NOMINAL_STARTS:
        kind = "organization" if is_org else "group" if _plural(phrase) else "person"
        return ResolvedSpeaker(phrase, kind, (s, e), "explicit", None, dsc, via, via_name)
    assert dsc.name is not None  # _described_name keeps the name it was given
    name = dsc.name[2]
    if _GROUP_HEAD.search(name):
        # "Ohio voters", "New York Democratic voters": a common noun heads the phrase
        return ResolvedSpeaker(phrase, "group", (s, e), "explicit", None, dsc, via, via_name)
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    full = _full_name(idx, name)
    if full != name:
        ante = idx.first_mention.get(full)
        merged = _merge_description(dsc, idx, full)
        return ResolvedSpeaker(full, "person", (s, e), "short-name", ante, merged, via, via_name)
    kind = _name_kind(full, pats)
    if kind != "person":
        # "Russia said": the government; "Democrats said", "Russians say": a group
        return ResolvedSpeaker(full, kind, (s, e), "explicit", None, dsc, via, via_name)
    merged = _merge_description(dsc, idx, full)
    return ResolvedSpeaker(full, "person", (s, e), "explicit", None, merged, via, via_name)


_IRREGULAR_PLURALS = frozenset(["men", "women", "people", "children", "folk", "police"])
"""Plural heads without an -s: "Both men said" is a group."""


def _plural(phrase: str) -> bool:
    """Whether a nominal phrase's head is plural (``officials``, ``both men``)."""
    return phrase.endswith("s") or phrase.rsplit(None, 1)[-1].lower() in _IRREGULAR_PLURALS


def _name_kind(name: str, pats: CuePatterns) -> SpeakerKind:
    """The kind of a speaker named ``name``: a country is an organisation speaker (its
    government); a capitalised plural of a demonym or of a group name (group_names.txt)
    is a group; anything else a person."""
    if name in pats.countries:
        return "organization"
    if name.endswith("s") and (name[:-1] in pats.demonyms or name in _group_names(lexicon_dirs())):
        return "group"
    return "person"


@functools.cache
def _group_names(dirs: tuple[Path, ...]) -> frozenset[str]:
    return load_list("group_names.txt", dirs)


_COMPANY_NOMINAL = regex.compile(
    r"[Tt]he\s+(?:company|firm|corporation|conglomerate|group|manufacturer|maker|carmaker|"
    r"automaker|retailer|insurer|airline|bank|lender|chipmaker|utility)"
)
_COMPANY_NAME = regex.compile(
    r"(?<![\p{L}\p{N}])(?P<name>\p{Lu}[\p{L}\p{N}&'’\-]*(?:[^\S\n]\p{Lu}[\p{L}\p{N}&'’\-]*){0,4})"
    r"(?:,?[^\S\n](?:Inc|Corp|Co|Ltd|LLC|plc|AG|SA|NV)\.?|(?=[^\S\n](?:Industries|Group|Holdings)\b))",
    regex.V1,
)


def _company_antecedent(text: str, pos: int, phrase: str) -> tuple[int, int, str] | None:
    """ "the company" -> the company named nearest before it ("Corvane Industries Inc."),
    when the article names one by a corporate suffix."""
    if not _COMPANY_NOMINAL.fullmatch(phrase):
        return None
    best = None
    try:
        for m in _COMPANY_NAME.finditer(text, max(0, pos - 5000), pos, timeout=1.0):
            best = m
    except TimeoutError:
        return None
    if best is None:
        return None
    start, end, name = best.start("name"), best.end("name"), best.group("name")
    for suffix in (" Industries", " Group", " Holdings"):
        if text.startswith(suffix, end):
            return start, end + len(suffix), name + suffix
    return start, end, name


_MAX_DESCRIBED = 8
"""More people than this with a description's head word: the description is left unlinked;
and at most this many mentions of one person are read for it (the look-up stays bounded)."""
_NOMINAL_STARTS = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "another",
        "some",
        "several",
        "many",
        "most",
        "all",
        "both",
        "few",
        "two",
        "three",
    ]
)
"""A speaker phrase starting with one of these is a nominal, kept as written."""
_OWNER_RULES = frozenset(["reported:possessive-noun", "reported:in-words"])
"""The rules whose speaker is an owner, which may be a possessive determiner."""
_OWNER_PRONOUNS = {
    "his": "he", "His": "He", "her": "she", "Her": "She",
    "their": "they", "Their": "They", "its": "it", "Its": "It",
}  # fmt: skip
"""A possessive determiner -> the pronoun resolved in its place."""
_GROUP_HEAD = regex.compile(r"(?<=\s)\p{Ll}+s$")
"""A plural common noun ending a name-like phrase (``Ohio voters``): a group, no person."""
_DEFINITE = regex.compile(r"[Tt]he(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’\-\.]*){1,5}")
_ABBREVIATIONS = {
    "sen.": "senator",
    "sen": "senator",
    "gov.": "governor",
    "gov": "governor",
    "rep.": "representative",
    "rep": "representative",
    "sec.": "secretary",
    "pres.": "president",
    "gen.": "general",
}
_CLAUSE_TAIL = regex.compile(
    r"(?:(?<![\p{L}\p{N}'’\-\.])(?!(?:the|a|an|and|or|of|to|in|on|at|by|for|with|said|says|"
    r"is|was|that|who|his|her|their)[^\S\n])[\p{L}\p{N}'’\-\.]+[^\S\n]+){1,4}$",
    regex.V1 | regex.REVERSE,
)
"""Up to four words, each followed by spaces, that end a text (no function word among
them): run backwards, so :func:`_clause_tail` reads from the end only."""
_DESCRIPTION_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-\.]*")


def _person_head(word: str, pats: CuePatterns) -> bool:
    """A singular word for a person's post or part (``senator``, ``front-runner``,
    ``63-year-old``), not an organisation's or a document's."""
    w = word.lower()
    if w in pats.org_cues or (w.endswith("s") and not w.endswith("ss")):
        return False
    if w.endswith("-year-old"):
        return True
    return w in pats.role_heads or w in pats.titles or w in pats.nominal_heads


_LINK_WORDS = frozenset(["named", "called"])
"""A word that links a description to the name after it ("a nurse named Ann Lee")."""
_PREMOD_WORD = regex.compile(r"\p{Ll}[\p{Ll}\p{N}\-]*|\p{N}[\p{N}\-]*\p{Ll}[\p{Ll}\-]*")
"""A lower-case pre-modifier (an adjective or a noun such as ``singer``, ``63-year-old``)."""


def _described_name(
    text: str, s: int, e: int, dsc: Described, pats: CuePatterns
) -> Described | None:
    """``dsc`` for a speaker phrase that is an article, lower-case description words and a
    person's name ending the phrase ("the folk singer Ann Lee", "an angry Ann Lee", "a nurse
    named Ann Lee"), with its role the description when that has a word for a person's post
    (``economist``) or ends in an agent noun (``singer``, ``actor``), none for a bare
    adjective (``angry``); None for any other
    phrase. Prepositions and verbs keep the phrase a nominal ("a spokesman for Paul Ryan"
    speaks for Ryan; he does not speak), and the name must be a person's full name, with a
    known first name or a post among the description words ("the former Soviet Union" has
    neither)."""
    if dsc.name is None or dsc.name[1] != e:
        return None
    words = [
        (m.start(), m.end(), m.group()) for m in _DESCRIPTION_WORD.finditer(text, s, dsc.name[0])
    ]
    if len(words) < 2 or words[0][2].lower() not in ("the", "a", "an"):
        return None
    desc = words[1:]
    if desc[-1][2] in _LINK_WORDS:
        desc = desc[:-1]
    if not desc or not all(_PREMOD_WORD.fullmatch(w) and w not in _LINK_WORDS for _, _, w in desc):
        return None
    if any(w in _NOT_PREMOD for _, _, w in desc):
        return None
    name = dsc.name[2]
    if not _FULL_NAME.fullmatch(name):
        return None  # "a senior Cruz adviser", "the younger Mr.": no full name ends it
    post = any(_person_head(w, pats) for _, _, w in desc) or desc[-1][2].endswith(_AGENT)
    first = name.split()[0]
    if not post and first not in pats.male_names and first not in pats.female_names:
        return None
    role = (desc[0][0], desc[-1][1], text[desc[0][0] : desc[-1][1]]) if post else None
    return Described(dsc.name, role, dsc.organization, dsc.nationality, dsc.honorific)


_FULL_NAME = regex.compile(r"\p{Lu}[\p{Ll}'’\-]+(?:[^\S\n]+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’\-]+)){1,3}")
"""A person's full name: two to four capitalised words, a middle initial among them."""
_AGENT = ("er", "or", "ist", "ian", "eer")
"""Endings of agent nouns (``singer``, ``actor``, ``activist``): a description's head."""
_NOT_PREMOD = frozenset(
    ["for", "of", "to", "at", "with", "from", "by", "in", "on", "and", "or", "but", "who",
     "that", "said", "says", "calling", "himself", "herself", "as", "about", "than"]
)  # fmt: skip
"""Words that make a phrase more than a description before a name."""


def _clause_tail(text: str, lo: int, end: int) -> regex.Match[str] | None:
    """What a forward ``search`` of ``_CLAUSE_TAIL`` in ``text[lo:end]`` finds, read from
    the end: the match with the leftmost start.

    Exact: each repetition is one whole word (the look-behind forbids starting inside a
    word) and its spaces, so the matches ending at ``end`` are the last one to K words
    (K the run of words that may count, at most 4) and the leftmost start is that of the
    longest, which the greedy backward match takes. A forward ``$`` also matches just
    before a newline that ends the text; a repetition ends in spaces, never in a
    newline, so then a match can only end before it, where the backward match starts.
    tests/extract/test_speakers_speed.py compares the two on random texts.
    """
    if end > lo and text[end - 1] == "\n":
        end -= 1
    return _CLAUSE_TAIL.match(text, lo, end)


def _word_sources(word: str) -> tuple[str, ...] | None:
    """What an ASCII ``word`` of :func:`_description_words` is read from: itself (also
    with trailing dots) and the abbreviations that stand for it; ``None`` for any other
    word (no shortcut)."""
    if not word.isascii():
        return None
    return (word, *(a for a, full in _ABBREVIATIONS.items() if full == word))


def _may_describe(text: str, p: _Person, sources: tuple[str, ...]) -> bool:
    """Can :func:`_description_words` of ``p`` hold the word ``sources`` stand for?

    A necessary condition: its words are read between 60 characters before the mention
    and the end of an appositive after it (at most 200 on), and a word ``w`` gives the
    ASCII word only if ``w.lower()`` is one of the sources or a source with dots after it.
    Lower-casing maps every character on its own, except a capital sigma, whose lower
    case is never ASCII: so that ``w.lower()`` is inside the lower-cased window.
    """
    window = text[max(0, p.start - 60) : p.end + 200].lower()
    return any(source in window for source in sources)


def _description_words(text: str, p: _Person, idx: _Index) -> set[str]:
    """The lower-cased words an article describes a person with at one mention: the
    pre-modifiers and role before the name, and the role of an appositive after it."""
    d = idx.described(p)
    name_start = d.name[0] if d.name else p.end
    # the descriptors right before the mention, in the same clause ("Democratic
    # front-runner Hillary Clinton"): after the last punctuation or function word
    before = _clause_tail(text, max(0, p.start - 60), p.start)
    spans = [(before.start() if before else p.start, name_start)]
    if d.role is not None:
        spans.append((d.role[0], d.role[1]))
    words: set[str] = set()
    for a, b in spans:
        for w in _DESCRIPTION_WORD.findall(text, a, b):
            lw = w.lower()
            words.add(_ABBREVIATIONS.get(lw, lw.rstrip(".")))
    return words


def _described_person(
    text: str, pos: int, phrase: str, pats: CuePatterns, idx: _Index
) -> tuple[_Person, str] | None:
    """The one person the article names earlier with the description ``phrase`` (``the
    Democratic front-runner``, ``the former secretary of state``), and that mention.

    The head word must be in the person's description; every other word must be too,
    unless no candidate's description has it (``two-term``: it tells no one apart).
    ``None`` when no one, or more than one person, fits.
    """
    words = [w.lower() for w in phrase.split()[1:]]
    head = words[-1]
    if not _person_head(head, pats):
        return None
    named = idx.described_with(head)
    if len(named) > _MAX_DESCRIBED:
        return None  # so many people so described: no single one is meant
    cands: dict[str, tuple[_Person, set[str]]] = {}
    for full, mentions in named.items():
        earlier = [(p, ws) for p, ws in mentions if p.start < pos]
        if earlier:
            cands[full] = (earlier[0][0], set().union(*(ws for _, ws in earlier)))
    if not cands:
        return None
    known = set().union(*(ws for _, ws in cands.values()))
    fits = [
        full for full, (_, ws) in cands.items() if all(w in ws or w not in known for w in words)
    ]
    if len(fits) != 1:
        return None
    return cands[fits[0]][0], fits[0]


def strip_determiner(text: str, s: int, e: int) -> int:
    """Skip a leading article or possessive determiner ("The mayor" -> "mayor")."""
    m = _DET.match(text, s, e)
    return m.end() if m else s


def _merge_description(dsc: Described, idx: _Index, full: str) -> Described:
    """Fill a bare mention's description from the article's earlier mention of the person."""
    if dsc.role and dsc.nationality:
        return dsc
    p = idx.first_person.get(full)
    if p is None:
        return dsc
    o = idx.described(p)
    role, org, nat = (
        dsc.role or o.role,
        dsc.organization or o.organization,
        dsc.nationality or o.nationality,
    )
    if role is None:
        # an appositive anywhere in the article describes the person ("Lee, the mayor, ...")
        for q in idx.appositive_mentions(full):
            if q is not p:
                r = idx.described(q)
                if r.role is not None:
                    role, org, nat = r.role, org or r.organization, nat or r.nationality
                    break
    return Described(dsc.name, role, org, nat, dsc.honorific or o.honorific)


def _resolve_pronoun(
    text: str,
    span: tuple[int, int],
    pron: str,
    pats: CuePatterns,
    idx: _Index,
    history: _History,
    coref: dict[tuple[int, int], tuple[int, int]],
    via: tuple[int, int] | None,
    via_name: str | None,
) -> ResolvedSpeaker:
    g = pats.pronouns.get(pron, "any")
    rep = coref.get(span)
    if rep is not None and rep != span:
        name = text[rep[0] : rep[1]]
        kind = "organization" if g == "org" else "person"
        return ResolvedSpeaker(
            _full_name(idx, name), kind, span, "pronoun", rep, None, via, via_name
        )
    pos = span[0]
    if g in ("pl", "org"):
        # "they" is the nearest organisation or group that spoke; "it" an organisation
        kinds = ("organization",) if g == "org" else ("organization", "group")
        for hpos, r in reversed(history.spoken):
            if pos - hpos > _WINDOW:
                break
            if r.kind in kinds:
                return ResolvedSpeaker(
                    r.name, r.kind, span, "pronoun", r.mention, r.described, via, via_name
                )
        return ResolvedSpeaker(pron, "unknown", span, "unresolved", None, None, via, via_name)
    spoken = history.persons_near(pos)
    if spoken:
        # quote continuity: the last person quoted before the pronoun is who it means,
        # unless another person who could be meant is named after that speaker
        hpos, last = spoken[-1]
        lg = idx.gender.get(last.name)
        if g == "any" or lg in (None, g):
            between = [
                p
                for p in idx.near_persons(pos)
                if p.start > hpos
                and not (last.mention[0] <= p.start < last.mention[1])
                and idx.evidence(p)
                and _full_name(idx, p.name) != last.name
                and (g == "any" or idx.gender.get(_full_name(idx, p.name), p.gender) in (None, g))
            ]
            if not between:
                if g in ("m", "f"):
                    idx.gender.setdefault(last.name, g)
                return ResolvedSpeaker(
                    last.name,
                    "person",
                    span,
                    "pronoun",
                    last.mention,
                    last.described,
                    via,
                    via_name,
                )
    # candidates: named persons and earlier speakers before the pronoun, nearest first (a
    # stable sort: at one position, persons before speakers). Only the nearest compatible
    # one (best) and the nearest compatible other name after it (rival) decide, and the
    # rival only within _RIVAL_GAP of the best: candidates are built in that order and no
    # further, so a person's evidence and description are looked up only when they count.
    near: list[tuple[int, _Person | ResolvedSpeaker]] = [
        (p.start, p) for p in idx.near_persons(pos)
    ]
    near += history.persons_near(pos)
    near.sort(key=itemgetter(0), reverse=True)
    best: _Candidate | None = None
    rival: _Candidate | None = None
    for at, who in near:
        if best is not None and best.at - at >= _RIVAL_GAP:
            break  # no rival close enough to matter
        if isinstance(who, _Person):
            if not idx.evidence(who):
                continue
            full = _full_name(idx, who.name)
            c = _Candidate(
                at, full, idx.gender.get(full, who.gender), False, (who.start, who.end), who
            )
        else:
            c = _Candidate(at, who.name, idx.gender.get(who.name), True, who.mention, who.described)
        if g != "any" and c.gender not in (None, g):
            continue
        if best is None:
            best = c
        elif c.name != best.name:
            rival = c
            break
    if best is None:
        return ResolvedSpeaker(pron, "unknown", span, "unresolved", None, None, via, via_name)
    if rival is not None and best.at - rival.at < _RIVAL_GAP:
        if rival.spoke and not best.spoke:
            best = rival  # the one already quoted is the salient speaker
        elif rival.spoke == best.spoke and rival.gender == best.gender:
            # two equally fitting people close together: do not guess
            return ResolvedSpeaker(pron, "unknown", span, "unresolved", None, None, via, via_name)
    if g in ("m", "f"):
        idx.gender.setdefault(best.name, g)
    desc = idx.described(best.who) if isinstance(best.who, _Person) else best.who
    return ResolvedSpeaker(best.name, "person", span, "pronoun", best.mention, desc, via, via_name)


class _Candidate(NamedTuple):
    """A pronoun's possible antecedent."""

    at: int
    name: str
    gender: str | None
    spoke: bool  # an earlier speaker, not just a mention
    mention: tuple[int, int]
    who: _Person | Described | None  # the description, or the person it is looked up for
