"""Column widths fitted to a charter's content, shared by all the tables of one charter.

Widths are counted in characters. Each column is at least as wide as the longest thing
in it that must stay on one line (its *floor*): a word of a header or of a provider's
name, a cookie name or domain whole (the plain-text builders cannot break a name at its
separators) or its longest piece (print and screen break names after ``_ - . @ *``).
What is left of the line is shared in proportion to how much longer each column's
content is than its floor, so the purpose column, the longest text, gets the most room.

The tables are measured from texts gathered as their cells are made (:class:`Measure`),
for the two outputs that share one charter's widths: a plain-text line (the column
widths every builder is given) and a screen (the layout the HTML builders take,
:func:`screen_layout`). Print refits each table when it is written, in the Sphinx layer,
from the same measures with its own scales.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from docutils import nodes

from .nodes import rows

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: The characters a long cookie name or domain may break after, and only after.
SEPARATORS = "_-.@*"
_PIECES = re.compile(r"[^_\-.@*]*[_\-.@*]*")
#: Columns whose words may not be hyphenated or broken: the floor is their longest word.
WHOLE_WORD_COLUMNS = ("provider",)
#: Characters a cell's content counts for at most when sharing out the line.
LONGEST_LINE = 200
#: The plain-text line the text, man and Texinfo tables aim to fit in.
TEXT_LINE = 80


def pieces(name: str) -> list[str]:
    """A name cut after each run of separators: ``django_``, ``language``."""
    return [piece for piece in _PIECES.findall(name) if piece]


@dataclass(frozen=True)
class Need:
    """What one column needs: ``floor`` characters at least, ``whole`` to hold every
    name and domain on one line (the floor for other columns), ``natural`` to hold its
    longest content on one line."""

    floor: int
    natural: int
    whole: int = 0


_SPACES = re.compile(r"[ \t\n\r\f\v]+")


#: Han (with the ideographs beyond the Basic Multilingual Plane, such as 𠮷), kana,
#: Hangul and their full-width punctuation and letters: each as wide as two Latin
#: letters.
_WIDE = (
    "\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
#: Half-width katakana, Hangul and forms: as wide as a Latin letter.
_HALF_WIDTH = "\uff61-\uffdc\uffe8-\uffee"


@cache
def _east_asian(*, wide_only: bool = False) -> re.Pattern[str]:
    """The class of East Asian characters, between any two of which Chinese, Japanese
    and Korean text may break (only the wide ones if ``wide_only``),
    compiled when first needed: a class of such ranges takes milliseconds to compile,
    which a build that shows no charter should not pay."""
    return re.compile(f"[{_WIDE}]" if wide_only else f"[{_WIDE}{_HALF_WIDTH}]")


def _words(text: str) -> list[str]:
    """The words of a text, the pieces a line may not break inside: a no-break space
    (``13 months``) joins two into one; each Chinese, Japanese or Korean character is a
    piece of its own."""
    words = [word for word in _SPACES.split(text) if word]
    if not text.isascii() and _east_asian().search(text):
        words = [piece for word in words for piece in _east_asian_pieces(word)]
    return words or [""]


def _east_asian_pieces(word: str) -> list[str]:
    """``word`` cut before and after each East Asian character."""
    pieces: list[str] = []
    start = 0
    for match in _east_asian().finditer(word):
        if match.start() > start:
            pieces.append(word[start : match.start()])
        pieces.append(match.group())
        start = match.end()
    if start < len(word):
        pieces.append(word[start:])
    return pieces


@dataclass(frozen=True)
class Scales:
    """How wide a character of text and of a header is, against one of a literal
    (the unit): print sets text in a narrower face and headers in a wider one, where
    capitals are wider still (``capitals`` times a small letter). ``longest_word``:
    the longest word of a declared text that sets a floor (a longer one, such as a URL,
    breaks where the builder breaks long words)."""

    text: float = 1
    header: float = 1
    capitals: float = 1
    longest_word: int = 24

    def width(self, word: str, *, header: bool = False) -> int:
        """The width of ``word`` set as text (or as a header), in literal characters."""
        return self._width(_counts(word), header=header)

    def _width(self, counts: tuple[int, int, int], *, header: bool) -> int:
        length, capitals, east_asian = counts
        # A Chinese, Japanese or Korean character is as wide as two Latin ones.
        letters = length - capitals + capitals * self.capitals + east_asian
        return math.ceil(letters * (self.header if header else self.text))

    def measure(self, text: str, *, header: bool) -> tuple[int, int]:
        """A paragraph's width on one line (of its first :data:`LONGEST_LINE`
        characters) and the width of its longest word (set as a header if ``header``)."""
        return self.measure_shape(shape(text), header=header)

    def measure_shape(self, measured: Shape, *, header: bool) -> tuple[int, int]:
        """:meth:`measure` of a paragraph's :func:`shape`."""
        line, words = measured
        return (
            self._width(line, header=False),
            max(self._width(counts, header=header) for counts in words),
        )


