"""The corpus of broken declarations: each file gives exactly the diagnostics expected.

Every file under ``tests/declarations/broken`` has one entry in :data:`EXPECTED`: the
diagnostics as printed (``str(diagnostic)``, the file named by its base name), and the
names of the cookies that still load, or ``None`` when nothing could be read at all.
A new file without an entry, or an entry without its file, fails the suite.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sphinx_cookiecharter.diagnostics import Diagnostic
from sphinx_cookiecharter.loader import load_declaration, parse_declaration
from sphinx_cookiecharter.reader import Limits

DECLARATIONS = Path(__file__).parent / "declarations"
BROKEN = DECLARATIONS / "broken"
VALID = DECLARATIONS / "valid"
CASES = sorted(path.name for path in BROKEN.iterdir())

EXPECTED: dict[str, tuple[list[str], list[str] | None]] = {
    "bad-country.yaml": (
        [
            "bad-country.yaml:2:35: error: providers.portal.country: 'fr' is not valid "
            "(expected an ISO 3166-1 alpha-2 country code such as FR)",
            "bad-country.yaml:3:32: error: providers.stats.country: 'DEU' is not valid "
            "(expected an ISO 3166-1 alpha-2 country code such as FR)",
            "bad-country.yaml:6:5: error: providers.ads.country: 'United States' is not valid "
            "(expected an ISO 3166-1 alpha-2 country code such as FR)",
            "bad-country.yaml:8:23: error: cookies[0].provider: the provider 'portal' is "
            "declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
            "bad-country.yaml:9:20: error: cookies[1].provider: the provider 'stats' is "
            "declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
            "bad-country.yaml:10:16: error: cookies[2].provider: the provider 'ads' is "
            "declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
        ],
        [],
    ),
    "bad-date.json": (
        [
            "bad-date.json:2:14: error: updated: '28/11/2026' is not valid (expected an ISO "
            "8601 date such as 2026-11-28)",
        ],
        [],
    ),
    "bad-date.toml": (
        [
            "bad-date.toml:1:11: error: TOML syntax error: Invalid date or datetime",
        ],
        None,
    ),
    "bad-date.yaml": (
        [
            "bad-date.yaml:1:1: error: updated: '2026-02-30' is not valid (expected an ISO "
            "8601 date such as 2026-11-28)",
        ],
        [],
    ),
    "bad-datetime.toml": (
        [
            "bad-datetime.toml:1:1: error: updated: '2026-11-28T09:30:00' is not valid "
            "(expected an ISO 8601 date such as 2026-11-28)",
        ],
        [],
    ),
    "bad-durations.toml": (
        [
            "bad-durations.toml:2:1: error: consent.duration: got the number 180 (expected "
            "session, persistent, an amount with a unit such as '13 months', or ISO 8601 such "
            "as P13M)",
            "bad-durations.toml:9:1: error: cookies[0].duration: 'Session' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
        ],
        ["ok"],
    ),
    "bad-durations.yaml": (
        [
            "bad-durations.yaml:2:3: error: consent.duration: 'half a year' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
            "bad-durations.yaml:4:64: error: cookies[0].duration: '13 mnths' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
            "bad-durations.yaml:5:64: error: cookies[1].duration: 'P' is not valid (expected "
            "session, persistent, an amount with a unit such as '13 months', or ISO 8601 such "
            "as P13M)",
            "bad-durations.yaml:6:64: error: cookies[2].duration: '-1 days' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
            "bad-durations.yaml:7:64: error: cookies[3].duration: '1.5 hours' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
            "bad-durations.yaml:8:64: error: cookies[4].duration: 'PT' is not valid (expected "
            "session, persistent, an amount with a unit such as '13 months', or ISO 8601 such "
            "as P13M)",
            "bad-durations.yaml:9:64: error: cookies[5].duration: got the number 30 (expected "
            "session, persistent, an amount with a unit such as '13 months', or ISO 8601 such "
            "as P13M)",
            "bad-durations.yaml:10:64: error: cookies[6].duration: 'P1Y2' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
            "bad-durations.yaml:11:64: error: cookies[7].duration: '' is not valid (expected "
            "session, persistent, an amount with a unit such as '13 months', or ISO 8601 such "
            "as P13M)",
        ],
        ["ok"],
    ),
    "bad-enums.yaml": (
        [
            "bad-enums.yaml:3:5: error: categories.statistics.consent: 'optional' is not "
            "allowed (expected required or exempt)",
            "bad-enums.yaml:9:5: error: cookies[0].party: '1st' is not allowed (expected first "
            "or third)",
            "bad-enums.yaml:10:5: error: cookies[0].storage: 'localStorage' is not allowed; "
            "did you mean 'local-storage'? (expected cookie, local-storage, session-storage, "
            "indexeddb or pixel)",
            "bad-enums.yaml:11:5: error: cookies[0].consent: the boolean true is not allowed "
            "(expected required or exempt)",
            "bad-enums.yaml:16:5: error: cookies[1].party: 'Third' is not allowed; did you "
            "mean 'third'? (expected first or third)",
            "bad-enums.yaml:17:5: error: cookies[1].storage: 'cookies' is not allowed; did you "
            "mean 'cookie'? (expected cookie, local-storage, session-storage, indexeddb or "
            "pixel)",
            "bad-enums.yaml:18:5: error: cookies[1].consent: 'Exempt' is not allowed; did you "
            "mean 'exempt'? (expected required or exempt)",
        ],
        [],
    ),
    "bad-language-codes.yaml": (
        [
            "bad-language-codes.yaml:3:13: error: categories.support.title.english: 'english' "
            "is not a valid key (expected a language code such as en, fr or pt_BR)",
            "bad-language-codes.yaml:9:7: error: cookies[0].purpose.e: 'e' is not a valid key "
            "(expected a language code such as en, fr or pt_BR)",
            "bad-language-codes.yaml:11:7: error: cookies[0].purpose.fr FR: 'fr FR' is not a "
            "valid key (expected a language code such as en, fr or pt_BR)",
            "bad-language-codes.yaml:15:5: error: cookies[1].purpose: must not be empty",
        ],
        [],
    ),
    "bad-provider-ids.yaml": (
        [
            "bad-provider-ids.yaml:2:3: error: providers.Portal: 'Portal' is not a valid key "
            "(expected an id of lowercase letters, digits, '-' and '_' starting with a letter)",
            "bad-provider-ids.yaml:3:3: error: providers.1st-party: '1st-party' is not a valid "
            "key (expected an id of lowercase letters, digits, '-' and '_' starting with a "
            "letter)",
            "bad-provider-ids.yaml:4:3: error: providers.visit counter: 'visit counter' is not "
            "a valid key (expected an id of lowercase letters, digits, '-' and '_' starting "
            "with a letter)",
            "bad-provider-ids.yaml:8:5: error: cookies[0].provider: the provider 'Portal' is "
            "declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
        ],
        ["theme"],
    ),
    "billion-laughs.yaml": (
        [
            "billion-laughs.yaml:7:4: error: the declaration would expand to more than 500,000 "
            "values (YAML aliases expanding too far)",
        ],
        None,
    ),
    "binary-tag.yaml": (
        [
            "binary-tag.yaml:1:7: error: unsupported YAML tag '!!binary' (expected plain YAML "
            "values (strings, numbers, lists and mappings))",
        ],
        None,
    ),
    "blank.json": (
        [
            "blank.json: error: the declaration is empty (expected a mapping with a cookies list)",
        ],
        None,
    ),
    "blank.yaml": (
        [
            "blank.yaml: error: the declaration is empty (expected a mapping with a cookies list)",
        ],
        None,
    ),
    "category-with-errors.yaml": (
        [
            "category-with-errors.yaml:4:5: error: categories.support.consent: 'sometimes' is "
            "not allowed (expected required or exempt)",
            "category-with-errors.yaml:9:5: error: cookies[0].category: the category 'support' "
            "is declared with errors; this cookie is left out (expected a valid category under "
            "categories)",
        ],
        ["played"],
    ),
    "comments-only.toml": (
        [
            "comments-only.toml: error: the declaration is empty (expected a mapping with a "
            "cookies list)",
        ],
        None,
    ),
    "control-character.yaml": (
        [
            "control-character.yaml:2:8: error: YAML syntax error: the character U+0001 is not "
            "allowed in YAML (expected printable text; write control characters as escapes "
            "such as \\t)",
        ],
        None,
    ),
    "cookies-as-mapping.yaml": (
        [
            "cookies-as-mapping.yaml:1:1: error: cookies: got a mapping (expected a list of "
            "cookies)",
        ],
        [],
    ),
    "cookies-missing.toml": (
        [
            "cookies-missing.toml: error: cookies: required field is missing (expected a list "
            "of cookies)",
            "cookies-missing.toml:3:1: error: cookie: unknown field 'cookie'; did you mean "
            "'cookies'? (expected one of categories, consent, controller, cookies, providers, "
            "site, texts, updated, version)",
        ],
        [],
    ),
    "deep-nesting.json": (
        [
            "deep-nesting.json: error: the values are nested too deeply (at most 32 levels)",
        ],
        None,
    ),
    "deep-nesting.toml": (
        [
            "deep-nesting.toml: error: the values are nested too deeply (at most 32 levels)",
        ],
        None,
    ),
    "deep-nesting.yaml": (
        [
            "deep-nesting.yaml:1:42: error: the values are nested too deeply (at most 32 levels)",
        ],
        None,
    ),
    "duplicate-cookie.yaml": (
        [
            "duplicate-cookie.yaml:4:6: error: cookies[2].name: the cookie 'sessionid' is "
            "already declared (cookies[0], line 2) (expected one entry per name, domain and "
            "storage)",
            "duplicate-cookie.yaml:5:6: error: cookies[3].name: the cookie 'lang' is already "
            "declared (cookies[1], line 3) (expected one entry per name, domain and storage)",
            "duplicate-cookie.yaml:6:6: error: cookies[4].name: the cookie 'sessionid' is "
            "already declared (cookies[0], line 2) (expected one entry per name, domain and "
            "storage)",
        ],
        ["sessionid", "lang"],
    ),
    "duplicate-keys.json": (
        [
            "duplicate-keys.json:8:18: error: duplicate key 'purpose'",
        ],
        None,
    ),
    "duplicate-keys.toml": (
        [
            "duplicate-keys.toml:2:35: error: TOML syntax error: Cannot overwrite a value",
        ],
        None,
    ),
    "duplicate-keys.yaml": (
        [
            "duplicate-keys.yaml:7:5: error: duplicate key 'name'",
        ],
        None,
    ),
    "empty-and-long-strings.yaml": (
        [
            "empty-and-long-strings.yaml:1:1: error: site: must not be empty (expected a site "
            "name or URL)",
            "empty-and-long-strings.yaml:2:14: error: controller.name: must not be empty "
            "(expected a name)",
            "empty-and-long-strings.yaml:4:13: error: categories.support.title: must not be empty",
            "empty-and-long-strings.yaml:6:5: error: cookies[0].name: must not be empty "
            "(expected a cookie name, '*' standing for any characters)",
            "empty-and-long-strings.yaml:7:5: error: cookies[0].provider: must not be empty "
            "(expected a provider id or a provider name)",
            "empty-and-long-strings.yaml:9:5: error: cookies[0].purpose: must not be empty",
            "empty-and-long-strings.yaml:10:5: error: cookies[1].name: is longer than 256 "
            "characters (expected a cookie name, '*' standing for any characters)",
        ],
        [],
    ),
    "empty.json": (
        [
            "empty.json: error: the declaration is empty (expected a mapping with a cookies list)",
        ],
        None,
    ),
    "empty.toml": (
        [
            "empty.toml: error: the declaration is empty (expected a mapping with a cookies list)",
        ],
        None,
    ),
    "empty.yaml": (
        [
            "empty.yaml: error: the declaration is empty (expected a mapping with a cookies list)",
        ],
        None,
    ),
    "extra-data.json": (
        [
            "extra-data.json:2:1: error: JSON syntax error: extra data after the value",
        ],
        None,
    ),
    "latin1.yaml": (
        [
            "latin1.yaml:3:13: error: byte 0xe9 is not UTF-8 text (expected a file encoded in "
            "UTF-8)",
        ],
        None,
    ),
    "local-tag.yaml": (
        [
            "local-tag.yaml:3:15: error: unsupported YAML tag '!provider' (expected plain YAML "
            "values (strings, numbers, lists and mappings))",
        ],
        None,
    ),
    "merge-key.yaml": (
        [
            "merge-key.yaml:5:5: error: merge keys (<<) are not supported",
        ],
        None,
    ),
    "missing-required.json": (
        [
            "missing-required.json:3:15: error: providers.portal.name: required field is "
            "missing (expected a name)",
            "missing-required.json:6:5: error: cookies[0].name: required field is missing "
            "(expected a cookie name, '*' standing for any characters)",
            "missing-required.json:7:5: error: cookies[1].provider: required field is missing "
            "(expected a provider id or a provider name)",
            "missing-required.json:7:5: error: cookies[1].purpose: required field is missing "
            "(expected a string or a mapping of language codes to strings)",
            "missing-required.json:8:5: error: cookies[2].category: required field is missing "
            "(expected necessary, preferences, statistics, marketing or a declared category)",
            "missing-required.json:8:5: error: cookies[2].name: required field is missing "
            "(expected a cookie name, '*' standing for any characters)",
            "missing-required.json:8:5: error: cookies[2].provider: required field is missing "
            "(expected a provider id or a provider name)",
            "missing-required.json:8:5: error: cookies[2].purpose: required field is missing "
            "(expected a string or a mapping of language codes to strings)",
        ],
        [],
    ),
    "new-category-without-title.toml": (
        [
            "new-category-without-title.toml:1:1: error: categories.support.title: a new "
            "category needs a title (expected a string or a mapping of language codes to "
            "strings)",
            "new-category-without-title.toml:10:1: error: cookies[0].category: the category "
            "'support' is declared with errors; this cookie is left out (expected a valid "
            "category under categories)",
        ],
        ["sessionid"],
    ),
    "no-extension": (
        [
            "no-extension: error: the file name has no extension (expected a file ending in "
            ".yaml, .yml, .toml or .json)",
        ],
        None,
    ),
    "not-a-number.json": (
        [
            "not-a-number.json:2:14: error: version: the number nan is not allowed (expected "
            "the format version 1)",
        ],
        [],
    ),
    "null-cookies.json": (
        [
            "null-cookies.json:1:10: error: site: got nothing (null) (expected a site name or URL)",
            "null-cookies.json:1:27: error: cookies: got nothing (null) (expected a list of "
            "cookies)",
        ],
        [],
    ),
    "null-values.yaml": (
        [
            "null-values.yaml:1:1: error: site: got nothing (null) (expected a site name or URL)",
            "null-values.yaml:2:1: error: updated: got nothing (null) (expected an ISO 8601 "
            "date such as 2026-11-28)",
            "null-values.yaml:7:5: error: cookies[0].purpose: got nothing (null) (expected a "
            "string or a mapping of language codes to strings)",
            "null-values.yaml:8:4: error: cookies[1]: got nothing (null) (expected a mapping "
            "with name, provider, category and purpose)",
        ],
        [],
    ),
    "partly-broken.yaml": (
        [
            "partly-broken.yaml:12:5: error: cookies[1].duration: 'forever' is not valid "
            "(expected session, persistent, an amount with a unit such as '13 months', or ISO "
            "8601 such as P13M)",
            "partly-broken.yaml:20:5: error: cookies[3].category: unknown category "
            "'statistic'; did you mean 'statistics'? (expected one of necessary, preferences, "
            "statistics, marketing, or a new category declared under categories)",
        ],
        ["sessionid", "csrftoken", "lang"],
    ),
    "provider-with-errors.json": (
        [
            "provider-with-errors.json:3:51: error: providers.stats.country: 'Germany' is not "
            "valid (expected an ISO 3166-1 alpha-2 country code such as FR)",
            "provider-with-errors.json:7:36: error: cookies[0].provider: the provider 'stats' "
            "is declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
            "provider-with-errors.json:9:37: error: cookies[2].provider: the provider 'stats' "
            "is declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
        ],
        ["sessionid"],
    ),
    "providers-as-list.yaml": (
        [
            "providers-as-list.yaml:1:1: error: providers: got a list (expected a mapping of "
            "provider ids to providers)",
        ],
        ["sessionid"],
    ),
    "recursive-alias.yaml": (
        [
            "recursive-alias.yaml:1:10: error: a YAML alias refers to itself",
        ],
        None,
    ),
    "syntax-error.json": (
        [
            "syntax-error.json:8:5: error: JSON syntax error: Expecting property name enclosed "
            "in double quotes",
        ],
        None,
    ),
    "syntax-error.toml": (
        [
            "syntax-error.toml:4:12: error: TOML syntax error: Invalid value",
        ],
        None,
    ),
    "syntax-error.yaml": (
        [
            "syntax-error.yaml:6:9: error: YAML syntax error: expected ',' or ']', but got ':'",
        ],
        None,
    ),
    "syntax-indent.yaml": (
        [
            "syntax-indent.yaml:4:4: error: YAML syntax error: expected <block end>, but found "
            "'<block mapping start>'",
        ],
        None,
    ),
    "tab-indent.yaml": (
        [
            "tab-indent.yaml:2:1: error: YAML syntax error: found character '\\t' that cannot "
            "start any token",
        ],
        None,
    ),
    "toml-positions.toml": (
        [
            "toml-positions.toml:9:1: error: providers.portal.country: 'fr' is not valid "
            "(expected an ISO 3166-1 alpha-2 country code such as FR)",
            "toml-positions.toml:13:1: error: cookies[0].provider: the provider 'portal' is "
            "declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
            "toml-positions.toml:25:1: error: cookies[1].party: 'none' is not allowed "
            "(expected first or third)",
            "toml-positions.toml:26:3: error: cookies[1].storage: 'disk' is not allowed "
            "(expected cookie, local-storage, session-storage, indexeddb or pixel)",
            "toml-positions.toml:27:1: error: cookies[1].service.en: got the number 5 "
            "(expected a string)",
        ],
        [],
    ),
    "too-deep.json": (
        [
            "too-deep.json:2:46: error: the values are nested too deeply (at most 32 levels)",
        ],
        None,
    ),
    "top-level-list.yaml": (
        [
            "top-level-list.yaml:1:1: error: the declaration is a list (expected a mapping "
            "with a cookies list)",
        ],
        None,
    ),
    "top-level-number.yaml": (
        [
            "top-level-number.yaml:2:1: error: the declaration is the number 42 (expected a "
            "mapping with a cookies list)",
        ],
        None,
    ),
    "top-level-string.json": (
        [
            "top-level-string.json:1:1: error: the declaration is the string 'cookies: []' "
            "(expected a mapping with a cookies list)",
        ],
        None,
    ),
    "two-documents.yaml": (
        [
            "two-documents.yaml:2:1: error: YAML syntax error: expected a single document in "
            "the stream, but found another document",
        ],
        None,
    ),
    "unknown-category.yaml": (
        [
            "unknown-category.yaml:4:31: error: cookies[0].category: unknown category "
            "'statistic'; did you mean 'statistics'? (expected one of necessary, preferences, "
            "statistics, marketing, support, or a new category declared under categories)",
            "unknown-category.yaml:5:31: error: cookies[1].category: unknown category "
            "'marketting'; did you mean 'marketing'? (expected one of necessary, preferences, "
            "statistics, marketing, support, or a new category declared under categories)",
            "unknown-category.yaml:6:31: error: cookies[2].category: unknown category "
            "'suport'; did you mean 'support'? (expected one of necessary, preferences, "
            "statistics, marketing, support, or a new category declared under categories)",
            "unknown-category.yaml:7:31: error: cookies[3].category: unknown category "
            "'analytics' (expected one of necessary, preferences, statistics, marketing, "
            "support, or a new category declared under categories)",
            "unknown-category.yaml:8:31: error: cookies[4].category: unknown category "
            "'Necessary'; did you mean 'necessary'? (expected one of necessary, preferences, "
            "statistics, marketing, support, or a new category declared under categories)",
        ],
        ["ok"],
    ),
    "unknown-extension.txt": (
        [
            "unknown-extension.txt: error: unknown file type '.txt' (expected a file ending in "
            ".yaml, .yml, .toml or .json)",
        ],
        None,
    ),
    "unknown-keys.yaml": (
        [
            "unknown-keys.yaml:2:1: error: categorys: unknown field 'categorys'; did you mean "
            "'categories'? (expected one of categories, consent, controller, cookies, "
            "providers, site, texts, updated, version)",
            "unknown-keys.yaml:6:3: error: controller.email: unknown field 'email' (expected "
            "one of contact, name)",
            "unknown-keys.yaml:10:5: error: providers.portal.privacy-policy: unknown field "
            "'privacy-policy'; did you mean 'privacy_policy'? (expected one of country, name, "
            "privacy_policy)",
            "unknown-keys.yaml:12:3: error: texts.introduction: unknown field 'introduction' "
            "(expected one of intro, kinds, manage, updated, usage, what)",
            "unknown-keys.yaml:15:5: error: cookies[0].provider: the provider 'portal' is "
            "declared with errors; this cookie is left out (expected a valid provider under "
            "providers)",
            "unknown-keys.yaml:17:5: error: cookies[0].purpse: unknown field 'purpse'; did you "
            "mean 'purpose'? (expected one of category, consent, domain, duration, name, "
            "party, provider, purpose, service, storage)",
            "unknown-keys.yaml:19:5: error: cookies[0].expires: unknown field 'expires' "
            "(expected one of category, consent, domain, duration, name, party, provider, "
            "purpose, service, storage)",
        ],
        [],
    ),
    "unknown-text-section.toml": (
        [
            "unknown-text-section.toml:2:1: error: texts.introduction: unknown field "
            "'introduction' (expected one of intro, kinds, manage, updated, usage, what)",
            "unknown-text-section.toml:3:1: error: texts.manage.fr: must not be empty",
        ],
        ["sessionid"],
    ),
    "unsafe-tag.yaml": (
        [
            "unsafe-tag.yaml:2:5: error: unsupported YAML tag "
            "'!!python/object/apply:os.system' (expected plain YAML values (strings, numbers, "
            "lists and mappings))",
        ],
        None,
    ),
    "version-2.yaml": (
        [
            "version-2.yaml:1:1: error: version: the number 2 is not allowed (expected the "
            "format version 1)",
        ],
        [],
    ),
    "version-string.toml": (
        [
            "version-string.toml:1:1: error: version: the string '1' is not allowed (expected "
            "the format version 1)",
        ],
        [],
    ),
    "wildcard-duplicate-other-storage.yaml": (
        [
            "wildcard-duplicate-other-storage.yaml:6:6: error: cookies[3].name: the cookie "
            "'_ga_*' is already declared (cookies[0], line 3) (expected one entry per name, "
            "domain and storage)",
        ],
        ["_ga_*", "_ga_*", "_ga_*"],
    ),
    "wrong-types.json": (
        [
            "wrong-types.json:2:14: error: version: the boolean true is not allowed (expected "
            "the format version 1)",
            "wrong-types.json:3:11: error: site: got a list (expected a site name or URL)",
            "wrong-types.json:4:27: error: providers.portal: got the string 'Portal Software' "
            "(expected a mapping with name, privacy_policy and country)",
            "wrong-types.json:5:29: error: categories.support: got the string 'Help desk' "
            "(expected a mapping with title, description and consent)",
            "wrong-types.json:7:5: error: cookies[0]: got the string 'sessionid' (expected a "
            "mapping with name, provider, category and purpose)",
            "wrong-types.json:9:15: error: cookies[1].party: nothing (null) is not allowed "
            "(expected first or third)",
            "wrong-types.json:9:32: error: cookies[1].storage: the number 0 is not allowed "
            "(expected cookie, local-storage, session-storage, indexeddb or pixel)",
            "wrong-types.json:9:46: error: cookies[1].consent: the boolean false is not "
            "allowed (expected required or exempt)",
        ],
        [],
    ),
    "wrong-types.yaml": (
        [
            "wrong-types.yaml:2:1: error: site: got the number 12 (expected a site name or URL)",
            "wrong-types.yaml:3:1: error: updated: got the number 20261128 (expected an ISO "
            "8601 date such as 2026-11-28)",
            "wrong-types.yaml:4:1: error: controller: got the string 'Example Town Hall' "
            "(expected a mapping with name and contact)",
            "wrong-types.yaml:5:1: error: consent: got a list (expected a mapping with "
            "manage_url and duration)",
            "wrong-types.yaml:7:1: error: texts: got the string 'Our own text.' (expected a "
            "mapping of section names to texts)",
            "wrong-types.yaml:9:5: error: cookies[0].name: got the number 404 (expected a "
            "cookie name, '*' standing for any characters)",
            "wrong-types.yaml:12:5: error: cookies[0].purpose: got a list (expected a string "
            "or a mapping of language codes to strings)",
            "wrong-types.yaml:14:5: error: cookies[1].provider: got a list (expected a "
            "provider id or a provider name)",
            "wrong-types.yaml:15:5: error: cookies[1].service: got the boolean true (expected "
            "a string or a mapping of language codes to strings)",
            "wrong-types.yaml:18:5: error: cookies[1].domain: got the number 3.14 (expected a "
            "domain such as .example.org)",
            "wrong-types.yaml:22:15: error: cookies[2].purpose.en: got the number 1 (expected "
            "a string)",
            "wrong-types.yaml:22:22: error: cookies[2].purpose.fr: got nothing (null) "
            "(expected a string)",
        ],
        [],
    ),
}


def _lines(path: Path, **options) -> list[str]:
    return [str(d) for d in load_declaration(path, source=path.name, **options).diagnostics]


def test_every_case_has_an_expectation_and_every_expectation_a_case():
    assert sorted(EXPECTED) == CASES
    assert len(CASES) >= 35


@pytest.mark.parametrize("name", CASES)
def test_broken_declaration(name):
    if name not in EXPECTED:
        pytest.fail(f"{name} has no entry in EXPECTED")
    lines, kept = EXPECTED[name]
    result = load_declaration(BROKEN / name, source=name)
    assert [str(d) for d in result.diagnostics] == lines
    assert lines, "a broken declaration must give at least one diagnostic"
    assert not result.ok
    if kept is None:
        assert result.declaration is None
    else:
        assert result.declaration is not None
        assert [cookie.name for cookie in result.declaration.cookies] == kept


FORMATS = {".yaml": "yaml", ".toml": "toml", ".json": "json"}
#: The cases whose problem is in the file rather than in the text it holds.
FILE_CASES = ("latin1.yaml", "no-extension", "unknown-extension.txt")


@pytest.mark.parametrize("name", [name for name in CASES if name not in FILE_CASES])
def test_broken_declaration_read_as_text(name):
    """The same problems when the text is given directly."""
    path = BROKEN / name
    text = path.read_text(encoding="utf-8")
    result = parse_declaration(text, FORMATS[path.suffix], source=name)
    assert [str(d) for d in result.diagnostics] == EXPECTED[name][0]


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("syntax-error.yaml", {"load"}),
        ("billion-laughs.yaml", {"limit"}),
        ("deep-nesting.toml", {"limit"}),
        ("wrong-types.yaml", {"schema"}),
        ("unknown-category.yaml", {"reference"}),
        ("provider-with-errors.json", {"reference", "schema"}),
        ("duplicate-cookie.yaml", {"duplicate"}),
    ],
)
def test_diagnostic_kinds(name, kinds):
    diagnostics = load_declaration(BROKEN / name).diagnostics
    assert {d.kind for d in diagnostics} == kinds


@pytest.mark.parametrize("name", sorted(path.name for path in VALID.iterdir()))
def test_valid_declarations_give_no_diagnostic(name):
    result = load_declaration(VALID / name)
    assert result.diagnostics == ()
    assert result.ok
    assert result.declaration.cookies


@pytest.mark.parametrize("name", ["bom.yaml", "bom.toml", "bom.json"])
def test_byte_order_mark_is_accepted(name):
    assert (VALID / name).read_bytes().startswith(b"\xef\xbb\xbf")
    cookie = load_declaration(VALID / name).declaration.cookies[0]
    assert cookie.name == "sessionid"
    assert cookie.position.line == 1 + (name == "bom.yaml")


def test_same_name_on_another_domain_or_storage_is_not_a_duplicate():
    result = load_declaration(VALID / "same-name-other-domain.yaml")
    assert result.diagnostics == ()
    assert [(c.name, c.domain, c.storage) for c in result.declaration.cookies] == [
        ("lang", ".example.org", "cookie"),
        ("lang", "shop.example.org", "cookie"),
        ("lang", ".example.org", "local-storage"),
    ]


def test_valid_cookies_of_a_partly_broken_file_still_load():
    result = load_declaration(BROKEN / "partly-broken.yaml")
    assert [c.name for c in result.declaration.cookies] == ["sessionid", "csrftoken", "lang"]
    assert [d.field for d in result.diagnostics] == ["cookies[1].duration", "cookies[3].category"]


# --- cases made at test time ----------------------------------------------------------


def test_missing_file(tmp_path):
    assert _lines(tmp_path / "cookies.yaml") == [
        "cookies.yaml: error: file not found (expected an existing declaration file)"
    ]


@pytest.mark.parametrize("name", ["cookies.yaml", "cookies.d", "cookies"])
def test_directory(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    assert _lines(folder) == [
        f"{name}: error: is a directory, not a file (expected a declaration file)"
    ]


def test_default_source_is_the_path_as_given(tmp_path):
    missing = tmp_path / "nowhere" / "cookies.json"
    (diagnostic,) = load_declaration(missing).diagnostics
    assert diagnostic.source == str(missing)
    assert str(diagnostic).startswith(f"{missing}: error: ")


def test_utf16_file(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes("cookies: []\n".encode("utf-16"))
    assert _lines(path) == [
        "utf16.yaml:1:1: error: byte 0xff is not UTF-8 text (expected a file encoded in UTF-8)"
    ]


def test_invalid_byte_after_valid_multibyte_text(tmp_path):
    path = tmp_path / "mixed.json"
    path.write_bytes('{"site": "Café",\n "cookies": [],\n "x": "\xff"}'.encode("latin-1"))
    assert _lines(path) == [
        "mixed.json:1:14: error: byte 0xe9 is not UTF-8 text (expected a file encoded in UTF-8)"
    ]


def test_unsafe_yaml_tag_runs_nothing():
    marker = Path("/tmp/pwned")
    before = marker.stat().st_mtime_ns if marker.exists() else None
    result = load_declaration(BROKEN / "unsafe-tag.yaml")
    assert result.declaration is None
    after = marker.stat().st_mtime_ns if marker.exists() else None
    assert after == before, "loading the declaration ran a shell command"


def test_billion_laughs_are_refused_quickly():
    start = time.perf_counter()
    result = load_declaration(BROKEN / "billion-laughs.yaml")
    elapsed = time.perf_counter() - start
    assert [d.kind for d in result.diagnostics] == ["limit"]
    assert elapsed < 2.0, f"took {elapsed:.2f} s"


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_deep_nesting_of_any_depth_is_refused(fmt):
    for depth in (33, 100, 900, 2000, 20_000):
        opening, closing = "[" * depth, "]" * depth
        text = {
            "yaml": f"cookies: {opening}{closing}\n",
            "json": f'{{"cookies": {opening}{closing}}}',
            "toml": f"cookies = {opening}{closing}\n",
        }[fmt]
        result = parse_declaration(text, fmt)
        assert result.declaration is None
        (diagnostic,) = result.diagnostics
        assert diagnostic.kind == "limit"
        assert diagnostic.message == "the values are nested too deeply (at most 32 levels)"


def test_deep_nesting_within_the_limit_is_read():
    text = "texts: {intro: " + "[" * 30 + "]" * 30 + "}\ncookies: []\n"
    (diagnostic,) = parse_declaration(text).diagnostics
    assert diagnostic.kind == "schema"
    assert diagnostic.field == "texts.intro"


def test_file_size_limit(tmp_path):
    # Well-formed cookies: were the file parsed, this test would take minutes.
    path = tmp_path / "huge.yaml"
    block = "".join(
        f"  - {{name: c{i:05}, provider: Site, category: necessary, purpose: Padding.}}\n"
        for i in range(10_000)
    )
    with path.open("w", encoding="utf-8") as stream:
        stream.write("cookies:\n")
        while stream.tell() <= 50_000_000:
            stream.write(block)
    size = path.stat().st_size
    assert size > 50_000_000
    start = time.perf_counter()
    lines = _lines(path)
    elapsed = time.perf_counter() - start
    assert lines == [
        f"huge.yaml: error: the file holds {size:,} bytes (expected at most 16,777,216 bytes)"
    ]
    assert elapsed < 2.0, f"took {elapsed:.2f} s"


def test_file_size_limit_can_be_lowered():
    path = VALID / "declaration.yaml"
    size = path.stat().st_size
    assert _lines(path, limits=Limits(max_bytes=1000)) == [
        f"declaration.yaml: error: the file holds {size:,} bytes (expected at most 1,000 bytes)"
    ]
    assert _lines(path, limits=Limits(max_bytes=size)) == []


COOKIES_5 = "cookies:\n" + "".join(
    f"  - {{name: c{i}, provider: Site, category: necessary, purpose: x}}\n" for i in range(5)
)


def test_cookie_count_limit_keeps_the_first_cookies():
    result = parse_declaration(COOKIES_5, source="many.yaml", limits=Limits(max_cookies=3))
    assert [str(d) for d in result.diagnostics] == [
        "many.yaml:1:1: error: cookies: 5 cookies declared; only the first 3 are used "
        "(expected at most 3 cookies)"
    ]
    assert result.diagnostics[0].kind == "limit"
    assert [c.name for c in result.declaration.cookies] == ["c0", "c1", "c2"]


def test_cookie_count_limit_from_a_file(tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text(COOKIES_5, encoding="utf-8")
    result = load_declaration(path, source="many.yaml", limits=Limits(max_cookies=3))
    assert [d.kind for d in result.diagnostics] == ["limit"]
    assert [c.name for c in result.declaration.cookies] == ["c0", "c1", "c2"]


def test_cookie_count_at_the_limit_is_fine():
    result = parse_declaration(COOKIES_5, limits=Limits(max_cookies=5))
    assert result.ok
    assert len(result.declaration.cookies) == 5


def test_duplicates_past_the_cookie_limit_are_not_reported():
    text = COOKIES_5 + "  - {name: c0, provider: Site, category: necessary, purpose: x}\n"
    result = parse_declaration(text, limits=Limits(max_cookies=3))
    assert [d.kind for d in result.diagnostics] == ["limit"]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_value_count_limit(fmt):
    values = ", ".join(f'"v{i}"' for i in range(50))
    text = {
        "yaml": f"texts: {{intro: [{values}]}}\ncookies: []\n",
        "json": f'{{"texts": {{"intro": [{values}]}}, "cookies": []}}',
    }[fmt]
    result = parse_declaration(text, fmt, limits=Limits(max_values=20))
    assert result.declaration is None
    (diagnostic,) = result.diagnostics
    assert diagnostic.kind == "limit"
    assert diagnostic.message == "the declaration holds more than 20 values"
    assert diagnostic.line == 1


def test_value_count_limit_toml():
    values = ", ".join(f'"v{i}"' for i in range(50))
    result = parse_declaration(f"cookies = [{values}]\n", "toml", limits=Limits(max_values=20))
    (diagnostic,) = result.diagnostics
    assert (diagnostic.kind, diagnostic.message) == (
        "limit",
        "the declaration holds more than 20 values",
    )


def test_diagnostics_are_plain_values():
    for name in CASES:
        for diagnostic in load_declaration(BROKEN / name).diagnostics:
            assert isinstance(diagnostic, Diagnostic)
            assert diagnostic.kind in ("load", "limit", "schema", "reference", "duplicate")
            assert diagnostic.source == os.fspath(BROKEN / name)
            assert diagnostic.line is None or diagnostic.line >= 1
            assert diagnostic.column is None or diagnostic.column >= 1
