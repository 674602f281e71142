"""Pandoc Markdown for `pandoc --citeproc`, written the way pandoc advises for note styles.

A note that holds only citations becomes a citation at its marker (`Pact.[see @key, 142]`): the
style generates the note, so switching to an author-date style needs no edit. A note with prose in
it stays a `[^n]` footnote with `[@key, 142]` inside. Keys pandoc's bare syntax cannot take are
written `@{…}`; locators carry a label pandoc recognises (`p.`, `chap.`, `n.`).
"""

from __future__ import annotations

import re

from ..model import Citation, Document, Note
from .pieces import Anchor, body_pieces, citation_groups, citation_only, flat, labels

# pandoc: a key starts with a letter, digit or _, and may contain :.#$%&-+?<>~/ inside (not at the end)
_PANDOC_KEY = re.compile(r"[\w][\w:.#$%&+?<>~/-]*")
# CSL locator label -> the abbreviation pandoc's locator parser knows ("" for page: pandoc's default)
LOCATOR_LABELS = {"page": "", "chapter": "chap. ", "note": "n. ", "volume": "vol. ", "column": "col. ",
                  "folio": "fol. ", "line": "l. ", "section": "sec. ", "paragraph": "para. ", "verse": "v. ",
                  "book": "bk. ", "figure": "fig. ", "part": "pt. ", "issue": "no. "}
# A bare page locator pandoc reads as a page: digits, roman numerals and ranges of them.
_PLAIN_PAGE = re.compile(r"[0-9ivxlcdmIVXLCDM]+(?:\s*[-–—]+\s*[0-9ivxlcdmIVXLCDM]+)?")
_HAS_PANDOC_CITE = re.compile(r"\[[^\]]*-?@[\w{]|(?<![\w.])@[\w{]")
_SIGNAL = re.compile(r"[A-Z][a-z]*\.?(?:\s+[a-z]+\.?)*")


def key_ref(key: str) -> str:
    if _PANDOC_KEY.fullmatch(key) and key[-1].isalnum():
        return "@" + key
    return "@{" + key + "}"


def _escape(text: str) -> str:
    """Text pandoc would read as citation or note syntax inside a citation's prefix or locator."""
    return re.sub(r"([\[\]@;^])", r"\\\1", text)


def cite_item(c: Citation, at_marker: bool = False) -> str:
    out = key_ref(c.key)
    if c.prefix:
        prefix = c.prefix
        if at_marker and _SIGNAL.fullmatch(prefix):
            prefix = prefix[0].lower() + prefix[1:]  # "See" -> "see": the style capitalises the note
        out = f"{_escape(prefix)} {out}"
    if c.locator:
        label = LOCATOR_LABELS.get(c.label, "")
        if not label and c.label in ("", "page") and not _PLAIN_PAGE.fullmatch(c.locator):
            label = "p. "
        out += f", {label}{_escape(c.locator)}"
    return out


def inline_citation(cites: list[Citation]) -> str:
    return "[" + "; ".join(cite_item(c, at_marker=True) for c in cites) + "]"


_BARE_AT = re.compile(r"(?<![\w\\])@(?=[\w{])")
_DEFINITION_LOOKALIKE = re.compile(r"^(\[\^[^\]\s]+\]):", re.MULTILINE)
_BRACKETED_CITE = re.compile(r"\[[^\]\n]*@[\w{][^\]\n]*\]")


def is_markdown(doc: Document) -> bool:
    """Input already in pandoc Markdown: its `@` and `[^n]` are the author's syntax, left alone."""
    return (any(m.style == "markdown" for m in doc.markers) or any(n.placement == "definition" for n in doc.notes)
            or _BRACKETED_CITE.search(doc.text) is not None)


def escape_prose(text: str) -> str:
    """`@handle` in prose would be a citation to pandoc (and a warning): written `\\@handle`."""
    return _BARE_AT.sub(r"\\@", text)


def note_text(note: Note, prose=lambda t: t) -> str:
    if note.placement == "definition" and (_HAS_PANDOC_CITE.search(note.text) or not any(c.key for c in note.citations)):
        return note.text  # already Markdown with pandoc citations (footnorm's own output): kept as written
    text = note.text
    out, pos = [], 0
    for s, e, cites in citation_groups(note):
        out.append(prose(text[pos:s]))
        out.append("[" + "; ".join(cite_item(c) for c in cites) + "]")
        pos = e
    out.append(prose(text[pos:]))
    return flat("".join(out))


def render(doc: Document) -> str:
    note_labels, _ = labels(doc)
    prose = (lambda t: t) if is_markdown(doc) else escape_prose
    inlined: set[int] = set()
    parts = []
    for p in body_pieces(doc):
        if not isinstance(p, Anchor):
            parts.append(prose(p))
        elif p.note is not None and (cites := citation_only(p.note)) is not None:
            parts.append(inline_citation(cites))
            inlined.add(id(p.note))
        else:
            parts.append(f"[^{p.label}]")
    # a marker that starts a line before a colon would read as a note's definition ("[^2]: …")
    body = _DEFINITION_LOOKALIKE.sub(r"\1\\:", "".join(parts).rstrip())
    defs = [f"[^{note_labels[i]}]: {note_text(n, prose)}" for i, n in enumerate(doc.notes) if id(n) not in inlined]
    if not defs:
        return body + "\n" if body else ""
    return body + "\n\n" + "\n".join(defs) + "\n"
