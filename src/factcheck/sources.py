"""Find the input files and read their bytes. Nothing here ever writes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True)
class Source:
    """One input file: the path as the user will read it, and its bytes."""

    path: str
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.path).suffix.lower()


@dataclass(frozen=True)
class Discovery:
    """The files to read, and the ones passed over with the reason."""

    files: list[Path]
    skipped: list[tuple[Path, str]]


def discover(paths: list[Path]) -> Discovery:
    """Expand folders into their article files; a missing path is an InputError."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
        if path.is_dir():
            try:
                found = sorted(_walk(path))
            except OSError as exc:
                raise InputError(str(path), exc.strerror or "cannot list folder") from exc
            for f in found:
                (
                    files.append(f)
                    if f.suffix.lower() in SUFFIXES
                    else skipped.append((f, "not an article file"))
                )
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            # A file named explicitly is read whatever its name: the user asked for it.
            files.append(path)
    seen: set[Path] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return Discovery(unique, skipped)


def _walk(root: Path) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    return out


def read(path: Path) -> Source:
    """Read a file's bytes; an unreadable file is an InputError naming it."""
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder") from exc
    except OSError as exc:
        raise InputError(str(path), (exc.strerror or "cannot read").lower()) from exc
    return Source(path.as_posix(), data)
