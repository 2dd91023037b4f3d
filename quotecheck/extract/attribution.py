"""The attribution rules: every way a quote gets its speaker (or is recognised as no one's
words), each declared once.

A rule has a stable id (what :attr:`quotecheck.models.Quote.rule` holds), the side of the
quote its cue is on, the cue patterns it runs (attributes of
:class:`~quotecheck.extract.cues.CuePatterns`), the confidence it gives, and an example
sentence with the speaker it must find there. The extractor reads ids and confidences
from here (:mod:`~quotecheck.extract.quotes`, :mod:`~quotecheck.extract.syntax`);
``tests/extract/test_attribution_rules.py`` runs every example, and the rule table of
docs/architecture.md is generated from these declarations
(``python -m quotecheck.devtools.rule_table --write docs/architecture.md``).

The order is the order in which the extractor tries the rules on a quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "RULES",
    "AttributionRule",
    "RuleId",
    "Side",
    "rule_table",
    "write_rule_table",
]

RuleId = Literal[
    "after:speaker-verb",
    "after:verb-speaker",
    "after:according-to",
    "after:dash",
    "after:that-was-how",
    "before:chain",
    "before:according-to",
    "before:speaker-verb",
    "before:subject-and-verb",
    "before:name-participle",
    "before:participle",
    "before:name-colon",
    "before:colon-subject",
    "embedded:speaker-verb",
    "embedded:subject-and-verb",
    "embedded:speaker-verb-after",
    "embedded:possessive-noun",
    "before:previous-sentence",
    "title",
    "scare:short-unattributed",
    "before:colon-paragraph",
    "before:colon-paragraph-subject",
    "inherit:previous-speaker",
    "parse:subject-of-speech-verb",
    "parse:complement",
    "reported:transcript",
    "reported:participle-that",
    "reported:participle",
    "reported:coordinated-verb-that",
    "reported:coordinated-verb",
    "reported:subject-verb-that",
    "reported:subject-verb",
    "reported:verb-speaker",
    "reported:verb-that",
    "reported:verb",
    "reported:speaker-verb-that",
    "reported:speaker-verb",
    "reported:speech-act",
    "reported:speaker-after",
    "reported:speaker-between",
    "reported:according-to-lead",
    "reported:according-to-tail",
    "reported:possessive-noun",
    "reported:in-words",
]
"""Every rule id :attr:`Quote.rule <quotecheck.models.Quote.rule>` can hold."""

Side = Literal["after", "before", "embedded", "previous", "none", "parse", "reported"]
"""Where the cue is: right of the closing mark, left of the opening mark, elsewhere in the
writer's sentence around a partial quote, at the previous quote (inherited), nowhere (a
title or scare quote), found by a dependency parse, or in a sentence without marks."""


@dataclass(frozen=True, slots=True)
class AttributionRule:
    """One attribution rule (see the module docstring)."""

    id: RuleId
    side: Side
    patterns: tuple[str, ...]
    """The :class:`CuePatterns` attributes the rule matches with, in the order tried."""
    confidence: float
    summary: str
    example: str
    speaker: str | None
    """The speaker name the rule gives the example's quote (``None``: no speaker)."""
    pronoun_confidence: float | None = None
    """The confidence instead of ``confidence`` when the speaker is a pronoun."""
    step: float = 0.0
    """For a rule that passes a speaker on: the confidence is the previous quote's minus
    ``step``, never below ``confidence``."""

    def confidence_for(self, *, pronoun: bool = False, previous: float | None = None) -> float:
        """The confidence of one attribution by this rule."""
        if pronoun and self.pronoun_confidence is not None:
            return self.pronoun_confidence
        if previous is not None and self.step:
            return round(max(self.confidence, previous - self.step), 2)
        return self.confidence


