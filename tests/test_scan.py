"""Marker and note detection, one table row per pattern of flattened drafts (issue 3)."""

from __future__ import annotations

import random

import pytest

import footnorm
from footnorm.scan import scan

P1 = "The first treaty was signed in a hurry and without witnesses"
P2 = "The second meeting was held in the capital a week later"
P3 = "The third delegation came home with nothing to show for it"


def markers(text: str) -> list[tuple[int, str]]:
    """(number, the digits as written) for every marker found."""
    return [(m.number, text[m.start:m.end]) for m in scan(text).markers]


def notes(text: str) -> list[tuple[int, str]]:
    return [(n.number, n.text) for n in scan(text).notes]


def page(body: str, *note_lines: str, folio: str = "") -> str:
    return body + "\n" + "\n".join(note_lines) + ("\n" + folio if folio else "") + "\n"


@pytest.mark.parametrize("text, expected", [
    pytest.param(f"{P1} in Tokyo.1 {P2}.2 {P3}.3 End.", [(1, "1"), (2, "2"), (3, "3")], id="glued-after-stop"),
    pytest.param(f"{P1} of the “zones.” 1 {P2}.” 2 {P3}.", [(1, "1"), (2, "2")], id="after-closing-quote-with-space"),
    pytest.param(f"{P1} OF DEMOCRACY1 and more. {P2}2 and more.", [(1, "1"), (2, "2")], id="glued-after-word"),
    pytest.param(f"{P1}.\n\n1Stalin raised the question.\n\n2Truman did not answer.", [(1, "1"), (2, "2")],
                 id="paragraph-start"),
    pytest.param(f"{P1}. 1 This was new. {P2}. 2 That was old.", [(1, "1"), (2, "2")], id="free-after-sentence"),
    pytest.param(f"{P1} is heard 1 . The list {P2} 2 . {P3}.", [(1, "1"), (2, "2")], id="before-punctuation"),
    pytest.param(f"{P1}.¹ {P2}.² {P3}.³", [(1, "¹"), (2, "²"), (3, "³")], id="unicode-superscripts"),
    pytest.param(f"{P1}.¹² {P2}.¹³", [(12, "¹²"), (13, "¹³")], id="two-digit-superscripts"),
    pytest.param(f"{P1}.[1] {P2}.[2]", [(1, "[1]"), (2, "[2]")], id="brackets"),
    pytest.param(f"{P1} developed.(1) In {P2}(2) and", [(1, "(1)"), (2, "(2)")], id="parentheses"),
])
def test_marker_styles(text, expected):
    assert markers(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param(f"{P1} on June 15 and {P2} on July 2. {P3} on July 21, 1945.", id="dates"),
    pytest.param(f"{P1} in 1945. {P2} in 1946.", id="years"),
    pytest.param(f"{P1}, see Bd. 2 and vol. 3 and p. 42 and S. 7.", id="volumes-and-pages"),
    pytest.param(f"{P1} for 15 years with 3 of them at sea.", id="quantities"),
    pytest.param(f"{P1}: 1) a court, 2) a judge, 3) a fine.", id="list-items"),
    pytest.param("Contents: 1. Introduction; 2. The Argument; 3. Conclusion.", id="enumeration"),
    pytest.param(f"{P1} in chapter 3 and section 4.", id="section-numbers"),
    pytest.param(f"{P1} in “The 39 Steps” and “Catch 22” today.", id="numbers-in-titles"),
    pytest.param(f"{P1} cost $530.50 per annum and 1,000 men.", id="money-and-thousands"),
    pytest.param(f"{P1} in Article 7(5) of the Regulation.", id="article-paragraphs"),
])
def test_numbers_that_are_not_markers(text):
    assert markers(text) == []


@pytest.mark.parametrize("sentence", [
    pytest.param("Le chapitre 2 du rapport fut lu en séance", id="french-chapter"),
    pytest.param("Véase el capítulo 2 de la ley", id="spanish-chapter"),
    pytest.param("Véase el artículo 2 del Código", id="spanish-article"),
    pytest.param("Si veda la pagina 2 della relazione", id="italian-page"),
    pytest.param("Le 2 septembre 1723, le conseil se réunit", id="french-day-before-its-month"),
    pytest.param("El 2 de mayo de 1810 se reunió el consejo", id="spanish-day-before-its-month"),
    pytest.param('Set the option to "2" and the model answers twice', id="a-quoted-number"),
    pytest.param("Type '2' at the prompt to go on", id="a-number-in-single-quotes"),
])
def test_numbers_after_words_that_count_are_not_markers_even_where_the_numbering_wants_one(sentence):
    # note 2 exists, and its marker is lost: the number after "chapitre" must not stand in for it
    text = f"{P1}.1 {sentence}. {P2}.3\n1 Smith, A History of Things, p. 3.\n2 Ibid., p. 4.\n3 Ibid., p. 5.\n"
    assert [n for n, _ in markers(text)] == [1, 3]


def test_hard_wrapped_line_starting_with_a_year_is_prose():
    text = page(f"{P1}.1 {P2} until\n1675 John Eliot objected.2", "1 Smith, A History, p. 3.",
                "2 Ibid., p. 4.", folio="37")
    assert [n for n, _ in notes(text)] == [1, 2]
    assert "1675 John Eliot" in footnorm.analyse(text).body


def test_page_bottom_notes_with_continuation_and_folio():
    text = page(f"{P1}.1 {P2}.2", "1 Bassett, Slavery and Servitude in North Carolina, vol. xv., p.",
                "226.", "2 Ibid., p. 241.", folio="37") + f"{P3}.3\n3 Smith, Works, p. 9.\n"
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes] == [
        (1, "Bassett, Slavery and Servitude in North Carolina, vol. xv., p.\n226."), (2, "Ibid., p. 241."),
        (3, "Smith, Works, p. 9.")]
    assert all(n.placement == "page-bottom" for n in doc.notes)
    assert [(a.kind, a.text) for a in doc.artefacts] == [("page-number", "37")]
    assert [m.number for m in doc.markers] == [1, 2, 3]


def test_note_number_alone_on_its_line():
    text = page(f"{P1}.1 {P2}.2", "1", "Smith, A History of Things (London: Press, 1990), 12.", "2",
                "Ibid., 14.")
    assert notes(text) == [(1, "Smith, A History of Things (London: Press, 1990), 12."), (2, "Ibid., 14.")]


def test_running_heads_and_stamps_are_artefacts():
    head = "THE HISTORY OF THINGS"
    text = (page(f"{P1}.1", "1 Smith, Works, p. 3.", folio=f"12 {head}") +
            page(f"{P2}.2", "2 Ibid., p. 4.", folio=f"{head} 13") +
            "Downloaded from https://example.org/article/1 on 1 May 2024\n" + f"{P3}.\n")
    kinds = [a.kind for a in footnorm.analyse(text).artefacts]
    assert kinds == ["running-header", "running-header", "download-stamp"]


def test_running_head_with_its_folio_at_the_right_margin_after_the_notes():
    # pdftotext -layout keeps the page's width: the folio stands a hundred columns to the right
    head = "THE HISTORY OF THINGS"
    pages = [page(f"{P1}.1 {P2}.2", f"   1\n      Smith, Works, p. {k}.", f"   2\n      Ibid., p. {k + 1}.",
                  folio="\f" + head + " " * 90 + str(k)) for k in (2, 3, 4)]
    doc = footnorm.analyse("".join(pages))
    assert [n.text.strip() for n in doc.notes][:2] == ["Smith, Works, p. 2.", "Ibid., p. 3."]
    assert [a.kind for a in doc.artefacts] == ["running-header"] * 3


def test_note_flowed_into_the_prose():
    text = (f"{P1} of the Pact. 36 FRUS: Potsdam, Bd. 2, 1587-1588. See Hasegawa, Racing the Enemy, 142. "
            f"On July 21, the leaders met for the first time.")
    (note,) = scan(text).notes
    assert (note.number, note.placement) == (36, "inline")
    assert note.text == "FRUS: Potsdam, Bd. 2, 1587-1588. See Hasegawa, Racing the Enemy, 142."
    assert markers(text) == []


def test_flowed_note_after_the_next_notes_marker():
    # a page-bottom note flowed in where the flattening met the next marker: "about.4 3 Rybicki, …"
    text = (f"{P1} as the lists show.1 1 Smith, A History of Things, p. 3. {P2}.2 2 Ibid., p. 4. "
            f"{P3} or are written about.4 3 Jan Berg, “Harbour Lists,” Journal of Things 12 (2001): 3–9. "
            f"{P1}.\n")
    doc = footnorm.analyse(text)
    assert [(n.number, n.placement) for n in doc.notes] == [(1, "inline"), (2, "inline"), (3, "inline")]
    assert doc.notes[2].text == "Jan Berg, “Harbour Lists,” Journal of Things 12 (2001): 3–9."
    assert [m.number for m in doc.markers] == [1, 2, 4]


