"""Tiling the input into body, marker, note and artefact segments, and checking the numbering."""

from __future__ import annotations

from .model import Artefact, Diagnostic, Marker, Note, Segment


def tile(length: int, markers: tuple[Marker, ...], notes: tuple[Note, ...],
         artefacts: tuple[Artefact, ...]) -> tuple[Segment, ...]:
    """Segments covering [0, length) in order with no gap and no overlap; the rest is body."""
    taken = [(m.start, m.end, "marker") for m in markers]
    taken += [(n.label_start if n.label_start >= 0 else n.start, n.end, "note") for n in notes]
    taken += [(s, e, "note") for n in notes for s, e in n.continued]
    taken += [(a.start, a.end, "artefact") for a in artefacts]
    taken.sort()
    segments, pos = [], 0
    for start, end, kind in taken:
        if end <= start:
            continue
        if start < pos:
            raise AssertionError(f"overlapping segments at {start}")  # a scanner bug, never user input
        if start > pos:
            segments.append(Segment("body", pos, start))
        segments.append(Segment(kind, start, end))
        pos = end
    if pos < length:
        segments.append(Segment("body", pos, length))
    return tuple(segments)


def body_text(text: str, segments: tuple[Segment, ...]) -> str:
    return "".join(text[s.start:s.end] for s in segments if s.kind == "body")


def numbering_diagnostics(markers: tuple[Marker, ...], notes: tuple[Note, ...]) -> list[Diagnostic]:
    """Markers without notes, notes without markers, and breaks in the numbering."""
    diags = []
    note_numbers = {n.number for n in notes}
    marker_numbers = {m.number for m in markers}
    if notes:
        for m in markers:
            if m.number not in note_numbers:
                diags.append(Diagnostic("marker-without-note", "warning",
                                        f"marker {m.number} has no note text", m.start, m.end))
    for n in notes:
        if n.number not in marker_numbers and n.placement != "inline":
            s = n.label_start if n.label_start >= 0 else n.start
            diags.append(Diagnostic("note-without-marker", "warning",
                                    f"note {n.number} has no marker in the text", s, n.end))
    for seq, what in ((markers, "marker"), (notes, "note")):
        for a, b in zip(seq, seq[1:]):
            if b.number not in (a.number + 1, 1):
                s = b.label_start if isinstance(b, Note) and b.label_start >= 0 else b.start
                diags.append(Diagnostic("numbering-break", "warning",
                                        f"{what} {b.number} follows {what} {a.number}", s, b.end))
    return diags
