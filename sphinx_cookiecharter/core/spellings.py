"""The spellings of a duration the declaration format accepts, in one table.

Real declarations write a cookie's lifetime in many ways (``Session``, ``1 Year``,
``30 mins``, ``End of session (browser)``, ``forever``). This module lists the accepted
words, case left aside, and builds from them the regular expression of the JSON Schema's
``duration`` type (case-insensitive by spelling each letter as ``[xX]``, since JSON
Schema patterns take no flags) and the parser of :meth:`.model.Duration.parse`. A test
checks that the shipped schema holds exactly :func:`schema_pattern`; print it with
``python -m sphinx_cookiecharter.core.spellings`` after changing a table.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import DurationUnit

#: Words meaning "until the browser is closed".
SESSION: tuple[str, ...] = (
    "session",
    "sessions",
    "session cookie",
    "browser session",
    "end of session",
    "end of browser session",
    "end of session (browser)",
)

#: Words meaning "until the visitor clears it" (local storage, or no expiry at all).
PERSISTENT: tuple[str, ...] = (
    "persistent",
    "permanent",
    "forever",
    "unlimited",
    "no expiration",
    "no expiry",
    "never expires",
    "until cleared",
)

#: Each unit and its accepted spellings: singular and plural, usual abbreviations. A
#: lone ``m`` is left out: it could be a month or a minute.
UNITS: dict[DurationUnit, tuple[str, ...]] = {
    "year": ("year", "years", "yr", "yrs", "y"),
    "month": ("month", "months", "mo", "mos", "mth", "mths"),
    "week": ("week", "weeks", "wk", "wks", "w"),
    "day": ("day", "days", "d"),
    "hour": ("hour", "hours", "hr", "hrs", "h"),
    "minute": ("minute", "minutes", "min", "mins"),
    "second": ("second", "seconds", "sec", "secs", "s"),
}

_UNIT_OF = {spelling: unit for unit, spellings in UNITS.items() for spelling in spellings}


def _any_case(word: str) -> str:
    """``word`` as a pattern that matches it in any case: ``[sS][eE]...``."""
    spelled = []
    for character in word:
        if character.isalpha():
            spelled.append(f"[{character.lower()}{character.upper()}]")
        else:
            spelled.append(re.escape(character).replace("\\ ", " "))
    return "".join(spelled)


def _choice(words: tuple[str, ...] | list[str]) -> str:
    # Longest first, so that a reader of the pattern sees the intent; the anchors make
    # the order irrelevant to what matches.
    ordered = sorted(words, key=lambda word: (-len(word), word))
    return "(" + "|".join(_any_case(word) for word in ordered) + ")"


def _iso() -> str:
    def part(letter: str) -> str:
        return f"([0-9]+{_any_case(letter)})?"

    return (
        f"{_any_case('p')}(?=[0-9tT]){part('y')}{part('m')}{part('w')}{part('d')}"
        f"({_any_case('t')}(?=[0-9]){part('h')}{part('m')}{part('s')})?"
    )


def schema_pattern() -> str:
    """The regular expression of a duration written as a string (JSON Schema syntax).

    Spaces may surround the value; ``(?!\\n)$`` keeps Python's ``$`` from accepting a
    trailing newline.
    """
    amount = "[0-9]+ *" + _choice(list(_UNIT_OF))
    words = _choice([*SESSION, *PERSISTENT])
    return f"^ *({words}|{amount}|{_iso()}) *(?!\\n)$"


_WORDS = {**dict.fromkeys(SESSION, "session"), **dict.fromkeys(PERSISTENT, "persistent")}
_AMOUNT = re.compile(r"(\d+) *([a-z]+)")
_ISO = re.compile(
    r"p(?=[0-9t])(?:(?P<year>\d+)y)?(?:(?P<month>\d+)m)?(?:(?P<week>\d+)w)?(?:(?P<day>\d+)d)?"
    r"(?:t(?=[0-9])(?:(?P<hour>\d+)h)?(?:(?P<minute>\d+)m)?(?:(?P<second>\d+)s)?)?"
)
_UNITS_IN_ORDER: tuple[DurationUnit, ...] = tuple(UNITS)


def read(text: str) -> tuple[str, tuple[tuple[int, DurationUnit], ...]] | None:
    """``("session", ())``, ``("persistent", ())``, ``("fixed", parts)`` or ``None``.

    Reads exactly what :func:`schema_pattern` accepts (a test keeps them together).
    """
    if text.strip(" ") != text.strip() or "\n" in text:
        return None  # only spaces may surround a duration, as in the schema
    spelled = text.strip(" ").lower()
    if not spelled.isascii():
        return None  # str.lower() folds some non-ASCII letters onto ASCII ones
    if spelled in _WORDS:
        return _WORDS[spelled], ()
    amount = _AMOUNT.fullmatch(spelled)
    if amount and amount.group(2) in _UNIT_OF:
        return "fixed", ((int(amount.group(1)), _UNIT_OF[amount.group(2)]),)
    iso = _ISO.fullmatch(spelled)
    if iso:
        parts = tuple((int(iso.group(unit)), unit) for unit in _UNITS_IN_ORDER if iso.group(unit))
        if parts:
            return "fixed", parts
    return None


def hint(text: str) -> str:
    """What a refused duration probably meant, as ``; did you mean ...?``, or nothing."""
    spelled = " ".join(text.lower().split())
    amount = re.fullmatch(r"(\d+) *([a-z]+)", spelled)
    if amount and amount.group(2) == "m":
        number = amount.group(1)
        return f"; 'm' could be months or minutes: write '{number} months' or '{number} minutes'"
    if amount:
        close = difflib.get_close_matches(amount.group(2), list(_UNIT_OF), n=1, cutoff=0.6)
        if close:
            return f"; did you mean '{amount.group(1)} {close[0]}'?"
        return ""
    if re.search(r"\b(19|20)[0-9]{2}\b", spelled):
        return "; give how long the cookie lives, not the date it expires"
    if "local storage" in spelled or "localstorage" in spelled:
        return "; a local storage key lasts until it is cleared: write 'persistent'"
    close = difflib.get_close_matches(spelled, list(_WORDS), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


if __name__ == "__main__":
    print(schema_pattern())
