#!/usr/bin/env python3
"""Opens a page written by toolkit.write.html in headless Chromium and checks what a reader sees.

    check_html.py PAGE.html [--screenshot OUT.png] [--chromium /usr/bin/chromium]

Fails (exit 1, one line per finding) when the page logs a console error or an exception, asks for
anything but its own file, draws a chart that is blank (each <svg class="chart"> is captured by its
bounding box and must hold ink and several colours), or looks different with JavaScript off.
Prints a one-line JSON summary otherwise.

Chromium is driven through its DevTools protocol over --remote-debugging-pipe (JSON messages ended
by NUL on file descriptors 3 and 4): no WebSocket library, no browser download, the system browser.
"""
import argparse
import base64
import fcntl
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="check-html-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()

        def descriptors():
            # The protocol pipe must be fds 3 (commands in) and 4 (replies out) in the child; moving
            # both above 10 first keeps one dup2 from overwriting the other. os.pipe's descriptors
            # are not inherited (PEP 446); the dup2 copies are, so exactly these two pass.
            high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
             "--font-render-hinting=none", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=descriptors, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.out = os.fdopen(to_child_w, "wb", buffering=0)
        self.inp = os.fdopen(from_child_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = self.inp.read(65536)
            if not chunk:
                raise RuntimeError("Chromium closed the protocol pipe (did it start? try: chromium --headless=new --no-sandbox)")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return self.events.pop()

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def png_pixels(data):
    """RGBA or RGB rows of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, kind = 8, b"", 0, 0, 6
    while pos < len(data):
        length, tag = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if tag == b"IHDR":
            width, height, depth, kind, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and kind in (2, 6) and interlace == 0, "unexpected PNG format"
        elif tag == b"IDAT":
            idat += body
        pos += 12 + length
    channels = 4 if kind == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        method, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if method == 1:
                line[i] = (line[i] + a) & 255
            elif method == 2:
                line[i] = (line[i] + b) & 255
            elif method == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif method == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def ink(png):
    """Share of pixels that are not the background, and how many distinct colours there are."""
    width, height, channels, rows = png_pixels(png)
    background = rows[0][:3] if rows else b"\xff\xff\xff"
    inked, colours = 0, set()
    for row in rows:
        for x in range(0, width * channels, channels):
            pixel = row[x:x + 3]
            if pixel != background:
                inked += 1
            if len(colours) < 64:
                colours.add(pixel)
    return inked / max(1, width * height), len(colours)


def check(page, chromium, screenshot=None):
    findings = []
    url = "file://" + os.path.abspath(page)
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1024, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session=session)

        def load(scripts):
            browser.send("Emulation.setScriptExecutionDisabled", {"value": not scripts}, session=session)
            browser.events.clear()
            browser.send("Page.navigate", {"url": url}, session=session)
            browser.wait_for("Page.loadEventFired")
            # Let late console messages and requests arrive.
            browser.send("Runtime.evaluate", {"expression": "1", "awaitPromise": True}, session=session)
            time.sleep(0.3)
            browser.send("Runtime.evaluate", {"expression": "1"}, session=session)
            return list(browser.events)

        events = load(scripts=True)
        for event in events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                requested = params["request"]["url"]
                if requested != url:
                    findings.append(f"network request: {requested}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                findings.append(f"console {params['type']}: {text}")
            elif method == "Runtime.exceptionThrown":
                findings.append(f"exception: {params['exceptionDetails'].get('text')} {params['exceptionDetails'].get('exception', {}).get('description', '')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                findings.append(f"console {params['entry']['level']} ({params['entry']['source']}): {params['entry']['text']}")

        layout = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """
            JSON.stringify({
              charts: Array.from(document.querySelectorAll("svg.chart")).map(function (svg) {
                var r = svg.getBoundingClientRect();
                return { id: svg.id, kind: svg.closest("section").className,
                         x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
              }),
              height: document.documentElement.scrollHeight,
              scripts: document.querySelectorAll("script").length
            })"""}, session=session)["result"]["value"]
        layout = json.loads(layout)
        charts = []
        for chart in layout["charts"]:
            if chart["width"] < 50 or chart["height"] < 50:
                findings.append(f"chart {chart['id']} ({chart['kind']}) is {chart['width']:.0f}x{chart['height']:.0f} px")
                continue
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
                "x": chart["x"], "y": chart["y"], "width": chart["width"], "height": chart["height"], "scale": 1}},
                session=session)
            share, colours = ink(base64.b64decode(shot["data"]))
            charts.append({"id": chart["id"], "kind": chart["kind"], "ink": round(share, 4), "colours": colours})
            if share < 0.01 or colours < 3:
                findings.append(f"chart {chart['id']} ({chart['kind']}) looks blank: {share:.2%} of its pixels drawn, {colours} colours")

        def full_page():
            height = min(layout["height"], 16000)
            return browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
                "x": 0, "y": 0, "width": 1024, "height": height, "scale": 1}}, session=session)["data"]

        with_scripts = full_page()
        if screenshot:
            with open(screenshot, "wb") as f:
                f.write(base64.b64decode(with_scripts))
        load(scripts=False)
        without_scripts = full_page()
        if with_scripts != without_scripts and png_pixels(base64.b64decode(with_scripts))[3] != png_pixels(base64.b64decode(without_scripts))[3]:
            findings.append("the page looks different with JavaScript off")
    finally:
        browser.close()
    return findings, {"charts": charts, "height": layout["height"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page")
    parser.add_argument("--screenshot")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    findings, summary = check(args.page, args.chromium, args.screenshot)
    for finding in findings:
        print(f"{args.page}: {finding}", file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
