"""What to render: sections, columns, categories, language, and whether to index."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core.vocabulary import DEFAULT_COLUMNS, SECTIONS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..core.model import LocalizedText


@dataclass(frozen=True)
class RenderOptions:
    """What to render, in which language.

    :param index: give every row and table its stable anchor (``cookie-_ga``...); a
        second view of the same cookies (``:no-index:``) has none, so anchors stay unique.
    """

    language: str = "en"
    sections: Sequence[str] = SECTIONS
    columns: Sequence[str] = DEFAULT_COLUMNS
    categories: Sequence[str] | None = None
    site: LocalizedText | None = None
    texts: Mapping[str, LocalizedText] = field(default_factory=dict)
    classes: Sequence[str] = ()
    index: bool = True
