"""Writing results: atomically, so a failed run never leaves a truncated or half-written file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import FootnormError


def write_text(path: str | None, text: str) -> None:
    """Write to `path` atomically (temp file + rename in the same directory), or stdout if None/'-'."""
    if path is None or path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise FootnormError(f"{path}: is a directory")
    if not directory.is_dir():
        raise FootnormError(f"{path}: directory {directory} does not exist")
    _atomic(target, text.encode("utf-8"), keep_mode=True)


def write_bytes(path: str, data: bytes) -> None:
    """Write bytes to `path` atomically (a backup copy keeps the input's exact bytes)."""
    _atomic(Path(path), data, keep_mode=False)


def _atomic(target: Path, data: bytes, keep_mode: bool) -> None:
    """A temp file beside the target, synced, then renamed over it: readers see old or new, never half."""
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_mode and target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
