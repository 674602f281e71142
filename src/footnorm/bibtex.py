"""The one adapter to bibtexparser v2: entries to BibLaTeX (UTF-8) or classic BibTeX (LaTeX-escaped)."""

from __future__ import annotations

import re

import bibtexparser
from bibtexparser import Library
from bibtexparser.middlewares import AddEnclosingMiddleware, LatexEncodingMiddleware
from bibtexparser.model import Entry as BibEntry
from bibtexparser.model import Field
from bibtexparser.writer import BibtexFormat

from .model import Entry, Name, Reference

# CSL type -> (biblatex type, bibtex type)
TYPES = {
    "book": ("book", "book"),
    "chapter": ("incollection", "incollection"),
    "article-journal": ("article", "article"),
    "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"),
    "thesis": ("thesis", "phdthesis"),
    "manuscript": ("unpublished", "unpublished"),
    "webpage": ("online", "misc"),
    "report": ("report", "techreport"),
    "legal_case": ("jurisdiction", "misc"),
    "legislation": ("legislation", "misc"),
    "paper-conference": ("inproceedings", "inproceedings"),
}
_SPECIAL = re.compile(r"(?<!\\)([&%#$_])")


def escape(value: str) -> str:
    """Characters that break LaTeX even in UTF-8 biblatex, and braces that would not balance."""
    value = _SPECIAL.sub(r"\\\1", value)
    depth, out = 0, []
    for ch in value:
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + "}" * depth


def name_list(names: tuple[Name, ...]) -> str:
    parts = []
    for n in names:
        if n.literal:
            parts.append("{" + n.literal + "}")
            continue
        family = f"{n.particle} {n.family}".strip()
        given = n.given
        parts.append(", ".join(x for x in (family, n.suffix, given) if x) if given or n.suffix else family)
    return " and ".join(parts)


def fields_of(ref: Reference, biblatex: bool, incomplete: bool) -> list[tuple[str, str]]:
    container = "journaltitle" if biblatex else "journal"
    if ref.type in ("chapter", "paper-conference"):
        container = "booktitle"
    out = [
        ("author", name_list(ref.author)),
        ("editor", name_list(ref.editor)),
        ("translator", name_list(ref.translator)),
        ("title", ref.title),
        (container, ref.container_title),
        ("series", ref.collection_title),
        ("edition", ref.edition),
        ("volume", ref.volume),
        ("number", ref.issue),
        ("pages", ref.page.replace("–", "--")),
        ("publisher", ref.publisher),
        ("location" if biblatex else "address", ref.publisher_place),
        ("date" if biblatex else "year", ref.issued if biblatex else ref.issued[:4]),
        ("url", ref.url),
        ("urldate" if biblatex else "note", ref.accessed if biblatex else ""),
        ("doi", ref.doi),
        ("isbn", ref.isbn),
        ("type", ref.genre),
        ("note", ref.note),
    ]
    if incomplete:
        out.append(("keywords", "footnorm-incomplete"))
    return [(k, v) for k, v in out if v]


def to_library(entries: tuple[Entry, ...], biblatex: bool = True) -> Library:
    lib = Library()
    for e in entries:
        bib_type = TYPES.get(e.reference.type, ("misc", "misc"))[0 if biblatex else 1]
        fields = [Field(k, escape(v) if k not in ("url", "doi") else v) for k, v in fields_of(e.reference, biblatex, e.incomplete)]
        lib.add(BibEntry(bib_type, e.key, fields))
    return lib


def write(entries: tuple[Entry, ...], biblatex: bool = True) -> str:
    """BibLaTeX with UTF-8 by default; classic BibTeX with LaTeX escapes for ’ and accents."""
    stack = [AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{")]
    if not biblatex:
        stack.insert(0, LatexEncodingMiddleware(keep_math=True, enclose_urls=False))
    fmt = BibtexFormat()
    fmt.block_separator = "\n"
    text = bibtexparser.write_string(to_library(entries, biblatex), unparse_stack=stack, bibtex_format=fmt)
    return text.strip() + "\n" if text.strip() else ""


def read(text: str) -> Library:
    return bibtexparser.parse_string(text)
