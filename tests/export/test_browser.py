"""The banner exports run in the real libraries, in Chromium.

A project publishes ``docs/examples/banner-demo.yaml`` (``cookiecharter_publish``) with
the documentation's demo pages (``docs/_extra/banner-demo``); the built site is served on
127.0.0.1, and each page loads its library from the npm package (the CDN address the page
names, answered from ``node_modules``, the page's integrity hash checked) and the
published configuration. The test writes the example cookies, plus names that only a
wrongly escaped pattern would match, accepts preferences and refuses the rest through the
banner's own buttons, then reads what the library says was accepted and which cookies are
left: the refused categories' cookies are gone, wildcard names included.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import pytest

from tests.export.conftest import CDN, package_file
from tests.paths import DOCS, EXAMPLES
from tests.sphinxext.projects import built_once

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: What ``demo.js`` writes when "Write the example cookies" is clicked.
EXAMPLE_COOKIES = {"demo_lang", "_da_id.5f2c", "_da_ses.5f2c", "_dm_campaign"}
#: Cookies the test adds that no declared name stands for: a "." taken as "any
#: character" in ``_da_id.*``, or a pattern not anchored at its start, would delete them.
LOOKALIKES = {"_da_idX5f2c", "x_dm_campaign"}
#: The statistics and marketing cookies, refused in both tests.
REFUSED = {"_da_id.5f2c", "_da_ses.5f2c", "_dm_campaign"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The publishing project, built once: pages, demo pages and exports."""

    def prepare(srcdir: Path) -> None:
        (srcdir / "examples").mkdir()
        shutil.copy(EXAMPLES / "banner-demo.yaml", srcdir / "examples" / "banner-demo.yaml")

    app = built_once(
        tmp_path_factory,
        "publish",
        prepare=prepare,
        confoverrides={"html_extra_path": [str(DOCS / "_extra")]},
    )
    yield app
    app.cleanup()


@pytest.fixture
def page(chromium: Any, node_modules: Path, serve: Any, site: SphinxTestApp) -> Iterator[Any]:
    """A fresh browser context and page on the served site; library files from npm."""
    base = serve(site.outdir)
    context = chromium.new_context(base_url=base)

    def from_npm(route: Any) -> None:
        path = package_file(node_modules, route.request.url)
        kind = "text/css" if path.suffix == ".css" else "text/javascript"
        route.fulfill(
            body=path.read_bytes(),
            headers={"Content-Type": kind, "Access-Control-Allow-Origin": "*"},
        )

    context.route(f"{CDN}**", from_npm)
    # A visitor's browser: cookieconsent stays hidden from automated ones (hideFromBots).
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'webdriver', {get: () => false})"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def cookie_names(page: Any) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def write_cookies(page: Any) -> None:
    """The demo page's button, and the look-alikes beside them."""
    page.click("#write")
    page.context.add_cookies(
        [
            {"name": name, "value": "1", "domain": "127.0.0.1", "path": "/"}
            for name in sorted(LOOKALIKES)
        ]
    )
    assert cookie_names(page) >= EXAMPLE_COOKIES | LOOKALIKES


