"""The immutable document model every stage reads and produces.

Offsets are code-point offsets into the original input, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
CitationForm = Literal["full", "short", "ibid"]
SegmentKind = Literal["body", "marker", "note", "artefact"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int = 0
    column: int = 0

    # These copy methods spell the constructor out because dataclasses.replace, which checks
    # every field by name, costs several times as much: they run for every note and citation.
    def spanning(self, start: int, end: int) -> Diagnostic:
        return Diagnostic(self.code, self.severity, self.message, start, end, self.line, self.column)

    def located(self, line: int, column: int) -> Diagnostic:
        return Diagnostic(self.code, self.severity, self.message, self.start, self.end, line, column)


@dataclass(frozen=True, slots=True)
class Name:
    family: str = ""
    given: str = ""
    particle: str = ""  # "van", "de", "von": kept apart so keys and sorting use the family name
    suffix: str = ""
    literal: str = ""  # institutions and names that must not be split

    def to_csl(self) -> dict[str, str]:
        if self.literal:
            return {"literal": self.literal}
        out = {"family": self.family}
        if self.given:
            out["given"] = self.given
        if self.particle:
            out["non-dropping-particle"] = self.particle
        if self.suffix:
            out["suffix"] = self.suffix
        return out

    @property
    def sort_name(self) -> str:
        return self.literal or self.family


@dataclass(frozen=True, slots=True)
class Reference:
    """What a citation says about the cited work (CSL variable names, snake_cased)."""

    type: str = ""
    author: tuple[Name, ...] = ()
    editor: tuple[Name, ...] = ()
    translator: tuple[Name, ...] = ()
    title: str = ""
    title_style: Literal["", "quoted", "italic", "plain"] = ""
    container_title: str = ""
    collection_title: str = ""
    volume: str = ""
    issue: str = ""
    edition: str = ""
    page: str = ""  # the work's own page range, never the pinpoint
    publisher: str = ""
    publisher_place: str = ""
    issued: str = ""  # a year, or an ISO date
    accessed: str = ""
    url: str = ""
    doi: str = ""
    isbn: str = ""
    number_of_pages: str = ""  # the size of a book ("518 p."), never a page range
    genre: str = ""
    archive: str = ""
    archive_location: str = ""
    authority: str = ""  # the court of a judgment, the body that issued a document
    note: str = ""

    def is_empty(self) -> bool:
        return not (self.author or self.editor or self.title or self.container_title)


@dataclass(frozen=True, slots=True)
class Citation:
    """One reference inside a note; offsets are absolute once the note is placed."""

    start: int
    end: int
    text: str
    form: CitationForm
    reference: Reference
    prefix: str = ""  # the signal: "See", "Cf.", "vgl."
    locator: str = ""  # the pinpoint, never the work's page range
    label: str = ""  # CSL locator label: page, volume, note, chapter, ...
    key: str = ""  # filled by resolution

    # (copies spelled out, as on Diagnostic: they run for every citation)
    def spanning(self, start: int, end: int) -> Citation:
        return Citation(start, end, self.text, self.form, self.reference, self.prefix, self.locator, self.label,
                        self.key)

    def keyed(self, key: str) -> Citation:
        return Citation(self.start, self.end, self.text, self.form, self.reference, self.prefix, self.locator,
                        self.label, key)


@dataclass(frozen=True, slots=True)
class Marker:
    number: int
    start: int
    end: int
    line: int
    column: int
    style: str = "bare"  # bare, superscript, bracket, markdown, latex
    label: str = ""  # the label as written when it is not a plain number ([^intro])


@dataclass(frozen=True, slots=True)
class Note:
    number: int
    text: str
    start: int  # of the text, label excluded
    end: int
    placement: str  # inline, page-bottom, endnote, markdown, latex
    label_start: int = -1  # the "36 " that numbers the note text, kept as its own segment
    label_end: int = -1
    line: int = 0
    column: int = 0
    citations: tuple[Citation, ...] = ()
    label: str = ""  # the label as written when it is not a plain number ([^intro])
    # Later parts of a note a page break cut in two, as (start, end) in the input; `text` joins the
    # parts with a line break, as the page did.
    continued: tuple[tuple[int, int], ...] = ()

    def with_citations(self, citations: tuple[Citation, ...]) -> Note:
        # (a copy spelled out, as on Diagnostic: it runs for every note)
        return Note(self.number, self.text, self.start, self.end, self.placement, self.label_start, self.label_end,
                    self.line, self.column, citations, self.label, self.continued)

    @property
    def parts(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end),) + self.continued

    def position(self, offset: int) -> int:
        """The input offset of `text[offset]`; the line break joining two parts stands at the first's end."""
        for start, end in self.parts:
            if offset <= end - start:
                return start + offset
            offset -= end - start + 1
        return self.parts[-1][1]

    def offset(self, position: int) -> int:
        """The offset in `text` of the input offset `position` (the inverse of `position`)."""
        base = 0
        for start, end in self.parts:
            if start <= position <= end:
                return base + position - start
            base += end - start + 1
        return position - self.start


@dataclass(frozen=True, slots=True)
class Artefact:
    kind: str  # page-number, running-header, notes-heading, stray-punctuation
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    kind: SegmentKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One work in the bibliography: every citation of it points here by key."""

    key: str
    reference: Reference
    incomplete: bool  # known only from short forms: the author should complete it


@dataclass(frozen=True, slots=True)
class Document:
    text: str  # the input, untouched
    body: str  # the prose with markers, notes and artefacts removed
    segments: tuple[Segment, ...]
    markers: tuple[Marker, ...]
    notes: tuple[Note, ...]
    artefacts: tuple[Artefact, ...]
    entries: tuple[Entry, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    source_name: str = "<string>"


def _constructor_arguments(self):
    """Pickled as the class and its field values in order (every field of these classes is a
    positional `__init__` argument). The parallel parse sends its citations back through a pipe;
    the default for frozen slots dataclasses calls `fields()` once per object and is 1.5x slower."""
    return type(self), tuple(getattr(self, name) for name in self.__slots__)


for _cls in (Diagnostic, Name, Reference, Citation):
    _cls.__reduce__ = _constructor_arguments
