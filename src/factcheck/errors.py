"""Errors a user can act on: one line, naming the file (and line), exit status 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: a path that cannot be read, a rule file that does not validate."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"
