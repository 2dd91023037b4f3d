from __future__ import annotations

from pathlib import Path

import pytest
from crosscheck.factories import ArticleBuilder, quoted
from crosscheck.stories import ORDER_A, ORDER_B, story

import quotecheck
from quotecheck.checks import run_checks
from quotecheck.checks.qc101_wording import assess_change, compare_wordings
from quotecheck.crosscheck import corroborate
from quotecheck.crosscheck.align import marked_tokens, normalize_quote, tokens
from quotecheck.models import Article


@pytest.mark.parametrize(
    ("a", "b", "severity", "reason"),
    [
        # nothing the speaker said changed
        ("It is time to act", "It's time to act", "info", "punctuation"),
        ("We will organise talks", "We will organize talks", "info", "spelling"),
        ("We destroyed five trucks", "We destroyed 5 trucks", "info", "number-words"),
        ("We will, uh, rebuild the pier", "We will rebuild the pier", "info", "filler"),
        (
            "We will rebuild ... by spring",
            "We will rebuild the harbor by spring",
            "info",
            "omission",
        ),
        ("Once [the ferry] is fixed we sail", "Once it is fixed we sail", "info", "editorial"),
        (
            "No, we will not raise the fares this year",
            "We will not raise the fares this year",
            "info",
            "omission",
        ),
        (
            "We will keep the ferries running. Do not expect a new boat soon.",
            "We will keep the ferries running.",
            "info",
            "omission",
        ),
        (
            "And we will keep the ferries running",
            "We will keep the ferries running",
            "info",
            "omission",
        ),
        # a misquote an editor should see
        ("We will strike the targets", "We will strike targets", "warning", "function-words"),
        (
            "It takes a couple of clicks to book",
            "It takes a couple clicks to book",
            "warning",
            "function-words",
        ),
        (
            "He was a beneficiary of the laws",
            "He was a beneficiary of the law",
            "warning",
            "inflection",
        ),
        ("We will strike the bases", "We will strike the camps", "warning", "content-words"),
        (
            "We will keep every ferry running through the winter months",
            "We will keep every ferry running through the winter",
            "warning",
            "content-words",
        ),
        # what was said is reversed or altered
        ("We will strike the bases", "We will not strike the bases", "error", "negation"),
        ("We can't accept this", "We can accept this", "error", "negation"),
        (
            "We will keep the ferries running",
            "We will not keep the ferries running",
            "error",
            "negation",
        ),
        ("We will not", "We will", "error", "negation"),
        # an aside one wording leaves out is added material, not a flip
        (
            "There has never been a man or a woman more qualified than her",
            "There has never been a man or a woman, not me, not him, nobody more qualified than her",
            "warning",
            "content-words",
        ),
        ("We destroyed 500 trucks", "We destroyed 50 trucks", "error", "number"),
        ("Prices will increase", "Prices will decrease", "error", "meaning-flip"),
        ("We support the plan", "We oppose the plan", "error", "meaning-flip"),
    ],
)
def test_assess_change(a: str, b: str, severity: str, reason: str) -> None:
    change = assess_change(marked_tokens(a), marked_tokens(b))
    assert change.severity == severity
    assert reason in change.reasons


@pytest.mark.parametrize(
    "text", ["No, we won't ... ever [the ferry] - gone; 1,200 jobs.", "It's it's"]
)
def test_marked_tokens_are_the_tokens(text: str) -> None:
    assert marked_tokens(text).words == tokens(text)


def test_partial_quote_is_compared_with_its_window_only() -> None:
    change = compare_wordings(
        normalize_quote(ORDER_A), normalize_quote("treat them as allies"), "fragment"
    )
    assert change.severity == "info"


