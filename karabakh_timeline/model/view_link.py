"""A citable view: a ``karabakh-timeline:`` address that opens the app on exactly what was seen.

The address holds the dataset (its file or folder; none for the bundled dataset), the datasets
laid over it, the span of time shown, the selected period, the selected event, the hidden
categories, the search text and the places the view is filtered to (chosen on the map)::

    karabakh-timeline:view?data=/home/a/acled.csv&shown=2020-09-01..2020-12-31
        &from=2020-09-27&to=2020-11-10&event=e-42&hide=politics,funding&search=mine
        &place=aghdam,fuzuli

Every part is optional. The same view is also a command line (``command_args``); the app takes
either. Reading an address checks every part and says what is wrong in one line.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlencode

from karabakh_timeline.model.dates import DateError, DateRange

SCHEME = "karabakh-timeline"
PREFIX = f"{SCHEME}:view"
_KEYS = ("data", "add", "shown", "from", "to", "event", "hide", "search", "place")


class LinkError(ValueError):
    """An address that is not a view of this app, or one of whose parts cannot be read."""


@dataclass(frozen=True, slots=True)
class ViewLink:
    data: str | None = None  # a dataset file or folder; None: the bundled dataset
    added: tuple[str, ...] = ()  # datasets laid over the first
    shown: DateRange | None = None  # the span of time in view
    period: DateRange | None = None  # the selected period; None: nothing selected
    event: str | None = None
    hidden: tuple[str, ...] = ()  # hidden categories, sorted
    search: str = ""
    places: tuple[str, ...] = ()  # the place filter's place ids, sorted; empty: every place

    def to_uri(self) -> str:
        pairs: list[tuple[str, str]] = []
        if self.data:
            pairs.append(("data", self.data))
        pairs.extend(("add", path) for path in self.added)
        if self.shown is not None:
            pairs.append(("shown", _span(self.shown)))
        if self.period is not None:
            pairs += [("from", self.period.first.isoformat()), ("to", self.period.last.isoformat())]
        if self.event:
            pairs.append(("event", self.event))
        if self.hidden:
            pairs.append(("hide", ",".join(self.hidden)))
        if self.search:
            pairs.append(("search", self.search))
        if self.places:
            pairs.append(("place", ",".join(self.places)))
        # Slashes, commas and colons stay readable; everything else that could end or split
        # the address (spaces, &, =, #, ?, non-ASCII letters) is percent-encoded.
        return f"{PREFIX}?{urlencode(pairs, quote_via=quote, safe='/,:')}"

    def command_args(self) -> list[str]:
        """The same view as options of ``karabakh-timeline``."""
        args: list[str] = []
        if self.data:
            args += ["--data", self.data]
        for path in self.added:
            args += ["--add", path]
        if self.shown is not None:
            args += ["--shown", _span(self.shown)]
        if self.period is not None:
            args += ["--from", self.period.first.isoformat(), "--to", self.period.last.isoformat()]
        if self.event:
            args += ["--event", self.event]
        for category in self.hidden:
            args += ["--hide", category]
        if self.search:
            args += ["--search", self.search]
        for place in self.places:
            args += ["--place", place]
        return args

    def command_line(self) -> str:
        """The command a shell runs to open this view: ``karabakh-timeline --from … --to …``."""
        return shlex.join([SCHEME, *self.command_args()])


def picture_link(data: str | None, shown: DateRange, hidden: frozenset[str], search: str) -> str:
    """The address an exported picture's footer gives: its dataset, span and filters.

    The window and the ``export`` command both make it here, so the same picture carries the
    same address whichever made it.
    """
    return ViewLink(data=data, shown=shown, hidden=tuple(sorted(hidden)), search=search).to_uri()


def is_view_link(text: str) -> bool:
    return text.startswith(f"{SCHEME}:")


def parse_view_link(text: str) -> ViewLink:
    """The view an address names; ``LinkError`` says in one line what is wrong with it."""
    address = text.strip()
    if not address.startswith(PREFIX):
        raise LinkError(f"'{_cut(address)}' is not a view of this app: it must start with {PREFIX}")
    rest = address[len(PREFIX) :]
    if rest and not rest.startswith("?"):
        raise LinkError(f"'{_cut(address)}' is not a view of this app: '?' must follow {PREFIX}")
    try:
        pairs = parse_qsl(rest[1:], keep_blank_values=True, strict_parsing=bool(rest[1:]))
    except ValueError:
        raise LinkError(
            f"the address '{_cut(address)}' cannot be read: a part has no '='"
        ) from None
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        if key not in _KEYS:
            raise LinkError(
                f"the address has an unknown part '{_cut(key)}'; known: {', '.join(_KEYS)}"
            )
        values.setdefault(key, []).append(value)
    for key, found in values.items():
        if key != "add" and len(found) > 1:
            raise LinkError(f"the address gives '{key}' {len(found)} times")

    def one(key: str) -> str | None:
        found = values.get(key)
        return found[0] if found else None

    start, end = one("from"), one("to")
    if (start is None) != (end is None):
        raise LinkError("the address gives only one end of the period: give both 'from' and 'to'")
    period = _range(start, end) if start is not None and end is not None else None
    shown_text = one("shown")
    shown = parse_span(shown_text) if shown_text is not None else None
    hidden = tuple(sorted(c for c in (one("hide") or "").split(",") if c))
    places = tuple(sorted({p for p in (one("place") or "").split(",") if p}))
    return ViewLink(
        data=one("data") or None,
        added=tuple(path for path in values.get("add", []) if path),
        shown=shown,
        period=period,
        event=one("event") or None,
        hidden=hidden,
        search=one("search") or "",
        places=places,
    )


def parse_span(text: str) -> DateRange:
    """'2004-01-01..2006-12-31' as a date range; ``LinkError`` if it is not one."""
    first, dots, last = text.partition("..")
    if not dots:
        raise LinkError(
            f"'{_cut(text)}' is not a span: write FIRST..LAST, as 2004-01-01..2006-12-31"
        )
    return _range(first, last)


def _range(first: str, last: str) -> DateRange:
    try:
        return DateRange(_day(first), _day(last))
    except DateError as error:
        raise LinkError(str(error)) from None


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise LinkError(f"'{_cut(text)}' is not a day: write YYYY-MM-DD") from None


def _span(shown: DateRange) -> str:
    return f"{shown.first.isoformat()}..{shown.last.isoformat()}"


def _cut(text: str, length: int = 60) -> str:
    shown = text.encode("unicode_escape").decode("ascii")  # no line break can split a message
    return shown if len(shown) <= length else f"{shown[: length - 1]}…"


def link_args(argv: Sequence[str]) -> list[str]:
    """A command line with any view address in it replaced by the options it stands for."""
    result: list[str] = []
    for arg in argv:
        result += parse_view_link(arg).command_args() if is_view_link(arg) else [arg]
    return result
