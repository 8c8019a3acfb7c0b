"""The well-known trackers a page loads, found in its HTML (no browser)."""

from __future__ import annotations

import pytest

from sphinx_cookiecharter.audit.trackers import TRACKERS, page_sources, trackers_in, undeclared
from tests.audit.observations import declaration

GTAG = """<script async src="https://www.googletagmanager.com/gtag/js?id=G-X1"></script>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-X1');
</script>"""
GTM = """<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;
f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-ABC');</script>"""
MATOMO = """<script>var _paq = window._paq = window._paq || [];
_paq.push(['trackPageView']);</script>"""
PIXEL = """<script>!function(f,b,e,v,n,t,s){}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js'); fbq('init', '123');</script>
<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=123&ev=PageView"></noscript>"""
HOTJAR = """<script>(function(h,o,t,j,a,r){h._hjSettings={hjid:1,hjsv:6};
r.src='https://static.hotjar.com/c/hotjar-'+h._hjSettings.hjid+'.js?sv=';})(window,document);
</script>"""
PLAUSIBLE = '<script defer data-domain="x.org" src="https://plausible.io/js/script.js"></script>'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (GTAG, ["google-analytics"]),
        (GTM, ["google-tag-manager"]),
        (MATOMO, ["matomo"]),
        (PIXEL, ["meta-pixel"]),
        (HOTJAR, ["hotjar"]),
        (PLAUSIBLE, ["plausible"]),
        ('<script src="https://cdn.usefathom.com/script.js" data-site="X"></script>', ["fathom"]),
        (
            '<script async src="https://snap.licdn.com/li.lms-analytics/insight.min.js"></script>',
            ["linkedin-insight"],
        ),
        ("<p>We do not use Google Analytics, Hotjar or fbq('init').</p>", []),
        ('<link rel="preconnect" href="https://www.googletagmanager.com">', []),
    ],
)
def test_trackers_are_found_in_html(html: str, expected: list[str]) -> None:
    assert [tracker.id for tracker, _ in trackers_in(html)] == expected


def test_the_evidence_is_the_address_or_the_inline_script() -> None:
    ((tracker, evidence),) = trackers_in(GTAG)
    assert tracker.name == "Google Analytics"
    assert evidence == "https://www.googletagmanager.com/gtag/js?id=G-X1"
    ((_, inline),) = trackers_in(MATOMO)
    assert inline == "an inline script"


def test_page_sources() -> None:
    page = page_sources(PIXEL)
    assert page.addresses == ["https://www.facebook.com/tr?id=123&ev=PageView"]
    assert len(page.inline) == 1


def by_id(tracker_id: str):
    return next(tracker for tracker in TRACKERS if tracker.id == tracker_id)


COOKIE = "cookies:\n  - name: {name}\n    provider: {provider}\n    category: statistics\n" \
    "    purpose: Statistics.\n"  # fmt: skip


def test_a_tracker_is_declared_by_its_provider_or_by_a_cookie_it_writes() -> None:
    google = declaration(COOKIE.format(name="_ga", provider="Google Ireland Limited"))
    assert not undeclared(by_id("google-analytics"), [google])
    assert not undeclared(by_id("google-tag-manager"), [google])
    assert undeclared(by_id("hotjar"), [google])
    self_hosted = declaration(COOKIE.format(name="_pk_id.*", provider="Our statistics"))
    assert not undeclared(by_id("matomo"), [self_hosted])
    wildcard = declaration(COOKIE.format(name="_hj*", provider="Someone"))
    assert not undeclared(by_id("hotjar"), [wildcard])
    assert undeclared(by_id("plausible"), [])


def test_every_tracker_is_described() -> None:
    ids = [tracker.id for tracker in TRACKERS]
    assert len(ids) == len(set(ids))
    for tracker in TRACKERS:
        assert tracker.patterns and tracker.providers
        assert tracker.cookieless == (not tracker.cookies)