def test_flowed_note_after_its_marker_ends_where_prose_resumes():
    text = (f"{P1} for citizenship.2 2 Washington, Works of Jefferson, vol. vi., p. 456; Madison, Works, "
            f"vol. iii., p. 496. Assured then that the efforts would be tested, more men advocated it.")
    assert markers(text) == [(2, "2")]
    assert notes(text) == [(2, "Washington, Works of Jefferson, vol. vi., p. 456; Madison, Works, vol. iii., p. 496.")]


@pytest.mark.parametrize("prose", [
    "The children were admitted to the town's schools on equal terms in 1838.",
    "Die Kinder wurden seit 1838 in die Schulen der Stadt aufgenommen, so der Bericht im 1840.",
])
def test_a_flowed_note_stops_before_prose_that_ends_in_a_year(prose):
    # a sentence ending "in 1838." ends in an event's year, not in a page of a reference
    text = f"{P1} until the towns gave way. 13 Ibid., 25. {prose} {P2}."
    assert notes(text) == [(13, "Ibid., 25.")]


def test_a_flowed_note_goes_on_over_a_journals_abbreviation():
    # "J. Chem. Soc" ends no sentence: the reference goes on to its year and page
    note = "D. Berg and K. Lund, “Harbour Tolls .1. Some Notes on the Hansa,” J. Chem. Soc, 1960, 171."
    text = f"{P1} in the port towns. 14 {note} At Lowell the children were among the best in the schools."
    assert notes(text) == [(14, note)]


def test_marker_reappearing_after_the_flowed_note():
    text = f"{P1} as well as piety. 13 Ibid., p. 121. .13 Men in the political world were also active."
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes] == [(13, "Ibid., p. 121.")]
    assert [(m.number, text[m.start - 1:m.end]) for m in doc.markers] == [(13, ".13")]
    assert [a.kind for a in doc.artefacts] == ["stray-punct"]


@pytest.mark.parametrize("heading", ["Notes", "Endnotes", "Anmerkungen", "Notes and References", "Notes to Chapter 3",
                                     "Chapter Notes", "References and Notes", "Notes et références", "Notes and Sources"])
def test_endnote_section(heading):
    text = f"{P1}.1 {P2}.2\n\n{heading}\n1. Locke, Anti-slavery, p. 19.\n2. Works of John Woolman, pp. 58 and 73.\n"
    doc = footnorm.analyse(text)
    assert [(n.number, n.placement) for n in doc.notes] == [(1, "endnote"), (2, "endnote")]
    assert [m.number for m in doc.markers] == [1, 2]
    assert [a.kind for a in doc.artefacts] == ["notes-heading"]


@pytest.mark.parametrize("separator", ["\n________________\n\n", "\nNotes\n\n", "\n"])
def test_notes_numbered_in_brackets_as_word_processors_export_them(separator):
    text = (f"{P1}.[1] {P2}.[2] {P3}.[3]\n{separator}"
            "[1] Smith, A History of Things (London: Penguin, 1990), 12.\n[2] Ibid., 14.\n"
            "[3] Jones, Another History, p. 9.\n")
    doc = footnorm.analyse(text)
    assert [(m.number, text[m.start:m.end]) for m in doc.markers] == [(1, "[1]"), (2, "[2]"), (3, "[3]")]
    assert [(n.number, n.text) for n in doc.notes] == [
        (1, "Smith, A History of Things (London: Penguin, 1990), 12."), (2, "Ibid., 14."),
        (3, "Jones, Another History, p. 9.")]
    assert "[" not in doc.body  # the labels' brackets went with them
    assert "___" not in doc.body  # the rule over the notes is an artefact
    assert [a.kind for a in doc.artefacts] == {"_": ["notes-rule"], "N": ["notes-heading"], "": []}[separator[1:2]]


def test_a_rule_between_paragraphs_is_prose():
    text = f"{P1}.\n\n-----\n\n1990 was {P2}.\n\n________\n\n{P3}.\n"
    assert footnorm.analyse(text).body == text


def test_endnote_whose_wrapped_line_starts_with_its_own_number_stays_one_note():
    text = (f"{P1}.1 {P2}.2\n\nNotes\n1 R. Rudolph, \"Family Structure\", Journal of Economic History\n"
            "2 (1980), 111-118.\n2 Smith, Works, p. 4.\n")
    assert notes(text) == [(1, 'R. Rudolph, "Family Structure", Journal of Economic History\n2 (1980), 111-118.'),
                           (2, "Smith, Works, p. 4.")]


def test_numbering_restarts_per_chapter():
    chapter = lambda: page(f"{P1}.1 {P2}.2", "1 Smith, Works, p. 3.", "2 Ibid., p. 4.", folio="9")
    doc = footnorm.analyse(chapter() + "CHAPTER II\n\n" + chapter())
    assert [m.number for m in doc.markers] == [1, 2, 1, 2]
    assert [n.number for n in doc.notes] == [1, 2, 1, 2]


def test_markdown_and_latex_notes_are_read_as_written():
    md = "Text.[^1] More.[^note]\n\n[^1]: First note.\n[^note]: Second note.\n"
    doc = footnorm.analyse(md)
    assert [(m.number, m.style) for m in doc.markers] == [(1, "markdown"), (2, "markdown")]
    assert [n.text for n in doc.notes] == ["First note.", "Second note."]
    tex = r"Text.\footnote{First \emph{note}.} More.\footnote{Second.}"
    doc = footnorm.analyse(tex)
    assert [n.text for n in doc.notes] == [r"First \emph{note}.", "Second."]


def test_ambiguous_digit_letter_is_a_diagnostic_not_a_marker():
    text = f"{P1} instructions.30 12A to receive these trophies, {P2}."
    doc = footnorm.analyse(text)
    assert [m.number for m in doc.markers] == [30]
    assert [d.code for d in doc.diagnostics if d.code == "ambiguous-marker"] == ["ambiguous-marker"]


def test_flowed_note_keeps_a_short_remark_but_not_the_prose_after_it():
    text = (f"{P1} for citizenship.4 4 Smith, A History of Things, 12. Emphasis added. "
            f"It was not a success, and the council was dissolved within the year.")
    assert notes(text) == [(4, "Smith, A History of Things, 12. Emphasis added.")]


@pytest.mark.parametrize("remark", [
    "The figures given there differ in the second decimal.",  # points back with "there"
    "Die Zahlen weichen dort leicht ab.",
    "Les chiffres y diffèrent légèrement.",
    "The translation is my own.",  # an editorial remark on the quotation
    "Hervorhebung im Original.",
])
def test_flowed_note_keeps_a_remark_on_the_work_it_cites(remark):
    text = f"{P1} for citizenship.4 4 Smith, A History of Things, 12. {remark} It was not a success at first. {P2}."
    assert notes(text) == [(4, f"Smith, A History of Things, 12. {remark}")]


@pytest.mark.parametrize("sentence", [
    "There were no schools in the district for another decade.",  # "There" opening prose is no back-reference
    "The council translated its own minutes into three languages and printed them every year.",
    "His father was a farmer.",  # short, but a sentence about the subject: two words of prose
])
def test_flowed_note_leaves_prose_that_only_looks_like_a_remark(sentence):
    text = f"{P1} for citizenship.4 4 Smith, A History of Things, 12. {sentence} {P2}."
    assert notes(text) == [(4, "Smith, A History of Things, 12.")]


def test_issue_number_inside_a_flowed_note_is_not_a_note():
    text = (f"{P1} in the city.2 2 James Wilson, “Broken Windows,” Atlantic Monthly 249, no. 3 (1982): 35. "
            f"The council met again in the spring of that year and argued.")
    assert notes(text) == [(2, "James Wilson, “Broken Windows,” Atlantic Monthly 249, no. 3 (1982): 35.")]


def test_quoted_title_ending_in_a_question_mark_does_not_end_the_note():
    text = (f"{P1} in New Haven. 1 Dennis Normile, “Is It Safe to Live Near Fukushima?” Science Magazine, "
            f"2016, 194. The opposition grew stronger in the following months and years.")
    assert notes(text) == [(1, "Dennis Normile, “Is It Safe to Live Near Fukushima?” Science Magazine, 2016, 194.")]


def test_article_front_matter_and_closing_bibliography_are_artefacts():
    front = ("Journal of Things, Vol. 3 (2020)\nA Study of Treaties *\nJane Doe\n"
             "Abstract\nThis article studies treaties.\nKeywords: treaties, war\n")
    body = f"Introduction\n{P1}.1 {P2}.\n1 Smith, A History, p. 3.\n"
    biblio = "\nReferences\nSmith, J. (1990). A History. London.\nDoe, J. (2001). Treaties. Paris.\nRoe, R. (2010). War. Rome.\n"
    doc = footnorm.analyse(front + body + biblio)
    kinds = {a.kind for a in doc.artefacts}
    assert {"front-matter", "bibliography-heading", "bibliography"} <= kinds
    assert doc.body.split()[0] == "Introduction"
    assert "London" not in doc.body and [n.number for n in doc.notes] == [1]


