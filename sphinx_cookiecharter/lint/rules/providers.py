"""Third parties: their privacy policies, their part in the processing, their countries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import sources
from ..registry import Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...core.model import Cookie, Provider
    from ..registry import Context


def _third_parties(ctx: Context) -> Iterator[tuple[Provider, Cookie]]:
    """Each provider of a third-party cookie, once, with its first such cookie."""
    seen: set[Provider] = set()
    for cookie in ctx.declaration.cookies:
        if cookie.party == "third" and cookie.provider not in seen:
            seen.add(cookie.provider)
            yield cookie.provider, cookie


def _hit(message: str, provider: Provider, cookie: Cookie) -> Hit:
    """A finding about a provider: at its declaration, or, for a provider given as a
    plain name, at the cookie that names it."""
    if provider.id is None:
        return Hit(message, provider.position or cookie.position, cookie)
    return Hit(message, provider.position)


@rule(
    "CK029",
    "third-party-without-privacy-policy",
    "warning",
    title="A third party that sets cookies has no privacy policy link",
    rationale="Visitors are owed who receives their data and must be told that third "
    "parties may access the cookies; the list of the parties involved should let them "
    "read each one's own policy.",
    sources=(sources.GDPR_13_1_E, sources.PLANET49, sources.CNIL_CONTROLLERS),
    fields=("providers.*.privacy_policy", "cookies[].party", "cookies[].provider"),
    fix="Declare the provider under `providers` with its `privacy_policy` URL.",
)
def third_party_without_privacy_policy(ctx: Context) -> Iterator[Hit]:
    for provider, cookie in _third_parties(ctx):
        if not provider.privacy_policy:
            yield _hit(
                f"the third party {provider.name!r} (cookie {cookie.name!r}) has no "
                "`privacy_policy`",
                provider,
                cookie,
            )


@rule(
    "CK030",
    "transfer-without-safeguard",
    "warning",
    title="A provider outside the profile's area, and nothing on how the transfer is framed",
    rationale="When data goes to a country outside the European Economic Area (for the "
    "`uk` profile, outside the United Kingdom), visitors are owed the fact and the "
    "framework: an adequacy decision, standard contractual clauses or another safeguard.",
    sources=(sources.GDPR_13_1_F,),
    fields=("providers.*.country", "providers.*.safeguard"),
    fix="Say in the provider's `safeguard` how the transfer is framed (such as 'EU-US "
    "Data Privacy Framework' or 'Standard contractual clauses').",
)
def transfer_without_safeguard(ctx: Context) -> Iterator[Hit]:
    profile = ctx.profile
    for provider in ctx.declaration.providers:
        country = provider.country
        if country and country not in profile.home and provider.safeguard is None:
            yield Hit(
                f"the provider {provider.name!r} is in {country}, outside "
                f"{profile.home_name}, and gives no `safeguard`",
                provider.position,
            )


@rule(
    "CK031",
    "third-party-without-role",
    "info",
    title="A third party's part in the processing is not stated",
    rationale="A site that embeds a third party's cookies is a joint controller of what "
    "is collected through them, unless the third party only processes on its behalf. "
    "Saying which (processor, joint controller, controller) tells visitors who answers "
    "for their data.",
    sources=(sources.FASHION_ID, sources.GDPR_26_28),
    fields=("providers.*.role", "cookies[].party"),
    fix="Declare the provider's `role`: `processor`, `joint-controller` or `controller`.",
)
def third_party_without_role(ctx: Context) -> Iterator[Hit]:
    for provider, cookie in _third_parties(ctx):
        if provider.role is None:
            yield _hit(
                f"the third party {provider.name!r} (cookie {cookie.name!r}) has no `role`",
                provider,
                cookie,
            )


@rule(
    "CK032",
    "third-party-without-country",
    "info",
    title="A third party's country is not stated",
    rationale="Without the country where a third party is established, neither "
    "visitors nor the lint can tell whether their data leaves the European Economic "
    "Area.",
    sources=(sources.GDPR_13_1_F,),
    fields=("providers.*.country", "cookies[].party"),
    fix="Declare the provider's `country` (ISO 3166-1 alpha-2, such as `IE`).",
)
def third_party_without_country(ctx: Context) -> Iterator[Hit]:
    for provider, cookie in _third_parties(ctx):
        if provider.country is None:
            yield _hit(
                f"the third party {provider.name!r} (cookie {cookie.name!r}) has no `country`",
                provider,
                cookie,
            )


@rule(
    "CK033",
    "unused-provider",
    "info",
    title="A declared provider sets no cookie",
    rationale="A list of parties that names one that sets nothing misinforms visitors "
    "and is often the trace of a tool removed from the site, or of a cookie whose "
    "provider is misspelt.",
    sources=(sources.CNIL_CONTROLLERS, sources.GDPR_12_1),
    fields=("providers", "cookies[].provider"),
    fix="Remove the provider, or correct the `provider` of the cookies it sets.",
)
def unused_provider(ctx: Context) -> Iterator[Hit]:
    used = {cookie.provider.id for cookie in ctx.declaration.cookies}
    for provider in ctx.declaration.providers:
        if provider.id not in used:
            yield Hit(f"the provider {provider.id!r} sets no cookie", provider.position)
