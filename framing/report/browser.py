"""Open report pages in headless Chromium and fail on console errors or network requests.

Uses the Chrome DevTools Protocol over a local websocket (``websocket-client``),
so no browser download is needed: it drives the machine's Chromium
(``apt-get install chromium`` on Debian). For each page it records every request
whose URL is not ``file:`` or ``data:``, every console error and uncaught
exception, and saves a full-page PNG screenshot.

``python -m framing.report.browser reports/`` checks every ``*.html`` there (also under
``articles/``); exit status 1 when any page fetched something or logged an error.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-quic", "--disable-component-update", "--disable-sync", "--disable-default-apps",
         "--disable-extensions", "--hide-scrollbars", "--window-size=1280,900"]


def find_chromium() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # localhost, never via a proxy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Session:
    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def drain(self, idle: float = 0.5, limit: float = 15.0) -> None:
        """Read events until the page has loaded and nothing arrived for ``idle`` seconds."""
        end = time.time() + limit
        loaded = False
        self.ws.settimeout(idle)
        try:
            while time.time() < end:
                try:
                    ev = json.loads(self.ws.recv())
                except Exception:  # idle for `idle` seconds
                    if loaded:
                        break
                    continue
                self.events.append(ev)
                loaded = loaded or ev.get("method") == "Page.loadEventFired"
        finally:
            self.ws.settimeout(30)


def check_pages(pages, screenshot_dir: str | Path | None = None, chromium: str | None = None) -> list[dict]:
    """Load each HTML file; return one dict per page: page, requests, errors, screenshot."""
    exe = chromium or find_chromium()
    if not exe:
        raise FileNotFoundError("no Chromium found (apt-get install chromium, or set CHROMIUM=/path)")
    port = _free_port()
    profile = tempfile.mkdtemp(prefix="framing-chromium-")
    proc = subprocess.Popen([exe, *FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={profile}",
                             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        ws_url = None
        for _ in range(100):
            try:
                with _NO_PROXY.open(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    targets = [t for t in json.load(r) if t.get("type") == "page"]
                if targets:
                    ws_url = targets[0]["webSocketDebuggerUrl"]
                    break
            except OSError:
                pass
            time.sleep(0.2)
        if not ws_url:
            raise RuntimeError("Chromium did not open its debugging port")
        s = _Session(ws_url)
        for domain in ("Page", "Network", "Runtime", "Log"):
            s.call(f"{domain}.enable")
        for page in pages:
            page = Path(page).resolve()
            s.events.clear()
            s.call("Page.navigate", url=page.as_uri())
            s.drain()
            requests, errors = [], []
            for ev in s.events:
                m, p = ev.get("method"), ev.get("params", {})
                if m == "Network.requestWillBeSent":
                    url = p["request"]["url"]
                    if not url.startswith(("file:", "data:", "about:")):
                        requests.append(url)
                elif m == "Runtime.exceptionThrown":
                    errors.append(p["exceptionDetails"].get("text", "exception"))
                elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                    errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
                elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                    errors.append(p["entry"].get("text", ""))
            shot = None
            if screenshot_dir:
                Path(screenshot_dir).mkdir(parents=True, exist_ok=True)
                data = s.call("Page.captureScreenshot", format="png")["data"]
                shot = Path(screenshot_dir) / (page.stem + ".png")
                shot.write_bytes(base64.b64decode(data))
            results.append({"page": str(page), "requests": requests, "errors": errors,
                            "screenshot": str(shot) if shot else ""})
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return results


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m framing.report.browser")
    ap.add_argument("site", help="folder with the built report")
    ap.add_argument("--screenshots", default=None, help="folder for PNG screenshots (default: SITE/screenshots)")
    a = ap.parse_args(argv)
    site = Path(a.site)
    pages = sorted(site.glob("*.html")) + sorted(site.glob("articles/*.html"))
    if not pages:
        print(f"framing.report.browser: no HTML pages in {site}", file=sys.stderr)
        return 2
    res = check_pages(pages, a.screenshots or site / "screenshots")
    bad = 0
    for r in res:
        status = "ok" if not (r["requests"] or r["errors"]) else "FAIL"
        bad += status == "FAIL"
        print(f"{status}: {Path(r['page']).relative_to(site.resolve())}  requests={len(r['requests'])} "
              f"errors={len(r['errors'])}")
        for u in r["requests"]:
            print(f"    request: {u}")
        for e in r["errors"]:
            print(f"    error: {e}")
    print(f"{len(res)} pages checked in headless Chromium, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
