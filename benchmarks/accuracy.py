"""Accuracy of footnorm on the shared benchmark, printed and (with --write) kept in RESULTS.md.

    python benchmarks/accuracy.py [--bench ../shared/bench] [--typeset DIR ...] [--write] [--limit N]

Runs the benchmark's own scorer (score.py) over every set with the installed `footnorm`, and
measures on the real notes of ../shared/bench/notes how many yield a citation with an author or
a title. Nothing here is a test; the benchmark data is read, never copied into the project.
--typeset DIR (repeatable) also scores a set made by benchmarks/typeset/make.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
MANUSCRIPTS = ["seed", "dev", "cited-dev", "fossil-dev"]
REFERENCES = ["notes-dev.jsonl", "dev.jsonl"]


def footnorm_exe() -> str:
    exe = Path(sys.executable).with_name("footnorm")
    return str(exe) if exe.exists() else "footnorm"


def score(bench: Path, task: str, target: Path, cmd: str, limit: int | None) -> str:
    args = [sys.executable, str(bench / "score.py"), task, "--cmd", cmd, "--set", str(target)]
    if limit:
        args += ["--limit", str(limit)]
    out = subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip().splitlines()
    if not out:
        return "no output"
    # the table's ALL row carries what the last line leaves out (precision, recall, note token F1)
    table = [line for line in out if line.strip().startswith(("degradation", "ALL"))][:2]
    return out[-1] + "".join(f"\n      {' '.join(line.split())}" for line in table)


def notes_rate(bench: Path) -> str:
    import footnorm

    path = bench / "notes" / "fossil-dev.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total, useful, raised = len(texts), 0, 0
    # As `footnorm parse` reads them: the notes in order, so that ibid. finds the work before it.
    try:
        items = footnorm.parse_references(texts)
    except Exception:  # the measurement is whether anything raises; then measure line by line
        items = []
        for text in texts:
            try:
                items.append(footnorm.parse_reference(text))
            except Exception:
                raised += 1
    for item in items:
        useful += any(c.get("author") or c.get("title") for c in item.get("citations", []))
    return f"notes: {useful}/{total} = {useful / max(total, 1):.3f} yield a citation with an author or title; {raised} raised"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--write", action="store_true", help="record the results in benchmarks/RESULTS.md")
    ap.add_argument("--limit", type=int, default=None, help="score a sample of each set")
    ap.add_argument("--typeset", action="append", default=[],
                    help="a set made by benchmarks/typeset/make.py, scored too (may be given again)")
    args = ap.parse_args()
    bench = Path(args.bench)
    if not (bench / "score.py").exists():
        print(f"accuracy: no benchmark at {bench}", file=sys.stderr)
        return 2
    exe = footnorm_exe()
    lines = []
    for name in MANUSCRIPTS:
        line = score(bench, "manuscripts", bench / "manuscripts" / name, f"{exe} inspect {{input}} --json", args.limit)
        lines.append(f"manuscripts/{name}: {line}")
        print(lines[-1], flush=True)
    for typeset in args.typeset:
        line = score(bench, "manuscripts", Path(typeset), f"{exe} inspect {{input}} --json", args.limit)
        lines.append(f"typeset (benchmarks/typeset/make.py, {Path(typeset).name}): {line}")
        print(lines[-1], flush=True)
    for name in REFERENCES:
        line = score(bench, "references", bench / "references" / name, f"{exe} parse {{input}} --json", args.limit)
        lines.append(f"references/{name}: {line}")
        print(lines[-1], flush=True)
    lines.append(notes_rate(bench))
    print(lines[-1])
    if args.write:
        from results import record

        record("Accuracy", "python benchmarks/accuracy.py --write", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
