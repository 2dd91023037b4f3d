"""``python -m quotecheck.bench``: runs :mod:`quotecheck.devtools.bench`."""

from quotecheck.devtools.bench import main

if __name__ == "__main__":
    raise SystemExit(main())
