"""The cookie declaration as typed, immutable values; knows nothing of Sphinx or docutils."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from . import spellings
from .vocabulary import DEFAULT_CATEGORIES

if TYPE_CHECKING:
    import datetime

_T = TypeVar("_T", bound=type)


def compact_pickling(cls: _T) -> _T:
    """Pickle instances of a frozen dataclass as the class and its field values.

    The ``__getstate__`` that :func:`dataclasses.dataclass` gives a frozen class with
    slots looks its fields up again for every instance; a declaration of thousands of
    cookies is tens of thousands of such objects, kept in Sphinx's pickled environment.
    The values are read by one :func:`operator.attrgetter` and given back to the
    constructor, so unpickling checks nothing that making the object would not.
    """
    names = tuple(item.name for item in fields(cls))
    values = attrgetter(*names)
    one = len(names) == 1

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        got = values(self)
        return (cls, (got,) if one else got)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


Party = Literal["first", "third"]
Storage = Literal["cookie", "local-storage", "session-storage", "indexeddb", "pixel"]
ConsentRule = Literal["required", "exempt"]
#: A provider's part in the processing (GDPR art. 4(7), 26 and 28).
ProviderRole = Literal["processor", "joint-controller", "controller"]
DurationUnit = Literal["year", "month", "week", "day", "hour", "minute", "second"]


@compact_pickling
@dataclass(frozen=True, slots=True)
class Position:
    """Where a value starts in its source file (line and column, both 1-based).

    For TOML the column is where the key's line starts (see the reader).
    """

    line: int
    column: int | None = None


@compact_pickling
@dataclass(frozen=True, slots=True)
class LocalizedText:
    """A human-facing text: one string, or one string per language code."""

    translations: tuple[tuple[str | None, str], ...]
    position: Position | None = field(default=None, compare=False)

    @classmethod
    def of(cls, value: str | dict[str, str], position: Position | None = None) -> LocalizedText:
        """Build from a declaration value: a string or a language mapping."""
        if isinstance(value, str):
            return cls(((None, value),), position)
        return cls(tuple(value.items()), position)

    @property
    def is_plain(self) -> bool:
        """True when the text was given as one string for every language."""
        return len(self.translations) == 1 and self.translations[0][0] is None


@compact_pickling
@dataclass(frozen=True, slots=True)
class Duration:
    """How long a cookie (or a consent choice) lives.

    ``kind`` is ``session`` (until the browser closes), ``persistent`` (until the
    visitor clears it, as local storage), ``fixed``, or ``text`` for what none of these
    can say (``Unknown``, a range, a retention that depends on something), declared as
    free text in a language mapping and shown as written. A fixed duration keeps its
    parts as written, so ``13 months`` stays 13 months and ``P1Y6M`` stays one year and
    six months when it is displayed.
    """

    kind: Literal["session", "persistent", "fixed", "text"]
    parts: tuple[tuple[int, DurationUnit], ...] = ()
    #: The free text of a ``text`` duration.
    text: LocalizedText | None = None

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse a duration written as a string: a word meaning session or persistent,
        an amount with a unit, or an ISO 8601 duration, in any case (the accepted
        spellings are listed in :mod:`.spellings`).

        :raises ValueError: when ``text`` is none of these.
        """
        return _parsed_duration(text)

    @classmethod
    def free_text(cls, text: LocalizedText) -> Duration:
        """A duration only words can give, such as ``{en: 1 week to 1 year}``."""
        return cls("text", text=text)

    def __str__(self) -> str:
        if self.kind == "text":
            assert self.text is not None
            return self.text.translations[0][1]
        if self.kind != "fixed":
            return self.kind
        return " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in self.parts)


@lru_cache(maxsize=1024)
def _parsed_duration(text: str) -> Duration:
    """:meth:`Duration.parse`, remembered: a declaration repeats a few durations over
    its cookies, and a duration is an immutable value its cookies can share."""
    read = spellings.read(text)
    if read is None:
        raise ValueError(f"not a duration: {text!r}")
    kind, parts = read
    return Duration(kind, parts)  # type: ignore[arg-type]


@compact_pickling
@dataclass(frozen=True, slots=True)
class Provider:
    """Who sets a cookie. ``id`` is ``None`` for a provider given as a plain name.

    :param country: where it is established (ISO 3166-1 alpha-2).
    :param role: its part in the processing, when declared.
    :param safeguard: how a transfer of data outside the EEA to it is framed.
    :param position: where it is declared; for a plain name, the cookie's ``provider``.
    """

    name: str
    id: str | None = None
    privacy_policy: str | None = None
    country: str | None = None
    role: ProviderRole | None = None
    safeguard: LocalizedText | None = None
    position: Position | None = field(default=None, compare=False)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Category:
    """A group of cookies with one purpose family and one consent rule."""

    id: str
    consent: ConsentRule
    title: LocalizedText | None = None
    description: LocalizedText | None = None
    #: Where it is declared; ``None`` for a default category the declaration leaves alone.
    position: Position | None = field(default=None, compare=False)

    @property
    def is_default(self) -> bool:
        """True for the four categories every declaration knows."""
        return self.id in DEFAULT_CATEGORIES