def test_a_page_bottom_note_on_a_page_of_the_bibliography_stays_a_note():
    # the bibliography starts mid-page while the notes still print at the page's foot, numbered on
    entries = "".join(f"{name}, A., A History of Things, London {1990 + k}.\n"
                      for k, name in enumerate(["Brown", "Clark", "Davies", "Evans"]))
    text = (f"{P1}.1 {P2}.2\n1 Smith, A History of Things, p. 3.\n2 Ibid., p. 4.\n12\n"
            f"{P3}.3\nBibliography\n{entries}3 Jones, Another History of the Same Things, London 1999,\np. 9.\n13\n"
            f"{entries}")
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes][2:] == [(3, "Jones, Another History of the Same Things, London 1999,\np. 9.")]
    assert "Brown, A." not in doc.body and "Jones" not in doc.body


@pytest.mark.parametrize("heading", ["1. The Question Posed by the Treaty", "I."])
def test_first_numbered_section_after_a_title_page_ends_the_front_matter(heading):
    front = ("Review of Things\nISSN 1234-5678\nDOI 10.1234/rot.2020.5\nA Study of Treaties\nJane Doe\n"
             "SUMMARY: 1. The Question. -2. The Answer.\n")
    doc = footnorm.analyse(front + f"{heading}\n{P1}.1 {P2}.\n1 Smith, A History, p. 3.\n")
    assert doc.body.split()[0] == heading.split()[0]
    assert "ISSN" not in doc.body and [n.number for n in doc.notes] == [1]


def test_numbered_section_after_page_notes_is_not_the_end_of_front_matter():
    # the notes of the first page show the text had begun before the "I." heading
    text = (f"Review of Things\nDOI 10.1234/rot.2020.5\n{P1}.1 {P2}.\n1 Smith, A History, p. 3.\n"
            f"I. The Treaty\n{P3}.2\n2 Ibid., p. 4.\n")
    doc = footnorm.analyse(text)
    assert "front-matter" not in {a.kind for a in doc.artefacts}
    assert [n.number for n in doc.notes] == [1, 2]


def test_a_flowed_note_stops_at_the_page_furniture():
    head = "THE HISTORY OF THINGS"
    text = (f"12 {head}\n{P1}. 5 Smith, Works, p. 3. See Jones, Things, 4;\n{head} 13\n"
            f"Ibid., 5. {P2}.\n14 {head}\n{P3}.\n")
    doc = footnorm.analyse(text)
    assert "".join(doc.text[s.start:s.end] for s in doc.segments) == text
    assert all(head not in n.text for n in doc.notes)


def test_introduction_heading_alone_is_not_front_matter():
    text = f"Chapter One\n\nIntroduction\n{P1}.1 {P2}.\n1 Smith, A History, p. 3.\n"
    assert "front-matter" not in {a.kind for a in footnorm.analyse(text).artefacts}


@pytest.mark.parametrize("text, expected", [
    pytest.param(f"{P1} for three years.41 In 1803 the council met.", [(41, "41")], id="after-a-full-word-and-stop"),
    pytest.param(f"{P1}, “County populations”, pp. 54-5.12\n{P2}.", [(12, "12")], id="after-a-page-range"),
    pytest.param(f"{P1} as popular as Bloomfield's.63 Those who had", [(63, "63")], id="after-a-possessive"),
])
def test_glued_markers_in_awkward_places(text, expected):
    assert markers(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param(f"{P1} as in section -3.1. The right to life. -3.2. The right to work.", id="section-numbers-with-dash"),
    pytest.param(f"{P1} under General Statutes 115C-81.45 addresses civics.", id="statute-numbers"),
])
def test_more_numbers_that_are_not_markers(text):
    assert markers(text) == []


def test_numbered_list_in_the_prose_is_not_taken_for_notes():
    pages = "".join(page(f"{P1} and so on.{n}", f"{n} Smith, A History of Things, p. {n}.") for n in range(1, 7))
    listing = ("Questions for the class:\n1. What do you know so far?\n2. What does the article remind you of?\n"
               + "\n".join([P1, P2, P3, P1, P2]) + "\n")
    doc = footnorm.analyse(pages + listing + f"{P2}.7\n7 Jones, Another History, p. 9.\n")
    assert [n.number for n in doc.notes] == [1, 2, 3, 4, 5, 6, 7]
    assert "What does the article" in doc.body


@pytest.mark.parametrize("text", [
    pytest.param("Bd. 212¹.20 ", id="superscript-after-ascii-digits"),
    pytest.param("“Quoted,” 4\n", id="number-at-the-end-of-the-text"),
    pytest.param("1. Notes\n", id="lone-numbered-heading"),
    pytest.param("`s`s12", id="backtick-before-digits"),
    pytest.param("June 151212", id="marker-glued-to-a-year-at-the-end"),
    pytest.param("²:", id="marker-at-a-line-start-before-a-colon"),
    pytest.param("“Quoted,” 4\n12\nThe war ended.", id="number-before-a-folio-the-output-drops"),
])
def test_edge_cases_found_by_fuzzing_keep_the_output_a_fixed_point(text):
    once = footnorm.render(footnorm.analyse(text), "markdown")
    assert footnorm.render(footnorm.analyse(once), "markdown") == once


def test_an_empty_notes_section_does_not_demote_the_page_notes():
    text = page(f"{P1}.1 {P2}.2", "1 Smith, A History, p. 3.", "2 Ibid., p. 4.") + "\nEndnotes\n"
    assert [n.number for n in footnorm.analyse(text).notes] == [1, 2]


@pytest.mark.parametrize("first, second", [("1 Introduction", "2 Conclusion"), ("1       Épilogue", "2       Conclusion"),
                                           ("1 The Treaty of Paris", "2 Les débuts de la réforme"),
                                           ("1. Los primeros años", "2. Reforma y resistencia")])
def test_numbered_section_headings_are_not_notes(first, second):
    text = (f"{first}\n{P1} as the original shows.1 {P2}.\n{P3}.\n\n{second}\n{P3}, and the second part began.2 "
            f"{P1}.\n1 Smith, A History of Things, p. 3.\n2 Jones, Another History, p. 9.\n")
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes] == [(1, "Smith, A History of Things, p. 3."),
                                                      (2, "Jones, Another History, p. 9.")]
    assert first in doc.body and second in doc.body


def test_page_bottom_labels_glued_to_their_notes():
    # pdftotext -raw and many PDFs give a superscript label with no space after it
    text = page(f"{P1} as the original shows.1 {P2}.2 {P3}.3 {P1}.",
                "1Gertrud Weber, Die Verwaltung der Häfen, Berlin: Dietz 1961, S. 305.", "2§ 651 BGB.",
                "3Vgl. Weber, Die Verwaltung, S. 49.", folio="12")
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes] == [
        (1, "Gertrud Weber, Die Verwaltung der Häfen, Berlin: Dietz 1961, S. 305."), (2, "§ 651 BGB."),
        (3, "Vgl. Weber, Die Verwaltung, S. 49.")]
    assert [m.number for m in doc.markers] == [1, 2, 3]


def test_marker_set_apart_after_a_stop_with_its_note_alone_under_its_number():
    # "…propriétaires. 6 Les registres…" reads like a note flowed into the prose, but note 6 is
    # at the foot of the page, under its number alone on a line (pdftotext -layout)
    body = (f"{P1} of the proprietors. 1 The registers list 41 surveyors on pages 15–29, a figure that rose "
            f"after 1955. {P2} in the spring. 2 {P3}.\n")
    text = body + "   1\n     Smith, A History of Things, p. 3.\n   2\n     Ibid., p. 4.\n"
    doc = footnorm.analyse(text)
    assert [(n.number, n.text.strip()) for n in doc.notes] == [(1, "Smith, A History of Things, p. 3."),
                                                               (2, "Ibid., p. 4.")]
    assert [m.number for m in doc.markers] == [1, 2]


@pytest.mark.parametrize("first, rest", [
    ("Smith, A History of Things, Berlin: Dietz 1961,", "S. 305."),  # cut after a comma
    ("Vgl. Smith, A History of Things; siehe auch Smith, Eine Ge-", "schichte, S. 12."),  # after a hyphen
    ("Die Register nennen 10 Kaufleute, deren Zahl nach 1935", "wieder stieg."),  # mid-sentence, lower case
    ("Am 7. Mai haben vier Kaufleute die Zollordnung geändert. Vgl.", "Braun, Die Zollordnung, S. 49."),  # "Vgl."
    ("Weder die Kaufleute noch die Reeder billigten die Ordnung von", "1790. Vgl. Braun, Die Zollordnung, S. 77."),
    ("As Smith observed in vol. 3 of the The", "Administration of Empire, the port was busy."),  # "the The"
])
def test_a_page_bottom_note_goes_on_after_a_blank_line_mid_sentence(first, rest):
    # pdftotext -layout sets the lines of small type apart with blank lines
    text = f"{P1} as the original shows.1 {P2}.2 {P3}.\n    1 {first}\n\n{rest}\n    2 Ibid., p. 4.\n"
    assert [n.text for n in footnorm.analyse(text).notes] == [f"{first}\n\n{rest}", "Ibid., p. 4."]


