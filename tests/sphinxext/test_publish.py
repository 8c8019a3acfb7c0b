"""``cookiecharter_publish``: HTML builds write the exports at a documented path."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

from sphinx_cookiecharter.api import CharterLink, export, export_schema, load
from sphinx_cookiecharter.sphinxext.publish import check_publish
from tests.paths import EXAMPLES
from tests.sphinxext.test_errors import warning_lines

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

FOLDER = Path("_static") / "cookiecharter" / "examples"
FILES = [
    "banner-demo.json",
    "banner-demo.csv",
    "banner-demo.cookieconsent.js",
    "banner-demo.klaro.js",
]


@pytest.fixture
def publish(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Callable[..., SphinxTestApp]:
    """Build the publishing project with a builder and configuration overrides."""

    def run(builder: str = "html", **overrides: Any) -> SphinxTestApp:
        from tests.paths import ROOTS

        srcdir = tmp_path / f"publish-{builder}-{len(list(tmp_path.iterdir()))}"
        shutil.copytree(ROOTS / "test-publish", srcdir)
        (srcdir / "examples").mkdir()
        shutil.copy(EXAMPLES / "banner-demo.yaml", srcdir / "examples")
        # The lint's findings are tested on their own.
        settings = {"show_warning_types": True, "cookiecharter_lint": False, **overrides}
        app = make_app(builder, srcdir=srcdir, confoverrides=settings)
        app.build()
        return app

    return run


def published(app: SphinxTestApp) -> list[str]:
    folder = Path(app.outdir) / FOLDER
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_every_format_asked_at_the_documented_path(publish: Callable[..., SphinxTestApp]):
    app = publish()
    assert warning_lines(app) == []
    assert published(app) == sorted(FILES)
    folder = Path(app.outdir) / FOLDER
    declaration = load(EXAMPLES / "banner-demo.yaml").declaration
    # The charter is the page showing the declaration, relative to the files.
    link = CharterLink("../../../howto/banner.html", from_script=True)
    for name, fmt in zip(FILES, ["json", "csv", "cookieconsent", "klaro"], strict=True):
        written = (folder / name).read_text(encoding="utf-8")
        expected = export(declaration, fmt, ["en", "fr"], charter=link)
        # What the command line writes for the same declaration and charter address.
        assert written == expected
    tree = json.loads((folder / "banner-demo.json").read_text(encoding="utf-8"))
    jsonschema.validate(tree, export_schema())
    assert tree["charter"] == "../../../howto/banner.html"


def test_with_html_baseurl_the_address_is_absolute(publish: Callable[..., SphinxTestApp]):
    app = publish(html_baseurl="https://docs.example.org/en/latest/")
    folder = Path(app.outdir) / FOLDER
    tree = json.loads((folder / "banner-demo.json").read_text(encoding="utf-8"))
    assert tree["charter"] == "https://docs.example.org/en/latest/howto/banner.html"
    script = (folder / "banner-demo.klaro.js").read_text(encoding="utf-8")
    assert 'privacyPolicyUrl: "https://docs.example.org/en/latest/howto/banner.html"' in script
    assert "currentScript" not in script


def test_dirhtml_links_to_the_pages_folder(publish: Callable[..., SphinxTestApp]):
    app = publish("dirhtml")
    tree = json.loads((Path(app.outdir) / FOLDER / "banner-demo.json").read_text("utf-8"))
    assert tree["charter"] == "../../../howto/banner/"


@pytest.mark.parametrize("builder", ["epub", "text", "latex"])
def test_other_builders_publish_nothing(publish: Callable[..., SphinxTestApp], builder: str):
    app = publish(builder)
    assert published(app) == []


def test_true_publishes_the_json_in_the_builds_language(publish: Callable[..., SphinxTestApp]):
    app = publish(cookiecharter_publish=True, language="fr")
    assert published(app) == ["banner-demo.json"]
    tree = json.loads((Path(app.outdir) / FOLDER / "banner-demo.json").read_text("utf-8"))
    assert tree["languages"] == ["fr"]


@pytest.mark.parametrize(("spelled", "files"), [("on", ["banner-demo.json"]), ("off", [])])
def test_a_switch_given_as_text_is_the_boolean_it_spells(
    publish: Callable[..., SphinxTestApp], spelled: str, files: list[str]
):
    """``-D cookiecharter_publish=on`` (text on every Sphinx but for ``0`` and ``1``):
    ``True``, with no configuration warning; ``off``: ``False``."""
    app = publish(cookiecharter_publish=spelled)
    assert warning_lines(app) == []
    assert published(app) == files


def test_the_audit_switched_off_as_text_is_off(publish: Callable[..., SphinxTestApp]):
    """``-D cookiecharter_audit=off``: no audit, and no configuration warning."""
    app = publish(cookiecharter_audit="off")
    assert app.config.cookiecharter_audit is False
    assert warning_lines(app) == []


@pytest.mark.parametrize(("language", "written"), [("sr@latin", "sr"), ("ca@valencia", "ca")])
def test_a_language_with_a_modifier_publishes_in_the_language(
    publish: Callable[..., SphinxTestApp], language: str, written: str
):
    """Sphinx takes gettext's ``@modifier`` in ``language``; the exports' codes do not
    (it was a traceback at the end of the build)."""
    app = publish(cookiecharter_publish=True, language=language)
    assert published(app) == ["banner-demo.json"]
    tree = json.loads((Path(app.outdir) / FOLDER / "banner-demo.json").read_text("utf-8"))
    assert tree["languages"] == [written]


def test_every_build_writes_the_files_again(publish: Callable[..., SphinxTestApp]):
    app = publish()
    target = Path(app.outdir) / FOLDER / "banner-demo.json"
    target.unlink()
    app.build()  # nothing changed: no page is read again, the files are written all the same
    assert target.is_file()


def test_a_declaration_no_page_shows_is_not_published(publish: Callable[..., SphinxTestApp]):
    app = publish(
        cookiecharter_publish={"declarations": ["examples/banner-demo.yaml", "other.yaml"]}
    )
    assert published(app) == ["banner-demo.json"]
    assert warning_lines(app) == [
        "WARNING: cookiecharter_publish: no page shows the declaration "
        "other.yaml; it is not published [cookiecharter.config]"
    ]


def test_a_declaration_with_problems_is_not_published(publish: Callable[..., SphinxTestApp]):
    app = publish(cookiecharter_declaration=None)
    source = Path(app.srcdir) / "examples" / "banner-demo.yaml"
    source.write_text(source.read_text("utf-8").replace("duration: 1 year", "party: fourth"))
    shutil.rmtree(Path(app.outdir) / "_static" / "cookiecharter")
    app.build()
    assert published(app) == []
    assert any("[cookiecharter.schema]" in line for line in warning_lines(app))


@pytest.mark.parametrize(
    ("value", "checked", "warnings"),
    [
        (False, None, []),
        (None, None, []),
        (True, {"formats": ["json"], "languages": None, "declarations": None}, []),
        ("yes", None, ["cookiecharter_publish must be True, False or a mapping"]),
        (
            {"languages": ["fr", "not a code"]},
            {"formats": ["json"], "languages": ["fr"], "declarations": None},
            ["not a language code in cookiecharter_publish['languages']: 'not a code'"],
        ),
        (
            {"formats": ["csv", "pdf", "csv"], "languages": "fr", "colour": 1},
            {"formats": ["csv"], "languages": None, "declarations": None},
            [
                "unknown key in cookiecharter_publish: 'colour'",
                "unknown format in cookiecharter_publish['formats']: 'pdf'",
                "cookiecharter_publish['languages'] must be a list of strings",
            ],
        ),
    ],
)
def test_the_value_is_checked(value, checked, warnings, monkeypatch):
    given: list[str] = []
    monkeypatch.setattr("sphinx_cookiecharter.sphinxext.publish._warn", given.append)
    assert check_publish(value) == checked
    assert len(given) == len(warnings)
    for message, start in zip(given, warnings, strict=True):
        assert message.startswith(start)


def test_a_wrong_value_is_a_typed_warning(publish: Callable[..., SphinxTestApp]):
    app = publish(cookiecharter_publish={"formats": ["pdf"]})
    assert published(app) == []
    assert warning_lines(app) == [
        "WARNING: unknown format in cookiecharter_publish['formats']: 'pdf' (expected one "
        "of json, csv, cookieconsent, klaro) [cookiecharter.config]"
    ]
