"""Synthetic flattened drafts for speed measurements: pages of prose with glued markers,
page-bottom notes, folios and running heads. Made from rules, not from any real text."""

from __future__ import annotations

import random

WORDS = ("the treaty council minister delegation war negotiations government territory conference "
         "agreement railway ports sovereignty concessions security occupation zone proposal agenda "
         "surrender question answer history army navy report letter archive").split()
NAMES = ["Hasegawa", "Smith", "Müller", "Dubois", "García", "Rossi", "Nowak", "Jansen"]
TITLES = ["Racing the Enemy", "The End of the War", "Diplomacy and Force", "A History of Treaties",
          "Soviet Policy in Asia", "The Last Conference"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.2:
        words.insert(rng.randint(1, len(words) - 1), f"June {rng.randint(1, 28)}")
    return " ".join(words) + "."


def note(rng: random.Random, n: int) -> str:
    name, title = rng.choice(NAMES), rng.choice(TITLES)
    kind = rng.random()
    if kind < 0.3:
        return f"{n} {name}, {title} (London: Press, {rng.randint(1900, 2020)}), {rng.randint(1, 400)}."
    if kind < 0.6:
        return f"{n} See {name}, {title}, {rng.randint(1, 400)}; {rng.choice(NAMES)}, “{rng.choice(TITLES)},” {rng.randint(1, 99)}."
    if kind < 0.8:
        return f"{n} Ibid., {rng.randint(1, 400)}."
    return f"{n} {name}, “{title},” Journal of History {rng.randint(1, 60)}, no. {rng.randint(1, 4)} ({rng.randint(1950, 2020)}): {rng.randint(1, 300)}–{rng.randint(301, 600)}."


def draft(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out, n, page = [], 0, 1
    total = 0
    while total < size:
        lines, page_notes = [], []
        for _ in range(rng.randint(6, 12)):
            s = sentence(rng)
            if rng.random() < 0.35:
                n += 1
                s = s[:-1] + f".{n}"
                page_notes.append(note(rng, n))
            lines.append(s)
        text = " ".join(lines)
        wrapped, line = [], ""
        for word in text.split(" "):
            if len(line) + len(word) > 80:
                wrapped.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        wrapped.append(line)
        block = "\n".join(wrapped + page_notes + [str(page), "A HISTORY OF TREATIES"]) + "\n"
        out.append(block)
        total += len(block)
        page += 1
    return "".join(out)
