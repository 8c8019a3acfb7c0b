"""The browser audit of a real site: the fixture project built with Sphinx, served on
127.0.0.1, visited by Chromium, compared with its declaration (planted gaps included).

The site (``tests/roots/test-audit``) stores, through its own scripts: first-party
cookies with lifetimes, local and session storage keys, an IndexedDB database (one
page), third-party cookies from a frame of the other loopback site (``localhost``), and,
behind a consent stub with accept and reject buttons, a statistics cookie after accepting
and, wrongly, a marketing cookie after refusing. Every kind of finding is asserted with
its pages and its declaration line.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from sphinx_cookiecharter.audit.collect import CollectOptions
from sphinx_cookiecharter.audit.report import to_json, to_sarif, write_text
from sphinx_cookiecharter.audit.run import audit
from sphinx_cookiecharter.core.load import load_declaration
from tests.audit.fixtures import ACCEPT, FIXTURE_SITE, REJECT
from tests.audit.validation import validate_report, validate_sarif

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx_cookiecharter.audit.report import Report

DECLARATION = FIXTURE_SITE / "cookies.yaml"
ALL_PAGES = {"/index.html", "/guide.html", "/storage.html", "/partner.html", "/cookies.html"}
DAY = 86_400


def line_of(name: str) -> int:
    """The declaration line of a cookie entry (its ``- name:`` line)."""
    lines = DECLARATION.read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - name: {name}") + 1


@pytest.fixture(scope="module")
def report(audit_browser: str | None, audit_site: Path) -> Report:
    """One audit with both consent phases, shared by the module's tests."""
    declaration = load_declaration(DECLARATION).declaration
    assert declaration is not None
    options = CollectOptions(
        accept_selector=ACCEPT,
        reject_selector=REJECT,
        consent_phases=("accepted", "rejected"),
        browser=audit_browser,
    )
    return audit(audit_site, [declaration], options)


def test_every_page_is_visited_through_the_links(report: Report) -> None:
    pages = {page.url: page for page in report.observation.pages}
    assert set(pages) == ALL_PAGES
    assert {page.status for page in pages.values()} == {200}
    assert {page.phases for page in pages.values()} == {("arrival", "accepted", "rejected")}
    assert all(not page.problems for page in pages.values())
    assert report.base_url.startswith("http://127.0.0.1:")


def test_what_is_stored_is_observed(report: Report) -> None:
    document = to_json(report)
    seen = {(o["name"], o["storage"], o["phase"]): o for o in document["observed"]}
    # First-party cookies with their lifetimes (read a moment after being set).
    lang = seen[("lang", "cookie", "arrival")]
    assert 30 * DAY - 120 <= lang["lifetime"] <= 30 * DAY
    assert lang["party"] == "first" and lang["domain"] == "127.0.0.1"
    assert seen[("sessionid", "cookie", "arrival")]["lifetime"] is None
    assert 399 * DAY <= seen[("theme", "cookie", "arrival")]["lifetime"] <= 400 * DAY
    # Local and session storage, IndexedDB on its own page.
    assert set(seen[("sidebar", "local-storage", "arrival")]["pages"]) == ALL_PAGES
    assert ("scroll", "session-storage", "arrival") in seen
    assert seen[("offline-cache", "indexeddb", "arrival")]["pages"] == ["/storage.html"]
    # Every visitor starts afresh: what one page stores is not seen on the next one
    # (browser contexts and tabs are reused, their storage erased in between).
    for phase in ("arrival", "accepted", "rejected"):
        assert seen[("storage_tab", "session-storage", phase)]["pages"] == ["/storage.html"]
        assert seen[("offline-cache", "indexeddb", phase)]["pages"] == ["/storage.html"]
        assert seen[("visit_count", "cookie", phase)]["pages"] == ["/storage.html"]
        for name, storage in (
            ("partner_tab", "session-storage"),
            ("partner_pref", "local-storage"),
        ):
            third = seen[(name, storage, phase)]
            assert (third["pages"], third["domain"], third["party"]) == (
                ["/partner.html"], "localhost", "third")  # fmt: skip
    # The third party's cookies, from its frame on the other loopback site.
    partner = seen[("partner_id", "cookie", "arrival")]
    assert (partner["domain"], partner["party"], partner["pages"]) == (
        "localhost", "third", ["/partner.html"])  # fmt: skip
    assert partner["same_site"] == "None" and partner["secure"] is True
    # Consent: one cookie after accepting, one (wrongly) after refusing, neither before.
    assert ("_pk_id.1.fx", "cookie", "accepted") in seen
    assert ("_pk_id.1.fx", "cookie", "arrival") not in seen
    assert ("ad_seen", "cookie", "rejected") in seen
    assert ("ad_seen", "cookie", "accepted") not in seen
    assert ("consent", "cookie", "arrival") not in seen
    # The guide's script tries to send its form: forms are never submitted.
    assert not any(name == "form_submitted" for name, _, _ in seen)
    # The hosts of other sites contacted.
    assert document["hosts"] == [
        {
            "host": "localhost",
            "pages": ["/partner.html"],
            "phases": ["arrival", "accepted", "rejected"],
        }
    ]


def test_every_kind_of_finding_with_pages_and_lines(report: Report) -> None:
    found = {(f.kind, f.name): f for f in report.findings}
    expected = {
        ("undeclared", "_gid"): (None, ALL_PAGES),
        ("undeclared", "fixture_unknown"): (None, ALL_PAGES),
        ("set-before-consent", "_ga"): (line_of("_ga"), ALL_PAGES),
        ("set-after-reject", "ad_seen"): (line_of("ad_seen"), ALL_PAGES),
        ("storage-mismatch", "sidebar"): (line_of("sidebar"), ALL_PAGES),
        ("party-mismatch", "frame_visitor"): (line_of("frame_visitor"), {"/partner.html"}),
        ("duration-mismatch", "theme"): (line_of("theme"), ALL_PAGES),
        ("duration-mismatch", "visit_count"): (line_of("visit_count"), {"/storage.html"}),
        ("duration-mismatch", "offline-cache"): (line_of("offline-cache"), {"/storage.html"}),
        ("not-observed", "legacy_banner"): (line_of("legacy_banner"), set()),
    }
    assert set(found) == set(expected)
    for key, (line, pages) in expected.items():
        finding = found[key]
        assert finding.declared_line == line, key
        assert set(finding.pages) == pages, key
        assert finding.declaration == str(DECLARATION)
    assert found[("undeclared", "_gid")].known is not None  # described from the database
    assert found[("undeclared", "fixture_unknown")].known is None
    assert found[("set-after-reject", "ad_seen")].phases == ("rejected",)
    assert "400 days" in found[("duration-mismatch", "theme")].message
    assert "session cookie" in found[("duration-mismatch", "visit_count")].message
    assert report.counts == {"error": 4, "warning": 5, "info": 1}
    assert report.exit_status == 1


def test_the_report_formats_of_a_real_audit(report: Report) -> None:
    validate_report(json.loads(json.dumps(to_json(report))))
    validate_sarif(to_sarif(report))
    text = write_text(report)
    assert "5 pages visited (arrival, accepted, rejected)" in text
    assert f"cookies.yaml:{line_of('_ga')}: error: set-before-consent:" in text