def test_cookieconsent_clears_the_refused_categories(page: Any) -> None:
    page.goto("/banner-demo/cookieconsent.html")
    page.wait_for_selector("#cc-main .cm", state="visible")
    assert page.errors == []
    write_cookies(page)
    # The consent notice in the charter's wording, linking to the charter page.
    notice = page.locator("#cc-main .cm")
    assert "Cookies on this site" in notice.inner_text()
    link = notice.locator("a", has_text="cookie charter")
    assert link.evaluate("a => a.href") == page.url.replace(
        "banner-demo/cookieconsent.html", "howto/banner.html"
    )
    # Choose by category: accept preferences, leave statistics and marketing refused.
    page.click('#cc-main .cm [data-role="show"]')
    page.wait_for_selector("#cc-main .pm", state="visible")
    titles = page.locator("#cc-main .pm .pm__section-title").all_inner_texts()
    assert [title.split("\n")[0] for title in titles[:4]] == [
        "Necessary cookies",
        "Preference cookies",
        "Statistics cookies",
        "Marketing cookies",
    ]
    necessary = page.locator('#cc-main input.section__toggle[value="necessary"]')
    assert necessary.is_checked() and necessary.is_disabled()
    page.locator('#cc-main input.section__toggle[value="preferences"]').check(force=True)
    page.click('#cc-main .pm [data-role="save"]')
    page.wait_for_selector("#cc-main .pm", state="hidden")

    preferences = page.evaluate("CookieConsent.getUserPreferences()")
    assert preferences["acceptedCategories"] == ["necessary", "preferences"]
    assert sorted(preferences["rejectedCategories"]) == ["marketing", "statistics"]
    left = cookie_names(page)
    assert not left & REFUSED
    assert left >= {"cc_cookie", "demo_lang"} | LOOKALIKES
    # The page's own view agrees.
    page.wait_for_function(
        "document.getElementById('choice').textContent.includes('necessary, preferences')"
    )
    assert page.errors == []


def test_klaro_clears_the_refused_categories(page: Any) -> None:
    page.goto("/banner-demo/klaro.html")
    page.wait_for_selector("#klaro .cookie-notice", state="visible")
    assert page.errors == []
    write_cookies(page)
    notice = page.locator("#klaro .cookie-notice")
    assert "It sets the others only if you accept them" in notice.inner_text()
    link = notice.locator("a", has_text="cookie charter")
    assert link.evaluate("a => a.href") == page.url.replace(
        "banner-demo/klaro.html", "howto/banner.html"
    )
    page.click("#klaro .cn-learn-more")
    page.wait_for_selector("#klaro .cookie-modal", state="visible")
    purposes = page.locator("#klaro .cm-purpose > label .cm-list-title").all_inner_texts()
    assert purposes[:4] == [
        "Necessary cookies",
        "Preference cookies",
        "Statistics cookies",
        "Marketing cookies",
    ]
    assert page.locator("#purpose-item-necessary").is_disabled()
    page.locator('label[for="purpose-item-preferences"]').click()
    assert page.locator("#purpose-item-preferences").is_checked()
    page.click("#klaro .cm-btn-accept")
    page.wait_for_selector("#klaro .cookie-modal", state="detached")

    consents = page.evaluate("klaro.getManager().consents")
    accepted = page.evaluate(
        "klaroConfig.services.filter(s => klaro.getManager().getConsent(s.name))"
        ".map(s => s.purposes[0])"
    )
    assert sorted(set(accepted)) == ["necessary", "preferences"]
    assert consents["demo-analytics"] is False and consents["demo-ads"] is False
    left = cookie_names(page)
    assert not left & REFUSED
    assert left >= {"klaro", "demo_lang"} | LOOKALIKES
    page.wait_for_function(
        "document.getElementById('choice').textContent.includes('necessary, preferences')"
    )
    assert page.errors == []


@pytest.mark.parametrize("library", ["cookieconsent", "klaro"])
def test_the_banner_speaks_the_pages_language(page: Any, library: str) -> None:
    """The demo page in French (its ``lang`` attribute): the banner follows."""
    page.route(
        f"**/banner-demo/{library}.html",
        lambda route: route.fulfill(
            body=route.fetch().text().replace('<html lang="en">', '<html lang="fr">'),
            headers={"Content-Type": "text/html; charset=utf-8"},
        ),
    )
    page.goto(f"/banner-demo/{library}.html")
    selector = "#cc-main .cm" if library == "cookieconsent" else "#klaro .cookie-notice"
    notice = page.locator(selector)
    notice.wait_for(state="visible")
    text = notice.inner_text()
    assert "Ce site dépose les cookies dont il a besoin pour fonctionner." in text
    assert notice.locator("a", has_text="charte cookies").count() == 1
    assert page.errors == []
