"""Print the attribution rule table, or rewrite it in a markdown file:
``python -m quotecheck.devtools.rule_table [--write docs/architecture.md]``.

The table comes from the declarations in :mod:`quotecheck.extract.attribution`;
tests/extract/test_attribution_rules.py fails when docs/architecture.md holds an older one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quotecheck.extract.attribution import rule_table, write_rule_table

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quotecheck.devtools.rule_table",
        description="Print the attribution rule table, or rewrite it in a markdown file.",
    )
    parser.add_argument(
        "--write", type=Path, metavar="FILE", help="a markdown file holding the table's block"
    )
    args = parser.parse_args(argv)
    if args.write is None:
        print(rule_table(), end="")
        return 0
    path: Path = args.write
    path.write_text(write_rule_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
