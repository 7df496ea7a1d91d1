"""A record's own text names its places in the chosen naming: whole words only, its own places
only, both sides' names kept where the text gives them in brackets."""

from __future__ import annotations

from karabakh_timeline.model.place_names import Naming
from karabakh_timeline.model.place_text import named_text
from karabakh_timeline.model.records import Place

AGHDAM = Place(
    "aghdam", "Aghdam", ("Agdam", "Ağdam", "Akna", "Aghdam District"), "Ağdam", "Ակնա (Akna)"
)
FUZULI = Place("fuzuli", "Fuzuli", ("Füzuli", "Varanda"), "Füzuli", "Վարանդա (Varanda)")
KARABAKH = Place(
    "nagorno-karabakh",
    "Nagorno-Karabakh",
    ("Artsakh", "Karabakh"),
    "Dağlıq Qarabağ",
    "Արցախ (Artsakh); Լեռնային Ղարաբաղ (Lernayin Gharabagh)",
)


def test_english_names_leave_the_text_as_the_dataset_writes_it() -> None:
    text = "Mine blast near Akna injures 2"
    assert named_text(text, [AGHDAM], Naming.ENGLISH) == text


def test_a_place_is_renamed_wherever_one_of_its_names_stands_as_a_word() -> None:
    assert named_text("Mine blast near Aghdam and in Agdam", [AGHDAM], Naming.AZERBAIJANI) == (
        "Mine blast near Ağdam and in Ağdam"
    )
    assert named_text("Mine blast near Aghdam", [AGHDAM], Naming.ARMENIAN) == (
        "Mine blast near Ակնա (Akna)"
    )
    # Not inside another word, and not a place the record does not name.
    assert (
        named_text("Aghdamer Fuzuli road", [AGHDAM], Naming.AZERBAIJANI) == "Aghdamer Fuzuli road"
    )


def test_a_longer_name_keeps_its_last_word() -> None:
    assert named_text("Aghdam District cleared", [AGHDAM], Naming.AZERBAIJANI) == (
        "Ağdam District cleared"
    )


def test_both_names_in_brackets_keep_the_other_sides_name_unless_the_choice_says_it() -> None:
    title = "Fuzuli (Varanda): 1 hurt"
    assert named_text(title, [FUZULI], Naming.AZERBAIJANI) == "Füzuli (Varanda): 1 hurt"
    assert named_text(title, [FUZULI], Naming.ARMENIAN) == "Վարանդա (Varanda): 1 hurt"
    # A bracket that is not a name stays as it was.
    assert named_text("Fuzuli (district centre)", [FUZULI], Naming.AZERBAIJANI) == (
        "Füzuli (district centre)"
    )


def test_a_place_with_several_armenian_names_is_written_by_the_first() -> None:
    assert named_text("Mine in Nagorno-Karabakh (Artsakh)", [KARABAKH], Naming.ARMENIAN) == (
        "Mine in Արցախ (Artsakh)"
    )
    assert named_text("Mine in Nagorno-Karabakh", [KARABAKH], Naming.AZERBAIJANI) == (
        "Mine in Dağlıq Qarabağ"
    )


def test_a_text_already_in_the_chosen_names_is_unchanged() -> None:
    text = "Mine blast near Ակնա (Akna)"
    assert named_text(text, [AGHDAM], Naming.ARMENIAN) == text
    assert named_text("Ağdam", [AGHDAM], Naming.AZERBAIJANI) == "Ağdam"
    # The other side's name in brackets after the chosen one stays as it is.
    assert named_text("Ağdam (Akna) district", [AGHDAM], Naming.AZERBAIJANI) == (
        "Ağdam (Akna) district"
    )
