"""The countries of the European Economic Area, where EU data protection law applies.

Sources:

- the 27 member states of the European Union, as listed by article 52(1) of the Treaty on
  European Union (consolidated version, OJ C 202, 7.6.2016), the United Kingdom having
  left on 31 January 2020 (Withdrawal Agreement, OJ L 29, 31.1.2020);
- the three EFTA states that are parties to the Agreement on the European Economic Area
  (OJ L 1, 3.1.1994), article 126: Iceland, Liechtenstein and Norway. Switzerland is not.

GDPR chapter V (articles 44 to 49) frames a transfer of personal data to any other
country; the EEA Agreement extends the GDPR to the three EFTA states (EEA Joint Committee
Decision No 154/2018 of 6 July 2018, OJ L 183, 19.7.2018, p. 23). An adequacy decision
(such as the one for the United Kingdom or Switzerland) is a safeguard of such a
transfer, not a membership: those countries are outside the EEA here, and the
declaration names the safeguard.
"""

from __future__ import annotations

#: ISO 3166-1 alpha-2 codes of the EU member states.
EU: frozenset[str] = frozenset(
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }
)  # fmt: skip

#: ISO 3166-1 alpha-2 codes of the European Economic Area: the EU, Iceland,
#: Liechtenstein and Norway.
EEA: frozenset[str] = EU | {"IS", "LI", "NO"}


def outside_eea(country: str | None) -> bool:
    """True for a country code outside the EEA; ``False`` when no country is given.

    Greece is ``GR`` in ISO 3166-1 (the EU's own ``EL`` is not an ISO code).
    """
    return country is not None and country not in EEA
