"""What visitors must be told: who is responsible, how to change their mind, when the
charter was last reviewed, and in which languages."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from .. import sources
from ..durations import longer_than
from ..registry import Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...core.model import LocalizedText, Position
    from ..registry import Context

#: Top of the file: where a finding about something missing from the whole file goes.
_TOP = None


def _processes_data(ctx: Context) -> bool:
    """True when some cookie needs consent or is a third party's: the declaration then
    most likely covers processing of personal data (GDPR art. 13 applies)."""
    return any(
        cookie.consent == "required" or cookie.party == "third"
        for cookie in ctx.declaration.cookies
    )


def _consent_position(ctx: Context) -> Position | None:
    consent = ctx.declaration.consent
    return consent.position if consent is not None else _TOP


def _controller_position(ctx: Context) -> Position | None:
    controller = ctx.declaration.controller
    return controller.position if controller is not None else _TOP


@rule(
    "CK017",
    "no-manage-url",
    "error",
    title="Cookies need consent, but visitors are not told where to change their choice",
    rationale="Withdrawing consent must be as easy as giving it, at any time: visitors "
    "need a permanent way back to their choices. The charter links to "
    "`consent.manage_url`.",
    sources=(sources.GDPR_7_3, sources.EDPB_CONSENT_WITHDRAWAL),
    fields=("consent.manage_url", "cookies[].consent"),
    fix="Give `consent.manage_url`: the page, or an anchor such as `#cookie-settings`, "
    "where the site's consent tool reopens.",
)
def no_manage_url(ctx: Context) -> Iterator[Hit]:
    consent = ctx.declaration.consent
    needing = ctx.needs_consent()
    if needing and (consent is None or not consent.manage_url):
        yield Hit(
            f"{len(needing)} cookie{'s need' if len(needing) > 1 else ' needs'} consent "
            "but `consent.manage_url` is not given",
            _consent_position(ctx),
        )


@rule(
    "CK018",
    "no-controller-name",
    "error",
    title="Cookies need consent, but the controller is not named",
    rationale="Consent is informed only if the visitor knows at least who asks for it: "
    "the identity of the controller is the first item of the minimum content, and the "
    "first item of the information owed under article 13.",
    sources=(sources.GDPR_13_1_A, sources.EDPB_CONSENT_INFORMED, sources.CNIL_INFORMED),
    fields=("controller.name", "cookies[].consent"),
    fix="Name the person or organisation responsible for the site in `controller.name`.",
)
def no_controller_name(ctx: Context) -> Iterator[Hit]:
    controller = ctx.declaration.controller
    if ctx.needs_consent() and (controller is None or not controller.name):
        yield Hit(
            "cookies need consent but `controller.name` is not given",
            _controller_position(ctx),
        )


@rule(
    "CK019",
    "no-controller-contact",
    "warning",
    title="No way to contact the controller",
    rationale="When cookies process personal data, visitors are owed the controller's "
    "contact details. A declaration whose cookies are all first-party and exempt may "
    "process none, and is not checked.",
    sources=(sources.GDPR_13_1_A,),
    fields=("controller.contact",),
    fix="Give an e-mail address or a contact page in `controller.contact`.",
)
def no_controller_contact(ctx: Context) -> Iterator[Hit]:
    controller = ctx.declaration.controller
    if _processes_data(ctx) and (controller is None or not controller.contact):
        yield Hit("`controller.contact` is not given", _controller_position(ctx))


@rule(
    "CK020",
    "no-privacy-policy",
    "warning",
    title="No link to the site's privacy policy",
    rationale="When cookies process personal data, visitors are owed the storage "
    "periods, their rights and how to complain to a regulator, which a privacy policy "
    "gives; the charter links to it. A declaration whose cookies are all first-party and "
    "exempt is not checked.",
    sources=(sources.GDPR_13_2,),
    fields=("controller.privacy_policy",),
    fix="Give the URL of the site's privacy policy in `controller.privacy_policy`.",
)
def no_privacy_policy(ctx: Context) -> Iterator[Hit]:
    controller = ctx.declaration.controller
    if _processes_data(ctx) and (controller is None or not controller.privacy_policy):
        yield Hit("`controller.privacy_policy` is not given", _controller_position(ctx))


@rule(
    "CK021",
    "no-consent-duration",
    "warning",
    title="Cookies need consent, but how long a choice is kept is not said",
    rationale="A visitor's choice, acceptance or refusal, is stored and asked again "
    "when it expires; the CNIL considers keeping it for 6 months a good practice, and no "
    "text sets a limit. Visitors are better told how long: the charter says it from "
    "`consent.duration`.",
    sources=(sources.CNIL_CHOICE, sources.ICO_REFRESH),
    fields=("consent.duration", "cookies[].consent"),
    fix="Give `consent.duration`, such as `6 months`.",
)
def no_consent_duration(ctx: Context) -> Iterator[Hit]:
    consent = ctx.declaration.consent
    if ctx.needs_consent() and (consent is None or consent.duration is None):
        yield Hit(
            "cookies need consent but `consent.duration` is not given",
            _consent_position(ctx),
        )


@rule(
    "CK022",
    "consent-choice-unbounded",
    "warning",
    title="A visitor's choice is kept without end",
    rationale="A choice kept for ever is never asked again, even when the cookies or "
    "their purposes change; regulators expect consent to be renewed at reasonable "
    "intervals.",
    sources=(sources.CNIL_CHOICE, sources.EDPB_CONSENT_REFRESH, sources.ICO_REFRESH),
    fields=("consent.duration",),
    fix="Configure the consent tool to ask again after a while (6 months is the CNIL's "
    "good practice) and declare it in `consent.duration`.",
)
def consent_choice_unbounded(ctx: Context) -> Iterator[Hit]:
    consent = ctx.declaration.consent
    if (
        consent is not None
        and consent.duration is not None
        and consent.duration.kind == "persistent"
    ):
        yield Hit(
            "`consent.duration` is persistent: the choice is never asked again",
            consent.position,
        )


@rule(
    "CK023",
    "consent-choice-over-6-months",
    "info",
    profiles=("fr",),
    title="A visitor's choice is kept longer than the CNIL's 6 months",
    rationale="The CNIL considers keeping the choice, acceptance or refusal, for 6 "
    "months a good practice. It is not a rule, hence the `info` severity.",
    sources=(sources.CNIL_CHOICE,),
    fields=("consent.duration",),
    fix="Configure the consent tool to keep the choice 6 months, or keep your reason.",
)
def consent_choice_over_6_months(ctx: Context) -> Iterator[Hit]:
    consent = ctx.declaration.consent
    if consent is not None and consent.duration and longer_than(consent.duration, 6):
        yield Hit(
            f"`consent.duration` is {consent.duration}, longer than the 6 months the "
            "CNIL recommends",
            consent.position,
        )


@rule(
    "CK024",
    "not-granular",
    "info",
    title="Several purposes need consent, and the declaration does not say each can be "
    "chosen on its own",
    rationale="Consent is specific: when cookies serve several purposes, visitors should "
    "be able to accept one and refuse another. The charter promises that only when "
    "`consent.granular` is true.",
    sources=(sources.EDPB_CONSENT_GRANULAR,),
    fields=("consent.granular", "cookies[].category", "cookies[].consent"),
    fix="If the consent tool lets visitors choose category by category, say so with "
    "`consent.granular: true`; if it does not, make it.",
)
def not_granular(ctx: Context) -> Iterator[Hit]:
    categories = sorted({cookie.category for cookie in ctx.needs_consent()})
    consent = ctx.declaration.consent
    if len(categories) > 1 and (consent is None or consent.granular is not True):
        yield Hit(
            f"cookies of {len(categories)} categories need consent ({', '.join(categories)}) "
            "but `consent.granular` is not true",
            _consent_position(ctx),
        )


@rule(
    "CK025",
    "no-updated-date",
    "warning",
    title="The declaration does not say when it was last reviewed",
    rationale="The list of cookies and of the parties that set them must be kept up to "
    "date; the date of the last review tells visitors, and reviewers, how current it is. "
    "The charter shows `updated`.",
    sources=(sources.CNIL_CONTROLLERS, sources.GDPR_12_1),
    fields=("updated",),
    fix="Give the date of the last review in `updated` (ISO 8601, `2026-11-28`).",
)
def no_updated_date(ctx: Context) -> Iterator[Hit]:
    if ctx.declaration.updated is None:
        yield Hit("`updated` is not given", _TOP)


@rule(
    "CK026",
    "stale-updated-date",
    "info",
    title="The declaration was last reviewed more than a year ago",
    rationale="Sites change their cookies with their tools. A declaration not reviewed "
    "for a year likely misses some; the lint reminds you to check (for instance with "
    "`cookiecharter audit`) and move the date.",
    sources=(sources.CNIL_CONTROLLERS,),
    fields=("updated",),
    fix="Review the declaration against the site and set `updated` to the day you did.",
)
def stale_updated_date(ctx: Context) -> Iterator[Hit]:
    updated = ctx.declaration.updated
    if updated is not None and (ctx.today - updated).days > 366:
        yield Hit(f"`updated` is {updated.isoformat()}, more than a year ago", _TOP)


@rule(
    "CK027",
    "future-updated-date",
    "warning",
    title="The declaration's review date is in the future",
    rationale="A date after today is a mistake, and the charter would show it to visitors.",
    sources=(sources.GDPR_12_1,),
    fields=("updated",),
    fix="Set `updated` to the day of the last review.",
)
def future_updated_date(ctx: Context) -> Iterator[Hit]:
    updated = ctx.declaration.updated
    if updated is not None and updated > ctx.today + datetime.timedelta(days=1):
        yield Hit(f"`updated` is {updated.isoformat()}, after today", _TOP)


def _languages(text: LocalizedText | None) -> set[str]:
    if text is None or text.is_plain:
        return set()
    return {language for language, _ in text.translations if language is not None}


@rule(
    "CK028",
    "missing-translation",
    "info",
    title="A cookie's purpose is missing in a language the declaration uses",
    rationale="Information must be intelligible to the visitors it addresses: when the "
    "declaration gives texts in several languages, a purpose missing in one of them is "
    "shown in another language on that language's pages.",
    sources=(sources.WP260_LANGUAGE, sources.GDPR_12_1),
    fields=("cookies[].purpose",),
    fix="Give the purpose in every language the declaration uses.",
)
def missing_translation(ctx: Context) -> Iterator[Hit]:
    declaration = ctx.declaration
    used: set[str] = set()
    for cookie in declaration.cookies:
        used |= _languages(cookie.purpose) | _languages(cookie.service)
    for category in declaration.categories:
        used |= _languages(category.title) | _languages(category.description)
    for _, text in declaration.texts:
        used |= _languages(text)
    for cookie in declaration.cookies:
        given = _languages(cookie.purpose)
        missing = sorted(used - given) if given else []
        if missing:
            yield Hit(
                f"the purpose of {cookie.name!r} is not given in {', '.join(missing)}",
                cookie.purpose.position or cookie.position,
                cookie,
            )
