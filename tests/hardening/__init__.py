"""Hardening: bad input, crashes, concurrency, API security and determinism.

Bounded for the normal suite; ``make fuzz`` runs the coverage-guided reader
fuzzers (``fuzz/run.py``), the 50 MB inputs and these tests with more rounds:
``BILATERAL_CRASH_ROUNDS`` (SIGKILL rounds, 2 here), ``BILATERAL_CRASH_SEED``
(repeat a run's kill points) and ``BILATERAL_SCHEMATHESIS_EXAMPLES`` (examples
per operation and mode, 8 here). The figures measured are printed at the end
of the run under "hardening figures".
"""
