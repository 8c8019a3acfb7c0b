"""Language codes: the normal form, the fallback chain and the pick of a declared text."""

from __future__ import annotations

import pytest

from sphinx_cookiecharter.core.model import LocalizedText
from sphinx_cookiecharter.i18n.languages import base, fallbacks, normalize, pick, pick_with_language
from sphinx_cookiecharter.i18n.wording import Wording

MANY = LocalizedText.of({"de": "Hallo", "pt": "Olá", "en": "Hello", "fr": "Bonjour"})


def test_plain_string_is_the_same_in_every_language():
    text = LocalizedText.of("Same everywhere")
    assert text.is_plain
    for language in (None, "en", "fr", "pt_BR", "zz"):
        assert pick(text, language) == "Same everywhere"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Bonjour"),
        ("de", "Hallo"),
        ("en", "Hello"),
        ("pt", "Olá"),
        ("FR", "Bonjour"),
    ],
)
def test_exact_code_wins(language, expected):
    assert pick(MANY, language) == expected


@pytest.mark.parametrize("language", ["pt_BR", "pt-BR", "pt_br", "pt-PT"])
def test_base_language_stands_in_for_a_regional_one(language):
    assert pick(MANY, language) == "Olá"


@pytest.mark.parametrize("given", ["pt_BR", "pt-BR", "pt-br"])
@pytest.mark.parametrize("wanted", ["pt_BR", "pt-BR"])
def test_underscore_and_hyphen_spell_the_same_code(given, wanted):
    text = LocalizedText.of({"pt": "Português", given: "Brasileiro", "en": "English"})
    assert pick(text, wanted) == "Brasileiro"


def test_regional_code_is_preferred_to_its_base_language():
    text = LocalizedText.of({"pt": "Português", "pt_BR": "Brasileiro"})
    assert pick(text, "pt_BR") == "Brasileiro"
    assert pick(text, "pt") == "Português"
    assert pick(text, "pt_PT") == "Português"


@pytest.mark.parametrize("language", ["ja", "zh_CN", None])
def test_english_when_the_language_is_missing(language):
    assert pick(MANY, language) == "Hello"


def test_first_given_when_neither_the_language_nor_english_is_there():
    text = LocalizedText.of({"de": "Hallo", "fr": "Bonjour"})
    assert pick(text, "ja") == "Hallo"
    assert pick(text, None) == "Hallo"
    assert pick(text, "fr_CA") == "Bonjour"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("pt-br", "pt_BR"),
        ("PT_br", "pt_BR"),
        ("zh-hans-cn", "zh_Hans_CN"),
        ("sr_latn", "sr_Latn"),
        ("fr", "fr"),
        ("", "en"),
        (None, "en"),
        (" de ", "de"),
    ],
)
def test_one_normal_form(given, expected):
    assert normalize(given) == expected


def test_fallback_chain_is_the_code_its_base_then_english():
    assert fallbacks("pt-BR") == ("pt_BR", "pt", "en")
    assert fallbacks("no_NO") == ("no_NO", "no", "nb", "en")
    assert fallbacks("fr") == ("fr", "en")
    assert fallbacks(None) == ("en",)
    assert base("zh_Hans_CN") == "zh"


def test_simplified_chinese_codes_take_the_zh_cn_catalog_and_traditional_ones_do_not():
    for code in ("zh", "zh-Hans", "zh_Hans_CN", "zh_SG"):
        assert "zh_CN" in fallbacks(code), code
        assert Wording(code).language == "zh_CN", code
    for code in ("zh_TW", "zh_Hant", "zh_HK"):
        assert "zh_CN" not in fallbacks(code), code
        assert Wording(code).language == "en", code


def test_chinese_in_simplified_characters_anywhere_takes_the_zh_cn_catalog():
    """The script named wins (zh_Hans_HK is simplified, zh_Hant_CN traditional); with
    none named, the territory's usual one (Malaysia's Chinese is simplified)."""
    for code in ("zh_Hans_HK", "zh-hans-mo", "zh_MY", "zh_Hans_MY"):
        assert Wording(code).language == "zh_CN", code
    for code in ("zh_Hant_CN", "zh_MO", "zh_Hant_TW", "zh-hant-hk"):
        assert Wording(code).language == "en", code


def test_a_declared_text_in_another_spelling_of_the_same_language_is_picked():
    """A declaration written with ``zh-Hans`` (the BCP 47 tag) serves a ``zh_CN`` build,
    one with ``no`` a ``nb`` build, before the English."""
    simplified = LocalizedText.of({"en": "Hello", "zh-Hans": "你好"})
    assert pick_with_language(simplified, "zh_CN") == ("你好", "zh_Hans")
    assert pick(simplified, "zh_SG") == "你好"
    assert pick(simplified, "zh_TW") == "Hello"
    norwegian = LocalizedText.of({"en": "Hello", "no": "Hei"})
    assert pick(norwegian, "nb") == "Hei"
    # The exact code still comes first.
    both = LocalizedText.of({"zh_Hans": "简体", "zh_CN": "中国"})
    assert pick(both, "zh_CN") == "中国"
    assert pick(both, "zh_Hans") == "简体"


def test_the_language_of_the_text_picked_is_told():
    assert pick_with_language(MANY, "pt_BR") == ("Olá", "pt")
    assert pick_with_language(MANY, "ja") == ("Hello", "en")
    assert pick_with_language(LocalizedText.of("Plain"), "ja") == ("Plain", None)
