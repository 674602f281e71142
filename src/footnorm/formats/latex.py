"""LaTeX with biblatex: \\footnote{…} for notes, \\cite inside them, \\autocite for citation-only notes."""

from __future__ import annotations

import re

from ..model import Citation, Document, Note
from .pieces import Anchor, body_pieces, citation_groups, citation_only, flat

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL_RX = re.compile(r"[\\&%$#_{}~^]")


def escape(text: str) -> str:
    return _SPECIAL_RX.sub(lambda m: _SPECIAL[m.group()], text)


# A numeric postnote is a page to biblatex ("p. 142"); any other label is spelled out in the postnote.
_LABELS = {"chapter": "chap.", "note": "n.", "volume": "vol.", "column": "col.", "folio": "fol.", "line": "l.",
           "section": "sec.", "paragraph": "para.", "verse": "v.", "book": "bk.", "figure": "fig.", "part": "pt.",
           "issue": "no."}


def postnote(c: Citation) -> str:
    label = _LABELS.get(c.label)
    return f"{label}~{escape(c.locator)}" if label and c.locator else escape(c.locator)


def _cite_args(c: Citation) -> str:
    if c.prefix:
        return f"[{escape(c.prefix)}][{postnote(c)}]{{{c.key}}}"
    if c.locator:
        return f"[{postnote(c)}]{{{c.key}}}"
    return f"{{{c.key}}}"


def cite_command(cites: list[Citation], command: str) -> str:
    if len(cites) == 1:
        return f"\\{command}{_cite_args(cites[0])}"
    parts = "".join(f"[{escape(c.prefix)}][{postnote(c)}]{{{c.key}}}" for c in cites)
    return f"\\{command}s{parts}"


def note_latex(note: Note) -> str:
    out, pos = [], 0
    for s, e, cites in citation_groups(note):
        out.append(escape(note.text[pos:s]))
        out.append(cite_command(cites, "cite"))
        pos = e
    out.append(escape(note.text[pos:]))
    return flat("".join(out))


def render(doc: Document) -> str:
    parts = []
    for p in body_pieces(doc):
        if isinstance(p, Anchor):
            if p.note is None:
                # \footnotemark takes a number only; a scoped (2.5) or named label is shown as written
                parts.append(f"\\footnotemark[{p.label}]" if p.label.isdigit()
                             else f"\\textsuperscript{{{escape(p.label)}}}")
            elif (cites := citation_only(p.note)) is not None:
                parts.append(cite_command(cites, "autocite"))
            else:
                parts.append(f"\\footnote{{{note_latex(p.note)}}}")
        else:
            parts.append(escape(p))
    body = "".join(parts).rstrip()
    return body + "\n" if body else ""
