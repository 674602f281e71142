"""The input back from an `inspect --json` report: its segments tile the input, each with its text."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .errors import FootnormError


def restore(report: Any, name: str = "<report>") -> str:
    """The exact input the report was made from; a FootnormError if the report cannot give it."""
    if not isinstance(report, dict) or not isinstance(report.get("segments"), list):
        raise FootnormError(f"{name}: not a footnorm report (no segments); make one with `footnorm inspect --json`")
    parts, pos = [], 0
    for i, seg in enumerate(report["segments"]):
        if not isinstance(seg, dict) or not isinstance(seg.get("text"), str):
            raise FootnormError(f"{name}: segment {i} has no text (a report from before footnorm kept it)")
        start, end = seg.get("start"), seg.get("end")
        if start != pos or not isinstance(end, int) or end - start != len(seg["text"]):
            raise FootnormError(f"{name}: segment {i} does not continue the input at offset {pos}")
        parts.append(seg["text"])
        pos = end
    text = "".join(parts)
    digest = report.get("input_sha256")
    if digest is not None and hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise FootnormError(f"{name}: restored text does not match the report's input_sha256")
    return text


def restore_json(data: str, name: str = "<report>") -> str:
    try:
        report = json.loads(data)
    except json.JSONDecodeError as exc:
        raise FootnormError(f"{name}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    return restore(report, name)
