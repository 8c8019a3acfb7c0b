"""``cookiecharter_audit``: the tracker check after an HTML build, and the browser audit
of the output with its findings as warnings."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.audit.fixtures import ACCEPT, FIXTURE_SITE

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


def audit_warnings(app: SphinxTestApp) -> list[str]:
    return [line for line in app.warning.getvalue().splitlines() if "cookiecharter.audit" in line]


def test_an_undeclared_tracker_is_a_warning_on_the_first_page_that_loads_it(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("audit-trackers")
    warnings = audit_warnings(app)
    assert len(warnings) == 2, warnings
    google, plausible = warnings
    assert re.search(r"index\.rst: WARNING: this page and 2 others load Google Analytics", google)
    assert "https://www.googletagmanager.com/gtag/js?id=G-TEST123" in google
    assert "'google-analytics' to cookiecharter_audit['ignore']" in google
    assert re.search(r"stats\.rst: WARNING: this page loads Plausible Analytics", plausible)
    assert "stores no cookie" in plausible
    # Matomo is loaded too, but its cookie _pk_id.* is declared.
    assert not any("Matomo" in line for line in warnings)


def test_ignored_trackers_and_no_audit(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        "audit-trackers",
        confoverrides={"cookiecharter_audit": {"ignore": ["google-analytics", "plausible"]}},
    )
    assert audit_warnings(app) == []
    app = build("audit-trackers", srcdir=app.srcdir, confoverrides={"cookiecharter_audit": False})
    assert audit_warnings(app) == []


def test_a_declared_provider_silences_the_check(
    build: Callable[..., SphinxTestApp], project: Callable[..., object]
) -> None:
    srcdir = project("audit-trackers")
    declared = srcdir / "cookies.yaml"  # type: ignore[operator]
    declared.write_text(
        declared.read_text(encoding="utf-8")
        + "  - name: _ga\n    provider: Google\n    category: statistics\n"
        "    purpose: Audience measurement.\n"
        "  - name: plausible\n    provider: Plausible\n    category: statistics\n"
        "    purpose: Audience measurement without cookies.\n    storage: pixel\n"
        "    party: third\n    domain: plausible.io\n",
        encoding="utf-8",
    )
    app = build("audit-trackers", srcdir=srcdir)
    assert audit_warnings(app) == []


def test_the_setting_is_checked(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        "audit-trackers",
        confoverrides={
            "cookiecharter_audit": {"nope": 1, "pages": 0, "ignore": ["bogus", "hotjar"]}
        },
    )
    config = [
        line for line in app.warning.getvalue().splitlines() if "cookiecharter.config" in line
    ]
    assert len(config) == 3, config
    assert "unknown key in cookiecharter_audit: 'nope'" in config[0]
    assert "cookiecharter_audit['pages'] has the wrong type or value" in config[1]
    assert "unknown tracker in cookiecharter_audit['ignore']: 'bogus'" in config[2]
    assert app.config.cookiecharter_audit["ignore"] == ["hotjar"]
    assert len(audit_warnings(app)) == 2  # the check still runs


def test_only_html_builders_are_checked(build: Callable[..., SphinxTestApp]) -> None:
    app = build("audit-trackers", "text")
    assert audit_warnings(app) == []


@pytest.mark.parametrize(("builder", "google"), [("dirhtml", 3), ("singlehtml", 1)])
def test_other_html_layouts(build: Callable[..., SphinxTestApp], builder: str, google: int) -> None:
    app = build("audit-trackers", builder)
    warnings = audit_warnings(app)
    assert len(warnings) == 2, warnings
    others = google - 1
    pages = (
        "this page loads"
        if not others
        else f"this page and {others} other{'' if others == 1 else 's'} load"
    )
    assert f"{pages} Google Analytics" in warnings[0]


@pytest.mark.usefixtures("audit_browser")
def test_the_browser_audit_of_the_output_gives_findings_as_warnings(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build(
        "audit",
        confoverrides={
            "cookiecharter_audit": {"browser": True, "pages": 2, "accept_selector": ACCEPT}
        },
    )
    warnings = audit_warnings(app)
    lines = (FIXTURE_SITE / "cookies.yaml").read_text(encoding="utf-8").splitlines()
    ga_line = lines.index("  - name: _ga") + 1
    before = [w for w in warnings if "set-before-consent" in w]
    assert len(before) == 1
    assert re.search(
        rf"cookies\.yaml:{ga_line}: WARNING: set-before-consent: cookie '_ga'", before[0]
    )
    assert re.search(r"\(pages: /index\.html, /\w+\.html\)", before[0])  # two pages
    assert any("undeclared: cookie '_gid'" in w for w in warnings)
    assert any("storage-mismatch: local-storage 'sidebar'" in w for w in warnings)
    assert not any("not-observed" in w for w in warnings)  # info: logged, not warned
    assert "not-observed" in app.status.getvalue()
