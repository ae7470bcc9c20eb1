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
from typing import Literal

from . import packs
from .errors import InputError
from .extract import align_trading_days, date_from_siblings, read_document
from .models import Document
from .sources import DEFAULT_MAX_SIZE, Skip, discover, read

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
    """Documents of a corpus, kept between runs.

    Where the index cannot be opened or written (a read-only folder, a full disk),
    the run goes on without it, every file read afresh, and `note` says why.
    """

    def __init__(self, location: Path) -> None:
        self.location = location
        self.reads = 0  # files opened in this run, for the curious and for tests
        self.note: str | None = None
        self.writing = True
        try:
            self.db = self._open(location)
        except sqlite3.DatabaseError:
            try:
                location.unlink(missing_ok=True)  # a cache: rebuild rather than fail
                self.db = self._open(location)
            except (sqlite3.Error, OSError) as exc:
                self._without_index(exc)
                self.db = self._open(":memory:")
                self.writing = False

    @staticmethod
    def _open(location: Path | str) -> sqlite3.Connection:
        db = sqlite3.connect(location)
        db.execute(
            "CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
            " digest TEXT, rules TEXT, document TEXT)"
        )
        return db

    def _without_index(self, exc: Exception) -> None:
        self.note = f"{self.location}: cannot keep the claim index ({exc}); every file is read"

    def documents(
        self,
        paths: list[Path],
        published_on: str | None,
        rule_set: packs.Packs,
        on_skip: Callable[[Skip], None] | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
    ) -> list[Document]:
        """Every document under `paths`, from the index where the file has not changed."""
        version_key = rules_version(rule_set, published_on)
        found = discover(paths)
        if on_skip is not None:
            for skip in found.skipped:
                on_skip(skip)
        docs = []
        for path in found.files:
            if path.name == NAME:
                continue
            doc = self._document(path, version_key, published_on, rule_set, max_size)
            if isinstance(doc, Skip):
                if on_skip is not None:
                    on_skip(doc)
                continue
            docs.append(doc)
        self._write(lambda: self.db.commit())
        if published_on is None:
            # Kept in the index as read alone; the folder's date is put on it each run.
            docs = date_from_siblings(
                docs,
                lambda doc, when: read_document(Path(doc.path), None, rule_set, max_size, when),
            )
        return align_trading_days(docs)

    def _document(
        self,
        path: Path,
        version_key: str,
        published_on: str | None,
        rule_set: packs.Packs,
        max_size: int,
    ) -> Document | Skip:
        key = path.as_posix()
        try:
            stat = path.stat()
        except OSError as exc:
            return Skip(key, (exc.strerror or "cannot read").lower())
        if stat.st_size > max_size:
            return read_document(path, published_on, rule_set, max_size)  # says why it is skipped
        row = self._row(key)
        if (
            row is not None
            and row[3] == version_key
            and (row[0], row[1]) == (stat.st_size, stat.st_mtime_ns)
        ):
            stored = _stored(row[4])
            if stored is not None:
                return stored if stored else Skip(key, "skipped: binary file")
        try:
            source = read(path, max_size)
        except InputError as exc:
            return Skip(exc.path, exc.message)
        self.reads += 1
        digest = hashlib.sha256(source.data).hexdigest()
        stored = _stored(row[4]) if row is not None and row[3] == version_key else None
        found: Document | Skip
        if row is not None and row[2] == digest and stored is not None:
            found = stored if stored else Skip(key, "skipped: binary file")
        else:
            found = read_document(path, published_on, rule_set, max_size, source=source)
        if isinstance(found, Skip) and found.error is not None:
            return found  # a bug is not kept: the next version may read the file
        document = found.model_dump_json() if isinstance(found, Document) else ""
        self._write(
            lambda: self.db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                (key, stat.st_size, stat.st_mtime_ns, digest, version_key, document),
            )
        )
        return found

    def _row(self, key: str) -> tuple[int, int, str, str, str] | None:
        try:
            row = self.db.execute(
                "SELECT size, mtime, digest, rules, document FROM documents WHERE path = ?", (key,)
            ).fetchone()
        except sqlite3.Error:
            return None  # a damaged index: read the file
        return row  # type: ignore[no-any-return]

    def _write(self, step: Callable[[], object]) -> None:
        if not self.writing:
            return
        try:
            step()
        except sqlite3.Error as exc:
            self.writing = False
            self._without_index(exc)

    def close(self) -> None:
        self.db.close()


def _stored(document: str) -> Document | Literal[""] | None:
    """A stored document; "" for a file stored as binary; None when the row no longer reads."""
    if not document:
        return ""
    try:
        return Document.model_validate_json(document)
    except ValueError:
        return None  # written by another version of the models: read the file again
