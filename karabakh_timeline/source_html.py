"""Sources cited in HTML — 'Title (Publisher)', the title linked to its address — for the
window's tooltips and disputed-figure tables and for the TimelineJS export alike.

Pure Python with no Qt, so the exporters can use it as well as the window.
"""

from __future__ import annotations

from html import escape

from karabakh_timeline.model.records import Dataset


def cited_sources(dataset: Dataset, ids: tuple[str, ...], link: bool = True) -> str:
    """The sources named by ``ids``, separated by '; ' (empty when there are none)."""
    cited = []
    for source_id in ids:
        source = dataset.sources.get(source_id)
        if source is None:
            continue
        title = escape(source.title)
        if link and source.url:
            title = f'<a href="{escape(source.url, quote=True)}">{title}</a>'
        cited.append(f"{title} ({escape(source.publisher)})")
    return "; ".join(cited)
