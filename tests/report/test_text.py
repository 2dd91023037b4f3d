"""The text report groups findings by story, then by speaker or measure."""

from __future__ import annotations

from pathlib import Path

import quotecheck
from quotecheck.report.text_report import render_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_two_stories_are_reported_apart_and_grouped_by_speaker() -> None:
    report = quotecheck.check(
        [str(FIXTURES / "story-plant-closure"), str(FIXTURES / "story-navy-alliance")]
    )
    text = render_text(report)
    lines = text.splitlines()
    story_heads = [i for i, line in enumerate(lines) if line.startswith("Story ")]
    assert len(story_heads) == 2
    plant, navy = sorted(story_heads, key=lambda i: "plant" not in lines[i])
    plant_block = lines[plant : navy if navy > plant else len(lines)]
    assert any(
        line.startswith("Rebecca Thornquist — speaker-description-conflict") for line in plant_block
    )
    assert not any("Laurent Fabius" in line for line in plant_block)
    assert text.rstrip().splitlines()[-1].startswith("9 articles")