@pytest.mark.parametrize("after", ["was held in the capital.", "Smith, A History of Things, p. 9."])
def test_a_page_bottom_note_ends_at_a_blank_line_after_its_last_sentence(after):
    text = f"{P1} as the original shows.1 {P2}.\n    1 Smith, A History of Things, p. 3.\n\n{after}\n"
    assert [n.text for n in footnorm.analyse(text).notes] == ["Smith, A History of Things, p. 3."]


def test_glued_labels_of_prose_notes_among_glued_labels():
    text = page(f"{P1} as the original shows.1 {P2}.2 {P3}.3 {P1}.",
                "1Gertrud Weber, Die Verwaltung der Häfen, Berlin: Dietz 1961, S. 305.",
                "2In 1686 the harbour board met twice; the minutes are lost.", "3Ibid.", folio="12")
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes][1:] == [
        (2, "In 1686 the harbour board met twice; the minutes are lost."), (3, "Ibid.")]


def test_a_marker_glued_to_a_paragraphs_first_word_is_no_note_label():
    text = f"{P1}.16 {P2}.\n\n17Stalin raised the question of the ports again, and nobody answered him.\n{P3}.\n"
    doc = footnorm.analyse(text)
    assert not doc.notes and [m.number for m in doc.markers] == [16, 17]


def test_a_short_note_that_lost_its_stop_is_still_a_note():
    text = page(f"{P1} as the original shows.1 {P2}.2 {P3}.", "1 Smith, A History of Things, p. 3.", "2 Ibid")
    assert [n.text for n in footnorm.analyse(text).notes] == ["Smith, A History of Things, p. 3.", "Ibid"]


def test_lists_that_keep_starting_again_beside_notes_numbered_throughout():
    # "1." "2." lists in the prose after markers 1 and 2, while the notes ("1 …" to "8 …") count on
    lists = ["1. The registers list 43 merchants on pages 296–319.\n2. The others describe the port as busy.\n",
             "1. About 14 per cent of the magistrates agreed.\n2. Neither the weavers nor the owners agreed.\n"
             "3. The registers list 13 magistrates on pages 169–179.\n"]
    text = (f"{P1} in the spring.1 {P2}.2\n{lists[0]}{P3}.3 {P1}.4\n{lists[1]}{P2}.5 {P3}.6 {P1}.7 {P2}.8\n"
            + "".join(f"{n} Smith, A History of Things, p. {n * 10}.\n" for n in range(1, 9)))
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == list(range(1, 9))
    assert [m.number for m in doc.markers] == list(range(1, 9))
    assert "3. The registers list 13 magistrates" in doc.body


def test_numbered_reading_list_without_markers_is_prose():
    text = (page(f"{P1} as the original shows. 7\n{P2}.", "7 Crymble, A History of Migration, p. 3.", folio="12")
            + "Further reading:\n1. Wilson, A. G., ‘A family of models’, Environment 3 (1971), pp. 1–32.\n"
            + "2. Flowerdew, R., ‘A method’, Journal of Science 22 (1982), pp. 191–202.\n")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [7]
    assert "Flowerdew" in doc.body


def test_text_that_lost_its_capitals_still_has_notes_and_running_heads():
    # Small capitals flattened to lower case: every sentence and every note begins in lower case.
    prose = "".join(f"the delegation number {k} reached the capital late. " for k in range(12))
    head = "treaties and their makers in the long century"
    pages = []
    for k in range(1, 4):
        pages.append(f"{prose}the envoys signed the paper at once. {k} the matter rested there.\n"
                     f"{k} see: a. smith, treaties in practice, london 2001, p. {k}.\n{head}\n{10 + k}\n")
    text = "".join(pages)
    doc = footnorm.analyse(text)
    assert [(m.number, text[m.start:m.end]) for m in doc.markers] == [(1, "1"), (2, "2"), (3, "3")]
    assert [(n.number, n.text) for n in doc.notes] == [
        (k, f"see: a. smith, treaties in practice, london 2001, p. {k}.") for k in (1, 2, 3)]
    assert [a.kind for a in doc.artefacts].count("running-header") == 3


def test_lower_case_note_lines_are_doubted_in_ordinary_text():
    text = page(f"{P1}.1 {P2}. {P3}.", "1 Smith, Works, p. 3.", "2 the committee met again in the spring.")
    assert [n for n, _ in notes(text)] == [1]


def _wrapped(words: str, width: int, lines: int, seed: int = 0) -> list[str]:
    """`lines` lines of about `width` characters drawn from `words`, as a PDF page sets them."""
    rng = random.Random(seed)
    vocabulary = words.split()
    out, line = [], ""
    while len(out) < lines:
        word = rng.choice(vocabulary)
        if len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return out


BODY = "the delegation reached capital late and envoys were tired of waiting for an answer from home"
NOTE = "Report of the Commission minutes sessions kept in archive ministry papers London Paris vol"


@pytest.mark.parametrize("paragraphs", [False, True], ids=["one-paragraph", "paragraphs-set-apart"])
def test_note_cut_by_a_page_break_is_joined_with_its_rest_on_the_next_page(paragraphs):
    # Notes set in smaller type: their lines are a third longer than the prose lines.
    body1, body2 = _wrapped(BODY, 62, 12, 1), _wrapped(BODY, 62, 12, 2)
    body1[-1] += ".1 The same day ended.2"
    body2[3] += ".3"
    if paragraphs:  # pdftotext -layout: blank lines between the next page's paragraphs
        body2[5] += "."
        body2[6:6] = [""]
    note1 = ["1 Smith, Works, p. 3."]
    note2 = ["2 See " + line for line in _wrapped(NOTE, 80, 1, 3)] + _wrapped(NOTE, 84, 10, 4)
    note2[-1] += " and in the"  # the page ends mid-sentence
    rest = _wrapped(NOTE, 84, 2, 5) + ["papers of the envoy, p. 5."]
    note3 = ["3 See " + line for line in _wrapped(NOTE, 80, 1, 6)] + _wrapped(NOTE, 84, 12, 7) + ["end, p. 9."]
    text = "\n".join(body1 + note1 + note2 + ["12"] + body2 + rest + note3 + ["13"]) + "\n"
    doc = footnorm.analyse(text)
    note = next(n for n in doc.notes if n.number == 2)
    assert len(note.parts) == 2
    assert note.text.endswith("and in the\n" + "\n".join(rest))
    assert "\n".join(text[s:e] for s, e in note.parts) == note.text
    assert "papers of the envoy" not in doc.body and body2[-1] in doc.body
    assert [n.number for n in doc.notes] == [1, 2, 3]


def test_note_ending_its_sentence_at_the_page_foot_takes_nothing_from_the_next_page():
    body1, body2 = _wrapped(BODY, 62, 12, 1), _wrapped(BODY, 62, 12, 2)
    body1[-1] += ".1"
    note1 = ["1 See " + line for line in _wrapped(NOTE, 80, 1, 3)] + _wrapped(NOTE, 84, 12, 4) + ["the end, p. 4."]
    wide_prose = _wrapped(BODY, 84, 3, 5)  # a block quote set as wide as the notes
    note2 = ["2 See " + line for line in _wrapped(NOTE, 80, 1, 6)] + _wrapped(NOTE, 84, 12, 7) + ["the end, p. 8."]
    body2[-1] += ".2"
    text = "\n".join(body1 + note1 + ["12"] + body2 + wide_prose + note2 + ["13"]) + "\n"
    doc = footnorm.analyse(text)
    assert all(not n.continued for n in doc.notes)
    assert wide_prose[0] in doc.body


def _page_cutting_note_2() -> tuple[list[str], list[str]]:
    """A page's lines up to its notes (1, and 2 cut mid-sentence), and the next page's prose."""
    body1, body2 = _wrapped(BODY, 62, 12, 1), _wrapped(BODY, 62, 12, 2)
    body1[-1] += ".1 The same day ended.2"
    note2 = ["2 See " + line for line in _wrapped(NOTE, 80, 1, 3)] + _wrapped(NOTE, 84, 10, 4)
    note2[-1] += " and in the"
    return body1 + ["1 Smith, Works, p. 3."] + note2, body2


