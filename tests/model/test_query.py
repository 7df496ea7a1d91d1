"""What the panels and `summary` show for a period, on the invented sample dataset.

The sample's figures are made up and stable (tests/fixtures/sample/sample.yaml); the totals
asserted here are worked out by hand from that file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.dates import FULL_RANGE, DateRange, Overlap
from karabakh_timeline.model.figures import Count, Qualifier
from karabakh_timeline.model.query import (
    PeriodSummary,
    ReportRow,
    report_figure,
    summarize,
)
from karabakh_timeline.model.records import CasualtyReport, Dataset

D = dt.date


def years(first: int, last: int | None = None) -> DateRange:
    return DateRange(D(first, 1, 1), D(last or first, 12, 31))


def ids(rows: tuple[ReportRow, ...]) -> list[str]:
    return [row.report.id for row in rows]


@pytest.fixture
def summary_2004(sample_dataset: Dataset) -> PeriodSummary:
    return summarize(sample_dataset, years(2004))


class TestWithinAndPartial:
    def test_2004_splits_reports_into_within_and_partial(self, summary_2004: PeriodSummary) -> None:
        casualties = summary_2004.casualties
        assert ids(casualties.within) == ["cas-2004-h1", "cas-2004-h1-press", "cas-2004"]
        assert ids(casualties.partial) == ["cas-asof-2019"]
        assert all(row.overlap is Overlap.WITHIN for row in casualties.within)
        assert all(row.overlap is Overlap.PARTIAL for row in casualties.partial)
        assert ids(summary_2004.clearance.within) == ["clr-2004", "clr-2004-army"]
        assert ids(summary_2004.clearance.partial) == []

    def test_the_1993_to_1999_report_is_partial_for_1995(self, sample_dataset: Dataset) -> None:
        summary = summarize(sample_dataset, years(1995))
        assert ids(summary.casualties.within) == []
        assert ids(summary.casualties.partial) == ["cas-asof-2019", "cas-1993-1999"]

    def test_reports_outside_the_period_are_not_listed(self, sample_dataset: Dataset) -> None:
        summary = summarize(sample_dataset, years(2010))
        assert ids(summary.casualties.within) == []
        assert ids(summary.casualties.partial) == ["cas-asof-2019"]
        assert ids(summary.clearance.within) == []
        assert ids(summary.clearance.partial) == []
        assert summary.casualties.totals.by_series == ()

    def test_conflicting_reports_carry_their_conflict(self, summary_2004: PeriodSummary) -> None:
        rows = {row.report.id: row for row in summary_2004.casualties.within}
        assert [c.id for c in rows["cas-2004-h1"].conflicts] == ["conflict-2004-h1"]
        assert [c.id for c in rows["cas-2004-h1-press"].conflicts] == ["conflict-2004-h1"]
        assert rows["cas-2004"].conflicts == ()
        assert [c.id for c in summary_2004.conflicts] == ["conflict-2004-h1"]

    def test_no_conflict_is_listed_when_its_reports_are_not_shown(
        self, sample_dataset: Dataset
    ) -> None:
        assert summarize(sample_dataset, years(2003)).conflicts == ()


class TestTotals:
    def test_a_series_total_adds_only_that_series(self, summary_2004: PeriodSummary) -> None:
        (total,) = summary_2004.casualties.totals.by_series
        assert total.series_id == "monitor-annual"
        assert total.reports == ("cas-2004",)
        # Not 34 + 30 + 24: the two half-year reports are in no series.
        figure = total.figure("total")
        assert figure is not None
        assert (figure.value, figure.qualifier, figure.reports) == (
            34,
            Qualifier.EXACT,
            ("cas-2004",),
        )
        children = total.figure("children")
        assert children is not None
        assert (children.value, children.qualifier) == (3, Qualifier.AT_LEAST)

    def test_clearance_totals_never_add_another_organisation(
        self, summary_2004: PeriodSummary
    ) -> None:
        (total,) = summary_2004.clearance.totals.by_series
        assert total.series_id == "halo-annual"
        anti_personnel = total.figure("items:anti_personnel")
        assert anti_personnel is not None
        assert anti_personnel.value == 675  # not 675 + 48 from the army engineers' report
        area = total.figure("area:manual_and_mechanical")
        assert area is not None
        assert area.is_area
        assert area.value == 3_580_289

    def test_reports_that_are_not_added_are_listed_with_a_reason(
        self, summary_2004: PeriodSummary
    ) -> None:
        assert summary_2004.casualties.totals.left_out == (
            ("cas-2004-h1", "a part-year report outside any series"),
            ("cas-2004-h1-press", "a part-year report outside any series"),
            ("cas-asof-2019", "only partly inside the period"),
        )
        assert summary_2004.clearance.totals.left_out == (
            ("clr-2004-army", "an annual report outside any series"),
        )

    def test_multi_year_cumulative_and_snapshot_reports_are_never_added(
        self, sample_dataset: Dataset
    ) -> None:
        summary = summarize(sample_dataset, FULL_RANGE)
        assert dict(summary.casualties.totals.left_out) == {
            "cas-1993-1999": "a multi-year report outside any series",
            "cas-2004-h1": "a part-year report outside any series",
            "cas-2004-h1-press": "a part-year report outside any series",
            "cas-2021-kalbajar": "an incident report outside any series",
            "cas-asof-2019": "only partly inside the period",
        }
        assert dict(summary.clearance.totals.left_out) == {
            "clr-2000-2003": "a multi-year report outside any series",
            "clr-2004-army": "an annual report outside any series",
            "rem-2015": "a snapshot report outside any series",
        }

    def test_a_series_report_only_partly_inside_is_not_added(self, sample_dataset: Dataset) -> None:
        summary = summarize(sample_dataset, DateRange(D(2004, 7, 1), D(2005, 12, 31)))
        assert ids(summary.casualties.within) == ["cas-2005"]
        assert "cas-2004" in ids(summary.casualties.partial)
        (total,) = summary.casualties.totals.by_series
        assert total.reports == ("cas-2005",)
        figure = total.figure("total")
        assert figure is not None
        assert figure.value == 7
        assert ("cas-2004", "only partly inside the period") in summary.casualties.totals.left_out

    def test_unknown_figures_stay_unknown_and_the_total_says_where(
        self, sample_dataset: Dataset
    ) -> None:
        summary = summarize(sample_dataset, years(2003, 2005))
        (total,) = summary.casualties.totals.by_series
        assert total.reports == ("cas-2003", "cas-2004", "cas-2005")
        killed = total.figure("killed")
        assert killed is not None
        # cas-2005 gives only a total: its killed is unknown, not 0, and the total says so.
        assert (killed.value, killed.reports, killed.missing) == (
            19,
            ("cas-2003", "cas-2004"),
            ("cas-2005",),
        )
        grand = total.figure("total")
        assert grand is not None
        assert (grand.value, grand.missing) == (62, ())
        assert "Killed unknown for 1" in total.explanation
        assert "Injured unknown for 1" in total.explanation
        assert "Children unknown for 2" in total.explanation
        # A figure no report of the series gives has no total at all, rather than a 0.
        assert total.figure("civilian") is None
        assert total.figure("military") is None

    def test_a_figure_a_report_does_not_give_is_none(self, sample_dataset: Dataset) -> None:
        press = sample_dataset.record("cas-2004-h1-press")
        assert isinstance(press, CasualtyReport)
        assert report_figure(press, "injured") is None
        assert report_figure(press, "children") is None
        assert report_figure(press, "killed") == Count(8)

    def test_the_explanation_says_how_totals_were_made(self, summary_2004: PeriodSummary) -> None:
        explanation = summary_2004.casualties.totals.explanation
        assert "only reports of one series lying wholly inside the period" in explanation
        assert "never added to another" in explanation
        assert "Monitor A yearly count: 1 report(s) added (2004)." in explanation
        assert "Listed but not added: 3 report(s)." in explanation

    def test_the_explanation_says_when_there_is_no_total(self, sample_dataset: Dataset) -> None:
        explanation = summarize(sample_dataset, years(1995)).casualties.totals.explanation
        assert "No series has a report wholly inside this period, so there is no total." in (
            explanation
        )

    def test_each_series_is_totalled_on_its_own(self, sample_dataset: Dataset) -> None:
        summary = summarize(sample_dataset, years(2003, 2004))
        (casualty_total,) = summary.casualties.totals.by_series
        (clearance_total,) = summary.clearance.totals.by_series
        assert casualty_total.reports == ("cas-2003", "cas-2004")
        assert clearance_total.reports == ("clr-2003", "clr-2004")
        manual = clearance_total.figure("area:manual")
        assert manual is not None
        assert (manual.value, manual.missing) == (2_302_761, ("clr-2004",))
