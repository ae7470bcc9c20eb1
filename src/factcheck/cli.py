"""The `factcheck` command: options in, calls out, exit status 0, 1 or 2.

0: clean. 1: a finding at or above --fail-on. 2: a usage or configuration error,
or an input left out (unreadable, binary, too large, or a bug met while reading
it); 2 wins over 1, since a run that skipped an input has not checked everything.
"""

from __future__ import annotations

import itertools
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from .config import Settings
    from .models import Document, Report
    from .sources import Skip

from . import __version__, collector
from .sources import DEFAULT_MAX_SIZE

app = typer.Typer(
    name="factcheck",
    help="Find the numeric claims in articles and check them against each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ExtractFormat(StrEnum):
    json = "json"
    text = "text"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@dataclass
class _Run:
    """What one invocation has to remember across its parts."""

    debug: bool = False
    skipped: int = 0  # inputs left out: the run is incomplete, exit 2


_run = _Run()


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Print the traceback of an internal error.")
    ] = False,
) -> None:
    """Find the numeric claims in articles and check them against each other."""
    _run.debug, _run.skipped = debug, 0


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(2)


def _skip(skip: Skip) -> None:
    """`path: reason` on stderr; an input left out (not a folder's other files) makes exit 2."""
    typer.echo(str(skip), err=True)
    if not skip.ignored:
        _run.skipped += 1
    if _run.debug and skip.error is not None:
        typer.echo("".join(traceback.format_exception(skip.error)).rstrip(), err=True)


@contextmanager
def _no_traceback() -> Iterator[None]:
    """A bug outside any one file is one line and exit 2; --debug shows the traceback."""
    try:
        yield
    except (typer.Exit, typer.Abort, typer.BadParameter, BrokenPipeError, KeyboardInterrupt):
        raise  # an exit asked for, a usage error, or a reader that went away: not bugs
    except Exception as exc:  # the last guard: nothing escapes as a traceback
        from .extract import internal_error

        _skip(internal_error("factcheck", exc))
        raise typer.Exit(2) from exc


def _max_size(text: str | int) -> int:
    from .sources import parse_size

    if isinstance(text, int):
        return text  # the default
    try:
        return parse_size(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _render(
    output_format: CheckFormat,
    report: Report,
    docs: list[Document],
    colour: bool | None,
    output: Path | None,
) -> Iterable[str]:
    """The report in the format asked for, in pieces to write one after another."""
    from .report import findings

    if output_format is CheckFormat.json:
        return itertools.chain(findings.json_parts(report), ["\n"])
    if output_format is CheckFormat.sarif:
        from .report.sarif import sarif_parts

        return itertools.chain(sarif_parts(report), ["\n"])
    if output_format is CheckFormat.github:
        from .report.github import github_parts

        return github_parts(report)
    if output_format is CheckFormat.junit:
        from .report.junit import junit_parts

        return junit_parts(report)
    if output_format is CheckFormat.html:
        from .report.html import html_parts

        return html_parts(report, docs)
    return findings.text_parts(report, colour=_colour(colour, output))


def _colour(asked: bool | None, output: Path | None) -> bool:
    """Colour as asked; by default only on a terminal."""
    return (output is None and sys.stdout.isatty()) if asked is None else asked


def _emit(parts: Iterable[str], output: Path | None, colour: bool = False) -> None:
    """The report on stdout, or in the file --output names (never an article: the user chose it).

    On stdout, styles are kept when colour was asked for: piped to `less -R`, say, where
    the terminal cannot be seen (otherwise `echo` strips them off a pipe)."""
    if output is None:
        for text in parts:
            typer.echo(text, nl=False, color=True if colour else None)
        return
    try:
        with output.open("w", encoding="utf-8") as out:
            out.writelines(parts)
    except OSError as exc:
        raise _fail(f"{output}: {(exc.strerror or 'cannot write').lower()}") from exc


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for long runs; silent when stderr is no terminal, or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("reading articles", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date for every article: YYYY[-MM[-DD]]."),
]
RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="A rule directory that extends the built-in rules/."),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        parser=_max_size,
        metavar="SIZE",
        help="Skip files larger than this (bytes, or 500kB, 20MB, 1GiB). [default: 20MB]",
    ),
]


def _jobs(value: int | None) -> int:
    import os

    if value is None:
        return os.cpu_count() or 1
    if value < 1:
        raise typer.BadParameter("must be 1 or more")
    return value


JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="Read files in this many processes (same output as one). [default: all cores]",
    ),
]


