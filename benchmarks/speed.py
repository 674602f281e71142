"""Speed of footnorm: MB/s of detection, references/s of the parser, and a scaling ratio.

    python benchmarks/speed.py [--write]   # one line per measurement; --write keeps them in RESULTS.md
Measured on synthetic drafts (benchmarks/synthetic.py); nothing here is a test.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import draft  # noqa: E402

import footnorm  # noqa: E402

scan = importlib.import_module("footnorm.scan").scan


def best_of(fn, repeat: int = 3, clock=time.process_time) -> float:
    """Best CPU time of a few runs: one core's work, unaffected by other processes on the machine."""
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return min(times)


def main() -> None:
    lines: list[str] = []

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    small, large = draft(1_000_000, seed=1), draft(10_000_000, seed=2)
    t_small = best_of(lambda: scan(small))
    t_large = best_of(lambda: scan(large), repeat=2)
    mb = len(large.encode()) / 1e6
    say(f"detection: {mb / t_large:.2f} MB/s on a {mb:.1f} MB draft; "
          f"scaling ratio (time per MB, 10 MB / 1 MB): {(t_large / len(large)) / (t_small / len(small)):.2f}")
    doc = footnorm.analyse(small)
    n_cites = sum(len(n.citations) for n in doc.notes)
    t_full = best_of(lambda: footnorm.analyse(small), repeat=1)
    say(f"whole pipeline: {len(small.encode()) / 1e6 / t_full:.2f} MB/s, {n_cites / t_full:,.0f} references/s "
          f"({len(doc.notes)} notes, {n_cites} citations)")
    book = draft(700_000, seed=3)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(book)
    exe = Path(sys.executable).with_name("footnorm")
    # As an installed package runs: with its bytecode compiled (a first run writes it if missing).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([str(exe), "--version"], check=True, stdout=subprocess.DEVNULL, env=env)
    t_cli = best_of(lambda: subprocess.run([str(exe), "inspect", fh.name, "--json"], check=True,
                                           stdout=subprocess.DEVNULL, env=env), repeat=3,
                    clock=time.perf_counter)
    say(f"footnorm inspect --json on a 700 KB book: {t_cli:.2f} s including start-up")
    t_start = best_of(lambda: subprocess.run([str(exe), "--version"], check=True, stdout=subprocess.DEVNULL, env=env),
                      clock=time.perf_counter)
    say(f"start-up (footnorm --version): {t_start:.2f} s")


    parser = subprocess.run([sys.executable, str(Path(__file__).with_name("references_speed.py"))],
                            capture_output=True, text=True, check=False).stdout.strip().splitlines()
    if parser:
        say(f"reference parser alone: {parser[-1]}")
    if "--write" in sys.argv:
        from results import record

        record("Speed", "python benchmarks/speed.py --write", lines)


if __name__ == "__main__":
    main()
