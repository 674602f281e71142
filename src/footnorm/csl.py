"""CSL-JSON: the item form of a Reference, as reference managers and citeproc read it."""

from __future__ import annotations

import json
import re
from typing import Any

from .model import Citation, Entry, Reference

_YEAR = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

# Reference attribute -> CSL variable; names and dates are handled apart.
_PLAIN = (
    ("title", "title"),
    ("container_title", "container-title"),
    ("collection_title", "collection-title"),
    ("volume", "volume"),
    ("issue", "issue"),
    ("edition", "edition"),
    ("page", "page"),
    ("publisher", "publisher"),
    ("publisher_place", "publisher-place"),
    ("url", "URL"),
    ("doi", "DOI"),
    ("isbn", "ISBN"),
    ("number_of_pages", "number-of-pages"),
    ("genre", "genre"),
    ("archive", "archive"),
    ("archive_location", "archive_location"),
    ("authority", "authority"),
    ("note", "note"),
)


def date_parts(value: str) -> dict[str, Any] | None:
    m = _YEAR.search(value)
    if not m:
        return {"literal": value} if value else None
    parts = [int(p) for p in m.groups() if p]
    return {"date-parts": [parts]}


def reference_to_csl(ref: Reference, key: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if key:
        item["id"] = key
    item["type"] = ref.type or ("book" if ref.title else "document")
    for attr in ("author", "editor", "translator"):
        names = getattr(ref, attr)
        if names:
            item[attr] = [n.to_csl() for n in names]
    for attr, var in _PLAIN:
        value = getattr(ref, attr)
        if value:
            item[var] = value
    for attr in ("issued", "accessed"):
        value = getattr(ref, attr)
        parts = date_parts(value) if value else None
        if parts:
            item[attr] = parts
    return item


def entry_to_csl(entry: Entry) -> dict[str, Any]:
    item = reference_to_csl(entry.reference, entry.key)
    if entry.incomplete:
        # Zotero and citeproc keep "note"; it tells the author the entry needs completing.
        item["note"] = "; ".join(x for x in (item.get("note"), "footnorm: incomplete, known only from short citations") if x)
    return item


def citation_to_json(c: Citation) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.key, "form": c.form, "start": c.start, "end": c.end}
    out["locator"] = c.locator
    out["label"] = c.label
    out["prefix"] = c.prefix
    return out


def parse_line_item(citations: tuple[Citation, ...]) -> dict[str, Any]:
    """`footnorm parse` output for one line: the main citation's item plus all citations."""
    if not citations:
        return {"citations": []}
    main = next((c for c in citations if not c.reference.is_empty()), citations[0])
    item = reference_to_csl(main.reference, main.key or None)
    if main.locator:
        item["locator"] = main.locator
        item["label"] = main.label or "page"
    if main.prefix:
        item["signal"] = main.prefix
    item["form"] = main.form
    item["citations"] = [
        {**reference_to_csl(c.reference, c.key or None), "form": c.form, "locator": c.locator, "label": c.label,
         "signal": c.prefix, "start": c.start, "end": c.end, "text": c.text}
        for c in citations
    ]
    return item


def entries_json(entries: tuple[Entry, ...]) -> str:
    return json.dumps([entry_to_csl(e) for e in entries], ensure_ascii=False, indent=2) + "\n"
