"""The clearance panel shows land released per hazard the way mine action counts it."""

from __future__ import annotations

from panels_support import cell, make_panels, totals_by_series

from karabakh_timeline.model.loader import load_dataset


def test_2017_shows_land_cancelled_reduced_and_cleared_for_mines_and_cluster_munitions(qtbot):
    _, _, clearance = make_panels(qtbot, load_dataset(), "2017", "2017")
    land = cell(clearance.table_model, "clr-halo-2017", "land")
    assert land == (
        "mines: cancelled 0.29 km², reduced 0.27 km², cleared 0.29 km², cancelled in the "
        "database 0.13 km²; cluster munitions: reduced 0.26 km², cleared 1.1 km²"
    )
    totals = totals_by_series(clearance.totals.model)
    halo = next(figures for label, figures in totals.items() if label.startswith("HALO"))
    assert {name: halo[name] for name in halo if name.startswith(("Mines", "Cluster"))} == {
        "Mines cancelled": "29.0 ha",
        "Mines reduced": "27.0 ha",
        "Mines cleared": "29.0 ha",
        "Mines cancelled in the database": "13.0 ha",
        "Cluster munitions reduced": "26.0 ha",
        "Cluster munitions cleared": "1.10 km²",
    }


def test_a_contamination_snapshot_says_what_remains_and_why_the_baseline_jumped(qtbot):
    _, _, clearance = make_panels(qtbot, load_dataset(), "2010-01", "2010-01")
    land = cell(clearance.table_model, "clr-mined-area-2010-01-revised", "land")
    assert land.startswith("remaining: mines: suspected 9.9 km², before re-survey 7 km²")


def test_the_casualty_panel_sets_the_incident_log_beside_the_official_counts(qtbot):
    _, casualties, _ = make_panels(qtbot, load_dataset(), "2023", "2023")
    note = casualties.coverage.text()
    assert "Incident log: Azerbaijani-controlled areas:" in note
    assert "of the 305 casualties ANAMA (Vugar Suleymanov) counts for November 2020 –" in note
    assert "never added to the official counts" in note
    # No incident is logged in 2009, but the Monitor's running total to 2010 holds a few.
    _, quiet, _ = make_panels(qtbot, load_dataset(), "2009", "2009")
    assert "Incident log:" not in quiet.coverage.text()
    assert "of the 330 casualties Landmine Monitor" in quiet.coverage.text()
