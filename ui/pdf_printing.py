"""Showing and printing our PDFs through Qt: preview pages, and printing at 100 % scale.

A label printer must get the page at its true size: the printer's page is set to the PDF's
page size in millimetres with no margins, and each page is rendered at the printer's own
resolution and drawn over the whole page, so nothing is scaled to fit. The printer chosen for
each kind of document (waybill, label, manifest) is remembered in QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSettings, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

POINTS_PER_MM = 72 / 25.4


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def page_images(pdf: bytes, dpi: int = 110) -> list[QImage]:
    document, buffer = load_pdf(pdf)
    images = []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        rendered = document.render(page, (size * dpi / 72).toSize())
        # Pages are transparent; a label is white paper.
        paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, rendered)
        painter.end()
        images.append(paper)
    document.close()
    buffer.close()
    return images


def print_pdf(
    pdf: bytes, kind: str, parent=None, ask: bool = True, output_file: str | None = None
) -> bool:
    """Print every page at 100 %; returns False when the clerk cancelled the dialog.

    `output_file` prints through Qt into a PDF file instead of a printer (used by tests).
    """
    settings = QSettings()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    remembered = settings.value(f"printers/{kind}", "")
    if output_file:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(output_file)
    elif remembered and remembered in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(remembered)

    document, buffer = load_pdf(pdf)
    first = document.pagePointSize(0)
    page_size = QPageSize(
        QSizeF(first.width() / POINTS_PER_MM, first.height() / POINTS_PER_MM),
        QPageSize.Unit.Millimeter,
    )
    printer.setPageLayout(
        QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    if ask:
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
    settings.setValue(f"printers/{kind}", printer.printerName())

    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            image = document.render(page, target.size())
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return True
