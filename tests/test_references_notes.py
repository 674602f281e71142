"""Citations inside the prose of real notes (footnorm.references): a signal in mid-sentence,
OCR's spaced full stops, lost capitals, legal sources named in a sentence.

Cases are made up from the style rules (Chicago, OSCOLA, German legal style), not copied
from any benchmark.
"""

from __future__ import annotations

import pytest

from footnorm.references import parse_note_text


def cited(text: str):
    cits, _ = parse_note_text(text)
    return [c for c in cits if c.reference.author or c.reference.title]


def families(c) -> list[str]:
    return [n.family or n.literal for n in c.reference.author]


@pytest.mark.parametrize("text, families_, title, signal", [
    pytest.param("The port was rebuilt after the war . For a recent . survey, see K . Brandt, Harbour Towns of "
                 "the North: A Survey (Oslo, 1980).", ["Brandt"], "Harbour Towns of the North: A Survey", "see",
                 id="ocr-spaced-stop-ends-the-sentence"),
    pytest.param("Again, because of its scope, the survey leaves the ports aside, but for the main study, see "
                 "M . Lund, The Docks of Bergen (Bergen, 1975).", ["Lund"], "The Docks of Bergen", "see",
                 id="signal-after-four-clauses"),
    pytest.param("Oft wird darunter nur die Sicherung der Bestände verstanden, vgl. auch allgemein: Brandt, "
                 "Häfen im Wandel der Zeit, 2015, S. 12.", ["Brandt"], "Häfen im Wandel der Zeit", "vgl. auch",
                 id="german-signal-with-a-lead-word-and-colon"),
    pytest.param("Three kinds of harbour are told apart (river, sea and lake). see: K. lund, \"a study of "
                 "harbours,\" Maritime Review 3, 1950, no. 2, pp. 10-20.", ["lund"], "a study of harbours", "see",
                 id="lower-case-signal-where-capitals-were-lost"),
])
def test_signal_inside_prose(text, families_, title, signal):
    cs = cited(text)
    assert len(cs) == 1, [c.text for c in cs]
    c = cs[0]
    assert families(c) == families_ and c.reference.title == title and c.prefix == signal


@pytest.mark.parametrize("text", [
    pytest.param("For the details, see below, where the harbours of the coast are discussed at length.",
                 id="see-below"),
    pytest.param("The port was rebuilt after the war . At times, the distinction between the two harbours "
                 "becomes arbitrary, and the records say little.", id="ocr-spaced-stops-in-prose"),
    pytest.param("As for the origins, John Doe, editor of two volumes, both entitled The Harbour in Modern "
                 "Historical Perspective (New York, 1973), claims that the work began in 1965.",
                 id="a-titles-in-is-no-citing-word"),
])
def test_prose_gets_no_invented_title(text):
    titles = [c.reference.title for c in cited(text)]
    assert "Modern Historical Perspective" not in titles and not any(t.startswith("below") for t in titles)
    assert all(c.reference.author or "Harbour" in c.reference.title for c in cited(text))


def test_an_initial_v_is_no_spanish_signal():
    cs = cited("A. Doe, B. Roe, V. Lund, and C. Moe, Tides of the North, Harbour Review 4 (2001): 12-20.")
    assert cs and all(c.prefix != "V." for c in cs)


@pytest.mark.parametrize("text, title, locator, signal", [
    pytest.param("Diese Pflicht wurde umgesetzt in § § 12 Abs. 3, 12a HafenG.", "HafenG", "12 Abs. 3, 12a", "",
                 id="german-sections-ocr-spaced-at-the-end"),
    pytest.param("Das gilt vor allem für Art. 4 und 9 See-RL, die den Lotsen gewidmet sind.", "See-RL", "4 und 9", "",
                 id="german-articles-mid-sentence"),
    pytest.param("Under Article 12 TEU, the national parliaments take part in the work of the Union.", "TEU", "12", "",
                 id="treaty-abbreviation-in-an-english-sentence"),
    pytest.param("This follows from Article 7 of the Regulation 1234/2019 on harbour dues.", "Regulation 1234/2019",
                 "7", "", id="numbered-act-after-of-the"),
    pytest.param("Así lo dispone el artículo 2.3 de la Segunda Directiva sobre puertos.", "Segunda Directiva", "2.3", "",
                 id="spanish-articulo-de-la"),
    pytest.param("See art. 4.2 PSR Directive.", "PSR Directive", "4.2", "See",
                 id="signal-before-a-named-directive"),
])
def test_provision_named_in_a_sentence(text, title, locator, signal):
    cs = cited(text)
    assert len(cs) == 1, [c.text for c in cs]
    c = cs[0]
    assert (c.reference.type, c.reference.title, c.locator, c.prefix) == ("legislation", title, locator, signal)


