from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples every run: a property that fails there fails the same way again,
# and a passing submission cannot turn red by the luck of the draw. Fuzz wider locally at will.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "potsdam-flattened-notes.txt"
GOLDEN = ROOT / "tests" / "golden"


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; FOOTNORM_UPDATE_GOLDEN=1 rewrites it after a deliberate change."""
    path = GOLDEN / name
    if os.environ.get("FOOTNORM_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with FOOTNORM_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
