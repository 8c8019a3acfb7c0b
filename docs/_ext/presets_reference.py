"""``cookiecharter-presets``: the presets reference, generated from the knowledge base.

One section per shipped preset (``sphinx_cookiecharter/presets/*.yaml``): what it is,
how its facts were obtained (the version measured, the date, the Sphinx and browser of
the measurement, or the public sources), what ``cookiecharter init`` recognises, and a
table of its entries with storage, lifetime, category, consent, the reader's action that
stores each one and how that fact was obtained. The page cannot drift from the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.core.presets import presets

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

COLUMNS = ("Name", "Storage", "Lifetime", "Category", "Consent", "Stored when", "Obtained")
KINDS = {"theme": "Theme", "extension": "Extension", "host": "Hosting", "analytics": "Analytics"}


def _en(text: Any) -> str:
    if isinstance(text, dict):
        return str(text.get("en") or next(iter(text.values())))
    return str(text or "")


def _paragraph(*parts: nodes.Node | str) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    for part in parts:
        paragraph += nodes.Text(part) if isinstance(part, str) else part
    return paragraph


def _link(url: str, text: str | None = None) -> nodes.reference:
    return nodes.reference("", text or url, refuri=url)


def _table(preset_id: str) -> nodes.table:
    preset = presets()[preset_id]
    table = nodes.table(classes=["cookiecharter-presets"])
    group = nodes.tgroup(cols=len(COLUMNS))
    table += group
    for _ in COLUMNS:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    row = nodes.row()
    for title in COLUMNS:
        row += nodes.entry("", nodes.paragraph(title, title))
    head += row
    group += head
    body = nodes.tbody()
    for cookie in preset.cookies:
        fact = preset.facts[cookie["name"]]
        consent = cookie.get("consent", "")
        if consent == "exempt" and cookie.get("exemption"):
            consent = f"exempt: {_en(cookie['exemption'])}"
        cells: list[nodes.Node] = [
            nodes.literal(cookie["name"], cookie["name"]),
            nodes.Text(cookie.get("storage", "cookie")),
            nodes.Text(str(cookie.get("duration", "not given"))),
            nodes.Text(cookie["category"]),
            nodes.Text(consent),
            nodes.Text(_en(fact["trigger"])),
            nodes.Text(fact["obtained"]),
        ]
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", cell))
        body += row
        purpose = _en(cookie["purpose"])
        row = nodes.row()
        entry = nodes.entry("", _paragraph("Purpose: ", purpose), morecols=len(COLUMNS) - 1)
        basis = fact.get("basis") or []
        if basis:
            entry += _paragraph("Consent need rests on: " + "; ".join(basis) + ".")
        row += entry
        body += row
    group += body
    return table


def _obtained(preset_id: str) -> list[nodes.Node]:
    obtained = presets()[preset_id].obtained
    if obtained["method"] == "measured":
        text = (
            f"Measured on {obtained['date']} with {obtained['package']} "
            f"{obtained['version']}, Sphinx {obtained['sphinx']} and {obtained['browser']}, "
            f"by {obtained['script']}."
        )
        return [_paragraph(text)]
    how = (
        "Read in the public code" if obtained["method"] == "source" else "Documented by the vendor"
    )
    when = f" (checked on {obtained['date']})"
    version = f", {obtained['version']}" if obtained.get("version") else ""
    result: list[nodes.Node] = [
        _paragraph(f"{how}{version}{when}; not measurable offline. Sources:")
    ]
    items = nodes.bullet_list()
    for source in obtained.get("sources", []):
        items += nodes.list_item(
            "", _paragraph(_link(source["url"], source["title"]), f" ({source['url']})")
        )
    result.append(items)
    return result


def _detect(preset_id: str) -> nodes.paragraph | None:
    detect = presets()[preset_id].detect
    parts = []
    for key, label in (
        ("themes", "html_theme"),
        ("extensions", "extensions"),
        ("options", "settings"),
        ("scripts", "script patterns"),
        ("files", "files"),
    ):
        if detect.get(key):
            parts.append(f"{label} {', '.join(detect[key])}")
    if not parts:
        return None
    return _paragraph("cookiecharter init recognises it by: " + "; ".join(parts) + ".")


class PresetsReference(SphinxDirective):
    """One section per preset, in id order."""

    def run(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for preset_id, preset in presets().items():
            section = nodes.section(ids=[nodes.make_id(f"preset-{preset_id}")])
            title = f"{preset_id}: {preset.title}"
            section += nodes.title(title, title)
            line = [f"{KINDS[preset.kind]}. "]
            section += _paragraph(
                *line,
                "Declare it with ",
                nodes.literal(f"presets: [{preset_id}]", f"presets: [{preset_id}]"),
                ".",
            )
            if preset.data.get("homepage"):
                section += _paragraph("Home page: ", _link(preset.data["homepage"]), ".")
            section += _obtained(preset_id)
            detect = _detect(preset_id)
            if detect is not None:
                section += detect
            if preset.data.get("note"):
                section += _paragraph(_en(preset.data["note"]))
            if preset.cookies:
                section += _table(preset_id)
            elif not preset.data.get("note"):
                section += _paragraph("It stores nothing in the reader's browser.")
            result.append(section)
        return result


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive."""
    app.add_directive("cookiecharter-presets", PresetsReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
