"""Loading declarations: the three formats, source positions, references and defaults."""

from __future__ import annotations

import dataclasses
import datetime
import textwrap

import pytest

from sphinx_cookiecharter.core.load import LoadResult, load_declaration, parse_declaration
from sphinx_cookiecharter.core.model import Declaration, Duration, LocalizedText, Position, Provider
from sphinx_cookiecharter.i18n.languages import pick
from tests.paths import DECLARATIONS

VALID = DECLARATIONS / "valid"
FORMATS = ("yaml", "toml", "json")


def _load(fmt: str) -> Declaration:
    result = load_declaration(VALID / f"declaration.{fmt}")
    assert result.diagnostics == ()
    assert result.ok
    assert result.declaration is not None
    return result.declaration


def _parse(text: str, fmt: str = "yaml", **options) -> LoadResult:
    return parse_declaration(textwrap.dedent(text), fmt, source="inline", **options)


# --- the same declaration in each format ------------------------------------------------


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_formats_load_to_equal_models(fmt):
    yaml_declaration = _load("yaml")
    other = _load(fmt)
    assert other.cookies == yaml_declaration.cookies
    assert other.providers == yaml_declaration.providers
    assert other.categories == yaml_declaration.categories
    # Everything else too; only the source name differs.
    assert dataclasses.replace(other, source="-") == dataclasses.replace(
        yaml_declaration, source="-"
    )


def test_the_valid_declaration_as_read():
    declaration = _load("yaml")
    assert declaration.source == str(VALID / "declaration.yaml")
    assert declaration.version == 1
    assert declaration.site == LocalizedText.of("https://data.example.org")
    assert declaration.controller.name == "Example Town Hall"
    assert declaration.controller.contact == "privacy@example.org"
    assert declaration.consent.manage_url == "#cookie-settings"
    assert declaration.consent.duration == Duration("fixed", ((6, "month"),))
    assert [c.name for c in declaration.cookies] == [
        "sessionid",
        "_pk_id.*",
        "theme",
        "chat_state",
        "ads_seen",
    ]
    assert [c.id for c in declaration.categories] == [
        "necessary",
        "preferences",
        "statistics",
        "marketing",
        "support",
    ]
    necessary = declaration.category("necessary")
    assert pick(necessary.title, "fr") == "Nécessaires au fonctionnement du site"
    assert necessary.description is None
    assert declaration.category("preferences").title is None
    assert pick(declaration.text("intro"), "fr") == "Pourquoi ce site enregistre des données."
    chat = declaration.cookies[3]
    assert chat.duration == Duration("fixed", ((1, "day"), (12, "hour")))
    assert chat.storage == "session-storage"
    ads = declaration.cookies[4]
    assert ads.duration.parts == ((1, "year"), (6, "month"))
    assert (ads.party, ads.storage, ads.domain) == ("third", "pixel", None)
    stats = declaration.cookies[1]
    assert stats.is_wildcard
    assert stats.domain == ".example.org"
    assert stats.service == LocalizedText.of("Visit statistics")


@pytest.mark.parametrize("fmt", FORMATS)
def test_updated_is_a_date(fmt):
    assert _load(fmt).updated == datetime.date(2026, 11, 28)


def test_updated_is_a_date_when_quoted_in_yaml():
    result = _parse(
        """\
        updated: "2026-01-05"
        cookies: []
        """
    )
    assert result.ok
    assert result.declaration.updated == datetime.date(2026, 1, 5)


# --- positions ---------------------------------------------------------------------------

