"""Who reported a figure, in as many words as there is room for.

A report's ``organisation`` is free text: the organisation, by its name or its short name, maybe
followed by a person or a channel in brackets ("ANAMA (Vugar Suleymanov)", "HALO Trust (via
Landmine Monitor)"). The dataset's ``organisations`` say what each is called in full and in
short, so table cells, the count track and picture footers can write "AzCBL" while tooltips
and the inspector write "Azerbaijan Campaign to Ban Landmines". Pure Python, no Qt.
"""

from __future__ import annotations

from karabakh_timeline.model.records import Dataset, Organisation


def _lead(text: str) -> str:
    """'HALO Trust (via Landmine Monitor)' -> 'HALO Trust'."""
    return text.split(" (", 1)[0].strip()


def organisation_named(dataset: Dataset, text: str) -> Organisation | None:
    """The listed organisation a report's text names, by its name or short name, or None."""
    wanted = {text.strip().casefold(), _lead(text).casefold()}
    for organisation in dataset.organisations.values():
        names = {organisation.name.casefold()}
        if organisation.short_name:
            names.add(organisation.short_name.casefold())
        if names & wanted:
            return organisation
    return None


def listed_short_name(dataset: Dataset, text: str) -> str | None:
    """The short name of the organisation the text names, where the dataset lists one."""
    organisation = organisation_named(dataset, text)
    if organisation is None:
        return None
    return organisation.short_name or organisation.name


def short_organisation(dataset: Dataset, text: str) -> str:
    """Who, in few words, without the person or the channel: 'Azerbaijan Campaign to Ban
    Landmines (Hafiz Safikhanov)' -> 'AzCBL'; an organisation the dataset does not list keeps
    its own words, less what is in brackets."""
    return listed_short_name(dataset, text) or _lead(text)


def organisation_in_short(dataset: Dataset, text: str) -> str:
    """For a table cell: the short name of a listed organisation, else the whole text (an
    unlisted "Another account (Trend)" would say nothing without its bracket)."""
    return listed_short_name(dataset, text) or text


def organisation_in_full(dataset: Dataset, text: str) -> str:
    """The text with the organisation's full name where it is not already there: 'ANAMA
    (Vugar Suleymanov)' -> 'ANAMA (Vugar Suleymanov) — Azerbaijan National Agency for Mine
    Action'."""
    organisation = organisation_named(dataset, text)
    if organisation is None or organisation.name.casefold() in text.casefold():
        return text
    return f"{text} — {organisation.name}"
