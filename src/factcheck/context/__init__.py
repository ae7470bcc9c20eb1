"""Context: who each figure is about, what it measures, and when.

`subjects`, `metrics` and `periods` find mentions of owners, measures and
times in text; `resolve` gives each figure of an article its own.
"""

from __future__ import annotations

from .resolve import Context, Item, annotate

__all__ = ["Context", "Item", "annotate"]
