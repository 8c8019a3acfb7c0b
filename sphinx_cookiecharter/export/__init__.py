"""Exports of a declaration for other readers than the charter's: machines (JSON),
spreadsheets and the Open Cookie Database (CSV), and consent banners (cookieconsent,
Klaro). Built on the core and the wording; imports neither Sphinx nor docutils.

:func:`export` writes any format; each module has its own entry point too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from .link import CharterLink

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..core.model import Declaration

ExportFormat = Literal["json", "csv", "cookieconsent", "klaro"]
#: Every export format, in the order the documentation lists them.
FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
#: The file name ending each format is published with.
SUFFIXES: dict[ExportFormat, str] = {
    "json": ".json",
    "csv": ".csv",
    "cookieconsent": ".cookieconsent.js",
    "klaro": ".klaro.js",
}

__all__ = ["FORMATS", "SUFFIXES", "CharterLink", "ExportFormat", "export"]


def export(
    declaration: Declaration,
    fmt: ExportFormat,
    languages: Sequence[str] | None = None,
    *,
    charter: str | CharterLink | None = None,
) -> str:
    """The declaration in one export format, as text.

    :param languages: the languages of the texts (language codes such as ``en``,
        ``pt-BR``); by default the languages the declaration's texts are given in, or
        English.
    :param charter: the address of the charter page, which the JSON export states and the
        banners link to.
    """
    link = CharterLink(charter) if isinstance(charter, str) else charter
    match fmt:
        case "json":
            from .json import export_json  # noqa: PLC0415 (each format on demand)

            return export_json(declaration, languages, charter=link.url if link else None)
        case "csv":
            from .csv import export_csv  # noqa: PLC0415

            return export_csv(declaration, languages)
        case "cookieconsent":
            from .cookieconsent import export_cookieconsent  # noqa: PLC0415

            return export_cookieconsent(declaration, languages, charter=link)
        case "klaro":
            from .klaro import export_klaro  # noqa: PLC0415

            return export_klaro(declaration, languages, charter=link)
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
