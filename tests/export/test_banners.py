"""The banner configurations: what they hold, and that Node reads them as JavaScript.

What the libraries make of them is in ``test_browser.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from sphinx_cookiecharter.api import CharterLink, export, load, parse
from sphinx_cookiecharter.export import cookieconsent, klaro
from sphinx_cookiecharter.export.common import services
from sphinx_cookiecharter.export.js import RegExp
from tests.export.test_json import DECLARATION_FILES
from tests.paths import EXAMPLES

NODE = shutil.which("node")
DEMO = EXAMPLES / "banner-demo.yaml"
CHARTER = "https://example.org/cookies.html"


def demo():
    return load(DEMO).declaration


def evaluate(script: str, target: str) -> object:
    """Run an exported script in Node (with a ``window`` and ``document``) and give back
    ``target`` as JSON (a ``RegExp`` as its source)."""
    if NODE is None:
        pytest.skip("Node.js is not installed")
    code = (
        "globalThis.window = {}; globalThis.location = {href: 'https://site.test/a/b.html'};\n"
        "globalThis.document = {currentScript: {src: 'https://site.test/_static/c/x.js'}};\n"
        + script
        + f"\nconsole.log(JSON.stringify({target}, (k, v) => v instanceof RegExp ? "
        "{regexp: v.source} : v));"
    )
    result = subprocess.run(
        [NODE, "-e", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", DECLARATION_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["cookieconsent", "klaro"])
def test_every_export_is_javascript_that_assigns_the_configuration(path, fmt):
    declaration = load(path).declaration
    script = export(declaration, fmt, ["en", "fr"], charter=CHARTER)
    target = (
        "window.cookiecharter.cookieconsent" if fmt == "cookieconsent" else "window.klaroConfig"
    )
    configuration = evaluate(script, target)
    module = cookieconsent if fmt == "cookieconsent" else klaro
    expected = json.loads(
        json.dumps(
            module.configuration(declaration, ["en", "fr"], charter=CharterLink(CHARTER)),
            default=lambda v: {"regexp": v.source} if isinstance(v, RegExp) else str(v),
        )
    )
    assert configuration == expected
    assert script == export(load(path).declaration, fmt, ["en", "fr"], charter=CHARTER)


def test_cookieconsent_categories_and_what_they_clear():
    config = cookieconsent.configuration(demo(), ["en"], charter=CharterLink(CHARTER))
    assert config["mode"] == "opt-in"
    assert config["autoClearCookies"] is True
    assert config["cookie"] == {"expiresAfterDays": 182}  # consent.duration: 6 months
    categories = config["categories"]
    assert list(categories) == ["necessary", "preferences", "statistics", "marketing"]
    assert categories["necessary"]["readOnly"] is True
    assert categories["necessary"]["enabled"] is True
    assert "autoClear" not in categories["necessary"]
    assert categories["statistics"] == {
        "enabled": False,
        "readOnly": False,
        "autoClear": {
            "cookies": [{"name": RegExp(r"^_da_id\..*$")}, {"name": RegExp(r"^_da_ses\..*$")}]
        },
        "services": {
            "demo-analytics": {
                "label": "Demo Analytics",
                "cookies": [{"name": RegExp(r"^_da_id\..*$")}, {"name": RegExp(r"^_da_ses\..*$")}],
            }
        },
    }
    assert categories["preferences"]["autoClear"] == {"cookies": [{"name": "demo_lang"}]}
    assert config["language"]["default"] == "en"
    assert config["language"]["autoDetect"] == "document"


def test_cookieconsent_translations_carry_the_charters_wording():
    config = cookieconsent.configuration(demo(), ["en", "fr"], charter=CharterLink(CHARTER))
    french = config["language"]["translations"]["fr"]
    assert french["consentModal"]["title"] == "Les cookies de ce site"
    assert (
        f'La <a href="{CHARTER}">charte cookies</a> recense chaque cookie'
        in french["consentModal"]["description"]
    )
    assert french["consentModal"]["acceptNecessaryBtn"] == "Tout refuser"
    sections = french["preferencesModal"]["sections"]
    statistics = next(s for s in sections if s.get("linkedCategory") == "statistics")
    assert statistics["title"] == "Cookies statistiques"
    assert statistics["description"].startswith("Les cookies statistiques mesurent")
    table = statistics["cookieTable"]
    assert table["headers"] == {
        "name": "Nom du cookie",
        "provider": "Nom du prestataire",
        "purpose": "Finalités",
        "duration": french_duration_header(),
    }
    assert table["body"][0] == {
        "name": "_da_id.*",
        "provider": '<a href="https://analytics.example.com/privacy">Demo Analytics</a>',
        "purpose": "Distingue les visites d&#x27;un même navigateur, un cookie par site mesuré.",
        "duration": "13\N{NO-BREAK SPACE}mois",
    }


def french_duration_header() -> str:
    from sphinx_cookiecharter.i18n.wording import wording

    return wording("fr").column_header("duration")


def test_declared_texts_are_escaped_for_cookieconsents_html():
    declaration = parse(
        "providers:\n"
        "  evil: {name: '<img src=x onerror=alert(1)>', privacy_policy: 'https://x.test/?a=1&b=\"2'}\n"
        "cookies:\n"
        "  - name: '<b>*'\n"
        "    provider: evil\n"
        "    category: statistics\n"
        "    storage: local-storage\n"  # a cookie's name could hold no '<'
        "    purpose: 'Counts </script> & more'\n"
    ).declaration
    config = cookieconsent.configuration(declaration, ["en"])
    sections = config["language"]["translations"]["en"]["preferencesModal"]["sections"]
    row = sections[1]["cookieTable"]["body"][0]
    assert row["name"] == "&lt;b&gt;*"
    assert row["purpose"] == "Counts &lt;/script&gt; &amp; more"
    assert row["provider"] == (
        '<a href="https://x.test/?a=1&amp;b=&quot;2">&lt;img src=x onerror=alert(1)&gt;</a>'
    )
    service = config["categories"]["statistics"]["services"]["evil"]
    assert service["label"] == "&lt;img src=x onerror=alert(1)&gt;"
    script = export(declaration, "cookieconsent", ["en"])
    assert "</script>" not in script


def test_exempt_cookies_and_other_storage_are_not_cleared():
    declaration = load(EXAMPLES / "docs-site.yaml").declaration
    config = cookieconsent.configuration(declaration, ["en"])
    # The preference kept in local storage needs no consent: nothing to ask, nothing to clear.
    assert config["categories"]["preferences"]["readOnly"] is True
    assert "autoClear" not in config["categories"]["preferences"]
    assert config["categories"]["statistics"]["autoClear"]["cookies"][0] == {
        "name": "_xa",
        "domain": ".example.org",
    }


def test_services_are_providers_within_a_category():
    declaration = parse(
        "providers:\n"
        "  acme: {name: Acme}\n"
        "cookies:\n"
        "  - {name: a, provider: acme, category: necessary, purpose: x}\n"
        "  - {name: b, provider: acme, category: statistics, purpose: y}\n"
        "  - {name: c, provider: Other Co., category: statistics, purpose: z}\n"
        "  - {name: d, provider: acme-statistics, category: marketing, purpose: w}\n"
    ).declaration
    assert [(s.id, s.category.id, [c.name for c in s.cookies]) for s in services(declaration)] == [
        ("acme-necessary", "necessary", ["a"]),
        ("acme-statistics-2", "statistics", ["b"]),
        ("other-co", "statistics", ["c"]),
        ("acme-statistics", "marketing", ["d"]),
    ]


def test_klaro_services_purposes_and_translations():
    config = klaro.configuration(demo(), ["en", "fr"], charter=CharterLink(CHARTER))
    assert config["purposeOrder"] == ["necessary", "preferences", "statistics", "marketing"]
    assert config["cookieExpiresAfterDays"] == 182
    assert config["groupByPurpose"] is True
    assert config["htmlTexts"] is False
    by_name = {service["name"]: service for service in config["services"]}
    assert list(by_name) == [
        "this-site-necessary",
        "this-site-preferences",
        "demo-analytics",
        "demo-ads",
    ]
    assert by_name["this-site-necessary"]["required"] is True
    assert "cookies" not in by_name["this-site-necessary"]
    assert by_name["demo-analytics"]["purposes"] == ["statistics"]
    assert by_name["demo-analytics"]["required"] is False
    assert by_name["demo-analytics"]["cookies"] == [
        RegExp(r"^_da_id\..*$"),
        RegExp(r"^_da_ses\..*$"),
    ]
    assert by_name["demo-ads"]["translations"]["fr"]["description"] == (
        "Mesure quelle campagne publicitaire vous a amené sur le site."
    )
    translations = config["translations"]
    assert list(translations) == ["zz", "en", "fr"]
    assert translations["zz"]["privacyPolicyUrl"] == CHARTER
    assert "{privacyPolicy}" in translations["fr"]["consentNotice"]["description"]
    assert translations["fr"]["privacyPolicy"]["name"] == "charte cookies"
    assert translations["fr"]["purposes"]["marketing"]["title"] == "Cookies publicitaires"
    assert translations["zz"]["purposes"] == translations["en"]["purposes"]


def test_klaro_keys_languages_as_it_looks_them_up():
    config = klaro.configuration(demo(), ["pt-BR", "pt", "fr-CA"])
    assert list(config["translations"]) == ["zz", "pt", "fr"]


def test_klaro_cookie_entries():
    declaration = parse(
        "cookies:\n"
        "  - {name: plain, provider: P, category: statistics, purpose: x}\n"
        "  - {name: '^caret', provider: P, category: statistics, purpose: x}\n"
        "  - {name: 'w_*', provider: P, category: statistics, purpose: x, domain: .site.test}\n"
    ).declaration
    (service,) = klaro.configuration(declaration)["services"]
    assert service["cookies"] == [
        "plain",
        RegExp(r"^\^caret$"),  # Klaro would take a string starting with ^ for a pattern
        [RegExp("^w_.*$"), "/", ".site.test"],
    ]


@pytest.mark.parametrize("fmt", ["cookieconsent", "klaro"])
def test_an_address_relative_to_the_script_is_resolved_when_it_runs(fmt):
    link = CharterLink("../../cookies.html", from_script=True)
    script = export(demo(), fmt, ["en"], charter=link)
    assert evaluate(script, "window.cookiecharter.charter") == "https://site.test/cookies.html"
    if fmt == "klaro":
        translations = evaluate(script, "window.klaroConfig.translations.zz")
        assert translations["privacyPolicyUrl"] == "https://site.test/cookies.html"
    else:
        modal = evaluate(
            script, "window.cookiecharter.cookieconsent.language.translations.en.consentModal"
        )
        assert '<a href="https://site.test/cookies.html">cookie charter</a>' in modal["description"]


def test_without_a_charter_address_the_words_stay_unlinked():
    config = cookieconsent.configuration(demo(), ["en"])
    description = config["language"]["translations"]["en"]["consentModal"]["description"]
    assert "The cookie charter lists" in description and "<a " not in description
    notice = klaro.configuration(demo(), ["en"])["translations"]["en"]["consentNotice"]
    assert "{privacyPolicy}" not in notice["description"]
    assert "privacyPolicyUrl" not in klaro.configuration(demo(), ["en"])["translations"]["zz"]


@pytest.mark.parametrize(
    ("duration", "cookieconsent_days", "klaro_days"),
    [("session", 0, None), ("P1Y", 365, 365), ("12 hours", 1, 1), ("persistent", None, None)],
)
def test_how_long_a_choice_is_kept(duration, cookieconsent_days, klaro_days):
    declaration = parse(
        f"consent: {{duration: {duration}}}\n"
        "cookies: [{name: a, provider: P, category: statistics, purpose: x}]\n"
    ).declaration
    config = cookieconsent.configuration(declaration)
    assert config.get("cookie", {}).get("expiresAfterDays") == cookieconsent_days
    assert klaro.configuration(declaration).get("cookieExpiresAfterDays") == klaro_days


ONLY_NECESSARY = """\
version: 1
cookies:
  - {name: sessionid, provider: Site, category: necessary, purpose: Keeps you signed in.}
  - {name: _ga, provider: Google, category: statistics, purpose: Counts visits.}
