"""Pandoc Markdown: [^n] footnotes, and [see @key, 142] citations inside them."""

from __future__ import annotations

import re

from ..model import Citation, Document, Note
from .pieces import Anchor, body_pieces, citation_groups, flat, labels

_PANDOC_KEY = re.compile(r"[\w][\w:.#$%&+?<>~/-]*")
LOCATOR_LABELS = {"page": "", "chapter": "chap. ", "note": "n. ", "volume": "vol. ", "column": "col. ",
                  "folio": "fol. ", "line": "l. ", "section": "sec. ", "paragraph": "para. ", "verse": "v. ",
                  "book": "bk. ", "figure": "fig. ", "part": "pt. ", "issue": "no. "}


def key_ref(key: str) -> str:
    if _PANDOC_KEY.fullmatch(key) and key[-1].isalnum():
        return "@" + key
    return "@{" + key + "}"


def cite_item(c: Citation) -> str:
    out = key_ref(c.key)
    if c.prefix:
        out = f"{c.prefix} {out}"
    if c.locator:
        out += f", {LOCATOR_LABELS.get(c.label, '')}{c.locator}"
    return out


def note_text(note: Note) -> str:
    if note.placement == "definition":
        return note.text  # already Markdown (possibly footnorm's own output): kept as written
    text = note.text
    out, pos = [], 0
    for s, e, cites in citation_groups(note):
        out.append(text[pos:s])
        out.append("[" + "; ".join(cite_item(c) for c in cites) + "]")
        pos = e
    out.append(text[pos:])
    return flat("".join(out))


def render(doc: Document) -> str:
    parts = []
    for p in body_pieces(doc):
        parts.append(f"[^{p.label}]" if isinstance(p, Anchor) else p)
    body = "".join(parts).rstrip()
    note_labels, _ = labels(doc)
    defs = [f"[^{note_labels[i]}]: {note_text(n)}" for i, n in enumerate(doc.notes)]
    if not defs:
        return body + "\n" if body else ""
    return body + "\n\n" + "\n".join(defs) + "\n"
