"""Derive the test declaration ocd.yaml from the Open Cookie Database.

Source: the Open Cookie Database (github.com/jkwakman/Open-Cookie-Database), file
``open-cookie-database.csv`` at commit 0ee5a17fe1cb002943f89370d24fc26a4226061c,
Apache License 2.0 (LICENSE beside this file). Run with the CSV's path:

    python tests/data/open-cookie-database/derive.py \
        tests/data/open-cookie-database/open-cookie-database.csv

It writes ocd.yaml: 26 necessary cookies, 40 statistics cookies and the 30 marketing
cookies with the longest names, their domains and providers as the database gives them.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DURATION = re.compile(r"^(\d+) ?(year|month|week|day|hour|minute|second)s?$")


def duration(value: str) -> str | None:
    value = value.strip().lower()
    if value in ("session", "persistent"):
        return value
    match = DURATION.match(value)
    return f"{match.group(1)} {match.group(2)}s" if match else None


def cookie(row: dict[str, str], category: str) -> dict[str, object]:
    result: dict[str, object] = {
        "name": row["Cookie / Data Key name"].strip(),
        "provider": row["Platform"].strip(),
        "category": category,
        "purpose": " ".join(row["Description"].split()) or "Not described.",
    }
    lifetime = duration(row["Retention period"])
    if lifetime:
        result["duration"] = lifetime
    domain = row["Domain"].strip().split(" ")[0]
    if domain:
        result["domain"] = domain
        result["party"] = "third"
    return result


def main(path: str) -> int:
    with Path(path).open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    seen: set[str] = set()

    def pick(rows: list[dict[str, str]], count: int, category: str) -> list[dict[str, object]]:
        chosen = []
        for row in rows:
            name = row["Cookie / Data Key name"].strip()
            if name in seen or not name:
                continue
            seen.add(name)
            chosen.append(cookie(row, category))
            if len(chosen) == count:
                break
        return chosen

    functional = [row for row in rows if row["Category"] == "Functional"]
    analytics = [row for row in rows if row["Category"] == "Analytics"]
    longest = sorted(rows, key=lambda row: -len(row["Cookie / Data Key name"]))
    cookies = (
        pick(functional, 26, "necessary")
        + pick(analytics, 40, "statistics")
        + pick(longest, 30, "marketing")
    )
    header = (
        "# Derived from the Open Cookie Database (Apache License 2.0, see LICENSE and\n"
        "# derive.py beside this file): 26 necessary, 40 statistics and 30 marketing\n"
        "# cookies with the longest names.\n"
    )
    body = yaml.safe_dump(
        {"version": 1, "cookies": cookies}, allow_unicode=True, sort_keys=False, width=88
    )
    (HERE / "ocd.yaml").write_text(header + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
