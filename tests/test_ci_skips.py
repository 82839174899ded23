"""In CI a skipped test fails the run (``tests/conftest.py``); outside CI a skip is only reported."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def _run(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess:
    shutil.copy(Path(__file__).with_name("conftest.py"), tmp_path / "conftest.py")
    (tmp_path / "test_one.py").write_text("import pytest\n\ndef test_runs():\n    pass\n\ndef test_skips():\n    pytest.skip('no')\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"} | ({"CI": "1"} if ci else {})
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "--rootdir", str(tmp_path), str(tmp_path)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


def test_a_skip_fails_the_run_in_ci(tmp_path):
    result = _run(tmp_path, ci=True)
    assert result.returncode == 1, result.stdout
    assert "CI: 1 skipped" in result.stdout and "test_one.py::test_skips" in result.stdout


def test_a_skip_is_only_reported_outside_ci(tmp_path):
    result = _run(tmp_path, ci=False)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
