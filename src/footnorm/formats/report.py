"""The JSON report of `footnorm inspect`: the contract the benchmarks and other tools read."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..csl import citation_to_json, entry_to_csl
from ..model import Document


def report(doc: Document) -> dict[str, Any]:
    return {
        "markers": [{"number": m.number, "start": m.start, "end": m.end, "line": m.line, "column": m.column,
                     "style": m.style} for m in doc.markers],
        "notes": [{"number": n.number, "text": n.text, "start": n.start, "end": n.end, "placement": n.placement,
                   "label_start": n.label_start, "label_end": n.label_end, "line": n.line, "column": n.column,
                   "continued": [list(p) for p in n.continued],
                   "citations": [citation_to_json(c) for c in n.citations]} for n in doc.notes],
        "artefacts": [{"kind": a.kind, "start": a.start, "end": a.end, "text": a.text} for a in doc.artefacts],
        # Each segment carries its text, so `footnorm restore` rebuilds the input from the report alone.
        "segments": [{"kind": s.kind, "start": s.start, "end": s.end, "text": doc.text[s.start:s.end]}
                     for s in doc.segments],
        "input_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "body": doc.body,
        "entries": [entry_to_csl(e) for e in doc.entries],
        "diagnostics": [{"code": d.code, "severity": d.severity, "message": d.message, "line": d.line,
                         "column": d.column, "start": d.start, "end": d.end} for d in doc.diagnostics],
    }


def render(doc: Document) -> str:
    # Compact: a book's report is megabytes, and pretty-printing it costs a tenth of a second.
    # The report is a fresh tree of dicts and lists: no cycles to check for.
    return json.dumps(report(doc), ensure_ascii=False, separators=(",", ":"), check_circular=False) + "\n"
