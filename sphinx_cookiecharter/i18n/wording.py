"""The charter's default wording in one language, from the extension's gettext catalogs.

A :class:`Wording` is made for a language code and returns every default text in that
language, or in the nearest one that has a catalog (its base language, then English).
Paragraph templates hold ``{placeholders}`` that the renderer fills with nodes (links,
dates, names), so a translation can move them where its grammar wants them.

Each message is a whole sentence (or a few), shown only when the declaration supports
it: the renderer picks the message, the conditions and the legal source of each one
are listed in :mod:`sphinx_cookiecharter.render.statements`. The English is British
English (``recognise``, ``colour``); dates and lists are formatted to match
(:mod:`.formatting`).
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import TYPE_CHECKING, Literal

from . import CATALOG, LOCALES
from .formatting import format_amounts, text_direction
from .languages import DEFAULT, base, fallbacks

if TYPE_CHECKING:
    from ..core.model import Duration


#: Languages written without spaces between words: their sentences follow one another
#: with nothing between them and end with an ideographic full stop (Japanese, Chinese).
#: The CLDR has no datum for this, so it is listed here.
UNSPACED = frozenset({"ja", "zh"})


@cache
def catalog_languages() -> frozenset[str]:
    """The languages the extension has a compiled catalog for, English included."""
    found = {path.parent.parent.name for path in LOCALES.glob(f"*/LC_MESSAGES/{CATALOG}.mo")}
    return frozenset({DEFAULT, *found})


def wording_language(language: str | None) -> str:
    """The language the extension writes in for ``language``: the first of its
    :func:`~.languages.fallbacks` with a catalog (itself, the code it is an alias of,
    ``zh_CN`` for ``zh_Hans``, its base language), else English.

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
        unspaced = base(self.language) in UNSPACED
        #: What stands between two sentences of a paragraph.
        self.sentence_space = "" if unspaced else " "
        #: What ends a sentence the renderer closes itself (after a declared title).
        self.full_stop = "\N{IDEOGRAPHIC FULL STOP}" if unspaced else "."
        #: Which way the wording is written (``rtl`` for Hebrew).
        self.direction = text_direction(self.language)

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

    # --- headings ----------------------------------------------------------------------

    def heading(self, section: str, *, has_site: bool, needs_consent: bool = True) -> str:
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
                    # Translators: a heading; {site} is the site's name or address.
                    self._("Cookies set on {site} and their purposes")
                    if has_site
                    else self._("Cookies set on this site and their purposes")
                )
            case "manage" if needs_consent:
                return self._("Accepting or refusing cookies")
            case "manage":
                # Translators: the heading of the section on choices when no cookie of
                # the site needs consent (only blocking or deleting is left).
                return self._("Blocking or deleting cookies")
            case "updated":
                return self._("Last update")
            case "changes":
                return self._("Changes to this charter")
        raise KeyError(section)

    # --- intro: why the site stores anything --------------------------------------------

    def intro(
        self, consent: Literal["mixed", "required", "exempt", "none"], *, has_site: bool
    ) -> str:
        """The first sentence: whether the site stores anything, and whether that needs
        consent (``mixed``: some do, some do not)."""
        if has_site:
            match consent:
                case "mixed":
                    # Translators: {site} is the site's name or address.
                    return self._(
                        "{site} stores some information on your device. Part of it needs no "
                        "consent under the law; the rest is only stored once you have agreed "
                        "to it."
                    )
                case "required":
                    return self._(
                        "{site} stores some information on your device, but only once you "
                        "have agreed to it."
                    )
                case "exempt":
                    return self._(
                        "{site} stores some information on your device, all of it of a kind "
                        "the law allows without asking for your consent."
                    )
                case "none":
                    return self._(
                        "{site} does not store anything on your device: no cookie and no "
                        "similar technology."
                    )
        match consent:
            case "mixed":
                return self._(
                    "This site stores some information on your device. Part of it needs no "
                    "consent under the law; the rest is only stored once you have agreed to it."
                )
            case "required":
                return self._(
                    "This site stores some information on your device, but only once you "
                    "have agreed to it."
                )
            case "exempt":
                return self._(
                    "This site stores some information on your device, all of it of a kind "
                    "the law allows without asking for your consent."
                )
        return self._(
            "This site does not store anything on your device: no cookie and no similar technology."
        )

    def intro_guide(self, *, needs_consent: bool) -> str:
        """What the page explains, ending with how to accept or refuse, or how to block."""
        if needs_consent:
            return self._(
                "This page explains what cookies and similar technologies are, lists those "
                "the site uses with who sets them and why, and says how to accept or refuse "
                "them."
            )
        return self._(
            "This page explains what cookies and similar technologies are, lists those the "
            "site uses with who sets them and why, and says how to block or delete them."
        )

    # --- what: cookies and the other technologies ---------------------------------------

    def what(self) -> list[str]:
        """How a cookie works and what cookies are used for, in general."""
        return [
            self._(
                "Each time your browser asks a website for a page, the site may answer with "
                "a cookie: a short value with a name, for your browser to keep. From then "
                "on, until the cookie expires or you delete it, your browser adds it to "
                "every request it makes to that site, which can thus recognise your "
                "browser from one page to the next."
            ),
            self._(
                "Depending on what they hold, cookies keep you signed in, remember a "
                "setting such as your language or, for some of them, follow your visits to "
                "count them or to choose which advertising to show."
            ),
        ]

    def what_other(self, *, with_cookies: bool) -> str:
        """The other technologies in use, with ``{kinds}`` (a list of :meth:`kind_name`)."""
        if with_cookies:
            # Translators: {kinds} is a list such as "the browser's local storage and
            # tracking pixels (...)", built from the messages of each kind.
            return self._(
                "Besides cookies, this site uses {kinds}. These store or read information "
                "on your device too and fall under the same rules, so this page lists them "
                "alongside the cookies."
            )
        return self._(
            "This site sets no cookies as such, but it uses {kinds}. These store or read "
            "information on your device in the same way and fall under the same rules, so "
            "this page lists them."
        )

    def kind_name(self, storage: str) -> str:
        """A kind of storage as named in running text, for :meth:`what_other`."""
        match storage:
            # Translators: items of the list {kinds}, in running text.
            case "local-storage":
                return self._("the browser's local storage")
            case "session-storage":
                return self._("the browser's session storage (emptied when the tab closes)")
            case "indexeddb":
                return self._("IndexedDB databases in the browser")
            case "pixel":
                return self._("tracking pixels (tiny images that tell a server you opened a page)")
        raise KeyError(storage)

    # --- kinds: categories and parties ---------------------------------------------------

    def kinds_lead(self) -> str:
        """The sentence before the list of kinds."""
        return self._("Cookies differ in what they are used for and in who sets them.")

    def kind(self, name: str) -> str:
        """What a default category is for, or what ``first`` and ``third`` party mean.

        None of these says whether consent is needed: :meth:`category_consent` does,
        from the declaration.
        """
        match name:
            case "necessary":
                return self._(
                    "Necessary cookies are those without which the site cannot work: they keep "
                    "a session open from one page to the next, protect forms against forged "
                    "requests, or remember the choices you made about cookies."
                )
            case "preferences":
                return self._(
                    "Preference cookies remember settings that change how the site looks or "
                    "behaves for you, such as the language or a light or dark theme."
                )
            case "statistics":
                return self._(
                    "Statistics cookies measure how the site is used: which pages are read and "
                    "how visitors move from one to another."
                )
            case "marketing":
                return self._(
                    "Marketing cookies follow your browsing, often from one site to another, to "
                    "show advertising or measure its effect."
                )
            case "first":
                return self._(
                    "First-party cookies are stored under the address of the site you are "
                    "visiting, and your browser sends them back to that site only."
                )
            case "third":
                return self._(
                    "Third-party cookies are stored under the address of another "
                    "organisation whose service the page loads, such as a video player, a map, "
                    "or a measurement or advertising script. Your browser sends them back to "
                    "that organisation whenever a page uses its service, on this site or on "
                    "any other, which lets it recognise your browser from one site to the next."
                )
        raise KeyError(name)

    def category_consent(
        self, consent: Literal["required", "exempt", "necessary", "mixed"], exempt: int = 0
    ) -> str:
        """Whether the cookies of one category need consent, as declared.

        ``necessary``: all exempt, in the necessary category; ``mixed``: the ``exempt``
        cookies named in ``{names}`` need none, the others do.
        """
        match consent:
            case "required":
                return self._("These cookies are only set once you have agreed to them.")
            case "necessary":
                return self._(
                    "These cookies need no consent: the site could not provide what you ask "
                    "for without them."
                )
            case "exempt":
                return self._("The site sets these cookies without asking for your consent.")
        # Translators: {names} is a list of cookie names.
        return self.ngettext(
            "{names} is set without asking for your consent; the others only once you have "
            "agreed to them.",
            "{names} are set without asking for your consent; the others only once you "
            "have agreed to them.",
            exempt,
        )

    def statistics_exemption(self) -> str:
        """The conditions of the audience-measurement exemption (CNIL 2020-091 art. 5)."""
        return self._(
            "Audience measurement can only be exempt from consent when it serves the site's "
            "own statistics alone, produces anonymous figures only, is neither combined with "
            "other data nor passed on, and does not follow you across sites."
        )

    # --- usage: the tables and who is behind them ----------------------------------------

    def usage_lead(
        self, count: int, kinds: Literal["cookies", "mixed", "other"], *, has_site: bool
    ) -> str:
        """The sentence before the tables, with ``{count}`` and maybe ``{site}``.

        ``cookies``: every item is a cookie; ``mixed``: cookies and other kinds;
        ``other``: none is a cookie.
        """
        if has_site:
            match kinds:
                case "cookies":
                    # Translators: {count} is a number, {site} the site's name or address.
                    return self.ngettext(
                        "The cookie used on {site} is listed below.",
                        "The {count} cookies used on {site} are listed below.",
                        count,
                    )
                case "mixed":
                    return self.ngettext(
                        "The cookie or similar technology used on {site} is listed below.",
                        "The {count} cookies and similar technologies used on {site} are "
                        "listed below.",
                        count,
                    )
                case "other":
                    return self.ngettext(
                        "{site} sets no cookies; the item it stores or reads on your device "
                        "by other means is listed below.",
                        "{site} sets no cookies; the {count} items it stores or reads on your "
                        "device by other means are listed below.",
                        count,
                    )
        match kinds:
            case "cookies":
                return self.ngettext(
                    "The cookie used on this site is listed below.",
                    "The {count} cookies used on this site are listed below.",
                    count,
                )
            case "mixed":
                return self.ngettext(
                    "The cookie or similar technology used on this site is listed below.",
                    "The {count} cookies and similar technologies used on this site are listed "
                    "below.",
                    count,
                )
        return self.ngettext(
            "This site sets no cookies; the item it stores or reads on your device by other "
            "means is listed below.",
            "This site sets no cookies; the {count} items it stores or reads on your device "
            "by other means are listed below.",
            count,
        )

    def no_cookies(self, *, has_site: bool) -> str:
        """What the usage section says when nothing is declared."""
        if has_site:
            return self._("{site} sets no cookies and uses no similar trackers.")
        return self._("This site sets no cookies and uses no similar trackers.")

    def exemption(self) -> str:
        """Why one cookie needs no consent, with ``{name}`` and the declared ``{exemption}``."""
        # Translators: {name} is a cookie's name, {exemption} the reason the site gives.
        return self._("{name} is exempt from consent: {exemption}.")

    def third_parties(self) -> str:
        """The sentence naming third parties, with ``{providers}`` (a list)."""
        # Translators: {providers} is a list of organisations' names.
        return self._("Some of them are set by other organisations: {providers}.")

    def third_party_policies(self) -> str:
        """Said when at least one third party's name links to its privacy policy."""
        return self._("A linked name leads to that organisation's privacy policy.")

    def role(self, role: str, count: int) -> str:
        """What providers do with the data, with ``{providers}`` (a list of ``count``)."""
        match role:
            case "processor":
                # Translators: {providers} is a list of organisations' names; the legal
                # term in brackets is the GDPR's (art. 28).
                return self.ngettext(
                    "{providers} acts only on the site's behalf and instructions (as a processor).",
                    "{providers} act only on the site's behalf and instructions (as processors).",
                    count,
                )
            case "joint-controller":
                # Translators: the GDPR's term (art. 26).
                return self.ngettext(
                    "{providers} decides together with the site what the data is used for "
                    "(as a joint controller).",
                    "{providers} decide together with the site what the data is used for (as "
                    "joint controllers).",
                    count,
                )
            case "controller":
                # Translators: the GDPR's term (art. 4(7)).
                return self.ngettext(
                    "{providers} also uses the data for its own purposes, under its own "
                    "privacy policy (as a controller).",
                    "{providers} also use the data for their own purposes, under their own "
                    "privacy policies (as controllers).",
                    count,
                )
        raise KeyError(role)

    def transfer(self, *, has_safeguard: bool) -> str:
        """A provider outside the EEA, with ``{provider}``, ``{country}`` and maybe
        ``{safeguard}``."""
        if has_safeguard:
            # Translators: {provider} is an organisation, {country} a country's name,
            # {safeguard} the framework the site declares (such as an adequacy decision).
            return self._(
                "{provider} is established in {country}, outside the European Economic "
                "Area; data sent to it is protected by: {safeguard}."
            )
        return self._("{provider} is established in {country}, outside the European Economic Area.")

    # --- manage: consent, refusal, the browser, the controller ---------------------------

    def consent_first(self) -> str:
        """Cookies that need consent wait for it."""
        return self._("Cookies that need your consent are only set once you have agreed to them.")

    def exempt_at_once(self) -> str:
        """Said after :meth:`consent_first` when some cookies need no consent."""
        return self._("Those that need none are set as soon as you arrive.")

    def change_choice(self) -> str:
        """Where to give, refuse or withdraw consent, with the ``{manage}`` link."""
        # Translators: {manage} is a link whose words are "the cookie settings".
        return self._("You can give, refuse or withdraw your consent at any time from {manage}.")

    def manage_link(self) -> str:
        """The words of the link to the site's cookie settings."""
        return self._("the cookie settings")

    def granular(self) -> str:
        """Said when the consent tool lets each category be chosen on its own."""
        return self._("You can accept or refuse each category of cookies on its own.")

    def refusal(self) -> str:
        """What refusing changes, and nothing more."""
        return self._(
            "If you refuse, none of the cookies that need your consent is set, and whatever "
            "depends on them stays off."
        )

    def choice_kept(self, kind: Literal["fixed", "session", "persistent", "text"]) -> str:
        """How long a choice is remembered; ``{duration}`` for ``fixed`` and ``text``."""
        match kind:
            case "fixed":
                # Translators: {duration} is an amount of time, such as "6 months".
                return self._(
                    "Your choice, whether you accept or refuse, is remembered for {duration}; "
                    "after that, the site asks you again."
                )
            case "session":
                return self._(
                    "Your choice, whether you accept or refuse, is remembered until you close "
                    "your browser; the site asks you again on your next visit."
                )
            case "persistent":
                return self._(
                    "Your choice, whether you accept or refuse, is remembered until you clear "
                    "your browser's data."
                )
        # Translators: {duration} is the site's own words, such as "until you change it".
        return self._(
            "How long your choice, whether you accept or refuse, is remembered: {duration}."
        )

    def no_consent_needed(self) -> str:
        """Said when cookies are declared and none needs consent."""
        return self._(
            "None of the cookies this site uses needs your consent, so it does not ask for it."
        )

    def browser(self) -> str:
        """Blocking or deleting from the browser, always possible."""
        return self._(
            "You can also block or delete cookies and other site data in your browser's settings."
        )

    def browser_necessary(self) -> str:
        """Said after :meth:`browser` when necessary cookies are in use."""
        return self._("Blocking the necessary ones may stop parts of the site from working.")

    def controller(self) -> str:
        """Who is responsible, with ``{controller}``: its grammar holds for any name."""
        # Translators: {controller} is a person's or an organisation's name, singular or
        # plural ("The Example Project maintainers"): keep it out of the verb's agreement.
        return self._("The data controller for this site and its cookies is {controller}.")

    def contact(self) -> str:
        """How to reach the controller, with ``{contact}`` (an e-mail address or a URL)."""
        return self._("For any question about these cookies or your data, contact {contact}.")

    def privacy_policy(self) -> str:
        """Where rights and complaints are explained, with the ``{privacy_policy}`` link."""
        # Translators: {privacy_policy} is a link whose words are "the site's privacy
        # policy".
        return self._(
            "Your rights over your data, including the right to lodge a complaint with a data "
            "protection authority, are set out in {privacy_policy}."
        )

    def privacy_policy_link(self) -> str:
        """The words of the link to the site's privacy policy."""
        return self._("the site's privacy policy")

    def updated(self) -> str:
        """The last-updated sentence, with ``{date}``."""
        # Translators: {date} is a full date, such as "28 November 2026".
        return self._("This charter was last updated on {date}.")

    def change_cookies(self, count: int) -> str:
        """After a change's description: the cookies it concerns, with ``{cookies}``."""
        return self.ngettext("Cookie concerned: {cookies}.", "Cookies concerned: {cookies}.", count)

    # --- tables ------------------------------------------------------------------------

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
                # Translators: how long a cookie lives on the device ("durée de vie"), not
                # how long data is kept.
                return self._("Duration")
            case "party":
                return self._("Set by")
            case "storage":
                return self._("Storage")
            case "domain":
                return self._("Domain")
            case "consent":
                return self._("Consent")
            case "country":
                # Translators: where the provider of a cookie is established.
                return self._("Provider's country")
        raise KeyError(column)

    def party(self, value: str) -> str:
        """``first`` or ``third``, as the party column shows it."""
        # Translators: who sets a cookie, in the "Set by" column.
        return self._("This site") if value == "first" else self._("A third party")

    def consent_cell(self, *, required: bool) -> str:
        """The consent column: consent needed, or exempt (the reason follows, if given)."""
        if required:
            # Translators: in the "Consent" column.
            return self._("Needs your consent")
        return self._("Exempt from consent")

    def outside_eea(self) -> str:
        """Said in the country column for a country outside the EEA."""
        # Translators: in the "Provider's country" column, after the country's name.
        return self._("Outside the European Economic Area")

    def safeguard_cell(self) -> str:
        """The transfer's safeguard in the country column, with ``{safeguard}``."""
        # Translators: {safeguard} is the framework the site declares for the transfer.
        return self._("Safeguard: {safeguard}")

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

    def not_given(self) -> str:
        """What an empty cell says to a screen reader (it shows a dash)."""
        # Translators: read out for an empty table cell (a value the declaration leaves out).
        return self._("not given")

    def session_duration(self) -> str:
        """A cookie deleted when the browser closes."""
        # Translators: the lifetime of a session cookie ("Duration" column).
        return self._("Until the browser is closed")

    def persistent_duration(self) -> str:
        """A value kept until the visitor clears it."""
        # Translators: the lifetime of a value kept until the visitor clears it
        # ("Duration" column).
        return self._("Until you clear your browser's data")
