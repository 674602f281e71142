"""Abbreviated sources expanded from the author's table (issue 4)."""

from __future__ import annotations

import json

import pytest

import footnorm
from footnorm.abbreviations import expand, load
from footnorm.errors import InputError
from footnorm.model import Reference

NOTE = "Text.[^1]\n\n[^1]: FRUS: Potsdam, vol. 2, 1587.\n"


def test_text_table(tmp_path):
    f = tmp_path / "abbr.txt"
    f.write_text("# sources\nFRUS = Foreign Relations of the United States\n", encoding="utf-8")
    ref, known = expand(Reference(title="FRUS: Potsdam", volume="2"), load(str(f)))
    assert known and ref.title == "Foreign Relations of the United States: Potsdam" and ref.volume == "2"


def test_json_table_gives_publication_facts(tmp_path):
    f = tmp_path / "abbr.json"
    f.write_text(json.dumps({"FRUS": {"title": "Foreign Relations of the United States", "publisher":
                                      "Government Printing Office", "publisher-place": "Washington, DC"}}),
                 encoding="utf-8")
    ref, known = expand(Reference(title="FRUS"), load(str(f)))
    assert known and (ref.title, ref.publisher) == ("Foreign Relations of the United States", "Government Printing Office")


def test_prefix_must_end_at_a_word_boundary():
    table = {"FRUS": Reference(title="Foreign Relations")}
    assert expand(Reference(title="FRUSTRATION and Hope"), table) == (Reference(title="FRUSTRATION and Hope"), False)


def test_bad_table_line_is_an_input_error(tmp_path):
    f = tmp_path / "abbr.txt"
    f.write_text("FRUS Foreign Relations\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"abbr.txt:1:1"):
        load(str(f))


def test_entries_expand_but_keys_stay(tmp_path):
    plain = footnorm.analyse(NOTE)
    expanded = footnorm.analyse(NOTE, abbreviations={"FRUS": Reference(title="Foreign Relations of the United States",
                                                                      publisher="GPO")})
    assert [e.key for e in plain.entries] == [e.key for e in expanded.entries]
    (entry,) = expanded.entries
    assert entry.reference.title.startswith("Foreign Relations of the United States") and not entry.incomplete
