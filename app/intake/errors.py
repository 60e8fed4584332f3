"""Errors of the intake step beyond the shared ones in `app.errors`."""

from __future__ import annotations

from app.errors import BadInput, PackDeskError


class ImportCancelled(PackDeskError):
    """The clerk pressed Cancel; the transaction was rolled back and nothing is stored."""

    def __init__(self) -> None:
        super().__init__("导入已取消，未保存任何数据")


class FieldErrors(BadInput):
    """A hand-typed order with wrong fields; `errors` maps each field to what is wrong."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
