"""The packing benchmark runs end to end on a small database (a smoke run, not a timing)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_packing  # noqa: E402


def test_bench_quick_run_prints_its_figures(qapp, capsys) -> None:
    assert bench_packing.main(["--quick", "--orders", "300", "--scans", "6"]) == 0
    out = capsys.readouterr().out
    assert "packing window (Enter -> ticked line)" in out
    assert "ratio to floor" in out
