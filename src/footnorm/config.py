"""Project settings: `footnorm.toml` beside the manuscript, or `[tool.footnorm]` in a pyproject.toml.

The nearest file wins, looking in the manuscript's folder and then its parents up to the project's
root (a folder with a pyproject.toml or .git); command-line flags override it. Unknown settings are an error, so a misspelt one is never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import FootnormError

FLAVOURS = ("markdown", "latex", "plain")
CHECK_FORMATS = ("text", "json", "github")


@dataclass(frozen=True, slots=True)
class Settings:
    to: str = "markdown"  # manuscript flavour
    bibtex: bool | None = None  # classic BibTeX instead of UTF-8 BibLaTeX; None: as an existing file is written
    bib: str | None = None  # bibliography to merge into (relative to the settings file)
    csl_json: str | None = None
    keymap: str | None = None
    strict: bool = False  # `check`: info diagnostics count as problems
    format: str = "text"  # `check` output
    key_pattern: str | None = None  # e.g. "{auth}{year}" (keypattern.py); default: footnorm's own keys
    abbreviations: str | None = None  # a table of abbreviated sources (footnorm.abbreviations.load)
    languages: tuple[str, ...] = ()  # reserved: languages of the notes ("en", "de")
    source: str | None = None  # the file the settings came from
    unused: tuple[str, ...] = field(default=())  # reserved settings that have no effect yet


_TYPES: dict[str, type | tuple[type, ...]] = {
    "to": str, "bibtex": bool, "bib": str, "csl-json": str, "keymap": str, "strict": bool, "format": str,
    "key-pattern": str, "abbreviations": str, "languages": list,
}
_RESERVED = ("languages",)


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest footnorm.toml, or pyproject.toml with a [tool.footnorm] table, from `start` upwards."""
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        own = folder / "footnorm.toml"
        if own.is_file():
            return own, _load(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _load(pyproject).get("tool", {}).get("footnorm")
            return (pyproject, table) if table is not None else None
        if (folder / ".git").exists():
            return None  # the project's root: settings above it belong to someone else
    return None


def _load(path: Path) -> dict[str, Any]:
    import tomllib  # here: most runs find no settings file, and the parser costs start-up time

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FootnormError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise FootnormError(f"{path}: cannot read ({exc.strerror})") from None


def settings_for(manuscript: str | None, explicit: str | None = None) -> Settings:
    """Settings for a manuscript path ('-' or None: the current folder), or from an explicit file."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise FootnormError(f"{explicit}: no such settings file")
        data = _load(path)
        table = data.get("tool", {}).get("footnorm", {}) if path.name == "pyproject.toml" else data
        found = (path, table)
    else:
        start = Path(".") if manuscript in (None, "-") else Path(manuscript).parent
        found = find_settings_file(start if start.is_dir() else Path("."))
    if found is None:
        return Settings()
    return parse_settings(*found)


def parse_settings(path: Path, table: dict[str, Any]) -> Settings:
    if not isinstance(table, dict):
        raise FootnormError(f"{path}: [tool.footnorm] must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _TYPES:
            raise FootnormError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(_TYPES))})")
        if not isinstance(value, _TYPES[key]):
            raise FootnormError(f"{path}: setting {key!r} must be a {_TYPES[key].__name__}")
        values[key.replace("-", "_")] = value
    if values.get("to", "markdown") not in FLAVOURS:
        raise FootnormError(f"{path}: setting 'to' must be one of {', '.join(FLAVOURS)}")
    if values.get("format", "text") not in CHECK_FORMATS:
        raise FootnormError(f"{path}: setting 'format' must be one of {', '.join(CHECK_FORMATS)}")
    base = path.parent
    for key in ("bib", "csl_json", "keymap", "abbreviations"):
        if values.get(key):
            values[key] = str(base / values[key])  # relative to the settings file, not the working folder
    if "languages" in values:
        values["languages"] = tuple(str(x) for x in values["languages"])
    if values.get("abbreviations") and not Path(values["abbreviations"]).is_file():
        raise FootnormError(f"{path}: abbreviations file {values['abbreviations']} does not exist")
    if values.get("key_pattern"):
        from .keypattern import check_pattern

        try:
            check_pattern(values["key_pattern"])
        except FootnormError as exc:
            raise FootnormError(f"{path}: {exc}") from None
    unused = tuple(k for k in _RESERVED if k.replace("-", "_") in values)
    return Settings(**values, source=str(path), unused=unused)
