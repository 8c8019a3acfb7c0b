"""The comparison: what a browser saw against what the declaration says.

Pure Python on the core model (:class:`~..core.model.Declaration`) and on
:class:`~.observation.Observation`; no browser, no Sphinx. How it decides, step by step
(the documentation's "How the comparison decides" says the same for users):

1. Every stored item seen (a cookie, a local or session storage key, an IndexedDB
   database) is matched with the declared entries whose **name** matches (exactly, or
   through ``*`` wildcards standing for any run of characters) and whose **domain**
   covers the item's domain (a declared domain covers itself and its subdomains; a
   leading dot changes nothing). The domain is not compared when both the declared
   entry and the item are first party: the declaration describes the site as deployed,
   and an audit of a local build or a preview runs on another host.
2. Among the candidates the one declared with the **same storage** wins, then an exact
   name over a wildcard, then the first declared. No candidate: ``undeclared`` (error).
   A candidate of another storage only: ``storage-mismatch`` (warning).
3. The declared **party** against the item's (its registrable domain against the site's,
   from the Public Suffix List): ``party-mismatch`` (warning).
4. The declared **duration** against the lifetime seen (a duration given only in words
   is not compared): a session cookie declared with a
   lifetime, or a persistent one declared ``session``; a lifetime longer than declared
   beyond the tolerance (5 % by default, and one minute); local storage and IndexedDB,
   which stay until cleared, declared ``session``: ``duration-mismatch`` (warning). A
   shorter lifetime than declared is no finding.
5. Consent: an item whose declared entry requires consent and that is there on
   **arrival** is ``set-before-consent`` (error); one that is there after the reject
   selector was clicked and the page reloaded, and was not there on arrival on that
   page, is ``set-after-reject`` (error).
6. A declared entry no item matched in any phase is ``not-observed`` (info). A declared
   ``pixel`` is matched against the third-party hosts contacted when it has a domain,
   and left out of the comparison when it has none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ..core.durations import UNIT_SECONDS, seconds
from ..core.names import name_matches
from ..core.sarif import SEVERITIES, Severity
from .domains import covers, normalize
from .observation import PHASES, Observed, group

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..core.model import Cookie, Declaration, Duration
    from .known import KnownCookie
    from .observation import Observation, Phase

Kind = Literal[
    "undeclared",
    "not-observed",
    "set-before-consent",
    "set-after-reject",
    "storage-mismatch",
    "party-mismatch",
    "duration-mismatch",
]

#: Every kind of finding with its severity, in the order reports list them.
KINDS: dict[Kind, Severity] = {
    "undeclared": "error",
    "set-before-consent": "error",
    "set-after-reject": "error",
    "storage-mismatch": "warning",
    "party-mismatch": "warning",
    "duration-mismatch": "warning",
    "not-observed": "info",
}

#: How much longer than declared a lifetime may be before it is a finding.
DEFAULT_TOLERANCE = 0.05
#: Added to the tolerance: the time between a cookie being set and being read.
CLOCK_SLACK = 60


@dataclass(frozen=True, slots=True)
class Finding:
    """One difference between the site and its declaration.

    :param declaration: the source of the declaration the finding concerns (its file),
        or ``None`` when several were compared and the item matches none of them.
    :param declared: the declared entry concerned, if any.
    """

    kind: Kind
    name: str
    storage: str
    domain: str | None
    pages: tuple[str, ...]
    message: str
    phases: tuple[Phase, ...] = ()
    declaration: str | None = None
    declared_line: int | None = None
    declared_column: int | None = None
    declared: Cookie | None = None
    known: KnownCookie | None = None

    @property
    def severity(self) -> Severity:
        return KINDS[self.kind]


def describe_lifetime(seconds: int | float | None) -> str:
    """A lifetime in words: ``session``, ``400 days``, ``2 hours``..."""
    if seconds is None:
        return "session"
    for unit in ("day", "hour", "minute"):
        size = UNIT_SECONDS[unit]
        # A lifetime read a moment after it was set is a little short of what was asked.
        if seconds >= size * 0.99:
            amount = round(seconds / size, 1)
            text = f"{amount:g}"
            return f"{text} {unit}{'' if text == '1' else 's'}"
    whole = round(seconds)
    return f"{whole} second{'' if whole == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class _Entry:
    """A declared cookie with the declaration it comes from."""

    source: str
    cookie: Cookie
    order: int


def _domain_fits(cookie: Cookie, item: Observed) -> bool:
    if cookie.domain is None or (cookie.party == "first" and item.party == "first"):
        return True
    return covers(cookie.domain, item.domain)


def _best(entries: Sequence[_Entry], item: Observed) -> _Entry | None:
    candidates = [
        entry
        for entry in entries
        if entry.cookie.storage != "pixel"
        and name_matches(entry.cookie.name, item.name)
        and _domain_fits(entry.cookie, item)
    ]
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda entry: (
            entry.cookie.storage != item.storage,
            entry.cookie.is_wildcard,
            entry.order,
        ),
    )


def _duration_problem(declared: Duration, item: Observed, tolerance: float) -> str | None:
    """Why the lifetime seen does not fit the declared duration, or ``None``."""
    if declared.kind == "text" or item.storage == "session-storage":
        return None
    if item.storage in ("local-storage", "indexeddb"):
        if declared.kind == "session":
            return (
                f"{item.storage} stays until the visitor clears it, but the declared "
                "duration is session"
            )
        return None
    if item.lifetime is None:
        if declared.kind == "session":
            return None
        return f"it is a session cookie, but the declared duration is {declared}"
    if declared.kind == "session":
        return (
            f"it is kept for {describe_lifetime(item.lifetime)}, but the declared duration "
            "is session (until the browser closes)"
        )
    limit = seconds(declared)
    if limit is not None and item.lifetime > limit * (1 + tolerance) + CLOCK_SLACK:
        return (
            f"it is kept for {describe_lifetime(item.lifetime)}, longer than the declared "
            f"{declared} (tolerance {tolerance:.0%})"
        )
    return None


def _what(item: Observed) -> str:
    return f"{item.storage} {item.name!r} ({item.party} party, {item.domain})"


def _declared_as(entry: _Entry) -> str:
    cookie = entry.cookie
    line = f" at line {cookie.position.line}" if cookie.position else ""
    alias = f" as {cookie.name!r}" if cookie.is_wildcard else ""
    return f"declared{line}{alias}"


class _Findings:
    """Findings being gathered: one per kind, entry and item, pages merged."""

    def __init__(self) -> None:
        self.found: dict[tuple[object, ...], Finding] = {}

    def add(self, key: tuple[object, ...], finding: Finding) -> None:
        known = self.found.get(key)
        if known is None:
            self.found[key] = finding
            return
        pages = known.pages + tuple(page for page in finding.pages if page not in known.pages)
        phases = known.phases + tuple(p for p in finding.phases if p not in known.phases)
        self.found[key] = replace(known, pages=pages, phases=phases)


def _about(
    kind: Kind, entry: _Entry, item: Observed, message: str, pages: tuple[str, ...]
) -> Finding:
    position = entry.cookie.position
    return Finding(
        kind,
        item.name,
        item.storage,
        item.domain,
        pages,
        message,
        (item.phase,),
        entry.source,
        position.line if position else None,
        position.column if position else None,
        entry.cookie,
    )


def compare(
    declarations: Iterable[Declaration],
    observation: Observation,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    known: Callable[[str], KnownCookie | None] | None = None,
) -> list[Finding]:
    """Every finding, errors first, then by declaration line and name.

    :param known: describes a name the declaration lacks (the Open Cookie Database).
    """
    declarations = list(declarations)
    entries = [
        _Entry(declaration.source, cookie, order)
        for declaration in declarations
        for order, cookie in enumerate(declaration.cookies)
    ]
    only_source = declarations[0].source if len(declarations) == 1 else None
    observed = group(observation.items)
    on_arrival: dict[tuple[str, str, str], set[str]] = {}
    for item in observed:
        if item.phase == "arrival":
            on_arrival.setdefault(item.key, set()).update(item.pages)
    findings = _Findings()
    matched: set[int] = set()
    for item in observed:
        entry = _best(entries, item)
        if entry is None:
            description = known(item.name) if known is not None else None
            lifetime = ""
            if item.storage == "cookie":
                lifetime = (
                    " (a session cookie)"
                    if item.lifetime is None
                    else f" (kept for {describe_lifetime(item.lifetime)})"
                )
            message = f"{_what(item)} is stored{lifetime} but not declared"
            if description is not None:
                message += f"; known as {description.summary()}"
            findings.add(
                ("undeclared", item.key),
                Finding(
                    "undeclared",
                    item.name,
                    item.storage,
                    item.domain,
                    item.pages,
                    message,
                    (item.phase,),
                    only_source,
                    known=description,
                ),
            )
            continue
        matched.add(id(entry))
        cookie = entry.cookie
        key = (id(entry), item.key)
        if cookie.storage != item.storage:
            findings.add(
                ("storage-mismatch", *key),
                _about(
                    "storage-mismatch",
                    entry,
                    item,
                    f"{_what(item)} is {_declared_as(entry)} with storage {cookie.storage}",
                    item.pages,
                ),
            )
        if cookie.party != item.party:
            findings.add(
                ("party-mismatch", *key),
                _about(
                    "party-mismatch",
                    entry,
                    item,
                    f"{_what(item)} is {_declared_as(entry)} as {cookie.party} party, but "
                    f"{item.domain} is a {item.party} party to {observation.site_host}",
                    item.pages,
                ),
            )
        if cookie.duration is not None and cookie.storage == item.storage:
            problem = _duration_problem(cookie.duration, item, tolerance)
            if problem is not None:
                findings.add(
                    ("duration-mismatch", *key),
                    _about(
                        "duration-mismatch",
                        entry,
                        item,
                        f"{_what(item)}, {_declared_as(entry)}: {problem}",
                        item.pages,
                    ),
                )
        if cookie.consent != "required":
            continue
        if item.phase == "arrival":
            findings.add(
                ("set-before-consent", *key),
                _about(
                    "set-before-consent",
                    entry,
                    item,
                    f"{_what(item)} is stored on arrival, before the visitor agreed, but "
                    f"it is {_declared_as(entry)} in category {cookie.category!r}, which "
                    "requires consent",
                    item.pages,
                ),
            )
        elif item.phase == "rejected":
            before = on_arrival.get(item.key, set())
            pages = tuple(page for page in item.pages if page not in before)
            if pages:
                findings.add(
                    ("set-after-reject", *key),
                    _about(
                        "set-after-reject",
                        entry,
                        item,
                        f"{_what(item)} is stored after the visitor refused (reject "
                        f"selector clicked, page reloaded), but it is {_declared_as(entry)} "
                        f"in category {cookie.category!r}, which requires consent",
                        pages,
                    ),
                )
    _not_observed(entries, matched, observation, findings)
    return sorted(findings.found.values(), key=_order)


def _not_observed(
    entries: Sequence[_Entry], matched: set[int], observation: Observation, findings: _Findings
) -> None:
    phases = [phase for phase in PHASES if phase in observation.phases]
    visited = len(observation.pages)
    for entry in entries:
        cookie = entry.cookie
        if id(entry) in matched:
            continue
        if cookie.storage == "pixel":
            if cookie.domain is None:
                continue
            if any(covers(cookie.domain, host.host) for host in observation.hosts):
                continue
            seen = f"no request to {normalize(cookie.domain)} was seen"
        else:
            seen = "nothing stored matches it"
        hint = ""
        if cookie.consent == "required" and "accepted" not in phases:
            hint = "; it may only be set after consent: give --accept-selector"
        findings.add(
            ("not-observed", id(entry)),
            Finding(
                "not-observed",
                cookie.name,
                cookie.storage,
                cookie.domain,
                (),
                f"{cookie.storage} {cookie.name!r} is declared"
                f"{f' at line {cookie.position.line}' if cookie.position else ''} but {seen} "
                f"on the {visited} page{'' if visited == 1 else 's'} visited "
                f"({', '.join(phases)}){hint}",
                (),
                entry.source,
                cookie.position.line if cookie.position else None,
                cookie.position.column if cookie.position else None,
                cookie,
            ),
        )


def _order(finding: Finding) -> tuple[int, int, str, str]:
    return (
        SEVERITIES.index(finding.severity),
        finding.declared_line if finding.declared_line is not None else 1 << 30,
        finding.name,
        finding.kind,
    )
