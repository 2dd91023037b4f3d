"""What a parsing backend adds to attribution (stanza; the rules backend has no parse).

- **Subject of a speech verb**: a quote the surface rules left without a cue takes the
  subject (``nsubj``) of a reporting verb in its sentence, outside the quote, found through
  the dependency tree: ``The minister, in a rare interview with state television on
  Tuesday evening, insisted "..."``;
- **Entity kinds**: a speaker phrase a backend tagged ORG, GPE or NORP is an
  organisation (or group), whatever its words look like (``The World Health
  Organization``).
"""

from __future__ import annotations

from collections.abc import Iterable

from quotecheck.analysis.base import Analysis, Sentence, Token
from quotecheck.extract.attribution import RULES
from quotecheck.extract.cues import CuePatterns
from quotecheck.extract.quotes import Draft

__all__ = ["attribute_by_parse", "entity_kind"]

_RULE = RULES["parse:subject-of-speech-verb"]
_SUBJECT = ("nsubj", "nsubj:pass")
_NAME_PARTS = ("compound", "flat", "flat:name", "amod", "det", "nmod:poss", "case", "appos")
_SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "stress",
        "order",
        "warn",
        "insist",
        "note",
        "explain",
        "write",
        "ask",
        "reply",
        "argue",
        "claim",
        "declare",
        "announce",
        "continue",
        "recall",
        "acknowledge",
        "admit",
        "concede",
        "counter",
        "urge",
        "tweet",
        "report",
        "suggest",
        "shout",
        "joke",
        "observe",
        "remark",
        "emphasize",
        "emphasise",
        "caution",
        "complain",
        "predict",
        "promise",
        "vow",
        "respond",
        "answer",
        "testify",
        "conclude",
        "agree",
        "boast",
        "charge",
        "comment",
        "confirm",
        "contend",
        "deny",
        "describe",
        "exclaim",
        "maintain",
        "plead",
        "pledge",
        "proclaim",
        "quip",
        "reiterate",
        "repeat",
        "retort",
        "reveal",
        "state",
        "snap",
        "thunder",
        "wonder",
        "yell",
        "blast",
        "slam",
        "chant",
        "whisper",
        "demand",
        "call",
        "read",
    ]
)


def _subtree_span(sent: Sentence, head: int, within: Iterable[str]) -> tuple[int, int]:
    """The span of ``head`` and its dependents of the kinds ``within`` (recursively)."""
    keep = {head}
    changed = True
    allowed = set(within)
    while changed:
        changed = False
        for i, tok in enumerate(sent.tokens):
            if i not in keep and tok.head in keep and (tok.deprel or "") in allowed:
                keep.add(i)
                changed = True
    toks = [sent.tokens[i] for i in sorted(keep)]
    # an appositive belongs to the description, not the mention: stop at its comma
    head_tok = sent.tokens[head]
    toks = [t for t in toks if t.end <= head_tok.end or not _after_comma(sent, head_tok, t)]
    return min(t.start for t in toks), max(t.end for t in toks)


def _after_comma(sent: Sentence, head: Token, tok: Token) -> bool:
    return any(t.text == "," and head.end <= t.start < tok.start for t in sent.tokens)


def attribute_by_parse(
    text: str, drafts: list[Draft], analysis: Analysis, pats: CuePatterns
) -> None:
    """Give cue-less, non-scare quotes the subject of a speech verb in their sentence."""
    if not analysis.has_parse:
        return
    sentences = analysis.sentences
    for d in drafts:
        if d.cue is not None or d.kind == "reported" or d.rule == RULES["title"].id:
            continue  # short scare-looking quotes get a chance: the parse may find a speaker
        lo = d.open_at if d.open_at >= 0 else d.start
        hi = d.outer_end if d.outer_end >= 0 else d.end
        for sent in sentences:
            if sent.end <= lo or sent.start > hi:
                continue  # only the sentences the quote lies in (or that start right at its end)
            found = _speech_subject(sent, lo, hi)
            if found is not None:
                verb, subj = found
                d.cue = (verb.start, verb.end)
                d.spk = subj
                d.rule = _RULE.id
                d.confidence = _RULE.confidence
                if d.kind == "scare":
                    d.kind = "partial"
                break


def _speech_subject(sent: Sentence, lo: int, hi: int) -> tuple[Token, tuple[int, int]] | None:
    for i, tok in enumerate(sent.tokens):
        if lo <= tok.start < hi:
            continue  # a verb inside the quote is the speaker's own word
        if (tok.lemma or "").lower() not in _SPEECH_LEMMAS or tok.upos not in (None, "VERB"):
            continue
        for j, dep in enumerate(sent.tokens):
            if dep.head == i and (dep.deprel or "") in _SUBJECT and not lo <= dep.start < hi:
                return tok, _subtree_span(sent, j, _NAME_PARTS)
    return None


def entity_kind(analysis: Analysis | None, span: tuple[int, int]) -> str | None:
    """``organization`` / ``group`` / ``person`` when a backend entity covers ``span``'s head."""
    if analysis is None or not analysis.entities:
        return None
    s, e = span
    for ent in analysis.entities:
        if ent.start < e and s < ent.end and ent.end >= e - 1:
            if ent.label in ("ORG", "GPE"):
                return "organization"
            if ent.label == "NORP":
                return "group"
            if ent.label in ("PERSON", "PER"):
                return "person"
    return None
