"""Located problems: what every check of a scenario file reports, as `file:line:col: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in a file (line and column count from 1)."""

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.file}:{self.line}:{self.col}: {prefix}{self.message}"


class ScenarioError(Exception):
    """A file that could not be loaded; `problems` holds every located reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def refuse(file: str, line: int, col: int, message: str) -> ScenarioError:
    """A ScenarioError with a single located problem (for `raise refuse(...)`)."""
    return ScenarioError([Problem(file, line, col, message)])
