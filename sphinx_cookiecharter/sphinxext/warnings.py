"""The extension's warnings: one type, the subtypes it uses, and how each is reported.

:data:`SUBTYPES` is the list the documentation's warnings page is generated from: a
subtype given anywhere in the extension must be described here (a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from ..core.diagnostics import Diagnostic
    from ..lint import Finding

#: The type of every warning the extension gives; subtypes name the kind of problem.
WARNING_TYPE = "cookiecharter"

#: The type of the lint's findings; the subtype is the rule id (``CK012``), and the
#: rules reference describes each one.
LINT_WARNING_TYPE = "cookiecharter-lint"

logger = logging.getLogger("sphinx_cookiecharter")


@dataclass(frozen=True, slots=True)
class Subtype:
    """One kind of warning: when it is given and what becomes of what it is about.

    :param example: for a problem of a declaration, a declaration (YAML) that gives it;
        the documentation shows the message the extension really prints for it.
    :param message: for another problem, the message as printed.
    """

    name: str
    when: str
    effect: str
    example: str | None = None
    message: str | None = None


SUBTYPES: tuple[Subtype, ...] = (
    Subtype(
        "load",
        "The declaration cannot be read at all: the file is missing or is a directory, its "
        "name has an unknown ending, it is not UTF-8, it has a syntax error, it is empty, or "
        "it uses a YAML construct that is refused (a tag, a merge key, a non-scalar key). "
        "Also given by a directive that has no declaration to read.",
        "Nothing is rendered from that declaration.",
        example="cookies:\n  - name: a\n    provider: [unclosed\n",
    ),
    Subtype(
        "limit",
        "The declaration is larger than a limit: a file over 16 MiB, more than 500,000 values "
        "(also after YAML aliases are expanded), values nested more than 32 levels deep, or "
        "more than 20,000 cookies.",
        "For too many cookies the first 20,000 are still rendered; otherwise nothing is.",
        example="a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
    ),
    Subtype(
        "schema",
        "A value does not fit the declaration format: a required field is missing, a field "
        "is unknown (with a suggestion for a likely misspelling), or a value has the wrong "
        "type or form.",
        "The cookie, provider or category that holds it is left out; the rest of the "
        "declaration is used.",
        example="cookies:\n  - name: lang\n    provider: Example\n    category: preferences\n"
        "    purpose: Remembers the language.\n    party: fourth\n",
    ),
    Subtype(
        "reference",
        "A cookie refers to something that does not exist or is broken (a category that is "
        "neither a default one nor declared, or a provider or category declared with "
        "errors), the declaration names a preset that is not shipped (with the closest "
        "name), or a cookie or cookie:category role names a cookie or a category that "
        "no indexed charter shows.",
        "The cookie, or the unknown preset, is left out; the role is shown as plain text.",
        example="cookies:\n  - name: lang\n    provider: Example\n    category: necesary\n"
        "    purpose: Remembers the language.\n",
    ),
    Subtype(
        "duplicate",
        "Two cookies of a declaration have the same name, domain and storage; or two indexed "
        "rows (or tables) show the same cookie (or category), on one page or on two.",
        "For a declaration, the first cookie is kept and the later one left out. For rows, "
        "both are shown and links go to the first; give the second view the :no-index: "
        "option.",
        example="cookies:\n  - name: a\n    provider: Example\n    category: necessary\n"
        "    purpose: One.\n  - name: a\n    provider: Example\n    category: necessary\n"
        "    purpose: Two.\n",
    ),
    Subtype(
        "language",
        "The build's language (Sphinx's language setting) has no translation of the "
        "charter's own wording, neither itself nor its base language. Given once per "
        "build, when a page shows a charter.",
        "The default texts are written in English and marked as English in the output; "
        "texts the declaration gives in the build language are still used. The message "
        "points at the guide to adding a language.",
        message="the charter's wording has no translation for the language 'xx': its "
        "default texts are in English; to add one, see "
        "https://sphinx-cookiecharter.readthedocs.io/en/latest/contributing/translations.html",
    ),
    Subtype(
        "audit",
        "With cookiecharter_audit set, after an HTML build: a page written loads a "
        "well-known tracker (Google Analytics or Tag Manager, Matomo, Plausible, Hotjar, the "
        "Meta pixel and the others of the audit's tracker list) and no declaration shown in "
        "the build has an entry of its provider; or, when the browser audit is asked for, a "
        "finding of error or warning severity (something stored but not declared, set "
        "before consent or after a refusal, a storage, party or duration other than "
        "declared), at the declaration's line; or the browser audit cannot run.",
        "The output is left as written; informational findings (a declared cookie not "
        "seen) are logged, not warned.",
        message="this page and 3 others load Google Analytics "
        "(https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX); it writes cookies such as "
        "_ga, _ga_*, _gid, and no declaration shown in this build has an entry of its "
        "provider: declare them, or add 'google-analytics' to cookiecharter_audit['ignore']",
    ),
    Subtype(
        "config",
        "A configuration value has the wrong type or holds an unknown name.",
        "The value, or the unknown name, is ignored.",
        message="unknown name in cookiecharter_sections: 'nope' (expected one of intro, "
        "what, kinds, usage, manage, updated, changes)",
    ),
    Subtype(
        "publish",
        "A file that cookiecharter_publish asks for cannot be written in the output folder.",
        "That file is not written; the build goes on.",
        message="_build/html/_static/cookiecharter/cookies.json cannot be written: "
        "Permission denied",
    ),
    Subtype(
        "option",
        "A directive option holds an unknown name, or a directive has both an argument and a body.",
        "The unknown name is dropped; the body is ignored.",
        message="unknown name in :columns: 'flavour' (expected one of provider, service, "
        "name, purpose, duration, party, storage, domain, consent, country)",
    ),
)


def warn(message: str, subtype: str, location: Any) -> None:
    """Give a warning ``cookiecharter.<subtype>`` at ``location``."""
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


def report(diagnostic: Diagnostic, fallback: Any) -> None:
    """Give a declaration's problem as a warning at its file and line, or, when it has
    no line (a missing file), at ``fallback`` with the file named in the message."""
    if diagnostic.line is not None:
        warn(diagnostic.description, diagnostic.kind, f"{diagnostic.source}:{diagnostic.line}")
    else:
        warn(f"{diagnostic.source}: {diagnostic.description}", diagnostic.kind, fallback)


def report_finding(finding: Finding) -> None:
    """Give a lint finding at its file and line: a warning ``cookiecharter-lint.<rule>``
    for an error or a warning, a logged message for an ``info`` one."""
    location = f"{finding.file}:{finding.line}"
    message = f"{finding.rule}: {finding.message}"
    if finding.severity == "info":
        logger.info(message, location=location)
    else:
        logger.warning(message, location=location, type=LINT_WARNING_TYPE, subtype=finding.rule)
