"""Read a `factcheck.claims/1` document: claims checked without reading the articles again.

The document may come from `factcheck extract --format json`, be edited by hand, or be
made by another tool that knows only the contract's fields; what the contract leaves
out (where a claim ends, the digits as stated) is filled in from the fields it has.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import collector
from .errors import InputError
from .models import CLAIMS_SCHEMA, Claim, ClaimsReport, Document, context_basis


def load(path: str) -> list[Document]:
    """The documents of the claims file at `path` (`-` for standard input)."""
    where = "<stdin>" if path == "-" else path
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(where, (exc.strerror or "cannot read").lower()) from exc
    except UnicodeDecodeError as exc:
        raise InputError(where, "not UTF-8 text") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON: {exc.msg}", line=exc.lineno) from exc
    if not isinstance(data, dict) or data.get("schema") != CLAIMS_SCHEMA:
        raise InputError(where, f'not a claims document: "schema" must be "{CLAIMS_SCHEMA}"')
    for doc in data.get("documents") or []:
        if isinstance(doc, dict):
            for claim in doc.get("claims") or []:
                if isinstance(claim, dict):
                    _complete(claim)
    try:
        with collector.paused():  # a claims file of 10^5 records holds no cycles to scan for
            documents = ClaimsReport.model_validate(data).documents
    except ValidationError as exc:
        err = exc.errors()[0]
        at = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
        raise InputError(where, f"{at}: {err['msg']}") from exc
    for document in documents:
        for claim in document.claims:
            _mark_edits(claim)
    return documents


def _mark_edits(claim: Claim) -> None:
    """A part of the context edited since extraction is no longer what its origin describes:
    whoever set it vouches for it, so it counts as given (and as sure as a stated one)."""
    origin = claim.origin
    if origin is None or origin.basis is None:
        return
    now = context_basis(claim.subject, claim.metric, claim.period).split(".")
    then = origin.basis.split(".")
    for part, old, new in zip(("subject", "metric", "period"), then, now, strict=False):
        if old != new:
            setattr(origin, part, "given")
    origin.basis = ".".join(now)


def _complete(claim: dict[str, Any]) -> None:
    """Fill what the contract does not require from what it does."""
    text = str(claim.get("text") or "")
    claim.setdefault("sentence", text)
    line, column = claim.get("line"), claim.get("column")
    if isinstance(line, int) and isinstance(column, int):
        claim.setdefault("end_line", line)
        claim.setdefault("end_column", column + max(len(text), 1))
    quantity = claim.get("quantity")
    if isinstance(quantity, dict):
        if "stated" not in quantity or "resolution" not in quantity:
            stated, resolution = _precision(text, quantity.get("value"))
            quantity.setdefault("stated", stated)
            quantity.setdefault("resolution", resolution)
        if quantity.get("qualifier") is None:
            quantity["qualifier"] = "exact"


def _precision(text: str, value: Any) -> tuple[str, float]:
    """The digits as stated and one unit of the last of them, read from the claim's text."""
    from .lexicon import build
    from .packs import load as load_packs
    from .quantities import find, resolve_symbols

    lex = build(load_packs())
    found = find(text, lex, resolve_symbols(text, lex))
    if found:
        return found[0].stated, found[0].resolution
    return str(value), 0.0
