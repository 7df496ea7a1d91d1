"""A TimelineJS spreadsheet: every odd cell is a message naming its line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from karabakh_timeline.model.load_progress import ProgressTracker
from karabakh_timeline.model.loader import check_dataset
from karabakh_timeline.model.timelinejs_import import import_timelinejs_csv


def _problems(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    dataset, problems = check_dataset(path)
    assert (dataset is None) == bool(problems)
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2²04", "Year '2²04' is not a whole number in digits 0-9"),
        ("①", "Year '①' is not a whole number in digits 0-9"),
        ("٢٠٠٤", "Year '٢٠٠٤' is not a whole number in digits 0-9"),
        ("２００４", "Year '２００４' is not a whole number in digits 0-9"),
        ("1" * 5000, "Year '11111111111111111111… (5,000 characters)' has more than 4 digits"),
    ],
)
def test_a_year_in_other_digits_or_of_thousands_of_digits_is_a_message(
    tmp_path: Path, cell: str, message: str
) -> None:
    path = tmp_path / "sheet.csv"
    assert _problems(path, f"Year,Headline\n2001,Fine\n{cell},Odd\n") == [f"{path}:3: {message}"]


def test_a_column_named_twice_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    assert _problems(path, "Year,Headline,Text,headline \n2004,A,B,C\n") == [
        f"{path}:1: the column 'headline' appears twice (columns 2 and 4): "
        "keep one, so no cell is left out silently"
    ]


def test_a_second_title_row_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    text = "Year,Headline,Type\n,First title,title\n2004,An event,\n,Second title,title\n"
    assert _problems(path, text) == [
        f"{path}:4: a second title row (the first is on line 2): "
        "a spreadsheet has one title; make this row an era or an event"
    ]


def test_line_numbers_count_only_real_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    # A line separator and a NEL inside a cell are not line breaks; \r\n and a lone \r are.
    text = "Year,Headline\r\n2004,A\u2028B\x85C\r\n200x,B\r2005,C\rzz,D\n"
    assert _problems(path, text) == [
        f"{path}:3: Year '200x' is not a whole number in digits 0-9",
        f"{path}:5: Year 'zz' is not a whole number in digits 0-9",
    ]


def test_rows_with_one_year_and_headline_get_distinct_ids_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    rows = "".join("2004,Same headline\n" for _ in range(30_000))
    # A row whose own headline looks like a numbered copy must not take a copy's id.
    path.write_text(f"Year,Headline\n2004,Same headline 3\n{rows}", encoding="utf-8")
    calls: list[int] = []
    tracker = ProgressTracker(lambda done, total: calls.append(done) or True, [1])
    dataset, problems = import_timelinejs_csv(path, tracker)
    assert problems == []
    assert dataset is not None
    ids = [event.id for event in dataset.events]
    assert len(ids) == len(set(ids)) == 30_001
    assert "2004-same-headline-3" in ids and "2004-same-headline-30001" in ids
    assert len(calls) > 10 and calls == sorted(calls)  # the progress dialog moves while reading
