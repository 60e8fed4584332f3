"""The waybill benchmark still runs (a 50-label smoke run; the full run is `make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_waybill_bench_quick_run_reports_its_figures():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_waybills.py"), "--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "labels/s" in result.stdout and "KB/label" in result.stdout
    assert "ratio to floor" in result.stdout
