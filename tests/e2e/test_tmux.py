"""The real app in a real terminal: ``itatui demo`` started in tmux, driven with send-keys, read with capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)) -> None:
        self.name = f"itatui-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v!s}" for k, v in env.items())
        cmd = " ".join(command)
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), f"env {exports} {cmd}"],
            check=True,
        )

    def screen(self) -> str:
        out = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return out.stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys], check=True)

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True).returncode == 0

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    made: list[Terminal] = []

    def start(*args: str) -> Terminal:
        env = {"ITATUI_HOME": str(tmp_path), "LANG": "C.UTF-8", "TERM": "xterm-256color", "ITATUI_LANG": "th"}
        term = Terminal([sys.executable, "-m", "itatui", *args], env)
        made.append(term)
        return term

    yield start
    for term in made:
        term.close()


def test_demo_log_in_plan_table_complaints_and_quit(terminal, tmp_path):
    term = terminal("--db", str(tmp_path / "demo.db"), "demo")
    term.wait_for("demo-plan", timeout=60)  # the demo log-in lists its accounts
    time.sleep(0.5)  # a person reads the screen before typing
    for keys, literal in (("plan", True), ("Tab", False), ("demo-plan", True), ("Enter", False)):
        term.keys(keys, literal=literal)
        time.sleep(0.2)
    screen = term.wait_for("10,000")  # project 4's yearly budget in the plan table
    assert "เทศบาลตำบลเขมราฐ" in screen
    assert "การสร้างวัฒนธรรมสุจริต" in screen
    term.keys("t")  # Thai digits
    term.wait_for("๑๐,๐๐๐")
    term.keys("3")
    screen = term.wait_for("รท.")  # the complaint queue with registry numbers
    term.keys("C-q")
    deadline = time.monotonic() + 10
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not term.alive(), "ctrl+q did not quit"
    assert os.path.exists(tmp_path / "demo.db")
