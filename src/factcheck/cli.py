"""The `factcheck` command: options in, calls out, exit status 0, 1 or 2."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

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


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    """Find the numeric claims in articles and check them against each other."""


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(2)


def _skip(path: str, reason: str) -> None:
    typer.echo(f"{path}: skipped: {reason}", err=True)


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html).")
    ],
    output_format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="json (the contract) or text.")
    ] = ExtractFormat.text,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date for every article: YYYY[-MM[-DD]]."),
    ] = None,
    rules: Annotated[
        list[Path] | None,
        typer.Option("--rules", help="A rule directory that extends the built-in rules/."),
    ] = None,
) -> None:
    """Print every numeric claim in the articles, with its value, unit and bounds."""
    from .errors import InputError
    from .extract import extract_paths
    from .published import validate_override
    from .report import claims

    try:
        when = validate_override(published) if published else None
    except ValueError as exc:
        raise _fail(f"--published: {exc}") from exc
    try:
        docs = extract_paths(paths, when, tuple(rules or ()), on_skip=_skip)
    except InputError as exc:
        raise _fail(str(exc)) from exc
    text = claims.to_json(docs) if output_format is ExtractFormat.json else claims.to_text(docs)
    typer.echo(text)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
