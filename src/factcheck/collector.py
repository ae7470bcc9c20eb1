"""Tune Python's cyclic garbage collector for a run that holds many objects at once.

With the default thresholds the collector rescans every live object again and again
as claims, facts and findings pile up: at 10^5 claims a third of the check's time, and
three quarters of reading back an article of 30,000 figures. None of these objects
form cycles that need collecting early, so collections run a few hundred times less
often (the setting mypy uses for the same reason), and what is loaded before the work
starts (modules, rules) is frozen out of the scans, as is, in a program, what a check
and the reading of a claim store keep.
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
def paused(freeze_kept: bool = False) -> Iterator[None]:
    """No cyclic collection inside: for a stage that builds many objects and frees few.

    Linking and judging 10^5 claims allocates millions of tuples and records that all stay
    alive until the report is written, so every collection the thresholds still trigger
    scans them for nothing (a third of the stage's time at 3×10^5 claims). Reference
    counting still frees everything that is not in a cycle; what is, waits until the end.

    With `freeze_kept`, in a program (after `tune()`), everything alive when the stage ends
    is frozen, so that later collections do not scan every claim and finding again (a
    tenth of a check of 10^6 claims, in memory or through a claim store). What is frozen
    and later dies in a cycle is never freed: the young objects are collected first (the
    cycles that markup and hostile text leave in reading articles), and only a stage a
    run does once, or part by part with nothing else between, freezes: a check, the
    reading of a claim store. Never the reading of each article: over a fuzz run that
    kept 2 objects an input for good; a program that reads and checks in turn, as that
    run does, still keeps about one in two inputs (library caches frozen, then evicted).
    """
    if freeze_kept and _TUNED[0]:
        gc.collect(1)
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze_kept and _TUNED[0]:
            gc.freeze()
        if was_on:
            gc.enable()
