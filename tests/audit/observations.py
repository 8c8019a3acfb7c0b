"""Hand-made observations and declarations for the tests that need no browser."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_cookiecharter.audit.observation import Host, Item, Observation, PageVisit
from sphinx_cookiecharter.core.load import parse_declaration

if TYPE_CHECKING:
    from sphinx_cookiecharter.core.model import Declaration

SITE = "docs.example.org"


def declaration(text: str, source: str = "cookies.yaml") -> Declaration:
    """A declaration from YAML text, which must have no problem."""
    result = parse_declaration(text, "yaml", source=source)
    assert not result.diagnostics, [str(d) for d in result.diagnostics]
    assert result.declaration is not None
    return result.declaration


def item(name: str, **fields: Any) -> Item:
    """An item seen: a first-party cookie on ``/index.html`` on arrival unless told."""
    values: dict[str, Any] = {
        "storage": "cookie",
        "domain": SITE,
        "party": "first",
        "page": "/index.html",
        "phase": "arrival",
        "lifetime": None,
    }
    values.update(fields)
    return Item(name, **values)


def observation(*items: Item, phases: tuple[str, ...] = ("arrival",), **fields: Any) -> Observation:
    pages = sorted({entry.page for entry in items} | {"/index.html"})
    return Observation(
        target="https://docs.example.org/",
        site_host=SITE,
        pages=tuple(PageVisit(page, 200) for page in pages),
        items=items,
        phases=phases,  # type: ignore[arg-type]
        hosts=tuple(fields.get("hosts", ())),
    )


__all__ = ["SITE", "Host", "declaration", "item", "observation"]
