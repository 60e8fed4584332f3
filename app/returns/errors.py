"""Typed errors of the returns flow; each carries the facts a clerk needs to fix the input."""

from __future__ import annotations

from app.errors import BadInput, PackDeskError


class ReturnNotFound(BadInput):
    def __init__(self, code: str) -> None:
        super().__init__(f"找不到退货单 {code}（可扫退货单号或退回运单号）")
        self.code = code


class ReturnInputError(BadInput):
    """A request, scan or grade names something impossible; `field` says which input."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class IllegalReturnStep(PackDeskError):
    """The return is in a state from which this step is not allowed."""

    def __init__(self, rma_no: str, current: str, wanted: str) -> None:
        super().__init__(f"退货单 {rma_no} 不能从「{current}」变为「{wanted}」")
        self.rma_no = rma_no
        self.current = current
        self.wanted = wanted


class NotEligible(BadInput):
    """Approving a return whose lines fall outside the policy needs an explicit override."""

    def __init__(self, rma_no: str, reasons: list[str]) -> None:
        super().__init__(f"退货单 {rma_no} 不符合退货政策: {'；'.join(reasons)}")
        self.rma_no = rma_no
        self.reasons = reasons
