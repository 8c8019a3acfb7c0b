"""What a declaration supports saying: the facts every sentence of the charter rests on.

The charter says nothing these facts do not support (see :mod:`.statements`): whether
any cookie needs consent or is exempt, which categories, kinds of storage and parties
are in use, what the consent tool offers, who the controller is, which providers are
outside the European Economic Area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, get_args

from ..core.eea import outside_eea
from ..core.model import Storage

if TYPE_CHECKING:
    from ..core.model import Category, Cookie, Declaration, Provider


def _unique_providers(cookies: tuple[Cookie, ...]) -> tuple[Provider, ...]:
    """Each provider once (by name), in the order its first cookie appears."""
    seen: dict[str, Provider] = {}
    for cookie in cookies:
        seen.setdefault(cookie.provider.name, cookie.provider)
    return tuple(seen.values())


@dataclass(frozen=True)
class Facts:
    """The facts of a set of cookies of one declaration.

    :param cookies: the cookies the facts are about (the whole declaration, or the
        cookies of the categories a directive shows).
    """

    declaration: Declaration
    cookies: tuple[Cookie, ...]

    @classmethod
    def of(cls, declaration: Declaration, categories: list[Category] | None = None) -> Facts:
        """The facts of the whole declaration, or of the cookies of ``categories``."""
        if categories is None:
            return cls(declaration, declaration.cookies)
        shown = {category.id for category in categories}
        return cls(declaration, tuple(c for c in declaration.cookies if c.category in shown))

    # --- cookies -----------------------------------------------------------------------

    @property
    def any(self) -> bool:
        """At least one cookie (or other tracker) is declared."""
        return bool(self.cookies)

    @property
    def needing_consent(self) -> tuple[Cookie, ...]:
        return tuple(c for c in self.cookies if c.consent == "required")

    @property
    def exempt(self) -> tuple[Cookie, ...]:
        return tuple(c for c in self.cookies if c.consent == "exempt")

    @property
    def storages(self) -> tuple[str, ...]:
        """The kinds of storage in use, in the order of the format's list."""
        used = {cookie.storage for cookie in self.cookies}
        return tuple(kind for kind in get_args(Storage) if kind in used)

    @property
    def only_cookies(self) -> bool:
        """Every item is an HTTP cookie (``storage: cookie``)."""
        return self.any and self.storages == ("cookie",)

    @property
    def no_cookie(self) -> bool:
        """Items are declared, none of them an HTTP cookie."""
        return self.any and "cookie" not in self.storages

    @property
    def other_storages(self) -> tuple[str, ...]:
        """The kinds of storage in use other than cookies."""
        return tuple(kind for kind in self.storages if kind != "cookie")

    @property
    def first_party(self) -> tuple[Cookie, ...]:
        return tuple(c for c in self.cookies if c.party == "first")

    @property
    def third_party(self) -> tuple[Cookie, ...]:
        return tuple(c for c in self.cookies if c.party == "third")

    def in_category(self, category_id: str) -> tuple[Cookie, ...]:
        return tuple(c for c in self.cookies if c.category == category_id)

    def categories(self) -> list[Category]:
        """The categories of these cookies, in display order."""
        used = {cookie.category for cookie in self.cookies}
        return [c for c in self.declaration.categories if c.id in used]

    # --- providers ---------------------------------------------------------------------

    @property
    def third_party_providers(self) -> tuple[Provider, ...]:
        """The providers of third-party cookies, each once."""
        return _unique_providers(self.third_party)

    @property
    def providers_outside_eea(self) -> tuple[Provider, ...]:
        """Providers established outside the European Economic Area (see :mod:`..core.eea`)."""
        return tuple(p for p in _unique_providers(self.cookies) if outside_eea(p.country))

    # --- the consent tool and the controller ----------------------------------------

    @property
    def manage_url(self) -> str | None:
        consent = self.declaration.consent
        return consent.manage_url if consent else None

    @property
    def granular(self) -> bool:
        """The declaration says each category can be accepted or refused on its own."""
        consent = self.declaration.consent
        return bool(consent and consent.granular)
