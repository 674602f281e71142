"""Whitespace the rules do not expect: Windows line ends and Unicode spaces. Every rule reads plain
line breaks and plain spaces, so such a text is analysed (and rendered) in that form, and its
document is placed back on the input it came from."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace

from .layout import body_text, tile
from .model import Document, Note

CRLF = re.compile("\r\n")
# no-break, thin, figure and other fixed-width spaces: PDFs and word processors set them in "p. 42",
# before French punctuation and around note markers
UNICODE_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
SPACES = re.compile(f"[{UNICODE_SPACES}]")
SPACE_TABLE = str.maketrans(UNICODE_SPACES, " " * len(UNICODE_SPACES))


def spaced(text: str) -> str:
    """The text with plain spaces for its Unicode spaces: offsets do not change."""
    return text.translate(SPACE_TABLE)


def onto_spaced_input(doc: Document, text: str) -> Document:
    """`doc`, found in spaced(text), with the texts of `text`."""
    return _moved(doc, text, lambda pos: pos)


def plain(text: str) -> str:
    return text.replace("\r\n", "\n")


def onto_input(doc: Document, text: str) -> Document:
    """`doc`, found in plain(text), placed on `text`: the carriage returns fall in the body or inside
    notes, so nothing is lost, and lines and columns stay as they were (a carriage return only ends
    a line)."""
    dropped = [m.start() - k for k, m in enumerate(CRLF.finditer(text))]  # their line breaks, in plain(text)
    return _moved(doc, text, lambda pos: pos + bisect_left(dropped, pos))


def onto_plain(doc: Document) -> Document:
    """The inverse of onto_input: the document of a CRLF text on its plain text."""
    returns = [m.start() for m in CRLF.finditer(doc.text)]
    return _moved(doc, plain(doc.text), lambda pos: pos - bisect_left(returns, pos))


def _moved(doc: Document, text: str, at: Callable[[int], int]) -> Document:
    def note(n: Note) -> Note:
        parts = tuple((at(s), at(e)) for s, e in n.parts)
        return replace(n, text="\n".join(text[s:e] for s, e in parts), start=parts[0][0], end=parts[0][1],
                       label_start=at(n.label_start) if n.label_start >= 0 else -1,
                       label_end=at(n.label_end) if n.label_end >= 0 else -1, continued=parts[1:],
                       citations=tuple(c.spanning(at(c.start), at(c.end)) for c in n.citations))

    markers = tuple(replace(m, start=at(m.start), end=at(m.end)) for m in doc.markers)
    notes = tuple(note(n) for n in doc.notes)
    artefacts = tuple(replace(a, start=at(a.start), end=at(a.end), text=text[at(a.start):at(a.end)])
                      for a in doc.artefacts)
    segments = tile(len(text), markers, notes, artefacts)
    diagnostics = tuple(d.spanning(at(d.start), at(d.end)) for d in doc.diagnostics)
    return Document(text, body_text(text, segments), segments, markers, notes, artefacts, doc.entries, diagnostics,
                    doc.source_name)
