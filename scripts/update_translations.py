"""Refresh the English translation from the Chinese source strings in ui/.

Runs pyside6-lupdate over ui/ (new strings appear in resources/i18n/packdesk_en.ts, unfinished),
fills in the English words kept in resources/i18n/english.json (a [singular, plural] pair for a
string counted with %n), and compiles the .qm file the
application loads with PACKDESK_LANG=en. A string with no English yet stays Chinese on screen.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def main() -> int:
    ts = I18N / "packdesk_en.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete"],
        check=True,
        capture_output=True,
    )

    english = json.loads((I18N / "english.json").read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    done = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source not in english or translation is None:
            continue
        translation.attrib.pop("type", None)
        words = english[source]
        if message.get("numerus") == "yes":
            # English has a singular and a plural; a list gives both, a string serves for both.
            forms = words if isinstance(words, list) else [words, words]
            for form in list(translation):
                translation.remove(form)
            for text in forms:
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = words
        done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)

    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(I18N / "packdesk_en.qm")],
        check=True,
        capture_output=True,
    )
    total = sum(1 for _ in tree.iter("message"))
    print(f"{done} of {total} strings have English")
    return 0


if __name__ == "__main__":
    sys.exit(main())
