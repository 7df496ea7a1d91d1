"""The place filter as a removable chip: 'Place: Kalbajar ✕'; a click (or Esc) removes it."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton, QWidget

from karabakh_timeline.model.place_names import place_name
from karabakh_timeline.model.records import Dataset
from karabakh_timeline.ui.selection import Selection


def chip_text(dataset: Dataset, selection: Selection) -> str:
    names = sorted(
        place_name(dataset.places[p], selection.naming)
        for p in selection.places
        if p in dataset.places
    )
    if not names:
        return ""
    what = "Place" if len(names) == 1 else f"{len(names)} places"
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return f"{what}: {shown}  ✕"


class PlaceChip(QToolButton):
    def __init__(self, dataset: Dataset, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("placeChip")
        self.setAutoRaise(False)
        self.setStyleSheet(
            "QToolButton#placeChip { border: 1px solid #0072B2; border-radius: 9px;"
            " background: #E3F0F9; padding: 1px 8px; }"
        )
        self.setToolTip(
            "Events and reports are shown for these places only: click or Esc to show all"
        )
        self.dataset = dataset
        self._selection = selection
        self.clicked.connect(selection.clear_places)
        selection.places_changed.connect(self.refresh)
        selection.naming_changed.connect(self.refresh)
        self.refresh()

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.refresh()

    def refresh(self, *_: object) -> None:
        text = chip_text(self.dataset, self._selection)
        self.setText(text)
        self.setVisible(bool(text))
