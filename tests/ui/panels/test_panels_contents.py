"""What the casualty and clearance panels show for known periods of the sample dataset."""

from __future__ import annotations

import dataclasses

from panels_support import (
    TOOLTIP,
    cell,
    grouped_ids,
    header_titles,
    make_panels,
    table_rows,
    totals_by_series,
)
from PySide6.QtCore import Qt

from karabakh_timeline.model.dates import Period
from karabakh_timeline.model.figures import Count
from karabakh_timeline.model.records import CasualtyReport, Conflict, Span
from karabakh_timeline.ui.panels.report_cells import UNKNOWN_TIP


def test_2004_lists_both_first_half_reports_and_the_year_side_by_side(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    model = casualties.table_model
    within, partial = grouped_ids(model)
    assert set(within) == {"cas-2004", "cas-2004-h1", "cas-2004-h1-press"}
    assert partial == ["cas-asof-2019"]
    rows = table_rows(model)
    assert rows["cas-2004-h1"]["killed"] == "11"
    assert rows["cas-2004-h1-press"]["killed"] == "8"
    assert rows["cas-2004-h1"]["source"] == "Annual report A (Monitor A)"
    assert rows["cas-2004-h1-press"]["source"] == "Newspaper item B (Paper B)"
    assert rows["cas-2004"]["period"] == "2004"
    assert rows["cas-2004-h1"]["period"] == "Jan – Jun 2004"  # whole months in the tooltip
    assert rows["cas-2004"]["children"] == "≥ 3"
    assert rows["cas-2004"]["other"] == "Incidents: 25"
    assert rows["cas-2004"]["span"] == "annual · Monitor A yearly count"
    assert rows["cas-2004"]["scope"] == "Area A"
    assert rows["cas-asof-2019"]["overlap"] == "partly"
    assert header_titles(model) == [
        "Wholly within 2004: 3 casualty reports",
        "Partly overlapping 2004: 1 casualty report, listed but never added into the totals",
    ]


def test_2004_totals_add_only_the_yearly_series_not_the_half_year_reports(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    totals = totals_by_series(casualties.totals.model)
    assert totals == {
        "Monitor A yearly count": {
            "Reports added": "1",
            "Killed": "10",
            "Injured": "24",
            "Total": "34",
            "Children": "≥ 3",
            "Deminers": "1",
        }
    }
    shown = casualties.totals.figures.text()
    assert "<b>Monitor A yearly count</b>, 1 report added:" in shown
    assert "Killed <b>10</b> · Injured <b>24</b> · Total <b>34</b> · Children <b>≥ 3</b>" in shown
    assert "Listed but not added: 3 report(s)." in casualties.totals.explanation.text()
    toggle = casualties.totals.left_out_button
    assert toggle.text() == "Why 3 reports are not added"
    assert toggle.isChecked()  # a short list is open
    assert casualties.totals.left_out.isVisibleTo(casualties)
    text = casualties.totals.left_out.text()
    assert "January 2004 – June 2004, Paper B: a part-year report outside any series" in text
    assert "until 2019, Monitor A: only partly inside the period" in text


def test_2004_clearance_shows_halo_and_the_army_but_totals_only_the_series(qtbot, sample_dataset):
    _, _, clearance = make_panels(qtbot, sample_dataset, "2004", "2004")
    rows = table_rows(clearance.table_model)
    assert {rows[i]["organisation"] for i in rows} == {"HALO", "Army engineers"}
    assert rows["clr-2004"]["area"] == "Manual and mechanical: 3.58 km²"
    assert rows["clr-2004"]["items:anti_personnel"] == "675"
    assert rows["clr-2004-army"]["items:anti_personnel"] == "48"
    assert rows["clr-2004"]["items:uxo"] == "2,040"
    assert rows["clr-2004"]["land_use"] == "Agricultural: 1.52 km²"
    assert rows["clr-2004-army"]["area"] == "—"
    area_tip = cell(clearance.table_model, "clr-2004", "area", TOOLTIP)
    assert area_tip == "As published: Manual and mechanical: 3,580,289 m²"
    totals = totals_by_series(clearance.totals.model)
    assert list(totals) == ["Yearly clearance"]
    assert totals["Yearly clearance"]["Anti-personnel mines"] == "675"  # not 675 + 48
    assert totals["Yearly clearance"]["Manual and mechanical clearance area"] == "3.58 km²"
    assert "2004, Army engineers: an annual report outside any series" in (
        clearance.totals.left_out.text()
    )
    assert clearance.totals.left_out_button.text() == "Why 1 report is not added"


def test_1995_lists_the_ministry_report_as_partial_and_adds_nothing(qtbot, sample_dataset):
    _, casualties, clearance = make_panels(qtbot, sample_dataset, "1995", "1995")
    model = casualties.table_model
    within, partial = grouped_ids(model)
    assert within == []
    assert set(partial) == {"cas-1993-1999", "cas-asof-2019"}
    assert header_titles(model)[0] == "No casualty report lies wholly within 1995"
    assert cell(model, "cas-1993-1999", "period") == "Jun 1993 – May 1999"
    assert cell(model, "cas-1993-1999", "overlap") == "partly"
    assert "never added" in cell(model, "cas-1993-1999", "overlap", TOOLTIP)
    row = next(r for r in range(model.rowCount()) if cell_id(model, r) == "cas-1993-1999")
    assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert casualties.totals.model.rowCount() == 0
    assert not casualties.totals.figures.isVisibleTo(casualties)
    text = casualties.totals.left_out.text()
    assert "June 1993 – May 1999, Ministry C: only partly inside the period" in text
    assert "no total" in casualties.totals.explanation.text()
    # Nothing at all in clearance: the empty state says so instead of a blank table.
    assert clearance.table_stack.currentWidget() is clearance.empty
    assert "No reports for this period" in clearance.empty.text()
    assert casualties.table_stack.currentWidget() is casualties.table


def cell_id(model, row):  # type: ignore[no-untyped-def]
    entry = model.table_row(row)
    return entry.report.report.id if entry.report is not None else None


def test_unknown_figures_show_a_dash_with_the_reason_never_zero(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    model = casualties.table_model
    assert cell(model, "cas-2004-h1-press", "injured") == "—"
    # A disputed report's cells also name the report that disputes it.
    tip = cell(model, "cas-2004-h1-press", "injured", TOOLTIP)
    assert tip.split("\n\n")[0] == UNKNOWN_TIP
    assert tip.split("\n\n")[1].startswith("Disputed, casualties in the first half of 2004")
    assert cell(model, "cas-2004", "civilian") == "—"
    assert cell(model, "cas-2004", "civilian", TOOLTIP) == UNKNOWN_TIP
    assert cell(model, "cas-2004", "children", TOOLTIP) == "The source says “at least 3”."
    totals = totals_by_series(casualties.totals.model)
    assert "Civilians" not in totals["Monitor A yearly count"]  # nobody gave it: no 0 column


def test_source_cells_carry_title_publisher_and_address_and_confidence_shows(qtbot, sample_dataset):
    _, casualties, _ = make_panels(qtbot, sample_dataset, "2004", "2004")
    model = casualties.table_model
    tip = cell(model, "cas-2004-h1-press", "source", TOOLTIP)
    assert "Newspaper item B" in tip
    assert "Published by Paper B, July 2004" in tip
    assert "https://example.org/b" in tip
    assert cell(model, "cas-2004-h1-press", "confidence") == "medium"
    assert cell(model, "cas-2004-h1", "confidence") == "high"
    assert "Newspaper item B: medium" in cell(model, "cas-2004-h1-press", "confidence", TOOLTIP)


def test_a_note_explaining_an_odd_figure_is_shown(qtbot, sample_dataset):
    odd = dataclasses.replace(
        sample_dataset.record("cas-2005"),
        total=Count(70),
        note="Ten times the year before; the report may have a typing error.",
    )
    casualties = tuple(odd if c.id == "cas-2005" else c for c in sample_dataset.casualties)
    dataset = dataclasses.replace(sample_dataset, casualties=casualties)
    _, panel, _ = make_panels(qtbot, dataset, "2005", "2005")
    assert cell(panel.table_model, "cas-2005", "note") == odd.note
    assert cell(panel.table_model, "cas-2005", "note", TOOLTIP) == odd.note


def test_2004_conflict_is_shown_with_both_figures_sources_and_difference(qtbot, sample_dataset):
    _, casualties, clearance = make_panels(qtbot, sample_dataset, "2004", "2004")
    assert [c.id for c in casualties.conflicts.conflicts] == ["conflict-2004-h1"]
    assert casualties.conflicts.isVisibleTo(casualties)
    assert not clearance.conflicts.isVisibleTo(clearance)
    text = casualties.conflicts.toPlainText()
    assert "Disputed: casualties in the first half of 2004" in text
    assert "Annual report A" in text and "Newspaper item B" in text
    assert "The newspaper counts six fewer." in text
    html = casualties.conflicts.toHtml()
    assert "https://example.org/a" in html and "https://example.org/b" in html
    lines = text.splitlines()
    # Side by side: each figure's row holds both values and the difference.
    killed = lines[lines.index("Killed") : lines.index("Killed") + 4]
    assert killed == ["Killed", "11", "8", "3"]
    total = lines[lines.index("Total") : lines.index("Total") + 4]
    assert total == ["Total", "30", "24", "6"]
    # The newspaper gives no injured figure: nothing to compare, so it is named, not tabled.
    assert "Injured" not in lines
    assert "Given by one record only: Injured." in lines
    note = cell(casualties.table_model, "cas-2004-h1", "note")
    assert note == "Disputed: casualties in the first half of 2004 (see “Disputed figures”)"


def test_a_conflicting_report_outside_the_period_is_still_shown_beside_the_listed_one(
    qtbot, sample_dataset
):
    # A ministry count for 2006 disputes the monitor's 2005 figure as published a year later.
    later = CasualtyReport(
        id="cas-2005-ministry",
        date=Period.parse("2006"),
        span=Span.ANNUAL,
        scope="area-a",
        organisation="Ministry C",
        sources=("src-c",),
        total=Count(12),
    )
    dataset = dataclasses.replace(
        sample_dataset,
        casualties=(*sample_dataset.casualties, later),
        conflicts=(
            *sample_dataset.conflicts,
            Conflict("conflict-2005", "casualties in 2005", ("cas-2005", "cas-2005-ministry")),
        ),
    )
    _, casualties, _ = make_panels(qtbot, dataset, "2005", "2005")
    assert "cas-2005-ministry" not in table_rows(casualties.table_model)
    text = casualties.conflicts.toPlainText()
    assert "cas-2005" in text and "cas-2005-ministry" in text
    assert "outside the selected period" in text
    lines = text.splitlines()
    total = lines[lines.index("Total") : lines.index("Total") + 4]
    assert total == ["Total", "7", "12", "5"]


def test_everything_lists_every_report_and_says_where_a_total_misses_figures(qtbot, sample_dataset):
    _, casualties, clearance = make_panels(qtbot, sample_dataset)
    within, partial = grouped_ids(casualties.table_model)
    assert set(within) | set(partial) == {c.id for c in sample_dataset.casualties}
    assert partial == ["cas-asof-2019"]  # its start is unknown, so it may reach before 1991
    totals = totals_by_series(casualties.totals.model)["Monitor A yearly count"]
    assert totals["Reports added"] == "3"
    assert totals["Total"] == "62"
    assert totals["Killed"] == "≥ 19 (unknown in 1 of 3)"
    assert totals["Children"] == "≥ 3 (unknown in 2 of 3)"
    clearance_totals = totals_by_series(clearance.totals.model)["Yearly clearance"]
    assert clearance_totals["Manual clearance area"] == "≥ 2.30 km² (unknown in 1 of 2)"
    shown = casualties.totals.figures.text()
    assert "Killed <b>≥ 19</b> <small>(unknown in 1 of 3)</small>" in shown
    assert "unknown for 1" in casualties.totals.explanation.text()
    # Five reports are not added: the list is there but closed until asked for.
    toggle = casualties.totals.left_out_button
    assert toggle.text() == "Why 5 reports are not added"
    assert not toggle.isChecked()
    assert not casualties.totals.left_out.isVisibleTo(casualties)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert casualties.totals.left_out.isVisibleTo(casualties)
    assert "4 June 2021, Ministry C: an incident report outside any series" in (
        casualties.totals.left_out.text()
    )


def test_three_disputing_reports_are_lettered_and_compared_where_they_give_a_figure(
    qtbot, sample_dataset
):
    three = Conflict(
        "conflict-2004", "casualties in 2004", ("cas-2004", "cas-2004-h1", "cas-2004-h1-press")
    )
    dataset = dataclasses.replace(sample_dataset, conflicts=(three,))
    _, casualties, _ = make_panels(qtbot, dataset, "2004", "2004")
    lines = casualties.conflicts.toPlainText().splitlines()
    assert "Monitor A, 2004" in lines  # the key: A, B, C, each with its period and source
    assert "Paper B, January 2004 – June 2004" in lines
    assert lines[lines.index("Monitor A, 2004") - 1] == "A"
    assert lines[lines.index("Paper B, January 2004 – June 2004") - 1] == "C"
    assert "Source: Newspaper item B (Paper B)" in lines
    injured = lines[lines.index("Injured") : lines.index("Injured") + 5]
    assert injured == ["Injured", "24", "19", "—", "5 (between the 2 that give it)"]
    total = lines[lines.index("Total") : lines.index("Total") + 5]
    assert total == ["Total", "34", "30", "24", "10"]
