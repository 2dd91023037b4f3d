"""Development tools: benchmarks, the synthetic corpus, scoring against a gold file.

Nothing here is part of the public API, and the package never imports it. The commands
keep their short names: ``python -m quotecheck.bench``, ``python -m
quotecheck.bench_adversarial`` and ``python -m quotecheck.eval`` run :mod:`.bench`,
:mod:`.bench_adversarial` and :mod:`.eval` here.
"""
