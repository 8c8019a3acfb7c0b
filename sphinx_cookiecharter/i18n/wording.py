"""The charter's default wording in one language, from the extension's gettext catalogs.

A :class:`Wording` is made for a language code and returns every default text in that
language, or in the nearest one that has a catalog (its base language, then English).
Paragraph templates hold ``{placeholders}`` that the renderer fills with nodes (links,
dates, names), so a translation can move them where its grammar wants them.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .formatting import format_amounts
from .languages import DEFAULT, fallbacks

if TYPE_CHECKING:
    from ..core.model import Duration

#: The catalog's name: ``locales/<lang>/LC_MESSAGES/sphinx_cookiecharter.mo``.
CATALOG = "sphinx_cookiecharter"
#: Where the compiled catalogs are.
LOCALES = Path(__file__).resolve().parent / "locales"


@cache
def catalog_languages() -> frozenset[str]:
    """The languages the extension has a compiled catalog for, English included."""
    found = {path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{CATALOG}.mo")}
    return frozenset({DEFAULT, *found})


def wording_language(language: str | None) -> str:
    """The language the extension writes in for ``language``: itself, its base
    language, or English when the extension has no catalog for either.

    Dates and durations are formatted in this language too, so that a sentence never
    mixes two languages.
    """
    available = catalog_languages()
    return next(code for code in fallbacks(language) if code in available)


@cache
def wording(language: str | None) -> Wording:
    """The (shared) wording for a language code."""
    return Wording(language)


class Wording:
    """Every default text of the charter in one language.

    :param language: any language code (``fr``, ``pt-BR``...); :attr:`language` is the
        one the texts are really written in.
    """

    def __init__(self, language: str | None) -> None:
        self.language = wording_language(language)
        self.translations: gettext.NullTranslations = gettext.translation(
            CATALOG, LOCALES, languages=[self.language], fallback=True
        )
        self._ = self.translations.gettext
        self.ngettext = self.translations.ngettext

    def duration(self, duration: Duration) -> str:
        """A lifetime in words: a session, until cleared, or amounts (``13 mois``).

        A duration given as free text is picked from its language mapping by the
        renderer, which knows the build language; here it is its first text.
        """
        if duration.kind == "text":
            return str(duration)
        if duration.kind == "session":
            return self.session_duration()
        if duration.kind == "persistent":
            return self.persistent_duration()
        return format_amounts(duration.parts, self.language)

    def heading(self, section: str, *, has_site: bool) -> str:
        """The heading of a section of the explanatory text."""
        match section:
            case "intro":
                return self._("About cookies on this site")
            case "what":
                return self._("What is a cookie?")
            case "kinds":
                return self._("Kinds of cookies")
            case "usage":
                return (
                    self._("What cookies are used for on {site}")
                    if has_site
                    else self._("What cookies are used for on this site")
                )
            case "manage":
                return self._("Accepting or refusing cookies")
            case "updated":
                return self._("Last update")
        raise KeyError(section)

    def intro(self, *, has_site: bool) -> list[str]:
        """Why the site uses cookies."""
        if has_site:
            first = self._(
                "{site} uses cookies and similar trackers so that it works properly and, "
                "only when you agree, for the other purposes listed on this page."
            )
        else:
            first = self._(
                "This site uses cookies and similar trackers so that it works properly and, "
                "only when you agree, for the other purposes listed on this page."
            )
        return [
            first,
            self._(
                "This charter explains what cookies are, which ones the site sets, who sets "
                "them and why, and how you can accept or refuse them."
            ),
        ]

    def what(self) -> list[str]:
        """What a cookie and other trackers are."""
        return [
            self._(
                "A cookie is a small piece of text, identified by a name, that a website asks "
                "your browser to keep. The browser stores it on your device for a given time "
                "and sends it back to the site each time you return."
            ),
            self._(
                "Cookies let a site recognise your browser from one page or one visit to the "
                "next: to keep you signed in, remember your language or the contents of a "
                "form, or, for some of them, follow your browsing to count visits or to show "
                "advertising."
            ),
            self._(
                "Other techniques store or read information on your device in the same way and "
                "follow the same rules: the browser's local storage and session storage, "
                "IndexedDB databases, and tracking pixels, tiny images loaded from another "
                "server. This charter covers all of them and calls them cookies."
            ),
        ]

    def kind(self, name: str) -> str:
        """One paragraph on a kind of cookie: a default category, ``first`` or ``third`` party."""
        match name:
            case "necessary":
                return self._(
                    "Necessary cookies are those without which the site cannot work: they keep "
                    "a session open from one page to the next, protect forms against forged "
                    "requests, or remember the choices you made about cookies. The law does not "
                    "require your consent for them."
                )
            case "preferences":
                return self._(
                    "Preference cookies remember settings that change how the site looks or "
                    "behaves for you, such as the language or a light or dark theme."
                )
            case "statistics":
                return self._(
                    "Statistics cookies measure how the site is used: which pages are read and "
                    "how visitors move from one to another. When they only produce anonymous "
                    "figures for the site itself, they may be set without consent; otherwise "
                    "the site asks for yours first."
                )
            case "marketing":
                return self._(
                    "Marketing cookies follow your browsing, often from one site to another, to "
                    "show advertising or measure its effect. They are only ever set with your "
                    "consent."
                )
            case "first":
                return self._(
                    "First-party cookies are set by the site you are visiting. Apart from "
                    "necessary cookies, a site may also use them to collect personal data or "
                    "follow what you do, for example for advertising; these uses need your "
                    "consent."
                )
            case "third":
                return self._(
                    "Third-party cookies are set by another site than the one you are visiting, "
                    "or on its behalf, often through a service embedded in the page. They let "
                    "that other site recognise your browser on every site that uses the same "
                    "service and gather information about the pages you visit."
                )
        raise KeyError(name)

    def kinds_lead(self) -> str:
        """The sentence before the list of kinds."""
        return self._("Cookies differ in what they are used for and in who sets them.")

    def usage_lead(self, count: int, *, has_site: bool) -> str:
        """The sentence before the tables, with ``{count}`` and maybe ``{site}``."""
        if has_site:
            return self.ngettext(
                "The cookie used on {site} is listed below with its provider, the service it "
                "belongs to and its purpose.",
                "The {count} cookies used on {site} are listed below by category, each with "
                "its provider, the service it belongs to and its purpose.",
                count,
            )
        return self.ngettext(
            "The cookie used on this site is listed below with its provider, the service it "
            "belongs to and its purpose.",
            "The {count} cookies used on this site are listed below by category, each with "
            "its provider, the service it belongs to and its purpose.",
            count,
        )

    def no_cookies(self, *, has_site: bool) -> str:
        """What the usage section says when nothing is declared."""
        if has_site:
            return self._("{site} sets no cookies and uses no similar trackers.")
        return self._("This site sets no cookies and uses no similar trackers.")

    def third_parties(self) -> str:
        """The paragraph naming third parties, with ``{providers}``."""
        return self._(
            "Some of these cookies are set by third parties, whose own privacy policies "
            "apply: {providers}."
        )

    def manage(
        self,
        *,
        needs_consent: bool,
        has_link: bool,
        choice_kept: Literal["fixed", "session", "persistent", "text"] | None,
    ) -> list[str]:
        """How to accept, refuse or withdraw consent, and what refusing changes."""
        paragraphs = []
        if needs_consent:
            paragraphs.append(
                self._(
                    "Necessary cookies are set as soon as you visit the site. Every other "
                    "cookie is set only after you have agreed to it, and you can refuse any of "
                    "them as easily as you accept them."
                )
            )
            if has_link:
                paragraphs.append(
                    self._(
                        "You can give, refuse or withdraw your consent at any time, category by "
                        "category, from {manage}. Withdrawing your consent is as simple as "
                        "giving it."
                    )
                )
            else:
                paragraphs.append(
                    self._(
                        "You can give, refuse or withdraw your consent at any time, category by "
                        "category, from the cookie settings of the site."
                    )
                )
            paragraphs.append(
                self._(
                    "Refusing does not stop you from using the site: only the features that "
                    "rely on the refused cookies, such as audience measurement, are turned off."
                )
            )
            if choice_kept == "fixed":
                paragraphs.append(
                    self._(
                        "Your choice, whether you accept or refuse, is remembered for "
                        "{duration}; after that, the site asks you again."
                    )
                )
            elif choice_kept == "session":
                paragraphs.append(
                    self._(
                        "Your choice, whether you accept or refuse, is remembered until you "
                        "close your browser; the site asks you again on your next visit."
                    )
                )
            elif choice_kept == "text":
                paragraphs.append(
                    self._(
                        "How long your choice, whether you accept or refuse, is remembered: "
                        "{duration}."
                    )
                )
            elif choice_kept == "persistent":
                paragraphs.append(
                    self._(
                        "Your choice, whether you accept or refuse, is remembered until you "
                        "clear your browser's data."
                    )
                )
        else:
            paragraphs.append(
                self._(
                    "The site only sets cookies that need no consent, so it does not ask for yours."
                )
            )
        paragraphs.append(
            self._(
                "You can also block or delete cookies in your browser's settings. Blocking "
                "necessary cookies may stop parts of the site from working."
            )
        )
        return paragraphs

    def manage_link(self) -> str:
        """The words of the link to the site's cookie settings."""
        return self._("the cookie settings")

    def controller(self, *, has_name: bool, has_contact: bool) -> str | None:
        """Who is responsible for the site and how to reach them."""
        if has_name and has_contact:
            return self._(
                "{controller} is the data controller for this site and its cookies. For any "
                "question about them or about your data, contact {contact}."
            )
        if has_name:
            return self._("{controller} is the data controller for this site and its cookies.")
        if has_contact:
            return self._(
                "For any question about these cookies or about your data, contact {contact}."
            )
        return None

    def updated(self) -> str:
        """The last-updated sentence, with ``{date}``."""
        return self._("This charter was last updated on {date}.")

    def category_title(self, category: str) -> str:
        """The title of a default category, used as its table's caption."""
        match category:
            case "necessary":
                return self._("Necessary cookies")
            case "preferences":
                return self._("Preference cookies")
            case "statistics":
                return self._("Statistics cookies")
            case "marketing":
                return self._("Marketing cookies")
        raise KeyError(category)

    def column_header(self, column: str) -> str:
        """The header of a table column."""
        match column:
            # Translators: the column headers of the cookie tables.
            case "provider":
                return self._("Provider")
            case "service":
                return self._("Service and location")
            case "name":
                return self._("Cookie name")
            case "purpose":
                return self._("Purpose")
            case "duration":
                return self._("Duration")
            case "party":
                return self._("Set by")
            case "storage":
                return self._("Storage")
            case "domain":
                return self._("Domain")
        raise KeyError(column)

    def party(self, value: str) -> str:
        """``first`` or ``third``, as the party column shows it."""
        # Translators: who sets a cookie, in the "Set by" column.
        return self._("This site") if value == "first" else self._("A third party")

    def storage(self, value: str) -> str:
        """A storage kind, as the storage column shows it."""
        match value:
            # Translators: where a tracker is kept, in the "Storage" column.
            case "cookie":
                return self._("Cookie")
            case "local-storage":
                return self._("Local storage")
            case "session-storage":
                return self._("Session storage")
            case "indexeddb":
                return self._("IndexedDB")
            case "pixel":
                return self._("Pixel")
        raise KeyError(value)

    def session_duration(self) -> str:
        """A cookie deleted when the browser closes."""
        # Translators: the lifetime of a session cookie ("Duration" column).
        return self._("Until the browser is closed")

    def persistent_duration(self) -> str:
        """A value kept until the visitor clears it."""
        # Translators: the lifetime of a value kept until the visitor clears it
        # ("Duration" column).
        return self._("Until you clear your browser's data")
