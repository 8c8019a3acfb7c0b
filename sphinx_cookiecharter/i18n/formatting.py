"""Dates, durations, counts and lists for a language, written by Babel (CLDR data)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import babel
from babel.dates import format_date as babel_format_date
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from .languages import DEFAULT, normalize

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence

    from ..core.model import DurationUnit


@cache
def babel_locale(language: str | None) -> babel.Locale:
    """The Babel locale for a language code; English when Babel does not know it."""
    try:
        return babel.Locale.parse(normalize(language))
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale(DEFAULT)


def format_date(date: datetime.date, language: str | None) -> str:
    """A date in the language's long form (``28 November 2026``)."""
    return babel_format_date(date, format="long", locale=babel_locale(language))


def format_amounts(parts: Sequence[tuple[int, DurationUnit]], language: str | None) -> str:
    """Amounts of time in words, keeping the units given (``1 an et 6 mois``)."""
    locale = babel_locale(language)
    words = [
        format_unit(amount, f"duration-{unit}", length="long", locale=locale)
        for amount, unit in parts
    ]
    return babel_format_list(words, locale=locale)


def format_count(count: int, language: str | None) -> str:
    """A whole number with the language's digit grouping (``2 264``)."""
    return format_decimal(count, locale=babel_locale(language))


def format_list(items: Sequence[str], language: str | None) -> str:
    """Items joined the language's way (``A, B and C``)."""
    return babel_format_list(list(items), locale=babel_locale(language))
