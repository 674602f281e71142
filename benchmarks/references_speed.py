"""How many references per second footnorm.references parses on one core.

    python benchmarks/references_speed.py [--n 5000] [--bench ../shared/bench]

The references are synthetic (Chicago full and short notes, ibid., German and
French forms, bibliography strings), built from templates and random words; when a
benchmark folder is given (or found beside the repository) its reference strings
are mixed in for a realistic length distribution.  The parsers are built before the
clock starts, as they are once per process in real use.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from footnorm.references import parse_note_text

GIVEN = ["Anna", "J. R.", "Tsuyoshi", "Marie-Claire", "Karl", "M.", "Luis", "Giulia", "P. K."]
FAMILY = ["Hasegawa", "Smith", "van Dijk", "Müller", "Dupont", "Rossi", "García Márquez", "O'Neill"]
WORDS = "war peace harbour empire trade rivers memory law state church city archive sea".split()
PLACES = ["London", "Cambridge, MA", "Berlin", "Paris", "Milano", "Madrid"]
PUBLISHERS = ["Belknap Press", "Suhrkamp", "Gallimard", "Einaudi", "Oxford University Press"]
JOURNALS = ["Journal of Modern History", "Past & Present", "Historische Zeitschrift", "Annales"]


def _title(rng: random.Random, n: int) -> str:
    return " ".join(w.capitalize() if i == 0 or rng.random() < 0.5 else w
                    for i, w in enumerate(rng.sample(WORDS, n)))


def synthetic(rng: random.Random) -> str:
    a = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    fam = a.split()[-1]
    t = _title(rng, rng.randint(2, 6))
    y = rng.randint(1850, 2024)
    p = rng.randint(1, 900)
    forms = [
        f"{a}, {t}: {_title(rng, 3)} ({rng.choice(PLACES)}: {rng.choice(PUBLISHERS)}, {y}), {p}.",
        f"{a} and {rng.choice(GIVEN)} {rng.choice(FAMILY)}, “{t},” {rng.choice(JOURNALS)} "
        f"{rng.randint(1, 90)}, no. {rng.randint(1, 4)} ({y}): {p}.",
        f"See {fam}, {t}, {p}; {fam}, “{_title(rng, 2)},” {p + 3}.",
        f"Ibid., {p}.",
        f"Vgl. {a}, „{t}“, in {_title(rng, 3)}, hrsg. v. {rng.choice(GIVEN)} {rng.choice(FAMILY)} "
        f"({rng.choice(PLACES)}: {rng.choice(PUBLISHERS)}, {y}), S. {p} f.",
        f"{a}, « {t} », {rng.choice(JOURNALS)} {rng.randint(1, 90)}, nᵒ {rng.randint(1, 4)} ({y}): {p}.",
        f"{fam}, {a.split()[0]}. {t}. {rng.choice(PLACES)}: {rng.choice(PUBLISHERS)}, {y}.",
        f"This is discussed at length in {fam}, {t}, {p}.",
    ]
    return rng.choice(forms)


def benchmark_lines(bench: Path | None, limit: int) -> list[str]:
    if bench is None or not bench.is_dir():
        return []
    lines: list[str] = []
    for name in ("references/notes-dev.jsonl", "references/dev.jsonl"):
        path = bench / name
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                lines.extend(json.loads(line)["text"] for line in fh if line.strip())
    random.Random(1).shuffle(lines)
    return lines[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="synthetic references")
    default_bench = Path(__file__).resolve().parents[2] / "shared" / "bench"
    ap.add_argument("--bench", type=Path, default=default_bench, help="benchmark folder to mix in")
    ap.add_argument("--no-bench", action="store_true", help="synthetic references only")
    args = ap.parse_args()

    rng = random.Random(20240601)
    refs = [synthetic(rng) for _ in range(args.n)]
    if not args.no_bench:
        refs += benchmark_lines(args.bench, args.n)
    parse_note_text(refs[0])  # build the parsers outside the timing

    # CPU time of this process: the figure for one core, even on a busy machine
    t0 = time.process_time()
    w0 = time.perf_counter()
    found = 0
    for r in refs:
        cits, _ = parse_note_text(r)
        found += len(cits)
    dt = time.process_time() - t0
    wall = time.perf_counter() - w0
    chars = sum(len(r) for r in refs)
    print(f"{len(refs)} references ({chars / len(refs):.0f} chars on average), {found} citations")
    print(f"{len(refs) / dt:,.0f} references/s ({found / dt:,.0f} citations/s), "
          f"{chars / dt / 1e6:.2f} MB/s of CPU time on one core ({len(refs) / wall:,.0f}/s wall clock)")


if __name__ == "__main__":
    main()
