"""The per-row import report as a CSV a clerk can open in Excel (UTF-8 with a BOM)."""

from __future__ import annotations

import csv
from pathlib import Path

from app.intake.records import ImportReport

HEADER = ["文件", "行", "订单号", "结果", "列", "原因"]
OUTCOME_WORDS = {
    "stored": "已保存",
    "updated": "已更新",
    "unchanged": "无变化",
    "held": "已挂起",
    "stopped": "已拦截",
    "refused": "已拒绝",
}


def write_report_csv(report: ImportReport, path: Path | str) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for r in report.rows:
            writer.writerow(
                [
                    r.file,
                    r.row,
                    r.order_no,
                    OUTCOME_WORDS.get(r.outcome, r.outcome),
                    r.column,
                    r.reason,
                ]
            )
    return path
