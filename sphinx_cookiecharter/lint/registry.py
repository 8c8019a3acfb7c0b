"""The lint's rules: what each one checks, on what it rests, and how it is run.

A rule is a function that reads the model (:class:`~..core.model.Declaration`) and
yields a :class:`Hit` for each part of the declaration it finds fault with; the
:func:`rule` decorator registers it in :data:`RULES` with its metadata. The rules live
in :mod:`.rules`, one module per theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Literal

from ..core.sarif import SEVERITIES, Severity

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterator
    from importlib.resources.abc import Traversable

    from ..core.model import Cookie, Declaration, Position
    from .profiles import Profile
    from .sources import Source

#: The day the example files are checked on, in the tests and the docs (the rules on
#: ``updated`` depend on the day).
EXAMPLES_CHECKED_ON = (2026, 11, 29)

#: Where the rules reference of the documentation is published; ``#ck012`` is a rule.
RULES_URL = "https://sphinx-cookiecharter.readthedocs.io/en/latest/reference/lint-rules.html"


def at_least(severity: Severity, threshold: Severity) -> bool:
    """True when ``severity`` is as serious as ``threshold`` or more."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: a message about one part of the declaration.

    :param position: where that part is declared (``None``: the top of the file).
    :param cookie: the cookie it is about, if any.
    """

    message: str
    position: Position | None
    cookie: Cookie | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule reads: the declaration, the profile, and the day of the check."""

    declaration: Declaration
    profile: Profile
    today: datetime.date

    def needs_consent(self) -> list[Cookie]:
        """The cookies that need the visitor's consent, in declaration order."""
        return [cookie for cookie in self.declaration.cookies if cookie.consent == "required"]


if TYPE_CHECKING:
    #: A rule's check: the findings it has about a declaration.
    Check = Callable[[Context], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One lint rule and everything the docs, the SARIF output and the tests need.

    :param id: ``CK`` and three digits; never reused for another meaning.
    :param name: a short name in kebab case (``marketing-exempt``), SARIF's ``name``.
    :param title: one line saying what is wrong.
    :param rationale: why it matters, with the reasoning of the sources.
    :param sources: the texts it rests on.
    :param fields: the declaration fields it reads, as paths (``cookies[].consent``).
    :param fix: how to fix the declaration.
    :param profiles: the profiles it applies in.
    :param theme: the module (theme) it belongs to.
    """

    id: str
    name: str
    severity: Severity
    title: str
    rationale: str
    sources: tuple[Source, ...]
    fields: tuple[str, ...]
    fix: str
    check: Check = field(repr=False, compare=False)
    profiles: frozenset[str] = frozenset({"eu", "fr", "uk"})
    theme: str = ""

    @property
    def help_uri(self) -> str:
        """The rule's section in the published rules reference."""
        return f"{RULES_URL}#{self.id.lower()}"

    @property
    def source_text(self) -> str:
        """The sources as one line, as the JSON output gives them."""
        return "; ".join(str(source) for source in self.sources)

    def example(self, kind: Literal["fail", "pass"]) -> Traversable:
        """The example file that gives (``fail``) or does not give (``pass``) a finding."""
        return resources.files(__package__).joinpath(f"examples/{self.id}.{kind}.yaml")


#: Every rule, by id, in id order (the order of registration).
RULES: dict[str, Rule] = {}


def rule(
    id: str,
    name: str,
    severity: Severity,
    *,
    title: str,
    rationale: str,
    sources: tuple[Source, ...],
    fields: tuple[str, ...],
    fix: str,
    profiles: tuple[str, ...] = ("eu", "fr", "uk"),
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule ``id``."""

    def register(check: Check) -> Check:
        if id in RULES:
            raise ValueError(f"rule {id} is registered twice")
        theme = check.__module__.rsplit(".", 1)[-1]
        RULES[id] = Rule(
            id,
            name,
            severity,
            title,
            rationale,
            sources,
            fields,
            fix,
            check,
            frozenset(profiles),
            theme,
        )
        return check

    return register
