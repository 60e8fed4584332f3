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

from app.config import current_user
from app.errors import PackDeskError
from app.packing.scale import parse_scale_line
from app.packing.service import clerk_stats, open_for_packing, override_scan, scan
from app.packing.views import PackingView
from ui.dialogs.packing_override import SupervisorOverrideDialog
from ui.models.packing_lines import PackingLinesModel
from ui.widgets.parcel_panel import ParcelPanel

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

        self.parcel_info = ParcelPanel(db, self)
        self.parcel_info.said.connect(self._said)
        self.stats = QLabel(self)
        self.stats.setFont(_font(13))
        keys = QLabel(
            self.tr(
                "F2 用建议箱子 · F4 勾选下一步 · F6 质检合格 · F7 质检不合格 · F8 读秤 · "
                "F9 主管放行扫描 · F10 主管放行重量 · F11 下一个包裹 · F12 装箱单 · Esc 关闭订单"
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
            "F2": self.parcel_info.accept_box,
            "F4": self.parcel_info.tick_next,
            "F6": lambda: self.parcel_info.quality(True),
            "F7": lambda: self.parcel_info.quality(False),
            "F8": self.parcel_info.read_scale,
            "F9": self._override_scan,
            "F10": self.parcel_info.override_weight,
            "F11": self.parcel_info.next_parcel,
            "F12": self._print_slip,
            "Esc": self._close_order,
        }
        for key, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.scan_input.setFocus()

    def hideEvent(self, event) -> None:  # noqa: N802
        """A hidden desk does not query its counts; they refresh when it shows again."""
        self._stats_timer.stop()
        super().hideEvent(event)

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
            self.parcel_info.record_weight(str(parse_scale_line(text)))
        elif open_order and _QUANTITY.match(text):
            self._quantity = int(text)
            self._say("waiting", self.tr("下一次扫描数量：×{0}").format(self._quantity))
        elif text.upper().startswith("BOX ") and self._view is not None:
            _, code, *reason = text.split(maxsplit=2)
            self.parcel_info.choose_box(code, " ".join(reason))
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

    def _print_slip(self) -> None:
        if self._view is not None:
            self.parcel_info.print_slip(self._view.order_no)

    def _load_parcel(self) -> None:
        self.parcel_info.load(self._view.order_id, self._view.complete)

    # -- showing --------------------------------------------------------------------------

    def _close_order(self) -> None:
        self._view = None
        self._quantity = 1
        self.lines_model.set_lines(())
        self._show_waiting()

    def _show_waiting(self) -> None:
        self.header.setText(self.tr("等待扫描订单"))
        self.remarks.clear()
        self.parcel_info.forget()
        self._say("waiting", self.tr("请扫描订单号、拣货单或商品条码"))

    def _show_order(self, view: PackingView) -> None:
        self._view = view
        self._quantity = 1
        self.lines_model.set_lines(view.lines)
        self._show_header()
        self.remarks.setText("\n".join(f"⚠ {r}" for r in view.remarks))
        self.parcel_info.forget()
        self.parcel_info.attach(view.order_id, view.complete)

    def _show_header(self) -> None:
        v = self._view
        self.header.setText(
            self.tr("订单 {0} · {1} · {2} · {3}/{4} 件").format(
                v.order_no, v.recipient, v.status_label, v.units_scanned, v.units_expected
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

    def _said(self, state: str, words: str) -> None:
        if state == "problem":
            self._problem(words)
        else:
            self._say(state, words)

    def _problem(self, words: str) -> None:
        self._say("problem", words)
        QApplication.beep()

    def _refresh_stats(self) -> None:
        """Throughput and wrong scans per clerk since midnight, for the desk to see."""
        rows = clerk_stats(self._db)
        parts = [
            self.tr("{0} 扫描 {1} 件，错扫 {2} 次，打包 {3} 单").format(
                s.user, s.units, s.refused_scans, s.orders_packed
            )
            for s in rows
        ]
        self.stats.setText(self.tr("今日：") + ("   ".join(parts) or self.tr("暂无扫描")))
