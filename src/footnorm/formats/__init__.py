"""Manuscript outputs, one module per format."""

from . import latex, markdown, plain, report

RENDERERS = {"markdown": markdown.render, "latex": latex.render, "plain": plain.render, "json": report.render}
