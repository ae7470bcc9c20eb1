"""A baseline of known findings, as linters keep one: later runs report only what is new.

A finding is known by its rule and its claims' file, text and value, not by
line numbers, so editing an article above a known finding does not revive it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError
from .models import Finding, Report

DEFAULT = Path(".factcheck-baseline.json")


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str
    fingerprint: str
    message: str


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(
        default="factcheck.baseline/1", alias="schema", pattern=r"^factcheck\.baseline/1$"
    )
    findings: list[Entry]


def fingerprint(finding: Finding) -> str:
    parts = sorted(f"{c.path}\x1f{c.text}\x1f{c.value!r}\x1f{c.unit}" for c in finding.claims)
    return hashlib.sha256("\x1e".join([finding.rule, *parts]).encode("utf-8")).hexdigest()[:20]


def write(report: Report, path: Path) -> int:
    """Write every finding of `report` as known; returns how many."""
    entries = [
        Entry(rule=f.rule, fingerprint=fingerprint(f), message=f.message) for f in report.findings
    ]
    document = Baseline(findings=entries).model_dump(by_alias=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def load(path: Path) -> set[str]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), (exc.strerror or "cannot read").lower()) from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not valid JSON: {exc.msg}", exc.lineno) from exc
    try:
        baseline = Baseline.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(
            str(path), f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
        ) from exc
    return {e.fingerprint for e in baseline.findings}


def apply(report: Report, known: set[str]) -> Report:
    """The report without the findings the baseline already holds."""
    fresh = [f for f in report.findings if fingerprint(f) not in known]
    summary = report.summary.model_copy(update={"baselined": len(report.findings) - len(fresh)})
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in fresh:
        counts[f.severity] += 1
    summary.findings = counts  # type: ignore[assignment]
    return Report(findings=fresh, summary=summary)
