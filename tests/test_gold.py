"""The seeds against their answer key, scored by the shared scorer when it is beside the repo."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from factcheck import extract_paths
from factcheck.report.claims import to_json

from .conftest import SEEDS, SHARED

GOLD = SHARED / "gold" / "seeds.json"
SCORER = SHARED / "gold" / "score.py"

pytestmark = pytest.mark.skipif(
    not SCORER.exists(), reason="shared/gold is not beside the repository"
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extraction() -> dict[str, Any]:
    score = _scorer()
    claims = json.loads(to_json(extract_paths([SEEDS])))
    result: dict[str, Any] = score.score(score.load_gold(str(GOLD)), str(SEEDS), claims, None)
    return result["extraction"]


def test_extraction_f1(extraction: dict[str, Any]) -> None:
    assert extraction["f1"] >= 0.95, (extraction["misses"], extraction["false_positives"])


def test_bound_accuracy(extraction: dict[str, Any]) -> None:
    assert extraction["bounds"]["accuracy"] >= 0.95, extraction["bounds"]["errors"]


def test_seed_paths_map_to_the_gold(tmp_path: Path) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert sorted(d["file"] for d in gold["documents"]) == sorted(
        p.name for p in SEEDS.glob("*.txt")
    )
