"""Column widths fitted to the content, shared by one charter's tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.core.vocabulary import COLUMNS
from sphinx_cookiecharter.render.nodes import rows
from sphinx_cookiecharter.render.options import RenderOptions
from sphinx_cookiecharter.render.tables import TableRenderer
from sphinx_cookiecharter.render.widths import (
    SAME,
    SCREEN,
    TEXT,
    Measure,
    Need,
    Profile,
    Scales,
    _counts,
    _words,
    cell_content,
    column_needs,
    fit,
    pieces,
    shape,
    text_room,
)

DECLARATION = """\
version: 1
cookies:
  - name: cookies_preferences_session
    provider: ExpressionEngine
    category: necessary
    purpose: Keeps the generator's state between two pages of the form you fill in.
    domain: .cookie-law-info.example.org
  - name: sid
    provider: Site
    category: statistics
    purpose: Counts.
"""


def tables(columns: tuple[str, ...] = ("provider", "service", "name", "purpose")) -> list:
    declaration = parse_declaration(DECLARATION, "yaml").declaration
    assert declaration is not None
    renderer = TableRenderer(declaration, RenderOptions(columns=columns))
    return renderer.category_tables()


def widths(table: nodes.table) -> list[int]:
    return [colspec["colwidth"] for colspec in table.findall(nodes.colspec)]


def test_pieces_end_after_separators() -> None:
    assert pieces("django_language") == ["django_", "language"]
    assert pieces("_ga_*") == ["_", "ga_*"]
    assert pieces(".AspNetCore.Mvc") == [".", "AspNetCore.", "Mvc"]
    assert pieces("a--b@c") == ["a--", "b@", "c"]
    assert pieces("plain") == ["plain"]


def test_fit_gives_floors_then_whole_names_then_shares_the_rest() -> None:
    # Floors first, even past the room.
    assert fit([Need(10, 40), Need(30, 30)], 20) == [10, 30]
    # Within the room: what keeps names whole, then the rest by what each lacks.
    assert fit([Need(8, 20, 20), Need(5, 100)], 60) == [20, 40]
    # No column grows past its natural width.
    assert fit([Need(3, 5), Need(3, 6)], 80) == [5, 6]
    # The room is used to its last character.
    assert sum(fit([Need(1, 90), Need(1, 70), Need(1, 50)], 67)) == 67


def test_one_charter_shares_its_widths_and_fits_80_columns() -> None:
    first, second = tables()
    assert widths(first) == widths(second)
    assert "colwidths-given" in first["classes"]
    provider, service, name, purpose = widths(first)
    # The whole name, quoted as the text builder writes it; the provider's longest word.
    assert name >= len("cookies_preferences_session") + 2
    assert provider >= len("ExpressionEngine")
    # The header's longest word fits too.
    assert service >= len("location")
    # A charter that can fit 80 columns does.
    assert sum(widths(first)) <= text_room(4)
    # The purpose, the longest text, gets the most room after the name.
    assert purpose > service


def test_print_floors_are_name_pieces_and_scaled_words() -> None:
    first, second = tables(("name", "domain", "provider"))
    needs = column_needs([first, second], whole_names=False, scales=Scales(text=0.5))
    name, domain, provider = needs
    assert name.floor == len("preferences_")  # the longest piece
    assert name.whole == len("cookies_preferences_session")
    assert domain.floor == len(".cookie-")
    # "ExpressionEngine" in a face half as wide; "Provider" as a header.
    assert provider.floor == len("Provider")
    # Headers in a face twice as wide.
    wide = column_needs([first, second], whole_names=False, scales=Scales(header=2))
    assert wide[2].floor == 2 * len("Provider")


def test_chinese_japanese_and_korean_text_breaks_between_characters() -> None:
    """A Japanese purpose has no spaces: its floor is one character (two columns wide),
    not the whole sentence, so a Japanese charter fits where an English one does."""
    text = """\
version: 1
cookies:
  - name: theme
    provider: Site
    category: preferences
    service: {en: Documentation theme, ja: ドキュメントのテーマ（全ページ）}
    purpose:
      en: Remembers the colour scheme you chose.
      ja: 選択した配色（ライト、ダーク、自動）を次のページでも使えるように記憶します。
