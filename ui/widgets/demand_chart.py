"""History and forecast of one product's daily sales, in one chart read at a glance.

Solid blue is what shipped (the last twelve weeks), dashed orange what is forecast; the
weekend bumps and a festival peak show as the shape of the lines.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen

from app.stock.forecast import Forecast

HISTORY_DAYS = 84


def _ms(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class DemandChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(self._chart.margins() * 0)
        self.setChart(self._chart)

    def show_forecast(self, forecast: Forecast) -> None:
        self._chart.removeAllSeries()
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)

        history = QLineSeries()
        history.setName(self.tr("实际销量（件/天）"))
        history.setPen(QPen(QColor("#1f77b4"), 2))
        start = (forecast.forecast[0][0] if forecast.forecast else date.today()) - timedelta(
            days=HISTORY_DAYS + 1
        )
        first_ahead = forecast.forecast[0][0] if forecast.forecast else date.today()
        shown = [(d, q) for d, q in forecast.history if start <= d < first_ahead - timedelta(1)]
        for day, quantity in shown:
            history.append(_ms(day), quantity)

        ahead = QLineSeries()
        ahead.setName(self.tr("预测（件/天）"))
        pen = QPen(QColor("#ff7f0e"), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        ahead.setPen(pen)
        for day, quantity in forecast.forecast:
            ahead.append(_ms(day), quantity)

        x_axis = QDateTimeAxis()
        x_axis.setFormat("MM-dd")
        x_axis.setTickCount(9)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        values = [q for _d, q in shown] + [q for _d, q in forecast.forecast]
        last = forecast.forecast[-1][0] if forecast.forecast else first_ahead
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(_ms(start))),
            QDateTime.fromMSecsSinceEpoch(int(_ms(last))),
        )
        y_axis.setRange(0, max(values, default=1) * 1.15 or 1)
        self._chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (history, ahead):
            self._chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self._chart.setTitle(
            self.tr("需求: 周季节性 × 趋势 %1 × 节日峰值 %2")
            .replace("%1", f"{forecast.trend:.2f}")
            .replace("%2", f"{forecast.festival_lift:.1f}")
        )
