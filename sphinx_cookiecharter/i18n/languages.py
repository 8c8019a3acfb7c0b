"""Language codes: one normal form, one fallback chain, one way to pick a text."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.model import LocalizedText

#: The language every text falls back to.
DEFAULT = "en"


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


def base(code: str | None) -> str:
    """The language without script or territory: ``pt`` for ``pt_BR``."""
    return normalize(code).split("_", 1)[0]


#: Codes written with another code's texts: Norwegian (``no``, any variety) in Bokmål
#: (``nb``); Chinese in simplified characters (``zh``, ``zh_Hans``, Singapore's) with
#: the ``zh_CN`` catalog. Traditional Chinese (``zh_TW``, ``zh_Hant``...) has none.
ALIASES = {
    "no": "nb",
    "zh": "zh_CN",
    "zh_Hans": "zh_CN",
    "zh_Hans_CN": "zh_CN",
    "zh_SG": "zh_CN",
    "zh_Hans_SG": "zh_CN",
}
#: Base languages whose alias serves every variety (``no_NO`` too).
_WHOLE_LANGUAGE = ("no",)


def fallbacks(code: str | None) -> tuple[str, ...]:
    """The languages to try for ``code``, best first: itself, the code it is an alias
    of (``zh_CN`` for ``zh_Hans``), its base language (``pt`` for ``pt_BR``) and that
    language's alias where it serves every variety (``nb`` for ``no_NO``), then
    English."""
    wanted = normalize(code)
    language = base(wanted)
    chain = [
        wanted,
        ALIASES.get(wanted, wanted),
        language,
        ALIASES[language] if language in _WHOLE_LANGUAGE else language,
        DEFAULT,
    ]
    return tuple(dict.fromkeys(chain))


def pick_language(available: list[str | None], code: str | None) -> str | None:
    """Which of the ``available`` codes serves ``code``, along :func:`fallbacks`.

    ``None`` in ``available`` stands for a text given once for every language and is
    always the pick; with no match, the first code given is.
    """
    if None in available:
        return None
    by_form = {normalize(candidate): candidate for candidate in available}
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
