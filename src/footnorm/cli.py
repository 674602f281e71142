"""The command line: a thin typer layer over the footnorm API. The only module that prints or exits.

Exit codes everywhere: 0 done (or `check`: clean), 1 `check` found problems, 2 bad input or usage.
Every run reads and analyses all its inputs before it writes anything, and every file is written
atomically, so a failed run leaves no output behind.
"""

# No `from __future__ import annotations` here: typer reads every command's signature at every
# run, and string annotations would make it eval() each one again (~10 ms of start-up).
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Optional

import typer

import footnorm
from footnorm.config import settings_for
from footnorm.errors import FootnormError
from footnorm.output import write_text
from footnorm.pipeline import (Plan, abbreviation_table, csl_items, keymap_text, merged_bibliography, output_targets,
                               patterned)
from footnorm.source import read_text

app = typer.Typer(
    help="Separate flattened footnotes from prose, parse and resolve their citations, "
    "and write a clean manuscript, BibTeX and CSL-JSON.",
    epilog="Examples:\n\n"
    "  footnorm clean draft.txt --bib refs.bib -o draft.md\n\n"
    "  footnorm clean ch*.txt --to latex --bib book.bib -o build/\n\n"
    "  footnorm check --strict --format github chapters/*.md\n\n"
    "  pdftotext paper.pdf - | footnorm clean - > paper.md\n\n"
    "Settings: footnorm.toml beside the manuscript, or \\[tool.footnorm] in pyproject.toml.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Flavour(str, Enum):
    markdown = "markdown"
    latex = "latex"
    plain = "plain"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@dataclass
class Verbosity:
    quiet: bool = False
    verbose: bool = False


verbosity = Verbosity()

FileArg = Annotated[str, typer.Argument(help="Input file, or - for standard input.", show_default=False)]
OutOpt = Annotated[Optional[str], typer.Option("-o", "--output", help="Write here (atomically) instead of stdout.")]
KeyPatternOpt = Annotated[Optional[str], typer.Option(
    "--key-pattern", help="Keys for new works, e.g. '{auth}{year}' or '{auth}{shorttitle}{year}' "
    "(fields: auth, Auth, year, title, Title, shorttitle).")]
AbbreviationsOpt = Annotated[Optional[str], typer.Option(
    "--abbreviations", help="A table of abbreviated sources (lines 'FRUS = Foreign Relations of the United "
    "States', or JSON) expanded in the bibliography.")]
ConfigOpt = Annotated[Optional[str], typer.Option(
    "--config", help="Settings file (footnorm.toml or pyproject.toml); default: the nearest one.")]


def os_message(exc: OSError) -> str:
    """One line for an operating-system error: the file, then what went wrong."""
    return f"{exc.filename or '<output>'}: {exc.strerror or exc}"


@contextmanager
def reported() -> Iterator[None]:
    """The library's errors and the operating system's as one line on stderr and exit 2."""
    try:
        yield
    except FootnormError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(os_message(exc))


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"footnorm: {message}", err=True)
    raise typer.Exit(code)


def detail(message: str) -> None:
    if verbosity.verbose and not verbosity.quiet:
        typer.echo(message, err=True)


