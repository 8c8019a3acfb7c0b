"""Column widths fitted to a charter's content, shared by all the tables of one charter.

Widths are counted in characters. Each column is at least as wide as the longest thing
in it that must stay on one line (its *floor*): a word of a header or of a provider's
name, a cookie name or domain whole (the plain-text builders cannot break a name at its
separators) or its longest piece (print and screen break names after ``_ - . @ *``).
What is left of the line is shared in proportion to how much longer each column's
content is than its floor, so the purpose column, the longest text, gets the most room.

Nothing here knows a builder: the Sphinx layer picks the floors and the line length that
suit the output it writes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

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


def column_name(entry: nodes.Element) -> str | None:
    """The column of a charter cell, from its ``cookiecharter-<column>`` class."""
    for cls in entry["classes"]:
        if cls.startswith("cookiecharter-"):
            return str(cls.removeprefix("cookiecharter-"))
    return None


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
#: Chinese, Japanese and Korean text may break between any two of these characters.
_EAST_ASIAN = re.compile(f"[{_WIDE}{_HALF_WIDTH}]")
_EAST_ASIAN_WIDE = re.compile(f"[{_WIDE}]")


def _words(text: str) -> list[str]:
    """The words of a text, the pieces a line may not break inside: a no-break space
    (``13 months``) joins two into one; each Chinese, Japanese or Korean character is a
    piece of its own."""
    words = [word for word in _SPACES.split(text) if word]
    if _EAST_ASIAN.search(text):
        words = [piece for word in words for piece in _east_asian_pieces(word)]
    return words or [""]


def _east_asian_pieces(word: str) -> list[str]:
    """``word`` cut before and after each East Asian character."""
    pieces: list[str] = []
    start = 0
    for match in _EAST_ASIAN.finditer(word):
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
        line, words = _shape(text)
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
    return len(word), capitals, len(_EAST_ASIAN_WIDE.findall(word))


@lru_cache(maxsize=16384)
def _shape(text: str) -> tuple[tuple[int, int, int], frozenset[tuple[int, int, int]]]:
    """A paragraph's counts on one line and the distinct counts of its words, whatever
    the scales: remembered, since a charter repeats its texts (a provider's name, a
    service, a purpose shared by cookies) and every output measures them again."""
    return _counts(text[:LONGEST_LINE]), frozenset(map(_counts, _words(text)))


#: Every character as wide as a literal's.
SAME = Scales()


def cell_need(
    entry: nodes.Element, *, whole_names: bool, header: bool = False, scales: Scales = SAME
) -> Need:
    """The need of one cell. ``whole_names``: a literal (a name, a domain) cannot break
    at its separators in this output."""
    literals, paragraphs = cell_content(entry)
    return _content_need(
        column_name(entry) in WHOLE_WORD_COLUMNS,
        literals,
        paragraphs,
        whole_names=whole_names,
        header=header,
        scales=scales,
    )


def cell_content(entry: nodes.Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a cell's width depends on: the texts of its literals (names, domains) and
    of its paragraphs, in one walk of the cell."""
    literals: list[str] = []
    paragraphs: list[str] = []
    stack: list[nodes.Node] = list(reversed(entry.children))
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


def _content_need(
    whole_words: bool,
    literals: tuple[str, ...],
    paragraphs: tuple[str, ...],
    *,
    whole_names: bool,
    header: bool,
    scales: Scales,
) -> Need:
    """The need of a cell of ``literals`` and ``paragraphs`` (see :func:`cell_need`);
    ``whole_words``: its column's words may not be broken (a provider's name)."""
    floor = 0
    natural = 0
    whole = 0
    for value in literals:
        # The text builder quotes a literal: two characters more.
        whole = max(whole, len(value) + 2 if whole_names else len(value))
        floor = max(floor, whole if whole_names else max(map(len, pieces(value))))
    # In a cell with a name or domain, the words do not set the floor.
    for text in paragraphs:
        width, longest = scales.measure(text, header=header)
        natural = max(natural, width)
        if not (header or whole_words):
            longest = min(longest, scales.longest_word)
        floor = max(floor, longest if not literals else 0)
    return Need(floor, max(natural, floor), max(whole, floor))


def colspecs(table: nodes.table) -> list[nodes.colspec]:
    """The column specifications of a table, without a walk of its cells."""
    return [
        colspec
        for tgroup in table.children
        if isinstance(tgroup, nodes.tgroup)
        for colspec in tgroup.children
        if isinstance(colspec, nodes.colspec)
    ]


def rows(table: nodes.table) -> Iterator[tuple[bool, nodes.row]]:
    """The rows of a table, each with whether it is a header row, without a walk of
    their cells."""
    for tgroup in table.children:
        if not isinstance(tgroup, nodes.tgroup):
            continue
        for part in tgroup.children:
            if isinstance(part, nodes.thead | nodes.tbody):
                header = isinstance(part, nodes.thead)
                for row in part.children:
                    if isinstance(row, nodes.row):
                        yield header, row


def column_needs(
    tables: Iterable[nodes.table], *, whole_names: bool, scales: Scales = SAME
) -> list[Need]:
    """The needs of the columns of tables that have the same columns (one charter's).

    A charter repeats its texts (providers, services, purposes, durations): each
    distinct cell is measured once.
    """
    floors: list[int] = []
    naturals: list[int] = []
    wholes: list[int] = []
    measured: dict[tuple[bool, bool, tuple[str, ...], tuple[str, ...]], Need] = {}
    for table in tables:
        for header, row in rows(table):
            index = 0
            for entry in row.children:
                if not isinstance(entry, nodes.entry):
                    continue
                whole_words = column_name(entry) in WHOLE_WORD_COLUMNS
                literals, paragraphs = cell_content(entry)
                key = (whole_words, header, literals, paragraphs)
                need = measured.get(key)
                if need is None:
                    need = measured[key] = _content_need(
                        whole_words,
                        literals,
                        paragraphs,
                        whole_names=whole_names,
                        header=header,
                        scales=scales,
                    )
                if index >= len(floors):
                    floors.append(0)
                    naturals.append(0)
                    wholes.append(0)
                floors[index] = max(floors[index], need.floor)
                wholes[index] = max(wholes[index], need.whole)
                # A header can wrap at its spaces: only its words count.
                if not header:
                    naturals[index] = max(naturals[index], need.natural)
                index += 1
    return [
        Need(floor, max(floor, natural, whole), max(floor, whole))
        for floor, natural, whole in zip(floors, naturals, wholes, strict=True)
    ]


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
    needs = column_needs(tables, whole_names=True)
    return fit(needs, text_room(len(needs)))
