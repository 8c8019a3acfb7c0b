"""The shipped presets: valid files, every fact sourced, merged into declarations as the
design says (the declaration's own entry wins; positions at the ``presets`` line)."""

from __future__ import annotations

import json

import pytest

from sphinx_cookiecharter.audit.compare import name_matches
from sphinx_cookiecharter.audit.measure import RECORD, read_record
from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.core.presets import check_preset, presets
from sphinx_cookiecharter.lint import PROFILES, lint
from tests.paths import PACKAGE

#: The presets issue 15 asks for, at least.
REQUIRED = {
    "alabaster",
    "furo",
    "sphinx-rtd-theme",
    "pydata-sphinx-theme",
    "sphinx-book-theme",
    "shibuya",
    "sphinx-immaterial",
    "sphinx-tabs",
    "sphinx-design",
    "sphinx-copybutton",
    "sphinx-togglebutton",
    "read-the-docs",
    "google-analytics-4",
    "plausible",
    "matomo",
}
RECORDED = read_record((PACKAGE / "presets" / RECORD).read_text(encoding="utf-8"))


def test_every_preset_asked_for_is_shipped() -> None:
    assert set(presets()) >= REQUIRED


@pytest.mark.parametrize("preset_id", sorted(presets()))
def test_the_preset_file_is_valid(preset_id: str) -> None:
    preset = presets()[preset_id]
    assert check_preset(preset.data, preset.file) == []
    assert preset.file == f"{preset_id}.yaml"


def test_a_broken_preset_is_explained() -> None:
    data = dict(presets()["furo"].data)
    data["cookies"] = [{**data["cookies"][0], "storage": "drawer"}]
    data["facts"] = {"theme": data["facts"]["theme"], "ghost": data["facts"]["theme"]}
    problems = check_preset(data, "furo.yaml")
    assert any("storage: 'drawer' is not allowed" in problem for problem in problems)
    assert "furo.yaml: facts: 'ghost' is no cookie of the preset" in problems


@pytest.mark.parametrize("preset_id", sorted(presets()))
def test_every_fact_says_how_it_was_obtained(preset_id: str) -> None:
    """Measured: a record with version and date; source or documented: public sources
    with the day they were checked."""
    preset = presets()[preset_id]
    obtained = preset.obtained
    assert obtained["date"]
    if obtained["method"] == "measured":
        measured = RECORDED[preset_id]
        assert (obtained["version"], obtained["date"]) == (measured.version, measured.date)
        assert obtained["package"] == measured.package
        assert obtained["script"] == "tools/measure_presets.py"
    else:
        assert obtained["sources"], "a fact not measured rests on a public source"
        assert all(source["url"].startswith("https://") for source in obtained["sources"])
    for name, fact in preset.facts.items():
        assert fact["obtained"] in ("measured", "source", "documented"), name
        assert fact.get("basis"), f"{preset_id}: {name}: the consent need rests on nothing"
        if fact["obtained"] == "measured":
            assert obtained["method"] == "measured"
            stored = RECORDED[preset_id].stored
            assert any(name_matches(name, item.name) for item in stored), name
            assert fact["action"] in {
                item.action for item in stored if name_matches(name, item.name)
            }


@pytest.mark.parametrize("preset_id", sorted(RECORDED))
def test_every_measured_key_is_in_its_preset(preset_id: str) -> None:
    """The measurement record (tools/measure_presets.py): whatever was stored is
    declared by the preset, with the same storage and party."""
    entries = presets()[preset_id].cookies
    for item in RECORDED[preset_id].stored:
        matching = [
            entry
            for entry in entries
            if name_matches(entry["name"], item.name)
            and entry.get("storage", "cookie") == item.storage
        ]
        assert matching, f"{preset_id}: {item.name} ({item.storage}) is missing"
        assert matching[0].get("party", "first") == item.party
        if item.storage == "session-storage":
            assert matching[0]["duration"] == "session"


@pytest.mark.parametrize("preset_id", sorted(presets()))
def test_a_declaration_naming_only_the_preset_is_valid(preset_id: str) -> None:
    result = parse_declaration(f"presets: [{preset_id}]\n", source="only.yaml")
    assert result.diagnostics == ()
    assert result.declaration is not None
    assert len(result.declaration.cookies) == len(presets()[preset_id].cookies)
    assert {cookie.preset for cookie in result.declaration.cookies} <= {preset_id}


DECLARATION = """\
controller:
  name: Example Org
providers:
  google:
    name: Google Ireland Limited
    privacy_policy: https://policies.google.com/privacy
    country: IE
presets:
  - furo
  - google-analytics-4
cookies:
  - name: theme
    provider: Example Org
    category: preferences
    purpose: Our own words about the theme key.
    storage: local-storage
    consent: exempt
    exemption: A display choice.
"""


def test_the_declaration_s_own_entry_wins_and_presets_follow() -> None:
    result = parse_declaration(DECLARATION, source="cookies.yaml")
    assert result.diagnostics == ()
    declaration = result.declaration
    assert declaration is not None
    assert declaration.presets == ("furo", "google-analytics-4")
    cookies = {cookie.name: cookie for cookie in declaration.cookies}
    assert [c.name for c in declaration.cookies] == ["theme", "_ga", "_ga_*"]
    assert cookies["theme"].preset is None
    assert cookies["theme"].purpose.translations == ((None, "Our own words about the theme key."),)
    # The declared provider of the same id stands for the preset's.
    assert cookies["_ga"].provider.name == "Google Ireland Limited"
    assert cookies["_ga"].provider.country == "IE"
    # Preset entries point at the line that names their preset.
    assert cookies["_ga"].position is not None and cookies["_ga"].position.line == 10
    assert cookies["_ga"].purpose.position == cookies["_ga"].position


