"""Word alternations are prefix trees that match exactly as a longest-first list does."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck.extract.cues import alternation, patterns


def _listed(words: list[str]) -> str:
    """The plain alternation, longest first: what :func:`alternation` must behave like."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def test_a_word_that_is_a_prefix_of_another_is_tried_after_it() -> None:
    pat = regex.compile(rf"(?:{alternation(['say', 'said', 'says', 'saying'])})")
    assert [m.group() for m in pat.finditer("say says saying said sa")] == [
        "say",
        "says",
        "saying",
        "said",
    ]
    # the tree reads the shared "sa" once
    assert alternation(["say", "said"]).count("sa") == 1


def test_special_characters_are_escaped() -> None:
    pat = regex.compile(rf"(?:{alternation(['a.b', 'a+', 'e-mailed', 'u.s.'])})(?!\w)")
    assert pat.fullmatch("a.b") and pat.fullmatch("a+") and pat.fullmatch("u.s.")
    assert pat.fullmatch("axb") is None and pat.fullmatch("aa") is None


_WORDS = st.lists(st.text(alphabet="abAB.- ", min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="abAB.- x", max_size=30))
def test_the_tree_matches_what_the_list_matches(words: list[str], text: str) -> None:
    # a tail after the alternation makes the engine backtrack into it: the order in
    # which the words are tried shows in which match is found first
    for flags in (regex.V1, regex.V1 | regex.IGNORECASE):
        for tail in ("", "b", r"(?!\w)", "a?b"):
            tree = regex.compile(rf"(?:{alternation(words)}){tail}", flags)
            plain = regex.compile(rf"(?:{_listed(words)}){tail}", flags)
            for i in range(len(text) + 1):
                t, p = tree.match(text, i), plain.match(text, i)
                assert (t and t.span()) == (p and p.span()), (words, text, i, tail)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="abAB.- x", max_size=30))
def test_a_cased_tree_matches_what_the_list_matches_in_a_case_sensitive_pattern(
    words: list[str], text: str
) -> None:
    # words that differ only in case do not make a tree inexact where case counts
    for tail in ("", "b", r"(?!\w)", "a?b"):
        tree = regex.compile(rf"(?:{alternation(words, cased=True)}){tail}", regex.V1)
        plain = regex.compile(rf"(?:{_listed(words)}){tail}", regex.V1)
        for i in range(len(text) + 1):
            t, p = tree.match(text, i), plain.match(text, i)
            assert (t and t.span()) == (p and p.span()), (words, text, i, tail)


def test_a_cased_tree_is_no_case_insensitive_alternation() -> None:
    # "Axxxx" sends the tree into the "A" branch first, where "Ab" matches before "abc"
    words = ["Ab", "abc", "Axxxx"]
    flags = regex.V1 | regex.IGNORECASE
    assert regex.match(rf"(?:{alternation(words)})", "abc", flags).group() == "abc"
    assert regex.match(rf"(?:{alternation(words, cased=True)})", "abc", flags).group() == "ab"


def test_case_insensitive_cue_patterns_keep_the_case_safe_alternations() -> None:
    pats = patterns()
    heads = [*pats.nominal_heads, *(h.capitalize() for h in pats.nominal_heads)]
    tree = alternation(heads, cased=True)
    assert tree != alternation(heads)  # the heads hold words that differ only in case
    assert tree in pats.speaker
    insensitive = [
        p
        for p in vars(pats).values()
        if isinstance(p, regex.Pattern) and p.flags & regex.IGNORECASE
    ]
    assert pats.after_according in insensitive
    assert all(tree not in p.pattern for p in insensitive)


def test_a_pattern_matched_backwards_gets_the_longest_first_list() -> None:
    # right to left, the words that end at one place are suffixes of each other; a tree
    # ordered for prefixes would take "b" where the list takes "ab"
    words = ["ab", "baab", "b"]
    text = " bab"
    for pattern, span in [
        (alternation(words, backwards=True), (2, 4)),
        (f"(?:{_listed(words)})", (2, 4)),
    ]:
        m = regex.compile(rf"(?:{pattern})$", regex.V1 | regex.REVERSE).search(text)
        assert m is not None and m.span() == span
    tree = regex.compile(rf"(?:{alternation(words)})$", regex.V1 | regex.REVERSE).search(text)
    assert tree is not None and tree.span() == (3, 4)  # why ``backwards`` exists
