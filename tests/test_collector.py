"""The collector's pause: what a program keeps from a check is not scanned again."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

import pytest

from factcheck import collector


def test_a_library_pause_leaves_the_collector_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector, "_TUNED", [False])  # as in a library: tune() never called
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    with collector.paused(freeze_kept=True):
        assert not gc.isenabled()
        kept = [[n] for n in range(1_000)]
    assert gc.isenabled()
    # Without tune(), the caller's objects stay the collector's to scan and free.
    assert gc.get_freeze_count() == frozen
    assert gc.is_tracked(kept[0])


def test_a_program_freezes_what_a_check_kept_and_nothing_else() -> None:
    # In a process of its own: tune() changes the collector for the whole process.
    script = textwrap.dedent(
        """
        import gc
        from factcheck import collector

        collector.tune()
        before = gc.get_freeze_count()
        with collector.paused():  # reading an article: its few cycles must stay collectable
            read = [[n] for n in range(1_000)]
        print(gc.isenabled(), gc.get_freeze_count() == before)
        with collector.paused(freeze_kept=True):
            kept = [[n] for n in range(1_000)]
        print(gc.isenabled(), gc.get_freeze_count() - before >= len(kept) + len(read))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "True", "True", "True"]


def test_a_pause_ends_even_when_the_stage_fails() -> None:
    try:
        with collector.paused():
            raise ValueError("a stage that fails")
    except ValueError:
        pass
    assert gc.isenabled()
