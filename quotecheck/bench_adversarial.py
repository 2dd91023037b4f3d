"""``python -m quotecheck.bench_adversarial``: runs :mod:`quotecheck.devtools.bench_adversarial`."""

from quotecheck.devtools.bench_adversarial import main

if __name__ == "__main__":
    raise SystemExit(main())
