"""Plain text: the body without markers, then the notes as numbered endnotes."""

from __future__ import annotations

from ..model import Document
from .pieces import Anchor, body_pieces, flat, labels


def render(doc: Document) -> str:
    body = "".join(p for p in body_pieces(doc) if not isinstance(p, Anchor)).rstrip()
    note_labels, _ = labels(doc)
    notes = [f"{note_labels[i]}. {flat(n.text)}" for i, n in enumerate(doc.notes)]
    if not notes:
        return body + "\n" if body else ""
    return body + "\n\nNotes\n\n" + "\n".join(notes) + "\n"
