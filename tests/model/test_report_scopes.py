"""What a report counts and where (scope, counts) and how a series' reports relate (kind)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from karabakh_timeline.model.loader import check_dataset, load_dataset
from karabakh_timeline.model.records import CasualtyReport, Counts, SeriesKind, Span

HEAD = """\
sources: [{id: s, title: T, publisher: P}]
scopes:
  - {id: north, name: The north, description: Land north of the river.}
  - {id: south, name: The south}
"""


def problems_of(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "d.yaml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    dataset, problems = check_dataset(path)
    assert (dataset is None) == bool(problems)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in problems]


def test_scopes_counts_and_series_kinds_are_read(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        HEAD
        + textwrap.dedent(
            """\
            series: [{id: run, label: Running total, kind: cumulative}]
            casualties:
              - {id: a, date: {start: 1995, end: 2010}, span: cumulative, scope: north,
                 series: run, organisation: O, total: 330, sources: [s]}
              - {id: b, date: 1996, span: annual, scope: south, counts: all-explosions,
                 organisation: O, total: 5, sources: [s]}
            """
        ),
        encoding="utf-8",
    )
    dataset = load_dataset(path)
    assert dataset.scopes["north"].name == "The north"
    assert dataset.scopes["north"].description == "Land north of the river."
    assert dataset.series["run"].kind is SeriesKind.CUMULATIVE
    first, second = dataset.casualties
    assert isinstance(first, CasualtyReport) and isinstance(second, CasualtyReport)
    assert (first.span, first.scope, first.counts) == (Span.CUMULATIVE, "north", Counts.MINE_ERW)
    assert (second.scope, second.counts) == ("south", Counts.ALL_EXPLOSIONS)


def test_a_report_without_a_known_scope_is_refused(tmp_path: Path) -> None:
    assert problems_of(
        tmp_path,
        """\
        casualties:
          - {id: a, date: 1996, span: annual, organisation: O, total: 5, sources: [s]}
          - {id: b, date: 1996, span: annual, scope: east, organisation: O, sources: [s]}
        clearance:
          - {id: c, date: 1996, span: annual, scope: north, activity: clearance,
             organisation: O, counts: civilians, sources: [s]}
        """,
    ) == [
        "d.yaml:6: a casualty report is missing the field 'scope'",
        "d.yaml:7: unknown scope 'east': no entry of 'scopes' has this id",
        "d.yaml:10: unknown field 'counts' in a clearance report",
    ]


def test_an_old_style_span_in_scope_says_what_to_write(tmp_path: Path) -> None:
    assert problems_of(
        tmp_path,
        """\
        casualties:
          - {id: a, date: 1996, scope: annual, organisation: O, total: 5, sources: [s]}
        """,
    ) == [
        "d.yaml:6: a casualty report is missing the field 'span'",
        "d.yaml:6: 'scope' names the territory or population counted (an entry of 'scopes'); "
        "'annual' is the kind of period: write 'span: annual' and give the scope's id",
    ]


def test_counts_and_kind_must_be_known_words(tmp_path: Path) -> None:
    assert problems_of(
        tmp_path,
        """\
        series:
          - {id: yearly, label: Yearly}
          - {id: other, label: Other, kind: sometimes}
        casualties:
          - {id: a, date: 1996, span: annual, scope: north, counts: soldiers,
             organisation: O, sources: [s]}
        """,
    ) == [
        "d.yaml:6: a series is missing the field 'kind'",
        "d.yaml:7: 'kind' is 'sometimes'; it must be one of: additive, cumulative",
        "d.yaml:9: 'counts' is 'soldiers'; it must be one of: "
        "mine-erw, all-explosions, civilians, attack",
    ]


def test_a_series_counts_one_scope(tmp_path: Path) -> None:
    assert problems_of(
        tmp_path,
        """\
        series: [{id: yearly, label: Yearly, kind: additive}]
        casualties:
          - {id: a, date: 1996, span: annual, scope: north, series: yearly, organisation: O,
             total: 5, sources: [s]}
          - {id: b, date: 1997, span: annual, scope: south, series: yearly, organisation: O,
             total: 5, sources: [s]}
        """,
    ) == [
        "d.yaml:9: 'b' has the scope 'south' but 'a' in the same series 'yearly' has 'north': "
        "a series counts one scope"
    ]


def test_running_totals_of_one_series_share_a_start_and_may_overlap(tmp_path: Path) -> None:
    assert problems_of(
        tmp_path,
        """\
        series: [{id: run, label: Running, kind: cumulative}]
        casualties:
          - {id: a, date: {start: 1995, end: 2010}, span: cumulative, scope: north,
             series: run, organisation: O, total: 330, sources: [s]}
          - {id: b, date: {start: 1995, end: 2013}, span: cumulative, scope: north,
             series: run, organisation: O, total: 342, sources: [s]}
          - {id: c, date: {start: 1996, end: 2014}, span: cumulative, scope: north,
             series: run, organisation: O, total: 351, sources: [s]}
        """,
    ) == [
        "d.yaml:11: 'c' starts at 1996 but 'a' in the cumulative series 'run' starts elsewhere: "
        "running totals of one series share a start"
    ]


def test_every_bundled_report_names_a_defined_scope_and_every_series_a_kind() -> None:
    dataset = load_dataset()
    assert {"karabakh-armenian-held", "azerbaijan"} <= set(dataset.scopes)
    for report in (*dataset.casualties, *dataset.clearance):
        assert report.scope in dataset.scopes, report.id
    assert dataset.series["lm-running-total"].kind is SeriesKind.CUMULATIVE
    assert dataset.series["lm-annual"].kind is SeriesKind.ADDITIVE
    moh = dataset.record("cas-moh-1993-1999")
    assert isinstance(moh, CasualtyReport) and moh.counts is Counts.ALL_EXPLOSIONS
