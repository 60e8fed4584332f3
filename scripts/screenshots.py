"""Save a picture of every window, on demo data, under Xvfb (a real X server, not offscreen).

Usage: python scripts/screenshots.py OUT_DIR
Starts Xvfb itself when DISPLAY is not set. The pictures are for people to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _start_xvfb() -> subprocess.Popen | None:
    if os.environ.get("DISPLAY") or not shutil.which("Xvfb"):
        return None
    server = subprocess.Popen(
        ["Xvfb", ":97", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.environ["DISPLAY"] = ":97"
    time.sleep(1.0)
    return server


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    server = _start_xvfb()
    try:
        from app import demo
        from app.db.engine import Database
        from ui.application import ensure_application
        from ui.main_window import PAGES, MainWindow

        with tempfile.TemporaryDirectory() as tmp:
            db = Database(f"sqlite:///{tmp}/shots.sqlite3")
            demo.seed(db)
            app = ensure_application()
            window = MainWindow(db)
            window.show()
            for page in PAGES:
                window.show_page(page.key)
                for _ in range(5):
                    app.processEvents()
                    time.sleep(0.05)
                path = out / f"{page.key}.png"
                window.grab().save(str(path))
                print(path)
            window.close()
            db.dispose()
    finally:
        if server is not None:
            server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