def _published_date(published: str | None) -> str | None:
    """The --published option, checked: a bad date is a usage error (exit 2)."""
    from .published import validate_override

    try:
        return validate_override(published) if published else None
    except ValueError as exc:
        raise _fail(f"--published: {exc}") from exc


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html).")
    ],
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="json (the contract) or text.")
    ] = ExtractFormat.text,
    published: PublishedOption = None,
    rules: RulesOption = None,
    max_file_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    jobs: JobsOption = None,
) -> None:
    """Print every numeric claim in the articles, with its value, unit and bounds."""
    from .errors import InputError
    from .extract import extract_paths
    from .report import claims

    when = _published_date(published)
    with _no_traceback():
        try:
            docs = extract_paths(
                paths,
                when,
                tuple(rules or ()),
                on_skip=_skip,
                max_size=max_file_size,
                jobs=_jobs(jobs),
            )
        except InputError as exc:
            raise _fail(str(exc)) from exc
        text = claims.to_json(docs) if output_format is ExtractFormat.json else claims.to_text(docs)
        typer.echo(text)
    raise typer.Exit(2 if _run.skipped else 0)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class MinConfidence(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Article files or folders to check.")
    ] = None,
    claims_file: Annotated[
        str | None,
        typer.Option(
            "--claims",
            help="Check the claims of a factcheck.claims/1 document (- for stdin) "
            "instead of reading articles.",
        ),
    ] = None,
    against: Annotated[
        list[Path] | None,
        typer.Option(
            "--against", help="Published articles to check PATHS against (not each other)."
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="text (grouped report) or json (the contract)."),
    ] = CheckFormat.text,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding is this severe or more. [default: error]"
        ),
    ] = None,
    min_confidence: Annotated[
        MinConfidence | None,
        typer.Option(
            "--min-confidence",
            help="Report only findings at least this sure (see README). [default: medium]",
        ),
    ] = None,
    published: PublishedOption = None,
    rules: RulesOption = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="factcheck.toml or pyproject.toml to read (default: the nearest)."
        ),
    ] = None,
    colour: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Colour the text report (default: on a terminal)."),
    ] = None,
    baseline_file: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Known findings to leave out (default: .factcheck-baseline.json when it exists).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar on stderr.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file instead of stdout."),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="Where --against keeps the claim store of a folder of articles "
            "(default: .factcheck-store in that folder).",
        ),
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store", help="Check a whole claim store (see `factcheck index`) against itself."
        ),
    ] = None,
    jobs: JobsOption = None,
    write_baseline: Annotated[
        bool,
        typer.Option(
            "--write-baseline",
            help="Record every current finding as known, then exit 0 (2 if an input was skipped).",
        ),
    ] = False,
    max_file_size: MaxSizeOption = DEFAULT_MAX_SIZE,
) -> None:
    """Link the claims that speak of the same fact and report what agrees, what conflicts and why."""
    from . import baseline
    from . import config as configuration
    from .check import exit_status
    from .errors import InputError

    when = _published_date(published)
    if sum((bool(paths), claims_file is not None, store is not None)) != 1:
        raise _fail("check: give article PATHS, --claims FILE or --store DIR: one of them")
    if store is not None and against:
        raise _fail("check: --store checks a store against itself; --against needs PATHS")
    with _no_traceback():
        try:
            settings = configuration.load(config or configuration.find(Path.cwd()))
            if min_confidence is not None:
                settings = settings.model_copy(update={"min_confidence": min_confidence.value})
            extra = tuple(rules or ())
            report, docs = _check(
                _Inputs(paths, claims_file, against, cache, store, _jobs(jobs)),
                settings,
                extra,
                when,
                quiet,
                max_file_size,
            )
            known_path = baseline_file or baseline.DEFAULT
            if write_baseline:
                count = baseline.write(report, known_path)
                typer.echo(f"{known_path}: {count} findings recorded as known", err=True)
                raise typer.Exit(2 if _run.skipped else 0)
            if baseline_file is not None or known_path.exists():
                report = baseline.apply(report, baseline.load(known_path))
        except InputError as exc:
            raise _fail(str(exc)) from exc
        _emit(
            _render(output_format, report, docs, colour, output),
            output,
            colour=output_format is CheckFormat.text and _colour(colour, output),
        )
    if _run.skipped:
        raise typer.Exit(2)
    raise typer.Exit(exit_status(report, (fail_on.value if fail_on else settings.fail_on)))


@dataclass(frozen=True)
class _Inputs:
    """What `check` reads: articles, a claims file or a store, and what to check them against."""

    paths: list[Path] | None
    claims_file: str | None
    against: list[Path] | None
    cache: Path | None
    store: Path | None
    jobs: int