def test_another_storage_or_domain_is_another_entry() -> None:
    text = DECLARATION.replace("    storage: local-storage\n", "    storage: session-storage\n")
    declaration = parse_declaration(text).declaration
    assert declaration is not None
    names = [(c.name, c.storage, c.preset) for c in declaration.cookies]
    assert ("theme", "local-storage", "furo") in names
    assert ("theme", "session-storage", None) in names


def test_the_site_s_own_keys_are_the_controller_s() -> None:
    declaration = parse_declaration(
        "controller: {name: Ville d'Anglet}\npresets: [sphinx-design]\n"
    ).declaration
    assert declaration is not None
    assert declaration.cookies[0].provider.name == "Ville d'Anglet"
    without = parse_declaration("presets: [sphinx-design]\n").declaration
    assert without is not None
    assert without.cookies[0].provider.name == "sphinx-design"


def test_a_preset_entry_already_given_by_an_earlier_preset_is_not_repeated() -> None:
    declaration = parse_declaration(
        "presets: [pydata-sphinx-theme, sphinx-book-theme]\n"
    ).declaration
    assert declaration is not None
    assert [c.preset for c in declaration.cookies] == ["pydata-sphinx-theme"] * 5


@pytest.mark.parametrize(
    ("fmt", "text", "line"),
    [
        ("yaml", "presets:\n  - furo\n", 2),
        ("toml", 'site = "x"\npresets = [\n  "furo",\n]\n', 2),
        ("json", '{\n  "presets": [\n    "furo"\n  ]\n}\n', 3),
    ],
)
def test_positions_in_every_format(fmt: str, text: str, line: int) -> None:
    declaration = parse_declaration(text, fmt).declaration  # type: ignore[arg-type]
    assert declaration is not None
    position = declaration.cookies[0].position
    assert position is not None and position.line == line


def test_an_unknown_preset_is_a_located_reference_problem_with_a_suggestion() -> None:
    result = parse_declaration(
        "presets:\n  - furo\n  - sphinx-tab\n  - furo\ncookies: []\n", source="c.yaml"
    )
    assert [str(d) for d in result.diagnostics] == [
        "c.yaml:3:5: error: presets[1]: unknown preset 'sphinx-tab'; did you mean "
        "'sphinx-tabs'? (expected one of " + ", ".join(presets()) + ")",
        "c.yaml:4:5: error: presets[2]: the preset 'furo' is already named (presets[0]) "
        "(expected each preset once)",
    ]
    assert [d.kind for d in result.diagnostics] == ["reference", "duplicate"]
    declaration = result.declaration
    assert declaration is not None
    assert declaration.presets == ("furo",)
    assert [c.name for c in declaration.cookies] == ["theme"]


def test_a_declaration_needs_cookies_or_presets() -> None:
    result = parse_declaration("site: x\n", source="c.yaml")
    assert [str(d) for d in result.diagnostics] == [
        "c.yaml:1:1: error: cookies: required field is missing (expected a list of cookies)"
    ]
    assert parse_declaration("presets: 3\n").diagnostics[0].field == "presets"


def test_the_schema_is_what_editors_get() -> None:
    shipped = json.loads((PACKAGE / "schemas" / "declaration.schema.json").read_text())
    assert shipped["properties"]["presets"]["items"] == {"$ref": "#/$defs/id"}


FIRST_PARTY = sorted(
    preset_id
    for preset_id, preset in presets().items()
    if preset.kind in ("theme", "extension", "host")
)
COMPLETE = """\
updated: 2026-11-28
controller:
  name: Example Org
  contact: privacy@example.org
  privacy_policy: https://example.org/privacy
consent:
  manage_url: "#cookie-settings"
  duration: 6 months
"""


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_the_theme_extension_and_host_presets_are_lint_clean(profile: str) -> None:
    """The lint runs on preset entries as on the declaration's own (decided in the docs:
    "Presets and the lint"); those of themes, extensions and hosts give no finding."""
    text = COMPLETE + "presets: [" + ", ".join(FIRST_PARTY) + "]\n"
    declaration = parse_declaration(text, source="c.yaml").declaration
    assert declaration is not None
    import datetime

    findings = lint(declaration, profile=profile, on=datetime.date(2026, 11, 29))
    assert [str(f) for f in findings] == []


def test_analytics_presets_are_linted_and_their_findings_name_the_preset() -> None:
    import datetime

    text = COMPLETE + "presets: [google-analytics-4, matomo, plausible]\n"
    declaration = parse_declaration(text, source="c.yaml").declaration
    assert declaration is not None
    findings = lint(declaration, profile="fr", on=datetime.date(2026, 11, 29))
    about = {(f.rule, f.cookie) for f in findings}
    # Google's default lifetime is over the CNIL's 13 months.
    assert ("CK014", "_ga") in about
    assert ("CK014", "_ga_*") in about
    ga = next(f for f in findings if f.rule == "CK014" and f.cookie == "_ga")
    assert ga.line == 9
    assert ga.message.endswith("(from the preset 'google-analytics-4')")
    # Plausible's pixel silences CK012 (nothing stored), with its reason.
    assert ("CK012", "plausible") not in about