def cores() -> int:
    """The cores this process may run on (a container's share, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def load(path: str, abbreviations: dict | None = None) -> footnorm.Document:
    text, name = read_text(path)
    return footnorm.analyse(text, name, abbreviations=abbreviations, workers=cores())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"footnorm {footnorm.__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but results and errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say what was found and written.")] = False,
) -> None:
    verbosity.quiet, verbosity.verbose = quiet, verbose


# --- progress -----------------------------------------------------------------------------------


def progress(items: list[str]):
    """A rich progress bar on a terminal for many files; nothing in a pipe or with --quiet."""
    if len(items) < 2 or verbosity.quiet or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track

    yield from track(items, description="footnorm", transient=True, console=Console(stderr=True))


def carry_out(plan: Plan, diff: bool) -> None:
    if diff:
        typer.echo(plan.diffs(), nl=False)
        return
    for path in plan.carry_out():
        detail(f"wrote {path}")


# --- commands -----------------------------------------------------------------------------------


@app.command(epilog="Examples:\n\n"
             "  footnorm clean draft.txt > draft.md\n\n"
             "  footnorm clean draft.txt --to latex --bib refs.bib --keymap keys.tsv -o draft.tex\n\n"
             "  footnorm clean ch1.txt ch2.txt ch3.txt --bib book.bib -o build/\n\n"
             "  footnorm clean --in-place --diff notes.md   (show what --in-place would change)")
def clean(
    files: Annotated[list[str], typer.Argument(help="Input files, or - for standard input.", show_default=False)],
    to: Annotated[Optional[Flavour], typer.Option("--to", help="Manuscript flavour \\[default: markdown].",
                                                  show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option(
        "-o", "--output", help="Write here (atomically) instead of stdout; a folder for several inputs.")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", "-i",
                                           help="Replace each input, keeping the original as FILE.bak.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of every file instead of writing.")] = False,
    bib: Annotated[Optional[str], typer.Option(
        "--bib", help="The bibliography: an existing file is kept and new works are appended to it.")] = None,
    bibtex: Annotated[Optional[bool], typer.Option("--bibtex/--biblatex",
                                                   help="Classic BibTeX instead of UTF-8 BibLaTeX.",
                                                   show_default=False)] = None,
    keymap: Annotated[Optional[str], typer.Option(
        "--keymap", help="Write footnorm's key -> the key used (TSV, or JSON if FILE ends in .json).")] = None,
    csl_json: Annotated[Optional[str], typer.Option("--csl-json", help="Also write CSL-JSON here.")] = None,
    key_pattern: KeyPatternOpt = None,
    abbreviations: AbbreviationsOpt = None,
    config: ConfigOpt = None,
) -> None:
    r"""Write the cleaned manuscript: markers as \[^n], notes as definitions, citations as \[@key, 142]."""
    with reported():
        settings = settings_for(files[0], config)
        flavour = to.value if to else settings.to
        classic = bibtex if bibtex is not None else settings.bibtex
        biblatex = None if classic is None else not classic  # None: as the existing bibliography is written
        bib, csl_json, keymap = bib or settings.bib, csl_json or settings.csl_json, keymap or settings.keymap
        for reserved in settings.unused:
            detail(f"{settings.source}: setting {reserved!r} is not used yet")
        targets, folders = output_targets(files, output, in_place, diff, flavour)
        table = abbreviation_table(abbreviations or settings.abbreviations)
        docs, originals = [], []
        for f in progress(files):
            text, name = read_text(f)
            originals.append(text)
            docs.append(footnorm.analyse(text, name, abbreviations=table, workers=cores()))
            detail(f"{name}: {len(docs[-1].markers)} markers, {len(docs[-1].notes)} notes, "
                   f"{len(docs[-1].entries)} works")
        plan = Plan(folders=folders)
        docs, keys = patterned(docs, key_pattern or settings.key_pattern)
        if bib:
            bib_text, docs, merged, as_biblatex, reports = merged_bibliography(bib, docs, biblatex)
            for r in reports:
                detail(f"{bib}: {r.new} new, {r.known} already there ({r.source})")
            detail(f"{bib}: new entries in {'BibLaTeX' if as_biblatex else 'classic BibTeX'}")
            keys = {old: merged.get(new, new) for old, new in keys.items()}
            plan.writes.append((bib, bib_text))
        if keymap:
            plan.writes.append((keymap, keymap_text(keymap, keys)))
        if csl_json:
            plan.writes.append((csl_json, csl_items(docs)))
        for f, doc, original, target in zip(files, docs, originals, targets):
            if target in (None, "-"):
                plan.bases[len(plan.writes)] = (doc.source_name, original)
            plan.writes.append((target, footnorm.render(doc, flavour)))
            if in_place and not diff:
                plan.backups.append((f + ".bak", original.encode("utf-8")))
        carry_out(plan, diff)


@app.command(epilog="Examples:\n\n  footnorm bib draft.txt -o refs.bib   (appends to refs.bib if it exists)\n\n"
             "  footnorm bib --bibtex draft.txt > refs.bib")
def bib(
    file: FileArg,
    output: Annotated[Optional[str], typer.Option(
        "-o", "--output", help="Write here (atomically); an existing file is kept and new works appended.")] = None,
    bibtex: Annotated[Optional[bool], typer.Option(
        "--bibtex/--biblatex", help="Classic BibTeX with LaTeX escapes, or UTF-8 BibLaTeX \\[default: as an existing "
        "file is written, else BibLaTeX].", show_default=False)] = None,
    key_pattern: KeyPatternOpt = None,
    abbreviations: AbbreviationsOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write the bibliography of every work the notes cite."""
    with reported():
        settings = settings_for(file, config)
        table = abbreviation_table(abbreviations or settings.abbreviations)
        (doc,), _ = patterned([load(file, table)], key_pattern or settings.key_pattern)
        classic = bibtex if bibtex is not None else settings.bibtex
        if output not in (None, "-"):
            text = merged_bibliography(output, [doc], None if classic is None else not classic)[0]
            write_text(output, text)
        else:
            write_text(output, footnorm.to_bibtex(doc, biblatex=not classic))


