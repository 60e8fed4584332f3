"""The shipping process as a list of steps and decisions, and which order states belong where.

One list serves the sheet, the table page (表格图), the window and the figures, so a step
renamed here is renamed everywhere. Targets are hours; a step with no target (`None`) is
instant or not timed, and is never picked as the slowest.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.orders.status import Status

S = Status


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    # "step" is drawn as a box, "decision" as a diamond.
    kind: str
    # The order states whose dwell time counts for this step (held orders count for the step
    # they were held from, see app.flow.visits).
    statuses: tuple[Status, ...] = ()
    does: str = ""
    who: str = ""
    checks: str = ""
    target_hours: float | None = None
    # What the target is measured on, in words for the table page.
    target_words: str = ""

    @property
    def status_filter(self) -> str:
        """The order state to list when the step is clicked ("" = none).

        The orders window filters on one state, so a step with several gives its first:
        verification gives "new"; held orders are one click away on the "paid?" decision.
        """
        return self.statuses[0].value if self.statuses else ""


STEPS: tuple[Step, ...] = (
    Step(
        "intake",
        "接单",
        "step",
        (),
        "导入平台订单与明细",
        "系统 / 客服",
        "订单号、编码、必填列",
        1,
        "平台下单后 1 小时内入库",
    ),
    Step("paid", "已付款？", "decision", (S.HELD,), checks="未付款挂起，交易关闭不发"),
    Step(
        "verification",
        "审核",
        "step",
        (S.NEW, S.HELD),
        "核对付款、SKU、数量、金额、电话、地址",
        "审单员",
        "规则结果，挂起原因",
        2,
        "付款后 2 小时内审核",
    ),
    Step(
        "confirmation",
        "确认",
        "step",
        (S.VERIFIED,),
        "通知客户，确认订单",
        "客服",
        "备注与特殊要求",
        4,
        "审核后 4 小时内确认",
    ),
    Step("stock_check", "库存检查", "step", (), "按行预留库存", "系统", "可用库存 = 在库 − 预留"),
    Step("stock_ok", "库存足够？", "decision", (S.BACKORDERED,), checks="每行是否全部预留"),
    Step(
        "backorder",
        "缺货处理",
        "step",
        (S.BACKORDERED,),
        "补货、等到货或换替代品",
        "采购 / 仓管",
        "到货数量，替代品经客户同意",
        48,
        "缺货后 48 小时内补齐",
    ),
    Step(
        "preparation",
        "备货",
        "step",
        (S.CONFIRMED,),
        "拣货送到打包台",
        "拣货员",
        "货位与数量",
        8,
        "确认后 8 小时内开始打包",
    ),
    Step(
        "packaging",
        "选包装",
        "step",
        (),
        "按货物选箱子和填充物",
        "打包员",
        "易碎品加泡沫，重货用硬箱",
    ),
    Step(
        "packing",
        "打包",
        "step",
        (S.PACKING,),
        "逐件扫描装箱",
        "打包员",
        "条码、数量，不多不少",
        1,
        "开始扫描后 1 小时内装完",
    ),
    Step(
        "quality",
        "质检",
        "step",
        (S.PACKED,),
        "称重，检查包装与面单",
        "打包员 / 质检员",
        "重量在允差内，包装完好",
        2,
        "装完后 2 小时内打出面单",
    ),
    Step("qc_ok", "质检通过？", "decision", (), checks="不通过退回打包返工"),
    Step("carrier", "选快递", "step", (), "按地区与重量选快递", "打包员", "快递公司当天是否收件"),
    Step("waybill", "打面单", "step", (), "打印面单，贴在箱上", "打包员", "运单号格式、条码可读"),
    Step(
        "handover",
        "交接",
        "step",
        (S.LABELLED,),
        "交给快递员，扫描出库",
        "仓管",
        "件数与交接单一致",
        24,
        "打面单后 24 小时内交接",
    ),
    Step(
        "notice",
        "发货通知",
        "step",
        (),
        "短信 / 邮件告知客户",
        "系统",
        "运单号与预计送达",
        2,
        "发货后 2 小时内发出",
    ),
    Step(
        "tracking",
        "物流跟踪",
        "step",
        (S.SHIPPED,),
        "跟踪物流，发现异常",
        "客服",
        "无更新、超时、拒收",
        96,
        "发货后 96 小时内签收",
    ),
    Step(
        "feedback",
        "签收与反馈",
        "step",
        (S.DELIVERED,),
        "记录评价、投诉与补偿",
        "客服",
        "投诉原因，补偿审批",
    ),
    Step("return_ok", "可退货？", "decision", (), checks="七天无理由、质量问题 15 天"),
    Step(
        "returns",
        "退货处理",
        "step",
        (),
        "收货、检验、入库、退款或换货",
        "售后",
        "只入库退回的件数",
        72,
        "收到退货后 72 小时内处理完",
    ),
)

STEP_BY_KEY: dict[str, Step] = {s.key: s for s in STEPS}

# Where an order waits while it is in each state. HELD is absent on purpose: a held order
# waits in the step it was held from (a hold before verification counts for verification).
STATE_STEP: dict[Status, str] = {
    S.NEW: "verification",
    S.VERIFIED: "confirmation",
    S.CONFIRMED: "preparation",
    S.BACKORDERED: "backorder",
    S.PACKING: "packing",
    S.PACKED: "quality",
    S.LABELLED: "handover",
    S.SHIPPED: "tracking",
    S.DELIVERED: "feedback",
}

# Steps whose time is measured; the others happen in one go inside a transition.
TIMED_STEPS: tuple[str, ...] = (
    "intake",
    "verification",
    "confirmation",
    "backorder",
    "preparation",
    "packaging",
    "packing",
    "quality",
    "carrier",
    "handover",
    "notice",
    "tracking",
    "returns",
)
