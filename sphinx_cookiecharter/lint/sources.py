"""The texts the lint rules rest on: regulations, judgments and regulators' guidance.

Each :class:`Source` names an instrument and the part of it a rule relies on (article,
paragraph, section), with a link to the text. Parts were checked against the published
texts or against their tables of contents; where a text gives a benchmark rather than a
rule (a recommendation, a good practice), the rule that cites it says so.
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
_EDPB_CONSENT = "EDPB Guidelines 05/2020 on consent under Regulation 2016/679"
_EDPB_CONSENT_URL = (
    "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/"
    "guidelines-052020-consent-under-regulation-2016679_en"
)
_CNIL_2020_092 = "CNIL, délibération n° 2020-092 of 17 September 2020 (recommendation)"
_CNIL_2020_092_URL = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388197"

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
    "CJEU, judgment of 29 July 2019, Fashion ID, C-40/17",
    "the site embedding a third party's content is a joint controller of the collection "
    "and transmission of its visitors' data",
    "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62017CJ0040",
)

WP194_ADVERTISING = Source(
    _WP194,
    "'Third party advertising' and the summary: third-party advertising cookies cannot "
    "be exempted from consent",
    _WP194_URL,
)
WP194_ANALYTICS = Source(
    _WP194,
    "'First party analytics': analytics cookies are not strictly necessary; first-party "
    "analytics are set apart from third-party analytics that follow users across sites",
    _WP194_URL,
)
WP194_LIFESPAN = Source(
    _WP194,
    "cookie characteristics: an exempt cookie's lifespan must be in direct relation to "
    "its purpose; first-party session cookies are far more likely exempt than "
    "third-party persistent ones",
    _WP194_URL,
)

EDPB_CONSENT_INFORMED = Source(
    _EDPB_CONSENT, "section 3.3.1 (minimum content for consent to be informed)", _EDPB_CONSENT_URL
)
EDPB_CONSENT_GRANULAR = Source(_EDPB_CONSENT, "section 3.1.3 (granularity)", _EDPB_CONSENT_URL)
EDPB_CONSENT_WITHDRAWAL = Source(
    _EDPB_CONSENT, "section 5.2 (withdrawal of consent)", _EDPB_CONSENT_URL
)
EDPB_TASKFORCE = Source(
    "EDPB, Report of the work undertaken by the Cookie Banner Taskforce (17 January 2023)",
    "inaccurately classified 'essential' cookies: the classification must be justifiable",
    "https://www.edpb.europa.eu/our-work-tools/our-documents/other/"
    "report-work-undertaken-cookie-banner-taskforce_en",
)
EDPB_SCOPE = Source(
    "EDPB Guidelines 2/2023 on the technical scope of art. 5(3) of the ePrivacy Directive, "
    "version 2.0 (7 October 2024)",
    "section 3, use case 'URL and pixel tracking'",
    "https://www.edpb.europa.eu/system/files/2024-10/"
    "edpb_guidelines_202302_technical_scope_art_53_eprivacydirective_v2_en_0.pdf",
)
WP260_LANGUAGE = Source(
    "Article 29 Working Party, Guidelines on transparency under Regulation 2016/679 "
    "(WP260 rev.01), endorsed by the EDPB",
    "'Clear and plain language'",
    "https://ec.europa.eu/newsroom/article29/items/622227",
)

CNIL_AUDIENCE_CONDITIONS = Source(
    "CNIL, 'Cookies : solutions pour les outils de mesure d'audience', applying art. 5 of "
    "délibération n° 2020-091 of 17 September 2020 (guidelines on trackers)",
    "the exemption holds only for measurement on the publisher's behalf alone, with no "
    "identifier shared across sites (as a third-party domain does)",
    "https://www.cnil.fr/fr/node/167364",
)
CNIL_AUDIENCE_DURATIONS = Source(
    _CNIL_2020_092,
    "art. 5 (exempt audience measurement: trackers living at most 13 months, not extended "
    "on new visits; data kept at most 25 months)",
    "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000042388208",
)
CNIL_CHOICE = Source(
    _CNIL_2020_092,
    "good practice of keeping the visitor's choice, acceptance or refusal, for 6 months",
    _CNIL_2020_092_URL,
)
CNIL_CONTROLLERS = Source(
    _CNIL_2020_092,
    "an exhaustive list of the controllers, kept up to date, available when consent is asked",
    _CNIL_2020_092_URL,
)
CNIL_2013_378 = Source(
    "CNIL, délibération n° 2013-378 of 5 December 2013 (recommendation, repealed in 2019)",
    "art. 2 (the 13-month limit it set on cookies needing consent, still the usual French "
    "benchmark)",
    "https://legal.tricoteuses.fr/articles/JORFARTI000028380238",
)

ICO_LIFETIME = Source(
    "ICO, Guidance on the use of cookies and similar technologies (PECR)",
    "'How long should our cookies last?'",
    "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-"
    "communications/guidance-on-the-use-of-cookies-and-similar-technologies/"
    "how-do-we-comply-with-the-cookie-rules/",
)
ICO_REFRESH = Source(
    "ICO, Guidance on the use of cookies and similar technologies (PECR)",
    "'How often should we get consent?'",
    ICO_LIFETIME.url,
)
DUAA_EXCEPTIONS = Source(
    "Data (Use and Access) Act 2025, s. 112 and sch. 12 (new sch. A1 to PECR, in force "
    "5 February 2026)",
    "the statistics and appearance exceptions require clear information and a simple, "
    "free means of objecting",
    "https://www.legislation.gov.uk/ukpga/2025/18/schedule/12",
)
HTML_SESSION_STORAGE = Source(
    "WHATWG HTML Living Standard",
    "'The sessionStorage getter' (storage kept for the browsing session only)",
    "https://html.spec.whatwg.org/multipage/webstorage.html#the-sessionstorage-attribute",
)
IAB_DEVICE_STORAGE = Source(
    "IAB Europe, TCF Vendor Device Storage & Operational Disclosures",
    "a wildcard identifier must not group items with different purposes",
    "https://github.com/InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework/"
    "blob/master/TCFv2/Vendor%20Device%20Storage%20%26%20Operational%20Disclosures.md",
)
SUPPRESSION = Source(
    "sphinx-cookiecharter",
    "a silenced finding keeps its reason for the next reviewer",
    "https://sphinx-cookiecharter.readthedocs.io/en/latest/reference/lint.html",
)
