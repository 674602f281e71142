"""LaTeX with biblatex: \\footnote{…} for notes, \\cite inside them, \\autocite for citation-only notes."""

from __future__ import annotations

import re

from ..model import Citation, Document, Note
from .pieces import Anchor, body_pieces, citation_groups, flat

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
            "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL_RX = re.compile(r"[\\&%$#_{}~^]")


def escape(text: str) -> str:
    return _SPECIAL_RX.sub(lambda m: _SPECIAL[m.group()], text)


def _cite_args(c: Citation) -> str:
    if c.prefix:
        return f"[{escape(c.prefix)}][{escape(c.locator)}]{{{c.key}}}"
    if c.locator:
        return f"[{escape(c.locator)}]{{{c.key}}}"
    return f"{{{c.key}}}"


def cite_command(cites: list[Citation], command: str) -> str:
    if len(cites) == 1:
        return f"\\{command}{_cite_args(cites[0])}"
    parts = "".join(f"[{escape(c.prefix)}][{escape(c.locator)}]{{{c.key}}}" for c in cites)
    return f"\\{command}s{parts}"


def citation_only(note: Note) -> list[Citation] | None:
    groups = citation_groups(note)
    if len(groups) != 1:
        return None
    s, e, cites = groups[0]
    rest = note.text[:s] + note.text[e:]
    return cites if not rest.strip(" \t\n.;,") else None


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
                parts.append(f"\\footnotemark[{escape(p.label)}]")
            elif (cites := citation_only(p.note)) is not None:
                parts.append(cite_command(cites, "autocite"))
            else:
                parts.append(f"\\footnote{{{note_latex(p.note)}}}")
        else:
            parts.append(escape(p))
    body = "".join(parts).rstrip()
    return body + "\n" if body else ""
