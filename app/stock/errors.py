"""Typed errors of the stock services; each carries the facts a clerk needs to act."""

from __future__ import annotations

from app.errors import BadInput, PackDeskError


class InsufficientStock(PackDeskError):
    """Fewer units are available than asked for; nothing was reserved or taken."""

    def __init__(self, product_id: int, sku: str, wanted: int, available: int) -> None:
        super().__init__(f"库存不足: {sku or product_id} 需要 {wanted}，可用 {available}")
        self.product_id = product_id
        self.sku = sku
        self.wanted = wanted
        self.available = available


class UnknownSku(BadInput):
    def __init__(self, sku: str) -> None:
        super().__init__(f"商品编码 {sku} 不存在")
        self.sku = sku


class UnknownPackUnit(BadInput):
    def __init__(self, sku: str, unit: str) -> None:
        super().__init__(f"商品 {sku} 没有包装单位「{unit}」")
        self.sku = sku
        self.unit = unit


class BinBlocked(PackDeskError):
    """A count is open on the bin, so goods may not move in or out of it until it closes."""

    def __init__(self, bin_code: str, count_id: int) -> None:
        super().__init__(f"库位 {bin_code} 正在盘点（盘点单 {count_id}），暂停出入库")
        self.bin = bin_code
        self.count_id = count_id


class OrderCancelled(PackDeskError):
    """A cancelled order's goods must never be packed or handed over."""

    def __init__(self, order_no: str) -> None:
        super().__init__(f"订单 {order_no} 已取消，不能打包或交接")
        self.order_no = order_no


class NotAccepted(PackDeskError):
    """A substitution was to be applied before the customer's acceptance was recorded."""

    def __init__(self, substitution_id: int) -> None:
        super().__init__(f"替换建议 {substitution_id} 尚未记录客户同意，不能执行")
        self.substitution_id = substitution_id


class NeedsApproval(PackDeskError):
    """A count adjustment needs a supervisor other than the counter, with a reason."""


class MissingReason(BadInput):
    """A stock change a person makes by hand must say why, for the ledger."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}: 必须填写原因 (--reason)")


class BadQuantity(BadInput):
    def __init__(self, field: str, value: object, rule: str) -> None:
        super().__init__(f"{field} = {value!r}: {rule}")
        self.field = field
        self.value = value
