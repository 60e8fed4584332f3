"""Typed errors the services raise; `ui/` and the CLI turn them into words for a clerk.

Each error carries the facts (which order, which file and row) as attributes, so a caller can
build its own message or show the default one from `str()`.
"""

from __future__ import annotations


class PackDeskError(Exception):
    """Base of every error a service raises on purpose."""


class BadInput(PackDeskError):
    """Input a person supplied is unusable; the CLI exits with status 3 on it."""


class FileRefused(BadInput):
    """A whole file was refused, so nothing from it was stored."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class OrderNotFound(BadInput):
    def __init__(self, order_no: str) -> None:
        super().__init__(f"订单 {order_no} 不存在")
        self.order_no = order_no


class AmbiguousOrder(BadInput):
    """An order number exists on more than one platform; the caller must say which."""

    def __init__(self, order_no: str, platforms: list[str]) -> None:
        super().__init__(f"订单号 {order_no} 在多个平台存在: {', '.join(platforms)}")
        self.order_no = order_no
        self.platforms = platforms


class IllegalTransition(PackDeskError):
    """An order was asked to move to a state its current state does not lead to."""

    def __init__(self, order_no: str, current: str, wanted: str) -> None:
        super().__init__(f"订单 {order_no} 不能从「{current}」变为「{wanted}」")
        self.order_no = order_no
        self.current = current
        self.wanted = wanted


class PrintError(PackDeskError):
    """A document could not be produced (missing font, bad page spec)."""
