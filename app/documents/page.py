"""Page specs in millimetres, as label stock is sold, converted to points once and checked.

A waybill roll is 100 mm wide whatever the printer; the PDF page must be exactly that size in
points (100 mm = 283.46 pt) or the printer driver scales it and the barcodes stop scanning.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import PrintError

POINTS_PER_MM = 72 / 25.4


def mm(value: float) -> float:
    """Millimetres to PDF points."""
    return value * POINTS_PER_MM


@dataclass(frozen=True)
class PageSpec:
    """A page (or one label) in millimetres, with the margin nothing may be drawn into."""

    name: str
    width_mm: float
    height_mm: float
    margin_mm: float = 2.0

    def __post_init__(self) -> None:
        if not (10 <= self.width_mm <= 1000 and 10 <= self.height_mm <= 1500):
            raise PrintError(f"纸张 {self.name}: 尺寸 {self.width_mm}×{self.height_mm} mm 不合理")
        if not 0 <= self.margin_mm * 2 < min(self.width_mm, self.height_mm):
            raise PrintError(f"纸张 {self.name}: 边距 {self.margin_mm} mm 太大")

    @property
    def size_pt(self) -> tuple[float, float]:
        return mm(self.width_mm), mm(self.height_mm)

    @property
    def width_pt(self) -> float:
        return mm(self.width_mm)

    @property
    def height_pt(self) -> float:
        return mm(self.height_mm)


A4 = PageSpec("A4", 210, 297, margin_mm=0)
