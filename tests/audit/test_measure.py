"""The presets' measurement, for real: the themes of the ``test`` extra built, served and
visited in Chromium with the reader's actions, against their presets."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from sphinx_cookiecharter.audit.measure import TARGETS, build, installed_version, measure
from sphinx_cookiecharter.cli import main
from sphinx_cookiecharter.core.names import name_matches
from sphinx_cookiecharter.core.presets import presets
from tests.audit.fixtures import chromium_or_skip

if TYPE_CHECKING:
    from pathlib import Path

#: The themes the ``test`` extra installs (alabaster comes with Sphinx).
THEMES = ("alabaster", "furo", "sphinx-rtd-theme", "pydata-sphinx-theme", "sphinx-book-theme")


@pytest.fixture(scope="module")
def browser() -> str | None:
    return chromium_or_skip()


@pytest.mark.parametrize("preset_id", THEMES)
def test_a_theme_stores_what_its_preset_says(browser: str | None, preset_id: str) -> None:
    target = TARGETS[preset_id]
    installed = installed_version(target.package)
    if installed is None:
        pytest.skip(f"{target.package} is not installed (pip install -e '.[test]')")
    preset = presets()[preset_id]
    measured_on = preset.obtained.get("version")
    if measured_on is not None and installed != measured_on:
        # An older Sphinx (tox's 7.4 environment) takes an older theme, whose buttons
        # differ: the preset speaks of the version it was measured on.
        pytest.skip(
            f"{target.package} {installed} is installed; the preset was measured on "
            f"{measured_on} (tools/measure_presets.py measures another version)"
        )
    measurement = measure(target, browser=browser)
    assert measurement.problems == ()
    for item in measurement.stored:
        assert any(
            name_matches(entry["name"], item.name)
            and entry.get("storage", "cookie") == item.storage
            and entry.get("party", "first") == item.party
            for entry in preset.cookies
        ), f"{preset_id} {measurement.version}: {item.name} ({item.storage}) is not in the preset"
    for name, fact in preset.facts.items():
        if fact["obtained"] == "measured":
            seen = [item for item in measurement.stored if name_matches(name, item.name)]
            assert seen, f"{preset_id} {measurement.version} no longer stores {name}"
            assert seen[0].action == fact["action"]


def test_the_audit_clicks_and_knows_the_preset(
    browser: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``cookiecharter audit --click``: furo's key appears only once the colour scheme
    button is pressed, and a declaration naming the furo preset declares it."""
    if installed_version("furo") is None:
        pytest.skip("furo is not installed (pip install -e '.[test]')")
    html = build(TARGETS["furo"], tmp_path)
    declaration = tmp_path / "cookies.yaml"
    declaration.write_text("presets: [furo]\n", encoding="utf-8")
    common = ["audit", str(html), "-d", str(declaration), "--format", "json", "--pages", "1"]
    common += ["--browser", browser] if browser else []
    assert main(common) == 0
    plain = json.loads(capsys.readouterr().out)
    assert [entry["name"] for entry in plain["observed"]] == []
    assert [f["kind"] for f in plain["findings"]] == ["not-observed"]
    assert plain["findings"][0]["declared_line"] == 1
    assert main([*common, "--click", ".theme-toggle"]) == 0
    clicked = json.loads(capsys.readouterr().out)
    assert [(o["name"], o["storage"]) for o in clicked["observed"]] == [("theme", "local-storage")]
    assert clicked["findings"] == []
