"""The adapter from stanza Documents to quotecheck's Analysis, on CoNLL-U fixtures read
through stanza's real reader (no models needed)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("stanza", reason="the stanza extra is not installed")

from quotecheck.analysis.base import Analysis, Sentence, Token
from quotecheck.analysis.rules import RulesAnalyzer
from quotecheck.analysis.stanza_backend import (
    document_to_analysis,
    entity_label,
)
from quotecheck.errors import UsageError

from .conftest import DATA, add_coref, kartapolov_doc, stanza_doc, who_doc

KARTAPOLOV_TEXT = (
    "Russian lawmaker Andrei Kartapolov said on Tuesday that the army would change its tactics."
    "\n\n“We will organize joint operations,” Kartapolov said."
    "\n\n“It's necessary to act quickly,” he said."
    "\n\nThe Defence Ministry in Moscow declined to comment."
)


def kartapolov(*, coref: bool = True) -> tuple[Any, Analysis]:
    doc, text = kartapolov_doc(coref=coref)
    return doc, document_to_analysis(doc, text)


def who() -> tuple[Any, str, Analysis]:
    doc, text = who_doc()
    return doc, text, document_to_analysis(doc, text)


def words(sentence: Sentence) -> list[str]:
    return [t.text for t in sentence.tokens]


def test_fixture_text_is_rebuilt_by_stanza() -> None:
    doc, analysis = kartapolov()
    assert doc.text == KARTAPOLOV_TEXT
    assert analysis.text == KARTAPOLOV_TEXT
    assert analysis.backend == "stanza"


@pytest.mark.parametrize("fixture", ["kartapolov", "who"])
def test_every_single_word_token_is_its_text(fixture: str) -> None:
    if fixture == "kartapolov":
        doc, analysis = kartapolov()
        text = analysis.text
    else:
        doc, text, analysis = who()
    mwt_words = {
        (si, wi)
        for si, sent in enumerate(doc.sentences)
        for wi, word in enumerate(sent.words)
        if len(word.parent.words) > 1
    }
    assert mwt_words, "the fixture should contain a multi-word token"
    for si, sentence in enumerate(analysis.sentences):
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        for wi, tok in enumerate(sentence.tokens):
            if (si, wi) not in mwt_words:
                assert text[tok.start : tok.end] == tok.text
            assert sentence.start <= tok.start <= tok.end <= sentence.end


def test_sentences_and_paragraphs() -> None:
    _, analysis = kartapolov()
    text = analysis.text
    assert [text[s.start : s.end] for s in analysis.sentences] == KARTAPOLOV_TEXT.split("\n\n")
    assert [text[a:b] for a, b in analysis.paragraphs] == KARTAPOLOV_TEXT.split("\n\n")
    assert analysis.paragraphs == RulesAnalyzer().analyze(text).paragraphs


def test_quote_sentence_heads_and_relations() -> None:
    _, analysis = kartapolov()
    quote = analysis.sentences[1]
    assert words(quote) == [
        "“",
        "We",
        "will",
        "organize",
        "joint",
        "operations",
        ",",
        "”",
        "Kartapolov",
        "said",
        ".",
    ]
    by_text = {t.text: (i, t) for i, t in enumerate(quote.tokens)}
    said_i, said = by_text["said"]
    assert said.head == -1 and said.deprel == "root" and said.lemma == "say"
    assert said.upos == "VERB"
    # speech verb -> subject through the tree: the speaker
    subjects = [t.text for t in quote.tokens if t.head == said_i and t.deprel == "nsubj"]
    assert subjects == ["Kartapolov"]
    # the quoted clause hangs off the verb
    organize_i, organize = by_text["organize"]
    assert organize.head == said_i and organize.deprel == "ccomp"
    assert by_text["operations"][1].head == organize_i
    # closing mark and comma attach inside the quote, as UD does
    assert by_text["”"][1].head == organize_i


def test_multi_word_token_its_is_two_words_splitting_the_token() -> None:
    _, analysis = kartapolov()
    sent = analysis.sentences[2]
    assert words(sent)[:4] == ["“", "It", "'s", "necessary"]
    it, s = sent.tokens[1], sent.tokens[2]
    text = analysis.text
    assert text[it.start : s.end] == "It's"
    assert (text[it.start : it.end], text[s.start : s.end]) == ("It", "'s")
    assert (it.lemma, it.upos, it.deprel) == ("it", "PRON", "expl")
    assert (s.lemma, s.upos, s.deprel) == ("be", "AUX", "cop")
    assert it.head == s.head == 3  # both attach to "necessary" (0-based word index)
    said = sent.tokens[10]
    assert said.text == "said" and said.head == -1
    assert sent.tokens[9].text == "he" and sent.tokens[9].head == 10


def test_heads_are_zero_based_word_indices_with_one_root_per_sentence() -> None:
    doc, analysis = kartapolov()
    for stanza_sent, sentence in zip(doc.sentences, analysis.sentences, strict=True):
        assert [t.head for t in sentence.tokens] == [w.head - 1 for w in stanza_sent.words]
        assert sum(t.head == -1 for t in sentence.tokens) == 1
        assert all(
            t.head is not None and -1 <= t.head < len(sentence.tokens) for t in sentence.tokens
        )


def test_entities_from_ner_tags_in_misc() -> None:
    _, analysis = kartapolov()
    assert [(e.text, e.label) for e in analysis.entities] == [
        ("Russian", "NORP"),
        ("Andrei Kartapolov", "PERSON"),
        ("Tuesday", "DATE"),
        ("Kartapolov", "PERSON"),
        ("Defence Ministry", "ORG"),
        ("Moscow", "GPE"),
    ]
    for e in analysis.entities:
        assert analysis.text[e.start : e.end] == e.text


def test_coref_chain_gives_char_offsets_and_representative() -> None:
    _, analysis = kartapolov()
    (chain,) = analysis.coref
    text = analysis.text
    assert [text[a:b] for a, b in chain.mentions] == ["Andrei Kartapolov", "Kartapolov", "he"]
    assert chain.representative == 0
    he = analysis.sentences[2].tokens[9]
    assert chain.mentions[2] == (he.start, he.end)


def test_features_and_parse_flag() -> None:
    _, with_coref = kartapolov()
    assert with_coref.has_parse
    assert with_coref.features == {"pos", "lemma", "parse", "ner", "coref"}
    _, without = kartapolov(coref=False)
    assert without.coref == ()
    assert "coref" not in without.features
    doc, _ = kartapolov(coref=False)
    forced = document_to_analysis(doc, doc.text, features={"pos", "parse"})
    assert forced.features == {"pos", "parse"} and forced.has_parse


def test_offsets_from_stanza_written_misc_into_a_text_with_line_breaks() -> None:
    doc, text, analysis = who()
    assert doc.text is None  # not rebuilt: every offset comes from start_char/end_char
    assert [text[s.start : s.end] for s in analysis.sentences] == [
        'GENEVA (Reuters) - The World Health Organization said on Friday the outbreak was "under control".',
        "According to Maria Van Kerkhove, the WHO's technical lead, cases fell by 40 percent in a week.",
        '"We can\'t relax yet," she told\nreporters.',
    ]
    # paragraphs are the rules backend's (one per line), whatever stanza's sentences do
    assert analysis.paragraphs == RulesAnalyzer().analyze(text).paragraphs
    assert len(analysis.paragraphs) == 3
    cant = analysis.sentences[2].tokens[2:4]
    assert [t.text for t in cant] == ["ca", "n't"]
    assert [text[t.start : t.end] for t in cant] == ["ca", "n't"]
    assert [t.lemma for t in cant] == ["can", "not"]


def test_entities_decoded_from_token_tags_when_document_has_no_entity_list() -> None:
    doc, _, analysis = who()
    assert not doc.ents  # stanza builds the list only when it has the text
    assert [(e.text, e.label) for e in analysis.entities] == [
        ("GENEVA", "GPE"),
        ("Reuters", "ORG"),
        ("World Health Organization", "ORG"),
        ("Friday", "DATE"),
        ("Maria Van Kerkhove", "PERSON"),
        ("WHO", "ORG"),
        ("40 percent", "PERCENT"),
        ("a week", "DATE"),
    ]


def test_according_to_and_organisation_chain() -> None:
    _, text, analysis = who()
    org, person = analysis.coref
    assert [text[a:b] for a, b in org.mentions] == [
        "The World Health Organization",
        "the WHO",
        "We",
    ]
    assert [text[a:b] for a, b in person.mentions] == ["Maria Van Kerkhove", "she"]
    according = analysis.sentences[1]
    maria_i = words(according).index("Maria")
    assert according.tokens[0].text == "According"
    assert according.tokens[0].head == maria_i and according.tokens[0].deprel == "case"
    assert according.tokens[1].deprel == "fixed"
    lead = next(t for t in according.tokens if t.text == "lead")
    assert lead.deprel == "appos" and lead.head == maria_i


def test_representative_falls_back_to_longest_mention_when_dropped() -> None:
    doc = stanza_doc("kartapolov.conllu", reconstruct_text=True)
    add_coref(doc, [([(2, 9, 10), (0, 2, 4)], 1)])
    doc.coref[0].representative_index = None  # as stanza sets for all-zero-anaphor clusters
    chain = document_to_analysis(doc, doc.text).coref[0]
    text = doc.text
    # mentions come out in text order; the representative is the longest
    assert [text[a:b] for a, b in chain.mentions] == ["Andrei Kartapolov", "he"]
    assert chain.representative == 0


MWT_NOT_IN_TEXT = """\
# text = I dunno.
1-3\tdunno\t_\t_\t_\t_\t_\t_\t_\tstart_char=2|end_char=7|ner=O
1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tstart_char=7|end_char=8|ner=O
"""


def test_mwt_words_that_do_not_spell_the_token_get_the_token_span() -> None:
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=MWT_NOT_IN_TEXT)
    analysis = document_to_analysis(doc, "I dunno.")
    do, nt, know, stop = analysis.sentences[0].tokens
    assert [t.text for t in (do, nt, know)] == ["do", "n't", "know"]
    assert {(t.start, t.end) for t in (do, nt, know)} == {(2, 7)}
    assert (stop.start, stop.end, stop.text) == (7, 8, ".")
    assert know.head == -1 and do.head == 2


def test_document_without_offsets_is_a_usage_error() -> None:
    doc = stanza_doc("kartapolov.conllu")  # read without rebuilding the text: no offsets
    with pytest.raises(UsageError, match="character offsets"):
        document_to_analysis(doc, KARTAPOLOV_TEXT)


def test_document_from_stanza_dicts() -> None:
    """The other entry the brief names: Document(CoNLL.conll2dict(...)[0])."""
    from stanza.models.common.doc import Document
    from stanza.utils.conll import CoNLL

    sentences, comments, _ = CoNLL.conll2dict(input_file=str(DATA / "who.conllu"))
    doc = Document(sentences, comments=comments)
    text = (DATA / "who.txt").read_text(encoding="utf-8")
    analysis = document_to_analysis(doc, text)
    assert [len(s.tokens) for s in analysis.sentences] == [20, 21, 12]
    assert analysis.entities[4].text == "Maria Van Kerkhove"


@pytest.mark.parametrize(
    ("stanza_label", "ours"),
    [
        ("PERSON", "PERSON"),
        ("PER", "PERSON"),
        ("ORG", "ORG"),
        ("NORP", "NORP"),
        ("GPE", "GPE"),
        ("LOC", "LOC"),
        ("MISC", "MISC"),
        ("organization", "ORG"),
    ],
)
def test_entity_labels(stanza_label: str, ours: str) -> None:
    assert entity_label(stanza_label) == ours


def test_tokens_are_base_tokens() -> None:
    _, analysis = kartapolov()
    assert all(isinstance(t, Token) for s in analysis.sentences for t in s.tokens)
