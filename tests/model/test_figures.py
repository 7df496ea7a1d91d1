"""Figures are read as published: exact or qualified, counts without units, areas with theirs."""

from __future__ import annotations

import pytest

from karabakh_timeline.model.figures import (
    Area,
    Count,
    FigureError,
    Qualifier,
    combine_qualifiers,
    format_area_value,
    format_m2,
)

Q = Qualifier


class TestCount:
    @pytest.mark.parametrize(
        ("raw", "value", "qualifier", "shown"),
        [
            (17, 17, Q.EXACT, "17"),
            (0, 0, Q.EXACT, "0"),
            ("17", 17, Q.EXACT, "17"),
            ("1,234", 1234, Q.EXACT, "1,234"),
            ("at least 77", 77, Q.AT_LEAST, "≥ 77"),
            ("more than 100", 100, Q.MORE_THAN, "> 100"),
            ("about 57", 57, Q.ABOUT, "~57"),
            ("at most 25", 25, Q.AT_MOST, "≤ 25"),
            ("about 92000", 92000, Q.ABOUT, "~92,000"),
            ("  at least 3 ", 3, Q.AT_LEAST, "≥ 3"),
        ],
    )
    def test_counts_keep_their_qualifier(
        self, raw: object, value: int, qualifier: Qualifier, shown: str
    ) -> None:
        count = Count.parse(raw)
        assert (count.value, count.qualifier) == (value, qualifier)
        assert count.display() == shown

    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            (-3, "-3 is negative: a count cannot be below 0"),
            ("-3", "'-3' is not a figure"),
            ("at least -3", "'at least -3' is not a figure"),
            (1.5, "1.5 is not a whole number"),
            ("2.5", "'2.5' is not a whole number"),
            (True, "true is not a number"),
            ("3 km2", "'3 km2' is a count and takes no unit"),
            ("77 people", "'77 people' is not a figure"),
            ("roughly 5", "'roughly 5' is not a figure"),
            ("", "'' is not a figure"),
            (None, "None is not a whole number"),
            ([1, 2], "[1, 2] is not a whole number"),
        ],
    )
    def test_what_is_not_a_count_is_refused(self, raw: object, message: str) -> None:
        with pytest.raises(FigureError) as caught:
            Count.parse(raw)
        assert str(caught.value).startswith(message)

    def test_json_carries_value_qualifier_and_display(self) -> None:
        assert Count.parse("at least 3").to_json() == {
            "value": 3,
            "qualifier": "at least",
            "display": "≥ 3",
        }


class TestArea:
    @pytest.mark.parametrize(
        ("raw", "published", "unit", "m2", "qualifier", "shown"),
        [
            (12345, 12345, "m2", 12345, Q.EXACT, "12,345 m²"),
            (2691097, 2691097, "m2", 2691097, Q.EXACT, "2,691,097 m²"),
            ("450000 m2", 450000, "m2", 450000, Q.EXACT, "450,000 m²"),
            ("3.6 km2", 3.6, "km2", 3_600_000, Q.EXACT, "3.6 km²"),
            ("5.14 km2", 5.14, "km2", 5_140_000, Q.EXACT, "5.14 km²"),
            ("41915 ha", 41915, "ha", 419_150_000, Q.EXACT, "41,915 ha"),
            ("about 95000 ha", 95000, "ha", 950_000_000, Q.ABOUT, "~95,000 ha"),
            ("at least 0.004 ha", 0.004, "ha", 40, Q.AT_LEAST, "≥ 0.004 ha"),
            (12.5, 12.5, "m2", 12.5, Q.EXACT, "12.5 m²"),
        ],
    )
    def test_areas_keep_their_published_unit(
        self,
        raw: object,
        published: float,
        unit: str,
        m2: float,
        qualifier: Qualifier,
        shown: str,
    ) -> None:
        area = Area.parse(raw)
        assert (area.published, area.unit, area.qualifier) == (published, unit, qualifier)
        assert area.m2 == pytest.approx(m2)
        assert area.display() == shown

    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            (-5, "-5 is negative: an area cannot be below 0"),
            ("-5 ha", "'-5 ha' is not a figure"),
            (float("nan"), "nan is not an area: write a finite number"),
            (float("inf"), "inf is not an area: write a finite number"),
            ("3 acres", "'3 acres' is not a figure"),
            (False, "false is not an area"),
            ({"ha": 3}, "{'ha': 3} is not an area"),
        ],
    )
    def test_what_is_not_an_area_is_refused(self, raw: object, message: str) -> None:
        with pytest.raises(FigureError) as caught:
            Area.parse(raw)
        assert str(caught.value).startswith(message)

    def test_json_gives_square_metres_and_the_published_form(self) -> None:
        assert Area.parse("about 3.6 km2").to_json() == {
            "m2": 3_600_000.0,
            "published": 3.6,
            "unit": "km2",
            "qualifier": "about",
            "display": "~3.6 km²",
        }


