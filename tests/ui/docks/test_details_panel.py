"""The details panel: an event in full, its sources as links, disputed figures side by side."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from karabakh_timeline.model.loader import load_dataset
from karabakh_timeline.ui.docks.details_panel import DetailsPanel
from karabakh_timeline.ui.selection import Selection


def make_panel(qtbot, dataset):  # type: ignore[no-untyped-def]
    selection = Selection()
    panel = DetailsPanel(dataset, selection)
    qtbot.addWidget(panel)
    return panel, selection


def test_empty_until_an_event_is_selected(qtbot, sample_dataset):
    panel, selection = make_panel(qtbot, sample_dataset)
    assert panel.shown_event_id is None
    assert "Click an event" in panel.toPlainText()
    selection.set_event("ev-2021-maps")
    assert panel.shown_event_id == "ev-2021-maps"
    selection.set_event(None)
    assert "Click an event" in panel.toPlainText()


def test_shows_the_event_with_its_places_figures_and_sources(qtbot, sample_dataset):
    panel, selection = make_panel(qtbot, sample_dataset)
    selection.set_event("ev-2021-maps")
    text = panel.toPlainText()
    assert "Mine maps of Zangilan handed over" in text
    assert "3 July 2021 · Politics" in text
    assert "Zangilan (also Zengilan, Kovsakan, Zəngilan)" in text
    assert "Mines on maps: ~92,000" in text
    assert "Ministry statement C" in text and "Ministry C, 1 August 2021" in text


def test_dates_keep_their_precision(qtbot, sample_dataset):
    panel, selection = make_panel(qtbot, sample_dataset)
    selection.set_event("ev-1995-programme")
    assert "1995 – 1996 · Clearance" in panel.toPlainText()
    selection.set_event("ev-2004-aghdam")
    assert "June 2004 · Incidents" in panel.toPlainText()


def test_source_addresses_are_links_that_open_in_a_browser(qtbot, sample_dataset, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel, selection = make_panel(qtbot, sample_dataset)
    selection.set_event("ev-2004-aghdam")
    assert '<a href="https://example.org/b">' in panel.toHtml()
    with qtbot.waitSignal(panel.link_opened, timeout=1000):
        panel.anchorClicked.emit(QUrl("https://example.org/b"))
    assert opened == [QUrl("https://example.org/b")]


def test_conflicting_reports_are_shown_side_by_side(qtbot, tmp_path):
    (tmp_path / "d.yaml").write_text(
        textwrap.dedent(
            """
            sources:
              - {id: a, title: Army statement, publisher: Army, url: "https://example.org/army"}
              - {id: b, title: Rights report, publisher: Rights group}
            categories: [{id: c, label: Incidents}]
            events:
              - {id: e1, date: 2021-05-02, category: c, title: Blast near a village,
                 description: One account., figures: {killed: 3}, sources: [a]}
              - {id: e2, date: 2021-05-02, category: c, title: Blast (second account),
                 description: Another account., figures: {killed: 5}, sources: [b]}
            conflicts:
              - {id: k, quantity: people killed in the blast, records: [e1, e2],
                 note: The two accounts differ by two.}
            """
        ),
        encoding="utf-8",
    )
    panel, selection = make_panel(qtbot, load_dataset(tmp_path))
    selection.set_event("e1")
    text = panel.toPlainText()
    assert "Disputed: people killed in the blast" in text
    assert "Army statement" in text and "Rights report" in text  # both sources, side by side
    assert "3" in text and "5" in text and "The two accounts differ by two." in text
