"""Privacy masking on waybills: the courier sees enough to deliver, passers-by see less.

Carriers print the recipient as 张*三 and 139****0001 when the shop turns masking on for
them (Carrier.mask_privacy) or the clerk asks for it; the address stays whole because the
courier needs it.
"""

from __future__ import annotations

import re


def mask_name(name: str) -> str:
    """张三丰 -> 张*丰, 张三 -> 张*, 欧阳小明 -> 欧**明; one character stays as it is."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    """13900000001 -> 139****0001; an extension (-4821) stays readable for the courier."""
    main, sep, ext = (
        phone.partition("-") if re.fullmatch(r"1\d{10}-\d{1,6}", phone) else (phone, "", "")
    )
    digits = re.sub(r"\D", "", main)
    if len(digits) < 7:
        return phone
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:] + sep + ext
