"""The project's own invariants: published schemas are current, data flows one way."""

from __future__ import annotations

import ast

import pytest

from factcheck import packs, schemas

from .conftest import ROOT, UPDATE

SRC = ROOT / "src" / "factcheck"
# Pipeline order: a module may import only modules of its own stage or earlier.
STAGES = [
    {"errors", "models", "textmap", "collector"},
    {"packs", "units", "lexicon"},
    {"sources", "decoding"},
    {"repair"},
    {"markup"},
    {"segment", "published"},
    {"quantities"},
    {"context"},
    {"extract", "claimsfile"},
    {"facts", "fx", "names", "currency", "confidence"},
    {"match"},
    {"store"},
    {"engine"},
    {"checks", "config"},
    {"check"},
    {"baseline"},
    {"schemas", "report"},
    {"cli", "__main__", "__init__"},
]


def _stage(module: str) -> int:
    top = module.split(".")[0]
    for i, names in enumerate(STAGES):
        if top in names:
            return i
    raise AssertionError(f"{module} is in no stage of tests/test_meta.py")


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_published_schemas_are_current(name: str) -> None:
    path = ROOT / "schemas" / name
    fresh = schemas.render(schemas.SCHEMAS[name])
    if UPDATE:
        path.write_text(fresh, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == fresh, "run: python -m factcheck.schemas"


def _imported(module: str, node: ast.ImportFrom) -> list[str]:
    """The factcheck modules a relative import names, as dotted paths under the package."""
    package = module.split(".")[:-1]  # the package the module lives in
    base = package[: len(package) - (node.level - 1)]
    if node.module:
        return [".".join([*base, node.module])]
    folder = SRC.joinpath(*base)
    out = []
    for alias in node.names:
        is_module = (folder / f"{alias.name}.py").exists() or (folder / alias.name).is_dir()
        out.append(".".join([*base, alias.name]) if is_module else ".".join([*base, "__init__"]))
    return out


def test_imports_flow_one_way() -> None:
    back_edges = []
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        here = _stage(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.level):
                continue
            for name in _imported(module, node):
                top = name.split(".")[0]
                if top == module.split(".")[0] and top in ("report", "checks"):
                    continue  # inside one stage's own package
                if _stage(name) > here:
                    back_edges.append(f"{module} imports {name}")
    assert back_edges == []


def test_nothing_imports_the_cli() -> None:
    for path in SRC.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        assert "cli" not in {
            (n.module or "").split(".")[-1]
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.ImportFrom)
        }, path


def test_every_rule_file_has_a_model_and_ships_in_the_wheel() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"rules" = "factcheck/rules"' in pyproject
    on_disk = sorted(p.stem for p in (ROOT / "rules").glob("*.toml"))
    assert on_disk == sorted(packs._FILES)
