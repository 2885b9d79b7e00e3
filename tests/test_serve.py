"""``hdnd serve``: a live preview on this machine that rebuilds when the data changes."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import MINIMAL
from hdnd_sphinx import tiny_project

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str, wait: float = 30) -> str:
    """The page, once the server listens (it says where before it does)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            with NO_PROXY.open(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_serve_rebuilds_when_the_data_changes(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "project", data=MINIMAL / "data")
    hdnd = Path(sys.executable).with_name("hdnd")
    command = [str(hdnd)] if hdnd.exists() else [sys.executable, "-m", "sphinx_hdnd.cli"]
    # unbuffered, and read on a thread: a silent server must fail the test, not hang it
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([*command, "serve", str(project), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout],  # type: ignore[union-attr]
                     daemon=True).start()
    try:
        url, seen = None, []
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if proc.poll() is not None:
                    break
                continue
            seen.append(line)
            m = re.search(r"Serving on (http://127\.0\.0\.1:\d+)", line)
            url = m.group(1) if m else None
        assert url, "".join(seen)
        assert "Ctrl+C" in seen[0] and "127.0.0.1" in "".join(seen)
        assert "hoàn thành toàn bộ nội dung chương trình" in fetch(f"{url}/index.html")

        session = project / "data" / "session.yaml"
        text = session.read_text("utf-8")
        session.write_text(text.replace("hoàn thành toàn bộ nội dung chương trình",
                                        "hoàn thành chương trình đã sửa"), "utf-8")
        page = ""
        while time.monotonic() < deadline and "chương trình đã sửa" not in page:
            time.sleep(1)
            page = fetch(f"{url}/index.html")
        assert "chương trình đã sửa" in page
        # nothing is printed or written for the preview but the site
        assert not (project / "_build" / "pdf").exists()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    shutil.rmtree(project / "_build", ignore_errors=True)