@pytest.mark.parametrize("text", [
    pytest.param("The loss must be direct, as Article 6(3)(a) already requires.", id="no-instrument-named"),
    pytest.param("Así lo prevé el artículo 5 del Tratado en materia de puertos.", id="instrument-named-only-by-its-kind"),
    pytest.param("The basis is article 45(1) of the act on the provision of harbour information.",
                 id="instrument-described-not-named"),
])
def test_provision_without_a_named_instrument_is_no_citation(text):
    assert cited(text) == []


def test_prose_introducing_author_title_and_publication_facts():
    c = cited("The clearest study of the harbour trade is that of the maritime historian Karen Lund, "
              "Ships and Tides in the Northern Ports (Bergen, 1981).")
    assert len(c) == 1 and families(c[0]) == ["Lund"] and c[0].reference.title == "Ships and Tides in the Northern Ports"
    assert c[0].reference.issued == "1981"


def test_a_capitalised_phrase_after_of_is_no_author():
    # "of the Journal of Harbour History" is no author, although two capitalised words end it
    titles = [c.reference.title for c in cited("A list published for the Journal of Harbour History, K. Lund's "
                                                 "Harbours of the North (Bergen, 1980) gives the dates.")]
    assert not any(t.startswith("K. Lund") for t in titles)


def test_author_date_reference_then_one_in_full_after_a_signal():
    c = cited("Some authors tell two kinds of harbour apart, see Doe et al. 2020, A. Roe, B. Moe, C. Poe, "
              "Harbours of the Baltic, 2024.")
    assert len(c) == 1 and families(c[0]) == ["Roe", "Moe", "Poe"] and c[0].prefix == "see"


@pytest.mark.parametrize("text, rtype, title, who", [
    pytest.param("European Commission, Proposal for a Regulation on harbour dues, cit., para. 4.", "document",
                 "Proposal for a Regulation on harbour dues", "European Commission", id="a-commissions-paper-cit"),
    pytest.param("Take the ferries case (Commission decision, Cartel, AT.40001, Ferries, of 3 May 2019) that made "
                 "the news.", "legal_case", "Ferries", "", id="competition-case-number-in-parentheses"),
])
def test_institutional_papers_and_competition_cases(text, rtype, title, who):
    c = cited(text)
    assert len(c) == 1
    assert (c[0].reference.type, c[0].reference.title) == (rtype, title)
    assert [n.literal for n in c[0].reference.author] == ([who] if who else [])


@pytest.mark.parametrize("text, title, container, issued, signal", [
    pytest.param("Dz. U. [Journal of Laws] No. 12, item 345, with changes.", "Dz. U. [Journal of Laws] No. 12, item 345",
                 "Dz. U. [Journal of Laws]", "", "", id="polish-gazette-entry"),
    pytest.param("the definition was introduced by a regulation of the minister, defining a harbour as \"a place for "
                 "ships\" (Journal of Laws of 2006, no. 12, item 345).", "Journal of Laws of 2006, no. 12, item 345",
                 "Journal of Laws", "2006", "", id="gazette-entry-in-parentheses-after-prose"),
    pytest.param("Journal of Laws of 2018, items 101, 202 and 303.", "Journal of Laws of 2018, items 101, 202 and 303",
                 "Journal of Laws", "2018", "", id="gazette-entry-with-several-items"),
    pytest.param("Cf. Hafengerichts-Novelle 2015 (BGBl. I Nr. 12/2015) -the act abolished the old harbour boards.",
                 "Hafengerichts-Novelle 2015", "BGBl. I Nr. 12/2015", "2015", "Cf.", id="named-act-and-its-gazette"),
    pytest.param("a harbour cooperative is listed by the centre, which was established by the act on the national "
                 "harbour centre of 10 February 2017 (Journal of Laws of 2019, item 77). the list is public.",
                 "Act on the national harbour centre", "Journal of Laws of 2019, item 77", "2017", "",
                 id="act-described-in-a-sentence-with-its-date-and-gazette"),
])
def test_acts_by_their_gazette(text, title, container, issued, signal):
    cs = cited(text)
    assert len(cs) == 1, [c.text for c in cs]
    r = cs[0].reference
    assert (r.type, r.title, r.container_title, r.issued, cs[0].prefix) == ("legislation", title, container, issued, signal)


def test_an_authoritys_paper_cited_german_style():
    c = cited("Vgl. dazu den Beschluss der Hafenministerkonferenz: „Ausbau der Kaianlagen“ vom 3. März 1999, "
              "abrufbar unter: http://www.example.org/kai.pdf, S. 4.")
    assert len(c) == 1
    r = c[0].reference
    assert ([n.literal for n in r.author], r.title, r.issued, c[0].prefix) == (
        ["Hafenministerkonferenz"], "Ausbau der Kaianlagen", "1999", "Vgl. dazu")
    assert r.url == "http://www.example.org/kai.pdf"


