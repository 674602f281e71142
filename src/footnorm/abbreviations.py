"""Abbreviated sources (`FRUS` → Foreign Relations of the United States), as Chicago recommends for
frequently cited works: a table the author supplies, applied to the works the notes cite."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .model import Name, Reference
from .source import decode

# CSL-JSON variable -> Reference attribute, for the fields a table entry may give.
_FIELDS = {
    "type": "type", "title": "title", "container-title": "container_title", "collection-title": "collection_title",
    "volume": "volume", "publisher": "publisher", "publisher-place": "publisher_place", "URL": "url", "DOI": "doi",
    "note": "note", "edition": "edition",
}


def _reference(item: dict) -> Reference:
    values = {attr: str(item[var]) for var, attr in _FIELDS.items() if item.get(var)}
    issued = item.get("issued")
    if isinstance(issued, dict) and issued.get("date-parts"):
        values["issued"] = str(issued["date-parts"][0][0])
    elif issued:
        values["issued"] = str(issued)
    for role in ("author", "editor"):
        names = item.get(role) or []
        if names:
            values[role] = tuple(Name(family=n.get("family", ""), given=n.get("given", ""), literal=n.get("literal", ""))
                                 for n in names if isinstance(n, dict))
    return Reference(**values)


def load(path: str) -> dict[str, Reference]:
    """A table from a file: JSON ({"FRUS": "Foreign Relations…"} or {"FRUS": {CSL item}}, or a
    CSL-JSON list whose items carry their abbreviation in "title-short"), or text lines `FRUS = Title`."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such abbreviations file")
    text = decode(p.read_bytes(), path)
    table: dict[str, Reference] = {}
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON ({exc.msg})") from None
        items = data.items() if isinstance(data, dict) else ((i.get("title-short"), i) for i in data if isinstance(i, dict))
        for abbr, value in items:
            if abbr:
                table[str(abbr)] = _reference(value if isinstance(value, dict) else {"title": str(value)})
        return table
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        abbr, sep, full = line.partition("=")
        if not sep or not abbr.strip() or not full.strip():
            raise InputError(f"{path}:{number}:1: expected 'ABBREVIATION = Full title'")
        table[abbr.strip()] = Reference(title=full.strip())
    return table


def expand(ref: Reference, table: dict[str, Reference]) -> tuple[Reference, bool]:
    """The reference with the longest matching abbreviation replaced by its entry; and whether one matched.

    `FRUS: Potsdam` with `FRUS` in the table becomes `Foreign Relations of the United States: Potsdam`.
    """
    title = ref.title
    best = max((a for a in table if title == a or re.match(re.escape(a) + r"\b", title)), key=len, default=None)
    if best is None:
        return ref, False
    entry = table[best]
    rest = title[len(best):]
    merged = {name: getattr(entry, name) for name in entry.__dataclass_fields__
              if getattr(entry, name) and not getattr(ref, name)}
    merged["title"] = (entry.title or best) + rest
    return replace(ref, **merged), True
