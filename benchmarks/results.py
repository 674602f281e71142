"""Keeping benchmarks/RESULTS.md: each script replaces its own section, with the date and commit."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEAD = "# Benchmark results\n\nEach section is rewritten by the script named in it; the rest is kept as written.\n"


def record(section: str, script: str, lines: list[str]) -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True, check=False).stdout.strip() or "unknown"
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = "\n".join(f"    {x}" for x in lines)
    block = f"## {section}\n\n`{script}`, {stamp}, commit {commit}:\n\n{body}\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEAD
    pattern = re.compile(rf"^## {re.escape(section)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: block + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + block
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")
