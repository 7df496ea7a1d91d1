"""A citation of a view: the dataset's name and version, the period, the date accessed, the link.

As plain text, for a footnote::

    Land mines in Nagorno-Karabakh (dataset), version 2024.10. Period: 2004 – 2006.
    Viewed with Karabakh Timeline 0.1.0. karabakh-timeline:view?… (accessed 1 December 2026).

and as a BibTeX ``@misc`` entry, for a reference manager.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from karabakh_timeline.model.dates import DateRange, format_day

_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_KEY_CHARACTERS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Citation:
    dataset: str
    version: str
    period: DateRange
    accessed: dt.date
    link: str
    app: str  # the app and its version: "Karabakh Timeline 0.1.0"

    def text(self) -> str:
        return (
            f"{self.dataset} (dataset), version {self.version}. Period: {self.period.display()}. "
            f"Viewed with {self.app}. {self.link} (accessed {format_day(self.accessed)})."
        )

    def bibtex(self) -> str:
        fields = [
            ("title", _escape(self.dataset)),
            ("version", _escape(self.version)),
            ("note", _escape(f"Period: {self.period.display()}; viewed with {self.app}")),
            ("howpublished", f"\\url{{{_url(self.link)}}}"),
            ("urldate", self.accessed.isoformat()),
            ("year", str(self.accessed.year)),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key()},\n{body}\n}}\n"

    def key(self) -> str:
        """'land_mines_in_nagorno_karabakh_2004_2006': the dataset and the period's years."""
        name = _KEY_CHARACTERS.sub("_", self.dataset.casefold()).strip("_")[:40].strip("_")
        years = f"{self.period.first.year}_{self.period.last.year}"
        return f"{name or 'dataset'}_{years}"


def _escape(text: str) -> str:
    """Text as BibTeX reads it literally: its special characters escaped."""
    escaped = _BIBTEX_SPECIAL.sub(lambda m: _REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text)
    return " ".join(escaped.split())


_REPLACEMENTS = {"\\": "\\textbackslash{}", "^": "\\^{}", "~": "\\~{}"}


def _url(link: str) -> str:
    """An address inside \\url{}: braces and % are the only characters it cannot take as is."""
    return link.replace("%", "\\%").replace("{", "%7B").replace("}", "%7D")
