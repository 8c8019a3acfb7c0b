"""The comparison of what was seen with what is declared: pure, no browser."""

from __future__ import annotations

import pytest

from sphinx_cookiecharter.audit.compare import (
    KINDS,
    compare,
    describe_lifetime,
    name_matches,
)
from sphinx_cookiecharter.audit.known import lookup
from tests.audit.observations import Host, declaration, item, observation

DAY = 86_400

DECLARED = """\
cookies:
  - name: sessionid
    provider: Site
    category: necessary
    purpose: Keeps the visit together.
    duration: session
  - name: _ga
    provider: Google
    category: statistics
    purpose: Audience measurement.
    duration: 13 months
  - name: _ga_*
    provider: Google
    category: statistics
    purpose: Audience measurement, per property.
    duration: 13 months
  - name: theme
    provider: Site
    category: preferences
    purpose: The colour scheme.
    storage: local-storage
    consent: exempt
    duration: persistent
  - name: widget
    provider: Partner
    category: necessary
    purpose: The partner's widget.
    party: third
    domain: .partner.example
    duration: 30 days
  - name: beacon
    provider: Partner
    category: statistics
    purpose: Counts views.
    storage: pixel
    party: third
    domain: pixel.partner.example
  - name: ads
    provider: Ads
    category: marketing
    purpose: Advertising.
    duration: 1 year
"""


def line_of(text: str, name: str) -> int:
    return text.splitlines().index(f"  - name: {name}") + 1


def kinds(findings) -> list[tuple[str, str]]:
    return [(finding.kind, finding.name) for finding in findings]


def test_a_site_that_stores_what_it_declares_gives_only_what_was_not_seen() -> None:
    seen = observation(
        item("sessionid"),
        item("_ga", phase="accepted", lifetime=390 * DAY),
        item("_ga_ABC123", phase="accepted", lifetime=390 * DAY),
        item("theme", storage="local-storage"),
        item("widget", domain=".partner.example", party="third", lifetime=29 * DAY),
        item("ads", phase="accepted", lifetime=300 * DAY),
        phases=("arrival", "accepted"),
        hosts=[Host("pixel.partner.example", "/index.html", "accepted")],
    )
    assert compare([declaration(DECLARED)], seen) == []


def test_undeclared_items_are_errors_with_pages_and_known_descriptions() -> None:
    seen = observation(
        item("_gid", lifetime=DAY, page="/a.html"),
        item("_gid", lifetime=DAY, page="/b.html"),
        item("mystery", storage="session-storage"),
    )
    findings = compare([declaration(DECLARED)], seen, known=lookup)
    undeclared = [f for f in findings if f.kind == "undeclared"]
    assert kinds(undeclared) == [("undeclared", "_gid"), ("undeclared", "mystery")]
    gid, mystery = undeclared
    assert gid.severity == "error"
    assert gid.pages == ("/a.html", "/b.html")
    assert gid.declared_line is None
    assert gid.declaration == "cookies.yaml"
    assert gid.known is not None and gid.known.platform == "Google Analytics"
    assert "Google Analytics" in gid.message and "kept for 1 day" in gid.message
    assert mystery.known is None


def test_consent_before_and_after_reject() -> None:
    seen = observation(
        item("_ga", lifetime=390 * DAY, page="/a.html"),  # on arrival: too early
        item("_ga", lifetime=390 * DAY, page="/a.html", phase="rejected"),  # still there
        item("ads", lifetime=DAY, page="/a.html", phase="rejected"),  # written on refusal
        item("sessionid", page="/a.html", phase="rejected"),  # exempt: fine
        phases=("arrival", "rejected"),
    )
    findings = compare([declaration(DECLARED)], seen)
    by_kind = {f.kind: f for f in findings if f.kind != "not-observed"}
    assert set(by_kind) == {"set-before-consent", "set-after-reject"}
    before, after = by_kind["set-before-consent"], by_kind["set-after-reject"]
    assert (before.name, before.pages, before.declared_line) == (
        "_ga", ("/a.html",), line_of(DECLARED, "_ga"))  # fmt: skip
    assert (after.name, after.pages, after.declared_line) == (
        "ads", ("/a.html",), line_of(DECLARED, "ads"))  # fmt: skip
    assert after.phases == ("rejected",)
    assert before.severity == after.severity == "error"


