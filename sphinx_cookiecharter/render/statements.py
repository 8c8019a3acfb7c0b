"""Every statement the default charter can make: when it is made, and what it rests on.

The renderer (:mod:`.charter`) says a statement only when its condition holds for the
declaration (see :mod:`.facts`), and records its id, so that tests can check which
statements a declaration gives rise to. The documentation's table "what the charter
says, and when" is generated from :data:`STATEMENTS`, with the English wording of each.

Sources are cited by instrument and article or paragraph; see the docs page "What a
cookie page must contain" for the texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..i18n.wording import Wording

# The sources, as cited: instrument and article, paragraph or section, checked against
# the texts (see the docs' "How the sources were checked" for how each one was, and the
# explanation "What a cookie page must contain" for what they say). A number that could
# not be confirmed is not given.
EPRIVACY = "ePrivacy Directive 2002/58/EC, art. 5(3)"
PECR = "UK PECR 2003, reg. 6 and sch. A1"
GDPR_7_3 = "GDPR art. 7(3)"
GDPR_13_1_A = "GDPR art. 13(1)(a)"
GDPR_13_1_C = "GDPR art. 13(1)(c)"
GDPR_13_1_E = "GDPR art. 13(1)(e)"
GDPR_13_1_F = "GDPR art. 13(1)(f) and 44 to 46"
GDPR_13_2_BD = "GDPR art. 13(2)(b) and (d)"
GDPR_13_2_C = "GDPR art. 13(2)(c)"
GDPR_ROLES = "GDPR art. 4(7), 26(2) and 28"
PLANET49_ACTIVE = "CJEU C-673/17 Planet49 (2019), operative part, point 1"
PLANET49_INFO = "CJEU C-673/17 Planet49 (2019), operative part, point 2"
CNIL_GUIDELINES_INFO = "CNIL délib. 2020-091 (guidelines), art. 2 (informed consent)"
CNIL_GUIDELINES_EXEMPT = "CNIL délib. 2020-091 (guidelines), art. 5"
CNIL_RECOMMENDATION_INFO = "CNIL délib. 2020-092 (recommendation), art. 2"
CNIL_RECOMMENDATION_CHOICE = (
    "CNIL délib. 2020-092 (recommendation), art. 2 (6 months: good practice; point not confirmed)"
)
CNIL_RECOMMENDATION_EXEMPT = "CNIL délib. 2020-092 (recommendation), art. 5"
EDPB_CONSENT_INFORMED = (
    "EDPB Guidelines 05/2020 on consent, section 3.3.1 (paragraphs not confirmed)"
)
EDPB_CONSENT_GRANULAR = (
    "EDPB Guidelines 05/2020 on consent, section 3.1.3 (paragraph not confirmed)"
)
EDPB_SCOPE = "EDPB Guidelines 2/2023 on the technical scope of art. 5(3), sections 2 and 3"


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing the charter may say.

    :param id: a stable id, ``section.name``.
    :param when: the condition, in words, for the documentation.
    :param sources: what the statement rests on, or what makes it required.
    :param says: the English wording, for the documentation.
    """

    id: str
    when: str
    sources: tuple[str, ...]
    says: Callable[[Wording], str]

    @property
    def section(self) -> str:
        return self.id.split(".", 1)[0]


