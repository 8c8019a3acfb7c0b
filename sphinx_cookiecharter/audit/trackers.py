"""Well-known trackers a built page can load, found without a browser.

The documentation's list of trackers is generated from :data:`TRACKERS`. Each tracker
is recognised by the addresses its snippet loads (a ``script``, ``img``, ``iframe`` or
``link`` address) or by a call its inline snippet makes; it counts as declared when a
declaration shown in the build has a cookie (or other entry) of one of its providers,
or a cookie with one of the names it writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from ..core.names import name_matches

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..core.model import Cookie, Declaration


@dataclass(frozen=True, slots=True)
class Tracker:
    """A tracker: how to recognise it, and what in a declaration covers it.

    :param providers: words one of which a declared provider's name or id contains
        (``google`` for "Google", "Google Ireland Ltd", ``google``).
    :param cookies: names it writes (``*`` wildcards).
    :param cookieless: it stores nothing, but each visit is sent to its provider.
    """

    id: str
    name: str
    providers: tuple[str, ...]
    cookies: tuple[str, ...]
    patterns: tuple[str, ...]
    cookieless: bool = False
    compiled: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = tuple(re.compile(pattern, re.IGNORECASE) for pattern in self.patterns)
        object.__setattr__(self, "compiled", compiled)

    def evidence(self, page: PageSources) -> str | None:
        """What in the page shows the tracker: an address, or "an inline script"."""
        for address in page.addresses:
            if any(pattern.search(address) for pattern in self.compiled):
                return address
        for script in page.inline:
            if any(pattern.search(script) for pattern in self.compiled):
                return "an inline script"
        return None

    def declared_by(self, cookie: Cookie) -> bool:
        """True when a declared entry covers this tracker: its provider, or a name."""
        provider = f"{cookie.provider.name} {cookie.provider.id or ''}".casefold()
        if any(word in provider for word in self.providers):
            return True
        return any(
            name_matches(written, cookie.name)
            or name_matches(cookie.name, written.replace("*", "x"))
            for written in self.cookies
        )


TRACKERS: tuple[Tracker, ...] = (
    Tracker(
        "google-analytics",
        "Google Analytics",
        ("google",),
        ("_ga", "_ga_*", "_gid", "_gat*", "__utma", "__utmb", "__utmz"),
        (
            r"googletagmanager\.com/gtag/js",
            r"google-analytics\.com/(analytics|ga|urchin)\.js",
            r"google-analytics\.com/(g/)?collect",
            r"\bgtag\(\s*['\"]config['\"]",
            r"\bga\(\s*['\"]create['\"]",
        ),
    ),
    Tracker(
        "google-tag-manager",
        "Google Tag Manager",
        ("google",),
        ("_ga", "_ga_*", "_gid", "_gcl_*"),
        (r"googletagmanager\.com/gtm\.js", r"googletagmanager\.com/ns\.html"),
    ),
    Tracker(
        "google-ads",
        "Google Ads and DoubleClick",
        ("google", "doubleclick"),
        ("_gcl_*", "IDE", "test_cookie", "DSID"),
        (
            r"googleadservices\.com/pagead/conversion",
            r"googlesyndication\.com/pagead",
            r"\bdoubleclick\.net/",
        ),
    ),
    Tracker(
        "matomo",
        "Matomo (Piwik)",
        ("matomo", "piwik"),
        ("_pk_id*", "_pk_ses*", "_pk_ref*", "_pk_cvar*", "_pk_hsr*", "mtm_*", "MATOMO_SESSID"),
        (r"\bmatomo\.js\b", r"\bpiwik\.js\b", r"\b_paq\.push\(", r"\.matomo\.cloud/"),
    ),
    Tracker(
        "plausible",
        "Plausible Analytics",
        ("plausible",),
        (),
        (r"plausible\.io/js/",),
        cookieless=True,
    ),
    Tracker(
        "hotjar",
        "Hotjar",
        ("hotjar",),
        ("_hj*",),
        (r"static\.hotjar\.com/", r"\b_hjSettings\b"),
    ),
    Tracker(
        "meta-pixel",
        "Meta Pixel (Facebook)",
        ("meta", "facebook"),
        ("_fbp", "_fbc", "fr"),
        (
            r"connect\.facebook\.net/[^\s'\"]*/fbevents\.js",
            r"\bfbq\(\s*['\"]init['\"]",
            r"facebook\.com/tr\?",
        ),
    ),
    Tracker(
        "microsoft-clarity",
        "Microsoft Clarity",
        ("microsoft", "clarity"),
        ("_clck", "_clsk", "CLID", "MUID", "ANONCHK"),
        (r"\bclarity\.ms/tag/",),
    ),
    Tracker(
        "microsoft-ads",
        "Microsoft Advertising (UET)",
        ("microsoft", "bing"),
        ("_uetsid", "_uetvid", "_uetmsclkid", "MUID"),
        (r"bat\.bing\.com/bat\.js",),
    ),
    Tracker(
        "linkedin-insight",
        "LinkedIn Insight Tag",
        ("linkedin",),
        ("li_*", "bcookie", "bscookie", "lidc", "UserMatchHistory", "AnalyticsSyncHistory"),
        (r"snap\.licdn\.com/li\.lms-analytics", r"\b_linkedin_partner_id\b"),
    ),
    Tracker(
        "x-pixel",
        "X (Twitter) Pixel",
        ("twitter", "x corp"),
        ("personalization_id", "muc_ads", "guest_id*"),
        (r"static\.ads-twitter\.com/uwt\.js", r"\btwq\(\s*['\"]init['\"]"),
    ),
    Tracker(
        "tiktok-pixel",
        "TikTok Pixel",
        ("tiktok",),
        ("_ttp", "_tt_enable_cookie", "ttcsid*"),
        (r"analytics\.tiktok\.com/i18n/pixel", r"\bttq\.load\("),
    ),
    Tracker(
        "pinterest-tag",
        "Pinterest Tag",
        ("pinterest",),
        ("_pin_unauth", "_pinterest_*", "_epik"),
        (r"s\.pinimg\.com/ct/core\.js", r"\bpintrk\(\s*['\"]load['\"]"),
    ),
    Tracker(
        "yandex-metrica",
        "Yandex Metrica",
        ("yandex",),
        ("_ym_*", "yandexuid", "ymex", "yuidss"),
        (r"mc\.yandex\.(ru|com)/metrika", r"\bym\(\s*\d+\s*,\s*['\"]init['\"]"),
    ),
    Tracker(
        "hubspot",
        "HubSpot",
        ("hubspot",),
        ("__hstc", "__hssc", "__hssrc", "hubspotutk", "messagesUtk"),
        (r"js\.hs-scripts\.com/", r"js\.hs-analytics\.net/", r"js\.hsforms\.net/"),
    ),
    Tracker(
        "mixpanel",
        "Mixpanel",
        ("mixpanel",),
        ("mp_*",),
        (r"cdn\.mxpnl\.com/", r"\bmixpanel\.init\("),
    ),
    Tracker(
        "segment",
        "Segment",
        ("segment", "twilio"),
        ("ajs_*",),
        (r"cdn\.segment\.com/analytics\.js",),
    ),
    Tracker(
        "cloudflare-web-analytics",
        "Cloudflare Web Analytics",
        ("cloudflare",),
        (),
        (r"static\.cloudflareinsights\.com/beacon\.min\.js",),
        cookieless=True,
    ),
    Tracker(
        "fathom",
        "Fathom Analytics",
        ("fathom",),
        (),
        (r"cdn\.usefathom\.com/script\.js",),
        cookieless=True,
    ),
    Tracker(
        "goatcounter",
        "GoatCounter",
        ("goatcounter",),
        (),
        (r"gc\.zgo\.at/count\.js",),
        cookieless=True,
    ),
    Tracker(
        "simple-analytics",
        "Simple Analytics",
        ("simple analytics", "simpleanalytics"),
        (),
        (r"scripts\.simpleanalyticscdn\.com/",),
        cookieless=True,
    ),
)


@dataclass(slots=True)
class PageSources:
    """What a page loads: the addresses of its elements, and its inline scripts."""

    addresses: list[str] = field(default_factory=list)
    inline: list[str] = field(default_factory=list)


#: The elements whose address loads something, and the attribute holding it.
_ADDRESSES = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageSources()
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = _ADDRESSES.get(tag)
        if wanted is not None:
            for name, value in attrs:
                if name == wanted and value:
                    self.page.addresses.append(value)
        if tag == "script":
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = "".join(self._script).strip()
            if text:
                self.page.inline.append(text)
            self._script = None


def page_sources(html: str) -> PageSources:
    """The addresses and inline scripts of an HTML page."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def trackers_in(html: str, trackers: Iterable[Tracker] = TRACKERS) -> list[tuple[Tracker, str]]:
    """The trackers an HTML page loads, each with what shows it."""
    page = page_sources(html)
    found = []
    for tracker in trackers:
        evidence = tracker.evidence(page)
        if evidence is not None:
            found.append((tracker, evidence))
    return found


def undeclared(tracker: Tracker, declarations: Iterable[Declaration]) -> bool:
    """True when no declaration has an entry that covers the tracker."""
    return not any(
        tracker.declared_by(cookie)
        for declaration in declarations
        for cookie in declaration.cookies
    )
