"""Manuscript outputs, one module per format."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..model import Document

# format -> its module, imported when asked for: a run writes one format, and the manuscript
# formats' modules cost start-up time that the JSON report does not need.
MODULES = {"markdown": "markdown", "latex": "latex", "plain": "plain", "json": "report"}


def renderer(to: str) -> Callable[[Document], str]:
    """The render function of format `to`; KeyError for an unknown format."""
    return import_module(f"{__name__}.{MODULES[to]}").render