#: The characters of an ASCII word that are set wide: capitals and ``%@&#mw``.
_ASCII_WIDE = re.compile(r"[A-Z%@&#mw]")


def _counts(word: str) -> tuple[int, int, int]:
    """What a width is made of: ``word``'s length, how many of its characters are set
    wide (capitals and ``%@&#mw``), how many are Chinese, Japanese or Korean ones set
    two columns wide."""
    if word.isascii():
        return len(word), len(_ASCII_WIDE.findall(word)), 0
    capitals = sum(1 for char in word if char.isupper() or char in "%@&#mwMW")
    return len(word), capitals, len(_east_asian(wide_only=True).findall(word))


#: What a width is made of (see :func:`_counts`).
Counts = tuple[int, int, int]
#: A paragraph's counts on one line and the counts of the words that can be its widest.
Shape = tuple[Counts, frozenset[Counts]]


def shape(text: str, seen: dict[str, Counts] | None = None) -> Shape:
    """A paragraph's counts on one line and the counts of the words that can be its
    widest, whatever the scales: what every output measures it from. ``seen`` holds
    the counts of words met before (texts of one charter share most of their words).

    A word is as wide as its plain letters and its wide ones (capitals) make it, more of
    either never narrower: a word with no more of both than another is left out.
    """
    return _counts(text[:LONGEST_LINE]), _frontier(_words(text), {} if seen is None else seen)


def _widest(counted: set[Counts]) -> frozenset[Counts]:
    """The counts no other count has as many plain letters and capitals as."""
    if len(counted) < 2:
        return frozenset(counted)
    kept: list[Counts] = []
    most_capitals = -1
    # By plain letters (East Asian ones counting double), most first; then capitals.
    for counts in sorted(counted, key=_letters_and_capitals, reverse=True):
        if counts[1] > most_capitals:
            kept.append(counts)
            most_capitals = counts[1]
    return frozenset(kept)


def _letters_and_capitals(counts: Counts) -> tuple[int, int]:
    length, capitals, east_asian = counts
    return (length - capitals + east_asian, capitals)


#: Every character as wide as a literal's.
SAME = Scales()
#: How plain text measures: names and domains whole, every character one column.
TEXT: tuple[bool, Scales] = (True, SAME)


