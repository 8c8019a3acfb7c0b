"""Durations compared with the thresholds regulators give in months."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.durations import UNIT_SECONDS, seconds

if TYPE_CHECKING:
    from ..core.model import Duration


def longer_than(duration: Duration, months: int) -> bool:
    """True when ``duration`` is fixed and lasts more than ``months`` months."""
    length = seconds(duration)
    return length is not None and length > months * UNIT_SECONDS["month"]
