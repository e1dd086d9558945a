"""Keep the translations in step with the code, and compile them for the app.

    python tools/translations.py update   # sources → resources/translations/*.ts
    python tools/translations.py build    # *.ts → *.qm (what the app loads)
    python tools/translations.py missing  # list messages with no finished translation

`update` runs pyside6-lupdate over the code, then adds the preset names and descriptions
from resources/presets/index.json (context "Presets"), which lupdate cannot read. Existing
translations are kept. `build` runs pyside6-lrelease; the Makefile calls it on set-up, so
the compiled .qm files are never committed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
PRESET_CONTEXT = "Presets"
BIN = Path(sys.executable).parent


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"loss_lens_{language}.ts"


def sources() -> list[str]:
    files = sorted((ROOT / "gui").rglob("*.py")) + sorted((ROOT / "core").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files] + ["main.py"]


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else name


def preset_texts() -> list[str]:
    index = json.loads((ROOT / "resources" / "presets" / "index.json").read_text("utf-8"))
    texts: list[str] = []
    for entry in index:
        texts += [entry["name"], entry["description"]]
    return texts


def messages_of(ts: Path, context_name: str) -> dict[str, ET.Element]:
    if not ts.exists():
        return {}
    return {m.findtext("source"): m for c in ET.parse(ts).getroot().findall("context")
            if c.findtext("name") == context_name for m in c.findall("message")}


def add_context(ts: Path, context_name: str, texts: list[str],
                old: dict[str, ET.Element]) -> None:
    """Put `texts` in context `context_name`, with the translations in `old` where known."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for context in root.findall("context"):
        if context.findtext("name") == context_name:
            root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = context_name
    for text in dict.fromkeys(texts):
        message = old.get(text)
        if message is None:
            message = ET.Element("message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", type="unfinished")
        context.append(message)
    ET.indent(tree, "    ")
    with open(ts, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_path(language)
        old = messages_of(ts, PRESET_CONTEXT)  # lupdate drops what it did not find itself
        subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                        *sources(), "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
        add_context(ts, PRESET_CONTEXT, preset_texts(), old)


def build() -> None:
    for language in LANGUAGES:
        ts = ts_path(language)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True)


def missing() -> int:
    count = 0
    for language in LANGUAGES:
        for context in ET.parse(ts_path(language)).getroot().findall("context"):
            for message in context.findall("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished" \
                        or not (translation.text or "").strip():
                    count += 1
                    print(f"{language} [{context.findtext('name')}] {message.findtext('source')}")
    return count


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "build":
        build()
    elif command == "missing":
        return 1 if missing() else 0
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