STATEMENTS: tuple[Statement, ...] = (
    # --- intro ------------------------------------------------------------------------
    Statement(
        "intro.mixed",
        "Some cookies need consent and some are exempt.",
        (EPRIVACY, PECR),
        lambda w: w.intro("mixed", has_site=True),
    ),
    Statement(
        "intro.required",
        "Every cookie needs consent.",
        (EPRIVACY, PECR, PLANET49_ACTIVE),
        lambda w: w.intro("required", has_site=True),
    ),
    Statement(
        "intro.exempt",
        "Cookies are declared and none needs consent.",
        (EPRIVACY, CNIL_RECOMMENDATION_EXEMPT),
        lambda w: w.intro("exempt", has_site=True),
    ),
    Statement(
        "intro.none",
        "No cookie is declared.",
        (EPRIVACY,),
        lambda w: w.intro("none", has_site=True),
    ),
    Statement(
        "intro.guide-consent",
        "Some cookie needs consent.",
        (CNIL_RECOMMENDATION_INFO,),
        lambda w: w.intro_guide(needs_consent=True),
    ),
    Statement(
        "intro.guide-exempt",
        "Cookies are declared and none needs consent.",
        (CNIL_RECOMMENDATION_EXEMPT,),
        lambda w: w.intro_guide(needs_consent=False),
    ),
    # --- what -------------------------------------------------------------------------
    Statement(
        "what.cookie",
        "Always: how a cookie works and what cookies are used for, in general.",
        (EPRIVACY,),
        lambda w: " ".join(w.what()),
    ),
    Statement(
        "what.other",
        "Other kinds of storage (local or session storage, IndexedDB, pixels) are declared "
        "besides cookies; the kinds in use are named.",
        (EPRIVACY, EDPB_SCOPE),
        lambda w: w.what_other(with_cookies=True),
    ),
    Statement(
        "what.other-only",
        "Other kinds of storage are declared and no cookie; the kinds in use are named.",
        (EPRIVACY, EDPB_SCOPE),
        lambda w: w.what_other(with_cookies=False),
    ),
    # --- kinds ------------------------------------------------------------------------
    Statement(
        "kinds.lead",
        "At least two paragraphs of kinds follow (it announces their purposes, and whether "
        "third parties set the cookies).",
        (EPRIVACY, PLANET49_INFO),
        lambda w: w.kinds_lead(),
    ),
    Statement(
        "kinds.category",
        "For each category in use: the declaration's description, or the default one "
        "(what the category is for, never whether it needs consent).",
        (EPRIVACY, GDPR_13_1_C, CNIL_RECOMMENDATION_INFO),
        lambda w: w.kind("statistics"),
    ),
    Statement(
        "kinds.consent-required",
        "Every cookie of the category needs consent.",
        (EPRIVACY, PLANET49_ACTIVE),
        lambda w: w.category_consent("required"),
    ),
    Statement(
        "kinds.consent-necessary",
        "Every cookie of the necessary category is exempt.",
        (EPRIVACY, PECR),
        lambda w: w.category_consent("necessary"),
    ),
    Statement(
        "kinds.consent-exempt",
        "Every cookie of another category is exempt (the reason of each follows the tables).",
        (EPRIVACY, CNIL_RECOMMENDATION_EXEMPT),
        lambda w: w.category_consent("exempt"),
    ),
    Statement(
        "kinds.consent-mixed",
        "Some cookies of the category need consent and some do not; the exempt ones are named.",
        (EPRIVACY, CNIL_RECOMMENDATION_EXEMPT),
        lambda w: w.category_consent("mixed", 1).format(names="_pk_id.*"),
    ),
    Statement(
        "kinds.statistics-exemption",
        "A statistics cookie is exempt: the conditions of the exemption.",
        (CNIL_GUIDELINES_EXEMPT, CNIL_RECOMMENDATION_EXEMPT),
        lambda w: w.statistics_exemption(),
    ),
    Statement(
        "kinds.first-party",
        "A first-party cookie (storage: cookie) is declared.",
        (PLANET49_INFO,),
        lambda w: w.kind("first"),
    ),
    Statement(
        "kinds.third-party",
        "A third-party cookie or pixel is declared.",
        (PLANET49_INFO, GDPR_13_1_E),
        lambda w: w.kind("third"),
    ),
    # --- usage ------------------------------------------------------------------------
    Statement(
        "usage.lead-cookies",
        "The tables shown hold cookies only; the count is theirs.",
        (CNIL_RECOMMENDATION_INFO,),
        lambda w: w.usage_lead(2, "cookies", has_site=False),
    ),
    Statement(
        "usage.lead-mixed",
        "The tables shown hold cookies and other kinds of storage.",
        (CNIL_RECOMMENDATION_INFO, EDPB_SCOPE),
        lambda w: w.usage_lead(2, "mixed", has_site=False),
    ),
    Statement(
        "usage.lead-other",
        "The tables shown hold no cookie, only other kinds of storage.",
        (CNIL_RECOMMENDATION_INFO, EDPB_SCOPE),
        lambda w: w.usage_lead(2, "other", has_site=False),
    ),
    Statement(
        "usage.none",
        "No cookie is declared in the categories shown (the sources fix what counts as a "
        "similar tracker).",
        (EPRIVACY, EDPB_SCOPE),
        lambda w: w.no_cookies(has_site=False),
    ),
    Statement(
        "usage.exemption",
        "For each exempt cookie with a declared exemption, outside the necessary category, "
        "unless the consent column is shown.",
        (CNIL_GUIDELINES_EXEMPT, CNIL_RECOMMENDATION_EXEMPT),
        lambda w: w.exemption(),
    ),
    Statement(
        "usage.third-parties",
        "A third-party cookie is shown; its providers are named, linked to their privacy policies.",
        (GDPR_13_1_E, PLANET49_INFO, CNIL_GUIDELINES_INFO),
        lambda w: w.third_parties(),
    ),
    Statement(
        "usage.third-party-policies",
        "At least one of those providers declares a privacy policy.",
        (GDPR_13_1_E,),
        lambda w: w.third_party_policies(),
    ),
    Statement(
        "usage.role-processor",
        "A third-party provider declares role: processor.",
        (GDPR_ROLES, EDPB_CONSENT_INFORMED),
        lambda w: w.role("processor", 1),
    ),
    Statement(
        "usage.role-joint-controller",
        "A third-party provider declares role: joint-controller.",
        (GDPR_ROLES, EDPB_CONSENT_INFORMED),
        lambda w: w.role("joint-controller", 1),
    ),
    Statement(
        "usage.role-controller",
        "A third-party provider declares role: controller.",
        (GDPR_ROLES, EDPB_CONSENT_INFORMED),
        lambda w: w.role("controller", 1),
    ),
    Statement(
        "usage.transfer-safeguard",
        "A provider of a cookie shown is established outside the EEA and declares a safeguard.",
        (GDPR_13_1_F, EDPB_CONSENT_INFORMED),
        lambda w: w.transfer(has_safeguard=True),
    ),
    Statement(
        "usage.transfer",
        "A provider of a cookie shown is established outside the EEA and declares no safeguard.",
        (GDPR_13_1_F,),
        lambda w: w.transfer(has_safeguard=False),
    ),
    # --- manage -----------------------------------------------------------------------
    Statement(
        "manage.consent-first",
        "Some cookie needs consent.",
        (EPRIVACY, PLANET49_ACTIVE, PECR),
        lambda w: w.consent_first(),
    ),
    Statement(
        "manage.exempt-at-once",
        "Some cookie needs consent and some cookie is exempt.",
        (EPRIVACY,),
        lambda w: w.exempt_at_once(),
    ),
    Statement(
        "manage.change",
        "Some cookie needs consent and consent.manage_url is given; it is the link.",
        (GDPR_7_3, GDPR_13_2_C, CNIL_GUIDELINES_INFO),
        lambda w: w.change_choice(),
    ),
    Statement(
        "manage.granular",
        "Some cookie needs consent and consent.granular is true.",
        (EDPB_CONSENT_GRANULAR, CNIL_RECOMMENDATION_INFO),
        lambda w: w.granular(),
    ),
    Statement(
        "manage.refusal",
        "Some cookie needs consent: what refusing changes.",
        (CNIL_GUIDELINES_INFO, CNIL_RECOMMENDATION_INFO),
        lambda w: w.refusal(),
    ),
    Statement(
        "manage.choice-kept",
        "Some cookie needs consent and consent.duration is given (one wording each for a "
        "fixed duration, the session, until cleared, and free text).",
        (CNIL_RECOMMENDATION_CHOICE,),
        lambda w: w.choice_kept("fixed"),
    ),
    Statement(
        "manage.no-consent",
        "Cookies are declared and none needs consent.",
        (EPRIVACY, CNIL_RECOMMENDATION_EXEMPT),
        lambda w: w.no_consent_needed(),
    ),
    Statement(
        "manage.browser",
        "A cookie is declared.",
        (CNIL_RECOMMENDATION_INFO,),
        lambda w: w.browser(),
    ),
    Statement(
        "manage.browser-necessary",
        "A necessary cookie is declared.",
        (CNIL_RECOMMENDATION_INFO,),
        lambda w: w.browser_necessary(),
    ),
    Statement(
        "manage.controller",
        "controller.name is given.",
        (GDPR_13_1_A, CNIL_GUIDELINES_INFO, EDPB_CONSENT_INFORMED),
        lambda w: w.controller(),
    ),
    Statement(
        "manage.contact",
        "controller.contact is given.",
        (GDPR_13_1_A,),
        lambda w: w.contact(),
    ),
    Statement(
        "manage.privacy-policy",
        "controller.privacy_policy is given; it is the link.",
        (GDPR_13_2_BD,),
        lambda w: w.privacy_policy(),
    ),
    # --- updated ----------------------------------------------------------------------
    Statement(
        "updated.date",
        "updated is given (good practice, not a legal requirement: the WP29 transparency "
        "guidelines, WP260 rev.01, ask that changes to the information be told to the "
        "people concerned, which a date alone does not do; paragraph not confirmed).",
        (),
        lambda w: w.updated(),
    ),
    # --- changes ----------------------------------------------------------------------
    Statement(
        "changes.cookies",
        "An entry of changes names the cookies it concerns (good practice, not a legal "
        "requirement); the entries themselves are the declaration's own text.",
        (),
        lambda w: w.change_cookies(2),
    ),
)

#: The statements by id.
BY_ID: dict[str, Statement] = {statement.id: statement for statement in STATEMENTS}