_ALL: tuple[AttributionRule, ...] = (
    AttributionRule(
        "after:speaker-verb",
        "after",
        ("after_name_verb",),
        0.9,
        "speaker then reporting verb right after the closing mark",
        '"We will organise joint patrols at sea," Kartapolov said.',
        "Kartapolov",
        pronoun_confidence=0.8,
    ),
    AttributionRule(
        "after:verb-speaker",
        "after",
        ("after_verb_name",),
        0.9,
        "reporting verb then speaker right after the closing mark",
        '"It was like pushing on an open door," said Victor Cha, who served in Seoul.',
        "Victor Cha",
        pronoun_confidence=0.8,
    ),
    AttributionRule(
        "after:according-to",
        "after",
        ("after_according",),
        0.9,
        "`according to` and a speaker after the closing mark",
        '"The strikes will continue," according to the Russian defence ministry.',
        "the Russian defence ministry",
        pronoun_confidence=0.8,
    ),
    AttributionRule(
        "after:dash",
        "after",
        ("after_dash",),
        0.9,
        "a dash and a name after the closing mark (an epigraph)",
        "“Maybe we can build a bridge instead.” ― Steve Quinlan",
        "Steve Quinlan",
        pronoun_confidence=0.8,
    ),
    AttributionRule(
        "after:that-was-how",
        "after",
        ("after_how",),
        0.75,
        "the next sentence frames the quote: `That was how X described ...`",
        '"A government of clowns." That was how Mayor Ruth Adler once described the council.',
        "Ruth Adler",
    ),
    AttributionRule(
        "before:chain",
        "before",
        ("before_chain",),
        0.85,
        "a relayed statement: the cited speaker, with the relay as `via`",
        'Citing Kartapolov, Tass reports, "The ships will sail together."',
        "Kartapolov",
    ),
    AttributionRule(
        "before:according-to",
        "before",
        ("before_according",),
        0.85,
        "`According to X,` before the opening mark",
        'According to the Kremlin, "the talks will resume in May."',
        "the Kremlin",
    ),
    AttributionRule(
        "before:speaker-verb",
        "before",
        ("before_intro", "before_verb_speaker"),
        0.85,
        "speaker and verb (or verb and speaker) introducing the quote",
        'Putin said: "We will not retreat."',
        "Putin",
    ),
    AttributionRule(
        "before:subject-and-verb",
        "before",
        ("intro_cue", "subject"),
        0.7,
        "the verb introducing the quote is the second of two: the clause's subject speaks",
        'Mrs. Okafor shook her head and said, "Not this year."',
        "Okafor",
    ),
    AttributionRule(
        "before:name-participle",
        "before",
        ("name_participle",),
        0.7,
        'a name right before a speech participle (`Lee asking, "..."`)',
        'The ad shows footage of Ann Lee asking, "Why are we not ahead?"',
        "Ann Lee",
    ),
    AttributionRule(
        "before:participle",
        "before",
        ("before_participle", "subject"),
        0.75,
        "`saying,` before the mark: the sentence's subject speaks",
        'Clinton answered, saying, "I never sent classified mail."',
        "Clinton",
    ),
    AttributionRule(
        "before:name-colon",
        "before",
        ("name_colon",),
        0.65,
        "a roundup line (`Name, outlet:`) or a name right before a colon, with no verb",
        'Rep. Dana Whitfield (D-Ohio): "We need answers before the vote."',
        "Dana Whitfield",
    ),
    AttributionRule(
        "before:colon-subject",
        "before",
        ("subject",),
        0.6,
        "the subject of a sentence ending in a colon before the mark",
        'Mayor Ann Lee, speaking on local radio, was more direct: "We will rebuild."',
        "Ann Lee",
    ),
    AttributionRule(
        "embedded:speaker-verb",
        "embedded",
        ("embedded",),
        0.7,
        "speaker and verb earlier in the writer's sentence (a partial quote)",
        'Mr Carter called the strategy "a fundamental mistake" on Wednesday.',
        "Carter",
    ),
    AttributionRule(
        "embedded:subject-and-verb",
        "embedded",
        ("verb_at", "subject"),
        0.6,
        "a second coordinated verb before a partial quote: the clause's subject speaks",
        'Lena Ortiz praised the crew and called the rescue "a small miracle" on Friday.',
        "Lena Ortiz",
    ),
    AttributionRule(
        "embedded:speaker-verb-after",
        "embedded",
        ("embedded",),
        0.6,
        "speaker and verb later in the writer's sentence",
        'The plan is "tragically flawed" and will fail, Mr Carter said on Wednesday.',
        "Carter",
    ),
    AttributionRule(
        "embedded:possessive-noun",
        "embedded",
        ("possessive_cue",),
        0.6,
        "a name's speech noun (`Putin's order`) before the mark",
        'The mayor welcomed Putin\'s order to work with the French "like with allies".',
        "Putin",
    ),
    AttributionRule(
        "before:previous-sentence",
        "before",
        ("embedded", "after_verb_name"),
        0.6,
        "a quote with no cue after a sentence with a speaker and verb: in its paragraph, or "
        "ending the previous one when the quote is a paragraph of its own",
        'Lenox was a success, Mr. Clarke said, until the crash came. "We lost everything."',
        "Clarke",
    ),
    AttributionRule(
        "title",
        "none",
        ("title_intro",),
        0.0,
        "the title of a show, book or film: not speech",
        'He appeared on the show "Good Morning Britain" in May.',
        None,
    ),
    AttributionRule(
        "scare:short-unattributed",
        "none",
        (),
        0.0,
        "a short unattributed phrase in marks: a scare quote",
        'Russian jets hit 206 "terrorist" targets overnight.',
        None,
    ),
    AttributionRule(
        "before:colon-paragraph",
        "before",
        ("before_intro", "before_verb_speaker", "before_according"),
        0.75,
        "a cue ending the previous paragraph with a colon",
        'Governor Tom Reardon told reporters:\n"We will rebuild the bridge by next winter."',
        "Tom Reardon",
    ),
    AttributionRule(
        "before:colon-paragraph-subject",
        "before",
        ("subject",),
        0.6,
        "the subject of a previous paragraph ending in a colon",
        'The senator was blunt:\n"We lost this vote and we will win the next."',
        "The senator",
    ),
    AttributionRule(
        "inherit:previous-speaker",
        "previous",
        (),
        0.5,
        "a follow-on quote with no cue takes the previous quote's speaker",
        '"We will win," Ann Lee said. "Nobody doubts it."',
        "Ann Lee",
        step=0.15,
    ),
    AttributionRule(
        "parse:subject-of-speech-verb",
        "parse",
        (),
        0.75,
        "with a dependency parse: the subject of a speech verb in the quote's sentence",
        'The minister for the first time since the war began insisted "we will not retreat."',
        "The minister",
    ),
    AttributionRule(
        "parse:complement",
        "parse",
        (),
        0.7,
        "with a dependency parse: the clausal complement (`ccomp`) of a speech verb, its subject the speaker",
        "The minister insisted the army would not retreat.",
        "The minister",
    ),
    AttributionRule(
        "reported:transcript",
        "reported",
        (),
        0.5,
        "`NAME: ...` opening a transcript paragraph (each sentence)",
        "LEE: The talks will resume in May. We are ready for them.",
        "LEE",
    ),
    AttributionRule(
        "reported:participle-that",
        "reported",
        (),
        0.6,
        "`..., adding that ...`: the sentence's speaker",
        "Ann Lee met the envoys on Monday, adding that the talks would resume in May.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:participle",
        "reported",
        (),
        0.5,
        "`..., adding ...` without `that`",
        "Ann Lee met the envoys on Monday, adding the talks would resume in May.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:coordinated-verb-that",
        "reported",
        (),
        0.6,
        "`... and said that ...`: the same subject's second verb",
        "Ann Lee met the envoys on Monday and said that the talks would resume in May.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:coordinated-verb",
        "reported",
        (),
        0.5,
        "`... but said ...` without `that`",
        "Ann Lee met the envoys on Monday but said the talks would resume in May.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:subject-verb-that",
        "reported",
        (),
        0.55,
        "a bare subject the speaker pattern does not cover, then `said that`",
        "The harbour master warned that the pier was unsafe for ships.",
        "The harbour master",
    ),
    AttributionRule(
        "reported:subject-verb",
        "reported",
        (),
        0.45,
        "a bare subject, then `said` without `that`",
        "Most voters in the county said the talks would resume in May.",
        "Most voters in the county",
    ),
    AttributionRule(
        "reported:verb-speaker",
        "reported",
        (),
        0.7,
        "`..., said X, the ...` without marks",
        "The talks will resume in May, said Ann Lee, the foreign minister.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:verb-that",
        "reported",
        (),
        0.3,
        "a subject the rules cannot delimit, then `said that`: the content, with no speaker",
        "Those insiders who think Lee can win stressed that the talks would resume in May.",
        None,
    ),
    AttributionRule(
        "reported:verb",
        "reported",
        (),
        0.3,
        "a subject the rules cannot delimit, then `said`: the content, with no speaker",
        "Those insiders who think Lee can win said the talks would resume in May.",
        None,
    ),
    AttributionRule(
        "reported:speaker-verb-that",
        "reported",
        (),
        0.7,
        "`X said that ...` without marks",
        "Ann Lee said that the talks would resume in May.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:speaker-verb",
        "reported",
        (),
        0.6,
        "`X said ...` without marks",
        "Ann Lee said the talks would resume in May.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:speech-act",
        "reported",
        (),
        0.55,
        "a speech act (`called`, `accused`, `praised`): the content is what the act is about",
        "Ann Lee called the offer an insult to every worker.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:speaker-after",
        "reported",
        (),
        0.7,
        "`..., X said.` without marks",
        "The talks will resume in May, Ann Lee said on Monday.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:speaker-between",
        "reported",
        (),
        0.6,
        "`..., X said, ...`: content on both sides of the speaker",
        "In the north, Ann Lee said, three bridges were closed by the floods.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:according-to-lead",
        "reported",
        (),
        0.75,
        "`According to X, ...` without marks",
        "According to the Kremlin, the talks will resume in May.",
        "the Kremlin",
    ),
    AttributionRule(
        "reported:according-to-tail",
        "reported",
        (),
        0.7,
        "`..., according to X.` without marks",
        "The talks will resume in May, according to the Kremlin.",
        "the Kremlin",
    ),
    AttributionRule(
        "reported:possessive-noun",
        "reported",
        (),
        0.6,
        "`X's claim that ...`",
        "Ann Lee's claim that the talks would resume in May was false.",
        "Ann Lee",
    ),
    AttributionRule(
        "reported:in-words",
        "reported",
        (),
        0.65,
        "`In X's words, ...`",
        "In Ann Lee's words, the talks will resume in May.",
        "Ann Lee",
    ),
)

