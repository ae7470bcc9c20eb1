"""Context: who each figure is about, what it measures, and when.

`subjects`, `metrics`, `periods`, `fiscal`, `places` and `direction` find
mentions of owners, measures, times and words of change in text; `document`
reads the article as a whole and `sentence` each sentence once; `resolve` gives
each figure its own context through `owner`, `measure` and `when`, and `links`
joins figures that belong together.
"""

from __future__ import annotations

from .resolve import Context, Item, annotate

__all__ = ["Context", "Item", "annotate"]
