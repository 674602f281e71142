"""Resolution: ibid. to its antecedent, short forms to full forms, stable keys (issue 4)."""

from __future__ import annotations

import footnorm
from footnorm.keys import assign_keys, base_key
from footnorm.model import Name, Reference

FULL_A = "Tsuyoshi Hasegawa, Racing the Enemy: Stalin, Truman, and the Surrender of Japan (Cambridge, MA: Belknap Press, 2005), 142."
FULL_B = "John Smith, A History of Treaties (London: Penguin, 1999), 12."


def md(*notes: str) -> str:
    body = " ".join(f"Sentence {i}.[^{i}]" for i in range(1, len(notes) + 1))
    return body + "\n\n" + "\n".join(f"[^{i}]: {n}" for i, n in enumerate(notes, 1)) + "\n"


def keys_of(doc) -> list[list[str]]:
    return [[c.key for c in n.citations] for n in doc.notes]


def test_short_form_and_ibid_resolve_to_the_full_form():
    doc = footnorm.analyse(md(FULL_A, "Ibid., 150.", "Hasegawa, Racing the Enemy, 160."))
    assert keys_of(doc) == [["hasegawaRacingEnemy2005"]] * 3
    (entry,) = doc.entries
    assert not entry.incomplete and entry.reference.publisher == "Belknap Press"


def test_ibid_after_a_note_with_several_works_is_reported():
    doc = footnorm.analyse(md(f"{FULL_A[:-1]}; {FULL_B}", "Ibid., 13."))
    assert keys_of(doc)[1] == [keys_of(doc)[0][-1]]
    assert "ambiguous-ibid" in {d.code for d in doc.diagnostics}


def test_ibid_without_antecedent_is_reported():
    doc = footnorm.analyse(md("Ibid., 13."))
    assert "ibid-without-antecedent" in {d.code for d in doc.diagnostics}


def test_keys_do_not_change_when_unrelated_notes_are_added():
    before = footnorm.analyse(md(FULL_A, "Hasegawa, Racing the Enemy, 160."))
    after = footnorm.analyse(md(FULL_B, FULL_A, "Some commentary of my own.", "Hasegawa, Racing the Enemy, 160."))
    key = keys_of(before)[0][0]
    assert key in {e.key for e in after.entries}


def test_clashing_keys_get_letters_by_content_not_position():
    a = Reference(author=(Name("Smith"),), title="Treaties of Peace", issued="1999")
    b = Reference(author=(Name("Smith"),), title="Treaties of Peace", issued="1999", publisher="Other")
    assert base_key(a) == base_key(b) == "smithTreatiesPeace1999"
    one = assign_keys([("w1", a), ("w2", b)])
    two = assign_keys([("w2", b), ("w1", a)])
    assert one == two and sorted(one.values()) == ["smithTreatiesPeace1999a", "smithTreatiesPeace1999b"]


def test_keys_are_ascii_folded():
    ref = Reference(author=(Name("Müller-Łęcki"),), title="Über die Straße", issued="2001")
    assert base_key(ref) == "mullerleckiStrasse2001"


def test_particles_split_differently_are_one_author():
    doc = footnorm.analyse(md("Lester del Rey, The Eleventh Commandment (New York: Ballantine, 1970), 12.",
                              "Del Rey, Eleventh Commandment, 40."))
    assert len(doc.entries) == 1 and not doc.entries[0].incomplete


def test_same_long_title_and_a_shared_name_word_are_one_work():
    from footnorm.resolve import Work

    full = Reference(author=(Name(family="Janie Voyer"),), title="Using Sarcasm to Compliment: Context", issued="2015")
    short = Reference(author=(Name(family="Voyer"),), title="Using Sarcasm to Compliment")
    assert Work("w", full, True).matches_short(short)
    other = Reference(author=(Name(family="Smith"),), title="Using Sarcasm to Compliment")
    assert not Work("w", full, True).matches_short(other)


def test_short_form_of_an_edited_volume_names_its_editors():
    full = "Mary Lind and Otto Roux, eds., Harbour Towns of the North (Leeds: Northgate, 2001), 10."
    doc = footnorm.analyse(md(full, "Lind and Roux, Harbour Towns, 86."))
    (entry,) = doc.entries
    assert [n.family for n in entry.reference.editor] == ["Lind", "Roux"] and not entry.reference.author
    items = footnorm.parse_references([full, "Lind and Roux, Harbour Towns, 86."])
    assert [e["family"] for e in items[1]["editor"]] == ["Lind", "Roux"] and "author" not in items[1]


def test_articles_cited_without_titles_are_told_apart_by_journal_year_and_page():
    # German legal style: "Author, JOURNAL Year, first page, pinpoint" — no title to compare
    doc = footnorm.analyse(md("Raue, ZGE 2017, 514, 530.", "Raue, ZUM 2019, 684, 690.", "Raue, ZGE 2017, 514, 534.",
                              "Ibid., 536."))
    keys = keys_of(doc)
    assert keys[0] == keys[2] == keys[3] != keys[1]
    assert sorted((e.reference.container_title, e.reference.page) for e in doc.entries) == [("ZGE", "514"),
                                                                                            ("ZUM", "684")]
    assert not any(e.incomplete for e in doc.entries)


def test_parse_keeps_what_inspect_keeps():
    # a sentence of the note's own prose is no citation in either; a case named by its number is
    prose = "The same point is made there from another angle."
    items = footnorm.parse_references([prose, "Case C-5/08.", "Vgl. § 16 Abs. 1 UrhG."])
    assert [len(i["citations"]) for i in items] == [0, 1, 1]
    doc = footnorm.analyse(f"One.1 Two.2\n1 {prose}\n2 Case C-5/08.\n")
    assert [len(n.citations) for n in doc.notes] == [0, 1]
