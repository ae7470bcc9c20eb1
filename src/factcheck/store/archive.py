"""The claim store on disk: Parquet files that DuckDB reads in place.

    DIR/factcheck-store.json             what wrote it: schema, rules version, buckets
    DIR/files.parquet                    one row per article: path, size, mtime, content
                                         hash, the run its claims were written in, and the
                                         document without its claims (JSON)
    DIR/claims/bucket=NN/run-RRRRRR.parquet
                                         the claims of one run whose blocking key falls in
                                         bucket NN: provenance (path, content hash, line,
                                         column), the columns queries filter on, and the
                                         whole claim (JSON) with its context and links

A claim row is live when its (path, run) is the file's row in files.parquet; rows of a
file read again later are left behind until their bucket is compacted. Everything here
is rebuilt from the articles: the store is a cache, never the only copy of anything.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import collector
from ..errors import InputError
from ..models import Claim, Document
from . import keys

SCHEMA = "factcheck.store/1"
MARKER = "factcheck-store.json"
_COMPACT_AT = 8  # files in a bucket beyond which its live rows are rewritten as one


@dataclass(frozen=True)
class FileRow:
    path: str
    size: int
    mtime_ns: int
    digest: str
    run: int
    published: str | None
    claims: int  # how many claims the article holds (stored or not: some have no measure)
    document: str  # the document without its claims, as JSON; "" for a binary file


class Damaged(InputError):
    """A store file that no longer reads (cut short, overwritten, another format)."""

    def __init__(self, path: str) -> None:
        super().__init__(path, "damaged claim store file: run `factcheck index` again")


def is_store(location: Path) -> bool:
    return (location / MARKER).is_file()


class Archive:
    """A store at `location`, for the rules version `rules`: to write, one of another version
    is emptied and rebuilt; to read, it is an error."""

    def __init__(self, location: Path, rules: str, writing: bool) -> None:
        self.location = location
        self.rules = rules
        marker = location / MARKER
        stale = True
        if marker.is_file():
            try:
                meta = json.loads(marker.read_text(encoding="utf-8"))
                stale = meta.get("schema") != SCHEMA or meta.get("rules") != rules
            except (OSError, ValueError):
                stale = True
        self._files: dict[str, FileRow] | None = None  # files.parquet, read once when opened
        if not writing:
            if stale:
                raise InputError(
                    str(location),
                    "claim store written by another version of factcheck or of its rules; "
                    "run `factcheck index` again",
                )
            return
        if stale and location.exists():
            if not marker.is_file() and any(location.iterdir()):
                raise InputError(str(location), "not a claim store, and not empty: left alone")
            self.clear()
        location.mkdir(parents=True, exist_ok=True)
        marker.write_text(
            json.dumps({"schema": SCHEMA, "rules": rules, "buckets": keys.BUCKETS}) + "\n",
            encoding="utf-8",
        )

    # --- reading --------------------------------------------------------------------------

    def files(self) -> dict[str, FileRow]:
        """The store's articles by path (read from disk once)."""
        if self._files is None:
            self._files = self._read_files()
        return self._files

    def _read_files(self) -> dict[str, FileRow]:
        path = self.location / "files.parquet"
        if not path.is_file():
            return {}
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pq.read_table(path)
            return {r["path"]: FileRow(**r) for r in table.to_pylist()}
        except (pa.ArrowException, OSError, TypeError) as exc:
            raise Damaged(str(path)) from exc

    def clear(self) -> None:
        """Drop every article and claim: a damaged store is rebuilt, never repaired."""
        shutil.rmtree(self.location / "claims", ignore_errors=True)
        (self.location / "files.parquet").unlink(missing_ok=True)
        self._files = None

    def claim_rows(
        self,
        buckets: Iterable[int] | None = None,
        blocks: Iterable[str] | None = None,
        families: Iterable[str] | None = None,
        years: tuple[int, int] | None = None,
    ) -> list[dict[str, Any]]:
        """Live claim rows, of some buckets, measures' and subjects' keys, in article and
        claim order."""
        import duckdb

        files = self.location / "files.parquet"
        if not files.is_file() or not any((self.location / "claims").glob("bucket=*/*.parquet")):
            return []
        where: list[str] = ["true"]
        params: list[object] = []
        for column, values in (("bucket", buckets), ("block", blocks), ("family", families)):
            if values is None:
                continue
            wanted = sorted(set(values))  # type: ignore[type-var]
            if not wanted:
                return []
            where.append(f"c.{column} IN ({', '.join('?' for _ in wanted)})")
            params.extend(wanted)
        if years is not None:
            # Undated claims may match any; dated ones only within the years asked.
            where.append("(c.first_year IS NULL OR (c.last_year >= ? AND c.first_year <= ?))")
            params.extend(years)
        query = f"""
            SELECT c.path, c.position, c.claim
            FROM read_parquet(?, hive_partitioning = true) AS c
            JOIN read_parquet(?) AS f ON c.path = f.path AND c.run = f.run
            WHERE {" AND ".join(where)}
            ORDER BY c.path, c.position
        """
        glob = (self.location / "claims" / "bucket=*" / "*.parquet").as_posix()
        with duckdb.connect() as db:
            rows = db.execute(query, [glob, files.as_posix(), *params]).fetchall()
        return [{"path": p, "position": n, "claim": c} for p, n, c in rows]

    def documents(self, rows: list[dict[str, Any]], files: dict[str, FileRow]) -> list[Document]:
        """The articles of `rows`, each holding only those of its claims."""
        by_path: dict[str, list[Claim]] = {}
        out = []
        # Records read back form no cycles and live until the check of their part ends:
        # nothing to scan for, now or later. A run reads a store once, or part by part with
        # nothing else between, so the few cycles of other work frozen with them stay few.
        with collector.paused(freeze_kept=True):
            for row in rows:
                claim = Claim.model_validate_json(row["claim"])
                by_path.setdefault(row["path"], []).append(claim)
            for path, claims in by_path.items():
                doc = Document.model_validate_json(files[path].document)
                doc.claims = claims
                out.append(doc)
        return out

    def buckets(self) -> list[int]:
        root = self.location / "claims"
        return sorted(
            int(p.name.split("=", 1)[1]) for p in root.glob("bucket=*") if any(p.glob("*.parquet"))
        )

    # --- writing --------------------------------------------------------------------------

    def write(
        self, run: int, files: dict[str, FileRow], new: list[Document], by: keys.Keys
    ) -> None:
        """Record `files` as the store's articles and `new` documents' claims as run `run`."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        claims_schema, files_schema = _schemas()
        by_bucket: dict[int, list[dict[str, Any]]] = {}
        digests = {p: r.digest for p, r in files.items()}
        for doc in new:
            for position, claim in enumerate(doc.claims):
                block = by.block(claim.metric)
                if block is None:
                    continue  # linked to nothing: nothing to look it up by
                row = _claim_row(doc.path, digests[doc.path], run, position, claim)
                row["block"], row["family"] = block, by.family(claim.subject)
                by_bucket.setdefault(keys.bucket(block), []).append(row)
        for number, rows in sorted(by_bucket.items()):
            folder = self.location / "claims" / f"bucket={number:02d}"
            folder.mkdir(parents=True, exist_ok=True)
            table = pa.Table.from_pylist(rows, schema=claims_schema)
            pq.write_table(table, folder / f"run-{run:06d}.parquet")
        ordered = [files[p] for p in sorted(files)]
        table = pa.Table.from_pylist([r.__dict__ for r in ordered], schema=files_schema)
        pq.write_table(table, self.location / "files.parquet.tmp")
        (self.location / "files.parquet.tmp").replace(self.location / "files.parquet")
        self._files = dict(files)
        for number in by_bucket:
            self._compact(number)

    def _compact(self, number: int) -> None:
        """Rewrite a bucket's live rows as one file once it holds many runs' files."""
        import duckdb

        folder = self.location / "claims" / f"bucket={number:02d}"
        parts = sorted(folder.glob("*.parquet"))
        if len(parts) <= _COMPACT_AT:
            return
        last = parts[-1].stem.split("-", 1)[1]
        target = folder / f"run-{last}-compacted.tmp"
        with duckdb.connect() as db:
            db.execute(
                f"""COPY (
                    SELECT c.* EXCLUDE (bucket) FROM read_parquet(?, hive_partitioning = true) c
                    JOIN read_parquet(?) f ON c.path = f.path AND c.run = f.run
                    ORDER BY c.path, c.position
                ) TO '{target.as_posix()}' (FORMAT parquet)""",
                [(folder / "*.parquet").as_posix(), (self.location / "files.parquet").as_posix()],
            )
        for part in parts:
            part.unlink()
        target.replace(folder / f"run-{last}.parquet")


def _claim_row(path: str, digest: str, run: int, position: int, claim: Claim) -> dict[str, Any]:
    q, p = claim.quantity, claim.period
    return {
        "path": path,
        "digest": digest,
        "run": run,
        "position": position,
        "line": claim.line,
        "column": claim.column,
        "subject": claim.subject,
        "metric": claim.metric,
        "period_start": p.start if p else None,
        "period_end": p.end if p else None,
        "first_year": int(p.start[:4]) if p and p.start else None,
        "last_year": int((p.end or p.start)[:4]) if p and p.start else None,
        "kind": q.kind,
        "unit": q.unit,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "claim": claim.model_dump_json(),
    }


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    claims = pa.schema(
        [
            ("path", pa.string()),
            ("digest", pa.string()),
            ("run", pa.int64()),
            ("position", pa.int64()),
            ("line", pa.int64()),
            ("column", pa.int64()),
            ("block", pa.string()),
            ("family", pa.string()),
            ("subject", pa.string()),
            ("metric", pa.string()),
            ("period_start", pa.string()),
            ("period_end", pa.string()),
            ("first_year", pa.int64()),
            ("last_year", pa.int64()),
            ("kind", pa.string()),
            ("unit", pa.string()),
            ("value", pa.float64()),
            ("low", pa.float64()),
            ("high", pa.float64()),
            ("claim", pa.string()),
        ]
    )
    files = pa.schema(
        [
            ("path", pa.string()),
            ("size", pa.int64()),
            ("mtime_ns", pa.int64()),
            ("digest", pa.string()),
            ("run", pa.int64()),
            ("published", pa.string()),
            ("claims", pa.int64()),
            ("document", pa.string()),
        ]
    )
    return claims, files


def runs(location: Path) -> list[int]:
    """The runs whose claim files the store holds."""
    return sorted(
        {int(p.stem.split("-")[1]) for p in (location / "claims").glob("bucket=*/run-*.parquet")}
    )