def _check(
    inputs: _Inputs,
    settings: Settings,
    extra: tuple[Path, ...],
    when: str | None,
    quiet: bool,
    max_size: int,
) -> tuple[Report, list[Document]]:
    """The report on the articles (or the claims file, or the store), and its documents."""
    from .check import check_documents, check_in_parts
    from .extract import extract_paths

    rule_packs = tuple(settings.rule_packs) + extra
    if inputs.store is not None:
        from .store import query
        from .store.build import open_store

        archive = open_store(inputs.store, rule_packs, when)
        totals = query.totals(archive)
        return check_in_parts(query.by_bucket(archive), settings, extra, totals), []
    if inputs.claims_file is not None:
        from . import claimsfile

        docs = claimsfile.load(inputs.claims_file)
    else:
        with _progress(quiet) as progress:
            docs = extract_paths(
                inputs.paths or [],
                when,
                rule_packs,
                on_skip=_skip,
                on_progress=progress,
                max_size=max_size,
                jobs=inputs.jobs,
            )
    if not inputs.against:
        return check_documents(docs, settings, extra), docs
    published, held = _against(inputs, docs, rule_packs, when, max_size)
    report = check_documents(docs + published, settings, extra, [d.path for d in docs])
    if held is not None:
        # Only the archive's candidates were read in full; the summary counts all it holds.
        report.summary.documents = len(docs) + held[0]
        report.summary.claims = sum(len(d.claims) for d in docs) + held[1]
    return report, docs + published


def _against(
    inputs: _Inputs,
    drafts: list[Document],
    rule_packs: tuple[Path, ...],
    when: str | None,
    max_size: int,
) -> tuple[list[Document], tuple[int, int] | None]:
    """The published articles' claims a draft may be checked against, from a claim store or
    from a folder of articles through the store kept beside it (refreshed first); and how
    many articles and claims the archive holds (None when every one was read)."""
    from . import packs
    from .store import query
    from .store.archive import is_store
    from .store.build import index, open_store
    from .store.keys import Keys

    against = inputs.against or []
    by = Keys(packs.load(rule_packs))
    found: list[Document] = []
    articles = claims = 0
    folders = [p for p in against if not is_store(p)]
    for location in (p for p in against if is_store(p)):
        archive = open_store(location, rule_packs, when)
        found += query.candidates(archive, drafts, by)
        held = query.totals(archive)
        articles, claims = articles + held[0], claims + held[1]
    if folders:
        first = folders[0]
        kept = inputs.cache or (first if first.is_dir() else first.parent) / STORE_NAME
        try:
            built = index(
                folders, kept, when, rule_packs, on_skip=_skip, max_size=max_size, jobs=inputs.jobs
            )
        except OSError as exc:
            # A store that cannot be written (a read-only folder, a full disk): the check
            # goes on with every file read afresh.
            reason = (exc.strerror or type(exc).__name__).lower()
            typer.echo(
                f"{kept}: cannot keep the claim store ({reason}); every file is read", err=True
            )
            from .extract import extract_paths

            read = extract_paths(
                folders, when, rule_packs, on_skip=_skip, max_size=max_size, jobs=inputs.jobs
            )
            return found + read, None
        found += query.candidates(built.store, drafts, by)
        held = query.totals(built.store)
        articles, claims = articles + held[0], claims + held[1]
    return found, (articles, claims)


STORE_NAME = ".factcheck-store"


@app.command()
def index(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of the archive.")],
    store: Annotated[
        Path, typer.Option("--store", help="The claim store to write or bring up to date.")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Extract on a Dask cluster: its scheduler's address (tcp://HOST:PORT).",
        ),
    ] = None,
    published: PublishedOption = None,
    rules: RulesOption = None,
    max_file_size: MaxSizeOption = DEFAULT_MAX_SIZE,
    jobs: JobsOption = None,
) -> None:
    """Write an archive's claims, with their context, to a claim store (Parquet) for
    `check --against STORE` and `check --store STORE`; files unchanged since the last run
    are not read again."""
    from .errors import InputError
    from .store.build import index as build_index

    when = _published_date(published)
    with _no_traceback():
        try:
            built = build_index(
                paths,
                store,
                when,
                tuple(rules or ()),
                on_skip=_skip,
                max_size=max_file_size,
                jobs=_jobs(jobs),
                scheduler=scheduler,
            )
        except InputError as exc:
            raise _fail(str(exc)) from exc
        typer.echo(
            f"{store}: {len(built.files)} articles; {len(built.extracted)} read "
            f"({built.claims} claims), {built.kept} unchanged, {built.removed} removed",
            err=True,
        )
    raise typer.Exit(2 if _run.skipped else 0)


@app.command("rules")
def list_rules(
    name: Annotated[str | None, typer.Argument(help="A rule to explain.")] = None,
) -> None:
    """List the rules, or explain one: what it flags, why, an example, and its options."""
    from .checks import RULES, by_name

    if name is None:
        width = max(len(r.name) for r in RULES)
        for r in RULES:
            typer.echo(f"{r.name.ljust(width)}  {r.default_severity:<7}  {r.summary}")
        return
    rule = by_name(name)
    if rule is None:
        raise _fail(f"{name}: no such rule; `factcheck rules` lists them")
    typer.echo(f"{rule.name} [{rule.default_severity}]\n")
    typer.echo(rule.doc.strip())
    fields = rule.options.model_fields
    if fields:
        typer.echo(
            "\n## Options (rules/tolerances.toml, or [tool.factcheck.rules." + rule.name + "])"
        )
        for key, field in fields.items():
            typer.echo(f"- {key} = {field.default!r}")


def main() -> None:
    """Console entry point."""
    collector.tune()
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
