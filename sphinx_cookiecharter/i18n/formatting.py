"""Dates, durations, counts, lists and country names for a language, written by Babel
(CLDR data).

The choices made here, documented in the docs' "Languages" guide:

- the extension's English is British English, so English is formatted with Babel's
  ``en_GB`` data: ``28 November 2026``, lists without a serial comma (``A, B and C``);
- its Portuguese (``pt``) is European Portuguese, formatted with ``pt_PT`` (Babel's
  ``pt`` is Brazilian: ``2.000.000``, ``Armênia``); ``pt_BR`` keeps Brazil's;
- French, Italian and Brazilian Portuguese write the first day of a month as an ordinal,
  ``1er décembre 2026``, ``1º dicembre 2026`` and ``1º de dezembro de 2026`` (CLDR gives
  ``1 décembre``, ``1 dicembre``, ``1 de dezembro``; Portugal's Portuguese keeps ``1 de``):
  only that is changed in Babel's dates;
- Hebrew joins its conjunction *ו* to the last item of a list, with a hyphen when that
  item starts with a Latin letter or a digit (``Google ו-Meta``, ``1 שנה ו-6 חודשים``);
  the CLDR's pattern has no hyphen (``Google וMeta``), so the extension adds it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Literal

import babel
from babel.dates import format_date as babel_format_date
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from .languages import DEFAULT, base, normalize

if TYPE_CHECKING:
    import datetime
    from collections.abc import Sequence

    from ..core.model import DurationUnit


#: The locale a wording language is formatted with, when it is not the language itself.
FORMAT_LOCALES = {"en": "en_GB", "pt": "pt_PT"}

#: How the first day of a month is written where it is an ordinal, by language or by
#: language and territory (Brazil writes ``1º de dezembro``, Portugal ``1 de dezembro``).
FIRST_OF_MONTH = {"fr": "1er", "it": "1º", "pt_BR": "1º"}

#: Hebrew's conjunction, which Babel's list patterns glue to the last item.
HEBREW_AND = "\N{HEBREW LETTER VAV}"
#: Marks, while Babel joins a list, an item before which the conjunction takes a hyphen.
_HYPHENATED = "\N{WORD JOINER}"


@cache
def babel_locale(language: str | None) -> babel.Locale:
    """The Babel locale for a language code (``en`` is formatted as ``en_GB``); British
    English when Babel does not know it."""
    code = normalize(language)
    try:
        return babel.Locale.parse(FORMAT_LOCALES.get(code, code))
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale.parse(FORMAT_LOCALES[DEFAULT])


def text_direction(language: str | None) -> Literal["ltr", "rtl"]:
    """Which way the language is written, from the CLDR's character order: ``rtl`` for
    Hebrew, Arabic, Persian..., ``ltr`` otherwise."""
    return "rtl" if babel_locale(language).character_order == "right-to-left" else "ltr"


def first_strong_direction(text: str) -> Literal["ltr", "rtl"] | None:
    """The direction of the first letter of ``text`` that has one (the Unicode
    Bidirectional Algorithm's rules P2 and P3, as ``dir="auto"`` does): ``ltr`` for
    ``Stats Co.`` or ``_ga``, ``rtl`` for a Hebrew or Arabic text, ``None`` when no
    letter says (digits and punctuation alone)."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def format_date(date: datetime.date, language: str | None) -> str:
    """A date in the language's long form (``28 November 2026``, ``1er décembre 2026``)."""
    text = babel_format_date(date, format="long", locale=babel_locale(language))
    ordinal = FIRST_OF_MONTH.get(normalize(language)) or FIRST_OF_MONTH.get(base(language))
    if date.day == 1 and ordinal and text.startswith("1 "):
        text = f"{ordinal} {text[2:]}"
    return text


def format_amounts(parts: Sequence[tuple[int, DurationUnit]], language: str | None) -> str:
    """Amounts of time in words, keeping the units given (``1 an et 6 mois``)."""
    locale = babel_locale(language)
    words = [
        format_unit(amount, f"duration-{unit}", length="long", locale=locale)
        for amount, unit in parts
    ]
    return format_list(words, language)


def format_count(count: int, language: str | None) -> str:
    """A whole number with the language's digit grouping (``2 264``)."""
    return format_decimal(count, locale=babel_locale(language))


def format_list(
    items: Sequence[str], language: str | None, *, texts: Sequence[str] | None = None
) -> str:
    """Items joined the language's way (``A, B and C``).

    :param texts: what each item reads as, when the items stand for other texts (the
        renderer joins ``{placeholders}`` that names fill): Hebrew hyphenates its
        conjunction before an item that starts with a Latin letter or a digit.
    """
    if base(language) != "he":
        return babel_format_list(list(items), locale=babel_locale(language))
    marked = [
        _HYPHENATED + item if _starts_left_to_right(text) else item
        for item, text in zip(items, items if texts is None else texts, strict=True)
    ]
    joined = babel_format_list(marked, locale=babel_locale(language))
    return joined.replace(HEBREW_AND + _HYPHENATED, HEBREW_AND + "-").replace(_HYPHENATED, "")


def _starts_left_to_right(text: str) -> bool:
    """Whether the first letter or digit of ``text`` is not a right-to-left one."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return False
        if kind in ("L", "EN", "AN"):
            return True
    return False


def territory_name(code: str, language: str | None) -> str:
    """A country's name in the language (``États-Unis`` for ``US`` in French), or the
    code itself when Babel has no name for it."""
    return str(babel_locale(language).territories.get(code, code))
