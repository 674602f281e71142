"""footnorm: separate flattened notes from prose, parse and resolve their citations.

The pipeline, in order:  scan -> attach citations -> resolve -> tile.  `analyse` runs it;
`render`, `bibtex` and `csl_json` turn the resulting Document into outputs.
"""

from __future__ import annotations

from dataclasses import replace

from . import whitespace
from .citations import attach
from .csl import entries_json, parse_line_item
from .errors import FootnormError, InputError
from .layout import body_text, numbering_diagnostics, tile
from .model import Citation, Diagnostic, Document, Entry, Marker, Note, Reference, Segment
from .resolve import resolve
from .scan import scan
from .source import LineIndex

__all__ = [
    "analyse", "parse_reference", "parse_references", "render", "to_bibtex", "to_csl_json",
    "Document", "Marker", "Note", "Citation", "Entry", "Reference", "Segment", "Diagnostic",
    "FootnormError", "InputError",
]
__version__ = "0.1.0"


def analyse(text: str, source_name: str = "<string>", abbreviations: dict[str, Reference] | None = None,
            workers: int = 1) -> Document:
    """Find markers, notes, citations and works in `text`; nothing in it is lost or changed.

    `abbreviations` maps abbreviated sources to their entries (see `footnorm.abbreviations.load`).
    `workers` > 1 parses a long text's notes in that many processes (where the platform forks);
    the result is the same.  Many texts are better spread over a Dask cluster (`footnorm.batch`).
    """
    if "\r\n" in text:
        return whitespace.onto_input(analyse(whitespace.plain(text), source_name, abbreviations, workers), text)
    if whitespace.SPACES.search(text):
        return whitespace.onto_spaced_input(analyse(whitespace.spaced(text), source_name, abbreviations, workers),
                                            text)
    index = LineIndex.of(text)
    layout = scan(text, index)
    notes, cite_diags = attach(layout.notes, workers)
    notes, entries, resolve_diags = resolve(notes, abbreviations)
    segments = tile(len(text), layout.markers, notes, layout.artefacts)
    diags = list(layout.diagnostics) + list(cite_diags) + list(resolve_diags)
    diags += numbering_diagnostics(layout.markers, notes)
    first_cited: dict[str, Citation] = {}
    for n in notes:
        for c in n.citations:
            first_cited.setdefault(c.key, c)
    diags += [Diagnostic("incomplete-entry", "info",
                         f"{e.key} is known only from short citations; complete it in the bibliography",
                         first_cited[e.key].start if e.key in first_cited else 0,
                         first_cited[e.key].end if e.key in first_cited else 0)
              for e in entries if e.incomplete]
    located = []
    for d in diags:
        line, col = index.position(d.start)
        located.append(d.located(line, col))
    located.sort(key=lambda d: (d.start, d.code))
    return Document(text, body_text(text, segments), segments, layout.markers, notes, layout.artefacts,
                    entries, tuple(located), source_name)


def parse_reference(line: str) -> dict:
    """The `footnorm parse` item for one reference or note text."""
    return parse_references([line])[0]


def parse_references(lines: list[str]) -> list[dict]:
    """The `footnorm parse` items for reference or note texts, one per line.

    The lines are read in order, as the notes of a text: "Ibid." and "Id." stand for the work the
    line before cited, and their item carries what is known of that work. A blank line ends the
    sequence (the next line starts a new text).
    """
    from .citations import is_commentary, settle_form
    from .references import list_number, parse_note_text

    # as `inspect` keeps them: a sentence of the note's own prose read as a title is no citation
    parsed = [tuple(c for c in parse_note_text(line)[0] if not is_commentary(settle_form(c))) if line.strip() else ()
              for line in lines]
    notes = tuple(Note(i + 1, line, 0, len(line), "parsed", citations=cites)
                  for i, (line, cites) in enumerate(zip(lines, parsed)))
    resolved: list[Note] = []
    start = 0
    for stop in [i for i, line in enumerate(lines) if not line.strip()] + [len(lines)]:
        if stop > start:
            group, entries, _ = resolve(notes[start:stop])
            works = {e.key: e.reference for e in entries}
            resolved += [replace(n, citations=tuple(_as_antecedent(c, works) for c in n.citations)) for n in group]
        if stop < len(lines):
            resolved.append(notes[stop])
        start = stop + 1
    items = []
    for line, note in zip(lines, resolved):
        item = parse_line_item(note.citations)
        number = list_number(line)
        if number and note.citations:
            item["citation-number"] = number  # "[43] Smith, …" in a numbered bibliography
        items.append(item)
    return items


def _as_antecedent(c: Citation, works: dict[str, Reference]) -> Citation:
    """An ibid. with the fields of the work it stands for; a short form naming the editors of an
    edited volume (Chicago drops the "ed." there) with its names as editors; every other citation
    as it was written."""
    work = works.get(c.key)
    if work is None:
        return c
    if c.form == "ibid" and c.reference.is_empty():
        return replace(c, reference=work)
    ref = c.reference
    if c.form == "short" and work.editor and not work.author and ref.author and not ref.editor:
        return replace(c, reference=replace(ref, author=(), editor=ref.author))
    return c


def render(doc: Document, to: str = "markdown") -> str:
    from .formats import MODULES, renderer

    try:
        render_as = renderer(to)
    except KeyError:
        raise FootnormError(f"unknown output format {to!r}; choose one of {', '.join(sorted(MODULES))}") from None
    if to == "json" or "\r\n" not in doc.text:
        return render_as(doc)  # the report's offsets are the input's
    # the manuscript is cleaned as plain text and keeps the line ends it came with
    return render_as(whitespace.onto_plain(doc)).replace("\n", "\r\n")


def to_bibtex(doc: Document, biblatex: bool = True) -> str:
    from . import bibtex  # bibtexparser costs start-up time that only bibliography output needs

    return bibtex.write(doc.entries, biblatex)


def to_csl_json(doc: Document) -> str:
    return entries_json(doc.entries)