def cell_content(entry: nodes.Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a cell's width depends on: the texts of its literals (names, domains) and
    of its paragraphs, in one walk of the cell."""
    children = entry.children
    if len(children) == 1 and isinstance(children[0], nodes.paragraph):
        # Most cells: one paragraph of text alone.
        paragraph = children[0]
        if all(isinstance(child, nodes.Text) for child in paragraph.children):
            return (), (paragraph.astext(),)
    literals: list[str] = []
    paragraphs: list[str] = []
    stack: list[nodes.Node] = list(reversed(children))
    while stack:
        node = stack.pop()
        if not isinstance(node, nodes.Element):
            continue
        if isinstance(node, nodes.literal):
            literals.append(node.astext())
        elif isinstance(node, nodes.paragraph):
            paragraphs.append(node.astext())
        stack.extend(reversed(node.children))
    return tuple(literals), tuple(paragraphs)


def colspecs(table: nodes.table) -> list[nodes.colspec]:
    """The column specifications of a table, without a walk of its cells."""
    return [
        colspec
        for tgroup in table.children
        if isinstance(tgroup, nodes.tgroup)
        for colspec in tgroup.children
        if isinstance(colspec, nodes.colspec)
    ]


def _whole_words(entry: nodes.Element) -> bool:
    """Whether the words of a cell's column may not be broken (a provider's name)."""
    classes = entry["classes"]
    return any(f"cookiecharter-{column}" in classes for column in WHOLE_WORD_COLUMNS)


#: How an output measures: whether names and domains stay whole, and its scales.
Profile = tuple[bool, Scales]


#: The kinds of words a column keeps apart: those a scale's longest word caps, those of
#: a column whose words stay whole, and the header's.
_CAPPED, _WHOLE, _HEADER = range(3)


class _Column:
    """What one column's widths depend on, whatever the output: the texts of its
    literals, the first :data:`LONGEST_LINE` characters of its paragraphs, and the
    words that may set its floor (apart for headers and for columns whose words stay
    whole). A column needs the most any of its cells needs, so its cells' texts can be
    gathered in sets: a text met again adds nothing."""

    __slots__ = ("lines", "literals", "split", "words")

    def __init__(self) -> None:
        self.literals: set[str] = set()
        self.lines: set[str] = set()
        #: The words by kind (:data:`_CAPPED`, :data:`_WHOLE`, :data:`_HEADER`), and the
        #: paragraphs already split into each.
        self.words: tuple[set[str], ...] = (set(), set(), set())
        self.split: tuple[set[str], ...] = (set(), set(), set())

    def add(
        self,
        literals: Sequence[str],
        paragraphs: Iterable[str],
        *,
        header: bool,
        whole_words: bool,
    ) -> None:
        if literals:
            # In a cell with a name or domain, the words do not set the floor.
            self.literals.update(literals)
            if not header:
                self.lines.update(text[:LONGEST_LINE] for text in paragraphs)
            return
        kind = _HEADER if header else _WHOLE if whole_words else _CAPPED
        words, split = self.words[kind], self.split[kind]
        for text in paragraphs:
            if not header:
                self.lines.add(text[:LONGEST_LINE])
            if text not in split:
                split.add(text)
                words.update(_words(text))

    def frontiers(self, counted: dict[str, Counts]) -> tuple[frozenset[Counts], ...]:
        """The counts that can be widest, whatever the scales: of the words that may be
        shortened to a scale's longest word, of those kept whole, of the header's words
        and of the lines."""
        return tuple(_frontier(texts, counted) for texts in (*self.words, self.lines))

    def need(self, profile: Profile, frontiers: tuple[frozenset[Counts], ...]) -> Need:
        """What this column needs in an output measuring by ``profile``, from its
        :meth:`frontiers`."""
        whole_names, scales = profile
        words, whole_words, header_words, lines = frontiers

        def widest(counted: frozenset[Counts], *, header: bool = False) -> int:
            return max((scales._width(counts, header=header) for counts in counted), default=0)

        floor = min(widest(words), scales.longest_word) if words else 0
        floor = max(floor, widest(whole_words), widest(header_words, header=True))
        whole = 0
        if self.literals:
            # The text builder quotes a literal: two characters more.
            whole = max(map(len, self.literals)) + (2 if whole_names else 0)
            longest_piece = max(
                (len(piece) for value in self.literals for piece in pieces(value)), default=0
            )
            floor = max(floor, whole if whole_names else longest_piece)
        natural = widest(lines)
        return Need(floor, max(floor, natural, whole), max(floor, whole))


def _frontier(texts: Iterable[str], counted: dict[str, Counts]) -> frozenset[Counts]:
    """The counts of ``texts`` that can be the widest (see :func:`_widest`); ``counted``
    holds the counts of texts met before, so that each is counted once."""
    found = set()
    for text in texts:
        counts = counted.get(text)
        if counts is None:
            counts = counted[text] = _counts(text)
        found.add(counts)
    return _widest(found)


class Measure:
    """What the widths of tables that have the same columns (one charter's) depend on,
    gathered as their cells are made (:meth:`add`) or from the tables
    (:meth:`of_tables`), then measured for each output (:meth:`needs`)."""

    def __init__(self) -> None:
        self.columns: list[_Column] = []

    @classmethod
    def of_tables(cls, tables: Iterable[nodes.table]) -> Measure:
        """The measure of tables already made, in one walk of their cells."""
        measure = cls()
        for table in tables:
            for header, row in rows(table):
                index = 0
                for entry in row.children:
                    if isinstance(entry, nodes.entry):
                        measure.add_entry(index, entry, header=header)
                        index += 1
        return measure

    def add(
        self,
        index: int,
        literals: Sequence[str],
        paragraphs: Iterable[str],
        *,
        header: bool = False,
        whole_words: bool = False,
    ) -> None:
        """A cell of column ``index`` holding ``literals`` (names, domains) and
        ``paragraphs`` (their texts); ``whole_words``: its column's words may not be
        broken (a provider's name)."""
        while len(self.columns) <= index:
            self.columns.append(_Column())
        self.columns[index].add(literals, paragraphs, header=header, whole_words=whole_words)

    def add_entry(self, index: int, entry: nodes.Element, *, header: bool = False) -> None:
        """A cell of column ``index``, measured from its nodes."""
        literals, paragraphs = cell_content(entry)
        self.add(index, literals, paragraphs, header=header, whole_words=_whole_words(entry))

    def needs(self, *profiles: Profile) -> list[list[Need]]:
        """What each column needs in each output, measuring by its profile: the texts
        are counted once for all."""
        counted: dict[str, Counts] = {}
        frontiers = [column.frontiers(counted) for column in self.columns]
        return [
            [
                column.need(profile, found)
                for column, found in zip(self.columns, frontiers, strict=True)
            ]
            for profile in profiles
        ]


def column_needs(
    tables: Iterable[nodes.table], *, whole_names: bool, scales: Scales = SAME
) -> list[Need]:
    """The needs of the columns of tables that have the same columns (one charter's)."""
    return Measure.of_tables(tables).needs((whole_names, scales))[0]


def fit(needs: Sequence[Need], room: int) -> list[int]:
    """Widths for ``needs`` in a line of ``room`` characters (cell padding excluded).

    Every column gets its floor, even when the floors alone are wider than ``room``;
    then, as far as the line allows, the width that keeps names and domains whole;
    what is left is shared in proportion to what each column still wants, and no
    column gets more than its natural width.
    """
    widths = _share([max(1, need.floor) for need in needs], [need.whole for need in needs], room)
    return _share(widths, [need.natural for need in needs], room)


def _share(widths: list[int], targets: list[int], room: int) -> list[int]:
    """``widths`` grown toward ``targets`` in proportion to what each lacks, within
    ``room``."""
    wants = [max(0, target - width) for target, width in zip(targets, widths, strict=True)]
    left = room - sum(widths)
    while left > 0 and any(wants):
        total = sum(wants)
        if total <= left:
            return [width + want for width, want in zip(widths, wants, strict=True)]
        shares = [left * want / total for want in wants]
        given = [int(share) for share in shares]
        # Largest remainders first, so the line is used to its last character.
        rest = left - sum(given)
        order = sorted(range(len(shares)), key=lambda i: given[i] - shares[i])
        for index in order[:rest]:
            given[index] += 1
        widths = [width + add for width, add in zip(widths, given, strict=True)]
        wants = [want - add for want, add in zip(wants, given, strict=True)]
        left -= sum(given)
    return widths


def text_room(columns: int, line: int = TEXT_LINE) -> int:
    """What a plain-text table of ``columns`` columns leaves for text in ``line``
    characters: each column costs a border and a space on either side."""
    return line - (3 * columns + 1)


def text_widths(tables: Sequence[nodes.table]) -> list[int]:
    """Widths in characters for plain-text output: names and domains whole, within 80
    characters when the content allows it."""
    return text_fit(Measure.of_tables(tables).needs(TEXT)[0])


def text_fit(needs: Sequence[Need]) -> list[int]:
    """:func:`text_widths` of columns of these needs (measured with :data:`TEXT`)."""
    return fit(needs, text_room(len(needs)))


# --- screens ---------------------------------------------------------------------------

#: The width of a character of a theme's monospace font, in the table's ems (themes set
#: code at 0.8 to 0.9 em of the text): the unit of the widths on screen. Text in a
#: proportional face is a little wider (serif faces such as alabaster's), bold headers
#: wider still; a cell's padding (with the code's own) is about 1.2 em.
SCREEN_CHARACTER_EM = 0.55
SCREEN_SCALES = Scales(text=1.0, header=1.1, capitals=1.3)
SCREEN_PADDING_EM = 1.2
#: The width the columns are shared out for: 38 em, a little less than the narrowest
#: text column of the five themes tested on a wide screen (alabaster's and pydata's,
#: about 39 em). Narrower, the table keeps these proportions down to the width at which
#: each column still holds its floor, then scrolls in its region.
SCREEN_LINE_EM = 38.0
#: How screens measure: names break at their separators.
SCREEN: Profile = (False, SCREEN_SCALES)


#: The attributes of a charter's table that hold its screen layout.
SCREEN_WIDTHS = "cookiecharter_screen_widths"
MIN_WIDTH = "cookiecharter_min_width"


@dataclass(frozen=True)
class ScreenLayout:
    """Widths for screens (HTML), shared by one charter's tables, and the least width
    of a table in ems (below it, the table's region scrolls)."""

    widths: tuple[int, ...]
    min_width: float


def screen_layout(measured: Sequence[Need]) -> ScreenLayout:
    """The screen layout of columns of these needs (measured with :data:`SCREEN`).

    Names break at their separators, so only their longest piece sets a floor.
    """
    unit = SCREEN_CHARACTER_EM
    padding = math.ceil(SCREEN_PADDING_EM / unit)
    # A name kept whole gets a character to spare: monospace faces differ by theme.
    needs = [
        Need(
            need.floor + padding,
            need.natural + padding,
            need.whole + padding + (need.whole > need.floor),
        )
        for need in measured
    ]
    room = max(int(SCREEN_LINE_EM / unit), sum(need.floor for need in needs))
    widths = fit(needs, room)
    total = sum(widths)
    least = max(
        need.floor * unit * total / width for need, width in zip(needs, widths, strict=True)
    )
    return ScreenLayout(tuple(widths), least)


def charter_layout(measure: Measure) -> tuple[list[int], ScreenLayout]:
    """The plain-text widths and the screen layout of one charter's tables, from what
    was gathered as their cells were made."""
    text, screen = measure.needs(TEXT, SCREEN)
    return text_fit(text), screen_layout(screen)
