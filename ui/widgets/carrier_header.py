"""The 基本信息 tab of the carrier catalogue: limits, pickup days, cut-off, holidays, masking.

Spin boxes start at zero on purpose: the service, not the widget, says that a limit must be
above zero, so the clerk reads the same message as on the command line.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.shipping.catalogue_checks import YEARLY_HOLIDAYS
from app.shipping.catalogue_view import CarrierHeader


def _spin(highest: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, highest)
    box.setSuffix(suffix)
    return box


class CarrierHeaderForm(QWidget):
    changed = Signal()
    save_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.dirty = False
        self._loading = False

        self.name = QLineEdit()
        self.max_weight = QDoubleSpinBox()
        self.max_weight.setRange(0, 100000)
        self.max_weight.setDecimals(3)
        self.max_weight.setSuffix(" kg")
        self.max_side = _spin(20000, " mm")
        self.max_sum = _spin(60000, " mm")
        self.divisor = _spin(100000, "")
        self.large_goods = QCheckBox(self.tr("承运大件（冰箱、洗衣机等送货上门）"))
        day_names = [
            self.tr("周一"),
            self.tr("周二"),
            self.tr("周三"),
            self.tr("周四"),
            self.tr("周五"),
            self.tr("周六"),
            self.tr("周日"),
        ]
        self.weekdays = [QCheckBox(name) for name in day_names]
        self.cutoff = QTimeEdit()
        self.cutoff.setDisplayFormat("HH:mm")
        self.holidays = QListWidget()
        self.holidays.setMaximumHeight(150)
        for english, _chinese in YEARLY_HOLIDAYS:
            item = QListWidgetItem(self._holiday_words().get(english, english))
            item.setData(Qt.ItemDataRole.UserRole, english)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.holidays.addItem(item)
        self.mask = QCheckBox(self.tr("隐私面单（姓名、电话中间打星号）"))
        self.active = QCheckBox(self.tr("启用（参与选快递）"))
        self.save_button = QPushButton(self.tr("保存"))

        days = QHBoxLayout()
        for box in self.weekdays:
            days.addWidget(box)
        days.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("最大重量"), self.max_weight)
        form.addRow(self.tr("最长边"), self.max_side)
        form.addRow(self.tr("三边之和"), self.max_sum)
        form.addRow(self.tr("抛比（体积重除数）"), self.divisor)
        form.addRow("", self.large_goods)
        form.addRow(self.tr("收件日"), days)
        form.addRow(self.tr("截单时间"), self.cutoff)
        form.addRow(self.tr("节假日停运"), self.holidays)
        form.addRow("", self.mask)
        form.addRow("", self.active)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(bottom)

        for edit in (self.max_weight, self.max_side, self.max_sum, self.divisor):
            edit.valueChanged.connect(self._mark_changed)
        self.name.textEdited.connect(self._mark_changed)
        self.cutoff.timeChanged.connect(self._mark_changed)
        self.holidays.itemChanged.connect(self._mark_changed)
        for box in (*self.weekdays, self.large_goods, self.mask, self.active):
            box.toggled.connect(self._mark_changed)
        self.save_button.clicked.connect(self.save_requested)

    def _holiday_words(self) -> dict[str, str]:
        return {
            "New Year's Day": self.tr("元旦"),
            "Spring Festival": self.tr("春节"),
            "Tomb-sweeping Day": self.tr("清明节"),
            "Labour Day": self.tr("劳动节"),
            "Dragon Boat Festival": self.tr("端午节"),
            "National Day": self.tr("国庆节"),
            "Mid-autumn Festival": self.tr("中秋节"),
        }

    def load(self, header: CarrierHeader) -> None:
        self._loading = True
        self.name.setText(header.name)
        self.max_weight.setValue(float(header.max_weight))
        self.max_side.setValue(header.max_side_mm)
        self.max_sum.setValue(header.max_sum_mm)
        self.divisor.setValue(header.volumetric_divisor)
        self.large_goods.setChecked(header.large_goods)
        for number, box in enumerate(self.weekdays, 1):
            box.setChecked(str(number) in header.pickup_days)
        hour, minute = (int(p) for p in header.cutoff.split(":"))
        self.cutoff.setTime(QTime(hour, minute))
        for row in range(self.holidays.count()):
            item = self.holidays.item(row)
            closed = item.data(Qt.ItemDataRole.UserRole) in header.closed_holidays
            item.setCheckState(Qt.CheckState.Checked if closed else Qt.CheckState.Unchecked)
        self.mask.setChecked(header.mask_privacy)
        self.active.setChecked(header.active)
        self._loading = False
        self.dirty = False

    def values(self) -> dict:
        """The fields as `update_carrier` takes them; the cut-off as the text shown."""
        holidays = [
            self.holidays.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.holidays.count())
            if self.holidays.item(row).checkState() == Qt.CheckState.Checked
        ]
        return {
            "name": self.name.text(),
            # The spin box shows three places; its text is what the clerk saw, no float noise.
            "max_weight": Decimal(f"{self.max_weight.value():.3f}"),
            "max_side_mm": self.max_side.value(),
            "max_sum_mm": self.max_sum.value(),
            "volumetric_divisor": self.divisor.value(),
            "large_goods": self.large_goods.isChecked(),
            "pickup_days": "".join(
                str(n) for n, box in enumerate(self.weekdays, 1) if box.isChecked()
            ),
            "cutoff": self.cutoff.text(),
            "closed_holidays": holidays,
            "mask_privacy": self.mask.isChecked(),
            "active": self.active.isChecked(),
        }

    def _mark_changed(self, *_args) -> None:
        if self._loading:
            return
        self.dirty = True
        self.changed.emit()
