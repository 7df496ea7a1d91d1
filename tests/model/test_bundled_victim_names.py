"""The bundled dataset names no victim: ids, titles, labels, descriptions and notes describe people
by role, sex, age and outcome, and the source pages keep the names for anyone who needs them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
TEXT_FIELDS = frozenset({"id", "title", "label", "description", "note", "quantity"})

# Surnames of victims once written into incident ids, in the spellings the pages use
# (English, Azerbaijani and Russian).
REMOVED_SURNAMES = (
    "Manukyan", "Манукян",
    "Bakhtiyarov", "Baxtiyarov", "Бахтияров",
    "Valiyev", "Veliyev", "Vəliyev", "Велиев", "Валиев",
    "Shukurov", "Shukyurov", "Şükürov", "Шукюров", "Шукуров",
    "Hadiyev", "Hadıyev", "Гадиев", "Хадиев",
    "Akbarov", "Akberov", "Əkbərov", "Акбаров", "Акберов",
    "Mahmudov", "Махмудов",
)  # fmt: skip
# Azerbaijani official statements give a person as surname, name and "son of" / "daughter of"
# the father: these words occur in a person's name only.
PATRONYMIC = re.compile(r"\b(o[gğ]lu|ogly|q[ıi]z[ıi]|gyzy|оглы|оглу|кызы)\b", re.IGNORECASE)
SURNAMES = re.compile(r"\b(" + "|".join(REMOVED_SURNAMES) + r")\b", re.IGNORECASE)


def texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every id and free text in the folder's YAML files."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            label = value.get("id", "")
            for key, item in value.items():
                here = f"{where}/{label}.{key}"
                if key in TEXT_FIELDS and isinstance(item, str):
                    yield here, item
                else:
                    yield from walk(item, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    for path in sorted(data_dir.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yield from walk(yaml.safe_load(handle), path.name)


def names_in(text: str) -> list[str]:
    return [m.group(0) for m in SURNAMES.finditer(text)] + [
        m.group(0) for m in PATRONYMIC.finditer(text)
    ]


@pytest.fixture(scope="module")
def bundled_texts() -> list[tuple[str, str]]:
    found = list(texts(DATA_DIR))
    assert len(found) > 1000
    return found


def test_no_id_or_text_carries_a_victims_name(bundled_texts: list[tuple[str, str]]) -> None:
    named = {where: names_in(text) for where, text in bundled_texts if names_in(text)}
    assert named == {}


@pytest.mark.parametrize(
    "text",
    [
        "inc-2023-12-05-aghdam-sarijali-anama-akbarov",
        "ANAMA said Mahmudov was hurt.",
        "Сапер Шукюров получил ранения.",
        "Hüseynov Asif Novruz oğlu was injured.",
    ],
)
def test_a_name_is_caught(text: str) -> None:
    assert names_in(text)


def test_roles_and_places_pass() -> None:
    assert names_in("A deminer was hurt near Sarijali, Aghdam (Akna), on 26 December 2023.") == []
