"""Profiles: the regulator whose published thresholds the lint applies.

``eu`` (the default) applies what EU law and the EDPB publish; ``fr`` adds the CNIL's
figures (13 months, 25 months, 6 months); ``uk`` applies PECR as the Data (Use and
Access) Act 2025 changed it. Rules that hold everywhere run in every profile; the
others name the profiles they run in, and the thresholds they use are here.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The European Economic Area: the EU's 27 member states, Iceland, Liechtenstein and
#: Norway (ISO 3166-1 alpha-2). Data sent there from the EU is no transfer under GDPR
#: chapter V.
EEA: frozenset[str] = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    "IS", "LI", "NO",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Profile:
    """One regulator's reading, as thresholds the rules use.

    :param home: countries a provider may be in without a transfer to state.
    :param home_name: how the messages name that area.
    :param max_lifetime_months: past this, a cookie's lifetime is reported as long.
    """

    name: str
    title: str
    summary: str
    home: frozenset[str]
    home_name: str
    max_lifetime_months: int = 24


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(
            "eu",
            "European Union",
            "What the ePrivacy Directive, the GDPR, the Court of Justice and the EDPB "
            "publish. EU law sets no figure for a cookie's lifetime or for how long a "
            "choice is kept, so only lifetimes over two years are reported, and audience "
            "measurement is not taken as exempt.",
            EEA,
            "the European Economic Area",
        ),
        Profile(
            "fr",
            "France (CNIL)",
            "The eu rules, with the CNIL's figures: 13 months for a cookie that needs "
            "consent and for exempt audience measurement, 25 months for the data that "
            "measurement keeps, 6 months for a visitor's choice; audience measurement may "
            "be exempt under the CNIL's conditions.",
            EEA,
            "the European Economic Area",
            max_lifetime_months=13,
        ),
        Profile(
            "uk",
            "United Kingdom (ICO)",
            "PECR as amended by the Data (Use and Access) Act 2025: statistics and "
            "appearance cookies may be exempt if visitors are told and can object; "
            "transfers are counted from the United Kingdom.",
            frozenset({"GB"}),
            "the United Kingdom",
        ),
    )
}

DEFAULT_PROFILE = "eu"
