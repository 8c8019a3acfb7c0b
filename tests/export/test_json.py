"""The JSON export: the declaration resolved, valid against its own published schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from sphinx_cookiecharter import __version__
from sphinx_cookiecharter.api import export, export_schema, load, parse
from sphinx_cookiecharter.cli import main
from sphinx_cookiecharter.core.durations import UNIT_SECONDS, iso8601, seconds
from sphinx_cookiecharter.core.model import Duration
from sphinx_cookiecharter.export.json import SCHEMA_URL, resolve
from sphinx_cookiecharter.i18n.wording import wording
from tests.paths import DECLARATIONS, DOCS, EXAMPLES, PACKAGE

#: Every valid declaration the repository holds.
DECLARATION_FILES = sorted(
    [
        *(DECLARATIONS / "valid").iterdir(),
        *EXAMPLES.glob("*.yaml"),
        DOCS / "cookies.yaml",
    ]
)

LANGUAGE_SETS = [None, ["en"], ["fr", "en"], ["pt-BR", "de"]]


def validator() -> jsonschema.Draft202012Validator:
    schema = export_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def loaded(path):
    result = load(path)
    assert result.ok, result.diagnostics
    return result.declaration


def test_the_schema_is_shipped_and_published_at_its_id():
    schema = json.loads((PACKAGE / "schemas" / "export.schema.json").read_text("utf-8"))
    assert schema == export_schema()
    assert schema["$id"] == SCHEMA_URL
    assert schema["properties"]["version"]["const"] == 1


@pytest.mark.parametrize("path", DECLARATION_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("languages", LANGUAGE_SETS, ids=str)
def test_every_export_validates_against_the_schema(path, languages):
    text = export(loaded(path), "json", languages, charter="https://example.org/cookies.html")
    tree = json.loads(text)
    errors = sorted(validator().iter_errors(tree), key=str)
    assert not errors, errors[0]
    every_text = [
        value
        for cookie in tree["cookies"]
        for value in (cookie["purpose"], cookie["service"], cookie["exemption"])
        if value is not None
    ]
    assert all(list(value) == tree["languages"] for value in every_text)


def test_a_schema_violation_is_caught():
    """The validation above is not vacuous: a wrong tree fails."""
    tree = resolve(loaded(EXAMPLES / "docs-site.yaml"))
    tree["cookies"][0]["duration"]["seconds"] = "13 months"
    assert list(validator().iter_errors(tree))


def test_providers_categories_and_consent_are_filled_in():
    tree = resolve(loaded(EXAMPLES / "docs-site.yaml"), ["en", "fr"])
    by_name = {cookie["name"]: cookie for cookie in tree["cookies"]}
    assert by_name["_xa"]["provider"] == {
        "id": "example-analytics",
        "name": "Example Analytics",
        "privacy_policy": "https://analytics.example.com/privacy",
        "country": "IE",
        "role": "processor",
        "safeguard": None,
    }
    # A provider given by its plain name.
    assert by_name["theme"]["provider"]["id"] is None
    assert by_name["theme"]["provider"]["name"] == "Example Project"
    # The consent rule comes from the category when the cookie gives none.
    assert by_name["cookie_consent"]["consent"] == "exempt"
    assert by_name["_xa"]["consent"] == "required"
    # The default categories carry the charter's titles and descriptions.
    statistics = next(c for c in tree["categories"] if c["id"] == "statistics")
    assert statistics["title"] == {"en": "Statistics cookies", "fr": "Cookies statistiques"}
    assert statistics["description"]["fr"].startswith("Les cookies statistiques mesurent")
    assert [c["id"] for c in tree["categories"]] == [
        "necessary",
        "preferences",
        "statistics",
        "marketing",
    ]


def test_wildcards_have_a_pattern():
    tree = resolve(loaded(EXAMPLES / "banner-demo.yaml"))
    by_name = {cookie["name"]: cookie for cookie in tree["cookies"]}
    assert by_name["_da_id.*"]["wildcard"] is True
    assert by_name["_da_id.*"]["pattern"] == r"^_da_id\..*$"
    assert by_name["cc_cookie"]["wildcard"] is False
    assert by_name["cc_cookie"]["pattern"] == "^cc_cookie$"


@pytest.mark.parametrize(
    ("written", "iso", "length"),
    [
        ("13 months", "P13M", 13 * 2_629_746),
        ("P1Y6M", "P1Y6M", 31_556_952 + 6 * 2_629_746),
        ("1 year", "P1Y", 12 * 2_629_746),
        ("2 weeks", "P2W", 14 * 86_400),
        ("PT30M", "PT30M", 1_800),
        ("P1DT2H", "P1DT2H", 86_400 + 7_200),
        ("30 minutes", "PT30M", 1_800),
    ],
)
def test_fixed_durations_in_iso_8601_and_seconds(written, iso, length):
    duration = Duration.parse(written)
    assert iso8601(duration) == iso
    assert seconds(duration) == length
    # ISO 8601 as written reads back as the same duration.
    assert Duration.parse(iso) == duration


def test_a_year_is_twelve_months():
    assert UNIT_SECONDS["year"] == 12 * UNIT_SECONDS["month"]
    assert UNIT_SECONDS["year"] == round(365.2425 * 86_400)


@pytest.mark.parametrize("kind", ["session", "persistent"])
def test_durations_without_a_length(kind):
    tree = resolve(
        parse(
            f"cookies: [{{name: a, provider: P, category: necessary, purpose: x, "
            f"duration: {kind}}}]"
        ).declaration,
        ["en", "fr"],
    )
    duration = tree["cookies"][0]["duration"]
    assert duration["kind"] == kind
    assert duration["iso8601"] is None and duration["seconds"] is None
    assert duration["text"] == {
        "en": wording("en").duration(Duration(kind)),
        "fr": wording("fr").duration(Duration(kind)),
    }
    assert duration["text"]["en"] != duration["text"]["fr"]


def test_texts_follow_the_charters_fallbacks():
    declaration = parse(
        "cookies:\n"
        "  - name: a\n"
        "    provider: P\n"
        "    category: necessary\n"
        "    purpose: {fr: Français, en: English}\n"
        "    service: Same everywhere\n"
    ).declaration
    tree = resolve(declaration, ["fr-CA", "de", "en"])
    cookie = tree["cookies"][0]
    assert tree["languages"] == ["fr-CA", "de", "en"]
    assert cookie["purpose"] == {"fr-CA": "Français", "de": "English", "en": "English"}
    assert cookie["service"] == dict.fromkeys(["fr-CA", "de", "en"], "Same everywhere")


def test_the_default_languages_are_those_of_the_declaration():
    assert resolve(loaded(EXAMPLES / "banner-demo.yaml"))["languages"] == ["en", "fr"]
    assert resolve(loaded(EXAMPLES / "docs-site.yaml"))["languages"] == ["en"]
    # In the order the file first uses them: the category title's fr, then its en.
    assert resolve(loaded(EXAMPLES / "model-fr.yaml"))["languages"] == ["fr", "en"]


def test_changes_newest_first():
    declaration = parse(
        "changes:\n"
        "  - {date: 2025-01-02, description: Old.}\n"
        "  - {date: 2026-03-04, description: New., cookies: [a]}\n"
        "cookies: [{name: a, provider: P, category: necessary, purpose: x}]\n"
    ).declaration
    tree = resolve(declaration)
    assert tree["changes"] == [
        {"date": "2026-03-04", "description": {"en": "New."}, "cookies": ["a"]},
        {"date": "2025-01-02", "description": {"en": "Old."}, "cookies": []},
    ]


def test_the_export_is_deterministic_and_states_its_version():
    declaration = loaded(EXAMPLES / "docs-site.yaml")
    first = export(declaration, "json", ["en", "fr"])
    assert first == export(loaded(EXAMPLES / "docs-site.yaml"), "json", ["en", "fr"])
    tree = json.loads(first)
    assert tree["version"] == 1
    assert tree["$schema"] == SCHEMA_URL
    assert tree["generator"] == f"sphinx-cookiecharter {__version__}"
    assert first.endswith("}\n")


def test_the_command_prints_the_export_schema(capsys):
    assert main(["schema", "--export"]) == 0
    assert json.loads(capsys.readouterr().out) == export_schema()


FREE_TEXT = """\
consent: {duration: {en: until you change it, fr: jusqu'à ce que vous le changiez}}
cookies:
  - name: remember
    provider: P
    category: necessary
    purpose: x
    duration: {en: 14 days if you tick Remember me, fr: 14 jours si vous cochez Se souvenir}
"""


def test_durations_only_words_can_give_keep_their_text():
    tree = resolve(parse(FREE_TEXT).declaration, ["fr", "en", "de"])
    assert tree["cookies"][0]["duration"] == {
        "kind": "text",
        "iso8601": None,
        "seconds": None,
        "text": {
            "fr": "14 jours si vous cochez Se souvenir",
            "en": "14 days if you tick Remember me",
            "de": "14 days if you tick Remember me",
        },
    }
    assert tree["consent"]["duration"]["text"]["fr"] == "jusqu'à ce que vous le changiez"
    assert not list(validator().iter_errors(tree))


def test_a_wrong_language_code_is_refused():
    with pytest.raises(ValueError, match="is not a language code"):
        export(loaded(EXAMPLES / "docs-site.yaml"), "json", ["en", "english please"])
