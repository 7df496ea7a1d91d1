"""The bundled dataset's incident log, land release and corrections, as a reader meets them."""

from __future__ import annotations

import pytest

from karabakh_timeline.model.dates import DateRange, PartialDate
from karabakh_timeline.model.incident_log import incident_coverage, log_series
from karabakh_timeline.model.land_release import area_of
from karabakh_timeline.model.loader import incident_report_id, load_dataset
from karabakh_timeline.model.query import summarize
from karabakh_timeline.model.records import CasualtyReport, ClearanceReport, Dataset, Span
from karabakh_timeline.model.summary_text import summary_text


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_dataset()


def year(value: int) -> DateRange:
    day = PartialDate.parse(str(value))
    return DateRange(day.first_day(), day.last_day())


def incidents(dataset: Dataset) -> list[CasualtyReport]:
    logs = log_series(dataset)
    return [r for r in dataset.casualties if r.series in logs]


def test_the_log_holds_well_over_a_hundred_incidents_each_sourced_and_placed(
    bundled: Dataset,
) -> None:
    logged = incidents(bundled)
    assert len(logged) > 100
    for report in logged:
        assert report.span is Span.INCIDENT
        addresses = [bundled.sources[s].url for s in report.sources]
        assert any(addresses), report.id
        place = bundled.places[report.places[0]]
        assert place.latitude is not None and place.longitude is not None, report.id
        event = bundled.record(report.id.removesuffix(".casualties"))
        assert event is not None and incident_report_id(event.id) == report.id


def test_one_incident_is_one_record(bundled: Dataset) -> None:
    seen = {}
    for report in incidents(bundled):
        key = (report.date, report.places, report.killed, report.injured)
        assert key not in seen, (report.id, seen.get(key))
        seen[key] = report.id
    # The article's three post-war incidents are in the log, not beside it a second time.
    kalbajar = [
        r
        for r in bundled.casualties
        if r.date.display() == "4 June 2021" and "kalbajar" in r.places
    ]
    assert len([r for r in kalbajar if r.series]) == 1


@pytest.mark.parametrize("chosen", [2021, 2022, 2023])
def test_summary_lists_the_log_beside_the_official_counts(bundled: Dataset, chosen: int) -> None:
    text = summary_text(bundled, summarize(bundled, year(chosen)))
    block = text.split("Incident log beside the official counts:", 1)[1]
    assert "Incident log: Azerbaijani-controlled areas:" in block
    assert "the incidents logged account for" in block
    coverage = incident_coverage(bundled, year(chosen))
    azerbaijan = next(log for log in coverage.logged if log.series_id == "incident-log-azerbaijan")
    assert azerbaijan.incidents > 5
    assert f"{azerbaijan.incidents} incidents" in block


def test_the_log_is_set_against_anamas_305_and_never_added_to_it(bundled: Dataset) -> None:
    coverage = incident_coverage(bundled, year(2023))
    line = next(line for line in coverage.lines if line.report_id == "cas-anama-sep-2023")
    assert line.official.value == 305
    assert 0 < line.logged_number < 305
    assert line.display().startswith(
        f"the incidents logged account for at least {line.logged_number}"
    )
    assert "of the 305 casualties ANAMA" in line.display()
    # The official series totals stay what the official reports say.
    summary = summarize(bundled, year(2023))
    for total in summary.casualties.totals.by_series:
        assert not total.series_id.startswith("incident-log") or all(
            bundled.record(rid).series == total.series_id for rid in total.reports
        )


def test_halo_2017_releases_land_by_each_way_for_mines_and_cluster_munitions(
    bundled: Dataset,
) -> None:
    report = bundled.record("clr-halo-2017")
    assert isinstance(report, ClearanceReport)
    shown = {
        (hazard, way): area_of(report.release, hazard, way).display()  # type: ignore[union-attr]
        for hazard, way in [
            ("mines", "cancelled"), ("mines", "reduced"), ("mines", "cleared"),
            ("mines", "cancelled_in_database"),
            ("cluster_munitions", "reduced"), ("cluster_munitions", "cleared"),
        ]
    }  # fmt: skip
    assert shown == {
        ("mines", "cancelled"): "0.29 km²",
        ("mines", "reduced"): "0.27 km²",
        ("mines", "cleared"): "0.29 km²",
        ("mines", "cancelled_in_database"): "0.13 km²",
        ("cluster_munitions", "reduced"): "0.26 km²",
        ("cluster_munitions", "cleared"): "1.1 km²",
    }


def test_the_audits_corrections_are_in(bundled: Dataset) -> None:
    conflicts = {c.id: c for c in bundled.conflicts}
    for gone in ("conf-2004-clearance", "conf-infobox-vs-sources", "conf-map-accuracy"):
        assert gone not in conflicts
    assert conflicts["conf-2004-casualties"].records == ("cas-lm-2004-h1", "cas-lm-2004")
    assert "cas-undp-truce-ap" in conflicts["conf-undp-injured"].records
    assert {"cas-lm-1995-2017", "cas-lm-1995-2016", "cas-lm-2017"} <= set(
        conflicts["conf-monitor-1995-2017"].records
    )
    assert "azernews-2021-12" not in bundled.sources
    assert bundled.sources["azernews-2022-03"].date.iso() == "2022-03-02"  # type: ignore[union-attr]
    article = bundled.record("cas-post-2020-article")
    assert isinstance(article, CasualtyReport) and article.killed.value == 25  # type: ignore[union-attr]
    assert bundled.places["nagorno-karabakh"].latitude != bundled.places["stepanakert"].latitude
    assert "Lachin" not in bundled.places["kashatagh"].all_names
