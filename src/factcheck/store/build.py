"""Build or refresh a claim store from an archive of articles, locally or on a Dask cluster.

A file whose size and modification time are those recorded is not opened; one whose
content hash is unchanged is not extracted again. The files that must be read are
extracted in worker processes (`jobs`), or as tasks of a Dask cluster (`scheduler`),
with the same documents in the same order as one process would give: the store's
content does not depend on where the work ran.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import version
from pathlib import Path

from .. import packs
from ..errors import InputError
from ..extract import align_trading_days, date_from_siblings, read_all, read_document
from ..models import Document
from ..sources import DEFAULT_MAX_SIZE, Skip, discover
from . import keys
from .archive import MARKER, Archive, Damaged, FileRow, runs


def rules_version(rule_set: packs.Packs, published_on: str | None) -> str:
    """What stored claims depend on besides the file: factcheck, its rules, --published."""
    text = rule_set.model_dump_json() + (published_on or "") + version("factcheck")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Built:
    """What an index run did."""

    store: Archive
    files: dict[str, FileRow]
    extracted: list[str] = field(default_factory=list)  # paths read in this run
    claims: int = 0  # the claims found in them
    kept: int = 0  # files whose stored claims stood
    removed: int = 0  # files gone from the archive since the last run


def index(
    paths: Sequence[Path],
    location: Path,
    published_on: str | None = None,
    rules: tuple[Path, ...] = (),
    on_skip: Callable[[Skip], None] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    jobs: int = 1,
    scheduler: str | None = None,
) -> Built:
    """Bring the store at `location` up to date with the articles under `paths`."""
    rule_set = packs.load(rules)
    store = Archive(location, rules_version(rule_set, published_on), writing=True)
    try:
        before = store.files()
    except Damaged:
        store.clear()  # a cache: rebuilt from the articles
        before = {}
    found = discover(list(paths))
    if on_skip is not None:
        for skip in found.skipped:
            on_skip(skip)
    files = [p for p in found.files if not _inside(p, location)]
    current: dict[str, FileRow] = {}
    to_read: list[tuple[Path, int, int, str]] = []
    for path in files:
        key = path.as_posix()
        try:
            stat = path.stat()
        except OSError as exc:
            _skipped(on_skip, Skip(key, (exc.strerror or "cannot read").lower()))
            continue
        row = before.get(key)
        if row is not None and (row.size, row.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            current[key] = row
            if not row.document:  # known to be binary: said again, as on the first run
                _skipped(on_skip, Skip(key, "skipped: binary file"))
            continue
        digest = _digest(path, max_size)
        if row is not None and digest is not None and row.digest == digest:
            current[key] = replace(row, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            continue
        to_read.append((path, stat.st_size, stat.st_mtime_ns, digest or ""))
    run = max([0, *runs(location)]) + 1
    extracted: list[str] = []
    claims = 0
    stored = _stored_by_folder(current)
    by = keys.Keys(rule_set)
    reading = _Reading(published_on, rule_set, rules, max_size, jobs, scheduler, on_skip)
    for chunk in _whole_folders(to_read, _CHUNK):
        new = _read_chunk(chunk, reading, run, current, stored)
        store.write(run, current, new, by)
        extracted += [d.path for d in new]
        claims += sum(len(d.claims) for d in new)
        run += 1
    if not to_read:
        store.write(run, current, [], by)  # files gone, or rows refreshed
    removed = len(set(before) - set(current))
    return Built(store, current, extracted, claims, len(current) - len(extracted), removed)


# Articles extracted, dated against their folders and written together: what an index run
# holds in memory at once, whatever the archive's size. Folders are never split, since an
# undated article is dated by the other articles of its folder.
_CHUNK = 2000


def _whole_folders(
    to_read: list[tuple[Path, int, int, str]], size: int
) -> Iterator[list[tuple[Path, int, int, str]]]:
    """`to_read` in runs of whole folders of about `size` files, in order."""
    chunk: list[tuple[Path, int, int, str]] = []
    for entry in sorted(to_read, key=lambda e: (e[0].parent.as_posix(), e[0].as_posix())):
        if len(chunk) >= size and entry[0].parent != chunk[-1][0].parent:
            yield chunk
            chunk = []
        chunk.append(entry)
    if chunk:
        yield chunk


def _stored_by_folder(current: dict[str, FileRow]) -> dict[str, list[FileRow]]:
    """The stored articles with a document, by folder: what dates new articles beside them."""
    out: dict[str, list[FileRow]] = {}
    for row in current.values():
        if row.document:
            out.setdefault(Path(row.path).parent.as_posix(), []).append(row)
    return out


@dataclass(frozen=True)
class _Reading:
    """How an index run reads its articles: the same for every chunk."""

    published_on: str | None
    rule_set: packs.Packs
    rules: tuple[Path, ...]
    max_size: int
    jobs: int
    scheduler: str | None
    on_skip: Callable[[Skip], None] | None


def _read_chunk(
    chunk: list[tuple[Path, int, int, str]],
    reading: _Reading,
    run: int,
    current: dict[str, FileRow],
    stored: dict[str, list[FileRow]],
) -> list[Document]:
    """Extract one chunk's files as run `run` and record them in `current`; the documents,
    dated among the `stored` articles of their folders."""
    read = _extract([p for p, _, _, _ in chunk], reading)
    new: list[Document] = []
    for (path, size, mtime, digest), doc in zip(chunk, read, strict=True):
        if isinstance(doc, Skip):
            _skipped(reading.on_skip, doc)
            if doc.error is None and doc.reason == "skipped: binary file":
                current[path.as_posix()] = FileRow(
                    path.as_posix(), size, mtime, digest, run, None, 0, ""
                )
            continue
        new.append(doc)
    if new:
        # The stored articles of the same folders place the new ones among them.
        folders = {p.parent.as_posix() for p, _, _, _ in chunk}
        kept = [
            Document.model_validate_json(r.document)
            for folder in sorted(folders)
            for r in stored.get(folder, ())
        ]
        new = _in_context(new, kept, reading)
    stats = {path.as_posix(): (size, mtime, digest) for path, size, mtime, digest in chunk}
    for doc in new:
        size, mtime, digest = stats[doc.path]
        meta = doc.model_copy(update={"claims": []})
        current[doc.path] = FileRow(
            doc.path,
            size,
            mtime,
            digest,
            run,
            doc.published,
            len(doc.claims),
            meta.model_dump_json(),
        )
    return new


def _in_context(new: list[Document], kept: list[Document], reading: _Reading) -> list[Document]:
    """The new documents as a folder read together gives them: an undated article dated by
    its folder, a share's after-hours move by the folder's earliest report of it."""
    fresh = {d.path for d in new}
    every = kept + new
    if reading.published_on is None:
        every = date_from_siblings(
            every,
            lambda doc, when: (
                read_document(Path(doc.path), None, reading.rule_set, reading.max_size, when)
                if doc.path in fresh
                else doc
            ),
        )
    every = align_trading_days(every)
    by_path = {d.path: d for d in every if d.path in fresh}
    return [by_path[d.path] for d in new]


def _extract(files: list[Path], reading: _Reading) -> Iterator[Document | Skip]:
    if reading.scheduler is None:
        yield from read_all(
            files, reading.published_on, reading.rules, reading.max_size, reading.jobs
        )
        return
    from .cluster import read_on_cluster

    yield from read_on_cluster(
        reading.scheduler, files, reading.published_on, reading.rules, reading.max_size
    )


def _digest(path: Path, max_size: int) -> str | None:
    try:
        if path.stat().st_size > max_size:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _inside(path: Path, location: Path) -> bool:
    try:
        path.resolve().relative_to(location.resolve())
    except ValueError:
        return path.name == MARKER
    return True


def _skipped(on_skip: Callable[[Skip], None] | None, skip: Skip) -> None:
    if on_skip is not None:
        on_skip(skip)


def open_store(location: Path, rules: tuple[Path, ...], published_on: str | None) -> Archive:
    """An existing store, for reading; an error naming it when there is none."""
    from .archive import is_store

    if not is_store(location):
        raise InputError(str(location), "not a claim store (make one with `factcheck index`)")
    return Archive(location, rules_version(packs.load(rules), published_on), writing=False)
