"""Estimates for the bundled data, worked out by hand from the reports behind them."""

from __future__ import annotations

import pytest

from karabakh_timeline.model.dates import FULL_RANGE, DateRange, Overlap
from karabakh_timeline.model.estimate_text import estimate_text, year_list
from karabakh_timeline.model.estimates import Estimate, estimates_for, subtract
from karabakh_timeline.model.figures import Qualifier
from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.model.records import CasualtyReport, Dataset

NK = "karabakh-armenian-held"


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_dataset()


def period(first: str, last: str) -> DateRange:
    return DateRange.from_texts(first, last, FULL_RANGE)


def estimate(
    dataset: Dataset, first: str, last: str, figure: str, scope: str, counts: str = "mine-erw"
) -> Estimate:
    found = [
        e
        for e in estimates_for(dataset, dataset.casualties, period(first, last))
        if (e.figure, e.scope, e.counts) == (figure, scope, counts)
    ]
    assert len(found) == 1, found
    return found[0]


def test_2022_lies_between_what_anamas_running_totals_leave(bundled: Dataset) -> None:
    total = estimate(bundled, "2022", "2022", "total", "azerbaijan")
    assert total.lower is not None and total.upper is not None
    # 266 to 28 October 2022 minus 225 to June 2022: at least 41 within 2022, more than the
    # campaign's part-year count (3 killed and 35 injured in January–July, at least 38).
    assert (total.lower.value, total.lower.qualifier) == (41, Qualifier.EXACT)
    assert total.lower.reports == ("cas-anama-2022-10", "cas-anama-2022-06")
    assert total.lower.derived
    # 290 to 13 April 2023 minus 197 to 14 December 2021 leaves 93 for a span that takes in
    # all of 2022.
    assert (total.upper.value, total.upper.qualifier) == (93, Qualifier.EXACT)
    assert total.upper.reports == ("cas-anama-2023-04", "cas-anama-2021-12")
    assert total.upper.derived
    assert total.coverage == pytest.approx(120 / 365)  # July to 28 October
    assert not total.is_conflict
    text = estimate_text(bundled, total)
    assert (
        "at least 41 (ANAMA, 1 July 2022 – 28 October 2022, derived from "
        "cas-anama-2022-10, cas-anama-2022-06)"
    ) in text
    assert (
        "· at most 93 (ANAMA, 15 December 2021 – 13 April 2023, derived from "
        "cas-anama-2023-04, cas-anama-2021-12)"
    ) in text
    assert "the lower bound covers 33 % of the period" in text


def test_2011_to_2013_is_derived_from_two_running_totals(bundled: Dataset) -> None:
    total = estimate(bundled, "2011", "2013", "total", NK)
    assert total.lower is not None and total.upper is not None
    # 342 to the end of 2013 minus 330 to the end of 2010, both exact: exactly 12.
    assert (total.lower.value, total.lower.qualifier, total.lower.derived) == (
        12,
        Qualifier.EXACT,
        True,
    )
    assert total.lower.reports == ("cas-lm-1995-2013", "cas-lm-1995-2010")
    assert total.upper == total.lower
    assert (
        "12 (Landmine Monitor, 2011 – 2013, derived from cas-lm-1995-2013, cas-lm-1995-2010)"
    ) in estimate_text(bundled, total)
    # With 2012 (5) and 2013 (3) known, 2011 alone is 12 − 5 − 3.
    year = estimate(bundled, "2011", "2011", "total", NK)
    assert year.lower is not None and (year.lower.value, year.lower.derived) == (4, True)


def test_2009_to_2010_shows_the_running_totals_against_the_yearly_counts(
    bundled: Dataset,
) -> None:
    total = estimate(bundled, "2009", "2010", "total", NK)
    assert total.lower is not None and total.upper is not None
    # Yearly: 5 + 3 = 8. Running totals: 330 − "at least 329" is at most 1.
    assert (total.lower.value, total.lower.reports) == (8, ("cas-lm-2009", "cas-lm-2010"))
    assert (total.upper.value, total.upper.qualifier, total.upper.derived) == (
        1,
        Qualifier.AT_MOST,
        True,
    )
    assert total.is_conflict  # shown, never clamped
    assert estimate_text(bundled, total).startswith(
        "Total, Karabakh Armenian-held areas: conflict: at least 8"
    )


def test_1995_is_86_and_the_health_ministry_count_of_all_explosions_bounds_nothing_else(
    bundled: Dataset,
) -> None:
    total = estimate(bundled, "1995", "1995", "total", NK)
    assert total.lower is not None and total.upper is not None
    assert (total.lower.value, total.lower.reports) == (86, ("cas-lm-1995",))
    assert "cas-moh-1993-1999" not in total.reports
    assert total.upper.value == 86
    explosions = estimate(bundled, "1995", "1995", "total", NK, "all-explosions")
    assert explosions.lower is None
    assert explosions.upper is not None and explosions.upper.reports == ("cas-moh-1993-1999",)


def test_a_later_running_total_below_an_earlier_one_is_a_revision_not_a_figure(
    bundled: Dataset,
) -> None:
    injured = estimate(bundled, "2014", "2017", "injured", NK)
    revisions = [d for d in injured.derived if d.is_revision]
    # 262 injured to 2017 against 281 to 2015 and 275 to 2014.
    assert {d.reports for d in revisions} >= {("cas-lm-1995-2017", "cas-lm-1995-2015")}
    assert all(d.value is None and "revised" in d.how for d in revisions)


def test_qualifier_arithmetic_of_differences() -> None:
    exact, at_least, at_most = Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.AT_MOST
    assert subtract(exact, exact) is exact
    assert subtract(at_least, exact) is at_least
    assert subtract(exact, at_least) is at_most
    assert subtract(at_least, at_least) is None
    assert subtract(Qualifier.ABOUT, exact) is None


def test_every_year_a_casualty_report_overlaps_has_a_bound_on_the_total(
    bundled: Dataset,
) -> None:
    unbounded = []
    for year in range(1991, 2024):
        selected = period(str(year), str(year))
        if not any(selected.classify(r.date) is not Overlap.OUTSIDE for r in bundled.casualties):
            continue
        totals = [
            e
            for e in estimates_for(bundled, bundled.casualties, selected)
            if e.figure == "total" and (e.lower is not None or e.upper is not None)
        ]
        if not totals:
            unbounded.append(year)
    assert unbounded == []


def test_estimates_never_mix_scopes_or_definitions(bundled: Dataset) -> None:
    for est in estimates_for(bundled, bundled.casualties, period("1991", "2023")):
        for report_id in est.reports:
            report = bundled.record(report_id)
            assert isinstance(report, CasualtyReport)
            assert (report.scope, report.counts.value) == (est.scope, est.counts)


def test_long_ranges_name_their_missing_years() -> None:
    assert year_list((1991, 1992, 1993, 2005, 2018, 2019)) == "1991–1993, 2005, 2018–2019"
