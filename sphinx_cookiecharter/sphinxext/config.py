"""The extension's configuration values, checked when the build starts."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..core.vocabulary import COLUMNS, DEFAULT_COLUMNS, SECTIONS
from .warnings import warn

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..core.model import LocalizedText


def register(app: Sphinx) -> None:
    """Declare the configuration values and check them once the configuration is read."""
    app.add_config_value(
        "cookiecharter_declaration", None, "env", types=(str, os.PathLike, type(None))
    )
    app.add_config_value("cookiecharter_sections", list(SECTIONS), "env", types=(list, tuple))
    app.add_config_value("cookiecharter_columns", list(DEFAULT_COLUMNS), "env", types=(list, tuple))
    app.add_config_value("cookiecharter_site", None, "env", types=(str, dict, type(None)))
    app.add_config_value("cookiecharter_texts", {}, "env", types=(dict,))
    app.add_config_value("cookiecharter_lint", True, "env", types=(bool, dict))
    app.add_config_value("cookiecharter_audit", False, "", types=(bool, dict))
    # What HTML builds publish (see .publish); no page changes with it.
    app.add_config_value("cookiecharter_publish", False, "", types=(bool, dict, type(None)))
    app.connect("config-inited", read_switches, priority=400)
    app.connect("config-inited", check_config)


def _warn(message: str) -> None:
    warn(message, "config", None)


def choose(values: Iterable[Any], allowed: Iterable[str], what: str, warn: Any) -> list[str]:
    """The known names among ``values``, warning about each unknown one."""
    allowed = list(allowed)
    chosen = []
    for value in values:
        if isinstance(value, str) and value in allowed:
            chosen.append(value)
        else:
            warn(f"unknown {what} {value!r} (expected one of {', '.join(allowed)})")
    return chosen


def split_names(value: str) -> list[str]:
    """Names given in a directive option, separated by commas or spaces."""
    return [name for name in value.replace(",", " ").split() if name]


def _is_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value)
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    )


#: How a switch given on the command line (``-D cookiecharter_lint=0``) is spelled:
#: Sphinx 7.4 passes the text as it is; Sphinx 9 turns only ``0`` and ``1`` into
#: booleans and passes any other text (``off``, ``true``) as it is. A ``conf.py`` that
#: writes one of these texts is read the same way.
_SWITCHES = {"0": False, "false": False, "no": False, "off": False}
_SWITCHES |= {"1": True, "true": True, "yes": True, "on": True}
#: The values that are switches, or mappings of options.
SWITCHED = ("cookiecharter_lint", "cookiecharter_audit", "cookiecharter_publish")


def read_switches(app: Sphinx, config: Config) -> None:
    """``0``, ``false``, ``1``, ``true``... given with ``-D`` as the boolean they spell,
    before any check reads them."""
    for name in SWITCHED:
        value = config[name]
        if isinstance(value, str) and value.strip().lower() in _SWITCHES:
            config[name] = _SWITCHES[value.strip().lower()]


def check_config(app: Sphinx, config: Config) -> None:
    """Check every ``cookiecharter_*`` value; warn and keep what is usable."""
    declaration = config.cookiecharter_declaration
    if isinstance(declaration, os.PathLike):
        config.cookiecharter_declaration = os.fspath(declaration)
    elif declaration is not None and not isinstance(declaration, str):
        _warn("cookiecharter_declaration must be a path (a string); it is ignored")
        config.cookiecharter_declaration = None
    for name, allowed in (
        ("cookiecharter_sections", SECTIONS),
        ("cookiecharter_columns", COLUMNS),
    ):
        value = config[name]
        if isinstance(value, str):
            value = split_names(value)
        if not isinstance(value, (list, tuple)):
            _warn(f"{name} must be a list of names; the default is used")
            value = list(SECTIONS if name == "cookiecharter_sections" else DEFAULT_COLUMNS)
        chosen = choose(value, allowed, f"name in {name}:", _warn)
        if name == "cookiecharter_columns" and not chosen:
            _warn("cookiecharter_columns names no known column; the default columns are used")
            chosen = list(DEFAULT_COLUMNS)
        config[name] = chosen
    if config.cookiecharter_site is not None and not _is_text(config.cookiecharter_site):
        _warn(
            "cookiecharter_site must be a string or a mapping of language codes to "
            "strings; it is ignored"
        )
        config.cookiecharter_site = None
    texts = config.cookiecharter_texts
    if not isinstance(texts, dict):
        _warn("cookiecharter_texts must be a mapping of section names to texts; it is ignored")
        texts = {}
    checked = {}
    for section in choose(texts, SECTIONS, "section in cookiecharter_texts:", _warn):
        if _is_text(texts[section]):
            checked[section] = texts[section]
        else:
            _warn(
                f"cookiecharter_texts[{section!r}] must be a string or a mapping of "
                "language codes to strings; it is ignored"
            )
    config.cookiecharter_texts = checked
    config.cookiecharter_lint = check_lint(config.cookiecharter_lint)
    from .audit import check as check_audit  # noqa: PLC0415

    config.cookiecharter_audit = check_audit(config.cookiecharter_audit, _warn)


def check_lint(value: Any) -> dict[str, Any] | bool:
    """``cookiecharter_lint`` as the lint's options (``False``: no lint), warning about
    what is not usable: ``True`` (the default), ``False``, or a mapping with ``select``,
    ``ignore`` (lists of rule ids) and ``profile``. Options left out are the lint's own
    defaults (every rule of the ``eu`` profile)."""
    if value is False:
        return False
    options: dict[str, Any] = {"select": None, "ignore": []}
    if value is True:
        return options  # the lint is imported only when a declaration is linted
    if not isinstance(value, dict):
        _warn("cookiecharter_lint must be True, False or a mapping; the default is used")
        return options
    from ..lint import DEFAULT_PROFILE, PROFILES, RULES  # noqa: PLC0415

    options["profile"] = DEFAULT_PROFILE
    for key in choose(value, ("select", "ignore", "profile"), "key in cookiecharter_lint:", _warn):
        given = value[key]
        if key == "profile":
            if given in PROFILES:
                options["profile"] = given
            else:
                _warn(
                    f"unknown profile in cookiecharter_lint: {given!r} (expected one of "
                    f"{', '.join(PROFILES)}); {DEFAULT_PROFILE} is used"
                )
            continue
        if isinstance(given, str):
            given = split_names(given)
        if not isinstance(given, (list, tuple)):
            _warn(f"cookiecharter_lint[{key!r}] must be a list of rule ids; it is ignored")
            continue
        options[key] = choose(given, RULES, f"rule id in cookiecharter_lint[{key!r}]:", _warn)
    return options


def site_of(config: Config) -> LocalizedText | None:
    """The checked ``cookiecharter_site`` as a localized text."""
    from ..core.model import LocalizedText  # noqa: PLC0415 (a build without charter has none)

    site = config.cookiecharter_site
    return LocalizedText.of(site) if site else None


def texts_of(config: Config) -> dict[str, LocalizedText]:
    """The checked ``cookiecharter_texts`` as localized texts."""
    from ..core.model import LocalizedText  # noqa: PLC0415 (a build without charter has none)

    return {name: LocalizedText.of(value) for name, value in config.cookiecharter_texts.items()}
