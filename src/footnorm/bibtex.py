"""The one adapter to bibtexparser v2: entries to BibLaTeX (UTF-8) or classic BibTeX (LaTeX-escaped)."""

from __future__ import annotations

import logging
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


def _year(issued: str) -> str:
    m = re.search(r"(?<!\d)\d{4}(?!\d)", issued)
    return m.group() if m else ""


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
        ("organization", ref.authority),  # the court or body: biblatex's misc takes it
        ("location" if biblatex else "address", ref.publisher_place),
        ("date" if biblatex else "year", ref.issued if biblatex else _year(ref.issued)),
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


# The biblatex data model as biber --validate-datamodel checks it (biber 2.18), for the types
# footnorm writes: fields that must be there ("a|b": one of them) and fields the type does not take.
# An entry that cannot meet its type's constraints is written as @misc with what is known, so a
# bibliography with incomplete entries still validates (issue 5).
MANDATORY = {
    "article": ("author", "title", "journaltitle", "date"),
    "book": ("author", "title", "date"),
    "inbook": ("author", "title", "booktitle", "date"),
    "incollection": ("author", "editor", "title", "booktitle", "date"),
    "inproceedings": ("author", "title", "booktitle", "date"),
    "thesis": ("author", "title", "type", "institution", "date"),
    "report": ("author", "title", "type", "institution", "date"),
    "unpublished": ("author", "title", "date"),
    "online": ("title", "date", "url|doi"),
    "misc": ("title", "date"),
}
INVALID = {
    "article": {"booktitle", "edition", "location", "publisher", "type", "isbn"},
    "book": {"booktitle", "journaltitle", "type"},
    "inbook": {"journaltitle", "type"},
    "incollection": {"journaltitle", "type"},
    "inproceedings": {"edition", "journaltitle", "translator", "type"},
    "thesis": {"booktitle", "edition", "editor", "journaltitle", "number", "publisher", "series", "translator",
               "volume"},
    "report": {"booktitle", "edition", "editor", "journaltitle", "publisher", "series", "translator", "volume"},
    "unpublished": {"booktitle", "edition", "editor", "journaltitle", "number", "pages", "publisher", "series",
                    "translator", "volume"},
    "online": {"booktitle", "edition", "journaltitle", "location", "number", "pages", "publisher", "series",
               "translator", "type", "volume"},
    "misc": {"booktitle", "edition", "isbn", "journaltitle", "number", "pages", "publisher", "series",
             "translator", "volume"},
}
# How a field the type does not take is kept: renamed, or spelled out in the addendum.
_RENAMED = {"misc": {"journaltitle": "howpublished", "booktitle": "howpublished", "publisher": "organization"},
            "thesis": {"publisher": "institution"}, "report": {"publisher": "institution"},
            "online": {"publisher": "organization"}}
_SPELLED = {"volume": "vol. {}", "number": "no. {}", "pages": "pp. {}", "edition": "{} ed.", "series": "{}",
            "translator": "trans. {}", "editor": "ed. {}", "publisher": "{}", "location": "{}",
            "booktitle": "in {}", "journaltitle": "{}", "isbn": "ISBN {}", "type": "{}"}
_EDTF_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?)?")
UNKNOWN_DATE = "XXXX"  # EDTF "year not specified": biber accepts it, pandoc prints "n.d."


def isbn_ok(value: str) -> bool:
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        return sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(digits)) % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        return sum((3 if i % 2 else 1) * int(ch) for i, ch in enumerate(digits)) % 10 == 0
    return False


def _meets(bib_type: str, fields: dict[str, str]) -> bool:
    return all(any(f in fields for f in need.split("|")) for need in MANDATORY.get(bib_type, ()) if need != "date")


def biblatex_entry(ref: Reference, incomplete: bool) -> tuple[str, list[tuple[str, str]]]:
    """(entry type, fields) that biber validates: a type whose constraints the fields meet, or @misc."""
    fields = dict(fields_of(ref, True, incomplete))
    bib_type = TYPES.get(ref.type, ("misc", "misc"))[0]
    if bib_type in ("jurisdiction", "legislation"):
        bib_type = "misc"  # biblatex's standard styles define neither; biber rejects their usual fields
    if bib_type == "incollection" and "editor" not in fields:
        bib_type = "inbook"
    extra: list[str] = []
    date = fields.get("date", "")
    if date and not _EDTF_DATE.fullmatch(date):
        year = re.search(r"(?<!\d)\d{4}(?!\d)", date)
        extra.append(date)
        fields["date"] = year.group() if year else UNKNOWN_DATE
    if fields.get("urldate") and not _EDTF_DATE.fullmatch(fields["urldate"]):
        extra.append("accessed " + fields.pop("urldate"))
    if fields.get("isbn") and not isbn_ok(fields["isbn"]):
        extra.append("ISBN " + fields.pop("isbn"))
    if fields.get("volume") and not fields["volume"].isdigit():
        extra.append("vol. " + fields.pop("volume"))  # biblatex's volume is an integer ("94–96", "iv")
    if incomplete or bib_type not in MANDATORY or not _meets(bib_type, {**fields, **{
            new: fields[old] for old, new in _RENAMED.get(bib_type, {}).items() if old in fields}}):
        bib_type = "misc"
    out: dict[str, str] = {}
    for k, v in fields.items():  # in fields_of's order; a renamed field keeps its place
        if k == "keywords":
            continue
        if k in INVALID[bib_type]:
            renamed = _RENAMED.get(bib_type, {}).get(k)
            if renamed and renamed not in fields and renamed not in out:
                out[renamed] = v
            else:
                extra.append(_SPELLED.get(k, "{}").format(v))
            continue
        out[k] = v
    if "title" not in out:
        out = {"title": ref.container_title or ref.collection_title or "Untitled", **out}
    out.setdefault("date", UNKNOWN_DATE)
    if extra:
        out["addendum"] = "; ".join(extra)
    if "keywords" in fields:
        out["keywords"] = fields["keywords"]
    return bib_type, list(out.items())


def to_library(entries: tuple[Entry, ...], biblatex: bool = True) -> Library:
    lib = Library()
    for e in entries:
        if biblatex:
            bib_type, pairs = biblatex_entry(e.reference, e.incomplete)
        else:
            bib_type = "misc" if e.incomplete else TYPES.get(e.reference.type, ("misc", "misc"))[1]
            pairs = fields_of(e.reference, biblatex, e.incomplete)
        fields = [Field(k, escape(v) if k not in ("url", "doi") else v) for k, v in pairs]
        lib.add(BibEntry(bib_type, e.key, fields))
    return lib


def write(entries: tuple[Entry, ...], biblatex: bool = True) -> str:
    """BibLaTeX with UTF-8 by default; classic BibTeX with LaTeX escapes for ’ and accents."""
    stack = [AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{")]
    if not biblatex:
        stack.insert(0, LatexEncodingMiddleware(keep_math=True, enclose_urls=False))
    fmt = BibtexFormat()
    fmt.block_separator = "\n"
    # pylatexenc logs every character it has no macro for (a narrow space, 'ᵉ') and keeps it as it
    # is; that is the right outcome for a UTF-8-aware BibTeX, and not worth a line on stderr each.
    latex_log = logging.getLogger("pylatexenc")
    level = latex_log.level
    latex_log.setLevel(logging.ERROR)
    try:
        text = bibtexparser.write_string(to_library(entries, biblatex), unparse_stack=stack, bibtex_format=fmt)
    finally:
        latex_log.setLevel(level)
    return text.strip() + "\n" if text.strip() else ""


def read(text: str) -> Library:
    return bibtexparser.parse_string(text)
