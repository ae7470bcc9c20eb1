"""Shared fixtures: the bundled seeds, the rule packs, and a one-call extractor."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import extract_text
from factcheck.models import Claim

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"


@pytest.fixture
def claims_of() -> Callable[[str], list[Claim]]:
    """Claims of a text given inline, as an article of its own."""

    def run(text: str, published: str | None = None) -> list[Claim]:
        return extract_text(text, published=published).claims

    return run


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS
