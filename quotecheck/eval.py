"""``python -m quotecheck.eval``: runs :mod:`quotecheck.devtools.eval`."""

from quotecheck.devtools.eval import main

if __name__ == "__main__":
    raise SystemExit(main())
