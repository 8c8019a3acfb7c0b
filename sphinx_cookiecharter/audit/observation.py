"""What a browser saw on a site: the input of the comparison, free of any browser.

The collector (:mod:`.collect`) fills these values from Chromium; tests and other tools
can build them by hand. Everything here is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..core.model import Party

#: When something was seen: on arrival (no choice made), after the accept selector was
#: clicked and the page reloaded, after the reject selector was.
Phase = Literal["arrival", "accepted", "rejected"]
PHASES: tuple[Phase, ...] = ("arrival", "accepted", "rejected")

#: What a browser can be seen storing. (A declared ``pixel`` is matched against the
#: hosts contacted instead.)
ObservedStorage = Literal["cookie", "local-storage", "session-storage", "indexeddb"]


@dataclass(frozen=True, slots=True)
class Item:
    """One thing stored, seen on one page in one phase.

    :param domain: for a cookie, its ``Domain`` as the browser holds it (a leading dot
        for a domain cookie, the bare host for a host-only one); for storage, the host
        of the origin (frame) that holds it.
    :param lifetime: seconds from the moment it was seen to its expiry; ``None`` for a
        session cookie and for storage, which does not expire by itself.
    :param origin: for storage, the origin holding it (``http://127.0.0.1:8000``).
    :param action: the label of the reader's action after which it was read (see
        :class:`~.collect.Action`), ``None`` when read before any.
    """

    name: str
    storage: ObservedStorage
    domain: str
    party: Party
    page: str
    phase: Phase
    lifetime: int | None = None
    path: str | None = None
    secure: bool | None = None
    http_only: bool | None = None
    same_site: str | None = None
    origin: str | None = None
    action: str | None = None


@dataclass(frozen=True, slots=True)
class Host:
    """A third-party host the page contacted (a request for any resource)."""

    host: str
    page: str
    phase: Phase


@dataclass(frozen=True, slots=True)
class PageVisit:
    """One page as visited: its address (a path under the site, or a URL), the HTTP
    status, and what could not be done (a timeout, a consent button not found)."""

    url: str
    status: int | None = None
    title: str | None = None
    phases: tuple[Phase, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Observation:
    """Everything seen on a site: pages visited, items stored, hosts contacted.

    :param site_host: the host of the audited site, against which parties are decided.
    :param phases: the phases that were run (arrival always).
    """

    target: str
    site_host: str
    pages: tuple[PageVisit, ...] = ()
    items: tuple[Item, ...] = ()
    hosts: tuple[Host, ...] = ()
    phases: tuple[Phase, ...] = ("arrival",)
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Observed:
    """Items grouped as the report lists them: one entry per name, storage, domain and
    phase, with every page it was seen on and the longest lifetime seen."""

    name: str
    storage: ObservedStorage
    domain: str
    party: Party
    phase: Phase
    pages: tuple[str, ...]
    lifetime: int | None
    path: str | None = None
    secure: bool | None = None
    http_only: bool | None = None
    same_site: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """What one stored thing is, whatever the phase: name, storage, domain."""
        return (self.name, self.storage, self.domain)


def _longest(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def group(items: tuple[Item, ...] | list[Item]) -> list[Observed]:
    """Group items by name, storage, domain and phase, in the order first seen."""
    grouped: dict[tuple[str, str, str, str], Observed] = {}
    for item in items:
        key = (item.name, item.storage, item.domain, item.phase)
        known = grouped.get(key)
        if known is None:
            grouped[key] = Observed(
                item.name,
                item.storage,
                item.domain,
                item.party,
                item.phase,
                (item.page,),
                item.lifetime,
                item.path,
                item.secure,
                item.http_only,
                item.same_site,
            )
            continue
        pages = known.pages if item.page in known.pages else (*known.pages, item.page)
        grouped[key] = Observed(
            known.name,
            known.storage,
            known.domain,
            known.party,
            known.phase,
            pages,
            _longest(known.lifetime, item.lifetime),
            known.path,
            known.secure,
            known.http_only,
            known.same_site,
        )
    return list(grouped.values())
