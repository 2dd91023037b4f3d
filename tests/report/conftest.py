"""Reports built from real extraction: two small articles written here, and the
plant-closure fixture story."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotecheck
from quotecheck.models import Report

ROOT = Path(__file__).resolve().parents[2]
PLANT = ROOT / "fixtures" / "story-plant-closure"

SCRIPT = "<script>document.title='PWNED';document.body.insertAdjacentHTML('beforeend','<p id=pwned>x</p>')</script>"

TEXTS = {
    "a.txt": (
        'MARLOW FALLS, Ind. — "We will close the plant in March and move 400 jobs," said Jane Doe, '
        'chief executive of Acme Corp.\r\n\r\n"It is a sad day," Doe added.\r\n'
    ),
    "b.txt": (
        'MARLOW FALLS — "We will shut the plant in March and move 400 jobs," said Jane Doe, '
        "chief financial officer of Acme Corp.\n\n"
        f'The mayor, Tom Lee, said: "{SCRIPT} is not what we need & 5 < 6."\n'
    ),
    "c.txt": (
        'Unrelated news: "The library reopens on Monday," librarian Ann Park said. '
        'Park called the repairs "long overdue" on Friday.\n\n'
        "Visitors found a handwritten note taped to the door.\n\n"
        '"Closed until further notice."\n'
    ),
}


@pytest.fixture(scope="session")
def small_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("articles")
    for name, text in TEXTS.items():
        (d / name).write_bytes(text.encode("utf-8"))
    return d


@pytest.fixture(scope="session")
def small_report(small_dir: Path) -> Report:
    return quotecheck.check([str(small_dir / n) for n in sorted(TEXTS)])


@pytest.fixture(scope="session")
def plant_report() -> Report:
    return quotecheck.check(
        [str(p) for p in sorted(PLANT.iterdir()) if p.suffix in {".txt", ".md", ".html"}]
    )
