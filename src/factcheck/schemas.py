"""The published JSON Schemas of factcheck's documents, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .models import ClaimsReport, Report

SCHEMAS: dict[str, type[Any]] = {"claims.schema.json": ClaimsReport, "report.schema.json": Report}


def render(model: type[Any]) -> str:
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder` (the repository's schemas/)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(render(model), encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for written in write(Path(__file__).resolve().parents[2] / "schemas"):
        print(written)