def _by_code(findings: list, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_translation_variants_are_warnings_with_a_diff() -> None:
    found = _by_code(run_checks(story()), "QC101")
    assert found and all(f.severity in ("warning", "info") for f in found)
    pair = next(f for f in found if {e.source for e in f.evidence} == {"wire.txt", "daily.txt"})
    assert pair.details["diff"] == ["it is essential to -> you must"]
    assert pair.details["match"] == "variant"
    assert "Vladimir Putin" in pair.message
    assert {e.role for e in pair.evidence} == {"variant"}  # one source each: a tie
    texts = {e.text for e in pair.evidence}
    assert texts == {ORDER_A, ORDER_B}


def test_identical_quotes_raise_nothing() -> None:
    words = "The talks will continue next week in Vienna"
    arts = [
        quoted("a.txt", "Sergei Lavrov", words),
        quoted("b.txt", "Mr Lavrov", "“" + words + ",”"),
    ]
    assert run_checks(arts) == []


def test_copied_article_counts_as_one_source() -> None:
    a = quoted("a.txt", "Sergei Lavrov", "We will send ground troops")
    b = a.model_copy(update={"source": "mirror.txt"})
    c = quoted("c.txt", "Sergei Lavrov", "We will not send ground troops")
    [finding] = run_checks([a, b, c])
    assert {e.role for e in finding.evidence} == {"variant"}  # 1 independent source against 1


def test_same_article_twice_raises_nothing() -> None:
    a = quoted("a.txt", "Sergei Lavrov", "We will not send ground troops")
    b = ArticleBuilder("a.txt", 'Sergei Lavrov said: "We will send ground troops"')
    b.quote("We will send ground troops", b.speaker("Sergei Lavrov"))
    # same source name: one source, never compared with itself
    assert run_checks([a, b.build()]) == []


def test_negation_change_is_an_error_with_majority_and_outlier() -> None:
    words = "We will send ground troops to Syria"
    arts = [
        quoted("a.txt", "Sergei Lavrov", words),
        quoted("b.txt", "Sergei Lavrov", words),
        quoted("c.txt", "Lavrov", "We will not send ground troops to Syria"),
    ]
    [finding] = run_checks(arts)
    assert (finding.code, finding.kind, finding.severity) == (
        "QC101",
        "quote-wording-mismatch",
        "error",
    )
    assert finding.details["reasons"] == ["negation"]
    roles = {e.source: e.role for e in finding.evidence}
    assert roles == {"a.txt": "majority", "b.txt": "majority", "c.txt": "outlier"}
    assert finding.details["outliers"] == ["c.txt"]


def test_different_speakers_wording_is_not_qc101() -> None:
    arts = [
        quoted("a.txt", "Sergei Lavrov", "We will send ground troops to Syria"),
        quoted("b.txt", "John Kerry", "We will not send ground troops to Syria"),
    ]
    assert _by_code(run_checks(arts), "QC101") == []


def test_fingerprint_ignores_offsets_and_order() -> None:
    words = "We will send ground troops to Syria"
    other = "We will send ground troops into Syria"
    arts = [quoted("a.txt", "Sergei Lavrov", words), quoted("b.txt", "Lavrov", other)]
    moved = ArticleBuilder("b.txt", 'Earlier that day, Lavrov said: "' + other + '"')
    moved.quote(other, moved.speaker("Lavrov"))
    first = run_checks(arts)
    second = run_checks([moved.build(), arts[0]])
    assert first and [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert first[0].evidence != second[0].evidence


def test_short_fragment_in_two_wordings_does_not_make_them_agree() -> None:
    a = quoted("a.txt", "Vladimir Putin", ORDER_A)
    b = quoted("b.txt", "Vladimir Putin", ORDER_B)
    c = ArticleBuilder("c.txt", 'Putin told the navy to work with the French "as allies".')
    c.quote("as allies", c.speaker("Vladimir Putin", mention="Putin"), kind="partial")
    found = [f for f in run_checks([a, b, c.build()]) if f.code == "QC101"]
    assert len(found) == 1
    # the two-word fragment is corroboration, not a vote: still one source against one
    assert {e.role for e in found[0].evidence if e.text != "as allies"} == {"variant"}


def _said(
    source: str,
    words: str,
    name: str | None = "Maria Lopes",
    *,
    before: str = "",
    mention: str | None = None,
    resolution: str = "explicit",
) -> Article:
    cue = mention or name or "someone"
    text = f'{before}"{words}," {cue} said.'
    b = ArticleBuilder(source, text)
    speaker = (
        b.speaker(name, mention=cue, resolution=resolution, occurrence=text.count(cue) - 1)
        if name is not None
        else None
    )
    b.quote(words, speaker)
    return b.build()


def _qc101(arts: list[Article]) -> list:
    return [f for f in run_checks(arts) if f.code == "QC101"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # an ellipsis marks an omission, not a change
        (
            "We will rebuild the harbor wall and the ferry pier by spring",
            "We will rebuild the harbor wall ... by spring",
            ["info"],
        ),
        # small real wording changes in a direct quote
        (
            "Booking a crossing now takes a couple of clicks on the new website",
            "Booking a crossing now takes a couple clicks on the new website",
            ["warning"],
        ),
        (
            "The island was the biggest beneficiary of the laws passed last year",
            "The island was the biggest beneficiary of the law passed last year",
            ["warning"],
        ),
        # a reversed statement
        (
            "We will keep the ferries running all winter",
            "We will not keep the ferries running all winter",
            ["error"],
        ),
    ],
)
def test_one_statement_two_wordings(a: str, b: str, expected: list[str]) -> None:
    found = _qc101([_said("a.txt", a), _said("b.txt", b)])
    assert [f.severity for f in found] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a leading "No," is not an added negation
        (
            "No, we're not going to raise the ferry fares on island families",
            "We are not going to raise ferry fares on island families",
        ),
        # a "not" in a sentence only one side carries is no flip
        (
            "We will keep the ferries running all winter. Don't expect a new boat soon.",
            "We'll keep the ferries running all of the winter.",
        ),
    ],
)
def test_a_negation_outside_the_aligned_clauses_is_no_flip(a: str, b: str) -> None:
    [finding] = _qc101([_said("a.txt", a), _said("b.txt", b)])
    assert finding.severity == "warning"
    assert "negation" not in finding.details["reasons"]


