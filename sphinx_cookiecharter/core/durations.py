"""A declared duration as machines read it: ISO 8601 and a number of seconds.

A fixed duration keeps the units it was written with (``13 months``); turning it into
seconds needs a length for a month and a year, which the calendar does not give. The
average Gregorian year (365.2425 days, ISO 8601's calendar) is used, and a month is a
twelfth of it, so that ``12 months`` and ``1 year`` are the same length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Duration, DurationUnit

#: Seconds in each unit of a declared duration (a year and a month on average in the
#: Gregorian calendar: 365.2425 days, and a twelfth of that).
UNIT_SECONDS: dict[DurationUnit, int] = {
    "year": 31_556_952,
    "month": 2_629_746,
    "week": 604_800,
    "day": 86_400,
    "hour": 3_600,
    "minute": 60,
    "second": 1,
}

_DATE_DESIGNATORS: dict[DurationUnit, str] = {"year": "Y", "month": "M", "week": "W", "day": "D"}
_TIME_DESIGNATORS: dict[DurationUnit, str] = {"hour": "H", "minute": "M", "second": "S"}


def seconds(duration: Duration) -> int | None:
    """How long a fixed duration lasts, in whole seconds; ``None`` for any other kind
    (a session, until cleared, or a duration only words can give)."""
    if duration.kind != "fixed":
        return None
    return sum(amount * UNIT_SECONDS[unit] for amount, unit in duration.parts)


def iso8601(duration: Duration) -> str | None:
    """A fixed duration as ISO 8601 with the units it was declared in (``P13M``,
    ``P1Y6M``, ``PT30M``); ``None`` for any other kind."""
    if duration.kind != "fixed":
        return None
    parts = {unit: amount for amount, unit in duration.parts}
    date = "".join(
        f"{parts[unit]}{mark}" for unit, mark in _DATE_DESIGNATORS.items() if unit in parts
    )
    time = "".join(
        f"{parts[unit]}{mark}" for unit, mark in _TIME_DESIGNATORS.items() if unit in parts
    )
    return "P" + date + (f"T{time}" if time else "")
