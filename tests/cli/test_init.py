"""``cookiecharter init``: real conf.py files read through Sphinx, a declaration written
with the presets found and the reviewer's placeholders, never an overwrite."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

from sphinx_cookiecharter.cli import main
from sphinx_cookiecharter.core.load import load_declaration
from sphinx_cookiecharter.lint import lint

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def project(folder: Path, conf: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(textwrap.dedent(conf), encoding="utf-8")
    return folder


def presets_of(path: Path) -> tuple[str, ...]:
    result = load_declaration(path)
    assert result.diagnostics == ()
    assert result.declaration is not None
    return result.declaration.presets


def test_a_theme_and_extensions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = project(
        tmp_path / "docs",
        """\
        import os
        project = "Example Project"
        html_theme = "furo"
        extensions = ["sphinx.ext.autodoc", "sphinx_tabs.tabs", "sphinx_copybutton",
                      "somebody.elses_extension"]
        """,
    )
    assert main(["init", str(source)]) == 0
    out = capsys.readouterr().out
    written = source / "cookies.yaml"
    assert presets_of(written) == ("furo", "sphinx-copybutton", "sphinx-tabs")
    text = written.read_text(encoding="utf-8")
    assert 'site: "Example Project"' in text
    assert "  - furo               # html_theme = 'furo'" in text
    assert "consent:" not in text  # no preset needs consent
    assert f"wrote {written}" in out
    assert "  furo (Furo): html_theme = 'furo'" in out
    assert "  sphinx-tabs (sphinx-tabs): extension sphinx_tabs.tabs" in out
    assert "no preset knows them): somebody.elses_extension" in out
    assert "no Read the Docs configuration was found" in out
    # Every placeholder is a lint error until filled in.
    declaration = load_declaration(written).declaration
    assert declaration is not None
    placeholders = [f for f in lint(declaration) if f.rule == "CK038"]
    assert [f.message.split("`")[1] for f in placeholders] == [
        "controller.name",
        "controller.contact",
        "controller.privacy_policy",
    ]
    assert all(f.severity == "error" for f in placeholders)


def test_the_default_theme_and_analytics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".readthedocs.yaml").write_text("version: 2\n", encoding="utf-8")
    source = project(
        tmp_path / "docs",
        """\
        extensions = ["sphinxcontrib.googleanalytics"]
        googleanalytics_id = "G-XXXXXXXXXX"
        html_js_files = [
            ("https://plausible.io/js/script.js", {"data-domain": "example.org", "defer": "defer"}),
        ]
        templates_path = ["_templates"]
        """,
    )
    (source / "_templates").mkdir()
    (source / "_templates" / "layout.html").write_text(
        '{% extends "!layout.html" %}<script>_paq.push(["trackPageView"]);'
        'g.src=u+"matomo.js";</script>',
        encoding="utf-8",
    )
    assert main(["init", str(source)]) == 0
    out = capsys.readouterr().out
    written = source / "cookies.yaml"
    assert presets_of(written) == (
        "alabaster",
        "google-analytics-4",
        "matomo",
        "plausible",
        "read-the-docs",
    )
    text = written.read_text(encoding="utf-8")
    assert "  - alabaster           # html_theme = 'alabaster'" in text
    assert "extension sphinxcontrib.googleanalytics" in text
    assert "a script in the template _templates/layout.html" in text
    assert "../.readthedocs.yaml found" in text
    assert 'manage_url: "TODO: where visitors change their choice' in text
    assert "no Read the Docs configuration" not in out


def test_theme_options_name_the_analytics(tmp_path: Path) -> None:
    source = project(
        tmp_path,
        """\
        html_theme = "pydata_sphinx_theme"
        html_theme_options = {"analytics": {"plausible_analytics_domain": "example.org",
                                            "plausible_analytics_url": "https://x.org/js/p.js"}}
        """,
    )
    assert main(["init", str(source)]) == 0
    text = (source / "cookies.yaml").read_text(encoding="utf-8")
    assert presets_of(source / "cookies.yaml") == ("plausible", "pydata-sphinx-theme")
    assert "html_theme_options['analytics.plausible_analytics_domain'] is set" in text


def test_an_existing_file_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = project(tmp_path, 'html_theme = "furo"\n')
    (source / "cookies.yaml").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(source)]) == 1
    assert (source / "cookies.yaml").read_text(encoding="utf-8") == "mine\n"
    assert "cookies.yaml already exists; it is left as it is" in capsys.readouterr().err


def test_a_broken_conf_py_is_said_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = project(tmp_path, "import not_installed_anywhere\n")
    assert main(["init", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Sphinx cannot read it" in err
    assert "No module named 'not_installed_anywhere'" in err
    assert "Traceback" not in err
    assert not (source / "cookies.yaml").exists()


def test_no_conf_py(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 2
    assert "conf.py: no such file" in capsys.readouterr().err


def test_the_command_line_in_a_fresh_process(tmp_path: Path) -> None:
    source = project(tmp_path, 'html_theme = "sphinx_rtd_theme"\n')
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_cookiecharter", "init"],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert presets_of(source / "cookies.yaml") == ("sphinx-rtd-theme",)
