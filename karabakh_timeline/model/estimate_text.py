"""Estimates in words, one way for every view: the panels, ``summary`` and the export footer.

A line reads, for example, "Total, Azerbaijan, areas under its government's control: at least
38 (AzCBL, January 2022 – July 2022) · at most 305 (ANAMA,
November 2020 – 4 September 2023); the lower bound covers 58 % of the period". Each bracketed
attribution is a piece that names its reports, so a view can make it a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from karabakh_timeline.model.estimates import Derived, Estimate, Part
from karabakh_timeline.model.figure_names import figure_label
from karabakh_timeline.model.figures import Qualifier
from karabakh_timeline.model.query import year_list
from karabakh_timeline.model.records import Counts, Dataset
from karabakh_timeline.model.report_scope import scope_name

SEPARATOR = " · "
FIGURES_HEADING = "Figures for this period"


@dataclass(frozen=True, slots=True)
class Piece:
    """Some words of an estimate; ``reports`` are the ids they stand for (a link), if any."""

    text: str
    reports: tuple[str, ...] = ()


def estimate_heading(dataset: Dataset, estimate: Estimate) -> str:
    """'Total, Karabakh Armenian-held areas' and what is counted where it is not the usual."""
    heading = f"{figure_label(estimate.figure)}, {scope_name(dataset, estimate.scope)}"
    definition = _definition_words(estimate.counts)
    return f"{heading} ({definition})" if definition else heading


def _definition_words(counts: str) -> str:
    if counts == "clearance":
        return ""
    try:
        kind = Counts(counts)
    except ValueError:
        return counts  # a clearance activity other than clearance itself: 'survey'
    return "" if kind is Counts.MINE_ERW else kind.description


def estimate_pieces(dataset: Dataset, estimate: Estimate) -> list[Piece]:
    """The bounds, with the reports behind each, then what the answer covers."""
    lower, upper = estimate.lower, estimate.upper
    pieces: list[Piece] = []
    if lower is None and upper is None:
        pieces.append(Piece("no bound: the reports only partly overlap this period"))
    elif lower is not None and upper is not None and _same(lower, upper):
        pieces += [Piece(f"{estimate.amount(lower.value)} "), *_attribution(lower)]
    else:
        if estimate.is_conflict:
            pieces.append(Piece("conflict: "))
        if lower is not None:
            pieces += [Piece(f"at least {estimate.amount(lower.value)} "), *_attribution(lower)]
        if upper is not None:
            if lower is not None:
                pieces.append(Piece(" but " if estimate.is_conflict else SEPARATOR))
            pieces += [Piece(f"at most {estimate.amount(upper.value)} "), *_attribution(upper)]
    pieces += [Piece(text) for text in _coverage_words(estimate)]
    return pieces


def estimate_text(dataset: Dataset, estimate: Estimate) -> str:
    """The whole line: heading, bounds and coverage."""
    body = "".join(piece.text for piece in estimate_pieces(dataset, estimate))
    return f"{estimate_heading(dataset, estimate)}: {body}"


def estimates_text(dataset: Dataset, estimates: tuple[Estimate, ...]) -> list[str]:
    return [estimate_text(dataset, estimate) for estimate in estimates]


def _same(lower: Part, upper: Part) -> bool:
    return lower.value == upper.value and lower.qualifier is upper.qualifier is Qualifier.EXACT


def _attribution(part: Part) -> list[Piece]:
    """'(ANAMA, 2022)' as one link; a sum or a difference names each of its reports."""
    if len(part.reports) == 1 and not part.derived:
        return [Piece(f"({part.who}, {part.period_text()})", part.reports)]
    how = "derived from" if part.derived else "added up"
    pieces = [Piece(f"({part.who}, {part.period_text()}, ")]
    pieces.append(Piece(f"{how} "))
    for index, report_id in enumerate(part.reports):
        if index:
            pieces.append(Piece(", "))
        pieces.append(Piece(report_id, (report_id,)))
    pieces.append(Piece(")"))
    return pieces


def _coverage_words(estimate: Estimate) -> list[str]:
    words = []
    if estimate.lower is not None and estimate.coverage is not None and estimate.coverage < 1:
        share = max(1, round(estimate.coverage * 100))
        words.append(f"; the lower bound covers {share} % of the period")
    if estimate.missing_years:
        words.append(f"; no figure inside the period for {year_list(estimate.missing_years)}")
    return words


def _part_json(part: Part | None) -> dict[str, Any] | None:
    if part is None:
        return None
    return {
        "value": part.value,
        "qualifier": part.qualifier.value,
        "from": None if part.open_start else part.first.isoformat(),
        "to": part.last.isoformat(),
        "reports": list(part.reports),
        "derived": part.derived,
    }


def _derived_json(derived: Derived) -> dict[str, Any]:
    return {
        "value": derived.value,
        "qualifier": None if derived.is_revision else derived.qualifier.value,
        "from": derived.first.isoformat(),
        "to": derived.last.isoformat(),
        "reports": list(derived.reports),
        "revision": derived.is_revision,
        "how": derived.how,
    }


def estimate_json(dataset: Dataset, estimate: Estimate) -> dict[str, Any]:
    """One entry of a panel's ``estimates`` in ``summary --json``."""

    def number(part: Part | None) -> float | int | None:
        if part is None:
            return None
        return part.value if estimate.is_area else round(part.value)

    return {
        "figure": estimate.figure,
        "scope": estimate.scope,
        "scope_name": scope_name(dataset, estimate.scope),
        "counts": estimate.counts,
        "lower": number(estimate.lower),
        "upper": number(estimate.upper),
        "lower_bound": _part_json(estimate.lower),
        "upper_bound": _part_json(estimate.upper),
        "conflict": estimate.is_conflict,
        "derived": [_derived_json(d) for d in estimate.derived],
        "coverage": {
            "share": estimate.coverage,
            "years_without_figure": list(estimate.missing_years),
        },
        "reports": list(estimate.reports),
        "how": estimate_text(dataset, estimate),
    }
