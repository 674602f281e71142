"""The command line: a thin typer layer over the footnorm API. The only module that prints or exits."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

import footnorm
from footnorm.errors import FootnormError
from footnorm.output import write_text
from footnorm.source import read_text

app = typer.Typer(
    help="Separate flattened footnotes from prose, parse and resolve their citations, "
    "and write a clean manuscript, BibTeX and CSL-JSON.\n\n"
    "Example: footnorm clean draft.txt --bib refs.bib -o draft.md",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
)


class Flavour(str, Enum):
    markdown = "markdown"
    latex = "latex"
    plain = "plain"


FileArg = Annotated[str, typer.Argument(help="Input file, or - for standard input.", show_default=False)]
OutOpt = Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")]


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"footnorm: {message}", err=True)
    raise typer.Exit(code)


def load(path: str) -> footnorm.Document:
    text, name = read_text(path)
    return footnorm.analyse(text, name)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footnorm {footnorm.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    pass


@app.command()
def clean(
    file: FileArg,
    to: Annotated[Flavour, typer.Option("--to", help="Manuscript flavour.")] = Flavour.markdown,
    output: OutOpt = None,
    bib: Annotated[Optional[str], typer.Option("--bib", help="Also write the bibliography (BibLaTeX) here.")] = None,
    csl_json: Annotated[Optional[str], typer.Option("--csl-json", help="Also write CSL-JSON here.")] = None,
) -> None:
    """Write the cleaned manuscript: markers as [^n], notes as definitions, citations as [@key, 142]."""
    try:
        doc = load(file)
        rendered = footnorm.render(doc, to.value)
        if bib:
            write_text(bib, footnorm.to_bibtex(doc))
        if csl_json:
            write_text(csl_json, footnorm.to_csl_json(doc))
        write_text(output, rendered)
    except FootnormError as exc:
        fail(str(exc))


@app.command()
def bib(
    file: FileArg,
    output: OutOpt = None,
    bibtex: Annotated[bool, typer.Option("--bibtex", help="Classic BibTeX with LaTeX escapes instead of UTF-8 BibLaTeX.")] = False,
) -> None:
    """Write the bibliography of every work the notes cite."""
    try:
        write_text(output, footnorm.to_bibtex(load(file), biblatex=not bibtex))
    except FootnormError as exc:
        fail(str(exc))


@app.command()
def inspect(
    file: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="Everything found, as one JSON object.")] = False,
    output: OutOpt = None,
) -> None:
    """Show the markers, notes, citations, entries and diagnostics found."""
    try:
        doc = load(file)
        if as_json:
            write_text(output, footnorm.render(doc, "json"))
        else:
            from footnorm.summary import print_summary

            print_summary(doc)
    except FootnormError as exc:
        fail(str(exc))


@app.command()
def parse(
    file: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one CSL-JSON item per input line.")] = True,
    output: OutOpt = None,
) -> None:
    """Parse one reference or note text per line into CSL-JSON."""
    try:
        text, _ = read_text(file)
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        out = [json.dumps(footnorm.parse_reference(line), ensure_ascii=False) for line in lines]
        write_text(output, "\n".join(out) + ("\n" if out else ""))
    except FootnormError as exc:
        fail(str(exc))


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="Files to check, or - for standard input.")],
    strict: Annotated[bool, typer.Option("--strict", help="Treat info diagnostics as problems too.")] = False,
) -> None:
    """Exit 0 when clean, 1 when problems are found (printed as file:line:column: code: message)."""
    problems = 0
    try:
        for f in files:
            doc = load(f)
            for d in doc.diagnostics:
                if d.severity == "info" and not strict:
                    continue
                problems += 1
                typer.echo(f"{doc.source_name}:{d.line}:{d.column}: {d.code}: {d.message}")
    except FootnormError as exc:
        fail(str(exc))
    raise typer.Exit(1 if problems else 0)


def main() -> None:
    app(prog_name="footnorm")
