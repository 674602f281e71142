"""The model's spelled-out copy methods (faster than dataclasses.replace) keep every other field."""

from __future__ import annotations

from dataclasses import fields, replace

from footnorm.model import Citation, Diagnostic, Name, Note, Reference


def _filled(cls, **given):
    """An instance whose every field differs from its default, so a field a copy drops shows."""
    values = {}
    for i, f in enumerate(fields(cls)):
        if f.name in given:
            values[f.name] = given[f.name]
        elif f.type in ("int",):
            values[f.name] = 100 + i
        elif f.name == "continued":
            values[f.name] = ((7, 9),)
        else:
            values[f.name] = f"{f.name}-{i}"
    return cls(**values)


def test_copies_keep_every_other_field():
    ref = Reference(title="T", author=(Name("F", "G"),))
    cite = _filled(Citation, reference=ref, form="full")
    note = _filled(Note, citations=(cite,))
    diag = _filled(Diagnostic)
    assert cite.spanning(1, 2) == replace(cite, start=1, end=2)
    assert cite.keyed("k") == replace(cite, key="k")
    assert note.with_citations(()) == replace(note, citations=())
    assert diag.spanning(1, 2) == replace(diag, start=1, end=2)
    assert diag.located(3, 4) == replace(diag, line=3, column=4)


def test_pickled_as_constructor_arguments_round_trips():
    import pickle

    ref = _filled(Reference, author=(_filled(Name),), editor=(), translator=())
    cite = _filled(Citation, reference=ref, form="full")
    for obj in (ref, cite, _filled(Diagnostic), ref.author[0]):
        assert pickle.loads(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)) == obj
