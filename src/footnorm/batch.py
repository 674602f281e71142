"""A publisher's backlist: many manuscripts analysed in parallel by Dask, never by a home-made pool.

    import footnorm.batch
    summaries = footnorm.batch.summarise(paths)                 # local threads/processes
    summaries = footnorm.batch.summarise(paths, scheduler=client.get)   # a dask.distributed cluster

Each worker reads one file and returns a small, picklable summary (counts, diagnostics, entries as
CSL-JSON), so nothing large travels back to the client. Needs the `cluster` extra (dask[bag]).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .csl import entry_to_csl
from .errors import FootnormError
from .source import read_text


def summarise_one(path: str) -> dict[str, Any]:
    """What a worker sends back for one manuscript: counts, diagnostics and the bibliography."""
    import footnorm

    try:
        text, name = read_text(path)
    except FootnormError as exc:
        return {"path": path, "error": str(exc)}
    doc = footnorm.analyse(text, name)
    return {
        "path": path,
        "markers": len(doc.markers),
        "notes": len(doc.notes),
        "citations": sum(len(n.citations) for n in doc.notes),
        "entries": [entry_to_csl(e) for e in doc.entries],
        "diagnostics": [{"code": d.code, "severity": d.severity, "line": d.line, "column": d.column,
                         "message": d.message} for d in doc.diagnostics],
    }


def summarise(paths: Iterable[str], scheduler: str | Callable | None = None,
              partition_size: int = 8) -> list[dict[str, Any]]:
    """Summaries of every path, in the order given, computed by Dask (`scheduler` as dask.compute takes it)."""
    try:
        import dask.bag as db
    except ImportError:  # a clear message instead of a traceback for a missing optional dependency
        raise FootnormError("batch processing needs Dask: pip install 'footnorm[cluster]'") from None
    paths = list(paths)
    if not paths:
        return []
    bag = db.from_sequence(paths, partition_size=partition_size).map(summarise_one)
    return bag.compute(scheduler=scheduler) if scheduler is not None else bag.compute()
