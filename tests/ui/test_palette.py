"""Lanes differ in colour and in shape, so colour is never the only cue."""

from __future__ import annotations

from karabakh_timeline.ui.palette import LANE_COLOURS, lane_icon, lane_style


def test_the_first_seven_lanes_differ_in_colour_and_shape(qapp):
    styles = [lane_style(n) for n in range(7)]
    assert len({s.colour.name() for s in styles}) == 7
    assert len({s.symbol for s in styles}) == 7
    assert [s.colour.name().upper() for s in styles] == [c.upper() for c in LANE_COLOURS]


def test_later_lanes_repeat_colours_and_shapes_out_of_step(qapp):
    pairs = {(lane_style(n).colour.name(), lane_style(n).symbol) for n in range(40)}
    assert len(pairs) > 20  # no two nearby lanes look the same


def test_marker_outlines_are_darker_than_their_fill(qapp):
    for n in range(7):
        style = lane_style(n)
        assert style.pen.color().lightness() < style.colour.lightness()


def test_lane_icons_draw_the_marker(qapp):
    image = lane_icon(lane_style(0), 14).pixmap(14, 14).toImage()
    centre = image.pixelColor(7, 7)
    assert centre.alpha() == 255 and centre.name().upper() == LANE_COLOURS[0].upper()
    assert image.pixelColor(0, 0).alpha() == 0
