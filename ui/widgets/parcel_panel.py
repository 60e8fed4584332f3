"""The parcel part of the packing desk: box and filling, checklist, quality check, weight.

The packing window owns the scan line and forwards the function keys and typed weights here;
this panel calls the station services and reports back through `said(state, words)`, so the
window keeps one banner and one status colour.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.config import data_dir
from app.errors import PackDeskError
from app.packing import desk, station, weighing
from app.packing.scale import read_serial_scale
from ui.dialogs.packing_override import SupervisorOverrideDialog

log = logging.getLogger(__name__)


class ParcelPanel(QLabel):
    # (state, words): state is "waiting", "good" or "problem".
    said = Signal(str, str)

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._order_id: int | None = None
        self._complete = False
        self.parcel: station.ParcelView | None = None
        self.setWordWrap(True)

    def attach(self, order_id: int, complete: bool) -> None:
        """The order the function keys act on; nothing is read until a key is pressed."""
        self._order_id, self._complete = order_id, complete

    def load(self, order_id: int, complete: bool) -> None:
        self.attach(order_id, complete)
        self.parcel = station.parcel_view(self._db, order_id)
        self._show()

    def forget(self) -> None:
        self._order_id, self._complete, self.parcel = None, False, None
        self.clear()

    def _run(self, action, done_words: str) -> bool:
        if self._order_id is None:
            self.said.emit("problem", self.tr("请先打开订单"))
            return False
        try:
            self.parcel = action()
        except PackDeskError as exc:
            self.said.emit("problem", str(exc))
            return False
        self._show()
        self.said.emit("good", done_words)
        return True

    def accept_box(self) -> None:
        self._run(
            lambda: station.choose_packaging(self._db, self._order_id),
            self.tr("已用建议的箱子"),
        )

    def choose_box(self, code: str, reason: str) -> None:
        self._run(
            lambda: station.choose_packaging(self._db, self._order_id, code, reason=reason),
            self.tr("已选箱子 {0}").format(code),
        )

    def tick_next(self) -> None:
        step = self.parcel.next_step if self.parcel else "placed"
        if step in ("", "qc"):
            self.said.emit("problem", self.tr("清单已完成，请质检（F6/F7）"))
            return
        self._run(
            lambda: station.tick_step(self._db, self._order_id, step),
            self.tr("已完成：{0}").format(station.STEP_LABELS[step]),
        )

    def quality(self, passed: bool) -> None:
        words = self.tr("质检合格") if passed else self.tr("质检不合格，已记返工，请重新打包")
        done = self._run(
            lambda: station.quality_check(
                self._db, self._order_id, intact=passed, label_matches=passed
            ),
            words,
        )
        if done and not passed:
            self.said.emit("problem", words)

    def record_weight(self, kg: str) -> None:
        if not self._run(
            lambda: weighing.record_weight(self._db, self._order_id, kg),
            self.tr("重量 {0} kg").format(kg),
        ):
            return
        if self.parcel.weight_state == "blocked":
            self.said.emit(
                "problem",
                self.tr("重量 {0} kg 与应有 {1} kg 不符，需主管放行（F10）").format(
                    self.parcel.weight, self.parcel.expected_weight
                ),
            )
            return
        self._maybe_auto_print()

    def read_scale(self) -> None:
        port, baud = desk.scale_port(self._db)
        if not port:
            self.said.emit("problem", self.tr("未设置秤的串口；请直接输入重量，如 1.25kg"))
            return
        try:
            kg = read_serial_scale(port, baud)
        except (PackDeskError, OSError) as exc:
            self.said.emit("problem", str(exc))
            return
        self.record_weight(str(kg))

    def override_weight(self) -> None:
        if self._order_id is None:
            return
        dialog = SupervisorOverrideDialog(self.tr("主管放行重量"), None, self)
        if dialog.exec() != SupervisorOverrideDialog.DialogCode.Accepted:
            return
        if self._run(
            lambda: weighing.override_weight(
                self._db, self._order_id, dialog.supervisor.text(), dialog.reason.text()
            ),
            self.tr("主管已放行重量"),
        ):
            self._maybe_auto_print()

    def next_parcel(self) -> None:
        self._run(
            lambda: station.start_next_parcel(self._db, self._order_id),
            self.tr("已开始下一个包裹"),
        )

    def print_slip(self, order_no: str) -> None:
        """The packing slip as a PDF in the data folder, ready for the desk printer."""
        from app.documents.packing_slip import render_packing_slip

        try:
            pdf = render_packing_slip(self._db, order_no)
        except PackDeskError as exc:
            self.said.emit("problem", str(exc))
            return
        folder = data_dir() / "packing_slips"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{order_no}.pdf"
        path.write_bytes(pdf)
        self.said.emit("good", self.tr("装箱单已生成：{0}").format(path.name))

    def _maybe_auto_print(self) -> None:
        """When the order is fully scanned and the weight passed, print if this desk says so."""
        if not (self._complete and self.parcel and self.parcel.weight_ok):
            return
        if not desk.auto_print_enabled(self._db):
            return
        try:
            path = desk.print_waybill_to(self._db, self._order_id, data_dir() / "waybills")
        except (PackDeskError, ImportError) as exc:
            self.said.emit("problem", self.tr("面单自动打印失败：{0}").format(exc))
            return
        self.said.emit("good", self.tr("面单已打印：{0}").format(path.name))

    def _show(self) -> None:
        p = self.parcel
        if p is None:
            return
        ticks = " ".join(
            ("✔" if i < p.checklist_done else "☐") + station.STEP_LABELS[s]
            for i, s in enumerate(station.STEPS)
        )
        qc = {"passed": "✔", "failed": "✘"}.get(p.qc_state, "☐") + self.tr("质检")
        self.setText(
            self.tr(
                "包裹 {0} · 建议 {1} + {2}（{3}）· 已选 {4} + {5}\n"
                "重量 {6} kg · 应为 {7} kg · 体积重 {8} kg · 返工 {9} 次\n{10} {11}"
            ).format(
                p.parcel_no,
                p.proposed_box or "—",
                p.proposed_filling or "—",
                "；".join(p.box_reasons),
                p.box_code or "—",
                p.filling_code or "—",
                p.weight or "—",
                p.expected_weight or "—",
                p.volumetric_weight or "—",
                p.rework_count,
                ticks,
                qc,
            )
        )