def test_set_after_reject_counts_only_pages_where_it_was_not_there_on_arrival() -> None:
    seen = observation(
        item("ads", page="/a.html"),
        item("ads", page="/a.html", phase="rejected"),
        item("ads", page="/b.html", phase="rejected"),
        phases=("arrival", "rejected"),
    )
    after = [f for f in compare([declaration(DECLARED)], seen) if f.kind == "set-after-reject"]
    assert [f.pages for f in after] == [("/b.html",)]


def test_storage_party_and_duration_mismatches_are_warnings() -> None:
    seen = observation(
        item("theme", lifetime=DAY),  # a cookie, declared as local storage
        item("widget", domain="cdn.partner.example", party="third", lifetime=400 * DAY),
        item("sessionid", lifetime=30 * DAY),  # persistent, declared session
        item("_ga", phase="accepted"),  # session, declared 13 months
        phases=("arrival", "accepted"),
    )
    findings = [f for f in compare([declaration(DECLARED)], seen) if f.kind != "not-observed"]
    assert sorted(kinds(findings)) == [
        ("duration-mismatch", "_ga"),
        ("duration-mismatch", "sessionid"),
        ("duration-mismatch", "widget"),
        ("storage-mismatch", "theme"),
    ]
    assert {f.severity for f in findings} == {"warning"}
    widget = next(f for f in findings if f.name == "widget")
    assert widget.declared_line == line_of(DECLARED, "widget")
    assert "400 days" in widget.message and "30 days" in widget.message


def test_party_mismatch() -> None:
    text = """\
cookies:
  - name: frame_visitor
    provider: Partner
    category: necessary
    purpose: The widget's state.
"""
    seen = observation(item("frame_visitor", domain="widgets.partner.example", party="third"))
    (finding,) = compare([declaration(text)], seen)
    assert finding.kind == "party-mismatch"
    assert finding.severity == "warning"
    assert finding.declared_line == 2
    assert "widgets.partner.example is a third party to docs.example.org" in finding.message


def test_not_observed_is_information_and_says_how_to_see_more() -> None:
    findings = compare([declaration(DECLARED)], observation(item("sessionid")))
    assert {f.kind for f in findings} == {"not-observed"}
    assert {f.severity for f in findings} == {"info"}
    names = [f.name for f in findings]
    assert names == ["_ga", "_ga_*", "theme", "widget", "beacon", "ads"]
    ga = findings[0]
    assert ga.declared_line == line_of(DECLARED, "_ga")
    assert "--accept-selector" in ga.message  # consent required, no accept phase run
    beacon = findings[4]
    assert "no request to pixel.partner.example" in beacon.message


def test_a_pixel_without_a_domain_is_left_out() -> None:
    text = DECLARED.replace("    domain: pixel.partner.example\n", "")
    findings = compare([declaration(text)], observation(item("sessionid")))
    assert "beacon" not in [f.name for f in findings]


def test_wildcards_and_exact_names() -> None:
    assert name_matches("_ga_*", "_ga_ABC")
    assert not name_matches("_ga_*", "_ga")
    assert name_matches("_pk_id.*", "_pk_id.1.abcd")
    assert name_matches("a*b*c", "a--b--c")
    assert not name_matches("_pk_id.*", "_pk_idX1")  # the dot is a dot
    assert name_matches("[x]", "[x]")
    # An exact entry wins over a wildcard that also matches.
    text = """\
cookies:
  - name: _ga*
    provider: Google
    category: statistics
    purpose: Any.
    consent: exempt
  - name: _ga
    provider: Google
    category: statistics
    purpose: The one.
"""
    (finding, unseen) = compare([declaration(text)], observation(item("_ga")))
    assert (finding.kind, finding.declared_line) == ("set-before-consent", 7)
    assert (unseen.kind, unseen.name) == ("not-observed", "_ga*")