class TestFormatting:
    @pytest.mark.parametrize(
        ("value", "unit", "shown"),
        [
            (3.0, "km2", "3 km²"),
            (3.6, "km2", "3.6 km²"),
            (2.999, "km2", "2.999 km²"),
            (1234.5, "ha", "1,234.5 ha"),
            (0.004, "ha", "0.004 ha"),
        ],
    )
    def test_published_values_are_shown_as_written(
        self, value: float, unit: str, shown: str
    ) -> None:
        assert format_area_value(value, unit) == shown

    @pytest.mark.parametrize(
        ("m2", "shown"),
        [
            (500, "500 m²"),
            (9_999, "9,999 m²"),
            (15_000, "1.5 ha"),
            (3_580_289, "3.58 km²"),
            (45_414_190, "45.41 km²"),
        ],
    )
    def test_computed_areas_pick_a_readable_unit(self, m2: float, shown: str) -> None:
        assert format_m2(m2) == shown


class TestCombineQualifiers:
    @pytest.mark.parametrize(
        ("parts", "combined"),
        [
            ([], Q.EXACT),
            ([Q.EXACT, Q.EXACT], Q.EXACT),
            ([Q.EXACT, Q.AT_LEAST], Q.AT_LEAST),
            ([Q.MORE_THAN, Q.EXACT], Q.AT_LEAST),
            ([Q.AT_LEAST, Q.MORE_THAN], Q.AT_LEAST),
            ([Q.EXACT, Q.ABOUT], Q.ABOUT),
            ([Q.AT_LEAST, Q.ABOUT], Q.ABOUT),
            ([Q.EXACT, Q.AT_MOST], Q.ABOUT),
            ([Q.AT_LEAST, Q.AT_MOST], Q.ABOUT),
        ],
    )
    def test_a_sum_is_exact_only_when_every_part_is(
        self, parts: list[Qualifier], combined: Qualifier
    ) -> None:
        assert combine_qualifiers(parts) is combined


class TestFiguresAreTakenAsWrittenOrRefused:
    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            ("1,,,", "'1,,,' is not a figure"),
            ("12,34", "'12,34' is not a figure"),
            ("١٢", "'١٢' is not a figure"),  # Arabic-Indic digits
            ("１２", "'１２' is not a figure"),  # full-width digits
            ("1²", "'1²' is not a figure"),
            (2**53, "9007199254740992 is too large: a count can be at most 9,007,199,254,740,991"),
            ("9" * 500, "is not a figure: it has more than 400 digits"),
            (10**400, "… (401 characters) is too large"),
            (float("inf"), "inf is too large: a count can be at most 9,007,199,254,740,991"),
            (40.0, "40.0 is not written as a whole number: write its digits"),
        ],
    )
    def test_a_count_that_cannot_be_kept_as_written_is_refused(
        self, raw: object, message: str
    ) -> None:
        with pytest.raises(FigureError) as caught:
            Count.parse(raw)
        assert message in str(caught.value)
        assert "\n" not in str(caught.value)

    def test_the_largest_count_is_kept_exactly(self) -> None:
        assert Count.parse(2**53 - 1).value == 9_007_199_254_740_991
        assert Count.parse("at least 9,007,199,254,740,991").display() == "≥ 9,007,199,254,740,991"

    @pytest.mark.parametrize(
        ("raw", "message"),
        [
            ("2,5 km2", "'2,5 km2' is not a figure"),
            ("1,,, ha", "'1,,, ha' is not a figure"),
            ("12345678901234567890 ha", "cannot be kept exactly: write at most 15 significant"),
            ("1" + "0" * 399 + " m2", "cannot be kept exactly"),
            (10**400, "is too large to be an area"),
        ],
    )
    def test_an_area_that_cannot_be_kept_as_written_is_refused(
        self, raw: object, message: str
    ) -> None:
        with pytest.raises(FigureError) as caught:
            Area.parse(raw)
        assert message in str(caught.value)

    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("0.0000001 ha", "0.0000001 ha"),
            ("12,345,678,901,234.1 m2", "12,345,678,901,234.1 m²"),
            ("about 999999999999999 km2", "~999,999,999,999,999 km²"),
            ("2.5 km2", "2.5 km²"),
        ],
    )
    def test_an_area_is_shown_with_exactly_the_digits_written(self, raw: str, shown: str) -> None:
        assert Area.parse(raw).display() == shown
