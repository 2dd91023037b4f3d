"""Spreading extraction and checks over several processes or machines.

* :mod:`.pool`: ``--jobs N``, extraction in a local process pool, results in input order;
* :mod:`.job`: the corpus job on a Ray cluster (``pip install 'quotecheck[dist]'``).

Importing this package imports neither Ray nor pyarrow; :mod:`.job` does, on use.
"""
