"""Every rule factcheck knows, listed explicitly: one module per rule."""

from __future__ import annotations

from ..engine import Rule
from . import (
    arithmetic_mismatch,
    conversion_mismatch,
    corroborated,
    period_mismatch,
    scope_mismatch,
    value_conflict,
)

RULES: list[Rule] = [
    value_conflict.RULE,
    scope_mismatch.RULE,
    period_mismatch.RULE,
    conversion_mismatch.RULE,
    arithmetic_mismatch.RULE,
    corroborated.RULE,
]


def by_name(name: str) -> Rule | None:
    return next((r for r in RULES if r.name == name), None)
