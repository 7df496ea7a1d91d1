"""Dates keep the precision of their source; a record lies within, partly in or outside a period."""

from __future__ import annotations

import datetime as dt

import pytest

from karabakh_timeline.model.dates import (
    FULL_RANGE,
    DateError,
    DateRange,
    Overlap,
    PartialDate,
    Period,
    Precision,
)

D = dt.date


def period(start: str | None, end: str | None = "same") -> Period:
    """``period("2004")`` is a point; ``period("1993-06", "1999-05")`` a span; None an open end."""
    if end == "same":
        assert start is not None
        return Period.point(PartialDate.parse(start))
    return Period.parse(start, end)


def year(number: int) -> DateRange:
    return DateRange(D(number, 1, 1), D(number, 12, 31))


class TestParse:
    @pytest.mark.parametrize(
        ("text", "parts", "precision"),
        [
            ("2004", (2004, None, None), Precision.YEAR),
            ("2004-06", (2004, 6, None), Precision.MONTH),
            ("2021-07-03", (2021, 7, 3), Precision.DAY),
            (" 2004-06 ", (2004, 6, None), Precision.MONTH),
            ("2024-02-29", (2024, 2, 29), Precision.DAY),
        ],
    )
    def test_valid_dates_keep_their_precision(
        self, text: str, parts: tuple[int, int | None, int | None], precision: Precision
    ) -> None:
        date = PartialDate.parse(text)
        assert (date.year, date.month, date.day) == parts
        assert date.precision is precision
        assert date.iso() == text.strip()

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("2023-02-30", "'2023-02-30' is not a real day: February 2023 has 28 days"),
            ("2023-02-29", "'2023-02-29' is not a real day: February 2023 has 28 days"),
            ("1900-02-29", "'1900-02-29' is not a real day: February 1900 has 28 days"),
            ("2023-04-31", "'2023-04-31' is not a real day: April 2023 has 30 days"),
            ("2023-13", "'2023-13' has no month 13"),
            ("2023-00", "'2023-00' has no month 0"),
            ("2023-01-00", "'2023-01-00' is not a real day: January 2023 has 31 days"),
            ("0000", "'0000' has no year 0"),
            ("2004-6", "'2004-6' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
            ("June 2004", "'June 2004' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
            ("", "'' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
            (
                "2004-06-03T10:00",
                "'2004-06-03T10:00' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
            ),
        ],
    )
    def test_impossible_dates_are_refused_with_the_reason(self, text: str, message: str) -> None:
        with pytest.raises(DateError) as caught:
            PartialDate.parse(text)
        assert str(caught.value) == message

    def test_a_date_error_is_a_value_error(self) -> None:
        # argparse and callers that only know ValueError still catch it.
        with pytest.raises(ValueError):
            PartialDate.parse("2023-02-30")


class TestDays:
    @pytest.mark.parametrize(
        ("text", "first", "last"),
        [
            ("2004", D(2004, 1, 1), D(2004, 12, 31)),
            ("2004-02", D(2004, 2, 1), D(2004, 2, 29)),
            ("2003-02", D(2003, 2, 1), D(2003, 2, 28)),
            ("2004-06", D(2004, 6, 1), D(2004, 6, 30)),
            ("2021-07-03", D(2021, 7, 3), D(2021, 7, 3)),
        ],
    )
    def test_a_date_covers_every_day_of_its_precision(
        self, text: str, first: dt.date, last: dt.date
    ) -> None:
        date = PartialDate.parse(text)
        assert (date.first_day(), date.last_day()) == (first, last)

    def test_dates_of_mixed_precision_sort_by_the_days_they_cover(self) -> None:
        texts = ["2005", "2004-06", "2004", "2003-12-31", "2004-01-01"]
        ordered = sorted(PartialDate.parse(t) for t in texts)
        assert [d.iso() for d in ordered] == ["2003-12-31", "2004-01-01", "2004", "2004-06", "2005"]
        assert PartialDate.parse("2004") < PartialDate.parse("2004-06")
        assert PartialDate.parse("2004-06") > PartialDate.parse("2004-05-31")
        assert PartialDate.parse("2004") != PartialDate.parse("2004-01")


class TestDisplay:
    @pytest.mark.parametrize(
        ("record", "shown"),
        [
            (period("2004"), "2004"),
            (period("2004-06"), "June 2004"),
            (period("2021-07-03"), "3 July 2021"),
            (period("1993-06", "1999-05"), "June 1993 – May 1999"),
            (period("1995", "1996"), "1995 – 1996"),
            (period("2020-09-27", "2020-11-10"), "27 September 2020 – 10 November 2020"),
            (period("2023-09-19", "2023-09-20"), "19–20 September 2023"),
            (period(None, "2019"), "until 2019"),
            (period("2020-11", None), "since November 2020"),
            (period(None, None), "undated"),
        ],
    )
    def test_a_period_is_shown_in_its_own_precision(self, record: Period, shown: str) -> None:
        assert record.display() == shown

    def test_a_span_whose_ends_are_equal_is_shown_once(self) -> None:
        assert period("2004", "2004").display() == "2004"
        assert period("2004", "2004").is_point

    def test_json_keeps_the_written_dates_and_the_display(self) -> None:
        assert period("1993-06", "1999-05").to_json() == {
            "start": "1993-06",
            "end": "1999-05",
            "display": "June 1993 – May 1999",
        }
        assert period(None, "2019").to_json() == {
            "start": None,
            "end": "2019",
            "display": "until 2019",
        }

    @pytest.mark.parametrize(
        ("selected", "shown"),
        [
            (year(2004), "2004"),
            (DateRange(D(2003, 1, 1), D(2005, 12, 31)), "2003 – 2005"),
            (DateRange(D(1993, 6, 1), D(1999, 5, 31)), "June 1993 – May 1999"),
            (DateRange(D(2004, 2, 1), D(2004, 2, 29)), "February 2004"),
            (DateRange(D(2021, 7, 3), D(2021, 7, 3)), "3 July 2021"),
            (DateRange(D(2020, 9, 27), D(2020, 11, 10)), "27 September 2020 – 10 November 2020"),
        ],
    )
    def test_a_range_is_shown_in_the_coarsest_exact_words(
        self, selected: DateRange, shown: str
    ) -> None:
        assert selected.display() == shown


class TestRangeFromTexts:
    def test_from_2004_to_2004_means_all_of_2004(self) -> None:
        assert DateRange.from_texts("2004", "2004", FULL_RANGE) == year(2004)

    def test_months_and_days_widen_to_their_first_and_last_day(self) -> None:
        selected = DateRange.from_texts("2004-02", "2004-02", FULL_RANGE)
        assert (selected.first, selected.last) == (D(2004, 2, 1), D(2004, 2, 29))
        selected = DateRange.from_texts("2020-09-27", "2020-11-10", FULL_RANGE)
        assert (selected.first, selected.last) == (D(2020, 9, 27), D(2020, 11, 10))

    def test_a_missing_end_takes_the_default(self) -> None:
        assert DateRange.from_texts("2004", None, FULL_RANGE) == DateRange(
            D(2004, 1, 1), FULL_RANGE.last
        )
        assert DateRange.from_texts(None, "2004", FULL_RANGE) == DateRange(
            FULL_RANGE.first, D(2004, 12, 31)
        )
        assert DateRange.from_texts(None, None, FULL_RANGE) == FULL_RANGE

    def test_an_end_before_the_start_is_refused(self) -> None:
        with pytest.raises(DateError, match=r"ends \(2003-12-31\) before it starts \(2005-01-01\)"):
            DateRange.from_texts("2005", "2003", FULL_RANGE)

    def test_an_impossible_date_is_refused(self) -> None:
        with pytest.raises(DateError, match="February 2023 has 28 days"):
            DateRange.from_texts("2023-02-30", None, FULL_RANGE)

    def test_the_app_spans_1991_to_2023(self) -> None:
        assert (FULL_RANGE.first, FULL_RANGE.last) == (D(1991, 1, 1), D(2023, 12, 31))
        assert FULL_RANGE.to_json() == {"from": "1991-01-01", "to": "2023-12-31"}


class TestClassify:
    @pytest.mark.parametrize(
        ("record", "selected", "expected"),
        [
            # A year, a month and a day inside the selected year.
            (period("2004"), year(2004), Overlap.WITHIN),
            (period("2004-06"), year(2004), Overlap.WITHIN),
            (period("2004-12-31"), year(2004), Overlap.WITHIN),
            (period("2004-01-01"), year(2004), Overlap.WITHIN),
            # A year is only partly inside half a year.
            (period("2004"), DateRange(D(2004, 1, 1), D(2004, 6, 30)), Overlap.PARTIAL),
            # A month straddles a range that starts in the middle of it.
            (period("2004-06"), DateRange(D(2004, 6, 15), D(2004, 12, 31)), Overlap.PARTIAL),
            # The 1993-06..1999-05 report only partly overlaps 1995.
            (period("1993-06", "1999-05"), year(1995), Overlap.PARTIAL),
            (
                period("1993-06", "1999-05"),
                DateRange(D(1993, 1, 1), D(1999, 12, 31)),
                Overlap.WITHIN,
            ),
            (
                period("1993-06", "1999-05"),
                DateRange(D(1993, 6, 1), D(1999, 5, 31)),
                Overlap.WITHIN,
            ),
            (
                period("1993-06", "1999-05"),
                DateRange(D(1993, 7, 1), D(1999, 5, 31)),
                Overlap.PARTIAL,
            ),
            (period("1993-06", "1999-05"), year(2000), Overlap.OUTSIDE),
            (period("1993-06", "1999-05"), year(1992), Overlap.OUTSIDE),
            # Touching ends: the day after is outside.
            (period("2004-12-31"), year(2005), Overlap.OUTSIDE),
            (period("2004"), DateRange(D(2004, 12, 31), D(2005, 1, 1)), Overlap.PARTIAL),
            # Open ends are never wholly inside: nobody knows where they begin or end.
            (period(None, "2019"), year(2004), Overlap.PARTIAL),
            (period(None, "2019"), FULL_RANGE, Overlap.PARTIAL),
            (period(None, "2019"), year(2020), Overlap.OUTSIDE),
            (period("2020-11", None), year(2019), Overlap.OUTSIDE),
            (period("2020-11", None), year(2021), Overlap.PARTIAL),
            (period("2020-11", None), DateRange(D(2020, 11, 1), D(2023, 12, 31)), Overlap.PARTIAL),
            (period(None, None), year(2004), Overlap.PARTIAL),
        ],
    )
    def test_within_partial_or_outside(
        self, record: Period, selected: DateRange, expected: Overlap
    ) -> None:
        assert selected.classify(record) is expected

    def test_a_range_may_not_end_before_it_starts(self) -> None:
        with pytest.raises(DateError):
            DateRange(D(2005, 1, 1), D(2004, 12, 31))

    def test_sort_key_puts_open_starts_first_and_open_ends_last(self) -> None:
        records = [period("2004"), period("2020-11", None), period(None, "2019"), period("2003")]
        ordered = sorted(records, key=Period.sort_key)
        assert [r.display() for r in ordered] == [
            "until 2019",
            "2003",
            "2004",
            "since November 2020",
        ]


@pytest.mark.parametrize("text", ["٢٠٠٤", "２００４", "2004-0٦", "2²04", "2004\n"[:4] + "-06\n-01"])
def test_a_date_takes_ascii_digits_only(text: str) -> None:
    with pytest.raises(DateError, match="is not a date"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("start", "end", "compact"),
    [
        ("2004-01", "2004-06", "Jan – Jun 2004"),  # the year said once
        ("2008-01", "2008-04-12", "Jan – 12 Apr 2008"),
        ("2023-09-19", "2023-09-20", "19–20 Sep 2023"),
        ("1995", "2008-12", "1995 – Dec 2008"),
        ("2004", "2004", "2004"),
        (None, "2019", "until 2019"),
        ("2020-11", None, "since Nov 2020"),
    ],
)
def test_compact_period_for_narrow_columns(start, end, compact):  # type: ignore[no-untyped-def]
    assert Period.parse(start, end).compact() == compact
