"""Synthetic story clusters for benchmarks: realistic variants of the fixture stories.

Each *cluster* is one fixture story (``fixtures/story-*/``) retold: every person gets
a new name (same gender, consistently in all the cluster's articles), the company
and town of story B get new names, every count is scaled by one factor per cluster,
and some words inside quotes are swapped for synonyms cluster-wide (so clusters do
not share wordings). Then each article is varied on its own: body paragraphs are
sometimes swapped, and now and then one quote loses or changes a word or one figure
changes, which gives the cross-check something to find, as in real copy.

The output is deterministic for a seed: ``synthesize(1000, out, seed=1)`` writes the
same bytes every time. Files go to ``out/cNNNNN-<story>/cNNNNN-<article>``, so a
folder is a story and every source name is unique.

    python -m quotecheck.bench synth --articles 1000 --out /tmp/corpus --seed 1
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quotecheck.errors import UsageError
from quotecheck.lexicons import load_list

__all__ = ["Template", "default_fixtures", "load_templates", "synthesize", "vary_cluster"]

_SUFFIXES = (".txt", ".md", ".html")

# one word of a quote -> another; applied cluster-wide (about half of them per cluster)
# and, rarely, to one quote of one article (a wording mismatch to find)
SYNONYMS: dict[str, str] = {
    "must": "have to",
    "essential": "vital",
    "important": "crucial",
    "thorough": "careful",
    "necessary": "needed",
    "modern": "up-to-date",
    "lightly": "quickly",
    "excellent": "outstanding",
    "expect": "anticipate",
    "everything": "all",
    "help": "assist",
    "affected": "impacted",
    "open": "running",
    "people": "workers",
    "allies": "partners",
    "direct": "close",
    "sincere": "serious",
    "forces": "efforts",
    "decision": "choice",
    "work": "labour",
}

_SYLLABLES = [
    "ka",
    "ro",
    "vel",
    "man",
    "dor",
    "sa",
    "li",
    "ne",
    "ta",
    "bri",
    "go",
    "ren",
    "mo",
    "sel",
    "har",
    "vi",
    "lo",
    "den",
    "ca",
    "mir",
    "to",
    "bas",
    "fen",
    "gal",
    "quin",
    "ru",
    "zel",
    "pra",
    "dan",
    "hol",
]
_ENDINGS = ("ova", "sky", "ton", "berg", "ard", "elli", "ez", "ham", "ley", "ing")
_PRONOUN_START = re.compile(r"^(?:[\"“‘'`«]|(?:He|She|It|They|We|I)\b)")
_NUMBER = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:/-]|[.,]\d)")
_ORG_WORDS = frozenset({"Industries", "Group", "Ministry", "Office", "Agency", "Company"})
_QUOTE = re.compile(r"“([^”\n]{20,400})”|\"([^\"\n<>]{20,400})\"")


@dataclass(frozen=True)
class Template:
    """One fixture article: its folder (story), file name and text, and the people in it."""

    story: str
    name: str
    text: str
    people: tuple[str, ...]


def default_fixtures() -> Path | None:
    """``fixtures/`` beside the package in a source checkout, if there."""
    here = Path(__file__).resolve().parents[1] / "fixtures"
    return here if here.is_dir() else None


def load_templates(fixtures: Path | None = None) -> dict[str, list[Template]]:
    """The fixture stories (``story-*`` folders) by folder name, articles sorted."""
    root = fixtures or default_fixtures()
    if root is None or not root.is_dir():
        raise UsageError("no fixture folder: pass --fixtures PATH (the repository's fixtures/)")
    stories: dict[str, list[Template]] = {}
    for folder in sorted(root.glob("story-*")):
        arts = []
        for path in sorted(folder.iterdir()):
            if path.suffix not in _SUFFIXES:
                continue
            expected = path.with_name(path.stem + ".expected.json")
            people: set[str] = set()
            if expected.is_file():
                for q in json.loads(expected.read_text(encoding="utf-8")).get("quotes", []):
                    name = q.get("speaker") or ""
                    words = name.split()
                    if len(words) == 2 and name[0].isupper() and words[1] not in _ORG_WORDS:
                        people.add(name)
            arts.append(
                Template(folder.name, path.name, path.read_text("utf-8"), tuple(sorted(people)))
            )
        if arts:
            stories[folder.name] = arts
    if not stories:
        raise UsageError(f"no story-* folders with articles under {root}")
    return stories


def _surname(index: int, rng: random.Random) -> str:
    digits = []
    n = index + len(_SYLLABLES)  # at least two syllables
    while n:
        n, d = divmod(n, len(_SYLLABLES))
        digits.append(_SYLLABLES[d])
    return ("".join(digits) + rng.choice(_ENDINGS)).capitalize()


def _town(index: int, rng: random.Random) -> str:
    return _surname(index, rng).removesuffix("s") + rng.choice(("ville", " Springs", "ford"))


def _word_sub(mapping: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]]:
    keys = sorted(mapping, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + r")\b"), mapping


def _replace_words(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    pattern, table = _word_sub(mapping)
    return pattern.sub(lambda m: table[m.group(0)], text)


def _format_like(original: str, decimals: str | None, value: float) -> str:
    if decimals:
        return f"{value:.{len(decimals) - 1}f}"
    out = str(max(1, round(value)))
    if "," in original:
        out = f"{int(out):,}"
    return out


def _scale_numbers(text: str, factor: float, bump: int | None = None) -> str:
    """Counts scaled by ``factor``; years, days (<= 31), times and designations untouched.
    ``bump``: the index of one eligible number to change again (a conflict)."""
    seen = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal seen
        whole, decimals = m.group(1), m.group(2)
        value = float(whole.replace(",", "") + (decimals or ""))
        if (not decimals and value <= 31) or (
            "," not in whole and len(whole) == 4 and 1900 <= value <= 2100
        ):
            return m.group(0)
        f = factor * (1.25 if bump == seen else 1.0)
        seen += 1
        return _format_like(whole, decimals, value * f)

    return _NUMBER.sub(sub, text)


def _quote_words(text: str) -> Iterator[tuple[int, int]]:
    for m in _QUOTE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        yield m.start(g), m.end(g)


def _perturb_quote(text: str, rng: random.Random) -> str:
    """Change one word in one quote: a synonym, or a dropped short word."""
    spans = list(_quote_words(text))
    if not spans:
        return text
    s, e = rng.choice(spans)
    words = list(re.finditer(r"[A-Za-z]+", text[s:e]))
    if len(words) < 4:
        return text
    w = rng.choice(words[1:-1])
    word = w.group(0)
    repl = SYNONYMS.get(word.lower(), "really " + word if rng.random() < 0.5 else "")
    a, b = s + w.start(), s + w.end()
    if not repl:  # drop the word and one space
        return text[:a] + text[b + 1 :]
    return text[:a] + repl + text[b:]


def _shuffle_paragraphs(text: str, rng: random.Random) -> str:
    """Swap two body paragraphs that stand on their own (no pronoun or quote opening)."""
    parts = text.split("\n\n")
    movable = [i for i in range(3, len(parts) - 1) if not _PRONOUN_START.match(parts[i].strip())]
    if len(movable) < 2:
        return text
    i, j = rng.sample(movable, 2)
    parts[i], parts[j] = parts[j], parts[i]
    return "\n\n".join(parts)


def vary_cluster(templates: list[Template], cluster: int, seed: int) -> list[tuple[str, str]]:
    """One retelling of a story: ``(file name, text)`` per article, deterministic."""
    rng = random.Random(f"{seed}:{cluster}")
    male = sorted(load_list("male_names.txt"))
    female = sorted(load_list("female_names.txt"))
    names: dict[str, str] = {}
    people = sorted({p for t in templates for p in t.people})
    for k, person in enumerate(people):
        first, last = person.split()
        pool = female if first in female else male
        if last not in names:
            names[last] = _surname(cluster * 64 + k, rng)
            names[first] = rng.choice(pool)
        else:  # a transliteration (Andrey/Andrei Kartapolov): the same new first name
            twin = next(p.split()[0] for p in people if p.split()[1] == last)
            names.setdefault(first, names[twin])
    names.update({"Corvane": _surname(cluster * 64 + 63, rng), "Marlow": _town(cluster, rng)})
    names["MARLOW"] = names["Marlow"].upper()
    quote_subs = {k: v for k, v in SYNONYMS.items() if rng.random() < 0.5}
    factor = rng.uniform(0.6, 1.6)
    prefix = f"c{cluster:05d}"
    out = []
    for t in templates:
        text = _replace_words(t.text, names)
        # cluster-wide wording: only inside quotes, so the narrative stays grammatical
        pieces: list[str] = []
        pos = 0
        for s, e in _quote_words(text):
            pieces += [text[pos:s], _replace_words(text[s:e], quote_subs)]
            pos = e
        text = "".join([*pieces, text[pos:]])
        bump = rng.randrange(8) if rng.random() < 0.15 else None
        text = _scale_numbers(text, factor, bump)
        if rng.random() < 0.15:
            text = _perturb_quote(text, rng)
        if not t.name.endswith(".html") and rng.random() < 0.5:
            text = _shuffle_paragraphs(text, rng)
        out.append((f"{prefix}-{t.name}", text))
    return out


def synthesize(
    articles: int, out: Path, *, seed: int = 0, fixtures: Path | None = None
) -> list[Path]:
    """Write ``articles`` files in clusters (story after story) under ``out``; their paths,
    in corpus order (sorted). The last cluster may be cut short."""
    if articles < 0:
        raise UsageError(f"articles must be >= 0, not {articles}")
    stories = load_templates(fixtures)
    order = sorted(stories)
    written: list[Path] = []
    cluster = 0
    while len(written) < articles:
        story = order[cluster % len(order)]
        folder = out / f"c{cluster:05d}-{story.removeprefix('story-')}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in vary_cluster(stories[story], cluster, seed):
            if len(written) == articles:
                break
            path = folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
        cluster += 1
    return written
