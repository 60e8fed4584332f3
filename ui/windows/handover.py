"""Handover (交接) window: start a pickup for one carrier, scan parcels, close with a manifest.

The scanner types the waybill number and Enter into the scan box. A refused parcel (another
carrier, cancelled on the platform, already scanned) is shown in red, and a cancelled one also
raises the stop banner so the clerk takes it out of the pile. A lost manifest of a closed
handover is printed again (补打) by its number.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackDeskError
from app.file_access import write_bytes
from app.shipping.carriers import carrier_list
from app.shipping.handover import (
    HandoverView,
    close_handover,
    handover_view,
    reprint_manifest,
    scan_parcel,
    start_handover,
)
from app.shipping.stops import ParcelStopped


class HandoverWindow(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.handover_id: int | None = None
        # The handover this window closed last: the one whose manifest is most likely lost.
        self.last_closed: int | None = None

        self.carrier_box = QComboBox()
        for carrier in carrier_list(db):
            self.carrier_box.addItem(f"{carrier.name} ({carrier.code})", carrier.code)
        self.start_button = QPushButton(self.tr("开始交接"))
        self.start_button.clicked.connect(self._start)
        self.close_button = QPushButton(self.tr("完成交接并打印交接单"))
        self.close_button.clicked.connect(self._close)
        self.close_button.setEnabled(False)
        self.reprint_button = QPushButton(self.tr("补打交接清单…"))
        self.reprint_button.clicked.connect(self._reprint)

        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(self.tr("扫描运单号后回车"))
        self.scan_box.setEnabled(False)
        self.scan_box.returnPressed.connect(self._scan)

        self.banner = QLabel()
        self.banner.setStyleSheet(
            "background:#c62828;color:white;font-weight:bold;padding:8px;font-size:15px;"
        )
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.counts = QLabel(self.tr("请选择快递公司并开始交接"))
        self.counts.setStyleSheet("font-size:16px;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.scanned_list = QListWidget()
        self.missing_list = QListWidget()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("快递公司")))
        top.addWidget(self.carrier_box)
        top.addWidget(self.start_button)
        top.addStretch(1)
        top.addWidget(self.close_button)
        top.addWidget(self.reprint_button)
        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("已扫描"), self.scanned_list),
            (self.tr("未扫描"), self.missing_list),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            lists.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.counts)
        layout.addWidget(self.message)
        layout.addLayout(lists)

    def _show(self, view: HandoverView) -> None:
        self.counts.setText(
            self.tr("交接单 {id} · {carrier}：应交 {expected} 件，已扫 {scanned} 件").format(
                id=view.id,
                carrier=view.carrier_name,
                expected=view.expected,
                scanned=len(view.scanned),
            )
        )
        self.scanned_list.clear()
        self.scanned_list.addItems([self._parcel_row(p) for p in view.scanned])
        self.missing_list.clear()
        self.missing_list.addItems([self._parcel_row(p) for p in view.missing])

    def _parcel_row(self, parcel) -> str:
        """One parcel in a list; a parcel of a several-parcel order says which one it is."""
        piece = self.tr("（第 {piece} 件）").format(piece=parcel.piece) if parcel.piece else ""
        return f"{parcel.tracking_no}  {parcel.order_no}{piece}  {parcel.destination}"

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color:#2e7d32;" if ok else "color:#c62828;font-size:15px;")
        self.message.setText(text)

    def _start(self) -> None:
        try:
            view = start_handover(self.db, self.carrier_box.currentData())
        except PackDeskError as exc:
            self._say(str(exc), ok=False)
            return
        self.handover_id = view.id
        self.carrier_box.setEnabled(False)
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.scan_box.setEnabled(True)
        self.scan_box.setFocus()
        self._show(view)
        if view.resumed:
            self._say(
                self.tr("{carrier} 的交接单 {id} 还没有完成，继续在这张单上扫描").format(
                    carrier=view.carrier_name, id=view.id
                ),
                ok=True,
            )

    def _scan(self) -> None:
        code = self.scan_box.text().strip()
        self.scan_box.clear()
        if not code or self.handover_id is None:
            return
        self.banner.hide()
        try:
            outcome = scan_parcel(self.db, self.handover_id, code)
        except ParcelStopped as exc:
            self.banner.setText(self.tr("停止发货！") + str(exc))
            self.banner.show()
            self._say(str(exc), ok=False)
            return
        except PackDeskError as exc:
            self._say(str(exc), ok=False)
            return
        self._say(
            self.tr("已扫入：{no} 订单 {order}").format(
                no=outcome.tracking_no, order=outcome.order_no
            )
            + (self.tr("（第 {piece} 件）").format(piece=outcome.piece) if outcome.piece else ""),
            ok=True,
        )
        self._show(handover_view(self.db, self.handover_id))

    def close_to(self, path: str) -> None:
        """Close the handover and write the manifest PDF to `path`."""
        result = close_handover(self.db, self.handover_id)
        missing = "、".join(p.tracking_no for p in result.missing)
        text = self.tr("交接完成：发出 {n} 件").format(n=len(result.shipped))
        if missing:
            text += self.tr("；未扫描 {m} 件：").format(m=len(result.missing)) + missing
        if result.refused:
            # Scanned, then cancelled on the platform: the courier may hold it already.
            taken = "、".join(f"{p.tracking_no}（{p.order_no}）" for p in result.refused)
            text += self.tr("；已从清单拿掉，请从快递员处取回：") + taken
        self._say(text, ok=not result.missing and not result.refused)
        try:
            write_bytes(Path(path), result.manifest_pdf)
        except PackDeskError as exc:
            self._say(
                text + "\n" + str(exc) + self.tr("。交接已完成，可用「补打交接清单…」重新保存"),
                ok=False,
            )
        self.last_closed = result.id
        self.handover_id = None
        self.carrier_box.setEnabled(True)
        self.start_button.setEnabled(True)
        self.close_button.setEnabled(False)
        self.scan_box.setEnabled(False)

    def _close(self) -> None:
        if self.handover_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存交接单"),
            f"handover-{self.handover_id}.pdf",
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        try:
            self.close_to(path)
        except PackDeskError as exc:
            self._say(str(exc), ok=False)

    def reprint_to(self, handover_id: int, path: str) -> None:
        """Write the manifest of the closed handover again, marked 补打, to `path`."""
        pdf = reprint_manifest(self.db, handover_id)
        with open(path, "wb") as out:
            out.write(pdf)
        self._say(self.tr("已补打交接单 {id} 的交接清单").format(id=handover_id), ok=True)

    def _reprint(self) -> None:
        number, ok = QInputDialog.getInt(
            self,
            self.tr("补打交接清单"),
            self.tr("交接单号"),
            self.last_closed or self.handover_id or 1,
            1,
            2_147_483_647,
        )
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存补打的交接清单"),
            f"handover-{number}-reprint.pdf",
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return
        try:
            self.reprint_to(number, path)
        except PackDeskError as exc:
            self._say(str(exc), ok=False)
