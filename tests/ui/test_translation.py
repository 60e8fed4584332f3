"""Chinese is the source language; the English translation loads on request."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.db.engine import Database
from ui.application import install_translation
from ui.main_window import MainWindow


def test_english_translation_replaces_the_chinese_words(qtbot, db: Database, monkeypatch):
    monkeypatch.setenv("PACKDESK_LANG", "en")
    translator = install_translation(QApplication.instance())
    assert translator is not None
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        assert window.nav.item(0).text() == "Orders"
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        QApplication.instance().removeTranslator(translator)


def test_chinese_by_default(qtbot, db: Database, monkeypatch):
    monkeypatch.setenv("PACKDESK_LANG", "zh_CN")
    assert install_translation(QApplication.instance()) is None
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "订单"
