"""The human-readable summary of `footnorm inspect` (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Document


def print_summary(doc: Document) -> None:
    console = Console()
    console.print(f"[bold]{doc.source_name}[/]: {len(doc.markers)} markers, {len(doc.notes)} notes, "
                  f"{sum(len(n.citations) for n in doc.notes)} citations, {len(doc.entries)} entries, "
                  f"{len(doc.diagnostics)} diagnostics")
    if doc.notes:
        t = Table("note", "line", "placement", "citations", "text", title="Notes")
        for n in doc.notes:
            t.add_row(str(n.number), str(n.line), n.placement, ", ".join(c.key or "?" for c in n.citations),
                      n.text if len(n.text) < 80 else n.text[:77] + "…")
        console.print(t)
    if doc.entries:
        t = Table("key", "type", "title", "status", title="Bibliography")
        for e in doc.entries:
            t.add_row(e.key, e.reference.type, e.reference.title, "incomplete" if e.incomplete else "")
        console.print(t)
    if doc.diagnostics:
        t = Table("line:col", "code", "message", title="Diagnostics")
        for d in doc.diagnostics:
            t.add_row(f"{d.line}:{d.column}", d.code, d.message)
        console.print(t)