COOKIE_POSITIONS = {
    # The start of each cookie's mapping, after "- ".
    "yaml": [(29, 5), (35, 5), (43, 5), (49, 5), (55, 5)],
    # The opening brace of each cookie's object.
    "json": [(46, 5), (57, 5), (70, 5), (78, 5), (86, 5)],
    # The [[cookies]] header of each cookie; TOML gives lines only.
    "toml": [(34, None), (42, None), (52, None), (60, None), (68, None)],
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_cookies_keep_their_source_line(fmt):
    cookies = _load(fmt).cookies
    expected = COOKIE_POSITIONS[fmt]
    assert [c.position.line for c in cookies] == [line for line, _ in expected]
    if fmt != "toml":
        assert [c.position.column for c in cookies] == [column for _, column in expected]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cookie_positions_point_at_the_cookie_in_the_file(fmt):
    lines = (VALID / f"declaration.{fmt}").read_text(encoding="utf-8").splitlines()
    marker = {"yaml": "  - name:", "json": "    {", "toml": "[[cookies]]"}[fmt]
    for cookie in _load(fmt).cookies:
        assert lines[cookie.position.line - 1].startswith(marker)


def test_texts_keep_their_position():
    # A field of a YAML mapping is placed at its key; a JSON value where it starts.
    declaration = _load("yaml")
    assert declaration.cookies[0].purpose.position == Position(33, 5)
    assert declaration.cookies[0].service.position == Position(31, 5)
    assert declaration.category("necessary").title.position == Position(21, 5)
    declaration = _load("json")
    assert declaration.cookies[0].purpose.position == Position(54, 18)
    assert declaration.category("necessary").title.position == Position(26, 16)


def test_inline_text_with_line_offset_shifts_lines():
    text = """\
        cookies:
          - name: first
            provider: Someone
            category: necessary
            purpose: First one.
          - name: second
            provider: Someone
            category: necessary
            purpose: Second one.
        """
    plain = _parse(text)
    shifted = _parse(text, line_offset=40)
    assert [c.position for c in plain.declaration.cookies] == [Position(2, 5), Position(6, 5)]
    assert [c.position for c in shifted.declaration.cookies] == [
        Position(42, 5),
        Position(46, 5),
    ]
    assert shifted.declaration.cookies[1].purpose.position == Position(49, 5)


def test_line_offset_shifts_diagnostics():
    text = """\
        cookies:
          - name: first
            provider: Someone
            category: necessary
            purpose: First one.
            party: fourth
        """
    result = _parse(text, line_offset=10)
    assert [str(d) for d in result.diagnostics] == [
        "inline:16:5: error: cookies[0].party: 'fourth' is not allowed (expected first or third)"
    ]
    assert result.declaration.cookies == ()


def test_line_offset_shifts_syntax_errors():
    result = _parse("cookies: [\n", line_offset=7)
    assert result.declaration is None
    (diagnostic,) = result.diagnostics
    assert diagnostic.kind == "load"
    assert diagnostic.line == 9


def test_line_offset_shifts_the_line_of_a_duplicate():
    text = """\
        cookies:
          - {name: a, provider: P, category: necessary, purpose: x}
          - {name: a, provider: P, category: necessary, purpose: y}
        """
    result = _parse(text, line_offset=100)
    assert [str(d) for d in result.diagnostics] == [
        "inline:103:6: error: cookies[1].name: the cookie 'a' is already declared "
        "(cookies[0], line 102) (expected one entry per name, domain and storage)"
    ]


def test_default_source_is_the_path_as_given():
    path = VALID / "declaration.json"
    assert load_declaration(path).declaration.source == str(path)
    assert load_declaration(path, source="shown.json").declaration.source == "shown.json"


# --- providers, categories, consent -------------------------------------------------


def test_provider_id_resolves_to_the_declared_provider():
    declaration = _load("yaml")
    portal = Provider("Portal Software", "portal", "https://portal.example.com/privacy", "FR")
    assert declaration.providers == (portal, Provider("Visit Counter", "stats", None, "DE"))
    assert declaration.cookies[0].provider == portal
    assert declaration.cookies[0].provider is declaration.cookies[2].provider


def test_undeclared_provider_is_a_plain_name():
    declaration = _load("yaml")
    assert declaration.cookies[3].provider == Provider(name="Chat Company", id=None)
    assert declaration.cookies[4].provider == Provider(name="Advert Network", id=None)


def test_provider_names_are_not_matched_loosely():
    result = _parse(
        """\
        providers:
          portal: {name: Portal Software}
        cookies:
          - {name: a, provider: Portal Software, category: necessary, purpose: x}
          - {name: b, provider: Portal, category: necessary, purpose: x}
        """
    )
    assert result.ok
    assert [c.provider for c in result.declaration.cookies] == [
        Provider("Portal Software"),
        Provider("Portal"),
    ]


CONSENT_TEXT = """\
categories:
  custom: {title: Custom}
  waived: {title: Waived, consent: exempt}
  statistics: {consent: exempt}
cookies:
  - {name: a, provider: P, category: necessary, purpose: x}
  - {name: b, provider: P, category: preferences, purpose: x}
  - {name: c, provider: P, category: statistics, purpose: x}
  - {name: d, provider: P, category: marketing, purpose: x}
  - {name: e, provider: P, category: custom, purpose: x}
  - {name: f, provider: P, category: waived, purpose: x}
  - {name: g, provider: P, category: necessary, purpose: x, consent: required}
  - {name: h, provider: P, category: marketing, purpose: x, consent: exempt}
"""


def test_category_consent_defaults_and_cookie_override():
    result = _parse(CONSENT_TEXT)
    assert result.ok
    declaration = result.declaration
    assert {c.id: c.consent for c in declaration.categories} == {
        "necessary": "exempt",
        "preferences": "required",
        "statistics": "exempt",
        "marketing": "required",
        "custom": "required",
        "waived": "exempt",
    }
    assert {c.name: c.consent for c in declaration.cookies} == {
        "a": "exempt",
        "b": "required",
        "c": "exempt",
        "d": "required",
        "e": "required",
        "f": "exempt",
        "g": "required",
        "h": "exempt",
    }


def test_cookie_defaults():
    result = _parse(
        """\
        cookies:
          - {name: a, provider: P, category: necessary, purpose: x}
        """
    )
    (cookie,) = result.declaration.cookies
    assert (cookie.party, cookie.storage, cookie.domain) == ("first", "cookie", None)
    assert (cookie.duration, cookie.service) == (None, None)


def test_declared_categories_follow_the_defaults_in_declaration_order():
    result = _parse(
        """\
        categories:
          zeta: {title: Z}
          marketing: {title: Ads}
          alpha: {title: A}
        cookies: []
        """
    )
    assert [c.id for c in result.declaration.categories] == [
        "necessary",
        "preferences",
        "statistics",
        "marketing",
        "zeta",
        "alpha",
    ]
    assert pick(result.declaration.category("marketing").title, "en") == "Ads"


def test_an_empty_cookie_list_is_valid():
    result = _parse("cookies: []\n")
    assert result.ok
    assert result.declaration.cookies == ()
    assert result.declaration.categories_in_use() == []


# --- YAML specifics ----------------------------------------------------------------------


def test_yaml_language_keys_stay_strings():
    result = _parse(
        """\
        cookies:
          - name: a
            provider: P
            category: necessary
            purpose:
              no: Norsk tekst.
              en: English text.
              fr: Texte français.
        """
    )
    assert result.ok
    purpose = result.declaration.cookies[0].purpose
    assert purpose.translations == (
        ("no", "Norsk tekst."),
        ("en", "English text."),
        ("fr", "Texte français."),
    )
    assert pick(purpose, "no") == "Norsk tekst."
    assert pick(purpose, "fr") == "Texte français."


def test_yaml_values_that_look_like_numbers_are_checked_as_numbers():
    result = _parse(
        """\
        cookies:
          - {name: 2024, provider: P, category: necessary, purpose: x}
          - {name: "2024", provider: P, category: necessary, purpose: x}
        """
    )
    assert [str(d) for d in result.diagnostics] == [
        "inline:2:6: error: cookies[0].name: got the number 2024 "
        "(expected a cookie name, '*' standing for any characters)"
    ]
    assert [c.name for c in result.declaration.cookies] == ["2024"]


def test_toml_positions_of_fields_inside_array_tables():
    result = _parse(
        """\
        [[cookies]]
        name = "a"
        provider = "P"
        category = "necessary"
        purpose = "x"

        [[cookies]]
        name = "b"
        provider = "P"
        category = "necessary"
        purpose = "x"
        storage = "cookies"
        """,
        "toml",
    )
    assert [str(d) for d in result.diagnostics] == [
        "inline:12:1: error: cookies[1].storage: 'cookies' is not allowed; did you mean "
        "'cookie'? (expected cookie, local-storage, session-storage, indexeddb or pixel)"
    ]
    assert [c.name for c in result.declaration.cookies] == ["a"]
    assert result.declaration.cookies[0].position.line == 1


def test_json_positions_of_nested_values():
    result = _parse(
        """\
        {
          "cookies": [
            {"name": "a", "provider": "P", "category": "necessary", "purpose": "x"},
            {"name": "b", "provider": "P", "category": "necessary",
             "purpose": {"en": "x", "english": "y"}}
          ]
        }
        """,
        "json",
    )
    assert [str(d) for d in result.diagnostics] == [
        "inline:5:40: error: cookies[1].purpose.english: 'english' is not a valid key "
        "(expected a language code such as en, fr or pt_BR)"
    ]
    assert result.declaration.cookies[0].position == Position(3, 5)


# --- what the declaration may also say (DESIGN.md) ---------------------------------------


def test_regulator_fields_are_read():
    result = load_declaration(VALID / "regulator-fields.yaml")
    assert result.ok
    declaration = result.declaration
    assert declaration.controller.privacy_policy == "https://data.example.org/privacy"
    assert declaration.consent.granular is True
    analytics, portal = declaration.providers
    assert (analytics.country, analytics.role) == ("US", "processor")
    assert pick(analytics.safeguard, "fr") == "Cadre de protection des données UE-États-Unis"
    assert pick(analytics.safeguard, "en") == "EU-US Data Privacy Framework"
    assert (portal.role, portal.safeguard) == ("joint-controller", None)
    session, stats, ad = declaration.cookies
    assert pick(session.exemption, "fr") == "Authentication"
    assert pick(stats.exemption, "en").startswith("Audience measurement for the site alone")
    assert ad.exemption is None
    assert ad.provider.role is None


def test_regulator_fields_default_to_unsaid():
    result = _parse("consent: {manage_url: x}\ncontroller: {name: X}\ncookies: []\n")
    assert result.declaration.consent.granular is None
    assert result.declaration.controller.privacy_policy is None


def test_every_part_of_the_model_has_a_position():
    declaration = load_declaration(VALID / "regulator-fields.yaml").declaration
    assert declaration.controller.position == Position(3, 1)
    assert declaration.consent.position == Position(7, 1)
    assert [p.position for p in declaration.providers] == [Position(12, 3), Position(18, 3)]
    assert declaration.providers[0].safeguard.position == Position(17, 5)
    assert declaration.category("statistics").position == Position(23, 3)
    assert declaration.category("necessary").position is None  # not declared
    # A provider given as a plain name is placed at the cookie's provider field.
    assert declaration.cookies[2].provider.position == Position(40, 5)
    assert declaration.cookies[1].exemption.position == Position(36, 5)


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_positions_of_the_parts_in_other_formats(fmt):
    declaration = _load(fmt)
    assert declaration.controller.position is not None
    assert declaration.consent.position is not None
    assert all(provider.position is not None for provider in declaration.providers)
    assert declaration.category("support").position is not None


def test_site_may_be_translated():
    result = _parse("site: {en: Example handbook, fr: Manuel d'Example}\ncookies: []\n")
    assert result.ok
    assert pick(result.declaration.site, "fr") == "Manuel d'Example"
    assert pick(result.declaration.site, "de") == "Example handbook"


def test_free_text_duration_keeps_its_languages_and_position():
    result = _parse(
        """\
        consent: {duration: {en: Until you change it}}
        cookies:
          - name: a
            provider: P
            category: necessary
            purpose: x
            duration: {en: 1 week to 1 year, fr: 1 semaine à 1 an}
        """
    )
    assert result.ok
    duration = result.declaration.cookies[0].duration
    assert duration.kind == "text"
    assert pick(duration.text, "fr") == "1 semaine à 1 an"
    assert duration.text.position == Position(7, 5)
    assert result.declaration.consent.duration.kind == "text"
