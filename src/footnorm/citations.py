"""Attaching citations to each note: the grammar's, or the Pandoc citations already written there."""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Citation, Diagnostic, Note, Reference
from .references import parse_note_text

# [see @key, 142; @other] — footnorm's own output, read back without re-parsing (idempotence).
PANDOC_GROUP = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
PANDOC_ITEM = re.compile(r"^\s*(?P<prefix>[^@;]*?)\s*-?@(?:\{(?P<bkey>[^}]+)\}|(?P<key>[\w:.#$%&+?<>~/-]*\w))\s*(?:,\s*(?P<loc>.*?))?\s*$")


def pandoc_citations(note: Note) -> tuple[Citation, ...] | None:
    found = []
    for g in PANDOC_GROUP.finditer(note.text):
        pos = g.start(1)
        for part in g.group(1).split(";"):
            m = PANDOC_ITEM.match(part)
            if m:
                locator = (m.group("loc") or "").strip()
                found.append(Citation(note.position(pos), note.position(pos + len(part)), part.strip(), "full",
                                      Reference(), m.group("prefix") or "", locator, "page" if locator else "",
                                      m.group("key") or m.group("bkey")))
            pos += len(part) + 1
    return tuple(found) if found else None


WRAPPED_WORD = re.compile(r"[^\W\d_]+-\n[^\W\d_]+")  # a word hyphenated at the end of a line


def dehyphenate(ref: Reference, text: str, start: int, end: int) -> Reference:
    """`pre-\ndictive` in a page-bottom note is one word: join it in the fields that carry it."""
    broken = {m.group(0) for m in WRAPPED_WORD.finditer(text, start, end)}
    if not broken:
        return ref
    changes = {}
    for name in ("title", "container_title", "collection_title", "publisher", "publisher_place"):
        value = getattr(ref, name)
        for word in broken:
            head, tail = word.split("-\n")
            if tail[:1].islower():
                value = value.replace(f"{head}- {tail}", head + tail).replace(f"{head}-{tail}", head + tail)
        if value != getattr(ref, name):
            changes[name] = value
    return replace(ref, **changes) if changes else ref


def _publication_facts(ref: Reference) -> bool:
    return any((ref.publisher, ref.publisher_place, ref.issued, ref.container_title, ref.url, ref.doi,
                ref.archive))


def settle_form(c: Citation) -> Citation:
    """A citation is full only when it says where the work was published; `FRUS: Potsdam, Bd. 2, 1587`
    names a work without publication facts, so the author must still complete its entry."""
    if c.form == "full" and not _publication_facts(c.reference):
        return replace(c, form="short")
    return c


def is_commentary(c: Citation) -> bool:
    """A "citation" with no author, no pinpoint and no publication facts is a sentence of the note's
    own prose ("The same case is discussed there."), not a reference to a work."""
    ref = c.reference
    return (c.form == "short" and not (ref.author or ref.editor) and not c.locator
            and not _publication_facts(ref) and not ref.volume)


def attach(notes: tuple[Note, ...]) -> tuple[tuple[Note, ...], tuple[Diagnostic, ...]]:
    out, diags = [], []
    # Books repeat their notes ("Ibid.", "Ibid., 12.", the same short form): parse each text once.
    parsed: dict[str, tuple[tuple[Citation, ...], tuple[Diagnostic, ...]]] = {}
    for note in notes:
        existing = pandoc_citations(note)
        if existing is not None:
            out.append(replace(note, citations=existing))
            continue
        try:
            # Line breaks from the page are spaces to the grammar; the length stays, so offsets hold.
            flat_text = note.text.replace("\n", " ")
            if flat_text not in parsed:
                parsed[flat_text] = parse_note_text(flat_text)
            cites, ds = parsed[flat_text]
            if "-\n" in note.text:
                cites = tuple(replace(c, reference=dehyphenate(c.reference, note.text, c.start, c.end)) for c in cites)
        except Exception as exc:  # the parser promises not to raise; a bug there must not lose the note
            cites, ds = (), (Diagnostic("parser-error", "error", f"note {note.number}: {exc!r}", 0, len(note.text)),)
        settled = (settle_form(c) for c in cites)
        out.append(replace(note, citations=tuple(replace(c, start=note.position(c.start), end=note.position(c.end))
                                                 for c in settled if not is_commentary(c))))
        diags.extend(replace(d, start=note.position(d.start), end=note.position(d.end)) for d in ds)
    return tuple(out), tuple(diags)