def test_the_rest_of_a_note_cut_by_a_page_break_starts_after_the_pages_last_marker():
    # a block quote set as wide as the notes closes the next page's text with its marker: the
    # note's rest holds no marker, so the rest begins after the quote
    first, body2 = _page_cutting_note_2()
    quote = _wrapped(BODY, 84, 3, 5)
    quote[-1] += ".3"
    rest = _wrapped(NOTE, 84, 2, 6) + ["papers of the envoy, p. 5."]
    note3 = ["3 See " + line for line in _wrapped(NOTE, 80, 1, 7)] + _wrapped(NOTE, 84, 12, 8) + ["end, p. 9."]
    text = "\n".join(first + ["12"] + body2 + quote + rest + note3 + ["13"]) + "\n"
    doc = footnorm.analyse(text)
    note = next(n for n in doc.notes if n.number == 2)
    assert note.text.endswith("and in the\n" + "\n".join(rest))
    assert quote[0] in doc.body
    assert [m.number for m in doc.markers] == [1, 2, 3]


def test_a_note_cut_by_a_page_break_finds_its_rest_past_a_running_head_between_two_folios():
    # the next page opens with a head the furniture finder cannot know (it appears once) over its
    # own folio: the page's text, and the note's rest at its foot, start below them
    first, body2 = _page_cutting_note_2()
    rest = _wrapped(NOTE, 84, 2, 5) + ["papers of the envoy, p. 5."]
    note3 = ["3 See " + line for line in _wrapped(NOTE, 80, 1, 6)] + _wrapped(NOTE, 84, 12, 7) + ["end, p. 9."]
    head = ["", "1", "", "\fTHE TREATIES OF THE NORTH", "", "2", ""]
    text = "\n".join(first + head + body2 + rest + note3 + ["3"]) + "\n"
    note = next(n for n in footnorm.analyse(text).notes if n.number == 2)
    assert note.text.endswith("and in the\n" + "\n".join(rest))


def test_numbered_list_inside_the_note_numbering_is_prose():
    pages = []
    for k in range(1, 5):
        pages.append(page(f"{P1}.{k} {P2}.", f"{k} Smith, Works, p. {k}.", folio=str(10 + k)))
    listed = "The court reasoned in three steps:\n1. Firms may settle abroad.\n2. The seat fixes the law.\n" \
             "3. Each State must recognise them.\n"
    pages.append(listed + page(f"{P3}.5", "5 Jones, Things, p. 7.", folio="15"))
    text = "".join(pages)
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [1, 2, 3, 4, 5]
    assert "Firms may settle abroad" in doc.body


def test_numbers_in_a_flattened_table_are_not_markers():
    table = "Austria 13\nBelgium 10\nDenmark 2\nEstonia 3\nFinland 0\nFrance 15\n"
    text = page(f"{P1}.1 {P2}:\n{table}{P3}.2", "1 Smith, Works, p. 3.", "2 Ibid., p. 4.")
    assert markers(text) == [(1, "1"), (2, "2")]
    # a table that ends the text too
    assert markers(f"{P1}.1 {P2}.2 {P3}:\n{table}") == [(1, "1"), (2, "2")]


def test_a_word_glued_to_digits_twice_is_a_name_not_a_marker():
    text = page(f"{P1} since the Covid19 pandemic.1 {P2} under Covid19 rules, and G20 met.2",
                "1 Smith, Works, p. 3.", "2 Ibid., p. 4.")
    assert markers(text) == [(1, "1"), (2, "2")]


@pytest.mark.parametrize("wrapped", [
    pytest.param("In chapter {k} of the report, dated the {d}", id="folio-like-number-at-the-end"),
    pytest.param("In chapter {k} of the report", id="short-line-like-an-authors-name"),
])
def test_a_prose_line_inside_the_page_is_not_a_running_head(wrapped):
    # the same wording wraps before a number on every page, but a head stands at the page's edge
    pages = [(f"The History of Things {k}\n" if k > 1 else "") +
             f"{P1}.\n{P2}.\n{P3}.\n" + wrapped.format(k=k + 2, d=k + 10) + f"\nMay 1850, {P2}.\n{P3}.\n{P1}.\n"
             for k in (1, 2, 3, 4)]
    doc = footnorm.analyse(_paged(*pages))
    heads = [doc.text[a.start:a.end] for a in doc.artefacts if a.kind == "running-header"]
    assert heads == [f"The History of Things {k}" for k in (2, 3, 4)]


def test_note_citing_in_small_capitals_is_not_a_running_head():
    text = page(f"{P1}.1 {P2}.2", "1 ADAM SMITH, THE THEORY OF MORAL SENTIMENTS (1759); ADAM SMITH, LECTURES",
                "ON JURISPRUDENCE (1896).", "2 See SMITH, supra note 1.", folio="12 THE HISTORY OF THINGS")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [1, 2]
    assert [a.kind for a in doc.artefacts] == ["running-header"]


def test_a_note_repeated_word_for_word_is_not_a_running_head():
    cite = "MICH. COMP. LAWS § 380.1166"
    text = (page(f"{P1}.1 {P2}.2", "1 Smith, Works, p. 3.", f"2 {cite}", "3 Ibid., p. 4.", folio="12")
            .replace(f"{P2}.2", f"{P2}.2 {P3}.3")
            + page(f"{P1}.4 {P2}.5", "4 Jones, Things, p. 5.", f"5 {cite}", folio="13"))
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes if n.text == cite] == [(2, cite), (5, cite)]
    assert "running-header" not in {a.kind for a in doc.artefacts}


@pytest.mark.parametrize("text, number, note", [
    pytest.param(f"{P1} in the cotton kingdom.8 8 [See Smith, Cotton, ch. 2; Jones, South.] {P2}.", 8,
                 "[See Smith, Cotton, ch. 2; Jones, South.]", id="bracketed"),
    pytest.param(f"{P1} by association. 2 We owe the point to a friend who read the draft. .2 {P2}.", 2,
                 "We owe the point to a friend who read the draft.", id="prose-between-its-numbers"),
    pytest.param(f"THE WEST AND ITS IDEALS 1 Address at the University, June 17, 1914. .1\n\n{P2}.", 1,
                 "Address at the University, June 17, 1914.", id="after-a-heading"),
    pytest.param(f"{P1} in the community. 1 Smith, Works, vol. x., p. 127. See also the rules of almost any society "
                 f"of the time.\n\n{P2}.", 1,
                 "Smith, Works, vol. x., p. 127. See also the rules of almost any society of the time.",
                 id="closing-see-also-sentence"),
    pytest.param(f"{P1} to be liberated.20 20 See the Address of the Am. Conv. of Abolition Societies, 1794; ibid., "
                 f"1795. {P2}.", 20, "See the Address of the Am. Conv. of Abolition Societies, 1794; ibid., 1795.",
                 id="chain-of-abbreviations"),
    pytest.param(f"{P1} as capital.56 56 Hale, Harbour Towns, ii, p. 331. A. C. Ford, \"Precedents,\" pp. 82 ff. "
                 f"When in 1762 the council sold a group of townships to the highest bidders, the change was complete. "
                 f"{P2}.", 56, 'Hale, Harbour Towns, ii, p. 331. A. C. Ford, "Precedents," pp. 82 ff.',
                 id="ff-ends-the-citation"),
    pytest.param(f"{P1} as the chart shows (Figure 1).5 5 Smith, A History of Things, 12. {P2}.", 5,
                 "Smith, A History of Things, 12.", id="marker-after-a-parenthesis-ending-in-a-number"),
    pytest.param(f"{P1} so much more.59 59 Hurd (ed.), \"History of the County,\" i, p. 6. The italics are mine.", 59,
                 'Hurd (ed.), "History of the County," i, p. 6. The italics are mine.', id="closing-remark-with-a-verb"),
    pytest.param(f"{P1} to the Institute.\" 24 Ibid., 19. I follow the chronology given there by the editors. .24 "
                 f"{P2}.", 24, "Ibid., 19. I follow the chronology given there by the editors.",
                 id="everything-before-its-number-put-back"),
    pytest.param(f"A HISTORY OF DEMOCRACY1 1 Atlantic Monthly, January, 1903. Reprinted by permission.\n\n{P2}.", 1,
                 "Atlantic Monthly, January, 1903. Reprinted by permission.", id="closing-remark"),
])
def test_flowed_notes_in_other_shapes(text, number, note):
    assert (number, note) in notes(text)


def test_a_numbered_reading_list_does_not_crowd_out_the_one_note():
    names = ["Wilson", "Flowerdew", "Lovett", "Congdon", "Abel", "Stillwell"]
    reading = "".join(f"{k}. {name}, A. B., ‘A Study of Flows’, Journal of Things (1990), pp. {k}0-{k}9.\n"
                      for k, name in enumerate(names, 1))
    text = (f"{P1}. Further reading:\n{reading}{P2}, as the article shows. 18\n{P3}\n"
            "18 Crymble, A., \"Modelling migration to London\", Economic History Review, vol. 71 (2018), 747-771.\n"
            "250\nand the rest of the argument.\n")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [18]
    assert [m.number for m in doc.markers] == [18]


def _paged(*pages: str) -> str:
    """Pages as pdftotext writes them: each ends with its folio and a form feed."""
    return "".join(f"{body}{k}\n\f" for k, body in enumerate(pages, start=1))