"""
    declaration = parse_declaration(text, "yaml").declaration
    assert declaration is not None
    floors = {}
    for language in ("en", "ja"):
        renderer = TableRenderer(declaration, RenderOptions(language=language))
        needs = column_needs(renderer.category_tables(), whole_names=False)
        floors[language] = [need.floor for need in needs]
    # service and purpose: a word of the English, two columns for a Japanese character.
    assert floors["ja"][1] <= floors["en"][1]
    assert floors["ja"][3] <= floors["en"][3]
    assert floors["ja"][3] <= 4
    # A Japanese character is counted two columns wide on a line.
    assert Scales().width("配色") == 4


def test_half_width_kana_count_one_column_and_rarer_ideographs_two() -> None:
    """Half-width katakana (ｶﾀｶﾅ) are as wide as a Latin letter, though a line may break
    between them; an ideograph outside the Basic Multilingual Plane (𠮷, CJK Extension
    B) is as wide as any other, and a line may break around it."""
    assert Scales().width("ｶﾀｶﾅ") == 4
    assert Scales().width("𠮷野") == 4
    assert Scales().measure("𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷", header=False) == (32, 2)
    assert Scales().measure("ｶﾀｶﾅｶﾀｶﾅ", header=False) == (8, 1)


def test_a_shape_keeps_the_words_that_can_be_widest_whatever_the_scales() -> None:
    """Only a word no other has as many plain letters and capitals as can be the
    widest; measuring from those gives what measuring every word gives."""
    text = "Remembers WHICH choice you made so that a Page shows it again, ＡＢ 配色 ｶﾀ"
    line, kept = shape(text)
    everything = {_counts(word) for word in text.split()}
    assert kept < everything
    assert _counts("WHICH") in kept and _counts("Remembers") in kept
    for scales in (SAME, Scales(text=0.88, header=1.1, capitals=1.5), Scales(capitals=3)):
        for header in (False, True):
            widest = max(scales.width(word, header=header) for word in text.split())
            assert scales.measure(text, header=header)[1] == widest
    # Counted words are shared between texts.
    seen: dict[str, tuple[int, int, int]] = {}
    assert shape(text, seen) == (line, kept)
    assert seen["choice"] == _counts("choice")


def _measured_cell_by_cell(tables: list[nodes.table], profile: Profile) -> list[Need]:
    """Needs found the plain way, as a reference: every cell measured on its own (every
    word of it, as a line may break, and its line), then each column taking the most
    any cell needs."""
    whole_names, scales = profile
    columns: dict[int, list[Need]] = {}
    for table in tables:
        for header, row in rows(table):
            entries = [entry for entry in row.children if isinstance(entry, nodes.entry)]
            for index, entry in enumerate(entries):
                literals, paragraphs = cell_content(entry)
                whole_words = "cookiecharter-provider" in entry["classes"]
                floor = natural = whole = 0
                for value in literals:
                    whole = max(whole, len(value) + (2 if whole_names else 0))
                    floor = max(floor, whole if whole_names else max(map(len, pieces(value))))
                for text in paragraphs:
                    natural = max(natural, scales.width(text[:200]))
                    widest = max(
                        (scales.width(word, header=header) for word in _words(text)), default=0
                    )
                    if not (header or whole_words):
                        widest = min(widest, scales.longest_word)
                    if not literals:
                        floor = max(floor, widest)
                columns.setdefault(index, []).append(Need(floor, 0 if header else natural, whole))
    result = []
    for index in sorted(columns):
        needs = columns[index]
        floor = max(need.floor for need in needs)
        natural = max(need.natural for need in needs)
        whole = max(need.whole for need in needs)
        result.append(Need(floor, max(floor, natural, whole), max(floor, whole)))
    return result


#: A declaration with words longer than a column may keep whole (a URL, a provider's).
LONG_WORDS = DECLARATION.replace(
    "Counts.", "Counts visits (https://stats.example.org/privacy/what-we-count-and-why)."
).replace("ExpressionEngine", "ExpressionEngineContentManagementSystems")


@pytest.mark.parametrize(
    "example",
    ["docs/cookies.yaml", "docs/examples/model-fr.yaml", "docs/examples/banner-demo.yaml", ""],
)
@pytest.mark.parametrize("language", ["en", "fr", "ja"])
def test_what_is_gathered_as_cells_are_made_measures_as_every_cell_would(
    example: str, language: str
) -> None:
    """The measure gathered as a charter's cells are made (texts in sets, counted once)
    gives each output the widths that measuring every cell of the made tables gives:
    with every column, empty cells, names, domains, countries, headers and words
    longer than a column may keep."""
    path = Path(__file__).parents[2] / example
    text = path.read_text(encoding="utf-8") if example else LONG_WORDS
    declaration = parse_declaration(text, "yaml").declaration
    assert declaration is not None
    renderer = TableRenderer(declaration, RenderOptions(columns=COLUMNS, language=language))
    measure = Measure()
    made = [renderer.table(category, measure) for category in renderer.categories()]
    assert made
    profiles = [TEXT, SCREEN, (False, Scales(text=0.88, header=1.1, capitals=1.5))]
    gathered = measure.needs(*profiles)
    walked = Measure.of_tables(made).needs(*profiles)
    assert gathered == walked
    for profile, needs in zip(profiles, gathered, strict=True):
        assert needs == _measured_cell_by_cell(made, profile)


def test_a_cell_with_a_name_takes_its_floor_from_the_name_alone_header_or_not() -> None:
    """The words beside a name or domain in its cell set no floor, in a header too."""
    for header in (False, True):
        measure = Measure()
        measure.add(0, ("ab_cd",), ("ab_cd explained in averyveryverylongword",), header=header)
        (need,) = measure.needs((False, SAME))[0]
        assert need.floor == len("ab_")
        assert need.whole == len("ab_cd")