def test_a_ministrys_draft_by_its_title_and_date():
    c = cited("Vgl. den Referentenentwurf des Bundesministeriums für Verkehr, Entwurf eines Gesetzes über die "
              "Lotsen v. 1.2.2021.")
    assert len(c) == 1
    r = c[0].reference
    assert ([n.literal for n in r.author], r.title, r.issued) == (
        ["Bundesministerium für Verkehr"], "Entwurf eines Gesetzes über die Lotsen", "2021")


@pytest.mark.parametrize("text, title, issued", [
    pytest.param("The court has developed this at length, for instance in the advisory opinion OC-12/19 of 3 May 2019.",
                 "OC-12/19", "2019", id="advisory-opinion-by-number-and-date"),
    pytest.param("The same reasoning was followed in Case C-123/45 on harbour dues.", "Case C-123/45", "",
                 id="case-number-in-a-sentence"),
])
def test_case_named_in_a_sentence_by_its_number(text, title, issued):
    c = cited(text)
    assert len(c) == 1 and (c[0].reference.type, c[0].reference.title, c[0].reference.issued) == ("legal_case", title, issued)


def test_spanish_year_with_ano():
    c = cited("Acceso a los Puertos para las Comunidades del Caribe, Comisión de Puertos, Cartagena, año 2005.")
    assert len(c) == 1 and c[0].reference.title.startswith("Acceso a los Puertos")
    assert (c[0].reference.issued, c[0].reference.publisher_place) == ("2005", "Cartagena")


def test_a_treatys_chapter_named_in_a_sentence():
    c = cited("Se trata del Capítulo 4 TFUE en materia de puertos.")
    assert len(c) == 1 and (c[0].reference.title, c[0].locator, c[0].label) == ("TFUE", "4", "chapter")


def test_a_name_broken_at_the_lines_end():
    c = cited('See K . Lind- strom, "Harbour Dues", in C .F . Moe, ed ., The Ports of the North (Oslo, 1977).')
    assert len(c) == 1 and families(c[0]) == ["Lindstrom"] and c[0].reference.title == "Harbour Dues"


def test_a_second_author_whose_initial_lost_its_capital():
    c = cited('see: K. Lund, e. Moe, "harbour towns as networks," [in:] Proceedings of the Harbour Conference, 2005, '
              'Bergen 2005, p. 8.')
    assert len(c) == 1 and families(c[0]) == ["Lund", "Moe"]


@pytest.mark.parametrize("text", [
    pytest.param("The harbour was closed, but the trade went on, see Smith, who describes the smugglers at length.",
                 id="see-name-then-a-relative-clause"),
    pytest.param("The port was rebuilt after the war . At times, see Lund, the records are silent about it.",
                 id="see-name-then-the-sentence-goes-on"),
    pytest.param("In Harbour Law, this rule would be useful too.", id="a-capitalised-phrase-then-a-clause"),
    pytest.param("Again, it bears repeating that the port was closed.", id="an-adverb-then-a-clause"),
])
def test_a_name_followed_by_a_clause_is_no_citation(text):
    assert cited(text) == []


def test_signal_before_a_court_in_a_late_field():
    c = cited("Very short texts (four words and shorter) are too short to be protected, see CJEU, judgement of "
              "16 July 2009, Harbour, Case C-12/08.")
    assert len(c) == 1 and c[0].prefix == "see" and c[0].reference.type == "legal_case"
    assert c[0].reference.issued == "2009"


@pytest.mark.parametrize("text, title, url, accessed", [
    pytest.param("Los puertos, artículo citado en la publicación electrónica. Disponible en: <http://www. example.org/"
                 "puertos> [consulta: 7 de mayo de 2011].", "Los puertos", "http://www.example.org/puertos", "2011",
                 id="spanish-iso-690-with-an-ocr-space-in-the-link"),
    pytest.param("Harbour Dues [online]. Available at: <https://example.org/dues> [Accessed 3 May 2012].", "Harbour Dues",
                 "https://example.org/dues", "2012", id="harvard-online-marker"),
])
def test_web_page_cited_iso_690_style(text, title, url, accessed):
    c = cited(text)
    assert len(c) == 1
    r = c[0].reference
    assert (r.type, r.title, r.url, r.accessed) == ("webpage", title, url, accessed)


def test_a_sentence_before_a_link_is_no_web_pages_title():
    assert cited("The port closed in 1990. Available at: <https://example.org/port> [Accessed 3 May 2011].") == []
