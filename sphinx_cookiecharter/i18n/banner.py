"""The words of a consent banner made from a declaration, in one language.

The banner exports (:mod:`sphinx_cookiecharter.export`) write these into the
configuration of cookieconsent or Klaro, next to the charter's own wording (category
titles and descriptions, column headers). They come from the extension's catalog, as
the charter's do, so a banner reads like the charter it links to. ``{charter}`` stands
for the link to the charter page, which each banner writes its own way.
"""

from __future__ import annotations

from functools import cache

from .wording import wording


@cache
def banner_wording(language: str | None) -> BannerWording:
    """The (shared) banner wording for a language code."""
    return BannerWording(language)


class BannerWording:
    """Every text a consent banner shows besides the charter's own wording.

    :param language: any language code; :attr:`language` is the one the texts are
        really written in (its base language, or English, when there is no catalog).
    """

    def __init__(self, language: str | None) -> None:
        charter = wording(language)
        self.language = charter.language
        self._ = charter.translations.gettext
        self.ngettext = charter.translations.ngettext

    def notice_title(self) -> str:
        """The title of the first notice a visitor sees."""
        # Translators: the consent banner's title.
        return self._("Cookies on this site")

    def notice(self, *, exempt_beyond_necessary: bool = False) -> str:
        """What the first notice says, with ``{charter}``.

        :param exempt_beyond_necessary: some cookies outside the necessary category need
            no consent either (audience measurement the law exempts, a preference): the
            notice does not say that every other cookie waits for the visitor's choice.
            The exemptions are those of the ePrivacy Directive 2002/58/EC, art. 5(3),
            second sentence, as the site's regulator reads it (CNIL délib. 2020-091,
            art. 5, for audience measurement).
        """
        if exempt_beyond_necessary:
            # Translators: the consent banner's notice, when some cookies besides the
            # necessary ones are exempt from consent (such as exempt audience
            # measurement); {charter} is the link to the cookie charter.
            return self._(
                "This site sets the cookies it needs to work and those the law exempts "
                "from consent. It sets the others only if you accept them, and you can "
                "change your choice at any time. The {charter} lists every cookie, who "
                "sets it and why."
            )
        return self._(
            "This site sets the cookies it needs to work. It sets the others only if you "
            "accept them, and you can change your choice at any time. The {charter} lists "
            "every cookie, who sets it and why."
        )

    def accept_all(self) -> str:
        """The button that accepts every category."""
        # Translators: a button of the consent banner.
        return self._("Accept all")

    def refuse_all(self) -> str:
        """The button that refuses every category that needs consent."""
        # Translators: a button of the consent banner.
        return self._("Refuse all")

    def choose(self) -> str:
        """The button that opens the choice category by category."""
        # Translators: a button of the consent banner.
        return self._("Choose by category")

    def save(self) -> str:
        """The button that saves the categories chosen."""
        # Translators: a button of the consent banner.
        return self._("Save my choices")

    def close(self) -> str:
        """The label of the button that closes the settings."""
        # Translators: a button of the consent banner.
        return self._("Close")

    def settings_title(self) -> str:
        """The title of the settings, where categories are chosen one by one."""
        return self._("Cookie settings")

    def settings(self) -> str:
        """The paragraph at the top of the settings."""
        return self._(
            "Choose which kinds of cookies this site may set. Necessary cookies are always "
            "on: the site cannot work without them."
        )

    def more_title(self) -> str:
        """The heading of the last part of the settings."""
        return self._("More information")

    def more(self) -> str:
        """The last part of the settings, with ``{charter}``."""
        return self._(
            "Who sets each cookie of this site, why and for how long is written in the {charter}."
        )

    def charter_link(self) -> str:
        """The words of the link to the charter page."""
        # Translators: the words of the banner's link to the charter page, in the
        # middle of a sentence ("The {charter} lists every cookie...").
        return self._("cookie charter")

    def services(self) -> str:
        """The label after the count of services: one form, ``|``, the other.

        cookieconsent shows the first form for one service and the second for any more.
        Where the language needs other forms for larger counts (``2 usługi`` but
        ``5 usług`` in Polish), the label is left empty and the banner shows the number
        alone, which is right in every language.
        """
        # Translators: after a number of services in the banner's settings ("2 services").
        one = self.ngettext("service", "services", 1)
        larger = {self.ngettext("service", "services", count) for count in range(2, 200)}
        if len(larger) > 1:
            return ""
        (many,) = larger
        return one if one == many else f"{one}|{many}"
