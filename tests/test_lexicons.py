"""Lexicons are data: a newsroom extends them with a folder, no Python edited."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotecheck
from quotecheck.errors import ConfigError
from quotecheck.lexicons import countries, load_list, load_map, load_pairs

TEXT = '"The budget is a fantasy," the senator harrumphed.'


def test_packaged_lexicons_load() -> None:
    assert "said" in load_list("reporting_verbs.txt", ())
    assert load_map("demonyms.tsv", ())["French"] == "France"


def test_an_extra_lexicon_folder_adds_a_reporting_verb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert quotecheck.extract(TEXT).quotes[0].speaker is None
    (tmp_path / "reporting_verbs.txt").write_text(
        "# our desk's verbs\nharrumphed\n", encoding="utf-8"
    )
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(tmp_path))
    q = quotecheck.extract(TEXT).quotes[0]
    assert q.speaker is not None and q.speaker.name == "the senator"
    assert q.cue is not None and q.cue.text == "harrumphed"


def test_a_malformed_mapping_line_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "demonyms.tsv").write_text("Ruritanian Ruritania\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        load_map("demonyms.tsv", (tmp_path,))


def test_the_cross_check_reads_the_same_loader_case_folded() -> None:
    # the word lists the cross-check compares in are lexicons like any other
    assert "the" in load_list("stopwords.txt", (), lower=True)
    assert frozenset({"increase", "decrease"}) in load_pairs("antonyms.tsv", ())
    assert load_map("number_words.tsv", (), lower=True)["seven"] == "7"


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("russian", "Russia"),
        ("russia's", "Russia"),
        ("russia", "Russia"),
        ("u.s.", "United States"),
        ("u.s", "United States"),
        ("britain", "United Kingdom"),
        ("australian", "Australia"),
    ],
)
def test_one_country_table_from_demonyms_and_names(written: str, country: str) -> None:
    assert countries(())[written] == country


def test_an_extra_folder_adds_a_country_for_the_cross_check(tmp_path: Path) -> None:
    (tmp_path / "countries.tsv").write_text("Ruritania\tRuritania\n", encoding="utf-8")
    (tmp_path / "demonyms.tsv").write_text("Ruritanian\tRuritania\n", encoding="utf-8")
    table = countries((tmp_path,))
    assert table["ruritania"] == table["ruritanian"] == "Ruritania"


def test_pinned_holds_the_lexicon_folders_for_a_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotecheck.lexicons import lexicon_dirs, pinned

    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(tmp_path / "a"))
    with pinned() as held:
        monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(tmp_path / "b"))
        assert held == lexicon_dirs() == (tmp_path / "a",)
    assert lexicon_dirs() == (tmp_path / "b",)
