"""Who each source credits a quote to, and how strongly its text says so.

An attribution conflict (QC102) is only as good as the two attributions it sets
against each other, and extraction is sometimes wrong: a function word taken for the
speaker ("And"), a pronoun bound to the wrong person, a description ("the two-term
president") instead of a name. :func:`credit_of` rates one quote's attribution from
what extraction recorded (``Speaker.resolution``, ``Speaker.kind``,
``Quote.confidence``) and from whether the speaker is a valid name:

``strong``
    a valid name at the quote's own cue (``Speaker.resolution`` ``explicit`` or
    ``short-name``) with a cue of confidence at least :data:`STRONG_CONFIDENCE`; the
    name identifies one person in the story (a full name, or a surname the story ties
    to one), or an organisation;
``weak``
    a speaker the text gives less directly: a pronoun or a nominal mention resolved to
    a name, a quote inheriting the previous quote's speaker, a cue of lower confidence
    (a partial quote's ``called it "..."``), a surname no full name in the story
    explains, or a description that fits exactly one person the articles describe
    ("the Florida senator" when one person is described as a Florida senator);
``none``
    nothing to hold against another name: no speaker, a belief or intention in reported
    speech (``officials hope ...``: no statement), a speech act (``called the offer an
    insult``: what the act is about, not a claim), an unresolved pronoun, a function word or a title alone, a given name
    alone, or a description that fits nobody or several people. Set aside.

Reported speech (``Lavrov said Moscow was ready ...``) is the writer's paraphrase: it is
rated like a quote, but is never more than ``weak`` (its words are not the speaker's, so
the same claim given to two people is worth a warning, never an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from quotecheck.crosscheck.identity import name_problem
from quotecheck.crosscheck.normalize import role_is_comparable, role_parts, roles_match
from quotecheck.lexicons import load_list

if TYPE_CHECKING:
    from quotecheck.crosscheck.story import Story

__all__ = ["STRONG_CONFIDENCE", "Credit", "Strength", "credit_of"]

STRONG_CONFIDENCE = 0.8
"""The cue confidence from which an explicit name is strong evidence (the ``after:``
and ``before:`` speaker-verb rules; an embedded partial-quote cue is 0.7)."""

Strength = Literal["strong", "weak", "none"]

_RESOLVED = {
    "pronoun": "a pronoun resolved to the name",
    "inherited": "no cue of its own: the previous quote's speaker",
    "nominal": "a nominal mention resolved to the name",
}


@dataclass(frozen=True)
class Credit:
    """How one quote is attributed, as evidence against another attribution."""

    key: str | None
    """The speaker's identity key (``None`` when set aside)."""
    strength: Strength
    how: str
    """Why the strength, in words (``a name at the cue``, ``an unresolved pronoun``)."""
    written: str
    """The speaker as the article writes it at the cue (``Benedetti``, ``he``)."""

    @property
    def usable(self) -> bool:
        return self.strength != "none"


def _proper_noun(word: str, text: str) -> bool:
    """Whether ``word`` is written capitalised inside a sentence somewhere in ``text``
    (a surname is; "Instead" and "However" only start sentences)."""
    return re.search(rf"[a-z0-9,;] {re.escape(word)}\b", text) is not None


def _described_person(story: Story, description: str) -> str | None:
    """The one person of the story whose descriptions fit ``description`` ("the Florida
    senator", "the two-term president"), with every state or party it names (worked out
    once per story and description)."""
    if description not in story.described_person:
        story.described_person[description] = _find_described(story, description)
    return story.described_person[description]


def _find_described(story: Story, description: str) -> str | None:
    stop = load_list("stopwords.txt", lower=True)
    words = [w for w in description.split() if w.lower() not in stop]
    role = " ".join(words)
    if not words or not role_is_comparable(role):
        return None
    wanted = {q for q in role_parts(role).qualifiers if q[0] in ("state", "party")}
    found = {
        key
        for key, items in story.descriptions.items()
        if any(
            d.facet == "role"
            and roles_match(d.attribute.value, role)
            and wanted <= set(role_parts(d.attribute.value).qualifiers)
            for d in items
        )
    }
    return found.pop() if len(found) == 1 else None


def credit_of(story: Story, r: int) -> Credit:
    """How strongly record ``r``'s article credits its quote to its speaker (see the
    module docstring)."""
    credit = _credit(story, r)
    if story.quotes[r].kind == "reported" and credit.usable:
        how = f"reported speech (a paraphrase), {credit.how}"
        return Credit(credit.key, "weak", how, credit.written)
    return credit


def _credit(story: Story, r: int) -> Credit:
    quote = story.quotes[r]
    rec = story.graph.records[r]
    spk = quote.speaker
    if spk is None or rec.speaker is None:
        return Credit(None, "none", "no speaker", "")
    written = spk.mention.text
    if quote.kind == "reported" and quote.stance == "belief":
        return Credit(None, "none", "a belief or intention (reported), not a statement", written)
    if quote.kind == "reported" and quote.rule == "reported:speech-act":
        return Credit(None, "none", "a speech act (reported), not a claim", written)
    if spk.resolution == "unresolved":
        return Credit(None, "none", "an unresolved pronoun", written)
    problem = name_problem(spk.name, spk.kind)
    if problem == "a description":
        key = _described_person(story, spk.name)
        if key is None:
            return Credit(None, "none", f"a description ({spk.name}), not a name", written)
        return Credit(
            key,
            "weak",
            f"the description '{spk.name}' fits one person of the story",
            written,
        )
    if problem is not None:
        return Credit(None, "none", f"{problem}, not a name", written)
    key = rec.speaker
    surname_only = key.startswith("person:|")
    if surname_only and not _proper_noun(spk.name, story.articles[rec.article].text):
        return Credit(None, "none", "not a name", written)
    if spk.resolution in _RESOLVED:
        return Credit(key, "weak", _RESOLVED[spk.resolution], written)
    cue = f" '{quote.cue.text}'" if quote.cue is not None else ""
    if quote.confidence < STRONG_CONFIDENCE:
        return Credit(
            key, "weak", f"a name at a weaker cue{cue}, confidence {quote.confidence:g}", written
        )
    if surname_only:
        return Credit(key, "weak", "a surname no full name in the story explains", written)
    return Credit(
        key, "strong", f"a name at the cue{cue}, confidence {quote.confidence:g}", written
    )