LIST_THEN_NOTES = (f"{P1} in the spring.1 {P2}.2\n"
                   "1. The registers list 43 merchants on pages 296–319.3\n"
                   "2. The others describe the port as busy.\n"
                   f"{P3}.4 {P1}.\n"
                   "1. Smith, A History of Things, p. 10.\n2. Ibid., p. 12.\n3. Jones, Another History, p. 9.\n"
                   "4. Ibid.\n")
ITEM_ABOVE_NOTES = (f"{P2} and the port grew.1 {P3}.2\n"
                    "1. The registers list 12 clerks on pages 14–19.\n"
                    "1. Brown, Harbours and Trade, p. 41.\n2. Ibid., p. 44.\n")

LIST_THEN_LONE_LABELS = (f"{P1} in the spring.1 {P2}.2\n"
                         "1. The registers list 43 merchants on pages 296–319.\n"
                         "2. The others describe the port as busy.\n"
                         f"{P3}.3 {P1}.\n"
                         "  1\n     Smith, A History of Things, p. 10.\n  2\n     Ibid., p. 12.\n"
                         "  3\n     Jones, Another History, p. 9.\n")


@pytest.mark.parametrize("pages, notes_per_page, listed", [
    pytest.param((LIST_THEN_NOTES, LIST_THEN_NOTES), [4, 4], "2. The others describe", id="list-then-notes"),
    pytest.param((ITEM_ABOVE_NOTES, ITEM_ABOVE_NOTES), [2, 2], "1. The registers list 12 clerks",
                 id="lone-item-right-above-the-notes"),
    pytest.param((LIST_THEN_LONE_LABELS, LIST_THEN_LONE_LABELS), [3, 3], "2. The others describe",
                 id="list-then-numbers-alone-over-their-notes"),
])
def test_lists_numbered_like_the_notes_of_the_same_page(pages, notes_per_page, listed):
    # per-page numbering, "1." for the notes and for a list in the prose: a page's notes are its last run
    doc = footnorm.analyse(_paged(*pages))
    assert [n.number for n in doc.notes] == [k for count in notes_per_page for k in range(1, count + 1)]
    assert doc.body.count(listed) == len(pages)
    assert [m.number for m in doc.markers] == [k for count in notes_per_page for k in range(1, count + 1)]


def test_a_list_above_notes_numbered_throughout_is_prose():
    # the notes count on from the page before (5, 6 after 1 to 4); the list restarts at 1 below them,
    # where "17 U.S.C." might have been note 17 flowed in, so the count did not simply go on around it
    first = (f"{P1}.1 {P2}.2 {P3}.3 {P1}.4\n1. Smith, A History of Things, p. 10.\n2. Ibid., p. 12.\n"
             "3. Jones, Another History, p. 9.\n4. 17 U.S.C. § 181 (1976).\n")
    second = (f"{P3}.5 {P1}.\n1. The registers list 43 merchants on pages 296–319.6\n"
              "2. The others describe the port as busy.\n5. Brown, Harbours and Trade, p. 41.\n6. Ibid.\n")
    doc = footnorm.analyse(_paged(first, second))
    assert [n.number for n in doc.notes] == [1, 2, 3, 4, 5, 6]
    assert "2. The others describe the port as busy." in doc.body
    assert [m.number for m in doc.markers] == [1, 2, 3, 4, 5, 6]


def test_a_list_between_two_runs_of_notes_that_count_on_is_prose():
    # numbered throughout: the notes 1 2 stand above a list 1 to 4 and the count resumes at 3 below
    # it and goes past 4, so the list's "3." and "4." were never notes
    first = (f"{P1}.1 {P2}.2\n1. Smith, A History of Things, p. 10.\n2. Ibid., p. 12.\n"
             "1. The registers list 43 merchants in the port.\n2. The others describe the port as busy.3\n"
             "3. The clerks kept the accounts in two books.\n4. The merchants paid the duty late.4\n"
             f"{P3}.5\n{P1}.\n{P2}.\n{P3}.6\n3. Jones, Another History, p. 9.\n4. Ibid.\n5. Brown, Harbours, p. 41.\n"
             "6. Ibid., p. 44.\n")
    second = f"{P2}.7 {P3}.8\n7. Green, Ports and Towns, p. 3.\n8. Ibid., p. 5.\n"
    doc = footnorm.analyse(_paged(first, second))
    assert [n.number for n in doc.notes] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "2. The others describe the port as busy." in doc.body
    assert doc.notes[2].text == "Jones, Another History, p. 9."


def test_a_number_alone_inside_a_page_does_not_break_the_page():
    # numbered per page; a section number alone on its line mid-page is no folio, so the list above
    # it shares the page with the notes below and is prose
    list_ = "1. The registers list 43 merchants in the port.\n2. The others describe the port as busy.\n"
    page_ = (f"{P1}.1\n{P3}.\n{list_}\n4\n\nAftermath\n\n{P2}.2\n{P3}.\n{P1}.\n{P2}.\n"
             "1. Smith, A History of Things, p. 10.\n2. Ibid., p. 12.\n")
    doc = footnorm.analyse(_paged(page_, page_, page_))
    assert [n.number for n in doc.notes] == [1, 2] * 3
    assert doc.body.count("2. The others describe the port as busy.") == 3


def test_the_last_note_of_each_page_needs_only_its_predecessor_and_the_restart():
    # numbered per page; the third note is prose and its marker reads as an enumeration ("3. In"):
    # no marker vouches for it and no note 4 follows, only the next page's note 1 or the end
    page_ = (f"{P1}.1 {P2}.2 {P3} and they protested 3. In 1654 it ended.\n"
             "1Smith, A History of Things, p. 3.\n2Ibid., p. 4.\n"
             "3In 1951 the magistrates accepted the petition without any rules at all.\n")
    doc = footnorm.analyse(_paged(page_, page_, page_))
    assert [n.number for n in doc.notes] == [1, 2, 3] * 3
    assert all(n.text.startswith("In 1951") for n in doc.notes if n.number == 3)


@pytest.mark.parametrize("text, label, expected", [
    pytest.param(f"{P1} of\n1Ibid.\n2Smith, A History of Things, p. 3.\n", "\n1", None, id="next-line-numbered-on"),
    pytest.param(f"{P1} of\n1Ibid.\n2Smith, A History of Things, p. 3.\n", "\n2", None,
                 id="previous-line-numbered-before"),
    pytest.param(f"{P1}.\n\n1Stalin raised the question.\n\n2Truman did not answer.", "\n1", 3.0, id="paragraphs"),
])
def test_a_number_glued_to_a_line_start_is_a_marker_only_outside_a_numbered_run(text, label, expected):
    from footnorm.scan import marker_score
    at = text.index(label) + 1
    assert marker_score(text, at, at + 1) == expected


def test_notes_of_two_pages_stay_notes_where_the_page_break_was_missed():
    # the second page's markers start again at 1 before its notes: no list, a break that left no trace
    first = f"{P1}.1 {P2}.2\n1. Smith, A History of Things, p. 10.\n2. Ibid., p. 12.\n"
    second = f"{P3}.1 {P1}.2\n1. Jones, Another History, p. 9.\n2. Ibid.\n"
    doc = footnorm.analyse(_paged(first + second, first))
    assert [n.number for n in doc.notes] == [1, 2, 1, 2, 1, 2]


LONG_NOTE = [f"2 {P1} and the clerks went home.", f"{P2} and nothing changed at all.",
             f"{P3} and the talks went on.", f"{P1} in the end.", f"{P2} once more.", f"{P3} at last.",
             f"{P1} and again.", f"{P2} and so on.", f"{P3} for good."]


@pytest.mark.parametrize("after, kept", [
    pytest.param([], 9, id="long-note-ends-the-page"),
    pytest.param([f"{P3} by the river.", f"{P1} on the hill.3", f"{P2} in the field.", f"{P3} at the port.",
                  f"{P1} in town.", f"{P2} at sea.", f"{P3} at home.", f"{P1} once.",
                  "3 Jones, Another History, p. 9."], 1, id="next-columns-text-with-its-marker"),
])
def test_a_long_note_keeps_its_sentences_unless_a_page_or_a_later_marker_says_body(after, kept):
    # the pages are known from their form feeds: a note's next lines are the page's text only where
    # they point to a later note (another column's text) or run into the next page
    body = f"{P1} in the spring.1 {P2}.2\n{P3}.\n1 Smith, A History of Things, p. 3.\n"
    text = _paged(body + "\n".join(LONG_NOTE + after) + "\n", f"{P2}.\n{P3}.\n")
    note = next(n for n in footnorm.analyse(text).notes if n.number == 2)
    assert note.text == "\n".join(LONG_NOTE[:kept])[2:]


