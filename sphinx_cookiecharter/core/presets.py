"""The shipped presets: what a theme, extension, host or analytics service stores.

Each preset is a YAML file in ``sphinx_cookiecharter/presets/`` with the providers and
cookies of a declaration (its texts in English and French; the other languages' versions
are in ``presets/translations/<language>.yaml``, by preset and place), plus where each
fact comes from (measured in Chromium by ``tools/measure_presets.py``, read in the
package's code, or documented by the vendor) and what ``cookiecharter init`` recognises
in a ``conf.py``. A declaration names
presets in ``presets: [furo, sphinx-tabs]``; the loader (:mod:`.load`) merges their
cookies into the declaration's, the declaration's own entries winning for the same
name, domain and storage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .schema import shipped_schema

if TYPE_CHECKING:
    from .model import Cookie, Declaration, LocalizedText, Position, Provider

#: The provider id preset entries use for what the site itself stores (a theme's key):
#: the declaration's own provider of that id, else its controller, stands for it.
SITE_PROVIDER = "site"


@dataclass(frozen=True, slots=True)
class Preset:
    """One shipped preset, as read from its file."""

    id: str
    title: str
    kind: str
    data: dict[str, Any] = field(repr=False, compare=False)
    file: str = ""

    @property
    def obtained(self) -> dict[str, Any]:
        """How the facts were obtained: ``method``, ``version``, ``date``, ``sources``..."""
        value: dict[str, Any] = self.data.get("obtained") or {}
        return value

    @property
    def detect(self) -> dict[str, list[str]]:
        """What ``cookiecharter init`` recognises: themes, extensions, scripts..."""
        value: dict[str, list[str]] = self.data.get("detect") or {}
        return value

    @property
    def cookies(self) -> list[dict[str, Any]]:
        """The entries, as a declaration writes them."""
        value: list[dict[str, Any]] = self.data.get("cookies") or []
        return value

    @property
    def facts(self) -> dict[str, dict[str, Any]]:
        """For each entry's name: ``trigger``, ``action``, ``obtained``, ``basis``."""
        value: dict[str, dict[str, Any]] = self.data.get("facts") or {}
        return value

    def texts(self) -> list[tuple[str, dict[str, str]]]:
        """Every text given per language, with where it is: ``cookies[0].purpose``,
        ``facts.theme.trigger``, ``note``."""
        found: list[tuple[str, Any]] = [("note", self.data.get("note"))]
        for index, cookie in enumerate(self.cookies):
            for key in ("service", "purpose", "exemption"):
                found.append((f"cookies[{index}].{key}", cookie.get(key)))
        for name, fact in self.facts.items():
            found.append((f"facts.{name}.trigger", fact.get("trigger")))
        return [(where, text) for where, text in found if isinstance(text, dict)]

    def text_at(self, where: str) -> dict[str, str]:
        """The language map at ``where`` (``cookies[0].purpose``, ``facts.theme.trigger``,
        ``note``), as :meth:`texts` names it."""
        for place, text in self.texts():
            if place == where:
                return text
        raise KeyError(f"{self.id}: no text at {where}")

    def translate(self, where: str, language: str, text: str) -> None:
        """Add a language's version of the text at ``where`` (from the preset's file of
        translations ``presets/translations/<language>.yaml``); the file's own wins."""
        self.text_at(where).setdefault(language, text)

    def missing_languages(self, languages: list[str]) -> dict[str, list[str]]:
        """For each text, the ``languages`` it is not written in (texts lacking none
        are left out)."""
        result = {}
        for where, text in self.texts():
            lacking = [language for language in languages if language not in text]
            if lacking:
                result[where] = lacking
        return result

    def declaration(self) -> Declaration:
        """The preset as a declaration of its own (providers and cookies)."""
        return _as_declaration(self.id)


def _directory() -> Any:
    return resources.files("sphinx_cookiecharter").joinpath("presets")