def test_the_same_storage_wins_over_the_same_name_in_another_storage() -> None:
    text = """\
cookies:
  - name: pref
    provider: Site
    category: necessary
    purpose: As a cookie.
  - name: pref
    provider: Site
    category: necessary
    purpose: In local storage.
    storage: local-storage
"""
    findings = compare(
        [declaration(text)], observation(item("pref"), item("pref", storage="local-storage"))
    )
    assert findings == []


def test_first_party_domains_are_not_compared_on_a_local_preview() -> None:
    text = """\
cookies:
  - name: sessionid
    provider: Site
    category: necessary
    purpose: The visit.
    domain: .example.org
"""
    local = observation(item("sessionid", domain="127.0.0.1"))
    assert compare([declaration(text)], local) == []
    # A third party's declared domain is compared: another domain is another cookie.
    third = text.replace("    domain: .example.org\n", "    party: third\n    domain: .a.example\n")
    seen = observation(item("sessionid", domain=".b.example", party="third"))
    assert sorted(kinds(compare([declaration(third)], seen))) == [
        ("not-observed", "sessionid"),
        ("undeclared", "sessionid"),
    ]


def test_durations_and_the_tolerance() -> None:
    text = """\
cookies:
  - name: c
    provider: Site
    category: necessary
    purpose: A cookie.
    duration: 1 year
"""
    year = 365.2425 * DAY
    assert compare([declaration(text)], observation(item("c", lifetime=round(year * 1.04)))) == []
    late = compare([declaration(text)], observation(item("c", lifetime=400 * DAY)))
    assert kinds(late) == [("duration-mismatch", "c")]
    assert "tolerance 5%" in late[0].message
    assert (
        compare([declaration(text)], observation(item("c", lifetime=400 * DAY)), tolerance=0.10)
        == []
    )
    # Shorter than declared is no finding.
    assert compare([declaration(text)], observation(item("c", lifetime=DAY))) == []


def test_storage_that_stays_declared_as_session() -> None:
    text = """\
cookies:
  - name: db
    provider: Site
    category: necessary
    purpose: A database.
    storage: indexeddb
    duration: session
  - name: scroll
    provider: Site
    category: necessary
    purpose: A key for the visit.
    storage: session-storage
    duration: 1 year
"""
    seen = observation(item("db", storage="indexeddb"), item("scroll", storage="session-storage"))
    assert kinds(compare([declaration(text)], seen)) == [("duration-mismatch", "db")]


def test_a_duration_in_words_is_not_compared() -> None:
    text = """\
cookies:
  - name: c
    provider: Site
    category: necessary
    purpose: A cookie.
    duration: {en: as long as the partner keeps it}
"""
    assert compare([declaration(text)], observation(item("c", lifetime=9999 * DAY))) == []


def test_several_declarations_name_the_file_of_each_finding() -> None:
    one = declaration(DECLARED, source="one.yaml")
    two = declaration(
        "cookies:\n  - name: extra\n    provider: X\n    category: marketing\n    purpose: More.\n",
        source="two.yaml",
    )
    findings = compare([one, two], observation(item("extra"), item("unknown")))
    by_name = {f.name: f for f in findings if f.kind != "not-observed"}
    assert by_name["extra"].declaration == "two.yaml"
    assert by_name["extra"].declared_line == 2
    assert by_name["unknown"].declaration is None  # in none of them


def test_findings_come_errors_first_then_by_line() -> None:
    seen = observation(item("theme", lifetime=DAY), item("zz"), item("_ga", lifetime=DAY))
    severities = [f.severity for f in compare([declaration(DECLARED)], seen)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert list(KINDS) == [
        "undeclared",
        "set-before-consent",
        "set-after-reject",
        "storage-mismatch",
        "party-mismatch",
        "duration-mismatch",
        "not-observed",
    ]


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "session"),
        (45, "45 seconds"),
        (1, "1 second"),
        (3599, "1 hour"),
        (90 * 60, "1.5 hours"),
        (400 * DAY, "400 days"),
        (DAY, "1 day"),
    ],
)
def test_lifetimes_in_words(seconds: int | None, text: str) -> None:
    assert describe_lifetime(seconds) == text
