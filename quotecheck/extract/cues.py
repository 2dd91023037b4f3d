"""Attribution cue patterns, compiled once from the lexicons.

A *speaker phrase* is a pronoun, a (possibly pre-modified) proper name, a
nominal (``a senior official``, ``the Russian defence ministry``) or a
possessive (``Clinton's campaign``). Cue patterns combine a speaker phrase
with a reporting verb, on the right of a quote (``," X said``, ``," said X``,
``," according to X``, ``― X``) or on its left (``X said:``, ``According to
X,``, ``Citing X, Tass reports,``), or embedded earlier in the sentence
(``X called it "..."``).

Every pattern is anchored or bounded and has no nested unbounded quantifiers;
callers run them on context windows of at most 600 characters, or on one sentence
(with a timeout when it is long). :class:`CueIndex` says where a pattern that needs
a reporting verb can match at all.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import regex

from quotecheck.extract.pieces import ascii_words
from quotecheck.lexicons import lexicon_dirs, load_list, load_map

__all__ = ["CueIndex", "CuePatterns", "alternation", "patterns", "patterns_for"]

_PART = r"(?:de|da|di|du|van|von|der|den|al|el|bin|ibn|la|le|dos|del|ter)"
# a capitalised word; a period only after an abbreviation-length word ("Mr.", "Gen.", "W.")
_CAPW = r"(?:\p{Lu}\p{Ll}{0,3}\.(?=[^\S\n]\p{Lu})|\p{Lu}[\p{L}\p{M}\-]*+(?:['’][\p{L}\p{M}\-]*+)*|\p{Lu}\.)"
_SP = r"[^\S\n]+"
_WHEN = (
    r"(?:(?:on|last|this|late|early|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|night|morning)(?:\s+(?:morning|afternoon|evening|night))?"
)
"""A time adverbial between a speaker and the verb ("Putin on Tuesday ordered")."""
_ADVS = rf"(?:(?:also|now|later|then|again|once|first|previously|recently|earlier|further|simply|just|repeatedly|publicly|privately|often|frequently|sometimes|always|never|still|had|has|have|would|will|did|reportedly|\p{{Ll}}+ly|{_WHEN})\s+){{0,2}}"


_LETTERS = regex.compile(r"\p{L}+")


def alternation(
    words: frozenset[str] | list[str], *, cased: bool = False, backwards: bool = False
) -> str:
    """A regex alternation of ``words``, escaped, longest first (so a word never loses to
    its own prefix).

    It is a prefix tree unless two words differ only in case in a way that would make a
    case-insensitive pattern try them in another order (see :func:`_case_conflict`).
    ``cased``: the alternation goes only into case-sensitive patterns matched forwards,
    where the tree is always exact (the words that match at one position are then each
    a prefix of the next, and the tree tries the longer first), so it is a tree even then.
    ``backwards``: for a pattern matched right to left (``regex.REVERSE``), where the
    words that end at one position are suffixes of each other and a prefix tree's order
    is not longest first: always the plain list.
    """
    unique = sorted(set(words))
    if backwards or (not cased and _case_conflict(unique)):
        return "|".join(regex.escape(w) for w in sorted(unique, key=len, reverse=True))
    return _trie(unique)


def _case_conflict(words: list[str]) -> bool:
    """Whether two words could both match in a case-insensitive pattern without one being
    the other's exact prefix ("official" and "Officials"): a prefix tree would then try
    them in another order than longest first. Lower-cased and sorted, the words a word
    is a prefix of follow it in one run."""
    low = sorted((w.lower(), w) for w in words)
    for i, (a, wa) in enumerate(low):
        for b, wb in low[i + 1 :]:
            if not b.startswith(a):
                break
            if not wb.startswith(wa):
                return True
    return False


def _trie(words: list[str]) -> str:
    """``words`` as a prefix tree that can be concatenated as one atom: one branch per
    first character, so the engine reads a character once instead of trying every word
    that starts with it. A word that is a prefix of others is tried after them."""
    ends = "" in words
    firsts: dict[str, list[str]] = {}
    for w in words:
        if w:
            firsts.setdefault(w[0], []).append(w[1:])
    branches = sorted(firsts.items(), key=lambda kv: -max(len(r) for r in kv[1]))
    parts = [regex.escape(ch) + _trie(rests) for ch, rests in branches]
    if not parts:
        return ""
    if len(parts) == 1 and not ends:
        return parts[0]
    body = "|".join(parts)
    return f"(?:{body})?" if ends else f"(?:{body})"


class CuePatterns:
    """The compiled patterns. Built once per lexicon set (see :func:`patterns`)."""

    def __init__(self, dirs: tuple[Path, ...] = ()) -> None:
        verbs = load_list("reporting_verbs.txt", dirs)
        pron = load_map("pronouns.tsv", dirs)
        titles = load_list("titles.txt", dirs)
        demonyms = load_map("demonyms.tsv", dirs)
        nominal = load_list("nominal_speakers.txt", dirs)
        honor = load_map("honorifics.tsv", dirs)
        self.verbs = verbs
        self.pronouns = pron
        self.titles = titles
        self.demonyms = demonyms
        self.honorifics = honor
        self.role_heads = load_list("role_heads.txt", dirs)
        self.org_cues = load_list("organization_cues.txt", dirs)
        self.male_names = load_list("male_names.txt", dirs)
        self.female_names = load_list("female_names.txt", dirs)
        self.nominal_heads = nominal
        self.sentence_openers = load_list("sentence_openers.txt", dirs)
        self.places = load_list("places.txt", dirs)
        self.not_speakers = load_list("not_speakers.txt", dirs)
        self.countries = load_map("countries.tsv", dirs)
        # per reporting verb's first letter run ("pointed out" -> "pointed", "e-mailed" ->
        # "e"): the verbs' first whitespace-separated words ("e" -> "e-mailed")
        literals: dict[str, set[str]] = {}
        for v in verbs:
            if (m := _LETTERS.search(v)) is not None:
                literals.setdefault(m.group().lower(), set()).add(v.split()[0].lower())
        self.verb_literals = {h: tuple(sorted(ls)) for h, ls in literals.items()}
        self.verb_heads = frozenset(self.verb_literals)
        verb = rf"(?:{alternation(verbs)})"
        verb_cap = rf"(?:{alternation([v[:1].upper() + v[1:] for v in verbs])})"  # "Said X, ..."
        self.verb_re = verb
        # a reporting verb where it starts (a word end after it)
        self.verb_at = regex.compile(rf"(?P<cue>{verb})(?!\p{{L}})", regex.V1)
        # a generational suffix keeps its period: "James Hale Jr., the mayor, said"
        name = rf"{_CAPW}(?:{_SP}(?:(?:{_PART}|of|for){_SP})?{_CAPW}){{0,5}}(?:(?<=[^\p{{L}}](?:Jr|Sr))\.)?"
        # lower-case words of a name's pre-modifier (with the demonyms: ``premod_tail``)
        self.lower_titles = (
            *(t for t in titles if t[:1].islower()),
            "former",
            "state",
            "senior",
        )
        lower_pre = alternation(list(self.lower_titles))
        det = (
            r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|"
            r"[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ther|[Mm]ost|[Aa]ll|[Bb]oth)"
        )
        self.determiner = det
        # a capitalised determiner is a name only before another capitalised word ("The Times")
        bare_det = r"(?:The|A|An|This|That|These|Those|Some|Many|Several|One|Another)(?![^\S\n]+\p{Lu})(?!\p{L})"
        the_name = rf"[Tt]he\s+{name}"

        def speaker_phrase(cased: bool) -> tuple[str, str, str]:
            """The speaker phrase, its pre-modifier and its nominal heads. ``cased``: for
            case-sensitive patterns only, with every word list a prefix tree (see
            :func:`alternation`: the same matches; a failed attempt at a word that opens
            no entry costs a character test instead of one per word of a 400-word list)."""
            pronoun = rf"(?:{alternation(list(pron), cased=cased)})"
            demo = alternation(list(demonyms), cased=cased)
            premod = rf"(?:(?:{demo}|{lower_pre}|{_CAPW})\s+){{0,4}}?"
            head = alternation([*nominal, *[n.capitalize() for n in nominal]], cased=cased)
            nominal_re = rf"{det}\s+(?:[\p{{L}}\p{{N}}'’\-\.]++\s+){{0,4}}?(?:{head})(?!\p{{L}})"
            poss = rf"{name}['’]s?\s+(?:[\p{{Ll}}\-]++\s+){{0,2}}?(?:{head})(?!\p{{L}})"
            phrase = rf"(?:{pronoun}(?!\p{{L}})|{premod}(?!{bare_det}){name}(?:{_SP}\([^()\n]{{1,30}}\))?(?!['’]s?\s+\p{{Ll}})|{nominal_re}|{poss}|{the_name}|{premod}(?:{head}))"
            return phrase, premod, head

        # every pattern but ``after_according`` is case-sensitive, and so are reported.py's
        self.speaker, premod, head = speaker_phrase(cased=True)
        spk = self.speaker
        # what every speaker phrase starts with: a capital (a name, a capitalised entry), a
        # determiner, or a lower-case entry of a word list it opens with; a pattern that
        # tries the phrase at every word runs this first, which fails at most words at
        # once (the phrase itself backtracks through several of its branches there)
        lower_entries = [
            w
            for w in (*pron, *demonyms, *self.lower_titles, *nominal)
            if w and regex.match(r"\p{Lu}", w) is None
        ]
        # (a determiner is a whole word there: a space, comma or apostrophe follows it)
        starts = rf"\p{{Lu}}|(?:{det})(?!\p{{L}})|{alternation(lower_entries, cased=True)}"
        self.speaker_start = rf"(?={starts})"
        # right after a closing mark any short determiner phrase before a verb is a speaker
        generic = rf"(?:{det}|[Oo]thers|[Ss]ome)(?:\s+[\p{{L}}\p{{N}}'’\-\.]+){{0,5}}?"
        loose_pre = rf"(?:(?!{verb}\s)[\p{{L}}\p{{N}}/&\-'’\.]++\s+){{0,6}}?"
        # a conjunction right after the quote starts a new clause with its own subject
        generic_greedy = rf"(?:{det}|[Oo]thers|[Ss]ome)(?:\s+[\p{{L}}\p{{N}}'’\-]+){{0,5}}"
        spk_after = rf"(?!(?:and|but|or|while|whereas|as|when|after|before|because|And|But|Yet|So|Still|However|Meanwhile)\s)(?:{spk}|{generic}|{loose_pre}{name}(?:{_SP}\([^()\n]{{1,30}}\))?|{loose_pre}(?:{head})(?!\p{{L}}))"
        # an appositive: no comma inside but one before a state's abbreviation ("of
        # Allentown, Pa.,"); an age may come first ("Ann Lee, 67, a retired nurse,")
        state = rf"(?:\p{{Lu}}\p{{Ll}}{{0,4}}\.|\p{{Lu}}\.\p{{Lu}}\.|{alternation(self.places)})"
        # a rank's abbreviation keeps its period ("the No. 2 Democrat in the Senate,")
        app = (
            r"(?:(?:,\s\d{1,3}(?=,\s\P{N}))?,\s(?:[^,.;:“”\"\n]|\.(?=\S|\s\p{Lu})"
            r"|(?<=(?<!\p{L})No)\.(?=\s\p{N})"
            rf"|,\s{state}(?=,)){{2,160}}?,)"
        )
        tail_ok = (
            r"(?=\s*[,.;:!?—–)]|\s*$|\s+(?:in|on|at|to|during|after|before|when|while|as|from|with|"
            r"via|last|this|earlier|later|recently|yesterday|today|tonight|Monday|Tuesday|Wednesday|"
            r"Thursday|Friday|Saturday|Sunday|of|about|and|but|referring|adding|noting|"
            r"\p{Lu}\p{L}*['’]s)\b)"
        )
        flags = regex.V1
        # right of a closing mark; the spaces and commas after the mark are read whole
        # (``*+``): the speaker or cue after them starts with neither, so giving one back
        # could never lead to a match
        self.after_name_verb = regex.compile(
            # a verb after an appositive's comma may be capitalised ("X, the mayor, Tweeted")
            rf"[\s,]*+(?P<spk>{spk_after})(?P<app>{app})?(?:,(?!\s+\p{{L}}+ing\b))?(?:['’](?:s|ve|d)(?=\s))?\s+{_ADVS}(?P<cue>{verb}|(?<=,[^\S\n]){verb_cap})(?!\p{{L}})",
            flags,
        )
        self.after_tail_ok = regex.compile(tail_ok, flags)
        self.after_verb_name = regex.compile(
            rf"[\s,]*+(?P<cue>{verb})\s+(?P<spk>{generic_greedy}(?=\s*[,.;:!?]|\s*$)|{spk}(?=[\s,.;:!?]|$)|{loose_pre}{name}(?=[\s,.;:!?]|$))",
            flags,
        )
        self.after_according = regex.compile(
            rf"[\s,]*+(?P<cue>according\s+to)\s+(?P<spk>{speaker_phrase(cased=False)[0]})",
            flags | regex.IGNORECASE,
        )
        # a frame in the next sentence: "That was how X once described ..."
        self.after_how = regex.compile(
            rf"\s*+(?:That|This|Which)\s+(?:was|is)\s+how\s+(?P<spk>{spk})\s+{_ADVS}"
            rf"(?P<cue>{verb}|put\s+it|summed\s+(?:it\s+)?up|characteri[sz]ed)(?!\p{{L}})",
            flags,
        )
        self.after_dash = regex.compile(
            rf"\s*+(?P<cue>[―—–]|--)\s*(?P<spk>{premod}{name}(?:{_SP}\([^()\n]{{1,30}}\))?)(?=[^\S\n]*(?:[,;\n]|\.(?!\w))|\s*$)",
            flags,
        )
        # left of an opening mark
        # the cue and what may follow it up to the quote: a short tail, then ":" or ","
        intro_cue = (
            rf"(?P<cue>{verb})"
            rf"(?P<tail>(?:\s+[^\s“”\"]+){{0,9}}?)\s*(?P<punct>[:,]|\s(?:that|this|as\s+follows|simply))?\s*$"
        )
        self.before_intro = regex.compile(
            # a relative "who" without its comma leaves the speaker the name before it, even
            # after a preposition ("a reply from Ann Lee who tweeted, "..."")
            rf"(?:^|(?<=[\s(]))(?={starts}|[Oo]thers|who)(?P<spk>{spk}|{generic}|(?<=,[^\S\n])who)(?:(?P<app>{app})|,(?!\s+\p{{L}}+ing\b)(?!\s+{verb}\s+\p{{Lu}})|(?P<rel>[^\S\n]+who(?=[^\S\n])))?(?:['’](?:s|ve|d)(?=\s))?\s+{_ADVS}"
            + intro_cue,
            flags,
        )
        # every before_intro match has this at its cue: where it fails, no cue can be
        self.intro_cue = regex.compile(intro_cue, flags)
        self.before_verb_speaker = regex.compile(
            rf"(?:^|(?<=[\s(]))(?P<cue>{verb}|{verb_cap})\s+(?P<spk>(?!it(?!\p{{L}})){spk})(?P<app>{app})?\s*[:,]?\s*$",
            flags,
        )
        participle = (
            r"saying|writing|adding|noting|asking|declaring|explaining|insisting|warning|"
            r"replying|answering|arguing|quipping|joking|tweeting|posting|stating|recalling|"
            r"continuing|concluding|yelling|shouting|remarking|asserting|claiming|singing|chanting|"
            r"vowing|promising|boasting|responding|retorting|telling\s+(?:him|her|them|reporters|"
            r"the\s+\p{L}+|\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,3})"
        )
        self.before_participle = regex.compile(
            r"(?:^|(?<=[\s(]))(?P<cue>saying|telling(?:\s+[^,:“”\"]{1,60}?)?|writing|adding|noting|asking|"
            r"declaring|explaining|insisting|warning|replying|answering|arguing|quipping|joking|"
            r"tweeting|posting|stating|recalling|continuing|concluding|asserting|claiming|singing|"
            r"chanting|vowing|promising|boasting|responding|retorting)"
            r"(?:\s+(?:later|then|again|\p{Ll}+ly)|\s+of\s+[^,:“”\"\n]{1,40}?"
            # a short prepositional phrase: "saying in a statement,", "tweeting at him,"
            r"|\s+(?:at|to|in|on|during|after|from|with|via)\s+[^,:;.!?“”\"\n]{1,40}?)?\s*[,:]\s*$"
            # the words of a chant or song follow with no comma: "chanting "U-S-A!""
            r"|(?:^|(?<=[\s(]))(?P<cue>chanting|shouting|yelling|singing|screaming)\s*$",
            flags,
        )
        # "by saying "..."": the participle needs no comma after "by"
        self.by_participle = regex.compile(
            rf"(?:^|(?<=\s))by\s+(?P<cue>{participle})\s*[,:]?\s*$", flags
        )
        # "footage of Hillary Clinton asking, "...", "Trump reportedly yelling: "...""
        self.name_participle = regex.compile(
            rf"(?:^|(?<=[\s(]))(?P<spk>{premod}(?!{bare_det}){name})\s+{_ADVS}(?P<cue>{participle})\s*[,:]?\s*$",
            flags,
        )
        # a roundup line or a name before a colon: "Rep. Ann Lee (D-Ohio): "...",
        # "Ann Lee, WXYZ: "...", "... doesn't surprise pollster Ann Lee: "...""
        self.name_colon = regex.compile(
            rf"(?:^|(?<=[\s(]))(?P<spk>{premod}(?!{bare_det}){name})(?:{_SP}\([^()\n]{{1,30}}\))?"
            rf"(?P<role>,[^\S\n]+[^,:;“”\"\n]{{1,60}})?\s*(?P<cue>:)\s*$",
            flags,
        )
        self.subject = regex.compile(
            rf"\s*(?:[^,“”\"\n]{{1,80}},\s+){{0,2}}(?P<spk>{spk})(?P<app>{app})?(?=\s+{_ADVS}\p{{Ll}})",
            flags,
        )
        # the subject of a clause that ends in a colon may be any short determiner phrase
        self.subject_loose = regex.compile(
            rf"\s*(?:[^,“”\"\n]{{1,80}},\s+){{0,2}}(?P<spk>{det}(?:\s+[\p{{L}}\p{{N}}'’\-\.]+){{1,5}}?)"
            rf"(?=\s+{_ADVS}\p{{Ll}})",
            flags,
        )
        self.before_according = regex.compile(
            rf"(?:^|(?<=\s))(?P<cue>[Aa]ccording\s+to)\s+(?P<spk>{spk})(?P<tail>[^,:]{{0,60}}?)[,:]\s*$",
            flags,
        )
        self.before_chain = regex.compile(
            rf"(?:^|(?<=\s))(?P<citing>[Cc]iting|[Qq]uoting)\s+(?P<spk>{spk}),\s+(?P<via>{spk})\s+{_ADVS}(?P<cue>{verb}|quoted)[\s,:]*$",
            flags,
        )
        # "Putin's order to ...": the nouns whose quoted object is their owner's words
        self.possessive_nouns = (
            *("order", "orders", "words", "remarks", "comments", "statement", "call"),
            *("warning", "promise", "pledge", "vow", "claim", "description", "instructions"),
            *("message", "demand", "appeal", "insistence", "assurance", "verdict"),
        )
        self.possessive_cue = regex.compile(
            rf"(?:^|(?<=[\s(]))(?P<spk>{name})['’]s?\s+(?:\p{{Ll}}+\s+)?"
            rf"(?P<cue>{'|'.join(self.possessive_nouns)})(?!\p{{L}})",
            flags,
        )
        self.embedded = regex.compile(
            rf"(?:^|(?<=[\s(])){self.speaker_start}(?P<spk>{spk})(?P<app>{app})?(?:,(?!\s+\p{{L}}+ing\b))?(?:['’](?:s|ve|d)(?=\s))?\s+{_ADVS}(?P<cue>{verb})(?!\p{{L}})",
            flags,
        )
        self.name = regex.compile(name, flags)
        # searched backwards from a name: the pattern is right-anchored, and with REVERSE
        # ``match()`` tries the one end position at the name instead of every start
        demo_back = alternation(list(demonyms), backwards=True)
        lower_back = alternation(list(self.lower_titles), backwards=True)
        self.premod_tail = regex.compile(
            rf"(?:(?:{demo_back}|{lower_back})\s+){{1,4}}$", flags | regex.REVERSE
        )
        # a programme or publication named before the mark: "on ABC's", "on Fox News
        # channel's", "on", "in" (the quote must also look like a title: see quotes.py)
        outlet = alternation([w for w in self.org_cues if w[:1].isupper()], cased=True)
        self.title_before = regex.compile(
            r"(?:(?<![\p{L}])(?:on|in)[^\S\n]+|(?<![\p{L}])(?:\p{Lu}{2,6}|"
            rf"(?:{outlet})|\p{{Lu}}[\p{{L}}\-]*[^\S\n]+(?:channel|network|radio|television))"
            r"['’]s[^\S\n]+(?:(?:show|program|programme|series)[^\S\n]+)?)$",
            flags,
        )
        # a work's name after the word for it: "In his 2002 book, "...","
        self.title_work = regex.compile(
            r"(?<![\p{L}])(?:book|film|movie|song|album|anthem|memoir|documentary|novel|poem|"
            r"musical|podcast|sitcom|the\s+(?:show|play|series|program|programme))\s*,?\s*$",
            flags | regex.IGNORECASE,
        )
        self.title_intro = regex.compile(
            r"(?:titled|entitled|called|dubbed|named|headlined|the\s+(?:book|film|movie|song|show|album|"
            r"slogan|hashtag|program|programme|series|article|column|essay|report|motto|phrase|term|word|"
            r"words|label|nickname|so-called))\s*$",
            flags | regex.IGNORECASE,
        )


class CueIndex:
    """Where the reporting verbs of one text are: a pre-filter for the cue patterns.

    Every pattern that needs a reporting verb has it start after a non-letter (a space,
    ``(``, a comma or a quote mark) and end before one, so a verb always begins a run of
    letters whose lower-case form is a verb's first word. A window with no such run
    cannot match, and the pattern is not run there: most windows hold no verb, and a
    failed search of the speaker alternation costs far more than a bisection.

    ``present`` is the set of ASCII letter runs of the lower-cased text
    (:func:`~quotecheck.extract.pieces.ascii_words`) when lower-casing kept the text's
    length, else ``None``: reported speech finds its cue words with the same set.
    """

    __slots__ = ("present", "starts", "words")

    def __init__(self, text: str, pats: CuePatterns) -> None:
        self.starts: list[int] = []
        self.words: list[str] = []
        self.present: set[str] | None = None
        lowered = text.lower()
        if len(lowered) == len(text):  # nearly always: offsets in it are offsets in text
            self._by_search(lowered, pats)
            return
        for m in _LETTERS.finditer(text):
            if (word := m.group().lower()) in pats.verb_heads:
                self.starts.append(m.start())
                self.words.append(word)

    def _by_search(self, low: str, pats: CuePatterns) -> None:
        """The same index without a Python step per word, from the lower-cased text (of
        the same length, so with the same letter runs: a letter's lower case is a letter).
        The verbs' first words present are found with one set intersection (``[a-z]+``
        yields every ASCII run whole), then only their occurrences are looked at, with
        ``str.isalpha`` (the ``\\p{L}`` class) at both ends."""
        n = len(low)
        found: dict[int, str] = {}
        self.present = ascii_words(low)
        for head in pats.verb_heads.intersection(self.present):
            for lit in pats.verb_literals[head]:
                i = low.find(lit)
                while i >= 0:
                    j = i + len(lit)
                    if (i == 0 or not low[i - 1].isalpha()) and (j == n or not low[j].isalpha()):
                        found[i] = head
                    i = low.find(lit, i + 1)
        for i in sorted(found):
            self.starts.append(i)
            self.words.append(found[i])

    def verbs_in(self, start: int, end: int, within: frozenset[str] | None = None) -> list[int]:
        """The starts of the verbs (those in ``within``, when given) in ``[start, end)``."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if within is None:
            return self.starts[lo:hi]
        return [self.starts[i] for i in range(lo, hi) if self.words[i] in within]

    def last_verb(self, start: int, end: int) -> int | None:
        """The start of the last verb in ``[start, end)``, if any."""
        i = bisect_left(self.starts, end)
        return self.starts[i - 1] if i > 0 and self.starts[i - 1] >= start else None

    def has_verb(self, start: int, end: int, within: frozenset[str] | None = None) -> bool:
        """Whether a verb (one of ``within``, when given) starts in ``[start, end)``."""
        i = bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] < end:
            if within is None or self.words[i] in within:
                return True
            i += 1
        return False


def patterns() -> CuePatterns:
    """The shared compiled patterns for the current lexicon folders (packaged data plus
    ``QUOTECHECK_LEXICON_DIR``), built once per set of folders."""
    return _patterns(lexicon_dirs())


def patterns_for(dirs: tuple[Path, ...]) -> CuePatterns:
    """The shared compiled patterns of the lexicon folders ``dirs`` (see :func:`patterns`)."""
    return _patterns(dirs)


@lru_cache(maxsize=4)
def _patterns(dirs: tuple[Path, ...]) -> CuePatterns:
    from quotecheck.cache import cached_build  # compiled once per user, see quotecheck.cache

    return cached_build("cue-patterns", CuePatterns, dirs, lexicon_dirs=dirs)