@cache
def presets() -> dict[str, Preset]:
    """Every shipped preset, by id, in id order, with its texts in every language."""
    from .read import read_text  # noqa: PLC0415

    found = {}
    for entry in sorted(_directory().iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = read_text(entry.read_text(encoding="utf-8"), "yaml").data
        found[data["id"]] = Preset(data["id"], data["title"], data["kind"], data, entry.name)
    translations = _directory().joinpath("translations")
    if translations.is_dir():
        for entry in sorted(translations.iterdir(), key=lambda item: item.name):
            if entry.name.endswith(".yaml"):
                language = entry.name.removesuffix(".yaml")
                texts = read_text(entry.read_text(encoding="utf-8"), "yaml").data or {}
                for preset_id, places in texts.items():
                    for where, text in places.items():
                        found[preset_id].translate(where, language, text)
    return dict(sorted(found.items()))


def preset_schema() -> dict[str, Any]:
    """The JSON Schema of a preset file (the declaration schema checks its entries)."""
    return shipped_schema("preset")


def check_preset(data: Any, source: str) -> list[str]:
    """Every problem of a preset's data, as lines: its own schema, its entries as a
    declaration, one fact per entry and an entry per fact."""
    import jsonschema  # noqa: PLC0415

    from .load import parse_declaration  # noqa: PLC0415

    cls = jsonschema.validators.validator_for(preset_schema())
    validator = cls(preset_schema(), format_checker=cls.FORMAT_CHECKER)
    problems = [
        f"{source}: {'.'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in validator.iter_errors(data)
    ]
    if problems or not isinstance(data, dict):
        return problems
    fragment = {"providers": data.get("providers") or {}, "cookies": data["cookies"]}
    if data["cookies"]:
        result = parse_declaration(json.dumps(fragment), "json", source=source)
        problems += [str(diagnostic) for diagnostic in result.diagnostics]
    names = [cookie.get("name") for cookie in data["cookies"]]
    problems += [
        f"{source}: facts: no entry for the cookie {name!r}"
        for name in names
        if name not in data["facts"]
    ]
    problems += [
        f"{source}: facts: {name!r} is no cookie of the preset"
        for name in data["facts"]
        if name not in names
    ]
    return problems


@cache
def _as_declaration(preset_id: str) -> Declaration:
    from .load import parse_declaration  # noqa: PLC0415
    from .model import Declaration  # noqa: PLC0415

    preset = presets()[preset_id]
    if not preset.cookies:
        return Declaration(source=preset.file)
    fragment = {"providers": preset.data.get("providers") or {}, "cookies": preset.cookies}
    result = parse_declaration(json.dumps(fragment), "json", source=preset.file)
    if result.declaration is None or result.diagnostics:  # a test keeps this from happening
        raise ValueError(f"the preset {preset_id!r} is broken: {result.diagnostics}")
    return result.declaration


def _placed(text: LocalizedText | None, position: Position | None) -> LocalizedText | None:
    return None if text is None else replace(text, position=position)


def merge(
    own: list[Cookie],
    names: list[tuple[str, Position | None]],
    providers: dict[str, Provider],
    controller_name: str | None,
) -> list[Cookie]:
    """The declaration's cookies followed by those of its presets, in the order named.

    An entry of a preset is left out when the declaration (or an earlier preset) has
    one of the same name, domain and storage. Each preset entry is placed at the
    ``presets`` item that names it. Its provider is the declaration's provider of the
    same id when there is one; for :data:`SITE_PROVIDER`, the controller when named.
    """
    from .model import Provider  # noqa: PLC0415

    merged = list(own)
    taken = {(cookie.name, cookie.domain, cookie.storage) for cookie in own}
    for name, position in names:
        for cookie in _as_declaration(name).cookies:
            key = (cookie.name, cookie.domain, cookie.storage)
            if key in taken:
                continue
            taken.add(key)
            provider = cookie.provider
            if provider.id is not None and provider.id in providers:
                provider = providers[provider.id]
            elif provider.id == SITE_PROVIDER and controller_name:
                provider = Provider(controller_name, position=position)
            else:
                provider = replace(provider, position=position)
            merged.append(
                replace(
                    cookie,
                    provider=provider,
                    purpose=_placed(cookie.purpose, position) or cookie.purpose,
                    service=_placed(cookie.service, position),
                    exemption=_placed(cookie.exemption, position),
                    position=position,
                    preset=name,
                )
            )
    return merged
