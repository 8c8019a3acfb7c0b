"""Durations compared with the thresholds regulators give in months."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.model import Duration, DurationUnit

#: Seconds in each unit; a month is a twelfth of a Gregorian year (30.44 days).
_SECONDS: dict[DurationUnit, float] = {
    "year": 31_556_952,
    "month": 31_556_952 / 12,
    "week": 604_800,
    "day": 86_400,
    "hour": 3_600,
    "minute": 60,
    "second": 1,
}


def seconds(duration: Duration) -> float | None:
    """How long a fixed duration lasts, in seconds; ``None`` for any other kind."""
    if duration.kind != "fixed":
        return None
    return sum(amount * _SECONDS[unit] for amount, unit in duration.parts)


def longer_than(duration: Duration, months: int) -> bool:
    """True when ``duration`` is fixed and lasts more than ``months`` months."""
    length = seconds(duration)
    return length is not None and length > months * _SECONDS["month"] + 0.5


def is_unbounded(duration: Duration) -> bool:
    """True for a duration that never ends by itself (``persistent``)."""
    return duration.kind == "persistent"
