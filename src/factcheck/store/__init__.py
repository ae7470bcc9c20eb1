"""The claim store: an archive's claims as partitioned Parquet that DuckDB queries in place.

`build.index` writes and refreshes it (locally or on a Dask cluster), `archive.Archive`
reads it, and `query` finds a draft's candidates or walks the archive bucket by bucket.
"""
