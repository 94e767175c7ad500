"""Print the scores the gold tests measured at the end of the run."""

from __future__ import annotations

import pytest

from tests.gold.scoring import REPORTED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REPORTED:
        terminalreporter.section("date tagger on the gold standards")
        for name, scores in REPORTED.items():
            terminalreporter.write_line(f"{name}: {scores}")
