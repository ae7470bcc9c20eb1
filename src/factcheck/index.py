"""A claim index of a corpus in SQLite, so a re-check only re-reads the files that changed.

Each file's claims are stored under its path with its size, modification time
and content hash, and the version of factcheck and of the rules that read it.
An unchanged file (same size and time) is not opened again; a touched file
whose content hash is unchanged is not extracted again. The index is a cache:
deleting it loses nothing, and a broken one is rebuilt.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from . import packs
from .extract import extract_source
from .models import Document
from .sources import discover, read

NAME = ".factcheck-cache.sqlite"


def rules_version(rule_set: packs.Packs, published_on: str | None) -> str:
    """What the stored claims depend on besides the file: factcheck, its rules, --published."""
    text = rule_set.model_dump_json() + (published_on or "") + version("factcheck")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def default_location(paths: list[Path]) -> Path:
    """Beside the corpus: in its folder, or beside its first file."""
    first = paths[0]
    return (first if first.is_dir() else first.parent) / NAME


class ClaimIndex:
    """Documents of a corpus, kept between runs."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.reads = 0  # files opened in this run, for the curious and for tests
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            location.unlink(missing_ok=True)  # a cache: rebuild rather than fail
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.location)
        db.execute(
            "CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
            " digest TEXT, rules TEXT, document TEXT)"
        )
        return db

    def documents(
        self,
        paths: list[Path],
        published_on: str | None,
        rule_set: packs.Packs,
        on_skip: Callable[[str, str], None] | None = None,
    ) -> list[Document]:
        """Every document under `paths`, from the index where the file has not changed."""
        version_key = rules_version(rule_set, published_on)
        found = discover(paths)
        if on_skip is not None:
            for path, reason in found.skipped:
                on_skip(path.as_posix(), reason)
        docs = []
        for path in found.files:
            if path.name == NAME:
                continue
            doc = self._document(path, version_key, published_on, rule_set)
            if doc is None:
                if on_skip is not None:
                    on_skip(path.as_posix(), "binary file")
                continue
            docs.append(doc)
        self.db.commit()
        return docs

    def _document(
        self, path: Path, version_key: str, published_on: str | None, rule_set: packs.Packs
    ) -> Document | None:
        key = path.as_posix()
        stat = path.stat()
        row = self.db.execute(
            "SELECT size, mtime, digest, rules, document FROM documents WHERE path = ?", (key,)
        ).fetchone()
        if (
            row is not None
            and row[3] == version_key
            and (row[0], row[1]) == (stat.st_size, stat.st_mtime_ns)
        ):
            return Document.model_validate_json(row[4]) if row[4] else None
        source = read(path)
        self.reads += 1
        digest = hashlib.sha256(source.data).hexdigest()
        if row is not None and row[3] == version_key and row[2] == digest:
            document = row[4]
        else:
            doc = extract_source(source, published_on, rule_set)
            document = doc.model_dump_json() if doc is not None else ""
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
            (key, stat.st_size, stat.st_mtime_ns, digest, version_key, document),
        )
        return Document.model_validate_json(document) if document else None

    def close(self) -> None:
        self.db.close()
