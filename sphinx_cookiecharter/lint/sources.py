"""The texts the lint rules rest on: regulations, judgments and regulators' guidance.

Each :class:`Source` names an instrument and the part of it a rule relies on (article,
paragraph, section), with a link to the text. The parts were checked, source by source,
against the published text where it could be read (legislation.gov.uk, the ICO's and
the CNIL's pages, the Official Journal), and otherwise against sources that quote or
summarise it; the docs page "How the sources were checked"
(``docs/reference/sources.md``) records how each one was. Where an article, paragraph,
section or point number could not be confirmed, the part says so ("paragraph not
confirmed") rather than giving one: a reviewer looks the passage up by the subject or
heading given. Where a text gives a benchmark rather than a rule (a
recommendation, a good practice), the rule that cites it says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """One text a rule rests on: the instrument, the part of it, and where to read it."""

    instrument: str
    part: str
    url: str

    def __str__(self) -> str:
        return f"{self.instrument}, {self.part}"


_EPRIVACY = "Directive 2002/58/EC (ePrivacy), as amended by Directive 2009/136/EC"
_EPRIVACY_URL = "https://eur-lex.europa.eu/eli/dir/2002/58/oj"
_GDPR = "Regulation (EU) 2016/679 (GDPR)"
_GDPR_URL = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
_WP194 = "Article 29 Working Party, Opinion 04/2012 on cookie consent exemption (WP194)"
_WP194_URL = (
    "https://ec.europa.eu/justice/article-29/documentation/opinion-recommendation/"
    "files/2012/wp194_en.pdf"
)
_EDPB_CONSENT = "EDPB Guidelines 05/2020 on consent under Regulation 2016/679, version 1.1"
_EDPB_CONSENT_URL = (
    "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/"
    "guidelines-052020-consent-under-regulation-2016679_en"
)
_CNIL_2020_091 = (
    "CNIL, délibération n° 2020-091 of 17 September 2020 (guidelines on art. 82 of the "
    "loi Informatique et Libertés, 'cookies et autres traceurs')"
)
_CNIL_2020_091_ART_2_URL = "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000042388188"
_CNIL_2020_092 = "CNIL, délibération n° 2020-092 of 17 September 2020 (recommendation)"
_CNIL_2020_092_ART_2_URL = "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000042388205"
_CNIL_2020_092_ART_5_URL = "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000042388208"
_ICO = (
    "ICO, Guidance on the use of storage and access technologies (PECR; final version "
    "of April 2026, replacing the guidance on cookies and similar technologies)"
)
_ICO_URL = (
    "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-"
    "communications/guidance-on-the-use-of-storage-and-access-technologies/"
)

EPRIVACY_5_3 = Source(_EPRIVACY, "art. 5(3)", _EPRIVACY_URL)

GDPR_7_3 = Source(_GDPR, "art. 7(3) (withdrawing consent as easily as giving it)", _GDPR_URL)
GDPR_12_1 = Source(_GDPR, "art. 12(1) (concise, transparent, intelligible information)", _GDPR_URL)
GDPR_13_1_A = Source(
    _GDPR, "art. 13(1)(a) (identity and contact details of the controller)", _GDPR_URL
)
GDPR_13_1_E = Source(_GDPR, "art. 13(1)(e) (recipients of the data)", _GDPR_URL)
GDPR_13_1_F = Source(
    _GDPR, "art. 13(1)(f) and chapter V, arts. 44 to 49 (transfers to third countries)", _GDPR_URL
)
GDPR_13_2 = Source(
    _GDPR,
    "art. 13(2)(a), (b) and (d) (storage period, rights, complaint to a supervisory authority)",
    _GDPR_URL,
)
GDPR_26_28 = Source(_GDPR, "arts. 26 and 28 (joint controllers, processors)", _GDPR_URL)

PLANET49 = Source(
    "CJEU, judgment of 1 October 2019, Planet49, C-673/17",
    "operative part, point 2 (the information includes the duration of the cookies and "
    "whether third parties may access them)",
    "https://curia.europa.eu/juris/document/document.jsf?docid=218462&doclang=EN",
)
FASHION_ID = Source(
    "CJEU, judgment of 29 July 2019, Fashion ID, C-40/17 (ECLI:EU:C:2019:629)",
    "operative part, point 2: the operator of a site embedding a third party's social "
    "plugin can be a controller, jointly with that third party, of the collection and "
    "transmission of its visitors' data (not of what the third party does with them "
    "afterwards)",
    "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62017CJ0040",
)

WP194_ADVERTISING = Source(
    _WP194,
    "'Third party advertising' (section not confirmed): third-party advertising cookies "
    "cannot be exempted from consent",
    _WP194_URL,
)
WP194_ANALYTICS = Source(
    _WP194,
    "'First party analytics' (section not confirmed): analytics cookies are not strictly "
    "necessary; first-party, aggregated statistics are set apart as low-risk, and a "
    "future exemption only suggested",
    _WP194_URL,
)
WP194_LIFESPAN = Source(
    _WP194,
    "its discussion of cookie lifespans (section not confirmed): an exempt cookie's "
    "lifespan must be in direct relation to its purpose; first-party session cookies are "
    "far more likely exempt than third-party persistent ones",
    _WP194_URL,
)

EDPB_CONSENT_INFORMED = Source(
    _EDPB_CONSENT,
    "section 3.3.1, 'Minimum content requirements for consent to be informed' "
    "(paragraphs not confirmed): the controller's identity among them; every controller "
    "relying on the consent is named",
    _EDPB_CONSENT_URL,
)
EDPB_CONSENT_GRANULAR = Source(
    _EDPB_CONSENT, "section 3.1.3, 'Granularity' (paragraph not confirmed)", _EDPB_CONSENT_URL
)
EDPB_CONSENT_WITHDRAWAL = Source(
    _EDPB_CONSENT,
    "its part on withdrawing consent (section and paragraph not confirmed)",
    _EDPB_CONSENT_URL,
)
EDPB_CONSENT_REFRESH = Source(
    _EDPB_CONSENT,
    "its passage on how long consent lasts (section and paragraph not confirmed): "
    "refreshing consent at appropriate intervals is recommended as a best practice",
    _EDPB_CONSENT_URL,
)
EDPB_TASKFORCE = Source(
    "EDPB, Report of the work undertaken by the Cookie Banner Taskforce (adopted 17 January 2023)",
    "its part on inaccurately classified essential cookies (paragraphs not confirmed): "
    "cookies are classified as essential that are not strictly necessary; a list of the "
    "site's cookies, from a scan for instance, is the basis for showing why those it calls "
    "essential are",
    "https://www.edpb.europa.eu/our-work-tools/our-documents/other/"
    "report-work-undertaken-cookie-banner-taskforce_en",
)
EDPB_SCOPE = Source(
    "EDPB Guidelines 2/2023 on the technical scope of art. 5(3) of the ePrivacy Directive, "
    "version 2.0 (7 October 2024)",
    "section 3, use case 'URL and pixel tracking', the first of the section (paragraphs "
    "not confirmed)",
    "https://www.edpb.europa.eu/system/files/2024-10/"
    "edpb_guidelines_202302_technical_scope_art_53_eprivacydirective_v2_en_0.pdf",
)
WP260_LANGUAGE = Source(
    "Article 29 Working Party, Guidelines on transparency under Regulation 2016/679 "
    "(WP260 rev.01), endorsed by the EDPB",
    "'Elements of transparency under the GDPR', 'Clear and plain language'",
    "https://ec.europa.eu/newsroom/article29/items/622227",
)

CNIL_AUDIENCE_CONDITIONS = Source(
    "CNIL, 'Cookies : solutions pour les outils de mesure d'audience' (page of 4 July "
    "2025), applying art. 5 of délibération n° 2020-091 of 17 September 2020",
    "the exemption holds only for measurement on the publisher's behalf alone, producing "
    "anonymous statistics, with no identifier shared across sites (as a cookie on a third "
    "party's domain loaded by several sites is)",
    "https://www.cnil.fr/fr/node/167364",
)
CNIL_AUDIENCE_DURATIONS = Source(
    _CNIL_2020_092,
    "art. 5, on trackers exempt from consent (exempt audience measurement: trackers "
    "living at most 13 months, not extended on new visits; data kept at most 25 months)",
    _CNIL_2020_092_ART_5_URL,
)
CNIL_CHOICE = Source(
    _CNIL_2020_092,
    "art. 2, on information, consent and refusal (point not confirmed; the passage "
    "known from summaries of the text): keeping the visitor's choice, acceptance or "
    "refusal, for 6 months is good practice",
    _CNIL_2020_092_ART_2_URL,
)
CNIL_INFORMED = Source(
    _CNIL_2020_091,
    "art. 2, on collecting consent, its passage on informed consent (paragraph not "
    "confirmed): before consent, at least the identity of the controllers, the purposes, "
    "how to accept or refuse, the consequences of refusing or accepting, and the right "
    "to withdraw",
    _CNIL_2020_091_ART_2_URL,
)
CNIL_CONTROLLERS = Source(
    _CNIL_2020_091,
    "art. 2, on collecting consent, its passage on informed consent (paragraph not "
    "confirmed): every controller and joint controller identifiable before the choice, "
    "in an exhaustive list kept up to date and easy to reach (the recommendation, "
    "délib. 2020-092, says the same)",
    _CNIL_2020_091_ART_2_URL,
)
CNIL_2013_378 = Source(
    "CNIL, délibération n° 2013-378 of 5 December 2013 (recommendation, replaced by the "
    "guidelines of délibération n° 2019-093 of 4 July 2019)",
    "art. 2, on informing and collecting consent: consent valid 13 months at most, hence "
    "cookies that need it living no longer; still the usual French benchmark (the figure "
    "from secondary sources; that it is in art. 2 not confirmed)",
    "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000028380238",
)

ICO_LIFETIME = Source(
    _ICO,
    "'How do we comply with the rules?', 'How long can we store or access information "
    "for?': PECR sets no duration; it is decided against the purpose",
    _ICO_URL + "how-do-we-comply-with-the-rules",
)
ICO_REFRESH = Source(
    _ICO,
    "'How do we manage consent in practice?': neither PECR nor the UK GDPR sets a time "
    "limit on consent; how long it lasts depends on several factors",
    _ICO_URL + "how-do-we-manage-consent-in-practice",
)
ICO_EXCEPTIONS = Source(
    _ICO,
    "'What are the exceptions?': the statistical-purposes exception needs clear and "
    "comprehensive information and a simple, free means of objecting",
    _ICO_URL + "what-are-the-exceptions/",
)
DUAA_EXCEPTIONS = Source(
    "Privacy and Electronic Communications Regulations 2003 (PECR), reg. 6 and sch. A1, "
    "inserted by the Data (Use and Access) Act 2025, s. 112 and sch. 12 (in force "
    "5 February 2026, S.I. 2026/82, reg. 2)",
    "sch. A1, the statistical-purposes and appearance exceptions: clear and "
    "comprehensive information and a simple, free means of objecting (paragraph numbers "
    "not confirmed)",
    "https://www.legislation.gov.uk/uksi/2003/2426/schedules",
)
HTML_SESSION_STORAGE = Source(
    "WHATWG HTML Living Standard",
    "'The sessionStorage getter' (storage kept for the browsing session only)",
    "https://html.spec.whatwg.org/multipage/webstorage.html#the-sessionstorage-attribute",
)
IAB_DEVICE_STORAGE = Source(
    "IAB Europe, TCF Vendor Device Storage & Operational Disclosures",
    "'Disclosures array', field `identifier`: a wildcard must not group identifiers with "
    "different purposes",
    "https://github.com/InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework/"
    "blob/master/TCFv2/Vendor%20Device%20Storage%20%26%20Operational%20Disclosures.md",
)
SUPPRESSION = Source(
    "sphinx-cookiecharter",
    "a silenced finding keeps its reason for the next reviewer",
    "https://sphinx-cookiecharter.readthedocs.io/en/latest/reference/lint.html",
)
