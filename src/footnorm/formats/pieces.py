"""What every manuscript renderer shares: the body as text pieces and anchors, and note labels."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..clean import cleaner
from ..model import Citation, Document, Note


@dataclass(frozen=True, slots=True)
class Anchor:
    label: str
    note: Note | None


def labels(doc: Document) -> tuple[dict[int, str], dict[int, str]]:
    """Unique labels for notes and markers (by index): numbers restart per chapter or page,
    Markdown labels may not, so later numbering scopes are prefixed with their scope."""

    def scopes(numbers: list[int]) -> list[int]:
        out, scope, prev = [], 1, None
        for n in numbers:
            if prev is not None and n <= prev:
                scope += 1
            out.append(scope)
            prev = n
        return out

    note_scopes = scopes([n.number for n in doc.notes])
    marker_scopes = scopes([m.number for m in doc.markers])
    # Plain numbers while each number names one note; scope prefixes only when a number repeats.
    repeats = max(Counter(n.number for n in doc.notes).most_common(1)[0][1] if doc.notes else 1,
                  Counter(m.number for m in doc.markers).most_common(1)[0][1] if doc.markers else 1) > 1
    note_labels = {i: n.label or (f"{s}.{n.number}" if repeats and s > 1 else str(n.number))
                   for i, (n, s) in enumerate(zip(doc.notes, note_scopes))}
    marker_labels = {i: m.label or (f"{s}.{m.number}" if repeats and s > 1 else str(m.number))
                     for i, (m, s) in enumerate(zip(doc.markers, marker_scopes))}
    return note_labels, marker_labels


def body_pieces(doc: Document) -> list[str | Anchor]:
    """The body in order, with an Anchor where each marker stood (or each unmarked note).

    Whole lines taken out of the body (note lines, page furniture) take their line break
    with them, and a note flowed into a sentence takes one of its surrounding spaces.
    """
    clean = cleaner(doc.text)
    text = doc.text
    note_labels, marker_labels = labels(doc)
    notes_by_start = {(n.label_start if n.label_start >= 0 else n.start): (i, n) for i, n in enumerate(doc.notes)}
    markers_by_start = {m.start: i for i, m in enumerate(doc.markers)}
    marked = set(marker_labels.values())
    label_to_note = {note_labels[i]: n for i, n in enumerate(doc.notes)}
    pieces: list[str | Anchor] = []
    drop_newline = False
    for seg in doc.segments:
        chunk = text[seg.start:seg.end]
        if seg.kind == "body":
            if drop_newline and chunk.startswith("\n"):
                chunk = chunk[1:]
            drop_newline = False
            if chunk:
                pieces.append(clean(chunk))
            continue
        drop_newline = False
        if seg.kind == "marker":
            index = markers_by_start[seg.start]
            label = marker_labels[index]
            before = pieces[-1].rstrip(" \t") if pieces and isinstance(pieces[-1], str) else ""
            # a marker the author wrote in markup stands where it was written
            if before and before[-1] in ".,;:!?”’\"»)" and doc.markers[index].style not in ("markdown", "latex"):
                _trim_space(pieces)  # "Hopkins. 21 This" -> "Hopkins.[^21] This"
            pieces.append(Anchor(label, label_to_note.get(label)))
            continue
        at_line_start = _at_line_start(text, seg.start)
        if seg.kind == "note" and seg.start in notes_by_start:
            i, note = notes_by_start[seg.start]
            label = note_labels[i]
            if note.placement == "inline":
                if label not in marked:
                    _trim_space(pieces)
                    pieces.append(Anchor(label, note))
                else:
                    _trim_space(pieces)
                continue
            if label not in marked:
                pieces.append(Anchor(label, note))
        if at_line_start:
            drop_newline = True
    return pieces


def _at_line_start(text: str, pos: int) -> bool:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def _trim_space(pieces: list[str | Anchor]) -> None:
    if pieces and isinstance(pieces[-1], str):
        pieces[-1] = pieces[-1].rstrip(" \t")
        if not pieces[-1]:
            pieces.pop()


def flat(text: str) -> str:
    """A note's text on one line: hard wraps from the page are not the author's."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def citation_groups(note: Note) -> list[tuple[int, int, list[Citation]]]:
    """Runs of keyed citations separated only by ';', as (start, end, citations) relative to the note,
    each span widened to take in the citation's signal."""
    text = note.text
    spans = []
    for c in note.citations:
        if not c.key:
            continue
        s, e = note.offset(c.start), note.offset(c.end)
        if c.prefix and not text[s:e].startswith(c.prefix):
            k = text.rfind(c.prefix, 0, s)
            if k != -1 and not text[k + len(c.prefix):s].strip():
                s = k
        spans.append((s, e, c))
    groups: list[tuple[int, int, list[Citation]]] = []
    for s, e, c in spans:
        if groups and re.fullmatch(r"\s*;\s*", text[groups[-1][1]:s]) is not None:
            gs, _, cs = groups[-1]
            groups[-1] = (gs, e, cs + [c])
        elif not groups or s >= groups[-1][1]:
            groups.append((s, e, [c]))
    return groups


def citation_only(note: Note) -> list[Citation] | None:
    """The note's citations when nothing but citations and punctuation is in it, else None.

    Such a note is the style's business (pandoc and biblatex generate it from the citation at the
    marker); a note with prose in it stays the author's note with the citations inside.
    """
    groups = citation_groups(note)
    if not groups:
        return None
    rest, pos = [], 0
    for s, e, _ in groups:
        rest.append(note.text[pos:s])
        pos = e
    rest.append(note.text[pos:])
    if "".join(rest).strip(" \t\n.;,"):
        return None
    return [c for _, _, cites in groups for c in cites]

