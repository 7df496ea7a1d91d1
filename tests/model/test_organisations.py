"""Organisations named in few words where room is short, in full where it is not."""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.dates import DateRange
from karabakh_timeline.model.estimate_text import estimates_text
from karabakh_timeline.model.estimates import estimates_for
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.organisations import (
    organisation_in_full,
    organisation_in_short,
    organisation_named,
    short_organisation,
)


@pytest.fixture(scope="module")
def bundled():  # type: ignore[no-untyped-def]
    return load_dataset(None)


@pytest.mark.parametrize(
    ("written", "short"),
    [
        ("Azerbaijan Campaign to Ban Landmines (Hafiz Safikhanov)", "AzCBL"),
        ("Azerbaijan Campaign to Ban Landmines", "AzCBL"),
        ("ANAMA (Vugar Suleymanov)", "ANAMA"),
        ("HALO Trust (via Landmine Monitor)", "HALO Trust"),
        ("Landmine Monitor (HALO Trust data)", "Landmine Monitor"),
        ("ICRC (via Landmine Monitor)", "ICRC"),
        ("UNDP (Armen Grigorian, head of its mine programme in Armenia)", "UNDP"),
    ],
)
def test_a_listed_organisation_is_written_short(bundled, written, short):  # type: ignore[no-untyped-def]
    assert short_organisation(bundled, written) == short
    assert organisation_in_short(bundled, written) == short


def test_the_full_name_is_kept_for_tooltips_and_the_inspector(bundled):  # type: ignore[no-untyped-def]
    full = organisation_in_full(bundled, "ANAMA (Vugar Suleymanov)")
    assert full == "ANAMA (Vugar Suleymanov) — Azerbaijan National Agency for Mine Action"
    # Already in full: nothing is added.
    written = "Azerbaijan Campaign to Ban Landmines (Hafiz Safikhanov)"
    assert organisation_in_full(bundled, written) == written


def test_an_unlisted_organisation_keeps_its_words(bundled):  # type: ignore[no-untyped-def]
    assert organisation_named(bundled, "Another account (Trend)") is None
    assert organisation_in_short(bundled, "Another account (Trend)") == "Another account (Trend)"
    # Where only the organisation is wanted (the bounds of an estimate), the bracket goes.
    assert short_organisation(bundled, "KarabakhOpen (HALO Trust figures)") == "KarabakhOpen"


def test_every_listed_organisation_is_named_by_some_report(bundled):  # type: ignore[no-untyped-def]
    # A name that matches no report is a slip in the list: its short name would never show.
    named = {
        organisation.id
        for report in (*bundled.casualties, *bundled.clearance)
        if (organisation := organisation_named(bundled, report.organisation)) is not None
    }
    assert named == set(bundled.organisations)
    assert all(o.short_name for o in bundled.organisations.values())


def test_the_figures_for_a_period_name_who_in_short(bundled):  # type: ignore[no-untyped-def]
    selected = DateRange(dt.date(2022, 1, 1), dt.date(2022, 7, 31))
    texts = estimates_text(bundled, estimates_for(bundled, bundled.casualties, selected))
    total = next(text for text in texts if text.startswith("Total, Azerbaijan"))
    assert "at least 38 (AzCBL, January 2022 – July 2022)" in total
    assert "Azerbaijan Campaign to Ban Landmines" not in total
