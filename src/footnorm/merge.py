"""Working with the author's existing bibliography: reuse its keys, append only new works.

The existing file is never rewritten: its entries, comments, field order, encoding and line endings
stay byte for byte, and new works are appended at the end. A work footnorm found matches an entry
already there by key, by DOI, or by first author + title + year (tolerant of case, accents, LaTeX
escapes, braces and punctuation); the manuscript then cites the existing key. Running twice appends
nothing the second time, because the appended entries match themselves by key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from . import bibtex
from .model import Document, Entry, Name

_ENTRY_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,")
_NOT_ENTRIES = {"comment", "string", "preamble"}


@dataclass(frozen=True, slots=True)
class Known:
    """What matching needs of one entry of the existing file."""

    key: str
    doi: str
    family: str
    title: str
    year: str


@dataclass(frozen=True, slots=True)
class Merge:
    appended: str  # the text to add at the end of the existing file ("" when nothing is new)
    keymap: dict[str, str]  # footnorm's key -> the key the manuscript now uses (every entry)
    new_keys: tuple[str, ...]  # keys of the appended entries


def fold(text: str) -> str:
    """Lower case, no accents, no LaTeX escapes or braces, no punctuation, single spaces."""
    text = re.sub(r"\\[A-Za-z]+\s*|\\.", "", text)  # {\"u} -> {u}, \emph{x} -> {x}
    text = text.replace("{", "").replace("}", "")  # L{u}becker -> Lubecker, {NASA} -> NASA
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]|_", " ", text.casefold())
    return " ".join(text.split())


def normal_doi(doi: str) -> str:
    doi = doi.strip().lower()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi)


def _first_family(authors: str) -> str:
    first = re.split(r"\s+and\s+", authors.strip(), maxsplit=1)[0].strip()
    if first.startswith("{") and first.endswith("}"):
        return fold(first)  # an institution written as one braced name
    family = first.split(",", 1)[0] if "," in first else (first.split() or [""])[-1]
    return fold(family)


def _name_family(names: tuple[Name, ...]) -> str:
    if not names:
        return ""
    n = names[0]
    return fold(n.literal or n.family)


def known_entries(text: str) -> list[Known]:
    """Every entry of the existing file, including ones bibtexparser could not read (by key only)."""
    lib = bibtex.read(text)
    out, seen = [], set()
    for e in lib.entries:
        f = {k.lower(): str(v.value) for k, v in ((fld.key, fld) for fld in e.fields)}
        year = f.get("year", "") or f.get("date", "")[:4]
        out.append(Known(e.key, normal_doi(f.get("doi", "")), _first_family(f.get("author", "") or f.get("editor", "")),
                         fold(f.get("title", "")), year.strip()[:4]))
        seen.add(e.key.casefold())
    for m in _ENTRY_HEAD.finditer(text):  # keys of blocks that failed to parse still must not be reused
        if m.group(1).lower() not in _NOT_ENTRIES and m.group(2).casefold() not in seen:
            out.append(Known(m.group(2), "", "", "", ""))
            seen.add(m.group(2).casefold())
    return out


def _same_work(k: Known, family: str, title: str) -> bool:
    """Nothing the two say contradicts each other (a shorter title may be the start of a longer)."""
    if k.family and family and k.family != family:
        return False
    if not k.title or not title:
        return True
    return k.title == title or k.title.startswith(title + " ") or title.startswith(k.title + " ")


def find(entry: Entry, known: list[Known]) -> Known | None:
    ref = entry.reference
    by_key = {k.key.casefold(): k for k in known}
    taken = by_key.get(entry.key.casefold())
    if taken is not None and _same_work(taken, _name_family(ref.author or ref.editor), fold(ref.title)):
        return taken
    doi = normal_doi(ref.doi)
    if doi:
        for k in known:
            if k.doi == doi:
                return k
    family = _name_family(ref.author or ref.editor)
    title = fold(ref.title)
    year = ref.issued[:4]
    if not title:
        return None
    candidates = [k for k in known if k.title and (not family or not k.family or k.family == family)]
    exact = [k for k in candidates if k.title == title and (not year or not k.year or k.year == year)]
    if exact and family:
        return exact[0]
    if entry.incomplete and family:
        # A short form names the work by its short title: "Voices in the Air" for "Voices in the Air: …".
        prefixed = [k for k in candidates if k.family == family and k.title.startswith(title + " ")]
        if len(prefixed) == 1:
            return prefixed[0]
    return None


_BIBLATEX_FIELDS = re.compile(r"^\s*(date|journaltitle|location|urldate)\s*=", re.I | re.M)
_BIBTEX_FIELDS = re.compile(r"^\s*(year|journal|address)\s*=", re.I | re.M)


def is_biblatex(existing: str) -> bool | None:
    """The dialect the author's file is written in (None when it does not tell): new entries match it."""
    new, old = len(_BIBLATEX_FIELDS.findall(existing)), len(_BIBTEX_FIELDS.findall(existing))
    if new == old:
        return None
    return new > old


def free_key(key: str, taken: set[str]) -> str:
    """`key`, or `key` + a, b, c… when the file already uses it for a different work."""
    if key.casefold() not in taken:
        return key
    for suffix in "abcdefghijklmnopqrstuvwxyz":
        if (key + suffix).casefold() not in taken:
            return key + suffix
    n = 2
    while f"{key}-{n}".casefold() in taken:
        n += 1
    return f"{key}-{n}"


def merge(existing: str, entries: tuple[Entry, ...], biblatex: bool = True) -> Merge:
    """What to append to `existing` for `entries`, and the key each entry is cited by."""
    known = known_entries(existing)
    keymap: dict[str, str] = {}
    new: list[Entry] = []
    for e in entries:
        match = find(e, known)
        if match is not None:
            keymap[e.key] = match.key
            continue
        key = free_key(e.key, {k.key.casefold() for k in known})
        keymap[e.key] = key
        new.append(replace(e, key=key))
        ref = e.reference
        known.append(Known(key, normal_doi(ref.doi), _name_family(ref.author or ref.editor), fold(ref.title),
                           ref.issued[:4]))
    if not new:
        return Merge("", keymap, ())
    newline = "\r\n" if "\r\n" in existing else "\n"
    text = bibtex.write(tuple(new), biblatex)
    if newline != "\n":
        text = text.replace("\n", newline)
    lead = ""
    if existing.strip():
        lead = newline if existing.endswith(("\n", "\r")) else newline * 2
    return Merge(lead + text, keymap, tuple(e.key for e in new))


def rekey(doc: Document, keymap: dict[str, str]) -> Document:
    """The document citing by the keys in `keymap`; entries that now share a key are kept once."""
    if all(k == v for k, v in keymap.items()):
        return doc
    notes = tuple(replace(n, citations=tuple(replace(c, key=keymap.get(c.key, c.key)) for c in n.citations))
                  for n in doc.notes)
    entries, seen = [], set()
    for e in doc.entries:
        key = keymap.get(e.key, e.key)
        if key not in seen:
            seen.add(key)
            entries.append(replace(e, key=key))
    return replace(doc, notes=notes, entries=tuple(entries))