RULES: dict[RuleId, AttributionRule] = {r.id: r for r in _ALL}
"""Every rule by id, in :data:`RuleId` order."""

_BEGIN = "<!-- attribution rules: generated by python -m quotecheck.devtools.rule_table -->"
_END = "<!-- end of attribution rules -->"


def rule_table() -> str:
    """The rules as a markdown table (the block docs/architecture.md holds)."""

    def code(s: str) -> str:
        return "`" + s.replace("\n", " ¶ ").replace("|", "\\|") + "`"

    rows = [
        "| rule | cue | patterns | confidence | what it covers | example | speaker |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in _ALL:
        conf = f"{r.confidence:g}"
        if r.pronoun_confidence is not None:
            conf += f" ({r.pronoun_confidence:g} for a pronoun)"
        if r.step:
            conf = f"previous − {r.step:g}, at least {r.confidence:g}"
        pats = ", ".join(code(p) for p in r.patterns) or "–"
        speaker = code(r.speaker) if r.speaker is not None else "none"
        rows.append(
            f"| {code(r.id)} | {r.side} | {pats} | {conf} | {r.summary} | {code(r.example)} "
            f"| {speaker} |"
        )
    return "\n".join([_BEGIN, *rows, _END]) + "\n"


def write_rule_table(doc: str) -> str:
    """``doc`` with its generated rule table replaced by the current one."""
    if _BEGIN not in doc or _END not in doc:
        raise ValueError(
            f"no generated rule table in the file: put the two lines {_BEGIN!r} and "
            f"{_END!r} where the table belongs, then write it again"
        )
    start, end = doc.index(_BEGIN), doc.index(_END) + len(_END)
    if doc.startswith("\n", end):
        end += 1
    return doc[:start] + rule_table() + doc[end:]
