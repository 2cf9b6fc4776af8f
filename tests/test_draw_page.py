"""The drawn page in a real headless Chromium, driven over the DevTools protocol on a pipe
(file descriptors 3 and 4, `--remote-debugging-pipe`), with the standard library only.

The page must load with no exception and no console error, fetch nothing but itself, report the
number of nodes it drew, paint them, and show a node's details on hover.
"""

from __future__ import annotations

import base64
import io
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PIL import Image

from kg.draw.convert import load_graph, load_ontology, to_networkx
from kg.draw.formats import write_drawing
from kg.draw.select import find_node, neighbourhood

FIXTURES = Path(__file__).parent / "fixtures" / "draw"
WINDOW = (1280, 860)
PROVINCE_BLUE = (0x1F, 0x77, 0xB4)


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed, and CI must test the drawn page in it")
    pytest.skip("chromium is not installed (CI installs it; apt-get install chromium)")


class DevTools:
    """A Chromium child speaking the DevTools protocol: JSON messages ending in NUL, read by the
    browser from fd 3 and written to fd 4."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_pipes() -> None:  # runs in the child before exec; 3 and 4 may be taken, so go high first
            import fcntl

            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_read, from_browser_write)]
            for wanted, fd in zip((3, 4), high):
                os.dup2(fd, wanted)
                os.close(fd)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-extensions", "--no-first-run", "--remote-debugging-pipe", f"--user-data-dir={profile}",
             f"--window-size={WINDOW[0]},{WINDOW[1]}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=wire_pipes)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._pending = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 30
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._last_id:
                assert "error" not in reply, f"{method}: {reply['error']}"
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str, session: str, since: int) -> dict[str, Any]:
        """The first `method` event of `session` among the events from index `since` on."""
        deadline = time.monotonic() + 30
        seen = since
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            seen = len(self.events)
            self.events.append(self._receive(deadline))

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.process.wait(timeout=15)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            os.close(self._to_browser)
            os.close(self._from_browser)

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._pending:
            left = deadline - time.monotonic()
            assert left > 0 and select.select([self._from_browser], [], [], left)[0], "Chromium did not answer"
            chunk = os.read(self._from_browser, 1 << 20)
            assert chunk, "Chromium closed the DevTools pipe"
            self._pending += chunk
        message, self._pending = self._pending.split(b"\0", 1)
        return json.loads(message)


class Page:
    """One tab, with what it logged and requested since it was opened."""

    def __init__(self, browser: DevTools) -> None:
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False})

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session)

    def open(self, path: Path) -> None:
        since = len(self.browser.events)
        self.call("Page.navigate", {"url": path.as_uri()})
        self.browser.wait_for("Page.loadEventFired", self.session, since)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def events(self, *methods: str) -> list[dict[str, Any]]:
        return [e for e in self.browser.events if e.get("sessionId") == self.session and e.get("method") in methods]

    def problems(self) -> list[str]:
        thrown = [e["params"]["exceptionDetails"].get("text", "") for e in self.events("Runtime.exceptionThrown")]
        console = [str(e["params"]["args"]) for e in self.events("Runtime.consoleAPICalled")
                   if e["params"]["type"] in ("error", "warning", "assert")]
        logged = [e["params"]["entry"]["text"] for e in self.events("Log.entryAdded")
                  if e["params"]["entry"]["level"] in ("error", "warning")]
        return thrown + console + logged

    def requested(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events("Network.requestWillBeSent")]

    def screenshot(self) -> Image.Image:
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    devtools = DevTools(_chromium(), tmp_path_factory.mktemp("chromium-profile"))
    yield devtools
    devtools.close()


def opened(browser: DevTools, graph: nx.MultiDiGraph, tmp_path: Path, title: str) -> tuple[Path, Page]:
    """The graph drawn as a page and opened in the browser."""
    path = tmp_path / "kg.html"
    write_drawing(graph, path, title)
    page = Page(browser)
    page.open(path)
    return path, page


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return to_networkx(load_graph(FIXTURES / "small.ttl"), load_ontology(FIXTURES))


def test_page_draws_every_node_offline_without_errors(
    browser: DevTools, graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path, page = opened(browser, graph, tmp_path, "Đồ thị thử nghiệm")
    assert page.evaluate("window.reformKgDrawnNodes") == 16
    assert page.evaluate("window.reformKgDrawnEdges") == 25
    assert page.evaluate("document.querySelectorAll('#legend div').length") == 14
    shown_labels = page.evaluate(
        "new Promise(done => requestAnimationFrame(() => done(Array.from(document.querySelectorAll('#labels text'))"
        ".filter(t => t.style.display !== 'none').map(t => { const r = t.getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom]; }))))")
    assert len(shown_labels) >= 12
    assert not [(a, b) for i, a in enumerate(shown_labels) for b in shown_labels[i + 1:]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]], "labels overlap"
    assert page.problems() == []
    assert page.requested() == [path.as_uri()]
    shot = page.screenshot()
    assert shot.size == WINDOW
    colours = dict((colour, count) for count, colour in shot.getcolors(maxcolors=1 << 20))
    assert len(colours) > 50, "the screenshot is blank"
    assert colours.get(PROVINCE_BLUE, 0) > 100, "no province node was painted"


def test_hover_shows_label_class_and_evidence(
    browser: DevTools, graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path, page = opened(browser, graph, tmp_path, "t")
    task_index = list(graph).index("https://w3id.org/reformkg/id/task/1c2d3e4f5a6b7c8d")
    box = page.evaluate(f"(() => {{ const r = document.querySelectorAll('#nodes g.node circle')[{task_index}]"
                        ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    page.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box[0], "y": box[1]})
    lines = page.evaluate("Array.from(document.querySelectorAll('#tooltip > *'), e => e.textContent)")
    assert lines[:3] == ["nhiệm vụ Chính phủ giao", "Task",
                         "“Tỉnh đang thực hiện 12 nhiệm vụ Chính phủ giao theo Nghị quyết 83/NQ-CP.”"]
    assert lines[3:] == ["rk:taskCount: 12", "assigned by → Chính phủ", "assigned to → Thừa Thiên Huế",
                         "based on → Nghị quyết 83/NQ-CP", "status → đang thực hiện",
                         "was derived from → Bài viết mẫu về cải cách hành chính",
                         "https://w3id.org/reformkg/id/task/1c2d3e4f5a6b7c8d"]
    assert page.evaluate("getComputedStyle(document.getElementById('tooltip')).display") == "block"
    assert page.problems() == []


def test_focus_page_reports_the_neighbourhood(
    browser: DevTools, graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    centre = find_node(graph, "Thừa Thiên Huế")
    path = tmp_path / "hue.html"
    write_drawing(neighbourhood(graph, centre, 2), path, "Thừa Thiên Huế", centre)
    page = Page(browser)
    page.open(path)
    assert page.evaluate("window.reformKgDrawnNodes") == 10
    assert page.evaluate("document.querySelector('#labels text.focus').textContent") == "Thừa Thiên Huế"
    assert page.problems() == []
    assert page.requested() == [path.as_uri()]


def test_wheel_zooms_and_background_drag_pans(
    browser: DevTools, graph: nx.MultiDiGraph, tmp_path: Path
) -> None:
    path, page = opened(browser, graph, tmp_path, "t")
    transform = "document.getElementById('scene').getAttribute('transform')"

    def view() -> list[float]:
        return [float(n) for n in page.evaluate(transform).replace("translate(", "").replace(") scale(", " ")
                .rstrip(")").split()]

    x, y, scale = view()
    page.call("Input.dispatchMouseEvent", {"type": "mouseWheel", "x": 640, "y": 430, "deltaX": 0, "deltaY": -400})
    assert view()[2] == pytest.approx(scale * 1.8221, rel=1e-3)  # exp(400 * 0.0015)
    x, y, scale = view()
    for kind, point in (("mousePressed", (5, 850)), ("mouseMoved", (105, 800)), ("mouseReleased", (105, 800))):
        page.call("Input.dispatchMouseEvent", {"type": kind, "x": point[0], "y": point[1], "button": "left",
                                               "buttons": 1 if kind != "mouseReleased" else 0, "clickCount": 1})
    assert view() == pytest.approx([x + 100, y - 50, scale])
    assert page.problems() == []


def test_missing_chromium_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromium is not installed, and CI must test"):
        _chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed"):
        _chromium()
