"""The SARIF output validates against the official SARIF 2.1.0 JSON Schema.

The schema (OASIS SARIF 2.1.0, final "rtm.5") ships inside Microsoft's
@microsoft/jest-sarif package on the npm registry; the test fetches that
package once with npm and keeps the schema in tests/.cache/ (rebuildable, not
committed).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import ROOT

CACHE = Path(__file__).parent / ".cache" / "sarif-2.1.0-rtm.5.json"
PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"


def _schema() -> dict[str, Any]:
    if not CACHE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is needed once to fetch the SARIF schema")
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [npm, "pack", PACKAGE, "--pack-destination", tmp, "--silent"],
                check=True,
                capture_output=True,
                timeout=120,
            )
            (tarball,) = Path(tmp).glob("*.tgz")
            with tarfile.open(tarball) as archive:
                member = archive.extractfile(MEMBER)
                assert member is not None
                CACHE.parent.mkdir(parents=True, exist_ok=True)
                CACHE.write_bytes(member.read())
    schema: dict[str, Any] = json.loads(CACHE.read_text(encoding="utf-8"))
    return schema


def test_sarif_output_is_valid_sarif_2_1_0(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = _schema()
    assert "2.1.0" in schema["title"]
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "seeds", "--format", "sarif"])
    document = json.loads(result.stdout)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []
    assert document["runs"][0]["results"], "the seeds give findings to validate"


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), _VALUES, max_size=5))
def test_the_log_is_laid_out_as_the_standard_library_lays_out_json(data: dict[str, Any]) -> None:
    # The log is written by pydantic's serialiser, for speed, as `json.dumps` would write
    # it: any text (quotes, controls, non-ASCII, astral characters), any nesting, empty lists.
    from factcheck.report.sarif import _dumps

    assert _dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)