"""
EXEMPT_STATISTICS = """\
version: 1
cookies:
  - {name: sessionid, provider: Site, category: necessary, purpose: Keeps you signed in.}
  - name: _pk_id
    provider: Site
    category: statistics
    purpose: Counts visits.
    consent: exempt
    exemption: Audience measurement within the regulator's conditions.
"""


@pytest.mark.parametrize("language", ["en", "fr", "de", "ja"])
def test_the_notice_says_so_when_cookies_besides_the_necessary_ones_are_exempt(language):
    """'It sets the others only if you accept them' would be untrue for an exempt
    audience-measurement cookie: the notice then names the exempt cookies too."""
    notices = {}
    for name, text in (("plain", ONLY_NECESSARY), ("exempt", EXEMPT_STATISTICS)):
        declaration = parse(text, "yaml").declaration
        assert declaration is not None
        consent = cookieconsent.configuration(declaration, [language])
        translations = consent["language"]["translations"][language]
        notices[name] = translations["consentModal"]["description"]
        notice = klaro.configuration(declaration, [language])["translations"][language]
        assert notice["consentNotice"]["description"].split()[:3] == notices[name].split()[:3]
    assert notices["plain"] != notices["exempt"]
    if language == "en":
        assert "those the law exempts from consent" in notices["exempt"]
        assert "exempts" not in notices["plain"]
