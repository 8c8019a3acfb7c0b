"""What the two banner exports share: the script around the configuration, the link to
the charter, and how long the banner remembers a choice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import __version__
from ..core.durations import seconds
from .common import export_languages
from .js import Expression, script, string

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Declaration
    from .link import CharterLink

    class Configuration(Protocol):
        """A banner's ``configuration()``: the object its script reads."""

        def __call__(
            self, declaration: Declaration, languages: Sequence[str], *, charter: CharterLink | None
        ) -> dict[str, Any]: ...


#: Where a published file's script keeps the charter's address it works out.
CHARTER_GLOBAL = "window.cookiecharter.charter"


def charter_value(link: CharterLink | None) -> str | Expression | None:
    """The charter's address as the configuration holds it."""
    if link is None:
        return None
    return Expression(CHARTER_GLOBAL) if link.from_script else link.url


def prelude(link: CharterLink | None) -> list[tuple[str, Any]]:
    """The statements before the configuration: the ``window.cookiecharter`` object,
    and, for an address relative to the file, the full address worked out from the
    script's own (or, for a script written into a page, from the page's)."""
    statements: list[tuple[str, Any]] = [
        ("window.cookiecharter", Expression("window.cookiecharter || {}"))
    ]
    if link is not None and link.from_script:
        base = "(document.currentScript && document.currentScript.src) || location.href"
        statements.append((CHARTER_GLOBAL, Expression(f"new URL({string(link.url)}, {base}).href")))
    return statements


def exempt_beyond_necessary(declaration: Declaration) -> bool:
    """Whether some cookie outside the necessary category is exempt from consent: the
    banner's notice must not say that every other cookie waits for the visitor."""
    return any(
        cookie.consent == "exempt" and cookie.category != "necessary"
        for cookie in declaration.cookies
    )


def remembered_days(declaration: Declaration) -> int | None:
    """How many days the banner keeps a choice: ``consent.duration`` in whole days
    (at least one), ``0`` for a session; ``None`` when the declaration does not say or
    says it in another way (the banner's own default then applies)."""
    consent = declaration.consent
    if consent is None or consent.duration is None:
        return None
    if consent.duration.kind == "session":
        return 0
    length = seconds(consent.duration)
    return None if length is None else max(1, length // 86_400)


def banner_script(
    declaration: Declaration,
    languages: Sequence[str] | None,
    charter: CharterLink | None,
    *,
    what: str,
    usage: str,
    target: str,
    configuration: Configuration,
) -> str:
    """A banner's exported file: a comment saying what it is (``what``) and how to load
    it (``usage``), the :func:`prelude`, then ``target`` set to the banner's
    ``configuration`` of the declaration in the export's languages."""
    langs = export_languages(declaration, languages)
    statements = [*prelude(charter), (target, configuration(declaration, langs, charter=charter))]
    source = Path(declaration.source).name or declaration.source
    comment = (
        f"Written by sphinx-cookiecharter {__version__} from {source}: {what}, "
        f"in {', '.join(langs)}.\n{usage}\nDo not edit: export the declaration again."
    )
    return script(comment, statements)
