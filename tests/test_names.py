"""Name lists: display order, inverted order, Vancouver, particles, et al."""

from __future__ import annotations

import pytest

from footnorm.names import looks_like_names, split_inverted_names, split_names


def pairs(names):
    return [(n.particle + " " + n.family).strip() + "|" + n.given for n in names]


DISPLAY = [
    pytest.param("Tsuyoshi Hasegawa", ["Hasegawa|Tsuyoshi"], id="given_family"),
    pytest.param("R. J. J. Cluxton", ["Cluxton|R. J. J."], id="initials"),
    pytest.param("Jane Doe and Richard Roe", ["Doe|Jane", "Roe|Richard"], id="and"),
    pytest.param("A. Lind, B. Moss, and C. Reed", ["Lind|A.", "Moss|B.", "Reed|C."], id="serial_comma"),
    pytest.param("Karl Huber und Eva Stein", ["Huber|Karl", "Stein|Eva"], id="und"),
    pytest.param("Giulia Rossi e Marco Bianchi", ["Rossi|Giulia", "Bianchi|Marco"], id="e"),
    pytest.param("Jean Martin et Paul Petit", ["Martin|Jean", "Petit|Paul"], id="et"),
    pytest.param("Ana López y Juan Pérez", ["López|Ana", "Pérez|Juan"], id="y"),
    pytest.param("V. Bergk et al.", ["Bergk|V."], id="et_al_dropped"),
    pytest.param("S. Lammel u. a.", ["Lammel|S."], id="u_a_dropped"),
    pytest.param("Ludwig van Hove", ["van Hove|Ludwig"], id="particle"),
    pytest.param("Del Rey", ["Del Rey|"], id="capital_particle"),
]


@pytest.mark.parametrize("text, expected", DISPLAY)
def test_split_display_names(text, expected):
    assert pairs(split_names(text)) == expected


INVERTED = [
    pytest.param("Doe, Jane, and Richard Roe", ["Doe|Jane", "Roe|Richard"], id="chicago_first_inverted"),
    pytest.param("Ortega, P., & Lind, O.", ["Ortega|P.", "Lind|O."], id="apa"),
    pytest.param("Quill N, Stone MJ", ["Quill|N", "Stone|MJ"], id="vancouver"),
    pytest.param("Wu, N.; Mo, Y.", ["Wu|N.", "Mo|Y."], id="semicolons"),
    pytest.param("A. Brandt, K. Huber", ["Brandt|A.", "Huber|K."], id="display_in_bibliography"),
]


@pytest.mark.parametrize("text, expected", INVERTED)
def test_split_inverted_names(text, expected):
    assert pairs(split_inverted_names(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Tsuyoshi Hasegawa", True, id="person"),
        pytest.param("Castro", True, id="family_alone"),
        pytest.param("L. FERRANTI u. a.", True, id="caps_and_u_a"),
        pytest.param("Racing the Enemy", False, id="title_with_article"),
        pytest.param("The End of the War", False, id="title_opener"),
        pytest.param("Journal 12", False, id="digits"),
        pytest.param("R . A . Easterlin", True, id="ocr_spaced_initials"),
    ],
)
def test_looks_like_names(text, expected):
    assert looks_like_names(text) is expected


def test_suffix_after_an_inverted_family_name():
    from footnorm.names import split_inverted_names

    names = split_inverted_names("Lind Jr., C., Roux, S., & Vidal, J.")
    assert [(n.family, n.given, n.suffix) for n in names] == [("Lind", "C.", "Jr."), ("Roux", "S.", ""),
                                                                ("Vidal", "J.", "")]


def test_a_line_break_hyphen_inside_a_name_is_mended_but_not_a_suspended_compound():
    from footnorm.names import looks_like_names, split_names

    assert looks_like_names("K. Lind- strom") and [n.family for n in split_names("K. Lind- strom")] == ["Lindstrom"]
    assert not looks_like_names("Bildungs- und Wissenschaftsschranke")


def test_an_initial_that_lost_its_capital_is_no_joiner():
    from footnorm.names import looks_like_names

    assert looks_like_names("e. Vuori") and not looks_like_names("e Vuori und Roe")