def test_a_small_change_is_not_word_for_word_corroboration() -> None:
    laws = "The island was the biggest beneficiary of the laws passed last year"
    law = "The island was the biggest beneficiary of the law passed last year"
    arts = [_said("a.txt", laws), _said("b.txt", laws, before="On Monday: "), _said("c.txt", law)]
    [finding] = _qc101(arts)
    assert (finding.severity, finding.details["reasons"]) == ("warning", ["inflection"])
    [carried] = corroborate(arts)
    assert carried.agreeing == ("a.txt", "b.txt") and carried.outliers == ("c.txt",)


def test_sentences_never_aligned_directly_are_not_compared() -> None:
    """Two sentences of one speech in two articles are joined only through a third
    article quoting both: each is compared with that one, never with the other."""
    first = "We will rebuild the harbour wall before the spring storms"
    second = "The ferries will keep running to the mainland all winter"
    both = (
        "We will rebuild the harbor wall before the spring storms, "
        "and the ferries will keep running to the mainland through winter"
    )
    found = _qc101([_said("a.txt", first), _said("b.txt", second), _said("c.txt", both)])
    assert found and all(f.details["similarity"] > 0 for f in found)
    assert all("c.txt" in {e.source for e in f.evidence} for f in found)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The harbor is the heart of this town and we will never let it die",
            "This town has always lived off its harbor and I will never let that end",
        ),
        # a talking point worded afresh in two interviews: several edits, a fifth of it
        (
            "If you do not want higher fares or fewer sailings, you had better vote for the harbor plan",
            "If you don't want fewer sailings or higher fares next year, you had better back the harbor plan",
        ),
    ],
)
def test_two_statements_sharing_words_are_a_note_at_most(a: str, b: str) -> None:
    found = _qc101([_said("a.txt", a), _said("b.txt", b)])
    assert {f.severity for f in found} <= {"info"}
    assert all("weak-alignment" in f.details["reasons"] for f in found)


WINTER = "We will keep every ferry running through the winter months"
WINTER_CUT = "We will keep each ferry running through the winter months"


