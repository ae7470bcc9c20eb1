"""What a check reads from the store: a draft's candidates, or the archive bucket by bucket."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Document
from . import keys
from .archive import Archive


def candidates(store: Archive, drafts: list[Document], by: keys.Keys) -> list[Document]:
    """The stored articles' claims that share a measure's and a subject's blocking key with
    a draft's claims.

    One DuckDB query over the buckets those keys fall in (the others are not opened);
    each article comes with only those of its claims. A stored article at a draft's own
    path is the draft's older version and is left out.
    """
    blocks = {b for d in drafts for c in d.claims if (b := by.block(c.metric))}
    families = {f for d in drafts for c in d.claims if (f := by.family(c.subject))}
    if not blocks or not families:
        return []
    rows = store.claim_rows(
        buckets={keys.bucket(b) for b in blocks},
        blocks=blocks,
        families=families,
        years=_years_around(drafts, by.reach_years),
    )
    own = {d.path for d in drafts}
    rows = [r for r in rows if r["path"] not in own]
    return store.documents(rows, store.files()) if rows else []


def by_bucket(store: Archive) -> Iterator[list[Document]]:
    """The archive's articles one bucket at a time, each with that bucket's claims only.

    Every claim the matcher could link to another lies in that other's bucket, so the
    buckets can be checked one after another, with one in memory at a time.
    """
    files = store.files()
    for number in store.buckets():
        rows = store.claim_rows(buckets=[number])
        if rows:
            yield store.documents(rows, files)


def totals(store: Archive) -> tuple[int, int]:
    """The articles and claims the store holds."""
    files = store.files().values()
    return sum(1 for f in files if f.document), sum(f.claims for f in files)


def _years_around(drafts: list[Document], reach: int) -> tuple[int, int] | None:
    """The years a draft's claims can be linked to others in: their own, widened by the
    furthest the rules look across periods; None when some claim states no period."""
    years = []
    for d in drafts:
        for c in d.claims:
            if c.metric is None:
                continue
            if c.period is None or not c.period.start:
                return None
            years += [int(c.period.start[:4]), int((c.period.end or c.period.start)[:4])]
    if not years:
        return None
    return min(years) - reach, max(years) + reach
