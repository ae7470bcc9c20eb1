"""Extraction as tasks of a Dask cluster (`dask.distributed`), for archives one machine is
too small for. Each task reads a batch of files where the worker runs, so the workers
must see the archive at the same paths (a shared or network file system, or object
storage mounted alike); the documents come back in the order of the files.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Document
from ..sources import Skip

_BATCH = 32  # files per task: enough to amortise a task's overhead, small enough to spread


def read_on_cluster(
    scheduler: str,
    files: list[Path],
    published_on: str | None,
    rules: tuple[Path, ...],
    max_size: int,
) -> Iterator[Document | Skip]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise InputError(
            "--scheduler", "needs dask.distributed: pip install 'factcheck[cluster]'"
        ) from exc
    batches = [files[i : i + _BATCH] for i in range(0, len(files), _BATCH)]
    try:
        client = Client(scheduler, timeout="30s")  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise InputError(scheduler, f"no Dask scheduler answers there ({exc})") from exc
    with client:
        # A window of batches in flight, each released once read: the cluster never holds
        # more of the archive's documents than the window, whatever the archive's size.
        window = max(4, 4 * len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(
                client.submit(_read_batch, batch, published_on, rules, max_size, pure=False)
            )
            if len(pending) >= window:
                yield from _collected(pending.popleft())
        while pending:
            yield from _collected(pending.popleft())


def _collected(future: Any) -> list[Document | Skip]:
    result: list[Document | Skip] = future.result()
    future.release()
    return result


def _read_batch(
    files: list[Path], published_on: str | None, rules: tuple[Path, ...], max_size: int
) -> list[Document | Skip]:
    from ..extract import read_all

    return list(read_all(files, published_on, rules, max_size, jobs=1))
