"""Reported speech and mixed quotes (issue 15), on our own text."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotecheck
from quotecheck.models import Quote


def _reported(text: str) -> list[Quote]:
    return [q for q in quotecheck.extract(text).quotes if q.kind == "reported"]


def test_a_newsroom_adds_a_speech_verb_through_the_lexicon_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "harrumphed" becomes a reporting verb (reporting_verbs.txt) and a speech verb
    # (speech_verbs.txt): only then does it introduce reported speech
    # (lexicons are cached per folder, so each variant has its own folder)
    text = "The senator harrumphed that the budget office had invented the savings."
    assert _reported(text) == []
    only_cue, both = tmp_path / "cue", tmp_path / "both"
    for d in (only_cue, both):
        d.mkdir()
        (d / "reporting_verbs.txt").write_text("harrumphed\n", encoding="utf-8")
    (both / "speech_verbs.txt").write_text("harrumphed\n", encoding="utf-8")
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(only_cue))
    assert _reported(text) == []
    monkeypatch.setenv("QUOTECHECK_LEXICON_DIR", str(both))
    [q] = _reported(text)
    assert q.text == "the budget office had invented the savings"
    assert q.speaker is not None and q.speaker.name == "The senator"
