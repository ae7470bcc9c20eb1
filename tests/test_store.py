"""The claim store: `factcheck index`, `check --store`, `check --against STORE`, on Dask too."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck import extract
from factcheck.cli import app
from factcheck.store.build import index

from .conftest import SEEDS

runner = CliRunner()


def _findings(result: Any) -> list[dict[str, Any]]:
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def _rows(store: Path) -> tuple[list[dict[str, Any]], list[tuple[str, int, str]]]:
    """A store's content: its articles' rows and its live claims, in order."""
    from factcheck.store.archive import Archive
    from factcheck.store.build import open_store

    archive: Archive = open_store(store, (), None)
    files = [row.__dict__ for row in archive.files().values()]
    for row in files:
        row.pop("mtime_ns")  # the copies were written at different times
        row["path"] = Path(row["path"]).name
    claims = [(Path(r["path"]).name, r["position"], r["claim"]) for r in archive.claim_rows()]
    return sorted(files, key=lambda r: r["path"]), claims


def test_a_store_checked_whole_gives_the_findings_of_its_articles(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert runner.invoke(app, ["index", str(SEEDS), "--store", str(store)]).exit_code == 0
    whole = runner.invoke(app, ["check", "--store", str(store), "-f", "json"])
    direct = runner.invoke(app, ["check", str(SEEDS), "-f", "json"])
    assert _findings(whole) == _findings(direct)
    assert json.loads(whole.stdout)["summary"] == json.loads(direct.stdout)["summary"]


def test_a_draft_against_a_store_is_checked_as_against_the_articles(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    draft = tmp_path / "draft.txt"
    (archive / "000_4edcbf6b8f8cb3e9.txt").rename(draft)
    store = tmp_path / "store"
    runner.invoke(app, ["index", str(archive), "--store", str(store)])
    from_store = _findings(
        runner.invoke(app, ["check", str(draft), "--against", str(store), "-f", "json"])
    )
    from_folder = _findings(
        runner.invoke(
            app,
            [
                "check",
                str(draft),
                "--against",
                str(archive),
                "--cache",
                str(tmp_path / "c"),
                "-f",
                "json",
            ],
        )
    )
    assert from_store and from_store == from_folder
    assert all(any(c["path"] == str(draft) for c in f["claims"]) for f in from_store)


def test_index_reads_only_what_changed_and_forgets_what_is_gone(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    store = tmp_path / "store"
    first = index([archive], store)
    assert len(first.extracted) == 5 and first.kept == 0
    again = index([archive], store)
    assert again.extracted == [] and again.kept == 5
    changed = archive / "004_c83623c98217df50.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nSOE profits rose 9 percent in 2024.\n",
        encoding="utf-8",
    )
    (archive / "001_a487167c394a708e.txt").unlink()
    third = index([archive], store)
    assert [Path(p).name for p in third.extracted] == [changed.name]
    assert third.kept == 3 and third.removed == 1
    files, claims = _rows(store)
    assert "001_a487167c394a708e.txt" not in {f["path"] for f in files}
    stored = [json.loads(c)["text"] for name, _, c in claims if name == changed.name]
    assert "9 percent" in stored  # the new version's claims, and no row of the old one twice
    assert len(stored) == len(set((n, p) for n, p, _ in claims if n == changed.name))


def test_a_damaged_store_is_rebuilt_and_a_missing_one_is_a_clear_error(tmp_path: Path) -> None:
    store = tmp_path / "store"
    index([SEEDS], store)
    before = _rows(store)
    (store / "files.parquet").write_bytes(b"PAR1 cut short")
    rebuilt = index([SEEDS], store)
    assert len(rebuilt.extracted) == 5 and _rows(store) == before
    result = runner.invoke(app, ["check", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{tmp_path / 'nothing'}: not a claim store (make one with `factcheck index`)\n"
    )


def test_a_folder_that_is_not_a_store_is_never_emptied(tmp_path: Path) -> None:
    keep = tmp_path / "notes"
    keep.mkdir()
    (keep / "todo.txt").write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["index", str(SEEDS), "--store", str(keep)])
    assert result.exit_code == 2
    assert "not a claim store, and not empty" in result.stderr
    assert (keep / "todo.txt").read_text(encoding="utf-8") == "mine\n"


def test_extraction_in_processes_gives_the_output_of_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A batch per file, so that both workers read some of the articles and their order is
    # kept; a file no worker can read is reported as one process reports it.
    monkeypatch.setattr(extract, "_BATCH_BYTES", 1)
    articles = shutil.copytree(SEEDS, tmp_path / "articles")
    (articles / "002b_scan.txt").write_bytes(b"\x00\x01PK\x03\x04" * 200)
    one = runner.invoke(app, ["extract", str(articles), "-f", "json", "--jobs", "1"])
    two = runner.invoke(app, ["extract", str(articles), "-f", "json", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 2  # the others are read, and the skip said
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "002b_scan.txt" in two.stderr
    assert len(json.loads(two.stdout)["documents"]) == 5


def test_files_go_to_the_workers_in_batches_of_about_a_size(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(extract, "_BATCH_BYTES", 25)
    sizes = {"a.txt": 10, "b.txt": 10, "c.txt": 40, "d.txt": 10}
    for name, size in sizes.items():
        (tmp_path / name).write_text("x" * size, encoding="utf-8")
    files = [tmp_path / n for n in ("a.txt", "b.txt", "c.txt", "d.txt", "gone.txt")]
    batches = [[p.name for p in b] for b in extract._batches(files)]
    # In order, a larger file alone, a file that is not there counted as empty.
    assert batches == [["a.txt", "b.txt"], ["c.txt"], ["d.txt", "gone.txt"]]


@pytest.mark.filterwarnings("ignore")  # the cluster's own start-up and shut-down chatter
def test_an_index_built_on_a_dask_cluster_equals_the_local_one(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, remote = tmp_path / "local", tmp_path / "remote"
    index([SEEDS], local, jobs=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        built = index([SEEDS], remote, scheduler=cluster.scheduler_address)
    assert len(built.extracted) == 5
    assert _rows(remote) == _rows(local)


def test_an_archive_indexed_in_chunks_stores_what_one_pass_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three folders, one of them with an undated article that its folder dates: written a
    # folder or two at a time (bounded memory), the store holds what a single pass writes.
    archive = tmp_path / "archive"
    for k, folder in enumerate(("east", "north", "west")):
        (archive / folder).mkdir(parents=True)
        for day in (3, 4):
            (archive / folder / f"r{day}.txt").write_text(
                f"Published: 2023-05-0{day}\n\nFreight volumes at the {folder} depot rose "
                f"{k + day}% in April, the operator said.\n",
                encoding="utf-8",
            )
    (archive / "north" / "undated.txt").write_text(
        "Freight volumes at the north depot fell 2% in March, the operator said.\n",
        encoding="utf-8",
    )
    whole = index([archive], tmp_path / "whole")
    monkeypatch.setattr("factcheck.store.build._CHUNK", 2)
    chunked = index([archive], tmp_path / "chunked")
    assert chunked.extracted == whole.extracted and chunked.claims == whole.claims == 7
    files, claims = _rows(tmp_path / "chunked")
    assert claims == _rows(tmp_path / "whole")[1]
    assert [f["published"] for f in files if f["path"] == "undated.txt"] == [None]
    undated = next(f for f in files if f["path"] == "undated.txt")
    assert json.loads(undated["document"])["reference"].startswith("2023-05")
    assert [f["run"] for f in files] != [f["run"] for f in _rows(tmp_path / "whole")[0]]