@pytest.mark.parametrize(
    "other",
    [
        # a pronoun bound to the wrong person
        _said(
            "b.txt",
            WINTER_CUT,
            "Tom Berg",
            before="Tom Berg runs the port. ",
            mention="he",
            resolution="pronoun",
        ),
        # no speaker at all
        _said("b.txt", WINTER_CUT, None),
    ],
)
def test_a_wording_is_compared_even_when_one_speaker_is_wrong(other: Article) -> None:
    [finding] = _qc101([_said("a.txt", WINTER), other])
    assert finding.severity == "warning"
    assert finding.details["speaker"] == "Maria Lopes"
    assert "credit the words differently" in finding.message


def test_two_strong_speakers_are_left_to_qc102() -> None:
    a = _said("a.txt", WINTER)
    b = _said("b.txt", WINTER_CUT, "Tom Berg")
    assert _qc101([a, b]) == []


@pytest.mark.parametrize(
    ("before", "severity"),
    [
        ("", "warning"),  # an English speaker: a changed word is a misquote
        ("Russian minister Maria Lopes spoke at the port. ", "info"),  # a translation
        ("Speaking in Russian at the port, the minister was firm. ", "info"),
    ],
)
def test_translation_variants_are_notes(before: str, severity: str) -> None:
    a = _said("a.txt", "You need to establish direct contact with the French fleet", before=before)
    b = _said("b.txt", "It is necessary to establish direct contact with the French fleet")
    [finding] = _qc101([a, b])
    assert finding.severity == severity
    if severity == "info":
        assert "translation" in finding.details["reasons"]
        assert finding.details["note"].startswith("translation variants")


SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")
def test_the_seeds_translations_of_one_order_are_notes() -> None:
    """Putin's order, rendered two ways by two wires: translation variants (info) with
    the reason, so `--fail-on warning` does not block on them."""
    report = quotecheck.check(sorted(str(p) for p in SEEDS.glob("0*.txt")))
    putin = [
        f
        for f in report.findings
        if f.code == "QC101" and f.details.get("speaker") == "Vladimir Putin"
    ]
    assert putin and {f.severity for f in putin} == {"info"}
    assert any("translation" in f.details["reasons"] for f in putin)  # type: ignore[operator]


def test_a_programme_title_is_not_a_quote_wording() -> None:
    a = _said("a.txt", "Face the Nation Sunday Edition")
    b = _said("b.txt", "Face the Nation Weekend Edition")
    assert _qc101([a, b]) == []
    # the same change in words that are speech is compared
    c = _said("c.txt", "We face the nation on Sunday with the plan")
    d = _said("d.txt", "We face the nation on Monday with the plan")
    assert [f.severity for f in _qc101([c, d])] == ["warning"]


def test_a_message_names_a_few_sources_and_counts_the_rest() -> None:
    # twelve outlets carry one wording and three another: the message stays readable,
    # the evidence keeps every source
    same = "We will keep the port open to every ship that asks"
    other = "We will keep the port open to any ship that asks us"
    arts = [quoted(f"outlet{n:02d}.txt", "Marta Ruiz", same) for n in range(12)]
    arts += [quoted(f"other{n}.txt", "Marta Ruiz", other) for n in range(3)]
    [finding] = _by_code(run_checks(arts), "QC101")
    assert len({e.source for e in finding.evidence}) == 15
    assert "(+4 more)" in finding.message and "outlet07.txt" in finding.message
    assert "outlet11.txt" not in finding.message
    assert all(f"other{n}.txt" in finding.message for n in range(3))


def test_listed_counts_what_it_leaves_out() -> None:
    from quotecheck.checks.rule import listed

    assert listed([]) == ""
    assert listed(["a", "b"]) == "a, b"
    assert listed([str(n) for n in range(8)]) == "0, 1, 2, 3, 4, 5, 6, 7"
    assert listed([str(n) for n in range(10)], most=3) == "0, 1, 2 (+7 more)"
    assert listed(["a", "b", "c"], most=2, sep="; ") == "a; b (+1 more)"
