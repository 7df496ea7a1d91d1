"""The small chart of the series totalled in a panel: a bar per report, unknown never drawn as 0."""

from __future__ import annotations

import pytest
from panels_support import make_panels, period

from karabakh_timeline.ui.panels.yearly_chart import year_ticks


def values(chart) -> list[float | None]:  # type: ignore[no-untyped-def]
    return [bar.value for bar in chart.bars]


def test_casualty_chart_draws_the_yearly_count_report_by_report(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2003", "2005")
    chart = casualties.chart
    assert chart.isVisibleTo(casualties)
    assert chart.choice.currentData()[1] == "total"  # the preferred figure
    assert values(chart) == [21, 34, 7]
    assert [round(bar.start, 3) for bar in chart.bars] == [2003, 2004, 2005]
    assert chart.gaps == []
    killed = next(i for i in range(chart.choice.count()) if chart.choice.itemData(i)[1] == "killed")
    with qtbot.waitSignal(chart.chart_changed, timeout=2000):
        chart.choice.setCurrentIndex(killed)
    assert values(chart) == [9, 10, None]  # 2005 gives no killed figure: a mark, not a 0 bar
    assert chart.choice.currentText() == "Killed · Monitor A yearly count"


def test_years_no_report_covers_are_marked_as_gaps(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2003", "2008")
    assert values(casualties.chart) == [21, 34, 7]
    assert casualties.chart.gaps == [2006, 2007, 2008]


def test_the_chosen_figure_is_kept_when_the_period_changes(qtbot, sample_dataset):
    selection, casualties, _ = make_panels(qtbot, sample_dataset, "2003", "2005")
    chart = casualties.chart
    killed = next(i for i in range(chart.choice.count()) if chart.choice.itemData(i)[1] == "killed")
    chart.choice.setCurrentIndex(killed)
    selection.set_period(period("2004", "2005"))
    assert chart.choice.currentData()[1] == "killed"
    assert values(chart) == [10, None]


def test_clearance_chart_shows_areas_in_square_kilometres(qtbot, sample_dataset):
    _, _, clearance = make_panels(qtbot, sample_dataset, "2003", "2004")
    chart = clearance.chart
    assert chart.choice.currentData()[1] == "area:manual"
    assert values(chart) == [pytest.approx(2.302761), None]
    assert chart.title.text() == "Chart (km²):"
    assert chart.choice.isVisibleTo(clearance)


def test_no_series_in_the_period_means_no_chart(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "1995", "1995")
    assert not casualties.chart.isVisibleTo(casualties)


@pytest.mark.parametrize(
    ("width", "labels"),
    [
        (600, [str(year) for year in range(2000, 2011)]),
        (200, ["2000", "2005", "2010"]),
        (50, ["2000", "2010"]),
        (30, ["2000"]),  # too narrow even for every 10th year: every 20th
    ],
)
def test_year_labels_thin_out_in_a_narrow_chart(width, labels):
    assert [label for _, label in year_ticks(2000, 2010, width)] == labels