@compact_pickling
@dataclass(frozen=True, slots=True)
class LintSettings:
    """What a declaration, or one of its cookies, says to ``cookiecharter lint``: the
    rules (``CK012``...) whose findings about it are silenced, and why."""

    ignore: tuple[str, ...] = ()
    #: Required by the lint (a suppression without a reason is itself a finding).
    reason: str | None = None
    position: Position | None = field(default=None, compare=False)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Cookie:
    """One cookie or other tracker (local storage key, pixel...) the site sets."""

    name: str
    provider: Provider
    category: str
    purpose: LocalizedText
    consent: ConsentRule
    service: LocalizedText | None = None
    duration: Duration | None = None
    party: Party = "first"
    storage: Storage = "cookie"
    domain: str | None = None
    #: Why a cookie that needs no consent is exempt, as declared.
    exemption: LocalizedText | None = None
    #: How long the data read through the cookie is kept (GDPR art. 13(2)(a)).
    retention: Duration | None = None
    #: Lint findings about this cookie that the declaration silences.
    lint: LintSettings | None = None
    position: Position | None = field(default=None, compare=False)
    #: The preset it comes from (``furo``), ``None`` for the declaration's own entry.
    preset: str | None = field(default=None, compare=False)

    @property
    def is_wildcard(self) -> bool:
        """True when the name stands for a family of names (``_ga_*``)."""
        return "*" in self.name


@compact_pickling
@dataclass(frozen=True, slots=True)
class Controller:
    """Who is responsible for the site and how to reach them."""

    name: str | None = None
    contact: str | None = None
    #: The site's privacy policy (rights, complaints).
    privacy_policy: str | None = None
    position: Position | None = field(default=None, compare=False)


@compact_pickling
@dataclass(frozen=True, slots=True)
class ConsentSettings:
    """Where visitors change their choice and how long it is kept."""

    manage_url: str | None = None
    duration: Duration | None = None
    #: ``True`` when each category can be accepted or refused on its own; ``None``
    #: when the declaration does not say.
    granular: bool | None = None
    position: Position | None = field(default=None, compare=False)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Change:
    """One dated entry of the declaration's history, shown in the ``changes`` section.

    :param cookies: the names of the cookies concerned (added, changed or removed).
    """

    date: datetime.date
    description: LocalizedText
    cookies: tuple[str, ...] = ()
    position: Position | None = field(default=None, compare=False)


@compact_pickling
@dataclass(frozen=True, slots=True)
class Declaration:
    """Everything a site declares about the cookies it sets."""

    source: str
    cookies: tuple[Cookie, ...] = ()
    categories: tuple[Category, ...] = ()
    providers: tuple[Provider, ...] = ()
    version: int = 1
    #: The site's name or URL, one for every language or one per language.
    site: LocalizedText | None = None
    updated: datetime.date | None = None
    controller: Controller | None = None
    consent: ConsentSettings | None = None
    texts: tuple[tuple[str, LocalizedText], ...] = ()
    #: Lint findings about the whole file that the declaration silences.
    lint: LintSettings | None = None
    #: The declared history, in declaration order.
    changes: tuple[Change, ...] = ()
    #: The presets named (``furo``, ``sphinx-tabs``), whose cookies are in ``cookies``.
    presets: tuple[str, ...] = ()

    def category(self, category_id: str) -> Category | None:
        """The category with this id, default or declared."""
        for category in self.categories:
            if category.id == category_id:
                return category
        return None

    def categories_in_use(self, only: tuple[str, ...] | None = None) -> list[Category]:
        """Categories that have at least one cookie, in display order.

        :param only: when given, keep only these category ids (display order is kept).
        """
        used = {cookie.category for cookie in self.cookies}
        return [
            category
            for category in self.categories
            if category.id in used and (only is None or category.id in only)
        ]

    def cookies_in(self, category_id: str) -> list[Cookie]:
        """The cookies of one category, in declaration order."""
        return [cookie for cookie in self.cookies if cookie.category == category_id]

    def text(self, section: str) -> LocalizedText | None:
        """The declaration's own text for a section, if it gives one."""
        for name, text in self.texts:
            if name == section:
                return text
        return None
