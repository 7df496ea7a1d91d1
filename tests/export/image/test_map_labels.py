"""The map's names go inside the view, on no marker and on no other name; the window and the
exported picture both lay them out with ``export.image.map_labels``."""

from __future__ import annotations

from karabakh_timeline.export.image.map_labels import (
    Box,
    Label,
    Marker,
    Markers,
    area_labels,
    place_labels,
)

VIEW = Box(0, 0, 400, 300)
NONE = Markers.of([])


def _name(key: str, x: float, y: float, radius: float = 5.0, width: float = 60.0) -> Label:
    return Label(key, x, y, radius, width, 14.0)


def test_a_name_goes_right_of_its_marker_where_there_is_room() -> None:
    placed = place_labels(VIEW, Markers.of([Marker(100, 100, 5)]), [_name("a", 100, 100)])
    assert placed["a"] == Box(107, 93, 60, 14)


def test_a_name_that_would_cover_a_marker_goes_to_the_other_side() -> None:
    markers = [Marker(100, 100, 5), Marker(140, 100, 12)]
    box = place_labels(VIEW, Markers.of(markers), [_name("a", 100, 100)])["a"]
    assert box.right <= 100 - 5  # left of its own marker, clear of the large one
    assert all(not _covers(box, marker) for marker in markers)


def test_a_name_at_the_right_edge_stays_inside_the_view() -> None:
    box = place_labels(VIEW, Markers.of([Marker(380, 150, 5)]), [_name("edge", 380, 150)])["edge"]
    assert box.inside(VIEW) and box.right <= 375


def test_names_never_cover_each_other_and_the_first_wins() -> None:
    # Two places close together: the first named keeps the right side, the second moves.
    labels = [_name("big", 100, 100, 10), _name("small", 105, 112, 3)]
    markers = [Marker(100, 100, 10), Marker(105, 112, 3)]
    placed = place_labels(VIEW, Markers.of(markers), labels)
    assert placed["big"].left == 100 + 10 + 2
    assert not placed["big"].intersects(placed["small"])
    assert placed["small"].top > 112  # its right side was taken: it went below


def test_a_name_with_no_free_spot_is_left_out() -> None:
    # A place inside a ring of large markers: every spot beside it covers one.
    ring = [Marker(200 + dx, 150 + dy, 30) for dx in (-45, 0, 45) for dy in (-40, 0, 40)]
    placed = place_labels(VIEW, Markers.of(ring), [_name("hidden", 200, 150, 30)])
    assert "hidden" not in placed


def test_a_place_name_keeps_off_the_countries_names() -> None:
    country = Box(100, 92, 80, 16)
    markers = Markers.of([Marker(100, 100, 4)])
    box = place_labels(VIEW, markers, [_name("a", 100, 100, 4)], [country])["a"]
    assert not box.intersects(country)


def test_a_country_name_cut_at_the_edge_is_pulled_inside() -> None:
    caspian = Label("Caspian Sea", 390, 200, 0, 90, 16)
    box = area_labels(VIEW, NONE, [caspian])["Caspian Sea"]
    assert box.inside(VIEW) and box.right == 400


def test_a_country_name_just_outside_the_view_is_pulled_in_and_one_far_outside_is_left_out() -> (
    None
):
    near = Label("Georgia", 200, -8, 0, 70, 16)  # half a name's height above the top
    far = Label("Russia", 200, -200, 0, 70, 16)
    placed = area_labels(VIEW, NONE, [near, far])
    assert placed["Georgia"].top == 0 and "Russia" not in placed


def test_a_country_name_moves_off_a_marker() -> None:
    marker = Marker(200, 150, 6)
    box = area_labels(VIEW, Markers.of([marker]), [Label("Armenia", 200, 150, 0, 80, 16)])[
        "Armenia"
    ]
    assert not _covers(box, marker)


def _covers(box: Box, marker: Marker) -> bool:
    x = min(max(marker.x, box.left), box.right)
    y = min(max(marker.y, box.top), box.bottom)
    return (x - marker.x) ** 2 + (y - marker.y) ** 2 < marker.radius**2
