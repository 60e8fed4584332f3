"""Starting the Qt application: fonts, translations, the main window."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import resources_dir
from app.db.engine import Database

log = logging.getLogger(__name__)


def load_fonts() -> None:
    """Make the shipped CJK font the default, so Chinese shows on a desk without CJK fonts."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the CJK font in resources/fonts could not be loaded")
        return
    QApplication.setFont(QFont(families[0], 11))


def install_translation(app: QApplication) -> QTranslator | None:
    """Chinese is the source language; English follows from resources/i18n when asked for.

    PACKDESK_LANG=en (or an English system locale with PACKDESK_LANG unset) loads it.
    """
    wanted = os.environ.get("PACKDESK_LANG") or QLocale.system().name()
    if not wanted.startswith("en"):
        return None
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "i18n" / "packdesk_en.qm")):
        app.installTranslator(translator)
        return translator
    log.info("no English translation found; showing Chinese")
    return None


def ensure_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PackDesk")
    app.setOrganizationName("PackDesk")
    load_fonts()
    install_translation(app)
    return app


def run_gui(db: Database) -> int:
    from ui.main_window import MainWindow

    app = ensure_application()
    window = MainWindow(db)
    window.show()
    return app.exec()


def show_start_failure(message: str) -> None:
    """Why the desk could not start (a database that cannot be opened), before any window."""
    ensure_application()
    QMessageBox.critical(
        None, QCoreApplication.translate("Application", "PackDesk 无法启动"), message
    )
