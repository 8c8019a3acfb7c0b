"""Write the presets' texts a language lacks, to translate, or check a translation file.

    python tools/preset_texts.py de > /tmp/de.yaml     # the English and French to translate
    python tools/preset_texts.py --check de            # what sphinx_cookiecharter/presets/
                                                       # translations/de.yaml still lacks

The skeleton names each text by preset and place (``cookies[0].purpose``,
``facts.theme.trigger``, ``note``) with the English and French as comments; the
translation goes in ``sphinx_cookiecharter/presets/translations/<language>.yaml`` with
the same keys.
"""

from __future__ import annotations

import argparse
import json
import sys

from sphinx_cookiecharter.core.presets import presets


def skeleton(language: str) -> str:
    lines = [f"# Preset texts in {language}: translate each value; the comments give en and fr."]
    for preset_id, preset in presets().items():
        missing = preset.missing_languages([language])
        if not missing:
            continue
        lines.append(f"{preset_id}:")
        for where in missing:
            text = preset.text_at(where)
            lines.append(f"  # en: {text['en']}")
            lines.append(f"  # fr: {text['fr']}")
            lines.append(f"  {json.dumps(where)}: {json.dumps(text['en'], ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("language")
    parser.add_argument("--check", action="store_true", help="list what is still missing")
    args = parser.parse_args(argv)
    if args.check:
        lacking = {
            preset_id: sorted(preset.missing_languages([args.language]))
            for preset_id, preset in presets().items()
            if preset.missing_languages([args.language])
        }
        print(json.dumps(lacking, indent=2) if lacking else "nothing missing")
        return 1 if lacking else 0
    sys.stdout.write(skeleton(args.language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
