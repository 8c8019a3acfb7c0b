"""The ``cookie`` domain: objects, roles, the cookie index, objects.inv and intersphinx."""

from __future__ import annotations

import re
from html import unescape
from typing import TYPE_CHECKING

import pytest
from sphinx.util.inventory import InventoryFile

from tests.sphinxext.projects import built_once

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def warning_lines(app: SphinxTestApp) -> list[str]:
    """Warnings without colour codes, each with its file's base name."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [re.sub(r"^\S*/", "", line) for line in text.splitlines() if line]


def html_text(html: str) -> str:
    """The text of some HTML: tags dropped, character references read."""
    return unescape(re.sub(r"<[^>]+>", " ", html))


def links(html: str) -> dict[str, str]:
    """The internal links of a page: their text, folded, to their href."""
    found = {}
    for href, inner in re.findall(
        r'<a class="reference internal" href="([^"]*)"[^>]*>(.*?)</a>', html
    ):
        text = " ".join(html_text(inner).split())
        found[text] = href
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The test-domain project built once for the module, in HTML."""
    app = built_once(tmp_path_factory, "domain")
    yield app
    app.cleanup()


def page(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


def test_the_project_builds_without_a_warning(built: SphinxTestApp) -> None:
    assert warning_lines(built) == []


def test_roles_link_to_rows_and_tables(built: SphinxTestApp) -> None:
    found = links(page(built, "index"))
    assert found["sessionid"] == "charter.html#cookie-sessionid"
    assert found["_ga"] == "charter.html#cookie-ga"  # the long form :cookie:cookie:
    assert found["the visit state"] == "charter.html#cookie-ga-any"  # explicit title
    # A category link reads as the table's caption, in the build language.
    assert found["Statistics cookies"] == "charter.html#cookies-statistics"
    # The cookie's name is a literal, as in the table.
    assert re.search(r'href="charter.html#cookie-sessionid"[^>]*><code[^>]*>', page(built, "index"))


def test_cookies_sharing_a_name_are_told_apart(built: SphinxTestApp) -> None:
    found = links(page(built, "links"))
    assert found["theme@local-storage"] == "charter.html#cookie-theme-local-storage"
    assert found["theme@session-storage"] == "charter.html#cookie-theme-session-storage"
    assert found["the necessary ones"] == "charter.html#cookies-necessary"


def test_myst_roles(built: SphinxTestApp) -> None:
    found = links(page(built, "myst"))
    assert found["sessionid"] == "charter.html#cookie-sessionid"
    assert found["Preference cookies"] == "charter.html#cookies-preferences"


def test_anchors_do_not_depend_on_the_page(built: SphinxTestApp) -> None:
    charter, again = page(built, "charter"), page(built, "again")
    for anchor in ("cookie-sessionid", "cookie-ga-any", "cookies-statistics"):
        assert f'id="{anchor}"' in charter
        assert f'id="{anchor}"' not in again  # :no-index: shows the rows, anchors none
    assert again.count("<tr") == charter.count("<tr")


def test_the_cookie_index_lists_every_cookie(built: SphinxTestApp) -> None:
    html = page(built, "cookie-index")
    text = " ".join(html_text(html).split())
    assert "Cookie Index" in text
    for name, category, provider in (
        ("_ga", "Statistics cookies", "Analytics Co"),
        ("_ga_*", "Statistics cookies", "Analytics Co"),
        ("sessionid", "Necessary cookies", "Example"),
        ("theme@local-storage", "Preference cookies", "Example"),
        ("theme@session-storage", "Preference cookies", "Example"),
    ):
        assert f"{name} ({category}) {provider} · Charter" in text
    assert 'href="charter.html#cookie-sessionid"' in html
    # Letters by the first letter or digit: _ga under G.
    assert re.findall(r'<tr class="cap" id="cap-(\w)">', html) == ["G", "S", "T"]


def test_objects_inv_carries_every_cookie_and_category(built: SphinxTestApp) -> None:
    with (built.outdir / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "https://example.org/docs", posixpath_join)
    data = inventory.data if hasattr(inventory, "data") else inventory
    cookies = data["cookie:cookie"]
    assert sorted(cookies) == [
        "_ga",
        "_ga_*",
        "sessionid",
        "theme@local-storage",
        "theme@session-storage",
    ]
    categories = data["cookie:category"]
    assert sorted(categories) == ["necessary", "preferences", "statistics"]
    uri = _uri(cookies["sessionid"])
    assert uri == "https://example.org/docs/charter.html#cookie-sessionid"
    assert _display(categories["statistics"]) == "Statistics cookies"


def posixpath_join(*parts: str) -> str:
    return "/".join(part.strip("/") for part in parts)


def _uri(item: object) -> str:
    return item.uri if hasattr(item, "uri") else item[2]  # type: ignore[index,attr-defined]


def _display(item: object) -> str:
    return item.display_name if hasattr(item, "display_name") else item[3]  # type: ignore[index,attr-defined]


def test_another_project_links_through_intersphinx(
    built: SphinxTestApp, make_app: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("intersphinx")
    mapping = {"domain": (str(built.outdir), str(built.outdir / "objects.inv"))}
    app = make_app(
        "html",
        srcdir=srcdir,
        confoverrides={"intersphinx_mapping": mapping, "show_warning_types": True},
    )
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    # (A second application in one process re-registers Sphinx's own nodes: not ours.)
    assert [line for line in warning_lines(app) if "already registered" not in line] == []
    base = str(built.outdir)
    assert f'href="{base}/charter.html#cookie-sessionid"' in html
    assert f'href="{base}/charter.html#cookies-statistics"' in html
    assert f'href="{base}/charter.html#cookie-ga"' in html  # :external+domain:cookie:cookie:
    assert ">Statistics cookies<" in html  # the category's caption, from the inventory


def test_an_unknown_target_is_a_located_warning(build: Callable[..., SphinxTestApp]) -> None:
    app = build("domain", confoverrides={"show_warning_types": True})
    (app.srcdir / "links.rst").write_text(
        "Links\n=====\n\nNo such cookie: :cookie:`nope`.\n\n"
        "No such category: :cookie:category:`ads`.\n",
        encoding="utf-8",
    )
    app.build()
    assert warning_lines(app) == [
        "links.rst:4: WARNING: no indexed charter shows the cookie 'nope' "
        "[cookiecharter.reference]",
        "links.rst:6: WARNING: no indexed charter shows the cookie category 'ads' "
        "[cookiecharter.reference]",
    ]
    assert "nope" in page(app, "links")  # shown as its text, not lost


def test_nitpick_ignore_silences_an_unknown_target(build: Callable[..., SphinxTestApp]) -> None:
    app = build(
        "domain",
        confoverrides={
            "nitpicky": True,
            "nitpick_ignore": [("cookie:cookie", "nope")],
            "show_warning_types": True,
        },
    )
    (app.srcdir / "links.rst").write_text(
        "Links\n=====\n\n:cookie:`nope` and :cookie:`other`.\n", encoding="utf-8"
    )
    app.build()
    assert warning_lines(app) == [
        "links.rst:4: WARNING: no indexed charter shows the cookie 'other' "
        "[cookiecharter.reference]"
    ]


def test_two_indexed_views_of_a_cookie_warn_naming_both(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("domain", confoverrides={"show_warning_types": True})
    (app.srcdir / "again.rst").write_text(
        "Again\n=====\n\n.. cookie-table:: cookies.yaml\n   :categories: necessary\n\n"
        ".. cookie-table:: cookies.yaml\n   :categories: necessary\n   :no-index:\n",
        encoding="utf-8",
    )
    app.build()
    lines = warning_lines(app)
    # The first place is the first document by name: again, then charter.
    assert lines == [
        "charter.rst:4: WARNING: the cookie category 'necessary' is already shown with an "
        f"anchor at {app.srcdir}/again.rst:4; give one of the two directives the "
        ":no-index: option [cookiecharter.duplicate]",
        "charter.rst:4: WARNING: the cookie 'sessionid' is already shown with an anchor at "
        f"{app.srcdir}/again.rst:4; give one of the two directives the :no-index: "
        "option [cookiecharter.duplicate]",
    ]
    # Links go to the first place.
    assert links(page(app, "index"))["sessionid"] == "again.html#cookie-sessionid"


def test_one_page_showing_a_cookie_twice_keeps_ids_unique(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("domain", confoverrides={"show_warning_types": True})
    (app.srcdir / "again.rst").write_text(
        "Again\n=====\n\n.. cookie-table:: cookies.yaml\n   :categories: statistics\n   "
        ":no-index:\n",
        encoding="utf-8",
    )
    (app.srcdir / "charter.rst").write_text(
        "Charter\n=======\n\n.. cookie-table:: cookies.yaml\n\n"
        ".. cookie-table:: cookies.yaml\n   :categories: statistics\n",
        encoding="utf-8",
    )
    app.build()
    html = page(app, "charter")
    assert html.count('id="cookie-ga"') == 1
    assert html.count('id="cookies-statistics"') == 1
    assert any("the cookie '_ga' is already shown" in line for line in warning_lines(app))


def test_the_data_version_is_the_shape_of_the_classes_kept() -> None:
    """The domain's data version is written out (a build need not import the model to
    know it); it must be the shape of the classes the environment keeps, or an
    environment pickled by another version would be taken for this one's."""
    from sphinx_cookiecharter.sphinxext.domain import CookieDomain, data_shape

    assert CookieDomain.data_version == data_shape()
