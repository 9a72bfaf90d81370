"""The benchmark runs, end to end, on a tiny catalog (its figures are not checked here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def test_benchmark_runs_at_n_20(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench/run.py"),
            "--n",
            "20",
            "--reps",
            "1",
            "--no-hugo",
            "--out",
            str(tmp_path / "bench"),
            "--json",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    report = json.loads(out.read_text())
    assert report["n"] == 20
    assert report["pages"] == 3 * 20 + 4  # every posting in 3 locales, 3 indexes, the front page
    assert set(report["results"]) == {
        "jdgen-cold",
        "jdgen-nochange",
        "jdgen-onechange",
        "jdgen-render",
        "jdgen-sitestring",
        "python-floor",
    }
    assert all(r["seconds"] > 0 and r["peak_mb"] > 0 for r in report["results"].values())
    assert all(r["cpu_seconds"] > 0 for r in report["results"].values())
    assert report["ram_disk"] is False  # --out names a directory on disk
