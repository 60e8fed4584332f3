"""Reading a scale: one that types its reading like a keyboard, or one on a serial port.

Scales send lines such as `ST,GS,+  1.250kg`, `  1.25 kg` or `W:001250g`; the number and unit
are taken from the line, and only a stable reading (no `US` unstable flag) counts. The port is
a setting (`packing.scale_port`, e.g. `/dev/ttyUSB0` or pyserial's `loop://` in tests), with
`packing.scale_baud` (9600).
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

from app.packing.weighing import WeightRefused, usable_weight

log = logging.getLogger(__name__)

_READING = re.compile(r"([+-]?\s*\d+(?:[.,]\d+)?)\s*(kg|g|lb)?", re.I)


def parse_scale_line(line: str) -> Decimal:
    """The weight in kg from one line a scale sent; refuses unstable and unreadable lines."""
    text = line.strip()
    if re.search(r"\bUS\b", text) or "unstable" in text.lower():
        raise WeightRefused(f"秤读数不稳定：「{text}」")
    match = _READING.search(text)
    if not match:
        raise WeightRefused(f"秤读数无法识别：「{text}」")
    value = Decimal(match.group(1).replace(" ", "").replace(",", "."))
    unit = (match.group(2) or "kg").lower()
    if unit == "g":
        value = value / 1000
    elif unit == "lb":
        value = value * Decimal("0.45359237")
    return usable_weight(value, f"秤读数 「{text}」")


def read_serial_scale(
    port: str, baud: int = 9600, timeout: float = 2.0, request: bytes = b""
) -> Decimal:
    """Read one stable reading from a serial scale; `request` is sent first if the scale
    only answers when asked (many answer to `W\\r\\n`)."""
    import serial

    with serial.serial_for_url(port, baudrate=baud, timeout=timeout) as conn:
        if request:
            conn.write(request)
        for _ in range(10):
            raw = conn.readline()
            if not raw:
                break
            try:
                return parse_scale_line(raw.decode("ascii", errors="replace"))
            except WeightRefused as exc:
                log.debug("scale line skipped: %s", exc)
    raise WeightRefused(f"秤（{port}）没有给出稳定读数")
