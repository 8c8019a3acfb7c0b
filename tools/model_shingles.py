"""Write the hashes of the model page's runs of five words, for the own-wording test.

The model page (DESIGN.md) is not kept in this repository; ``tests/i18n/
test_own_wording.py`` checks the extension's wording against these hashes instead.

Run from anywhere:  python tools/model_shingles.py PATH/TO/MODEL-PAGE.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.i18n.test_own_wording import RUN, SHINGLES, digest, shingles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="the model page, as text")
    page = parser.parse_args().page
    hashes = sorted({digest(run) for run in shingles(page.read_text(encoding="utf-8"))})
    header = [
        f"# Runs of {RUN} words of the model page ({page.name}), as SHA-256 prefixes.",
        "# Written by tools/model_shingles.py; read by tests/i18n/test_own_wording.py.",
    ]
    SHINGLES.parent.mkdir(parents=True, exist_ok=True)
    SHINGLES.write_text("\n".join([*header, *hashes]) + "\n", encoding="utf-8")
    print(f"{len(hashes)} runs written to {SHINGLES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
