"""Find the input files and read their bytes. Nothing here ever writes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
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
class Skip:
    """An input left out, shown as `path: reason` on stderr.

    `ignored` marks a file a folder holds besides articles: noted, but nobody asked
    for it, so it does not make the run incomplete. `error` is the exception behind
    an internal error, for --debug.
    """

    path: str
    reason: str
    ignored: bool = False
    error: BaseException | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Discovery:
    """The files to read, and the inputs left out with the reason."""

    files: list[Path]
    skipped: list[Skip]


def discover(paths: list[Path]) -> Discovery:
    """Expand folders into their article files; a missing path or an unlistable folder is skipped."""
    files: list[Path] = []
    skipped: list[Skip] = []
    for path in paths:
        if not path.exists():
            skipped.append(Skip(str(path), "no such file or folder"))
        elif path.is_dir():
            errors: list[OSError] = []
            for f in sorted(_walk(path, errors.append)):
                if f.suffix.lower() in SUFFIXES:
                    files.append(f)
                else:
                    skipped.append(Skip(f.as_posix(), "ignored: not an article file", ignored=True))
            for exc in errors:
                where = exc.filename or str(path)
                skipped.append(Skip(str(where), (exc.strerror or "cannot list folder").lower()))
        else:
            # A file named explicitly is read whatever its name: the user asked for it.
            files.append(path)
    seen: set[Path] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return Discovery(unique, skipped)


def _walk(root: Path, on_error: Callable[[OSError], None]) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    return out


DEFAULT_MAX_SIZE = 20_000_000


def read(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read a file's bytes, at most `max_size`; an unreadable or larger file is an InputError."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(str(path), f"skipped: {_too_big(size, max_size)}")
        with path.open("rb") as handle:
            # Bounded even where the size on record lies: a device, a pipe, a growing file.
            data = handle.read(max_size + 1)
    except IsADirectoryError as exc:
        raise InputError(str(path), "is a folder") from exc
    except OSError as exc:
        raise InputError(str(path), (exc.strerror or "cannot read").lower()) from exc
    if len(data) > max_size:
        raise InputError(str(path), f"skipped: more than --max-file-size {format_size(max_size)}")
    return Source(path.as_posix(), data)


def _too_big(size: int, limit: int) -> str:
    shown, cap = format_size(size), format_size(limit)
    if shown == cap:
        shown, cap = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{shown} is over --max-file-size {cap}"


_SIZE = re.compile(r"\s*(\d{1,15}(?:\.\d{1,6})?)\s*([kmgt]?)(i?)b?\s*", re.IGNORECASE)
_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4}


def parse_size(text: str) -> int:
    """Bytes in "20MB", "500 kB", "1.5GiB" or "2000000" (MB is 10^6 bytes, MiB 2^20).

    Written here because the one library that parses sizes would be a dependency
    for these few lines, and pint reads "mb" as millibarns.
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size such as 20MB or 500kB")
    number, prefix, binary = match.groups()
    if binary and not prefix:
        raise ValueError(f"{text!r} is not a size such as 20MB or 500kB")
    base = 1024 if binary else 1000
    return int(float(number) * base ** _POWERS[prefix.lower()])


def format_size(size: int) -> str:
    """ "31.2 MB": decimal units, one decimal at most."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} B"
