"""Speaker resolution and descriptions."""

from __future__ import annotations

import quotecheck
from quotecheck.models import Quote


def _quote(article: quotecheck.Article, words: str) -> Quote:
    for q in article.quotes:
        if words in q.text:
            return q
    raise AssertionError(f"no quote containing {words!r}")


def test_short_name_resolves_to_full_name() -> None:
    text = (
        "Colonel-General Andrey Kartapolov of Russia's General Staff briefed reporters.\n\n"
        '"Our pilots destroyed 500 fuel trucks," Kartapolov said.\n'
    )
    q = _quote(quotecheck.extract(text), "fuel trucks")
    assert q.speaker is not None
    assert q.speaker.name == "Andrey Kartapolov"
    assert q.speaker.resolution == "short-name"
    assert q.speaker.mention.text == "Kartapolov"
    assert q.speaker.antecedent is not None and q.speaker.antecedent.text == "Andrey Kartapolov"
    # the description comes from the earlier, fuller mention
    assert q.speaker.role is not None and q.speaker.role.value == "Colonel-General"
    assert (
        q.speaker.organization is not None
        and q.speaker.organization.value == "Russia's General Staff"
    )


def test_pronoun_resolves_to_nearest_compatible_person() -> None:
    text = (
        "Defense Minister Sergei Shoigu spoke at the meeting on Tuesday.\n\n"
        '"The bombardment is continuing," he said.\n'
    )
    q = _quote(quotecheck.extract(text), "bombardment")
    assert q.speaker is not None
    assert q.speaker.mention.text == "he"
    assert q.speaker.resolution == "pronoun"
    assert q.speaker.name == "Sergei Shoigu"


def test_pronoun_gender_skips_incompatible_person() -> None:
    text = (
        'Prime Minister Theresa May met Mr Hollande in London.\n\n"We stand together," she said.\n'
    )
    q = _quote(quotecheck.extract(text), "stand together")
    assert q.speaker is not None and q.speaker.name == "Theresa May"


def test_ambiguous_pronoun_is_left_unresolved() -> None:
    text = (
        "General Valery Gerasimov called General Pierre de Villiers on Tuesday.\n\n"
        '"We agreed on the coordination," he said.\n'
    )
    q = _quote(quotecheck.extract(text), "coordination")
    assert q.speaker is not None
    assert q.speaker.resolution == "unresolved"
    assert q.speaker.mention.text == "he"


def test_description_pre_modifiers() -> None:
    text = 'Russian Foreign Affairs Minister Laurent Fabius told France Inter radio: "We must bring our forces together."'
    q = _quote(quotecheck.extract(text), "bring our forces")
    sp = q.speaker
    assert sp is not None and sp.name == "Laurent Fabius"
    assert sp.nationality is not None and sp.nationality.value == "Russia"
    assert sp.nationality.span.text == "Russian"
    assert sp.role is not None and sp.role.value == "Foreign Affairs Minister"
    assert text[sp.role.span.start : sp.role.span.end] == "Foreign Affairs Minister"


def test_description_appositive() -> None:
    text = '"We will close the plant in June," Dana Whitfield, the company\'s chief financial officer, said.'
    q = _quote(quotecheck.extract(text), "close the plant")
    sp = q.speaker
    assert sp is not None and sp.name == "Dana Whitfield"
    assert sp.role is not None and sp.role.value == "chief financial officer"


def test_chain_citing_person_via_agency() -> None:
    text = (
        "Colonel-General Andrey Kartapolov spoke on Thursday.\n\n"
        'Citing Kartapolov, Tass reports, "Russian warplanes have destroyed about 500 fuel tank trucks."\n'
    )
    q = _quote(quotecheck.extract(text), "fuel tank trucks")
    sp = q.speaker
    assert sp is not None and sp.name == "Andrey Kartapolov"
    assert sp.via == "Tass"
    assert q.rule == "before:chain"


def test_organisation_speaker_kind() -> None:
    q = quotecheck.extract('"Talks will go on," the Russian defence ministry said.').quotes[0]
    assert q.speaker is not None and q.speaker.kind == "organization"


def test_nominal_speaker_before_a_verb_keeps_its_words() -> None:
    q = quotecheck.extract('The harbour master said: "The ferry will sail at six."').quotes[0]
    assert q.speaker is not None and q.speaker.name == "The harbour master"


def test_appositive_name_after_a_nominal_is_the_speaker() -> None:
    q = quotecheck.extract('The mayor, Tom Lee, said: "Not before the vote."').quotes[0]
    sp = q.speaker
    assert sp is not None and sp.name == "Tom Lee"
    assert sp.role is not None and sp.role.value == "mayor"


def test_lowercase_descriptor_before_a_name_is_a_role() -> None:
    q = quotecheck.extract('"The library reopens on Monday," librarian Ann Park said.').quotes[0]
    sp = q.speaker
    assert sp is not None and sp.name == "Ann Park"
    assert sp.role is not None and sp.role.value == "librarian"


def test_the_company_resolves_to_the_company_named_before() -> None:
    text = (
        "Corvane Industries Inc. said on Tuesday it would close the plant.\n\n"
        '"The decision was not taken lightly," the company said in a statement.\n'
    )
    q = quotecheck.extract(text).quotes[-1]
    sp = q.speaker
    assert sp is not None and sp.kind == "organization"
    assert sp.name == "Corvane Industries" and sp.resolution == "nominal"
    assert sp.mention.text == "the company"
    assert sp.antecedent is not None and sp.antecedent.text == "Corvane Industries"


def test_the_company_stays_as_written_when_no_company_is_named() -> None:
    q = quotecheck.extract('"We will appeal," the company said.').quotes[0]
    assert q.speaker is not None and q.speaker.name == "the company"
