"""Reports written a batch of findings at a time, and a JSON document's long list so.

A report of a check of 10^6 claims is 600 MB of text: as one string, and again as the
bytes written, it would hold more than the check itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`items`, `size` at a time, in order."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def spliced(
    empty: str, marker: str, items: Sequence[T], dump: Callable[[T], str], batch: int
) -> Iterator[str] | None:
    """`empty`, a document laid out with an indent of 2 whose list `marker` (`"key": []`)
    is empty, with `items` in that list as `dump` writes each (indent 2), `batch` at a time;
    the same text as the whole document laid out at once. None when `marker` is not in it.
    """
    head, found, tail = empty.partition(marker)
    if not found:
        return None
    if not items:
        return iter([empty])
    # Each item indented as the whole document would indent it: one level below its key.
    pad = "\n" + " " * (len(head) - head.rfind("\n") - 1 + 2)

    def pieces() -> Iterator[str]:
        yield head + marker.removesuffix("]")
        for k, some in enumerate(batches(items, batch)):
            text = ",".join(pad + dump(i).replace("\n", pad) for i in some)
            yield text if k == 0 else "," + text
        yield pad[:-2] + "]" + tail

    return pieces()
