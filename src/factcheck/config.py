"""Configuration from `factcheck.toml` or `[tool.factcheck]` in pyproject.toml.

```toml
[tool.factcheck]
fail-on = "warning"              # error | warning | info | never
min-confidence = "medium"        # high | medium | low: findings less sure are not reported
rule-packs = ["house-rules"]     # extra rule directories, relative to this file
exclude = ["drafts/old/*"]       # glob patterns of article paths to leave out

[tool.factcheck.rules.period-mismatch]
severity = "off"                 # error | warning | info | off

[tool.factcheck.rules.scope-mismatch]
close_years = 2                  # the rule's options (see `factcheck rules NAME`)
```
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .engine import RuleSetting
from .errors import InputError

FailOn = Literal["error", "warning", "info", "never"]
MinConfidence = Literal["high", "medium", "low"]


class Settings(BaseModel):
    """Everything a configuration file may set."""

    model_config = ConfigDict(extra="forbid")

    fail_on: FailOn = Field(default="error", alias="fail-on")
    min_confidence: MinConfidence = Field(default="medium", alias="min-confidence")
    rule_packs: list[Path] = Field(default_factory=list, alias="rule-packs")
    exclude: list[str] = Field(default_factory=list)
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    source: str | None = Field(default=None, exclude=True)


def find(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, upwards."""
    for folder in (start, *start.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            return _relative(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.factcheck" in pyproject.read_text(
            encoding="utf-8", errors="replace"
        ):
            return _relative(pyproject)
    return None


def _relative(path: Path) -> Path:
    """The path as the user would type it from here, for messages."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def load(path: Path | None) -> Settings:
    """Settings from a file (None: the defaults); a mistake names the file and the key."""
    if path is None:
        return Settings()
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise InputError(str(path), (exc.strerror or "cannot read").lower()) from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from exc
    table: Any = raw.get("tool", {}).get("factcheck", {}) if path.name == "pyproject.toml" else raw
    prefix = "tool.factcheck." if path.name == "pyproject.toml" else ""
    if not isinstance(table, dict):
        raise InputError(str(path), f"{prefix.rstrip('.') or 'file'}: must be a table")
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise InputError(str(path), f"{prefix}rules: must be a table of rule names")
    shaped = dict(table)
    shaped["rules"] = {
        name: {
            "severity": body.get("severity"),
            "options": {k: v for k, v in body.items() if k != "severity"},
        }
        if isinstance(body, dict)
        else body
        for name, body in rules.items()
    }
    try:
        settings = Settings.model_validate(shaped)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"] if p != "options")
        raise InputError(str(path), f"{prefix}{key}: {err['msg']}") from exc
    base = path.parent
    packs = [p if p.is_absolute() else base / p for p in settings.rule_packs]
    return settings.model_copy(update={"rule_packs": packs, "source": str(path)})
