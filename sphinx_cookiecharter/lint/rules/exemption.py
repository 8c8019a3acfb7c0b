"""Cookies marked exempt from consent that the regulators' texts would not exempt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import sources
from ..durations import longer_than
from ..registry import Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...core.model import Cookie
    from ..registry import Context


def _exempt(ctx: Context, category: str | None = None) -> Iterator[Cookie]:
    """The cookies marked exempt, of one category or of any."""
    for cookie in ctx.declaration.cookies:
        if cookie.consent == "exempt" and (category is None or cookie.category == category):
            yield cookie


@rule(
    "CK001",
    "marketing-exempt",
    "error",
    title="A marketing cookie is marked exempt from consent",
    rationale="Article 5(3) of the ePrivacy Directive exempts only what is strictly "
    "necessary for the service the visitor asked for, or for carrying a communication. "
    "Advertising, retargeting and their measurement are neither: the Article 29 Working "
    "Party states that third-party advertising cookies cannot be exempted, including for "
    "operational purposes such as frequency capping or fraud detection.",
    sources=(sources.EPRIVACY_5_3, sources.WP194_ADVERTISING),
    fields=("cookies[].category", "cookies[].consent"),
    fix="Remove `consent: exempt` so that the cookie waits for the visitor's consent, or "
    "move it to the category that describes what it really does.",
)
def marketing_exempt(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx, "marketing"):
        yield Hit(
            f"the marketing cookie {cookie.name!r} is marked exempt from consent; "
            "advertising is never strictly necessary",
            cookie.position,
            cookie,
        )


@rule(
    "CK002",
    "third-party-statistics-exempt",
    "error",
    title="A third-party statistics cookie is marked exempt from consent",
    rationale="Where audience measurement may be exempt at all (the CNIL's conditions, "
    "the UK's statistics exception), it must serve the site's own statistics only. A "
    "cookie set on a third party's domain carries an identifier the third party can "
    "read on every site that uses it: that is cross-site tracking, which excludes the "
    "exemption. The Article 29 Working Party, likewise, considered only first-party, "
    "aggregated analytics low-risk.",
    sources=(sources.CNIL_AUDIENCE_CONDITIONS, sources.WP194_ANALYTICS),
    fields=("cookies[].category", "cookies[].party", "cookies[].consent"),
    fix="Ask for consent (remove `consent: exempt`), or measure the audience with a "
    "first-party cookie configured for the site alone.",
)
def third_party_statistics_exempt(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx, "statistics"):
        if cookie.party == "third":
            yield Hit(
                f"the third-party statistics cookie {cookie.name!r} is marked exempt from "
                "consent; a third party's identifier can follow visitors across sites",
                cookie.position,
                cookie,
            )


@rule(
    "CK003",
    "exempt-without-reason",
    "warning",
    title="A cookie of a category that needs consent is exempt, without saying why",
    rationale="A cookie whose category needs consent (preferences, statistics, marketing "
    "or a declared one) and that is nevertheless marked exempt departs from the rule; "
    "regulators found many cookies wrongly classified as essential and expect the "
    "classification to be justified. The `exemption` field says why, and the charter "
    "shows it.",
    sources=(sources.EDPB_TASKFORCE, sources.EPRIVACY_5_3),
    fields=("cookies[].category", "cookies[].consent", "cookies[].exemption"),
    fix="Say why the cookie is exempt in `exemption` (for instance 'Remembers the colour "
    "scheme you chose, on this site only'), or remove `consent: exempt`.",
)
def exempt_without_reason(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx):
        category = ctx.declaration.category(cookie.category)
        if category is not None and category.consent == "required" and cookie.exemption is None:
            yield Hit(
                f"the {cookie.category} cookie {cookie.name!r} is marked exempt from consent "
                "without an `exemption` saying why",
                cookie.position,
                cookie,
            )


@rule(
    "CK004",
    "exempt-category",
    "warning",
    title="A category other than necessary is exempt from consent as a whole",
    rationale="Exemption is decided use by use: each cookie must be strictly necessary "
    "for a service the visitor asked for. A whole category marked exempt exempts every "
    "cookie later added to it without that question being asked.",
    sources=(sources.EPRIVACY_5_3, sources.EDPB_TASKFORCE),
    fields=("categories.*.consent",),
    fix="Leave the category's consent to `required` and mark exempt, with an "
    "`exemption`, only the cookies that are; or move them to `necessary`.",
)
def exempt_category(ctx: Context) -> Iterator[Hit]:
    for category in ctx.declaration.categories:
        if category.id != "necessary" and category.consent == "exempt":
            yield Hit(
                f"the category {category.id!r} is exempt from consent as a whole",
                category.position,
            )


@rule(
    "CK005",
    "exempt-pixel",
    "warning",
    title="A tracking pixel is marked exempt from consent",
    rationale="The EDPB reads article 5(3) as covering tracking pixels: loading one "
    "sends information from the visitor's device to whoever serves it. A pixel is seldom "
    "strictly necessary for the service the visitor asked for.",
    sources=(sources.EDPB_SCOPE, sources.EPRIVACY_5_3),
    fields=("cookies[].storage", "cookies[].consent"),
    fix="Remove `consent: exempt` so that the pixel loads only after consent.",
)
def exempt_pixel(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx):
        if cookie.storage == "pixel":
            yield Hit(
                f"the pixel {cookie.name!r} is marked exempt from consent",
                cookie.position,
                cookie,
            )


@rule(
    "CK006",
    "third-party-necessary",
    "warning",
    title="A third-party cookie is declared necessary without saying why",
    rationale="Third-party cookies are the ones regulators most often find wrongly "
    "classified as essential; the Article 29 Working Party notes that first-party "
    "session cookies are far more likely to be exempt than third-party persistent ones. "
    "Some are necessary (a payment provider's, a load balancer's), and the declaration "
    "should say so.",
    sources=(sources.EDPB_TASKFORCE, sources.WP194_LIFESPAN),
    fields=("cookies[].party", "cookies[].category", "cookies[].exemption"),
    fix="Say in `exemption` why the service the visitor asked for cannot work without "
    "this third party's cookie, or move the cookie to the category it serves.",
)
def third_party_necessary(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx, "necessary"):
        if cookie.party == "third" and cookie.exemption is None:
            yield Hit(
                f"the third-party cookie {cookie.name!r} is declared necessary without an "
                "`exemption` saying why",
                cookie.position,
                cookie,
            )


@rule(
    "CK007",
    "exempt-statistics",
    "warning",
    profiles=("eu",),
    title="A statistics cookie is exempt, which EU law does not provide for",
    rationale="Article 5(3) of the ePrivacy Directive has no exemption for audience "
    "measurement: the Article 29 Working Party found analytics cookies not strictly "
    "necessary and only suggested a future exemption. Some regulators allow it under "
    "conditions (the CNIL in France, PECR in the United Kingdom since 2026); the `fr` "
    "and `uk` profiles check those conditions instead.",
    sources=(sources.EPRIVACY_5_3, sources.WP194_ANALYTICS),
    fields=("cookies[].category", "cookies[].consent"),
    fix="Ask for consent, or lint with the profile of the regulator whose exemption you "
    "rely on (`--profile fr` or `--profile uk`) and meet its conditions.",
)
def exempt_statistics(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx, "statistics"):
        if cookie.party == "first":  # third-party ones are CK002's
            yield Hit(
                f"the statistics cookie {cookie.name!r} is marked exempt; EU law has no "
                "exemption for audience measurement",
                cookie.position,
                cookie,
            )


@rule(
    "CK008",
    "exempt-statistics-lifetime",
    "warning",
    profiles=("fr",),
    title="An exempt audience-measurement cookie may live longer than 13 months",
    rationale="The CNIL recommends that exempt audience-measurement trackers live no "
    "longer than needed to compare audiences over time, such as 13 months, and that "
    "their lifetime is not extended on new visits. A cookie with no declared duration, "
    "or a persistent one, cannot show that.",
    sources=(sources.CNIL_AUDIENCE_DURATIONS,),
    fields=("cookies[].category", "cookies[].consent", "cookies[].duration"),
    fix="Configure the measurement tool for a lifetime of at most 13 months, not "
    "extended on later visits, and declare it in `duration`.",
)
def exempt_statistics_lifetime(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx, "statistics"):
        duration = cookie.duration
        if duration is None or duration.kind in ("persistent", "text") or longer_than(duration, 13):
            shown = "no duration" if duration is None else f"a duration of {duration}"
            yield Hit(
                f"the exempt statistics cookie {cookie.name!r} has {shown}; the CNIL "
                "recommends at most 13 months",
                cookie.position,
                cookie,
            )


@rule(
    "CK009",
    "exempt-statistics-retention",
    "warning",
    profiles=("fr",),
    title="An exempt audience-measurement cookie keeps its data longer than 25 months, "
    "or does not say",
    rationale="The CNIL recommends keeping the data collected by exempt audience "
    "measurement for at most 25 months. The declaration's `retention` says how long it "
    "is kept.",
    sources=(sources.CNIL_AUDIENCE_DURATIONS, sources.GDPR_13_2),
    fields=("cookies[].category", "cookies[].consent", "cookies[].retention"),
    fix="Set the tool's data retention to 25 months or less and declare it in `retention`.",
)
def exempt_statistics_retention(ctx: Context) -> Iterator[Hit]:
    for cookie in _exempt(ctx, "statistics"):
        retention = cookie.retention
        if retention is None or retention.kind != "fixed" or longer_than(retention, 25):
            shown = "does not say" if retention is None else f"says {retention}"
            yield Hit(
                f"the exempt statistics cookie {cookie.name!r} {shown} how long its data "
                "is kept; the CNIL recommends at most 25 months",
                cookie.position,
                cookie,
            )


@rule(
    "CK010",
    "exempt-without-objection",
    "warning",
    profiles=("uk",),
    title="An exempt statistics or preferences cookie, and no way for visitors to object",
    rationale="Since 5 February 2026, PECR lets statistics cookies (improving the "
    "service) and appearance or preference cookies be set without consent, on condition "
    "that visitors get clear information and a simple, free means of objecting. The "
    "declaration's `consent.manage_url` is where they object.",
    sources=(sources.DUAA_EXCEPTIONS, sources.ICO_EXCEPTIONS),
    fields=("cookies[].category", "cookies[].consent", "consent.manage_url"),
    fix="Give `consent.manage_url`, the page or control where visitors turn these cookies off.",
)
def exempt_without_objection(ctx: Context) -> Iterator[Hit]:
    consent = ctx.declaration.consent
    if consent is not None and consent.manage_url:
        return
    for cookie in _exempt(ctx):
        if cookie.category in ("statistics", "preferences"):
            yield Hit(
                f"the {cookie.category} cookie {cookie.name!r} is exempt, but there is no "
                "`consent.manage_url` where visitors can object",
                cookie.position,
                cookie,
            )


@rule(
    "CK011",
    "exemption-on-consent-cookie",
    "warning",
    title="A cookie that needs consent gives a reason for being exempt",
    rationale="The charter would say both that the cookie waits for consent and why it "
    "does not need to: the information must be intelligible, and this contradicts "
    "itself.",
    sources=(sources.GDPR_12_1,),
    fields=("cookies[].consent", "cookies[].exemption"),
    fix="Remove `exemption`, or mark the cookie `consent: exempt` if the reason holds.",
)
def exemption_on_consent_cookie(ctx: Context) -> Iterator[Hit]:
    for cookie in ctx.needs_consent():
        if cookie.exemption is not None:
            yield Hit(
                f"the cookie {cookie.name!r} needs consent but gives an `exemption`",
                cookie.position,
                cookie,
            )
