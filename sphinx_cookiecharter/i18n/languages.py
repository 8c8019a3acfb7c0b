"""Language codes: one normal form, one fallback chain, one way to pick a text."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.model import LocalizedText

#: The language every text falls back to.
DEFAULT = "en"


# A page's texts ask for the same few codes thousands of times.
@lru_cache(maxsize=256)
def normalize(code: str | None) -> str:
    """A language code in the form gettext and Babel use: ``pt_BR``, ``zh_Hans_CN``.

    Hyphens become underscores, the language is lowercase, a script title-case and a
    territory uppercase; an empty or missing code is English.
    """
    parts = [part for part in (code or "").strip().replace("-", "_").split("_") if part]
    if not parts:
        return DEFAULT
    spelled = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            spelled.append(part.title())
        elif len(part) in (2, 3):
            spelled.append(part.upper())
        else:
            spelled.append(part)
    return "_".join(spelled)


@lru_cache(maxsize=256)
def base(code: str | None) -> str:
    """The language without script or territory: ``pt`` for ``pt_BR``."""
    return normalize(code).split("_", 1)[0]


#: Territories where Chinese is written in simplified characters when the code names no
#: script (CLDR's likely subtags: ``zh_SG`` is ``zh_Hans_SG``, ``zh_HK`` ``zh_Hant_HK``).
_SIMPLIFIED_CHINESE_TERRITORIES = ("CN", "SG", "MY")


def alias(code: str | None) -> str:
    """The code whose texts serve ``code`` (normalized): Norwegian (``no``, any variety)
    is written in Bokmål (``nb``); Chinese in simplified characters, by the script it
    names (``zh_Hans``, ``zh_Hans_HK``) or, naming none, by its territory (``zh``,
    ``zh_SG``, ``zh_MY``), with the ``zh_CN`` catalog. Any other code, Traditional
    Chinese among them (``zh_TW``, ``zh_HK``, ``zh_Hant_CN``), is its own."""
    wanted = normalize(code)
    language, *rest = wanted.split("_")
    if language == "no":
        return "nb"
    if language == "zh":
        script = next((part for part in rest if len(part) == 4), None)
        territory = next((part for part in rest if len(part) in (2, 3)), None)
        if script == "Hans" or (
            script is None and territory in (None, *_SIMPLIFIED_CHINESE_TERRITORIES)
        ):
            return "zh_CN"
    return wanted


def fallbacks(code: str | None) -> tuple[str, ...]:
    """The languages to try for ``code``, best first: itself, the code it is an alias
    of (``zh_CN`` for ``zh_Hans``: :func:`alias`), its base language (``pt`` for
    ``pt_BR``), then English. Norwegian tries its base language before Bokmål
    (``no_NO``, ``no``, ``nb``)."""
    wanted = normalize(code)
    language = base(wanted)
    if language == "no":
        chain = [wanted, language, alias(wanted)]
    else:
        chain = [wanted, alias(wanted), language]
    return tuple(dict.fromkeys([*chain, DEFAULT]))


def pick_language(available: list[str | None], code: str | None) -> str | None:
    """Which of the ``available`` codes serves ``code``, along :func:`fallbacks`.

    ``None`` in ``available`` stands for a text given once for every language and is
    always the pick; a code given serves its :func:`alias` too (a ``zh_Hans`` text a
    ``zh_CN`` build); with no match, the first code given is.
    """
    if None in available:
        return None
    by_form = {normalize(candidate): candidate for candidate in available}
    # A text in another spelling of a language (zh_Hans for zh_CN, no for nb) comes
    # after one in the very code.
    for candidate in available:
        by_form.setdefault(alias(candidate), candidate)
    for candidate in fallbacks(code):
        if candidate in by_form:
            return by_form[candidate]
    return available[0] if available else None


def pick(text: LocalizedText, code: str | None) -> str:
    """The version of a declared text for ``code``: exact code, base language, English,
    then the first one given."""
    return pick_with_language(text, code)[0]


def pick_with_language(text: LocalizedText, code: str | None) -> tuple[str, str | None]:
    """The version of a declared text for ``code`` and the language it is written in
    (``None`` for a text given once for every language)."""
    if text.is_plain:
        return text.translations[0][1], None
    chosen = pick_language([language for language, _ in text.translations], code)
    for language, value in text.translations:
        if language == chosen:
            return value, normalize(language)
    raise AssertionError("unreachable: the chosen code is one of the texts'")
