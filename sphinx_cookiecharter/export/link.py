"""Where the charter page is, for the exports that link to it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CharterLink:
    """Where the charter page is, for the banners' link to it.

    :param url: the address as the banner's link should give it, or, when
        ``from_script`` is true, the address relative to the exported file itself (a
        published build, where the pages that load the file are at every depth).
    """

    url: str
    from_script: bool = False
