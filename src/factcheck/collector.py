"""Tune Python's cyclic garbage collector for a run that holds many objects at once.

With the default thresholds the collector rescans every live object again and again
as claims, facts and findings pile up: at 10^5 claims a third of the check's time, and
three quarters of reading back an article of 30,000 figures. None of these objects
form cycles that need collecting early, so collections run a few hundred times less
often (the setting mypy uses for the same reason), and what is loaded before the work
starts (modules, rules) is frozen out of the scans.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (200_000, 30, 30)


_TUNED = [False]  # whether a program asked for this: only then are survivors frozen


def tune() -> None:
    """Collect less often, and never rescan what exists now. For programs, not libraries."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    _TUNED[0] = True


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside: for a stage that builds many objects and frees few.

    Linking and judging 10^5 claims allocates millions of tuples and records that all stay
    alive until the report is written, so every collection the thresholds still trigger
    scans them for nothing (a third of the stage's time at 3×10^5 claims). Reference
    counting still frees everything that is not in a cycle; what is, waits until the end.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _TUNED[0]:
            # What the stage made and kept (an article's claims, a check's findings) is
            # long-lived: frozen, it is not scanned once more by the first collection
            # after the pause, then again as it ages (a twentieth of reading a claim store).
            gc.freeze()
        if was_on:
            gc.enable()