@app.command(epilog="Examples:\n\n  footnorm inspect draft.txt\n\n  footnorm inspect draft.txt --json > draft.report.json")
def inspect(
    file: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="Everything found, as one JSON object.")] = False,
    output: OutOpt = None,
    abbreviations: AbbreviationsOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Show the markers, notes, citations, entries and diagnostics found."""
    with reported():
        settings = settings_for(file, config)
        doc = load(file, abbreviation_table(abbreviations or settings.abbreviations))
        if as_json:
            write_text(output, footnorm.render(doc, "json"))
        else:
            from footnorm.summary import print_summary

            print_summary(doc)


@app.command(epilog="Example:\n\n  footnorm inspect draft.txt --json | footnorm restore - | cmp - draft.txt")
def restore(
    report: Annotated[str, typer.Argument(help="A report from `footnorm inspect --json`, or - for stdin.",
                                          show_default=False)],
    output: OutOpt = None,
) -> None:
    """Write the exact input back from an `inspect --json` report (a lossless round trip)."""
    from footnorm.roundtrip import restore_json

    with reported():
        text, name = read_text(report)
        write_text(output, restore_json(text, name))


@app.command(epilog="Example:\n\n  printf 'Hasegawa, Racing the Enemy, 142.\\n' | footnorm parse -")
def parse(
    file: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one CSL-JSON item per input line.")] = True,
    output: OutOpt = None,
) -> None:
    """Parse one reference or note text per line into CSL-JSON; ibid. and id. take the previous line's work."""
    with reported():
        text, _ = read_text(file)
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        out = [json.dumps(item, ensure_ascii=False) for item in footnorm.parse_references(lines)]
        write_text(output, "\n".join(out) + ("\n" if out else ""))


def _github(value: str) -> str:
    """GitHub workflow-command escaping (properties also escape ',' and ':')."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    return _github(value).replace(":", "%3A").replace(",", "%2C")


@app.command(epilog="Exit status: 0 clean, 1 problems found, 2 a file could not be read.\n\n"
             "Examples:\n\n  footnorm check draft.md\n\n  footnorm check --strict --format github chapters/*.md\n\n"
             "  footnorm check --format json draft.txt | jq '.[].code'")
def check(
    files: Annotated[list[str], typer.Argument(help="Files to check, or - for standard input.")],
    strict: Annotated[Optional[bool], typer.Option("--strict/--no-strict",
                                                   help="Treat info diagnostics as problems too.",
                                                   show_default=False)] = None,
    fmt: Annotated[Optional[CheckFormat], typer.Option(
        "--format", help="text (file:line:column: code: message), json, or github annotations \\[default: text].",
        show_default=False)] = None,
    abbreviations: AbbreviationsOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Exit 0 when clean, 1 when problems are found (printed as file:line:column: code: message)."""
    try:
        settings = settings_for(files[0], config)
        table = abbreviation_table(abbreviations or settings.abbreviations)
    except FootnormError as exc:
        fail(str(exc))
        return
    strict = settings.strict if strict is None else strict
    form = fmt.value if fmt else settings.format
    problems, unreadable, records = 0, 0, []
    for f in progress(files):
        try:
            doc = load(f, table)
        except FootnormError as exc:
            unreadable += 1
            if form == "github":
                typer.echo(f"::error file={_github_property(f)}::{_github(str(exc))}")
            if form == "json":
                records.append({"file": f, "error": str(exc)})
            typer.echo(f"footnorm: {exc}", err=True)
            continue
        for d in doc.diagnostics:
            if d.severity == "info" and not strict:
                continue
            problems += 1
            if form == "json":
                records.append({"file": doc.source_name, "line": d.line, "column": d.column, "code": d.code,
                                "severity": d.severity, "message": d.message, "start": d.start, "end": d.end})
            elif verbosity.quiet:
                continue
            elif form == "github":
                level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
                typer.echo(f"::{level} file={_github_property(doc.source_name)},line={d.line},col={d.column}"
                           f"::{_github(d.code + ': ' + d.message)}")
            else:
                typer.echo(f"{doc.source_name}:{d.line}:{d.column}: {d.code}: {d.message}")
    if form == "json":
        typer.echo(json.dumps(records, ensure_ascii=False, indent=1))
    detail(f"{len(files)} files, {problems} problems, {unreadable} unreadable")
    raise typer.Exit(2 if unreadable else 1 if problems else 0)


def main() -> None:
    # A command runs once and exits. The modules' objects imported so far live until then, so the
    # cyclic collector need not walk them again at every collection (gc.freeze), and the analysis's
    # hundreds of thousands of short-lived, acyclic objects need few collections (a larger first
    # threshold): ~35 ms of the 700 KB book's run, in the parent and in the forked parser alike.
    # Here, not at import: a program that imports footnorm keeps its own collector settings.
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    app(prog_name="footnorm")


if __name__ == "__main__":
    main()
