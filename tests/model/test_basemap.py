"""The shipped base map: read through the package, inside the region, credited to Natural Earth."""

from __future__ import annotations

from karabakh_timeline.model.basemap import CREDIT, bundled_basemap


def test_the_shipped_base_map_covers_the_south_caucasus_and_names_its_source():
    basemap = bundled_basemap()
    region = basemap.region
    assert (region.west, region.east, region.south, region.north) == (43.0, 51.0, 38.0, 42.5)
    assert basemap.credit == CREDIT == "Made with Natural Earth"
    assert "ISC" in basemap.notice and "public domain" in basemap.notice
    assert "not authoritative" in basemap.notice
    points = [p for line in (*basemap.land, *basemap.borders) for p in line]
    assert 300 < len(points) < 5000  # simplified to a few hundred metres: small, not empty
    assert all(42.6 <= lon <= 51.4 and 37.6 <= lat <= 42.9 for lon, lat in points)
    assert len(basemap.borders) >= 5  # Armenia, Azerbaijan, Georgia, Iran, Türkiye meet


def test_the_caspian_shore_runs_through_the_east_of_the_region():
    # Baku's peninsula reaches about 50.4° E: land rings must have points east of 49.5° E
    # between 40° and 41° N, and the sea east of 51° E at 39° N is no land point.
    land = [p for ring in bundled_basemap().land for p in ring]
    assert any(lon > 49.5 and 40 < lat < 41 for lon, lat in land)


def test_every_country_and_the_sea_is_labelled_inside_the_region():
    basemap = bundled_basemap()
    names = {label.text for label in basemap.labels}
    assert names == {"Armenia", "Azerbaijan", "Georgia", "Iran", "Türkiye", "Caspian Sea"}
    r = basemap.region
    assert all(
        r.west < label.longitude < r.east and r.south < label.latitude < r.north
        for label in basemap.labels
    )