def test_first_note_under_its_number_alone_when_its_marker_is_doubtful():
    # LaTeX's French style sets a space before the superscript: "ni 1 les" reads like a count in
    # the prose; the note under "1", a reference, and the count going on say it is note 1
    body = (f"{P1} ni 1 les marchands n'acceptèrent rien. {P2}. 2 {P3}.\nLes registres recensent "
            "seize greffiers. Comme 3 l'a observé Jean Girard, la douane était provinciale. 4\n")
    notes_ = "".join(f"    {n}\n     {text}\n" for n, text in enumerate(
        ["Thérèse Girard, Commerce et crédit, Toulouse, La Découverte, 1975, p. 220.", "Id., p. 179.",
         "Voir Girard, Commerce et crédit, p. 336–348.", "Ibid., p. 12."], start=1))
    doc = footnorm.analyse(body + notes_)
    assert [n.number for n in doc.notes] == [1, 2, 3, 4]


def test_first_note_set_apart_from_its_number_by_a_blank_line():
    # pdftotext's default mode: "1", a blank line, the note; the next numbers right over their notes
    body = f"{P1} in the spring.1 {P2}.2 {P3}.3\n\n1\n\nIntroduction\n\n{P2}.\n"
    notes_ = "1\n\nSmith, A History of Things, p. 3.\n2\nIbid., p. 4.\n3\nJones, Another History, p. 9.\n"
    doc = footnorm.analyse(body + notes_)
    assert [(n.number, n.text) for n in doc.notes] == [(1, "Smith, A History of Things, p. 3."), (2, "Ibid., p. 4."),
                                                      (3, "Jones, Another History, p. 9.")]
    assert "Introduction" in doc.body


def test_a_pages_only_note_set_apart_from_its_number_when_it_reads_as_a_reference():
    # pdftotext's default mode, folios under every page; no later number vouches for the note under
    # "1": that a reference, not the next page, follows its blank line does
    plain_page = "{}.\n{}.\n\n{}\n\f".format
    text = (plain_page(P1, P2, 21) + plain_page(P2, P3, 22)
            + f"{P1} in the spring. {P2} in the end. 1 {P3}.\n{P1}.\n\n1\n\nIbid., p. 4.\n\n23\n\f"
            + plain_page(P3, P1, 24) + plain_page(P2, P1, 25))
    doc = footnorm.analyse(text)
    assert [(n.number, n.text) for n in doc.notes] == [(1, "Ibid., p. 4.")]
    assert [m.number for m in doc.markers] == [1]
    assert [a.text for a in doc.artefacts if a.kind == "page-number"] == ["21", "22", "23", "24", "25"]


def test_a_long_note_set_apart_from_its_number_is_vouched_for_by_the_next_number_far_below():
    long_note = P2 + ",\n" + "\n".join(f"and the clause numbered {k} went on without any end in sight," for k in range(11))
    text = f"{P1}.1 {P2}.2 {P3}.\n1\n\n{long_note}\nuntil it stopped.\n2\nIbid., p. 4.\n"
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [1, 2]
    assert doc.notes[0].text.startswith(P2) and doc.notes[0].text.endswith("until it stopped.")


def test_a_section_number_set_apart_from_its_title_is_no_note():
    text = (f"{P1}.1 {P2}.\n1 Smith, A History of Things, p. 3.\n\n2\n\nAftermath\n\n{P3}.2 {P2}.3\n"
            "2 Ibid., p. 4.\n3 Ibid., p. 5.\n")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [1, 2, 3]
    assert "Aftermath" in doc.body


@pytest.mark.parametrize("head", ["Abstract", "Introduction", "Resumen"])
def test_notes_on_the_authors_names_belong_to_the_title_page(head):
    text = (f"The Harbour Trade of the North\nAnna Berg 1 and Carl Dahl 2\n{head}\n{P1}.3 {P2}.4 {P3}.\n"
            "1 Anna Berg is Professor of History at the University of Uppsala.\n"
            "2 Carl Dahl is a research fellow at the Nordic Institute.\n"
            "3 Smith, A History of Things, p. 3.\n4 Ibid., p. 4.\n")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [3, 4]
    assert [m.number for m in doc.markers] == [3, 4]
    kinds = [(a.kind, a.text[:9]) for a in doc.artefacts]
    assert kinds == [("author-mark", "1"), ("author-mark", "2"), ("author-note", "1 Anna Be"),
                     ("author-note", "2 Carl Da")]
    assert footnorm.render(doc, "plain").count("Professor of History") == 0
    assert [d.line for d in doc.diagnostics if d.code == "author-note"] == [5, 6]


def test_a_note_on_the_title_that_cites_a_work_stays_a_note():
    text = (f"The Harbour Trade of the North 1\nAnna Berg\nAbstract\n{P1}.2 {P2}.\n"
            "1 First published in Smith, A History of Things (London: Penguin, 1990), 3–40.\n"
            "2 Ibid., p. 4.\n")
    assert [n.number for n in footnorm.analyse(text).notes] == [1, 2]


def test_a_long_note_set_in_small_type_keeps_its_later_sentences():
    # the note's second sentence starts a run of eight lines: as wide as the notes, not the prose
    pages = []
    for k in range(1, 25):
        body = _wrapped(BODY, 62, 8, k)
        body[-1] += f".{k}"
        note = [f"{k} See " + _wrapped(NOTE, 80, 1, 100 + k)[0] + "."]
        if k == 12:
            note += ["The Court held that " + _wrapped(BODY, 70, 1, 7)[0] + "."] + _wrapped(BODY, 84, 8, 8)
        pages.append("\n".join(body + note + [str(k)]))
    doc = footnorm.analyse("\n".join(pages) + "\n")
    note = next(n for n in doc.notes if n.number == 12)
    assert note.text.count("\n") == 9


@pytest.mark.parametrize("before, rest", [
    pytest.param(["II."], ["einer öffentlichen Einrichtung betreut, so bedürfen sie nicht der", "Eintragung."],
                 id="lower-case-after-a-heading"),
    pytest.param([], ["2012, pp. 169-174, https://example.org/P12-3029; S. Berg, Harbours and Trade,",
                      "Journal of Things 40 (2015) 61-77, https://example.org/doi."],
                 id="references-after-the-prose"),
])
def test_rest_of_a_note_told_by_its_content_where_the_type_does_not_tell(before, rest):
    # notes and prose set as wide as each other: only what the rest says marks it
    body1, body2 = _wrapped(BODY, 80, 24, 1), _wrapped(BODY, 80, 24, 2)
    body1[5] += ".1"
    body1[-1] += ".2"
    body2[3] += ".3"
    notes1 = ["1 Smith, A History of Things, p. 3.",
              "2 See Berg, “Harbour Lists,” in: Proceedings of the Conference on Harbours, Oslo,"]
    text = "\n".join(body1 + notes1 + ["12"] + body2 + before + rest + ["3 Ibid., p. 4.", "13"]) + "\n"
    doc = footnorm.analyse(text)
    note = next(n for n in doc.notes if n.number == 2)
    assert note.text.endswith("\n".join(rest))
    assert body2[-1] in doc.body and rest[0] not in doc.body


def test_a_numbered_list_on_the_next_page_is_no_rest_of_a_note():
    body1, body2 = _wrapped(BODY, 80, 24, 1), _wrapped(BODY, 80, 24, 2)
    body1[-1] += ".1"
    body2[3] += ".2"
    listing = ["Examples of these are the old registers (see Berg 2011, Dahl", "2018, Lund 2020).",
               "2) Transformed registers: the second method adds noise to the text,", "which reduces its use."]
    text = "\n".join(body1 + ["1 See Berg, Harbour Lists, in: Proceedings of the Conference, Oslo,", "12"]
                     + body2 + listing + ["2 Ibid., p. 4.", "13"]) + "\n"
    doc = footnorm.analyse(text)
    assert doc.notes[0].text == "See Berg, Harbour Lists, in: Proceedings of the Conference, Oslo,"
    assert "2) Transformed registers" in doc.body



@pytest.mark.parametrize("numbers, kept", [
    ([8, 9, 1, 2, 3, 10, 11], [8, 9, 10, 11]),  # one list inside the count
    ([3, 4, 1, 2, 1, 2, 5, 6], [3, 4, 5, 6]),  # two lists in a row
    ([3, 4, 1, 2, 3, 4, 5], [3, 4, 1, 2, 3, 4, 5]),  # a new chapter that counts past the old count
    ([5, 6, 1, 2, 1, 2], [5, 6, 1, 2, 1, 2]),  # nothing carries the old count on
])
def test_runs_restarting_inside_a_count_that_goes_on_are_lists(numbers, kept):
    from footnorm.scan import Candidate, _drop_interruptions
    chosen = [Candidate(n, 10 * k, 10 * k + 1, 1.0, "line") for k, n in enumerate(numbers)]
    assert [c.number for c in _drop_interruptions(chosen)] == kept


