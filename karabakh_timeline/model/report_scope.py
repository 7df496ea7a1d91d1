"""A report's scope and what it counts, in the words every view shows them in."""

from __future__ import annotations

from karabakh_timeline.model.records import CasualtyReport, Counts, Dataset, Report


def scope_name(dataset: Dataset, scope_id: str) -> str:
    """The scope's name ('Karabakh Armenian-held areas'), or its id if the dataset has none."""
    scope = dataset.scopes.get(scope_id)
    return scope.name if scope is not None else scope_id


def counted_text(dataset: Dataset, report: Report) -> str:
    """'Karabakh Armenian-held areas', with '(civilian … only)' where it counts something else."""
    text = scope_name(dataset, report.scope)
    if isinstance(report, CasualtyReport) and report.counts is not Counts.MINE_ERW:
        text += f" ({report.counts.description})"
    return text


def counted_tip(dataset: Dataset, report: Report) -> str:
    """The scope's description and, where it is not the usual, what the report counts."""
    scope = dataset.scopes.get(report.scope)
    tip = (
        scope.description
        if scope is not None and scope.description
        else counted_text(dataset, report)
    )
    if isinstance(report, CasualtyReport) and report.counts is not Counts.MINE_ERW:
        tip += f" This report counts {report.counts.description}."
    return tip
