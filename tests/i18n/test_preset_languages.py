"""The presets' texts (purposes, services, exemptions, triggers, notes) in every
language the extension ships.

English and French are written with each preset; every other shipped language has its
texts in ``presets/translations/<language>.yaml`` (``tools/preset_texts.py`` lists what a
language lacks), and the test fails on any text missing in any shipped language.
"""

from __future__ import annotations

import pytest

from sphinx_cookiecharter.core.presets import presets
from tests.paths import PACKAGE

LOCALES = PACKAGE / "i18n" / "locales"
SHIPPED = sorted({"en"} | {path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/*.po")})


def missing() -> dict[str, int]:
    """How many texts each shipped language lacks, over every preset."""
    counts: dict[str, int] = {}
    for preset in presets().values():
        for lacking in preset.missing_languages(SHIPPED).values():
            for language in lacking:
                counts[language] = counts.get(language, 0) + 1
    return dict(sorted(counts.items()))


@pytest.mark.parametrize("preset_id", sorted(presets()))
def test_every_text_is_in_english_and_french(preset_id: str) -> None:
    assert presets()[preset_id].missing_languages(["en", "fr"]) == {}


def test_every_text_has_at_least_one_entry_in_every_preset() -> None:
    assert all(presets()[preset_id].texts() for preset_id in ("furo", "read-the-docs"))


def test_every_text_is_in_every_shipped_language() -> None:
    lacking = missing()
    total = sum(len(preset.texts()) for preset in presets().values())
    report = ", ".join(f"{language}: {count}" for language, count in lacking.items())
    print(f"preset texts: {total}; missing per shipped language: {report or 'none'}")
    assert len(SHIPPED) > 2
    assert lacking == {}, f"{total} texts; missing: {report}"
