"""Every Chinese UI string has a finished English translation that keeps its placeholders.

Reads resources/i18n/packdesk_en.ts as scripts/update_translations.py leaves it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "packdesk_en.ts"
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[^{}]*\}")
ENGLISH_PLURAL_FORMS = 2  # "1 order", "2 orders"


def _messages() -> list[tuple[str, ET.Element]]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return found


def _label(context: str, message: ET.Element) -> str:
    comment = message.findtext("comment")
    where = message.find("location")
    place = f"{where.get('filename')}:{where.get('line')}" if where is not None else "?"
    text = f"[{context or '<no context>'}] {message.findtext('source')!r}"
    if comment:
        text += f" (comment {comment!r})"
    return f"{text} at {place}"


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def test_ts_file_has_messages():
    assert len(_messages()) > 0


def test_every_message_is_finished_and_not_empty():
    missing = []
    for context, message in _messages():
        translation = message.find("translation")
        forms = _forms(message)
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not forms
            or not all(form.strip() for form in forms)
        ):
            missing.append(_label(context, message))
    assert not missing, f"{len(missing)} strings have no finished English:\n" + "\n".join(missing)


def test_plural_messages_have_every_english_form():
    short = [
        f"{_label(context, message)}: {len(_forms(message))} form(s)"
        for context, message in _messages()
        if message.get("numerus") == "yes" and len(_forms(message)) < ENGLISH_PLURAL_FORMS
    ]
    assert not short, (
        "Plural strings need a singular and a plural form, or Qt shows the Chinese:\n"
        + "\n".join(short)
    )


def test_translations_keep_the_placeholders():
    lost = []
    for context, message in _messages():
        needed = set(PLACEHOLDER.findall(message.findtext("source") or ""))
        for form in _forms(message):
            if not form:
                continue
            gone = needed - set(PLACEHOLDER.findall(form))
            if gone:
                lost.append(f"{_label(context, message)} -> {form!r} lacks {sorted(gone)}")
    assert not lost, "\n".join(lost)