def test_a_note_whose_number_pdftotext_lost_is_split_from_the_note_before():
    # pdftotext's default mode: "10", a blank line, note 10; note 11's number lost; then "12"
    body = f"{P1}.9 {P2}.10 {P3}.11 {P1}.12\n"
    notes_ = ("9\nSmith, A History of Things, p. 3.\n10\n\nBerg, Harbours and Trade, 285.\n"
              "See Doe v. Roe, 510 U.S. 569, 575 (1994).\n12\nIbid., p. 4.\n")
    doc = footnorm.analyse(body + notes_)
    assert [(n.number, n.text) for n in doc.notes] == [
        (9, "Smith, A History of Things, p. 3."), (10, "Berg, Harbours and Trade, 285."),
        (11, "See Doe v. Roe, 510 U.S. 569, 575 (1994)."), (12, "Ibid., p. 4.")]
    assert [m.number for m in doc.markers] == [9, 10, 11, 12]
    assert [(d.code, d.line) for d in doc.diagnostics if d.code == "unnumbered-note"] == [("unnumbered-note", 7)]


def test_the_label_style_of_the_lines_that_cite_wins_over_lists_in_the_prose():
    # notes glued to their numbers ("1Ibid.") beside "1." lists of prose, neither style in a long run
    pages = []
    for k in range(3):
        lists = "1. The registers list 43 merchants in the port.\n2. The others describe the port as busy.\n"
        notes_ = (f"1Smith, A History of Things, p. {k + 3}.\n2Ibid., p. {k + 4}.\n"
                  f"3Jones, Another History (London, 1990), p. {k + 9}.\n")
        pages.append(f"{P1}.1 {P2}.2\n{lists}{P3}.3\n{notes_}{k + 1}\n\f")
    doc = footnorm.analyse("".join(pages))
    assert [n.number for n in doc.notes] == [1, 2, 3] * 3
    assert doc.body.count("2. The others describe") == 3


@pytest.mark.parametrize("first, heading", [
    ("Los primeros años", True), ("Reforma y resistencia", True), ("The Treaty of Paris", True),
    ("Quellen und Methode", True), ("Smith, Works, p. 3.", False), ("Ibid", False),
    ("See the discussion above", False), ("Jones 1990", False),
])
def test_a_sections_title_in_title_or_sentence_case(first, heading):
    from footnorm.scan import _titled_heading
    assert _titled_heading(first) is heading


def test_the_style_vote_of_the_lines_that_cite():
    from footnorm.scan import Candidate, _lines, _style_of_citing_labels
    text = ("1. The registers list 43 merchants.\n2. The others describe the port.\n"
            "1Smith, A History of Things, p. 3.\n2Ibid., p. 4.\n3Jones, Another History (London, 1990), p. 9.\n")
    lines = _lines(text)
    numbered = [Candidate(int(text[s]), s, s + 1, 0.5, "line", s + (3 if text[s + 1] == "." else 1))
                for s, e in lines if e > s]
    dotted = [text[c.end] == "." for c in numbered]
    assert _style_of_citing_labels(text, lines, numbered, dotted) is False  # the undotted lines cite
    assert _style_of_citing_labels(text, lines, numbered[:2], dotted[:2]) is None  # none cites


def test_the_articles_own_doi_under_the_notes_is_page_furniture():
    doi = "10.5555/harbour-2020-1-16"
    stamp = f"https://doi.org/{doi}, am 08.07.2025, 15:48:49"
    text = (page(f"{P1}.1 {P2}.2", "1 Smith, A History of Things, p. 3.", "2 Ibid., p. 4.", folio=f"DOI: {doi}\n{stamp}")
            + page(f"{P3}.3", "3 Jones, Another History, p. 9.", folio=stamp))
    doc = footnorm.analyse(text)
    assert doc.notes[1].text == "Ibid., p. 4."
    assert "article-doi" in [a.kind for a in doc.artefacts]


def test_a_doi_on_its_own_line_in_a_note_stays_in_the_note():
    text = f"{P1}.1 {P2}.\n1 Smith, “Harbours,” Journal of Things 3 (2001): 4–9,\nDOI: 10.5555/things.3.4\n"
    assert footnorm.analyse(text).notes[0].text.endswith("DOI: 10.5555/things.3.4")


@pytest.mark.parametrize("lines_between", [0, 4, 12])
def test_glued_label_of_a_long_prose_note_is_vouched_for_by_the_next_glued_label_below(lines_between):
    # "8Etwa …" opens a note of many lines; "9Zwischen …" under it says both are labels
    long_note = "\n".join([P2 + ","] + [f"and the clause numbered {k} went on without any end in sight,"
                                        for k in range(lines_between)] + ["until it stopped."])
    text = page(f"{P1} as the original shows.1 {P2}.2 {P3}.", "1" + long_note,
                "2In 1686 the harbour board met twice; the minutes are lost.", folio="12")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [1, 2]
    assert doc.notes[0].text.endswith("until it stopped.")


def test_glued_number_far_from_any_other_glued_number_is_no_label():
    filler = "\n".join(f"and the clause numbered {k} went on without any end in sight," for k in range(40))
    text = f"{P1}.\n3Stalin raised the question of the ports again.\n{filler}\n4Truman did not answer him.\n"
    assert notes(text) == []


def _two_columns(note2_end: str, rest: list[str]) -> str:
    """A page as pdftotext -raw sets two columns: each column's text, then that column's notes,
    with nothing between the first column's notes and the second column's text."""
    col1, col2 = _wrapped(BODY, 50, 24, 1), _wrapped(BODY, 50, 24, 2)
    col1[4] += ".1"
    col1[-1] += ".2"
    col2[6] += ".3"
    note1 = ["1 Smith, Works, p. 3."]
    note2 = ["2 See " + _wrapped(NOTE, 60, 1, 3)[0]] + _wrapped(NOTE, 66, 10, 4)
    note2[-1] += note2_end
    note3 = ["3 See " + _wrapped(NOTE, 60, 1, 6)[0]] + _wrapped(NOTE, 66, 12, 7) + ["end, p. 9."]
    return "\n".join(col1 + note1 + note2 + col2 + rest + note3 + ["12"]) + "\n"


REST = _wrapped(NOTE, 66, 2, 5) + ["papers of the envoy, p. 5."]


@pytest.mark.parametrize("note2_end", [" and in the", ". The minutes say more"],
                         ids=["cut-mid-sentence", "cut-after-a-sentence"])
def test_note_cut_by_a_column_break_is_joined_with_its_rest_under_the_next_column(note2_end):
    text = _two_columns(note2_end, REST)
    doc = footnorm.analyse(text)
    note = next(n for n in doc.notes if n.number == 2)
    assert note.text.endswith(note2_end + "\n" + "\n".join(REST))
    assert "\n".join(text[s:e] for s, e in note.parts) == note.text
    assert "papers of the envoy" not in doc.body and _wrapped(BODY, 50, 24, 2)[0] in doc.body
    assert [n.number for n in doc.notes] == [1, 2, 3]
    assert [m.number for m in doc.markers] == [1, 2, 3]


def test_note_ending_at_a_column_break_takes_nothing_from_the_next_column():
    text = _two_columns(", p. 4.", [])
    doc = footnorm.analyse(text)
    assert all(not n.continued for n in doc.notes)
    assert [m.number for m in doc.markers] == [1, 2, 3]
    assert _wrapped(BODY, 50, 24, 2)[-1] in doc.body


@pytest.mark.parametrize("date", ["5. Dezember 1802 haben zwölf Kaufleute", "5. janvier 1850 les tisserands",
                                  "5. October 1850 the weavers"])
def test_a_date_wrapped_to_the_line_start_is_no_dotted_label(date):
    # notes "1." to "4.", then "…on the\n5. Dezember…" in the next page's prose: a day before its
    # month, not note 5
    notes_ = "".join(f"{k}. Smith, A History of Things, p. {k}.\n" for k in range(1, 5))
    text = (f"{P1}.1 {P2}.2 {P3}.3 {P1}.4\n{notes_}12\n\f{P2} on the\n{date} agreed.\n{P3}.\n")
    doc = footnorm.analyse(text)
    assert [n.number for n in doc.notes] == [1, 2, 3, 4]
    assert date in doc.body


def test_a_note_keeps_the_quotation_it_introduces_though_it_is_set_narrower():
    # one column: note 2 says "as follows:" and quotes six lines as narrow as the prose
    body = _wrapped(BODY, 50, 24, 1)
    body[4] += ".1"
    body[-1] += ".2"
    quote = _wrapped(BODY, 50, 6, 8)
    note2 = ["2 See " + _wrapped(NOTE, 60, 1, 3)[0]] + _wrapped(NOTE, 66, 10, 4)
    note2[-1] += " as follows:"
    after = _wrapped(NOTE, 66, 2, 5) + ["papers of the envoy, p. 5."]
    note3 = ["3 See " + _wrapped(NOTE, 60, 1, 6)[0]] + _wrapped(NOTE, 66, 12, 7) + ["end, p. 9."]
    text = "\n".join(body + ["1 Smith, Works, p. 3."] + note2 + quote + after + note3 + ["12"]) + "\n"
    note = next(n for n in footnorm.analyse(text).notes if n.number == 2)
    assert note.text.endswith("as follows:\n" + "\n".join(quote + after))
