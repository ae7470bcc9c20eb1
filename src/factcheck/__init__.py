"""factcheck: find numeric claims in articles and check them against each other."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract_paths", "extract_text"]

if TYPE_CHECKING:
    from .extract import extract_paths, extract_text


def __getattr__(name: str) -> Any:
    # Imported on first use so that `factcheck --version` starts fast.
    if name in ("extract_paths", "extract_text"):
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
