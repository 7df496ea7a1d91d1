"""Search ignores case and accents, including the letters Unicode does not decompose."""

from __future__ import annotations

import pytest

from karabakh_timeline.model.text_search import fold, matches


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ağdam", "agdam"),
        ("Kəlbəcər", "kelbecer"),
        ("ƏLİ", "eli"),
        ("Şuşa", "susa"),
        ("Füzuli", "fuzuli"),
        ("Zəngilan", "zengilan"),
        ("Qırmızı", "qirmizi"),
        ("Straße", "strasse"),
        ("AGDAM", "agdam"),
        ("Շուշի", "շուշի"),  # Armenian script is kept, lower-cased
    ],
)
def test_fold_drops_case_and_accents(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        ("agdam", ["Ağdam"]),
        ("AGDAM", ["Ağdam"]),
        ("Ağdam", ["Agdam"]),
        ("kelbecer", ["Kəlbəcər"]),
        ("KƏLBƏCƏR", ["kelbecer"]),
        ("susa", ["Şuşa"]),
        ("tractor agdam", ["A tractor hits a mine", "Ağdam"]),
        ("  mine  ", ["Mine maps"]),
        ("", ["anything"]),
    ],
)
def test_matches(query: str, texts: list[str]) -> None:
    assert matches(query, texts)


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        ("agdam", ["Aghdam"]),  # a different spelling is found through the place's aliases
        ("kelbecer", ["Kalbajar"]),
        ("tractor shusha", ["A tractor hits a mine", "Ağdam"]),  # every word must appear
        ("mine", []),
    ],
)
def test_does_not_match(query: str, texts: list[str]) -> None:
    assert not matches(query, texts)
