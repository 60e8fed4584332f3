"""The packing desk: one scan line, the expected lines with ticks, and the parcel's checks.

Everything is driven from the keyboard. The scan line always has the focus; a scanner types
its code and Enter. What the line does with a code depends on the desk's state:
- no order open (or the open one is finished or blocked): the code opens an order;
- a number of 1–3 digits: the quantity for the next scan;
- a reading ending in kg or g (a keyboard-wedge scale, or typed): the parcel's weight;
- `BOX CODE reason`: the clerk's own box instead of the proposed one;
- anything else: one scan of an item.
Function keys do the rest (listed at the bottom of the window). Feedback is the banner and
the colour of the whole window; a refusal also beeps. No dialog needs dismissing except the
supervisor's override, which is a decision, not feedback.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config import current_user, data_dir
from app.errors import PackDeskError
from app.packing import desk, station, weighing
from app.packing.scale import parse_scale_line, read_serial_scale
from app.packing.service import clerk_stats, open_for_packing, override_scan, scan
from app.packing.views import PackingView
from ui.dialogs.packing_override import SupervisorOverrideDialog
from ui.models.packing_lines import PackingLinesModel

log = logging.getLogger(__name__)

COLOURS = {"waiting": "#e6edf5", "good": "#cdeecb", "problem": "#f6c9c9"}
BANNER = {"waiting": "#4a6280", "good": "#1e7b34", "problem": "#c0392b"}
_QUANTITY = re.compile(r"^\d{1,3}$")
_WEIGHT = re.compile(r"\d.*(kg|g)\s*$", re.I)


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


class PackingWindow(QWidget):
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._view: PackingView | None = None
        self._parcel: station.ParcelView | None = None
        self._quantity = 1
        self.status = "waiting"
        self.setAutoFillBackground(True)
        self.setFont(_font(16))

        self.banner = QLabel(self)
        self.banner.setFont(_font(28, bold=True))
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(70)
        self.banner.setAutoFillBackground(True)

        self.scan_input = QLineEdit(self)
        self.scan_input.setFont(_font(26))
        self.scan_input.setPlaceholderText(self.tr("扫描或输入订单号、商品条码……"))
        self.scan_input.returnPressed.connect(self._on_enter)

        self.header = QLabel(self)
        self.header.setFont(_font(20, bold=True))
        self.remarks = QLabel(self)
        self.remarks.setWordWrap(True)
        self.remarks.setStyleSheet("color: #8a4b00;")

        self.lines_model = PackingLinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.lines_model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setIconSize(QSize(56, 56))
        self.table.verticalHeader().setDefaultSectionSize(64)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.parcel_info = QLabel(self)
        self.parcel_info.setWordWrap(True)
        self.stats = QLabel(self)
        self.stats.setFont(_font(13))
        keys = QLabel(
            self.tr(
                "F2 用建议箱子 · F4 勾选下一步 · F6 质检合格 · F7 质检不合格 · F8 读秤 · "
                "F9 主管放行扫描 · F10 主管放行重量 · F11 下一个包裹 · Esc 关闭订单"
            ),
            self,
        )
        keys.setFont(_font(11))
        keys.setWordWrap(True)

        layout = QVBoxLayout(self)
        for widget in (self.banner, self.scan_input, self.header, self.remarks):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        for widget in (self.parcel_info, self.stats, keys):
            layout.addWidget(widget)
        for widget in (self.banner, self.header, self.remarks, self.parcel_info, self.stats, keys):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(400)
        self._stats_timer.timeout.connect(self._refresh_stats)
        self._bind_keys()
        self._show_waiting()
        self._refresh_stats()

    # -- keyboard -------------------------------------------------------------------------

    def _bind_keys(self) -> None:
        bindings = {
            "F2": self._accept_box,
            "F4": self._tick_next,
            "F6": lambda: self._qc(True),
            "F7": lambda: self._qc(False),
            "F8": self._read_scale,
            "F9": self._override_scan,
            "F10": self._override_weight,
            "F11": self._next_parcel,
            "Esc": self._close_order,
        }
        for key, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.scan_input.setFocus()

    def _on_enter(self) -> None:
        text = self.scan_input.text().strip()
        self.scan_input.clear()
        self.scan_input.setFocus()
        if not text:
            return
        try:
            self._dispatch(text)
        except PackDeskError as exc:
            self._problem(str(exc))

    def _dispatch(self, text: str) -> None:
        open_order = (
            self._view is not None and not self._view.complete and not self._view.blocked_reason
        )
        if _WEIGHT.search(text) and self._view is not None:
            self._record_weight(str(parse_scale_line(text)))
        elif open_order and _QUANTITY.match(text):
            self._quantity = int(text)
            self._say("waiting", self.tr("下一次扫描数量：×{0}").format(self._quantity))
        elif text.upper().startswith("BOX ") and self._view is not None:
            _, code, *reason = text.split(maxsplit=2)
            self._parcel = station.choose_packaging(
                self._db, self._view.order_id, code, reason=" ".join(reason)
            )
            self._show_parcel()
            self._say("good", self.tr("已选箱子 {0}").format(code))
        elif not open_order:
            self._open(text)
        else:
            self._scan(text)

    # -- scanning -------------------------------------------------------------------------

    def _open(self, code: str) -> None:
        view = open_for_packing(self._db, code)
        self._show_order(view)
        if view.complete:
            self._say("good", self.tr("订单 {0} 已扫描完成").format(view.order_no))
            self._load_parcel()
        elif view.blocked_reason:
            self._problem(view.blocked_reason)
        else:
            self._say(
                "waiting",
                self.tr("请扫描商品（{0}/{1}）").format(view.units_scanned, view.units_expected),
            )

    def _scan(self, code: str) -> None:
        quantity, self._quantity = self._quantity, 1
        result = scan(self._db, self._view.order_id, code, quantity=quantity, user=current_user())
        self._view = result.view
        self.lines_model.set_lines(result.view.lines)
        self._show_header()
        self._stats_timer.start()
        if not result.accepted:
            self._problem(result.reason)
        elif result.completed:
            self._say("good", self.tr("全部扫描完成，请装箱称重"))
            self._load_parcel()
        else:
            self._say(
                "good",
                f"{result.reason}  ({result.view.units_scanned}/{result.view.units_expected})",
            )

    # -- parcel checks --------------------------------------------------------------------

    def _run(self, action, done_words: str) -> None:
        if self._view is None:
            self._problem(self.tr("请先打开订单"))
            return
        try:
            self._parcel = action()
        except PackDeskError as exc:
            self._problem(str(exc))
            return
        self._show_parcel()
        self._say("good", done_words)

    def _accept_box(self) -> None:
        self._run(
            lambda: station.choose_packaging(self._db, self._view.order_id),
            self.tr("已用建议的箱子"),
        )

    def _tick_next(self) -> None:
        step = self._parcel.next_step if self._parcel else "placed"
        if step in ("", "qc"):
            self._problem(self.tr("清单已完成，请质检（F6/F7）"))
            return
        self._run(
            lambda: station.tick_step(self._db, self._view.order_id, step),
            self.tr("已完成：{0}").format(station.STEP_LABELS[step]),
        )

    def _qc(self, passed: bool) -> None:
        words = self.tr("质检合格") if passed else self.tr("质检不合格，已记返工，请重新打包")
        self._run(
            lambda: station.quality_check(
                self._db, self._view.order_id, intact=passed, label_matches=passed
            ),
            words,
        )
        if not passed and self._parcel is not None:
            self._say("problem", words)

    def _record_weight(self, kg: str) -> None:
        self._run(
            lambda: weighing.record_weight(self._db, self._view.order_id, kg),
            self.tr("重量 {0} kg").format(kg),
        )
        if self._parcel is None or self._parcel.weight_state != "blocked":
            self._maybe_auto_print()
            return
        self._problem(
            self.tr("重量 {0} kg 与应有 {1} kg 不符，需主管放行（F10）").format(
                self._parcel.weight, self._parcel.expected_weight
            )
        )

    def _read_scale(self) -> None:
        port, baud = desk.scale_port(self._db)
        if not port:
            self._problem(self.tr("未设置秤的串口；请直接输入重量，如 1.25kg"))
            return
        try:
            kg = read_serial_scale(port, baud)
        except (PackDeskError, OSError) as exc:
            self._problem(str(exc))
            return
        self._record_weight(str(kg))

    def _override_scan(self) -> None:
        if self._view is None:
            return
        open_lines = [ln for ln in self._view.lines if not ln.done]
        dialog = SupervisorOverrideDialog(
            self.tr("主管放行扫描"),
            [f"{ln.line_no}. {ln.sku} {ln.title}" for ln in open_lines],
            self,
        )
        if not open_lines or dialog.exec() != SupervisorOverrideDialog.DialogCode.Accepted:
            return
        line = open_lines[dialog.choice.currentIndex()]
        try:
            result = override_scan(
                self._db,
                self._view.order_id,
                line.line_no,
                1,
                dialog.supervisor.text(),
                dialog.reason.text(),
            )
        except PackDeskError as exc:
            self._problem(str(exc))
            return
        self._view = result.view
        self.lines_model.set_lines(result.view.lines)
        self._show_header()
        self._say("good", self.tr("主管已放行：{0}").format(line.sku))
        if result.completed:
            self._load_parcel()

    def _override_weight(self) -> None:
        if self._view is None:
            return
        dialog = SupervisorOverrideDialog(self.tr("主管放行重量"), None, self)
        if dialog.exec() != SupervisorOverrideDialog.DialogCode.Accepted:
            return
        self._run(
            lambda: weighing.override_weight(
                self._db, self._view.order_id, dialog.supervisor.text(), dialog.reason.text()
            ),
            self.tr("主管已放行重量"),
        )
        self._maybe_auto_print()

    def _next_parcel(self) -> None:
        self._run(
            lambda: station.start_next_parcel(self._db, self._view.order_id),
            self.tr("已开始下一个包裹"),
        )

    def _maybe_auto_print(self) -> None:
        if (
            self._view is None
            or not self._view.complete
            or not self._parcel
            or not self._parcel.weight_ok
            or not desk.auto_print_enabled(self._db)
        ):
            return
        try:
            path = desk.print_waybill_to(self._db, self._view.order_id, data_dir() / "waybills")
        except (PackDeskError, ImportError) as exc:
            self._problem(self.tr("面单自动打印失败：{0}").format(exc))
            return
        self._say("good", self.tr("面单已打印：{0}").format(path.name))

    def _load_parcel(self) -> None:
        self._parcel = station.parcel_view(self._db, self._view.order_id)
        self._show_parcel()

    # -- showing --------------------------------------------------------------------------

    def _close_order(self) -> None:
        self._view = None
        self._parcel = None
        self._quantity = 1
        self.lines_model.set_lines(())
        self._show_waiting()

    def _show_waiting(self) -> None:
        self.header.setText(self.tr("等待扫描订单"))
        self.remarks.clear()
        self.parcel_info.clear()
        self._say("waiting", self.tr("请扫描订单号、拣货单或商品条码"))

    def _show_order(self, view: PackingView) -> None:
        self._view = view
        self._parcel = None
        self._quantity = 1
        self.lines_model.set_lines(view.lines)
        self._show_header()
        self.remarks.setText("\n".join(f"⚠ {r}" for r in view.remarks))
        self.parcel_info.clear()

    def _show_header(self) -> None:
        v = self._view
        self.header.setText(
            self.tr("订单 {0} · {1} · {2} · {3}/{4} 件").format(
                v.order_no, v.recipient, v.status_label, v.units_scanned, v.units_expected
            )
        )

    def _show_parcel(self) -> None:
        p = self._parcel
        if p is None:
            return
        ticks = " ".join(
            ("✔" if i < p.checklist_done else "☐") + station.STEP_LABELS[s]
            for i, s in enumerate(station.STEPS)
        )
        qc = {"passed": "✔", "failed": "✘"}.get(p.qc_state, "☐") + self.tr("质检")
        self.parcel_info.setText(
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

    def _say(self, state: str, words: str) -> None:
        """Banner text and the colour of the whole window; palettes, not style sheets, so a
        scan does not re-polish every child widget."""
        self.banner.setText(words)
        if state == self.status and self.banner.palette().color(
            QPalette.ColorRole.Window
        ) == QColor(BANNER[state]):
            return
        banner = self.banner.palette()
        banner.setColor(QPalette.ColorRole.Window, QColor(BANNER[state]))
        banner.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.banner.setPalette(banner)
        window = self.palette()
        window.setColor(QPalette.ColorRole.Window, QColor(COLOURS[state]))
        self.setPalette(window)
        self.status = state

    def _problem(self, words: str) -> None:
        self._say("problem", words)
        QApplication.beep()

    def _refresh_stats(self) -> None:
        rows = clerk_stats(self._db)
        self.stats.setText(
            self.tr("今日：")
            + "   ".join(
                self.tr("{0} 扫描 {1} 件，错扫 {2} 次，打包 {3} 单").format(
                    s.user, s.units, s.refused_scans, s.orders_packed
                )
                for s in rows
            )
        )
