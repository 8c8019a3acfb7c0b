"""How long cookies live, as the declaration states it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import sources
from ..durations import longer_than
from ..registry import Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..registry import Context


@rule(
    "CK012",
    "consent-cookie-without-duration",
    "error",
    title="A cookie that needs consent has no duration",
    rationale="The Court of Justice held in Planet49 that the information given when "
    "consent is asked includes how long the cookies operate: without it the consent is "
    "not informed.",
    sources=(sources.PLANET49, sources.EPRIVACY_5_3),
    fields=("cookies[].consent", "cookies[].duration"),
    fix="Declare the cookie's lifetime in `duration` (`13 months`, `P1Y`, `session`).",
)
def consent_cookie_without_duration(ctx: Context) -> Iterator[Hit]:
    for cookie in ctx.needs_consent():
        if cookie.duration is None:
            yield Hit(
                f"the cookie {cookie.name!r} needs consent but has no `duration`",
                cookie.position,
                cookie,
            )


@rule(
    "CK013",
    "exempt-cookie-without-duration",
    "warning",
    title="An exempt cookie has no duration",
    rationale="An exempt cookie must not outlive the purpose that exempts it: the "
    "Article 29 Working Party asks that its lifespan be in direct relation to that "
    "purpose, usually the browser session. The charter can only show that when the "
    "duration is declared.",
    sources=(sources.WP194_LIFESPAN, sources.CNIL_AUDIENCE_DURATIONS),
    fields=("cookies[].consent", "cookies[].duration"),
    fix="Declare the cookie's lifetime in `duration`.",
)
def exempt_cookie_without_duration(ctx: Context) -> Iterator[Hit]:
    for cookie in ctx.declaration.cookies:
        if cookie.consent == "exempt" and cookie.duration is None:
            yield Hit(
                f"the exempt cookie {cookie.name!r} has no `duration`",
                cookie.position,
                cookie,
            )


@rule(
    "CK014",
    "long-lifetime",
    "warning",
    title="A cookie lives longer than the profile's benchmark, or never expires",
    rationale="A cookie's lifetime must be proportionate to its purpose: the Article 29 "
    "Working Party ties an exempt cookie's lifespan to its purpose, and the ICO asks "
    "that the duration be decided against the purpose. No EU or UK text gives a "
    "figure, so the `eu` and `uk` profiles report lifetimes over two years, this "
    "project's benchmark; the `fr` profile uses the CNIL's 13 months. An HTTP cookie "
    "declared `persistent` names no expiry at all.",
    sources=(sources.ICO_LIFETIME, sources.WP194_LIFESPAN, sources.CNIL_2013_378),
    fields=("cookies[].duration", "cookies[].storage"),
    fix="Shorten the cookie's lifetime where it is set, and declare the real one; or "
    "silence the finding for this cookie with the reason for the long lifetime.",
)
def long_lifetime(ctx: Context) -> Iterator[Hit]:
    months = ctx.profile.max_lifetime_months
    for cookie in ctx.declaration.cookies:
        duration = cookie.duration
        if duration is None:
            continue
        if duration.kind == "persistent" and cookie.storage == "cookie":
            yield Hit(
                f"the cookie {cookie.name!r} is declared persistent; an HTTP cookie has an "
                "expiry, declare it",
                cookie.position,
                cookie,
            )
        elif longer_than(duration, months):
            yield Hit(
                f"the cookie {cookie.name!r} lives {duration}, longer than {months} months "
                f"(profile {ctx.profile.name})",
                cookie.position,
                cookie,
            )


@rule(
    "CK015",
    "session-storage-lifetime",
    "warning",
    title="A session-storage key is declared with a lifetime beyond the session",
    rationale="Session storage is kept for the browsing session only and cleared with "
    "it. A fixed or persistent duration on it is information that cannot be true, and "
    "the information about a tracker's duration must be accurate.",
    sources=(sources.HTML_SESSION_STORAGE, sources.PLANET49),
    fields=("cookies[].storage", "cookies[].duration"),
    fix="Declare `duration: session`, or the storage the key really uses (`local-storage`).",
)
def session_storage_lifetime(ctx: Context) -> Iterator[Hit]:
    for cookie in ctx.declaration.cookies:
        duration = cookie.duration
        if cookie.storage == "session-storage" and duration and duration.kind != "session":
            yield Hit(
                f"the session-storage key {cookie.name!r} is declared to last "
                f"{duration}; session storage ends with the session",
                cookie.position,
                cookie,
            )


@rule(
    "CK016",
    "free-text-duration",
    "warning",
    title="A duration is given as free text",
    rationale="Free text says what no duration can (`Unknown`, `1 week to 1 year`), and "
    "the charter shows it as written; but visitors are owed how long the cookie "
    "operates, and a text such as 'Unknown' does not tell them. Durations the lint "
    "cannot read cannot be checked either.",
    sources=(sources.PLANET49,),
    fields=("cookies[].duration", "consent.duration"),
    fix="Find the cookie's real lifetime (the browser's storage inspector shows it) and "
    "declare it as `13 months`, `P1Y`, `session` or `persistent`; keep free text for "
    "what really varies, and silence the finding with the reason.",
)
def free_text_duration(ctx: Context) -> Iterator[Hit]:
    for cookie in ctx.declaration.cookies:
        if cookie.duration is not None and cookie.duration.kind == "text":
            yield Hit(
                f"the duration of {cookie.name!r} is free text ({cookie.duration!s}), not a "
                "duration",
                cookie.position,
                cookie,
            )
    consent = ctx.declaration.consent
    if consent is not None and consent.duration is not None and consent.duration.kind == "text":
        yield Hit(
            f"`consent.duration` is free text ({consent.duration!s}), not a duration",
            consent.position,
        )
