"""Each place the bundled incident log names carries its names in each language, or says why not."""

from __future__ import annotations

import pytest

from karabakh_timeline.model.incident_log import log_series
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.records import Dataset, Place

LANGUAGES = {"name_az": "Azerbaijani", "name_hy": "Armenian", "name_ru": "Russian"}


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_dataset()


def incident_places(dataset: Dataset) -> list[Place]:
    logs = log_series(dataset)
    ids = {pid for r in dataset.casualties if r.series in logs for pid in r.places}
    return [dataset.places[pid] for pid in sorted(ids)]


def unexplained_gaps(place: Place) -> list[str]:
    """The languages a place has no name in, where its note does not say so."""
    return [
        language
        for field, language in LANGUAGES.items()
        if not getattr(place, field)
        and f"No {language}" not in place.note
        and f"or {language} name" not in place.note
    ]


def test_every_incident_place_has_each_name_or_says_it_has_none(bundled: Dataset) -> None:
    places = incident_places(bundled)
    assert len(places) > 60
    gaps = {place.id: unexplained_gaps(place) for place in places}
    assert {pid: langs for pid, langs in gaps.items() if langs} == {}


def test_a_place_missing_a_name_without_a_word_on_it_is_caught() -> None:
    silent = Place(id="x", name="X", name_az="X", name_hy="X")
    assert unexplained_gaps(silent) == ["Russian"]
    said = Place(id="x", name="X", name_az="X", note="No Armenian or Russian name was found.")
    assert unexplained_gaps(said) == []


def test_the_russian_names_filled_in_are_there(bundled: Dataset) -> None:
    assert bundled.places["safiyan"].name_ru == "Сафиян"
    assert "Сус" in bundled.places["sus"].all_names
